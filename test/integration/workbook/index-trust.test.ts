// The hidden index is never trusted blindly: a tab renamed (archived) and recreated by setup, an index pasted as values or
// deleted, a row typed by hand where the next append would go — appends land on new rows every time, and nothing that was in
// a cell before an action is changed by it (whole-workbook diffs from exportState).
import type { Emulator, EmulatorState } from '../../../emulator';
import { client, fiveGoalPlan, ok, session, setUp } from '../../../kit/workbook';

const INDEX = 'Attain index';

function sheet(em: Emulator, name: string) {
  const s = em.spreadsheet.getSheetByName(name);
  if (!s) throw new Error(`Expected a tab ${name}`);
  return s;
}

/** Data rows of a tab (row 2 on), as arrays; a blank row in the middle stays in (it would be a lost append). */
function dataRows(em: Emulator, name: string): unknown[][] {
  return sheet(em, name).getDataRange().getValues().slice(1);
}

function column(em: Emulator, name: string, header: string): unknown[] {
  const values = sheet(em, name).getDataRange().getValues();
  const at = values[0].indexOf(header);
  if (at < 0) throw new Error(`No column ${header} in ${name}`);
  return values.slice(1).map((r) => r[at]);
}

/** A client with a plan and one recorded session: every appendable tab has a row. */
function withSession(): { em: Emulator; goals: string[] } {
  const em = setUp();
  ok(em.run('addClient', client('C-0001')));
  const goals = ok<{ goals: { id: string }[] }>(em.run('savePlan', fiveGoalPlan('C-0001'))).goals.map((g) => g.id);
  ok(em.run('recordSession', session('C-0001', goals)));
  return { em, goals };
}

/**
 * Every plain value (not a formula) that was in a cell before is still there after, on every tab but the index (whose
 * rows setup may rewrite). Formula results may move, which is what formulas are for.
 */
function keptEveryValue(before: EmulatorState, after: EmulatorState, skip: readonly string[] = [INDEX]): void {
  for (const s of before.sheets) {
    if (skip.includes(s.name)) continue;
    const now = after.sheets.find((x) => x.sheetId === s.sheetId);
    expect({ tab: s.name, exists: now !== undefined }).toEqual({ tab: s.name, exists: true });
    const cells = new Map(now!.cells.map((c) => [c.a1, c]));
    const changed = s.cells
      .filter((c) => c.f === undefined && c.v !== undefined && c.v !== '' && c.v !== null)
      .filter((c) => JSON.stringify(cells.get(c.a1)?.v) !== JSON.stringify(c.v) || cells.get(c.a1)?.f !== undefined)
      .map((c) => `${s.name}!${c.a1}: ${JSON.stringify(c.v)} → ${JSON.stringify(cells.get(c.a1)?.f ?? cells.get(c.a1)?.v)}`);
    expect(changed).toEqual([]);
  }
}

/** A tab's whole state (cells, formats, protections) by its sheet id, for "left untouched". */
const tabState = (state: EmulatorState, sheetId: number) => {
  const s = state.sheets.find((x) => x.sheetId === sheetId)!;
  return { ...s, name: undefined, cells: s.cells.map((c) => ({ a1: c.a1, v: c.v, f: c.f })) };
};

/** Three sessions recorded: distinct numbers in the Sessions tab, one per call. */
function threeSessions(em: Emulator, goals: string[], dates = ['2026-01-19', '2026-01-26', '2026-02-02']): void {
  for (const date of dates) ok(em.run('recordSession', session('C-0001', goals, { date })));
}

