// Repair (issue 12, deliverable 6a): what the check finds that setup makes or Attain's formulas and validations cover is put back, nothing typed in an input column changes, a possible rename is left to a person, a typed cell blocking a spill column is cleared (its value kept in the Audit row), the check afterwards is clean, a failure part-way changes nothing, and a retry repeats nothing.
import type { Emulator, EmulatorState } from '../../../emulator';
import { emulator, measure, ok, session } from '../../../kit/workbook';
import { seededDemo } from '../../../preview/seed-cache';
import type { CheckReport, RepairReport } from '../../../src/contract';
import type { Result } from '../refusing';
import { stateDiff } from '../state-diff';
import { colOf, oneClientClinic, repairFailingAtLastWrite, tab } from './one-client';

const clinicState = (): EmulatorState => oneClientClinic().exportState();
const CLEAN = clinicState();

/** The whole workbook, without sheet ids (a tab setup makes again is a new sheet) and Audit's Time column (each run writes its own). */
function workbook(em: Emulator): EmulatorState {
  const s = em.exportState();
  return { ...s, sheets: s.sheets.map((sh) => ({ ...sh, sheetId: 0, cells: sh.name === 'Audit' ? sh.cells.filter((c) => !/^A\d+$/.test(c.a1) || c.a1 === 'A1') : sh.cells })) };
}

function removeProtection(em: Emulator, description: string): void {
  const ss = em.context as unknown as { SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp };
  const p = em.spreadsheet.getProtections(ss.SpreadsheetApp.ProtectionType.RANGE).find((x) => x.getDescription() === description);
  if (!p) throw new Error(`Expected the protection ${description}`);
  p.remove();
}

/** Seeds every repairable defect: a Goals weight typed over (99), a blank PHQ-9 total, a removed protection, the deleted index, a Clients status without its validation. */
function seedDefects(em: Emulator): void {
  tab(em, 'Goals').getRange(3, colOf(em, 'Goals', 'Weight')).setValue(99);
  tab(em, 'PHQ-9').getRange(2, colOf(em, 'PHQ-9', 'Total')).clearContent();
  removeProtection(em, 'Attain: computed columns of Goals from Weight');
  em.spreadsheet.deleteSheet(tab(em, 'Attain index'));
  tab(em, 'Clients').getRange(2, colOf(em, 'Clients', 'Status')).clearDataValidations();
}

const check = (em: Emulator): CheckReport => ok<CheckReport>(em.run('checkSpreadsheet'));
const repair = (em: Emulator, requestId?: string): RepairReport => ok<RepairReport>(em.run('repairSpreadsheet', requestId ? { requestId } : {}));
const lines = (r: CheckReport) => r.problems.map((p) => `${p.tab} | ${p.where} | ${p.repair ?? 'manual'}`);

function lastAudit(em: Emulator): Record<string, unknown> {
  const audit = tab(em, 'Audit');
  const header = audit.getRange(1, 1, 1, audit.getLastColumn()).getValues()[0];
  const row = audit.getRange(audit.getLastRow(), 1, 1, header.length).getValues()[0];
  return Object.fromEntries(header.map((h, i) => [String(h), row[i]]));
}

