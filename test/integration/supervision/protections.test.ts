// Protections: computed columns and read-only tabs warning-only by default, owner + supervisors in strict mode, no duplicates on re-run,
// and an action by someone who may not edit is refused plainly with nothing written.
import { createEmulator, type Emulator, type EmulatorState } from '../../../emulator';
import { COMPUTED_PREFIX, TAB_PREFIX } from '../../../src/sheets/protect';
import { client, fiveGoalPlan, ok, session } from '../../../kit/workbook';

const OWNER = 'owner@clinic.org';
const LEAD = 'lead@clinic.org';
const SUPERVISOR = 'sup@clinic.org';
const THERAPIST = 'therapist@clinic.org';

type P = EmulatorState['sheets'][number]['protections'][number] & { sheet: string };

const mine = (state: EmulatorState): P[] =>
  state.sheets.flatMap((s) => s.protections.map((p) => ({ ...p, sheet: s.name }))).filter((p) => p.description.startsWith(COMPUTED_PREFIX) || p.description.startsWith(TAB_PREFIX));

function setUpAs(user: string): Emulator {
  const em = createEmulator({ user, owner: OWNER });
  em.run('setupSpreadsheet');
  return em;
}

function setting(em: Emulator, key: string, value: string): void {
  const s = em.spreadsheet.getSheetByName('Settings')!;
  const keys = s.getRange(1, 4, s.getLastRow(), 1).getValues().map((r) => r[0]);
  em.edit('Settings', keys.indexOf(key) + 1, 2, value);
}

describe('protections', () => {
  const em = setUpAs(LEAD);
  const state = em.exportState();

  test('computed columns (from the layouts) and the Audit, Review, Supervision and hidden helper tabs are protected, warning-only by default', () => {
    const got = mine(state).map((p) => [p.sheet, p.type, p.range, p.warningOnly]);
    expect(got).toEqual(
      expect.arrayContaining([
        ['Goals', 'RANGE', expect.stringMatching(/^Goals!Y2:Y\d+$/), true],
        ['Priorities', 'RANGE', expect.stringMatching(/^Priorities!G2:I\d+$/), true],
        ['PHQ-9', 'RANGE', expect.stringMatching(/^'PHQ-9'!N2:R\d+$/), true],
        ['GAD-7', 'RANGE', expect.stringMatching(/^'GAD-7'!K2:N\d+$/), true],
        ['Audit', 'SHEET', null, true],
        ['Review', 'SHEET', null, true],
        ['Supervision', 'SHEET', null, true],
        ['Attain alerts', 'SHEET', null, true],
        ['Attain codes', 'SHEET', null, true],
      ]),
    );
    expect(mine(state).every((p) => p.warningOnly)).toBe(true);
    // The clinician selector stays editable whatever the mode.
    expect(mine(state).find((p) => p.sheet === 'Supervision')!.unprotected).toEqual(['Supervision!B1']);
  });

  test('a computed range covers the whole column below the header', () => {
    const phq = state.sheets.find((s) => s.name === 'PHQ-9')!;
    expect(mine(state).find((p) => p.sheet === 'PHQ-9')!.range).toBe(`'PHQ-9'!N2:R${phq.maxRows}`);
  });

  test('setup twice adds no duplicate protection', () => {
    const before = mine(state).map((p) => p.description).sort();
    em.run('setupSpreadsheet');
    const after = mine(em.exportState()).map((p) => p.description).sort();
    expect(after).toEqual(before);
    expect(new Set(after).size).toBe(after.length);
  });

  test('a protection of a computed run the layout no longer has (and a duplicate of one it has) is removed; setup completes', () => {
    const em = setUpAs(LEAD);
    const sessions = em.spreadsheet.getSheetByName('Sessions')!;
    const computed = () => sessions.getProtections((em.services.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).ProtectionType.RANGE).filter((p) => p.getDescription().startsWith(COMPUTED_PREFIX));
    const wanted = computed().map((p) => p.getDescription());
    for (const p of computed()) p.remove();
    // Stale first, so setup meets it before it looks for the runs it wants.
    sessions.getRange('B2:B9').protect().setDescription(`${COMPUTED_PREFIX}Sessions from a column an older layout had`);
    sessions.getRange('C2:C9').protect().setDescription(wanted[0]);
    sessions.getRange('D2:D9').protect().setDescription(wanted[0]);
    em.run('setupSpreadsheet');
    expect(mine(em.exportState()).filter((p) => p.sheet === 'Sessions').map((p) => p.description)).toEqual(wanted);
  });
});

describe('strict mode', () => {
  const em = setUpAs(LEAD);
  ok(em.run('addClient', client('C-0001')));
  const plan = ok<{ goals: { id: string }[] }>(em.run('savePlan', fiveGoalPlan('C-0001')));
  const goalIds = plan.goals.map((g) => g.id);
  setting(em, 'protection.mode', 'strict');
  setting(em, 'supervisors', SUPERVISOR);
  em.run('setupSpreadsheet');
  const state = em.exportState();

  test('every Attain protection is limited to the owner, the person who ran setup and the supervisors; no duplicates', () => {
    const ps = mine(state);
    expect(ps.length).toBeGreaterThanOrEqual(8);
    for (const p of ps) expect([p.description, p.warningOnly, [...p.editors].sort(), p.domainEdit]).toEqual([p.description, false, [LEAD, OWNER, SUPERVISOR], false]);
    em.run('setupSpreadsheet');
    expect(mine(em.exportState()).length).toBe(ps.length);
  });

  test('an action by a non-editor is refused plainly and writes nothing', () => {
    const other = createEmulator({ user: THERAPIST, owner: OWNER, state });
    const before = other.exportState();
    const r = other.run('recordSession', session('C-0001', goalIds)) as { ok: boolean; message: string };
    expect(r.ok).toBe(false);
    expect(r.message).toBe(`You can't edit the Audit tab: it is protected. Ask ${OWNER} or a supervisor (${SUPERVISOR}) to make this change, or to add you to Supervisors in Settings and run Set up this spreadsheet. Nothing was saved.`);
    const add = other.run('addClient', client('C-0002')) as { ok: boolean; message: string };
    expect(add.ok).toBe(false);
    expect(other.exportState().sheets).toEqual(before.sheets);
  });

  test('a supervisor may still record a session, and the clinician selector stays open to everyone', () => {
    const sup = createEmulator({ user: SUPERVISOR, owner: OWNER, state });
    expect(ok<{ sessionNumber: number }>(sup.run('recordSession', session('C-0001', goalIds))).sessionNumber).toBe(1);
    const other = createEmulator({ user: THERAPIST, owner: OWNER, state });
    other.edit('Supervision', 1, 2, 'Dr Rivera');
    expect(other.spreadsheet.getSheetByName('Supervision')!.getRange('A4').getValue()).toBe('C-0001');
  });

  test('back to warning: every protection is warning-only again', () => {
    setting(em, 'protection.mode', 'warning');
    em.run('setupSpreadsheet');
    expect(mine(em.exportState()).every((p) => p.warningOnly)).toBe(true);
    const other = createEmulator({ user: THERAPIST, owner: OWNER, state: em.exportState() });
    expect(ok<{ sessionNumber: number }>(other.run('recordSession', session('C-0001', goalIds))).sessionNumber).toBe(1);
  });
});
