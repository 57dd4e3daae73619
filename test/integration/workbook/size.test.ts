// The spreadsheet's size against Google Sheets' 10 million cells: setup makes tabs only as wide as their layouts, Check warns from half the limit naming the empty columns at the right of Attain's tabs, and Repair deletes exactly those (nothing else changes).
import type { Emulator, EmulatorState } from '../../../emulator';
import { emulator, ok } from '../../../kit/workbook';
import type { CheckReport, RepairReport } from '../../../src/contract';
import { FIXED_TABS } from '../../../src/sheets/layout';
import { stateDiff } from '../state-diff';
import { oneClientClinic, repairFailingAtLastWrite, tab } from './one-client';

const CLEAN = oneClientClinic().exportState();
const check = (em: Emulator): CheckReport => ok<CheckReport>(em.run('checkSpreadsheet'));
const repair = (em: Emulator): RepairReport => ok<RepairReport>(em.run('repairSpreadsheet', {}));
const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const sizeProblem = (r: CheckReport) => r.problems.find((p) => p.where === 'whole spreadsheet');

/** Ratings as a workbook made before setup trimmed new tabs: 26 columns, and grown to 200,000 rows (5.2 million cells). */
function grownRatings(em: Emulator): void {
  const ratings = tab(em, 'Ratings');
  ratings.insertColumnsAfter(ratings.getMaxColumns(), 26 - ratings.getMaxColumns());
  ratings.insertRowsAfter(ratings.getMaxRows(), 200_000 - ratings.getMaxRows());
}

/** The whole workbook without Audit's rows after the header (each check and repair writes one). */
function withoutAudit(s: EmulatorState): EmulatorState {
  return { ...s, sheets: s.sheets.map((sh) => (sh.name === 'Audit' ? { ...sh, cells: sh.cells.filter((c) => /^[A-Z]+1$/.test(c.a1)) } : sh)) };
}

test('setup makes each tab it creates no wider than what it writes there (no empty grid columns counted against the limit)', () => {
  const em = emulator(CLEAN);
  for (const layout of FIXED_TABS) expect([layout.name, tab(em, layout.name).getMaxColumns()]).toEqual([layout.name, Math.max(layout.columns.length, tab(em, layout.name).getLastColumn())]);
});

test('well below half the limit, the check says nothing about size', () => {
  expect(sizeProblem(check(emulator(CLEAN)))).toBeUndefined();
});

describe('past half the limit, with 19 empty columns at the right of Ratings', () => {
  const em = emulator(CLEAN);
  const width = tab(em, 'Ratings').getLastColumn();
  grownRatings(em);
  const before = withoutAudit(em.exportState());
  const found = check(em);
  const result = repair(em);

  test('the check names the size, the limit and the empty columns, and marks it as one Repair fixes', () => {
    const p = sizeProblem(found);
    expect(p).toMatchObject({ area: 'layout', repair: 'trim' });
    expect(p?.problem).toMatch(/limit of 10,000,000 cells .*it holds 5,\d{3},\d{3}\./);
    expect(p?.fix).toContain(`Ratings ${String.fromCharCode(64 + width + 1)}–Z (${thousands((26 - width) * 200_000)} cells)`);
    expect(found.repair?.trimmedCells).toBe((26 - width) * 200_000);
  });

  test('Repair deletes exactly those columns, and the check afterwards has no size problem', () => {
    expect(result.repaired.trimmedCells).toBe((26 - width) * 200_000);
    expect(tab(em, 'Ratings').getMaxColumns()).toBe(width);
    expect(sizeProblem(result.check)).toBeUndefined();
  });

  test('whole-workbook diff: every cell of every tab as before, Ratings only narrower (only the Audit rows are new)', () => {
    const narrower = { ...before, sheets: before.sheets.map((sh) => (sh.name === 'Ratings' ? { ...sh, maxColumns: width } : sh)) };
    expect(stateDiff(narrower, withoutAudit(em.exportState()))).toEqual([]);
  });
});

test('a value of the clinic\u2019s own in column Y of Ratings keeps Y; only Z, beyond it, is deleted', () => {
  const em = emulator(CLEAN);
  grownRatings(em);
  tab(em, 'Ratings').getRange(5, 25).setValue('clinic note');
  expect(sizeProblem(check(em))?.fix).toContain('Ratings Z–Z (200,000 cells)');
  repair(em);
  expect(tab(em, 'Ratings').getMaxColumns()).toBe(25);
  expect(tab(em, 'Ratings').getRange(5, 25).getValue()).toBe('clinic note');
});

test('a failure at the repair\u2019s last write (its Audit row) puts the deleted columns back', () => {
  const em = emulator(CLEAN);
  grownRatings(em);
  const state = em.exportState();
  const { em: failing, ok: answered } = repairFailingAtLastWrite(state);
  expect(answered).toBe(false);
  expect(stateDiff(state, failing.exportState())).toEqual([]);
});

test('with a column setup must add back as well: Repair deletes the empty columns first, then setup appends the column (none of it deleted)', () => {
  const em = emulator(CLEAN);
  const ratings = tab(em, 'Ratings');
  const width = ratings.getLastColumn();
  const last = ratings.getRange(1, width).getValue();
  grownRatings(em);
  ratings.deleteColumn(width);
  const r = repair(em);
  expect(r.repaired.addedColumns).toBe(1);
  expect(r.repaired.trimmedCells).toBeGreaterThan(0);
  expect([ratings.getRange(1, width).getValue(), ratings.getMaxColumns()]).toEqual([last, width]);
  expect(sizeProblem(r.check)).toBeUndefined();
});
