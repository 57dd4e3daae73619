// "Check this spreadsheet" (issue 12, deliverable 6): a clean set-up workbook and the seeded demo have no problems; each seeded defect (a formula replaced by a value, a renamed header, a removed protection, a deleted index, a numeric-looking client code, a wrong total, change from first, reliable change or priority rank typed over a formula, a typed cell blocking a spill column or a value typed over its header formula) is named by tab, column and rows with its fix; a first administration's reliable change is blank, as core says; the check writes nothing but one Audit row.
import type { Emulator } from '../../../emulator';
import { seededDemo } from '../../../preview/seed-cache';
import { changesFromFirst, reliableChangeFromFirst } from '../../../src/core/change';
import { findInstrument } from '../../../src/core/instruments/registry';
import { client, fiveGoalPlan, ok, session, setUp } from '../../../kit/workbook';
import type { CheckProblem, CheckReport } from '../../../src/contract';
import { stateDiff } from '../state-diff';
import { colOf, oneClientClinic, tab } from './one-client';

const clinic = oneClientClinic;

const check = (em: Emulator): CheckReport => ok<CheckReport>(em.run('checkSpreadsheet'));

/** Problems as short lines, so a failure shows what was found. */
const lines = (ps: readonly CheckProblem[]) => ps.map((p) => `${p.area} | ${p.tab} | ${p.where} | ${p.problem}`);

test('a clean set-up workbook with a client, a plan and a session has no problems, and every probe passes in the emulator', () => {
  const r = check(clinic());
  expect(lines(r.problems)).toEqual([]);
  expect(r.counts).toEqual({ layout: 0, values: 0, platform: 0 });
  expect(r.moreProblems).toBe(0);
  // Settings, Clients, Goals, Sessions, Ratings, Priorities, Reviews, Tasks, Audit, Instruments, PHQ-9, GAD-7.
  expect(r.tabs).toBe(12);
  // Five goal weights; PHQ-9 total, band, flag, change and reliable change; GAD-7 total, band, change and reliable change; one client code.
  expect(r.cellsCompared).toBe(15);
  expect(r.probes.map((p) => [p.id, p.passed])).toEqual([
    ['apostrophe-text-cell', true],
    ['apostrophe-general-cell', true],
    ['countif-numeric-text', true],
    ['date-serial-zone', true],
    ['text-finder-scope', true],
    ['settings-mirror', true],
    ['effective-user-email', true],
  ]);
  expect(r.summary).toMatch(/^No problem\(s\): layout 0, values 0, platform 0\. Checked 12 tabs, \d+ rows, 15 computed cells, 7 probes \(apostrophe-text-cell kept; countif-numeric-text 0; effective-user-email (not )?available\)\.$/);
});

test('the check writes nothing but one Audit row (whole-workbook diff); the temporary probe tab is gone and the active tab is unchanged', () => {
  const em = clinic();
  const auditRows = tab(em, 'Audit').getLastRow();
  const before = em.exportState();
  const r = check(em);
  const after = em.exportState();
  const newRow = auditRows + 1;
  const diff = stateDiff(before, after);
  const auditCells = diff.filter((d) => d.startsWith(`Audit!`));
  expect(diff.filter((d) => !d.startsWith('Audit!'))).toEqual([]);
  expect(auditCells.length).toBeGreaterThan(0);
  for (const d of auditCells) expect(d).toMatch(new RegExp(`^Audit![A-Z]+${newRow}: `));
  const audit = tab(em, 'Audit');
  const row = audit.getRange(newRow, 1, 1, audit.getLastColumn()).getValues()[0];
  expect(row[colOf(em, 'Audit', 'Action') - 1]).toBe('checkSpreadsheet');
  expect(row[colOf(em, 'Audit', 'Summary') - 1]).toBe(r.summary);
  expect(em.spreadsheet.getSheets().map((s) => s.getName()).filter((n) => n.startsWith('Attain probe'))).toEqual([]);
});

test('a computed formula replaced by its own value: a layout problem naming the tab, column and row, and no value mismatch', () => {
  const em = clinic();
  const weight = colOf(em, 'Goals', 'Weight');
  const cell = tab(em, 'Goals').getRange(3, weight);
  cell.setValue(cell.getValue());
  const r = check(em);
  expect(lines(r.problems)).toEqual([`layout | Goals | column Weight (${String.fromCharCode(64 + weight)}), row 3 | Expected the formula; found a typed value (first: 2 in row 3).`]);
  expect(r.problems[0].fix).toMatch(/^Copy the formula down from a row that has it \(row 3: =IF\(AND\(ISNUMBER\(W3\),ISNUMBER\(X3\)\),W3\*X3,""\)\)\. Set up does not rewrite existing rows\.$/);
});

