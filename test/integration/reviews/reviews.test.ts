// Goal reviews, the relapse-prevention plan and the outcomes export on the built bundle: prefill, exact rows written, core's GAS figures, refusals that write nothing.
import type { Emulator } from '../../../emulator';
import { outcomeRows, outcomesCsv } from '../../../src/core/csv';
import { relapsePreventionSections } from '../../../src/core/relapse-prevention';
import { applyReview, type ReviewableGoal } from '../../../src/core/review';
import { relapsePreventionCells } from '../../../src/sheets/relapse-prevention-sheet';
import { REVIEWS } from '../../../src/sheets/layout';
import type { ClientDetail, GoalView, RelapsePreventionPlanInput, OutcomesData, SaveReviewData, SaveReviewInput, StartReviewData } from '../../../src/contract';
import { client, fiveGoalPlan, ok, session, setUp } from '../../../kit/workbook';
import { refusing, type Result } from '../refusing';


/** A tab's data rows, up to its hidden key columns ("Order: …", which Attain computes). */
function rows(em: Emulator, name: string): unknown[][] {
  const s = em.spreadsheet.getSheetByName(name)!;
  const last = s.getLastRow();
  const header = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0];
  const keys = header.findIndex((h) => String(h).startsWith('Order: '));
  return last < 2 ? [] : s.getRange(2, 1, last - 1, keys < 0 ? header.length : keys).getValues();
}


const day = (iso: string) => new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))));
const REVIEW_DATE = '2026-02-02';

/** C-0001 with the five-goal plan, two rated sessions and two more without ratings (review due at 4). */
function reviewedWorkbook() {
  const em = setUp();
  ok(em.run('addClient', client('C-0001')));
  ok(em.run('addClient', client('C-0002')));
  const ids = ok<ClientDetail>(em.run('savePlan', fiveGoalPlan('C-0001'))).goals.map((g) => g.id);
  ok(em.run('recordSession', session('C-0001', ids)));
  ok(em.run('recordSession', session('C-0001', ids, { date: '2026-01-19', ratings: [{ goalId: ids[0], rating: 7, gasLevel: 0 }, { goalId: ids[1], rating: null, gasLevel: 1 }] })));
  ok(em.run('recordSession', session('C-0001', ids, { date: '2026-01-26', ratings: [], measures: [] })));
  ok(em.run('recordSession', session('C-0001', ids, { date: '2026-02-02', ratings: [], measures: [] })));
  return { em, ids };
}

function reviewInput(ids: string[]): SaveReviewInput {
  return {
    clientCode: 'C-0001',
    date: REVIEW_DATE,
    sessionNumber: 4,
    goals: [
      { goalId: ids[0], decision: 'continue', gasLevel: 0, rating: 7 },
      { goalId: ids[1], decision: 'achieved', reason: 'Walking most days now', gasLevel: 2, rating: 9 },
      { goalId: ids[2], decision: 'modify', reason: 'Too ambitious for winter', revisedObjective: '=HYPERLINK("http://x","Walk twice a week")', gasLevel: -1, rating: 4 },
      { goalId: ids[3], decision: 'retire', reason: '+ no longer relevant', gasLevel: null, rating: null },
      { goalId: ids[4], decision: 'continue', gasLevel: 1, rating: 8 },
    ],
  };
}