describe('a workbook with every repairable defect', () => {
  const em = emulator(CLEAN);
  const weightCol = colOf(em, 'Goals', 'Weight');
  const totalCol = colOf(em, 'PHQ-9', 'Total');
  const weight = { formula: tab(em, 'Goals').getRange(3, weightCol).getFormula(), value: tab(em, 'Goals').getRange(3, weightCol).getValue() };
  const total = { formula: tab(em, 'PHQ-9').getRange(2, totalCol).getFormula(), value: tab(em, 'PHQ-9').getRange(2, totalCol).getValue() };
  const auditRows = tab(em, 'Audit').getLastRow();
  seedDefects(em);
  const found = check(em);
  const auditBefore = tab(em, 'Audit').getLastRow();
  const result = repair(em, 'repair-req-0001');
  const auditAfter = { rows: tab(em, 'Audit').getLastRow(), last: lastAudit(em) };

  test('the check marks each defect as one Repair fixes, and the plan counts the formula cells and their columns', () => {
    // The value mismatches that follow from the lost formulas are listed too, and go once the formulas are back.
    expect(lines({ ...found, problems: found.problems.filter((p) => p.area === 'layout') })).toEqual([
      `Clients | column Status (${String.fromCharCode(64 + colOf(em, 'Clients', 'Status'))}), row 2 | validation`,
      `Goals | column Weight (${String.fromCharCode(64 + weightCol)}), row 3 | formulas`,
      `PHQ-9 | column Total (${String.fromCharCode(64 + totalCol)}), row 2 | formulas`,
      'Attain index |  | setup',
      'Goals |  | setup',
    ]);
    expect(found.repair).toEqual({ problems: 5, formulaCells: 2, formulaColumns: ['Goals Weight', 'PHQ-9 Total'], validationCells: 1, clearedCells: 0, trimmedCells: 0, setup: true });
  });

  test('a weight typed over its formula gets the formula back, and its value is recomputed', () => {
    const cell = tab(em, 'Goals').getRange(3, weightCol);
    expect([cell.getFormula(), cell.getValue()]).toEqual([weight.formula, weight.value]);
    expect(weight.value).not.toBe(99);
  });

  test('a blank PHQ-9 total gets its formula and value back', () => {
    const cell = tab(em, 'PHQ-9').getRange(2, totalCol);
    expect([cell.getFormula(), cell.getValue()]).toEqual([total.formula, total.value]);
  });

  test('the removed protection, the deleted index tab and the lost validation are back, and the check afterwards finds no problem', () => {
    expect(result.check.problems).toEqual([]);
    expect(result.check.counts).toEqual({ layout: 0, values: 0, platform: 0 });
    expect(result.repaired).toEqual({ formulaCells: 2, validationCells: 1, clearedCells: 0, trimmedCells: 0, createdTabs: ['Attain index'], addedColumns: 0, addedSettings: 0, protections: 1 });
    expect(tab(em, 'Attain index').isSheetHidden()).toBe(true);
    expect(lines(check(em))).toEqual([]);
  });

  test('one Audit row, action repairSpreadsheet, with the counts and the request id', () => {
    const row = auditAfter.last;
    expect(auditAfter.rows).toBe(auditBefore + 1);
    expect(row.Action).toBe('repairSpreadsheet');
    expect(row.Summary).toBe(result.summary);
    expect(result.summary).toMatch(/^Repair: 2 formula cell\(s\) rewritten \(Goals Weight, PHQ-9 Total\); 1 validation\(s\) re-applied; created Attain index; 1 protection\(s\) applied\. After it: No problem\(s\)/);
    expect(row.Request).toBe('repair-req-0001');
  });

  test('whole-workbook diff against the workbook before the defects: only the repair\u2019s Audit row differs (every input cell of every tab unchanged)', () => {
    const fresh = emulator(CLEAN);
    const diff = stateDiff(workbook(fresh), workbook(emulatorAt(em, auditRows)));
    expect(diff).toEqual([]);
  });
});

/** The workbook as `em` holds it with Audit rows after `rows` (and the rows of the checks this suite ran) removed. */
function emulatorAt(em: Emulator, rows: number): Emulator {
  const copy = emulator(em.exportState());
  const audit = tab(copy, 'Audit');
  const last = audit.getLastRow();
  if (last > rows) audit.getRange(rows + 1, 1, last - rows, audit.getMaxColumns()).clear({ contentsOnly: true });
  return copy;
}

test('a possibly renamed header stays listed, not repaired into a second column; the weight typed over beside it is repaired', () => {
  const em = emulator(CLEAN);
  const sessions = tab(em, 'Sessions');
  const width = sessions.getLastColumn();
  sessions.getRange(1, colOf(em, 'Sessions', 'Event note')).setValue('Notes');
  tab(em, 'Goals').getRange(3, colOf(em, 'Goals', 'Weight')).setValue(99);
  const r = repair(em);
  expect(r.repaired).toEqual({ formulaCells: 1, validationCells: 0, clearedCells: 0, trimmedCells: 0, createdTabs: [], addedColumns: 0, addedSettings: 0, protections: 0 });
  expect(sessions.getLastColumn()).toBe(width);
  expect(sessions.getRange(1, 1, 1, width).getValues()[0].filter((h) => h === 'Event note')).toEqual([]);
  expect(lines(r.check)).toEqual(['Sessions | row 1 | manual']);
  expect(r.check.repair?.problems).toBe(0);
});