describe('a renamed (archived) tab, then setup: appends go to the new tab, one row each, the archive untouched', () => {
  const cases: { tab: string; act: (em: Emulator, goals: string[]) => void; rows: number; distinct: string }[] = [
    { tab: 'Clients', act: (em) => ['C-0002', 'C-0003', 'C-0004'].forEach((c) => ok(em.run('addClient', client(c)))), rows: 3, distinct: 'Client code' },
    { tab: 'Sessions', act: threeSessions, rows: 3, distinct: 'Session' },
    { tab: 'Ratings', act: threeSessions, rows: 15, distinct: 'Goal ID' },
    { tab: 'PHQ-9', act: threeSessions, rows: 3, distinct: 'Session' },
    { tab: 'Audit', act: threeSessions, rows: 3, distinct: 'Summary' },
  ];
  test.each(cases)('$tab', ({ tab, act, rows, distinct }) => {
    const { em, goals } = withSession();
    const archived = sheet(em, tab);
    archived.setName(`${tab} 2025`);
    const id = archived.getSheetId();
    em.run('setupSpreadsheet');
    expect(sheet(em, tab).getSheetId()).not.toBe(id);
    // Setup rewrote the index: its row for the tab refers to the new tab only.
    const names = sheet(em, INDEX).getDataRange().getValues().map((r) => r[0]);
    const formulas = sheet(em, INDEX).getDataRange().getFormulas()[names.indexOf(tab)];
    // Sheets (and the emulator) may drop the quotes of a plain name.
    expect(formulas[1].replace(/'/g, '')).toContain(`${tab}!`);
    expect(formulas.join(' ')).not.toContain('2025');

    const before = em.exportState();
    act(em, goals);
    const after = em.exportState();
    const got = dataRows(em, tab);
    expect(got).toHaveLength(rows);
    expect(got.every((r) => r.some((v) => v !== ''))).toBe(true);
    if (tab === 'Ratings') {
      const keys = dataRows(em, tab).map((r) => `${r[1]}|${r[3]}`);
      expect(new Set(keys).size).toBe(rows);
    } else expect(new Set(column(em, tab, distinct)).size).toBe(rows);
    // Session numbers are distinct whichever tab was archived.
    const numbers = column(em, 'Sessions', 'Session');
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(tabState(after, id)).toEqual(tabState(before, id));
    keptEveryValue(before, after);
  });
});

describe('the index pasted as values or deleted: appends still land on new rows', () => {
  test('pasted as values: three clients and three sessions, every row kept; setup makes the index live again', () => {
    const { em, goals } = withSession();
    const index = sheet(em, INDEX).getDataRange();
    index.setValues(index.getValues());
    expect(index.getFormulas().flat().filter((f) => f !== '')).toEqual([]);
    const before = em.exportState();
    ['C-0002', 'C-0003', 'C-0004'].forEach((c) => ok(em.run('addClient', client(c))));
    threeSessions(em, goals);
    keptEveryValue(before, em.exportState());
    expect(column(em, 'Clients', 'Client code')).toEqual(['C-0001', 'C-0002', 'C-0003', 'C-0004']);
    expect(column(em, 'Sessions', 'Session')).toEqual([1, 2, 3, 4]);
    expect(dataRows(em, 'Ratings')).toHaveLength(20);
    expect(column(em, 'PHQ-9', 'Session')).toEqual([1, 2, 3, 4]);
    expect(dataRows(em, 'Audit').filter((r) => r[2] === 'recordSession')).toHaveLength(4);
    em.run('setupSpreadsheet');
    const live = sheet(em, INDEX).getDataRange().getFormulas().slice(1).filter((r) => r[0] === '' && r[1] !== '');
    expect(live.length).toBeGreaterThanOrEqual(5);
    expect(sheet(em, INDEX).getDataRange().getValues().find((r) => r[0] === 'Sessions')![1]).toBe(5);
  });

  test('pasted as values, then a row typed by hand where the stale index says the next append goes: it is never overwritten', () => {
    const { em, goals } = withSession();
    const index = sheet(em, INDEX).getDataRange();
    index.setValues(index.getValues());
    // The stale index says Sessions ends at row 2; a note typed in row 3 (client left blank).
    sheet(em, 'Sessions').getRange('F3').setValue('phoned to rearrange');
    sheet(em, 'Clients').getRange('E3').setValue('typed by hand');
    const before = em.exportState();
    ok(em.run('recordSession', session('C-0001', goals, { date: '2026-01-19' })));
    ok(em.run('addClient', client('C-0002')));
    keptEveryValue(before, em.exportState());
    expect(sheet(em, 'Sessions').getRange('F3:F4').getValues()).toEqual([['phoned to rearrange'], ['Went well']]);
    expect(sheet(em, 'Clients').getRange('A3:A4').getValues()).toEqual([[''], ['C-0002']]);
  });

  test('deleted: actions still append below every row; setup brings it back live', () => {
    const { em, goals } = withSession();
    em.spreadsheet.deleteSheet(sheet(em, INDEX));
    const before = em.exportState();
    ['C-0002', 'C-0003'].forEach((c) => ok(em.run('addClient', client(c))));
    threeSessions(em, goals);
    keptEveryValue(before, em.exportState());
    expect(column(em, 'Clients', 'Client code')).toEqual(['C-0001', 'C-0002', 'C-0003']);
    expect(column(em, 'Sessions', 'Session')).toEqual([1, 2, 3, 4]);
    em.run('setupSpreadsheet');
    expect(sheet(em, INDEX).getDataRange().getValues().find((r) => r[0] === 'Clients')![1]).toBe(4);
    ok(em.run('addClient', client('C-0004')));
    expect(column(em, 'Clients', 'Client code')).toEqual(['C-0001', 'C-0002', 'C-0003', 'C-0004']);
  });

  test('a tab deleted and recreated by setup: the index follows the new tab', () => {
    const { em, goals } = withSession();
    em.spreadsheet.deleteSheet(sheet(em, 'Sessions'));
    em.run('setupSpreadsheet');
    const before = em.exportState();
    threeSessions(em, goals);
    keptEveryValue(before, em.exportState());
    expect(column(em, 'Sessions', 'Session')).toEqual([1, 2, 3]);
  });

  test('a renamed tab before setup runs: the action refuses, naming the fix, and writes nothing', () => {
    const { em, goals } = withSession();
    sheet(em, 'Sessions').setName('Sessions 2025');
    const before = em.exportState();
    const r = em.run('recordSession', session('C-0001', goals, { date: '2026-01-19' })) as { ok: boolean; message?: string };
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/Set up this spreadsheet/);
    expect(em.exportState()).toEqual(before);
  });
});

describe('a row typed by hand in the target row is never overwritten (live index)', () => {
  test.each(['Clients', 'Sessions', 'Ratings', 'PHQ-9', 'Audit'])('%s', (tab) => {
    const { em, goals } = withSession();
    const s = sheet(em, tab);
    const next = dataRows(em, tab).length + 2;
    // The last Attain column of the tab, typed by hand: the first column an append would not otherwise look at.
    const width = s.getDataRange().getValues()[0].filter((h) => h !== '').length;
    s.getRange(next, width).setValue('typed by hand');
    const before = em.exportState();
    if (tab === 'Clients') ok(em.run('addClient', client('C-0002')));
    else ok(em.run('recordSession', session('C-0001', goals, { date: '2026-01-19' })));
    keptEveryValue(before, em.exportState());
    expect(s.getRange(next, width).getValue()).toBe('typed by hand');
    expect(s.getRange(next + 1, 1).getValue()).not.toBe('');
  });
});
