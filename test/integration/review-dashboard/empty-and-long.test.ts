// The Review tab shows no error whatever client is chosen: a blank selector and a client with no rows yet leave every table
// empty (FILTER's "no match" #N/A shown as blank), and a client whose rows outgrow the tab keeps its latest rows within the
// tab (a longer spill is #REF! in Sheets), its tables showing its latest dates with a line saying so.
import type { Emulator } from '../../../emulator';
import { CAPTION_ROW, FIRST_ROW, REVIEW_POINTS, STAGE_LAST_ROW, STAGE_ROOM } from '../../../src/sheets/review-dashboard-grid';
import { bulkRows, client, fiveGoalPlan, ok, serial, setUp } from '../../../kit/workbook';

jest.setTimeout(600_000);

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const review = (em: Emulator): Sheet => em.spreadsheet.getSheetByName('Review') as Sheet;

/** Every cell of the Review tab that displays an error, as "row:col=text". */
function errors(em: Emulator): string[] {
  const s = review(em);
  const out: string[] = [];
  s.getRange(1, 1, s.getMaxRows(), s.getLastColumn())
    .getDisplayValues()
    .forEach((row, r) => row.forEach((v, c) => v.startsWith('#') && out.push(`${r + 1}:${c + 1}=${v}`)));
  return out;
}

/** A block's cells from row 4 to its last data row, by its caption in row 3. */
function block(em: Emulator, caption: string, width: number): { meta: string[][]; rows: string[][] } {
  const s = review(em);
  const first = s.getRange(CAPTION_ROW, 1, 1, s.getLastColumn()).getValues()[0].indexOf(caption) + 1;
  if (first === 0) throw new Error(`No block ${caption}`);
  const all = s.getRange(CAPTION_ROW + 1, first, FIRST_ROW + REVIEW_POINTS - CAPTION_ROW - 1, width).getDisplayValues();
  return { meta: all.slice(0, FIRST_ROW - CAPTION_ROW - 2), rows: all.slice(FIRST_ROW - CAPTION_ROW - 1).filter((r) => r.some((v) => v !== '')) };
}

const WEEKS = 250;
const START = serial('2021-01-04');
const iso = (day: number) => new Date(Date.UTC(1899, 11, 30 + day)).toISOString().slice(0, 10);

/**
 * EMPTY-01 with nothing recorded; LONG-01 seen weekly for 250 weeks, every session rating its five goals (1,250 Ratings rows);
 * and a session with its rating typed without a client (a blank selector must not pick them).
 */
function world(): Emulator {
  const em = setUp();
  ok(em.run('addClient', client('EMPTY-01')));
  ok(em.run('addClient', client('LONG-01')));
  const ids = ok<{ goals: { id: string }[] }>(em.run('savePlan', fiveGoalPlan('LONG-01'))).goals.map((g) => g.id);
  const weeks = Array.from({ length: WEEKS }, (_, k) => k);
  bulkRows(em, 'Sessions', weeks.map((k) => ({ Client: 'LONG-01', Date: START + 7 * k, Session: k + 1, Clinician: 'Dr Rivera', Attended: true, 'Event note': `Week ${k + 1}` })));
  bulkRows(em, 'Ratings', weeks.flatMap((k) => ids.map((id) => ({ Client: 'LONG-01', Session: k + 1, Date: START + 7 * k, 'Goal ID': id, 'Rating (0–10)': k % 11, 'GAS level': (k % 5) - 2 }))));
  bulkRows(em, 'Sessions', [{ Date: START, Session: 1, 'Event note': 'typed without a client' }]);
  bulkRows(em, 'Ratings', [{ Session: 1, Date: START, 'Goal ID': ids[1], 'Rating (0–10)': 5, 'GAS level': 0 }]);
  return em;
}

describe('Review tab: no error for any client', () => {
  const em = world();

  test('the emulator models FILTER with no match as Google documents it: #N/A (so the tests below can fail)', () => {
    const s = em.spreadsheet.insertSheet('Probe');
    s.getRange('A1').setFormula('=FILTER(Clients!$A:$A,Clients!$A:$A="NOBODY")');
    expect(s.getRange('A1').getDisplayValue()).toBe('#N/A');
    em.spreadsheet.deleteSheet(s);
  });

  const TABLES = [['Event notes', 3], ['Chart data: PHQ-9', 3], ['Chart data: GAS T-score', 3], ['Chart data: goal ratings', 9]] as const;

  test('a blank selector: no cell of the tab shows an error, and rows typed without a client are not picked', () => {
    em.edit('Review', 1, 2, '');
    expect(errors(em)).toEqual([]);
    for (const [caption, width] of TABLES) expect(block(em, caption, width).rows).toEqual([]);
  });

  test('a client with no rows yet: no cell shows an error and every table is empty', () => {
    em.edit('Review', 1, 2, 'EMPTY-01');
    expect(errors(em)).toEqual([]);
    for (const [caption, width] of TABLES) expect(block(em, caption, width).rows).toEqual([]);
  });

  test(`a client with more rows than the tab's ${STAGE_ROOM} free rows: its rows stay within the tab and no cell shows an error (Sheets would show #REF!)`, () => {
    em.edit('Review', 1, 2, 'LONG-01');
    const s = review(em);
    expect(s.getLastRow()).toBeLessThanOrEqual(STAGE_LAST_ROW);
    expect(s.getMaxRows()).toBe(STAGE_LAST_ROW);
    expect(errors(em)).toEqual([]);
  });

  test(`its ratings and GAS tables show its latest ${REVIEW_POINTS} dates, ending with its last session, and say so`, () => {
    em.edit('Review', 1, 2, 'LONG-01');
    const want = Array.from({ length: REVIEW_POINTS }, (_, i) => iso(START + 7 * (WEEKS - REVIEW_POINTS + i)));
    for (const caption of ['Chart data: goal ratings', 'Chart data: GAS T-score']) {
      const { meta, rows } = block(em, caption, 2);
      expect(rows.map((r) => r[0])).toEqual(want);
      // 1,250 Ratings rows: the stage keeps the latest STAGE_ROOM, so the count of dates is a lower bound.
      expect(meta[1][0]).toMatch(new RegExp(`^Showing the latest ${REVIEW_POINTS} of over \\d+ dates$`));
    }
    // The ratings of the last session (week 250: rating 249 mod 11 = 7) are in the last row.
    expect(block(em, 'Chart data: goal ratings', 9).rows.at(-1)!.slice(1, 5)).toEqual(['7', '7', '7', '7']);
  });

  test(`its event notes are its latest ${REVIEW_POINTS}, with a line giving the total`, () => {
    em.edit('Review', 1, 2, 'LONG-01');
    const { meta, rows } = block(em, 'Event notes', 3);
    expect(rows.map((r) => r[2])).toEqual(Array.from({ length: REVIEW_POINTS }, (_, i) => `Week ${WEEKS - REVIEW_POINTS + i + 1}`));
    expect(meta[1][0]).toBe(`Showing the latest ${REVIEW_POINTS} of ${WEEKS} notes`);
  });

});