test('a renamed header: named with the unknown header found, and the fix is to rename it back', () => {
  const em = clinic();
  const at = colOf(em, 'Sessions', 'Event note');
  tab(em, 'Sessions').getRange(1, at).setValue('Notes');
  const r = check(em);
  const sessions = r.problems.filter((p) => p.tab === 'Sessions');
  expect(lines(sessions)).toEqual([`layout | Sessions | row 1 | Expected the header "Event note" in row 1; it is not there (renamed or deleted). Row 1 has "Notes" in column F, which Attain does not know.`]);
  expect(sessions[0].fix).toMatch(/^If renamed, type "Event note" back \(Set up would add a second "Event note" column instead\)/);
  // The index row for Sessions no longer matches row 1, but that follows from the header and is not reported twice.
  expect(r.counts).toEqual({ layout: 1, values: 0, platform: 0 });
});

test('a removed protection: named by its description, fixed by setup', () => {
  const em = clinic();
  const mine = em.spreadsheet.getProtections(SpreadsheetAppProtectionRange(em)).find((p) => p.getDescription() === 'Attain: computed columns of Goals from Weight');
  if (!mine) throw new Error('Expected the Goals Weight protection');
  mine.remove();
  const r = check(em);
  expect(lines(r.problems)).toEqual([`layout | Goals |  | Expected Attain's protection "Attain: computed columns of Goals from Weight"; not found (removed or renamed).`]);
  expect(r.problems[0].fix).toMatch(/Set up this spreadsheet \(safe to re-run: it adds only what is missing\)/);
  em.run('setupSpreadsheet');
  expect(check(em).problems).toEqual([]);
});

test('a deleted index tab: named, fixed by setup', () => {
  const em = clinic();
  em.spreadsheet.deleteSheet(tab(em, 'Attain index'));
  const r = check(em);
  expect(lines(r.problems)).toEqual(['layout | Attain index |  | Expected the hidden index tab "Attain index"; the spreadsheet has none (deleted or renamed).']);
  em.run('setupSpreadsheet');
  expect(lines(check(em).problems)).toEqual([]);
});

test('client codes Sheets reads as a number or a date (typed by hand): each named by row, with the fix', () => {
  const em = clinic();
  const clients = tab(em, 'Clients');
  clients.getRange(3, 1, 2, 1).setValues([['0142'], ['2026-01-02']]);
  const r = check(em);
  expect(lines(r.problems)).toEqual([
    'values | Clients | column Client code (A), row 3 | The client code "0142" reads to Sheets as the number 142, so formulas compare it as that and this client\'s rows are missing from the Review, Supervision and measure dashboards.',
    expect.stringMatching(/^values \| Clients \| column Client code \(A\), row 4 \| The client code "2026-01-02" reads to Sheets as .*date/),
  ]);
  expect(r.problems[0].fix).toMatch(/code with a letter/);
});

test('a wrong total typed over a formula: the typed value (layout), and the total and the band it drives (values), each with sheet value and expected', () => {
  const em = clinic();
  const total = colOf(em, 'PHQ-9', 'Total');
  const band = colOf(em, 'PHQ-9', 'Band');
  tab(em, 'PHQ-9').getRange(2, total).setValue(25);
  const r = check(em);
  const L = (c: number) => String.fromCharCode(64 + c);
  expect(lines(r.problems)).toEqual([
    `layout | PHQ-9 | column Total (${L(total)}), row 2 | Expected the formula; found a typed value (first: 25 in row 2).`,
    `values | PHQ-9 | column Total (${L(total)}), row 2 | Expected 8 (recomputed from the row's inputs); the sheet shows 25.`,
    `values | PHQ-9 | column Band (${L(band)}), row 2 | Expected "Mild" (recomputed from the row's inputs, Settings band choices); the sheet shows "Severe".`,
  ]);
  expect(r.counts).toEqual({ layout: 1, values: 2, platform: 0 });
});

/** clinic() plus a second session a week later: PHQ-9 8 → 1 (a reliable improvement), GAD-7 7 → 7. */
function twoSessions(): Emulator {
  const em = clinic();
  const measures = [
    { instrument: 'phq9', items: [0, 0, 0, 0, 1, 0, 0, 0, 0] },
    { instrument: 'gad7', items: [1, 1, 2, 1, 0, 1, 1] },
  ];
  ok(em.run('recordSession', session('C-0001', [], { date: '2026-01-19', measures })));
  return em;
}

const L = (c: number) => String.fromCharCode(64 + c);