test('a deleted column whose header left no stranger in row 1 is one setup appends (repair: setup)', () => {
  const em = emulator(CLEAN);
  const sessions = tab(em, 'Sessions');
  const last = sessions.getLastColumn();
  const header = String(sessions.getRange(1, last).getValue());
  sessions.getRange(1, last, sessions.getMaxRows(), 1).clear();
  const r = check(em);
  expect(r.problems.filter((p) => p.tab === 'Sessions').map((p) => [p.where, p.repair])).toEqual([['row 1', 'setup']]);
  const fixed = repair(em);
  expect(fixed.repaired.addedColumns).toBe(1);
  expect(sessions.getRange(1, last).getValue()).toBe(header);
  expect(fixed.check.problems).toEqual([]);
});

describe('a typed cell blocking the "Order: rows" spill', () => {
  const em = emulator(CLEAN);
  const rows = colOf(em, 'PHQ-9', 'Order: rows');
  const change = colOf(em, 'PHQ-9', 'Change from first');
  const phq9 = tab(em, 'PHQ-9');
  const auditRows = tab(em, 'Audit').getLastRow();
  phq9.getRange(2, rows).setValue('typed by hand');
  const blocked = { header: phq9.getRange(1, rows).getValue(), change: phq9.getRange(2, change).getValue() };
  const result = repair(em);
  const A1 = `${String.fromCharCode(64 + rows)}2`;

  test('the blocked spill read #REF! and blanked Change from first before the repair', () => {
    expect(blocked).toEqual({ header: '#REF!', change: '' });
  });

  test('Repair clears the cell: the header reads "Order: rows" again and Change from first is a number again', () => {
    expect(phq9.getRange(1, rows).getValue()).toBe('Order: rows');
    expect(phq9.getRange(2, change).getValue()).toBe(0);
    expect(result.repaired).toEqual({ formulaCells: 0, validationCells: 0, clearedCells: 1, trimmedCells: 0, createdTabs: [], addedColumns: 0, addedSettings: 0, protections: 0 });
    expect(result.check.problems).toEqual([]);
  });

  test('the Audit row keeps the cleared cell and its value', () => {
    expect(lastAudit(em).Summary).toBe(result.summary);
    expect(result.summary).toMatch(new RegExp(`^Repair: 1 typed cell\\(s\\) cleared from working columns \\(PHQ-9 Order: rows: ${A1} "typed by hand"\\)\\. After it: No problem\\(s\\)`));
  });

  test('whole-workbook diff against the workbook before the typed cell: only the repair\u2019s Audit row differs', () => {
    expect(stateDiff(workbook(emulator(CLEAN)), workbook(emulatorAt(em, auditRows)))).toEqual([]);
  });
});

test('a session saved while the spill is blocked: Repair clears the cell, and the new row\u2019s change is core\u2019s again', () => {
  const em = emulator(CLEAN);
  const rows = colOf(em, 'PHQ-9', 'Order: rows');
  const change = colOf(em, 'PHQ-9', 'Change from first');
  const phq9 = tab(em, 'PHQ-9');
  // Typed where the next row would go: the append goes below it (row 4), and the spill, now four rows long, is blocked by it.
  phq9.getRange(3, rows).setValue('typed by hand');
  const goals = ok<{ goals: { id: string }[] }>(em.run('getClient', 'C-0001')).goals.map((g) => g.id);
  ok(em.run('recordSession', session('C-0001', goals, { date: '2026-01-19', measures: [{ instrument: 'phq9', items: [0, 0, 0, 0, 0, 0, 0, 0, 1] }] })));
  expect(phq9.getRange(1, rows).getValue()).toBe('#REF!');
  const r = repair(em);
  expect(r.repaired.clearedCells).toBe(1);
  // Against the first administration (total 8 on 2026-01-12), a total of 1 is −7; the check afterwards finds every formula as setup writes it.
  expect(phq9.getRange(4, change).getValue()).toBe(-7);
  expect(r.check.problems).toEqual([]);
});