describe('startReview and saveReview', () => {
  const { em, ids } = reviewedWorkbook();
  const before = ok<ClientDetail>(em.run('getClient', 'C-0001'));

  test('getClient and startReview: review due after four attended sessions; goals prefilled from the latest Ratings', () => {
    expect([before.reviewDue, before.reviewOverdue, before.review]).toEqual([true, false, { everySessions: 4, due: true, overdue: false, sessionsSince: 4, lastReviewSession: 0, lastReviewDate: '', words: 'Due' }]);
    const start = ok<StartReviewData>(em.run('startReview', 'C-0001'));
    expect(start).toMatchObject({ clientCode: 'C-0001', sessionNumber: 4, rho: 0.3, cadence: before.review });
    expect(start.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(start.goals.map((g) => [g.goalId, g.gasLevel, g.rating, g.ratedAt])).toEqual([
      [ids[0], 0, 7, 2],
      [ids[1], 1, null, 2],
      [ids[2], -1, 6, 1],
      [ids[3], -1, 7, 1],
      [ids[4], -1, 8, 1],
    ]);
    expect(start.goals[1]).toMatchObject({ title: 'Walk outside for 20 minutes (1)', horizon: 'short', status: 'active', baseline: -1, weight: 2, anchors: ['No walks', 'One walk a week', 'Three walks a week', 'Four walks a week', 'Daily walks'] });
  });

  test('an unknown client or a blank code is answered, not thrown', () => {
    expect((em.run('startReview', 'C-9999') as Result).errors).toEqual({ clientCode: 'Expected a client on the Clients tab; got "C-9999", which is not there' });
    expect((em.run('startReview', '') as Result).ok).toBe(false);
  });

  test('an invalid review writes nothing and names every field: a goal left out, a reason missing, a modify without wording', () => {
    const input = reviewInput(ids);
    refusing(em, (refused) => {
      const missing = refused('saveReview', { ...input, goals: input.goals.slice(0, 4) });
      expect(missing.errors).toEqual({ goals: expect.stringContaining(`got none for goal "${ids[4]}"`) });
      const noReason = refused('saveReview', { ...input, goals: input.goals.map((g, i) => (i === 3 ? { ...g, reason: '  ' } : g)) });
      expect(Object.keys(noReason.errors!)).toEqual(['goals.3.reason']);
      const noWording = refused('saveReview', { ...input, goals: input.goals.map((g, i) => (i === 2 ? { ...g, revisedObjective: undefined } : g)) });
      expect(Object.keys(noWording.errors!)).toEqual(['goals.2.revisedObjective']);
      const otherClients = refused('saveReview', { ...input, clientCode: 'C-0002' });
      expect(Object.keys(otherClients.errors!).sort()).toEqual(['goals.0.goalId', 'goals.1.goalId', 'goals.2.goalId', 'goals.3.goalId', 'goals.4.goalId']);
      expect(refused('saveReview', { ...input, clientCode: 'C-9999' }).errors).toEqual({ clientCode: 'Expected a client on the Clients tab; got "C-9999", which is not there' });
      expect(Object.keys(refused('saveReview', { ...input, date: '2026-02-30', sessionNumber: 0 }).errors!).sort()).toEqual(['date', 'sessionNumber']);
    });
  });

  test('saves one Reviews row per goal with core\u2019s T-score and change, updates statuses and wording, appends Audit before → after, returns milestones', () => {
    const input = reviewInput(ids);
    const expected = applyReview(before.goals as readonly (GoalView & ReviewableGoal)[], input, { rho: 0.3 });
    expect(expected.gas).not.toBeNull();
    const auditBefore = rows(em, 'Audit').length;
    const data = ok<SaveReviewData>(em.run('saveReview', input));
    const t = expected.gas!.tScore;
    const change = expected.gas!.change;
    expect(data).toMatchObject({ date: REVIEW_DATE, sessionNumber: 4, rows: 5, tScore: t, change });
    expect(data.milestones).toEqual([{ goalId: ids[1], statement: 'Walk outside for 20 minutes (1)', date: REVIEW_DATE, sessionNumber: 4 }]);
    expect(data.changes.map((c) => [c.goalId, c.before, c.after])).toEqual([
      [ids[0], 'active', 'active'],
      [ids[1], 'active', 'achieved'],
      [ids[2], 'active', 'modified'],
      [ids[3], 'active', 'retired'],
      [ids[4], 'active', 'active'],
    ]);

    expect(rows(em, 'Reviews')).toEqual([
      ['C-0001', day(REVIEW_DATE), 4, ids[0], 'continue', '', 0, 7, '', t, change],
      ['C-0001', day(REVIEW_DATE), 4, ids[1], 'achieved', 'Walking most days now', 2, 9, '', t, change],
      ['C-0001', day(REVIEW_DATE), 4, ids[2], 'modify', 'Too ambitious for winter', -1, 4, '=HYPERLINK("http://x","Walk twice a week")', t, change],
      ['C-0001', day(REVIEW_DATE), 4, ids[3], 'retire', '+ no longer relevant', '', '', '', t, change],
      ['C-0001', day(REVIEW_DATE), 4, ids[4], 'continue', '', 1, 8, '', t, change],
    ]);
    // User text with a leading = or + stays text: no formulas anywhere, no formula errors.
    const reviews = em.spreadsheet.getSheetByName('Reviews')!;
    expect(reviews.getRange(2, 1, 5, REVIEWS.columns.length).getFormulas().flat().every((f) => f === '')).toBe(true);
    expect(em.formulaErrors()).toEqual([]);

    const after = ok<ClientDetail>(em.run('getClient', 'C-0001'));
    const byId = new Map(after.goals.map((g) => [g.id, g]));
    expect(ids.map((id) => [byId.get(id)!.status, byId.get(id)!.statusReason])).toEqual([
      ['active', ''],
      ['achieved', 'Walking most days now'],
      ['modified', 'Too ambitious for winter'],
      ['retired', '+ no longer relevant'],
      ['active', ''],
    ]);
    expect(byId.get(ids[2])!.title).toBe('=HYPERLINK("http://x","Walk twice a week")');
    expect(byId.get(ids[1])!.title).toBe('Walk outside for 20 minutes (1)');
    expect([byId.get(ids[1])!.statusDate, byId.get(ids[0])!.statusDate]).toEqual([REVIEW_DATE, before.goals[0].statusDate]);
    // Every other Goals cell is unchanged (weights, anchors, deadlines …).
    const strip = (g: GoalView) => ({ ...g, status: '', statusDate: '', statusReason: '', title: '' });
    expect(after.goals.map(strip)).toEqual(before.goals.map(strip));
    const goalsTab = em.spreadsheet.getSheetByName('Goals')!;
    expect(goalsTab.getRange(2, 6, 5, 1).getFormulas().flat()).toEqual(['', '', '', '', '']);

    const audit = rows(em, 'Audit').slice(auditBefore);
    expect(audit.map((r) => [r[2], r[3], r[4]])).toEqual([...ids.map((id) => ['saveReview', 'C-0001', `Goal ${id}`]), ['saveReview', 'C-0001', 'Reviews (5 rows)']]);
    expect(audit[1][5]).toBe('Review at session 4 on 2026-02-02: achieved; status active → achieved; reason: Walking most days now; GAS level +2; rating 9');
    expect(audit[2][5]).toContain('status active → modified; objective "Walk outside for 20 minutes (2)" → "=HYPERLINK(');
    expect(audit[0][5]).toContain('status active (unchanged)');
    expect(audit[5][5]).toBe(`Review saved at session 4 on 2026-02-02: 5 goal(s); GAS T-score ${t.toFixed(1)}, change from baseline ${change! >= 0 ? '+' : ''}${change!.toFixed(1)}; 1 achieved`);

    // The review restarts the cadence, in the answer and in getClient.
    expect([data.detail.reviewDue, data.detail.review?.lastReviewSession, data.detail.review?.sessionsSince]).toEqual([false, 4, 0]);
    expect(after.review).toEqual({ everySessions: 4, due: false, overdue: false, sessionsSince: 0, lastReviewSession: 4, lastReviewDate: REVIEW_DATE, words: 'At session 8' });
  });

  test('the next review covers the goals still being worked on: the continued ones and the modified one', () => {
    const start = ok<StartReviewData>(em.run('startReview', 'C-0001'));
    expect(start.goals.map((g) => [g.goalId, g.status])).toEqual([
      [ids[0], 'active'],
      [ids[2], 'modified'],
      [ids[4], 'active'],
    ]);
    expect(start.goals[1].title).toBe('=HYPERLINK("http://x","Walk twice a week")');
  });
});

describe('buildRelapsePreventionPlan', () => {
  const { em, ids } = reviewedWorkbook();
  ok(em.run('saveReview', reviewInput(ids)));
  const plan: RelapsePreventionPlanInput = {
    clientCode: 'C-0001',
    date: '2026-03-02',
    whatHelped: ['Walking after lunch', '=IMPORTRANGE("x","A1")'],
    warningSigns: ['Staying in bed past 10', 'Cancelling plans'],
    copingStrategies: ['Activity diary', 'Phone a friend'],
    ifTheyReturn: ['Restart the walking plan', 'Book a review appointment'],
    contacts: [{ who: 'GP surgery', how: '0800 123 456', when: 'low for two weeks' }, { who: 'Crisis line', how: '111' }],
  };
  // A rebuild is written into a fresh tab that replaces the earlier one (all or nothing), so only its sheet id differs.
  const sheetOf = () => ({ ...em.exportState().sheets.find((s) => s.name === 'Relapse prevention C-0001')!, sheetId: 0 });

  test('writes the print-ready sheet: core\u2019s sections in one wide wrapped column, bold headings, text kept as typed, nothing frozen', () => {
    const data = ok<{ sheetName: string; rebuilt: boolean; sections: { heading: string; lines: string[] }[] }>(em.run('buildRelapsePreventionPlan', plan));
    const goals = ok<ClientDetail>(em.run('getClient', 'C-0001')).goals;
    const sections = relapsePreventionSections(plan, goals);
    expect(data).toEqual({ sheetName: 'Relapse prevention C-0001', rebuilt: false, sections });
    expect(sections[1]).toEqual({ heading: 'Goals achieved', lines: ['Walk outside for 20 minutes (1) (achieved 2026-02-02)'] });
    const cells = relapsePreventionCells(sections);
    const sheet = em.spreadsheet.getSheetByName('Relapse prevention C-0001')!;
    expect(sheet.getLastRow()).toBe(cells.length);
    const range = sheet.getRange(1, 1, cells.length, 1);
    expect(range.getValues().flat()).toEqual(cells.map((c) => c.text));
    expect(range.getValues().flat()).toContain('• GP surgery: 0800 123 456 (low for two weeks)');
    expect(range.getFormulas().flat().every((f) => f === '')).toBe(true);
    expect(range.getFontWeights().flat()).toEqual(cells.map((c) => (c.bold ? 'bold' : 'normal')));
    expect(range.getWraps().flat().every(Boolean)).toBe(true);
    expect(sheet.getColumnWidth(1)).toBe(640);
    expect([sheet.getFrozenRows(), sheet.getFrozenColumns()]).toEqual([0, 0]);
    expect(cells.filter((c) => c.bold).map((c) => c.text)).toEqual(['Relapse-prevention plan', 'Goals achieved', 'What helped', 'Early warning signs', 'Coping strategies', 'If difficulties return: what to do', 'Whom to contact']);
    expect(rows(em, 'Audit').pop()!.slice(2, 5)).toEqual(['buildRelapsePreventionPlan', 'C-0001', 'Relapse prevention C-0001']);
  });

  test('rebuilding is idempotent, and a shorter plan leaves no old lines behind', () => {
    const once = sheetOf();
    expect(ok<{ rebuilt: boolean }>(em.run('buildRelapsePreventionPlan', plan)).rebuilt).toBe(true);
    expect(sheetOf()).toEqual(once);
    ok(em.run('buildRelapsePreventionPlan', { ...plan, whatHelped: ['Walking'], warningSigns: ['Cancelling plans'] }));
    const sheet = em.spreadsheet.getSheetByName('Relapse prevention C-0001')!;
    const texts = sheet.getRange(1, 1, sheet.getLastRow(), 1).getValues().flat();
    expect(texts).toContain('• Walking');
    expect(texts).not.toContain('• Staying in bed past 10');
    expect(sheet.getLastRow()).toBe(relapsePreventionCells(relapsePreventionSections({ ...plan, whatHelped: ['Walking'], warningSigns: ['Cancelling plans'] }, ok<ClientDetail>(em.run('getClient', 'C-0001')).goals)).length);
  });

  test('never overwrites a tab of that name the clinic made, and an invalid plan writes nothing', () => {
    ok(em.run('addClient', client('C-0003')));
    em.spreadsheet.insertSheet('Relapse prevention C-0003').getRange('A1').setValue('Our own notes');
    refusing(em, (refused) => {
      expect(refused('buildRelapsePreventionPlan', { ...plan, clientCode: 'C-0003' }).message).toMatch(/Relapse prevention C-0003.*left as it is/);
      const bad = refused('buildRelapsePreventionPlan', { ...plan, contacts: [], warningSigns: [''] });
      expect(Object.keys(bad.errors!).sort()).toEqual(['contacts', 'warningSigns.0']);
    });
  });
});

describe('getOutcomes', () => {
  const { em, ids } = reviewedWorkbook();
  const saved = ok<SaveReviewData>(em.run('saveReview', reviewInput(ids)));
  // A hand-typed row whose code looks like a name: it never leaves the workbook.
  em.edit('Clients', 4, 1, 'Jane Smith');

  test('rows equal core\u2019s outcomeRows (measures with bands, then the review\u2019s GAS), and the CSV builds from them', () => {
    const data = ok<OutcomesData>(em.run('getOutcomes'));
    const point = (date: string, session: number, total: number) => ({ date, session, total });
    const expected = outcomeRows(
      'C-0001',
      { 'PHQ-9': [point('2026-01-12', 1, 8), point('2026-01-19', 2, 8)], 'GAD-7': [point('2026-01-12', 1, 7), point('2026-01-19', 2, 7)] },
      [{ date: REVIEW_DATE, session: 4, tScore: saved.tScore, change: saved.change }],
    );
    expect(data.rows).toEqual(expected);
    // C-0002 has no rows: the count is of clients whose rows are exported.
    expect(data).toMatchObject({ clients: 1, skipped: 1 });
    expect(data.rows.some((r) => r.instrument === 'GAS' && r.gasTScore === saved.tScore)).toBe(true);
    expect(data.rows.find((r) => r.instrument === 'PHQ-9')!.band).toBe('Mild');
    const csv = outcomesCsv(data.rows);
    expect(csv.split('\r\n')[0]).toBe('Client code,Date,Instrument,Total,Band,GAS T-score');
    expect(csv).not.toMatch(/Jane/);
  });
});