test("a client's first administration: Reliable change blank in the tab (not \"No reliable change\"), the next row against it, and core says the same", () => {
  const em = twoSessions();
  const phq9 = tab(em, 'PHQ-9').getDataRange().getValues();
  const at = (h: string) => phq9[0].indexOf(h);
  const rows = phq9.slice(1);
  expect(rows.map((r) => [r[at('Total')], r[at('Change from first')], r[at('Reliable change')]])).toEqual([
    [8, 0, ''],
    [1, -7, 'Reliable improvement'],
  ]);
  const core = changesFromFirst(rows.map((r) => ({ client: String(r[at('Client')]), day: (r[at('Date')] as Date).getTime(), total: r[at('Total')] as number })), 0);
  expect(core.map((c) => reliableChangeFromFirst(findInstrument('phq9'), c) ?? '')).toEqual(rows.map((r) => r[at('Reliable change')]));
});

test('a Change from first typed over: the typed value (layout), then the change and the reliable change it drives (values), each with sheet value and expected', () => {
  const em = twoSessions();
  const change = colOf(em, 'PHQ-9', 'Change from first');
  const rc = colOf(em, 'PHQ-9', 'Reliable change');
  tab(em, 'PHQ-9').getRange(3, change).setValue(-3);
  const r = check(em);
  expect(lines(r.problems)).toEqual([
    `layout | PHQ-9 | column Change from first (${L(change)}), row 3 | Expected the formula; found a typed value (first: -3 in row 3).`,
    `values | PHQ-9 | column Change from first (${L(change)}), row 3 | Expected -7 (recomputed from the row's inputs, against the client's first administration in this tab); the sheet shows -3.`,
    `values | PHQ-9 | column Reliable change (${L(rc)}), row 3 | Expected "Reliable improvement" (recomputed from the row's inputs, against the client's first administration in this tab); the sheet shows "No reliable change".`,
  ]);
  expect(r.counts).toEqual({ layout: 1, values: 2, platform: 0 });
});

test('a typed cell blocking the "Order: rows" spill: named by column, cell and value with its fix, not as a missing header', () => {
  const em = twoSessions();
  const rows = colOf(em, 'PHQ-9', 'Order: rows');
  const sheet = tab(em, 'PHQ-9');
  sheet.getRange(3, rows).setValue('note');
  expect(sheet.getRange(1, rows).getValue()).toBe('#REF!');
  const r = check(em);
  const layout = r.problems.filter((p) => p.area === 'layout');
  expect(lines(layout)).toEqual([
    `layout | PHQ-9 | column Order: rows (${L(rows)}), row 3 | Expected "Order: rows" in row 1, its formula filling the rows below (a hidden working column); found "#REF!": the spill is blocked by 1 typed cell(s) in column ${L(rows)} (${L(rows)}3 "note"). Change from first and Reliable change, which read it, are blank on this tab until they go.`,
  ]);
  expect(layout[0].fix).toBe(`Repair clears them (their values are kept in the Audit row). Or delete them yourself: unhide column ${L(rows)}, select the cell and press Delete.`);
  expect(layout[0].repair).toBe('formulas');
  expect(r.repair?.clearedCells).toBe(1);
});

test('the text "Order: rows" typed over its header formula: the header cell named as lacking its formula, fixed by Repair', () => {
  const em = twoSessions();
  const rows = colOf(em, 'PHQ-9', 'Order: rows');
  tab(em, 'PHQ-9').getRange(1, rows).setValue('Order: rows');
  const r = check(em);
  const layout = r.problems.filter((p) => p.area === 'layout');
  expect(lines(layout)).toEqual([
    `layout | PHQ-9 | column Order: rows (${L(rows)}), row 1 | Expected the formula in row 1 that shows "Order: rows" and fills the rows below (a hidden working column); found the value "Order: rows" typed over it. Change from first and Reliable change, which read it, are blank or stale on this tab until it is back.`,
  ]);
  expect(layout[0].repair).toBe('formulas');
  expect(r.repair).toMatchObject({ formulaCells: 1, formulaColumns: ['PHQ-9 Order: rows'], clearedCells: 0 });
});

test('a Reliable change typed over on a first administration: named with the blank core expects', () => {
  const em = twoSessions();
  const rc = colOf(em, 'GAD-7', 'Reliable change');
  tab(em, 'GAD-7').getRange(2, rc).setValue('No reliable change');
  const r = check(em);
  expect(lines(r.problems)).toEqual([
    `layout | GAD-7 | column Reliable change (${L(rc)}), row 2 | Expected the formula; found a typed value (first: "No reliable change" in row 2).`,
    `values | GAD-7 | column Reliable change (${L(rc)}), row 2 | Expected blank (recomputed from the row's inputs, against the client's first administration in this tab); the sheet shows "No reliable change".`,
  ]);
});

