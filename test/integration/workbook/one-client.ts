// Shared by the check, repair and size suites: a tab by name, a header's column, a set-up workbook with one client, a five-goal plan and one session, and a repair that fails at its last write.
import type { Emulator, EmulatorState } from '../../../emulator';
import { client, emulator, fiveGoalPlan, measure, ok, session, setUp } from '../../../kit/workbook';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function tab(em: Emulator, name: string): Sheet {
  const s = em.spreadsheet.getSheetByName(name);
  if (!s) throw new Error(`Expected a tab ${name}`);
  return s;
}

/** The 1-based column of a header in row 1. */
export function colOf(em: Emulator, name: string, header: string): number {
  const s = tab(em, name);
  const at = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0].indexOf(header) + 1;
  if (!at) throw new Error(`Expected a "${header}" header in ${name}`);
  return at;
}

/** A set-up workbook with client C-0001, a five-goal plan and one session (PHQ-9 total 8, GAD-7 total 7). */
export function oneClientClinic(): Emulator {
  const em = setUp();
  ok(em.run('addClient', client('C-0001')));
  const plan = ok<{ goals: { id: string }[] }>(em.run('savePlan', fiveGoalPlan('C-0001')));
  ok(em.run('recordSession', session('C-0001', plan.goals.map((g) => g.id))));
  return em;
}

/** Repair on a copy of `state` whose last write (its Audit row) fails: the emulator afterwards and whether the repair answered ok. */
export function repairFailingAtLastWrite(state: EmulatorState): { em: Emulator; ok: boolean } {
  const dry = emulator(state);
  const m = measure(dry, () => ok(dry.run('repairSpreadsheet', {})));
  const failing = emulator(state);
  failing.failCalls({ nth: m.write + m.format + m.structure });
  const r = failing.run('repairSpreadsheet', {}) as { ok: boolean };
  failing.failCalls(null);
  return { em: failing, ok: r.ok };
}