test('a blank row inserted between two administrations: the check names its missing Order: first, and Repair\u2019s formula gives the later row its change again', () => {
  const em = emulator(CLEAN);
  const phq9 = tab(em, 'PHQ-9');
  const change = colOf(em, 'PHQ-9', 'Change from first');
  const goals = ok<{ goals: { id: string }[] }>(em.run('getClient', 'C-0001')).goals.map((g) => g.id);
  ok(em.run('recordSession', session('C-0001', goals, { date: '2026-01-19', measures: [{ instrument: 'phq9', items: [0, 0, 0, 0, 0, 0, 0, 0, 1] }] })));
  phq9.insertRowsBefore(3, 1);
  // The later row sits at sorted place 3, whose run start is read from row 3, now blank.
  expect(phq9.getRange(4, change).getValue()).toBe('');
  const found = check(em);
  expect(found.problems.map((p) => `${p.where} | ${p.repair ?? 'manual'}`)).toContain(`column Order: first (${String.fromCharCode(64 + colOf(em, 'PHQ-9', 'Order: first'))}), row 3 | formulas`);
  const r = repair(em);
  expect(phq9.getRange(4, change).getValue()).toBe(-7);
  expect(r.check.problems).toEqual([]);
});

test('the text "Order: rows" typed over its header formula: Repair writes the formula back as setup wrote it', () => {
  const em = emulator(CLEAN);
  const rows = colOf(em, 'PHQ-9', 'Order: rows');
  const header = tab(em, 'PHQ-9').getRange(1, rows);
  const formula = header.getFormula();
  header.setValue('Order: rows');
  const r = repair(em);
  expect(r.repaired.formulaCells).toBe(1);
  expect([header.getFormula(), header.getValue()]).toEqual([formula, 'Order: rows']);
  expect(r.check.problems).toEqual([]);
});

test('a failure at the repair\u2019s last write (its Audit row) puts the cleared cell back', () => {
  const em = emulator(CLEAN);
  const rows = colOf(em, 'PHQ-9', 'Order: rows');
  tab(em, 'PHQ-9').getRange(2, rows).setValue('typed by hand');
  const state = em.exportState();
  const { em: failing, ok: answered } = repairFailingAtLastWrite(state);
  expect(answered).toBe(false);
  expect(stateDiff(state, failing.exportState())).toEqual([]);
  expect(tab(failing, 'PHQ-9').getRange(2, rows).getValue()).toBe('typed by hand');
});

test('on the seeded demo, Repair finds nothing to do and changes nothing but its Audit row', () => {
  const em = seededDemo().emulator;
  const rows = tab(em, 'Audit').getLastRow();
  const before = em.exportState();
  const r = repair(em);
  expect(r.repaired).toEqual({ formulaCells: 0, validationCells: 0, clearedCells: 0, trimmedCells: 0, createdTabs: [], addedColumns: 0, addedSettings: 0, protections: 0 });
  expect(r.check.counts).toEqual({ layout: 0, values: 0, platform: 0 });
  const diff = stateDiff(before, em.exportState());
  expect(diff.filter((d) => !d.startsWith('Audit!'))).toEqual([]);
  for (const d of diff) expect(d).toMatch(new RegExp(`^Audit![A-Z]+${rows + 1}: `));
  expect(diff.length).toBeGreaterThan(0);
});

test('a retry with the same request id repeats nothing: no second Audit row, the current report, a notice', () => {
  const em = emulator(CLEAN);
  seedDefects(em);
  repair(em, 'repair-retry-01');
  const after = em.exportState();
  const retry = em.run('repairSpreadsheet', { requestId: 'repair-retry-01' }) as Result & { data?: RepairReport; notice?: string };
  expect(retry.ok).toBe(true);
  expect(retry.notice).toMatch(/already reached the spreadsheet.*nothing was written twice/);
  expect(retry.data?.check.problems).toEqual([]);
  expect(stateDiff(after, em.exportState())).toEqual([]);
});