test("a Priorities rank typed over: named with the rank core gives (DBT tier first, then score)", () => {
  const em = setUp();
  ok(em.run('addClient', client('C-0001')));
  const ids = ok<{ goals: { id: string }[] }>(em.run('savePlan', fiveGoalPlan('C-0001'))).goals.map((g) => g.id);
  const items = [
    { goalId: ids[0], urgency: 3, importance: 3, readiness: 3, tier: '' },
    { goalId: ids[1], urgency: 5, importance: 5, readiness: 5, tier: '' },
    { goalId: ids[2], urgency: 1, importance: 1, readiness: 1, tier: 'life-threatening' },
  ];
  ok(em.run('savePriorities', { clientCode: 'C-0001', items }));
  const p = tab(em, 'Priorities');
  const rank = colOf(em, 'Priorities', 'Rank');
  expect(p.getRange(2, rank, 3, 1).getValues().map((x) => x[0])).toEqual([3, 2, 1]);
  p.getRange(2, rank).setValue(1);
  const r = check(em);
  expect(lines(r.problems)).toEqual([
    `layout | Priorities | column Rank (${L(rank)}), row 2 | Expected the formula; found a typed value (first: 1 in row 2).`,
    `values | Priorities | column Rank (${L(rank)}), row 2 | Expected 3 (recomputed from the row's inputs, DBT tier then score within the client's goals, ties in row order); the sheet shows 1.`,
  ]);
});

test('the seeded demo clinic: no problem; its change, reliable change and priority cells are among those compared (one typed over each is named)', () => {
  const em = seededDemo().emulator;
  const clean = check(em);
  expect(lines(clean.problems)).toEqual([]);
  const phq9 = tab(em, 'PHQ-9');
  const last = phq9.getLastRow();
  const [change, rc, rank] = [colOf(em, 'PHQ-9', 'Change from first'), colOf(em, 'PHQ-9', 'Reliable change'), colOf(em, 'Priorities', 'Rank')];
  const shownChange = phq9.getRange(last, change).getValue();
  phq9.getRange(last, change).setValue(99);
  phq9.getRange(last - 1, rc).setValue('Typed');
  const priorities = tab(em, 'Priorities');
  const shownRank = priorities.getRange(2, rank).getValue();
  priorities.getRange(2, rank).setValue(99);
  const values = check(em).problems.filter((p) => p.area === 'values').map((p) => `${p.tab} | ${p.where} | ${p.problem}`);
  expect(values).toEqual(
    expect.arrayContaining([
      `PHQ-9 | column Change from first (${L(change)}), row ${last} | Expected ${shownChange} (recomputed from the row's inputs, against the client's first administration in this tab); the sheet shows 99.`,
      expect.stringMatching(new RegExp(`^PHQ-9 \\| column Reliable change \\(${L(rc)}\\), row ${last - 1} \\| Expected .*; the sheet shows "Typed"\\.$`)),
      `Priorities | column Rank (${L(rank)}), row 2 | Expected ${shownRank} (recomputed from the row's inputs, DBT tier then score within the client's goals, ties in row order); the sheet shows 99.`,
    ]),
  );
  // The reliable change of the row whose change was typed over follows the typed 99 (its formula is intact), so it may be named too; nothing else is.
  expect(values.length).toBeLessThanOrEqual(4);
});

test('the menu item shows the summary and the first problem in an alert', () => {
  const em = clinic();
  em.spreadsheet.deleteSheet(tab(em, 'Attain index'));
  em.trigger('onOpen');
  em.answerAlerts('NO'); // the index is one Repair makes again: the alert asks; No leaves it (repair.test.ts presses Yes)
  em.clickMenu('Check this spreadsheet');
  const alert = em.ui.alerts[em.ui.alerts.length - 1];
  expect(alert).toMatch(/^Attain check: 1 problem\(s\): layout 1, values 0, platform 0\./);
  expect(alert).toMatch(/First: Attain index : Expected the hidden index tab "Attain index"; .* Fix: If renamed, rename it back\. Otherwise: Run Extensions ▸ Attain ▸ Set up this spreadsheet/);
});

/** SpreadsheetApp.ProtectionType.RANGE of the emulator's realm. */
function SpreadsheetAppProtectionRange(em: Emulator): GoogleAppsScript.Spreadsheet.ProtectionType {
  return (em.context as unknown as { SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp }).SpreadsheetApp.ProtectionType.RANGE;
}