test('the menu\u2019s check asks "Repair N problems now?" and repairs on Yes', () => {
  const em = emulator(CLEAN);
  seedDefects(em);
  em.trigger('onOpen');
  em.answerAlerts('YES');
  em.clickMenu('Check this spreadsheet');
  const asked = em.ui.alerts[em.ui.alerts.length - 2];
  expect(asked).toMatch(/Repair 5 problem\(s\) now\? .*does not change anything typed in input columns\.$/s);
  expect(em.ui.alerts[em.ui.alerts.length - 1]).toMatch(/^Attain repair: Repair: 2 formula cell\(s\) rewritten/);
  expect(check(em).problems).toEqual([]);
});

test('the menu\u2019s check on No repairs nothing', () => {
  const em = emulator(CLEAN);
  seedDefects(em);
  em.trigger('onOpen');
  em.answerAlerts('NO');
  em.clickMenu('Check this spreadsheet');
  expect(check(em).repair?.problems).toBe(5);
});

describe('a failure at any write of the repair leaves the workbook as it was', () => {
  const broken = emulator(CLEAN);
  seedDefects(broken);
  const state = broken.exportState();
  const clean = emulator(state);
  const m = measure(clean, () => repair(clean));
  const writes = m.write + m.format + m.structure;
  // The check's probe tab comes first, before Repair's first write (a probe's own failure is that probe's answer): its writes are a check's, less its Audit row.
  const looking = emulator(state);
  const c = measure(looking, () => check(looking));
  const probeWrites = c.write + c.format + c.structure - 1;

  test('the repair makes writes after the probes (so the cases below test something)', () => {
    expect(writes - probeWrites).toBeGreaterThan(5);
  });

  // Representative points of Repair's own writes (each case re-runs the whole repair): setup's first writes, the middle, the formula and validation rewrites and the Audit row at the end.
  const points = [...new Set([1, 2, 3, Math.ceil((writes - probeWrites) / 2), writes - probeWrites - 2, writes - probeWrites - 1, writes - probeWrites].map((n) => probeWrites + n))];

  test.each(points)('write %i fails: nothing changed and a plain answer', (nth) => {
    const em = emulator(state);
    const before = em.exportState();
    em.failCalls({ nth });
    const r = em.run('repairSpreadsheet', {}) as Result;
    em.failCalls(null);
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/^Nothing was saved: .*protected/s);
    expect(stateDiff(before, em.exportState())).toEqual([]);
  }, 120_000);
});

describe('a typed cell blocking a key column of the alerts ("Order: live" on Sessions)', () => {
  const em = emulator(CLEAN);
  const live = colOf(em, 'Sessions', 'Order: live');
  const sessions = tab(em, 'Sessions');
  const helperRow = () => {
    const h = tab(em, 'Attain alerts');
    const [head, row] = h.getRange(1, 1, 2, h.getLastColumn()).getValues();
    return Object.fromEntries(head.map((k, i) => [String(k), row[i]]));
  };
  const before = helperRow();
  sessions.getRange(2, live).setValue('typed by hand');
  const blocked = helperRow();
  const checked = check(em);
  const result = repair(em);

  test('while blocked the client shows #N/A at the top of the alerts (risk rank 0), never a quiet "no alerts"', () => {
    expect(before['Last session']).not.toBe('');
    expect([blocked['Last session'], blocked.Risk, blocked['Risk rank']]).toEqual(['#N/A', '#N/A', 0]);
  });

  test('Check names the column, the cell and what reads it; Repair clears it and the alerts row is as before', () => {
    const p = checked.problems.find((x) => x.tab === 'Sessions' && x.where.includes('Order: live'));
    if (!p) throw new Error(JSON.stringify(checked.problems));
    expect(p?.problem).toMatch(/blocked by 1 typed cell\(s\).*The alerts \(Supervision and the sidebar's risk badges\), which read it, show #N\/A for this tab's clients/);
    expect(result.repaired.clearedCells).toBe(1);
    expect(helperRow()).toEqual(before);
  });
});
