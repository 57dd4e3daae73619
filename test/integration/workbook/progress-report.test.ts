// buildProgressReport on the built bundle: the "Progress <code>" tab (core's lines as plain text, charts over value-only data), only its own tab replaced, a clinic's tab refused, nothing else changed.
import type { Emulator } from '../../../emulator';
import type { ClientDetail, ProgressReportData } from '../../../src/contract';
import { client, emulator, fiveGoalPlan, measure, ok, session, setUp } from '../../../kit/workbook';
import { refusing, type Result } from '../refusing';
import { stateDiff } from '../state-diff';

const NOTE = 'Private note about the family';
const OTHER_GOAL = 'Other client goal wording';
const PHQ = (total18: boolean) => ({ instrument: 'phq9', items: total18 ? [2, 2, 2, 2, 2, 2, 3, 3, 0] : [1, 1, 1, 1, 1, 1, 2, 1, 0] });

/** C-0001: a five-goal plan, four sessions with PHQ-9 18 → 9; C-0002 with its own goal and notes, never in C-0001's report. */
function workbook(): { em: Emulator; ids: string[] } {
  const em = setUp();
  ok(em.run('addClient', client('C-0001')));
  ok(em.run('addClient', client('C-0002')));
  const ids = ok<ClientDetail>(em.run('savePlan', fiveGoalPlan('C-0001'))).goals.map((g) => g.id);
  const dates = ['2026-01-12', '2026-01-19', '2026-01-26', '2026-02-02'];
  dates.forEach((date, i) =>
    ok(em.run('recordSession', session('C-0001', ids, { date, note: NOTE, ratings: ids.slice(1).map((goalId) => ({ goalId, rating: 3 + i, gasLevel: i < 2 ? -1 : 0 })), measures: [i === 0 ? PHQ(true) : i === 3 ? PHQ(false) : { instrument: 'phq9', items: [1, 2, 2, 2, 1, 2, 2, 2, 0] }] }))),
  );
  const plan = fiveGoalPlan('C-0002') as { goals: { title: string }[] };
  plan.goals[1].title = OTHER_GOAL;
  const other = ok<ClientDetail>(em.run('savePlan', plan)).goals.map((g) => g.id);
  ok(em.run('recordSession', session('C-0002', other, { note: NOTE, measures: [{ instrument: 'phq9', items: [3, 3, 3, 3, 3, 3, 3, 3, 0] }] })));
  return { em, ids };
}

const column = (em: Emulator, name: string) => {
  const s = em.spreadsheet.getSheetByName(name)!;
  return s.getRange(1, 1, s.getLastRow(), 1);
};

describe('buildProgressReport', () => {
  const { em } = workbook();
  const before = em.exportState();
  const nextSteps = '=HYPERLINK("http://x","click")\n+44 20 7946 0000\nPractise the breathing exercise';
  const data = ok<ProgressReportData>(em.run('buildProgressReport', { clientCode: 'C-0001', nextSteps, requestId: 'progress-0001' }));
  const after = em.exportState();

  test('writes core\u2019s lines in column A as plain text, bold title and headings, wrapped, 640 px wide', () => {
    expect(data).toMatchObject({ sheetName: 'Progress C-0001', rebuilt: false, charts: 2 });
    const range = column(em, 'Progress C-0001');
    expect(range.getValues().flat()).toHaveLength(data.lines.length);
    expect(range.getValues().flat()).toContain('• Your PHQ-9 went from 18 to 9 over 4 sessions — a reliable improvement, and now outside the clinical range.');
    expect(range.getValues().flat()).toContain('    Where you started: One walk a week');
    expect(range.getValues().flat()).toContain('    Your rating went from 3 to 6 out of 10.');
    expect(range.getFormulas().flat().every((f) => f === '')).toBe(true);
    expect(range.getWraps().flat().every(Boolean)).toBe(true);
    expect(em.spreadsheet.getSheetByName('Progress C-0001')!.getColumnWidth(1)).toBe(640);
    const bold = range
      .getValues()
      .flat()
      .filter((_, i) => range.getFontWeights()[i][0] === 'bold');
    expect(bold).toEqual(expect.arrayContaining(['Your progress report', 'Your goals', 'Your questionnaires', 'Milestones', 'Next steps', 'Charts']));
  });

  test('keeps typed next steps exactly as text, never as a formula or a number', () => {
    const texts = column(em, 'Progress C-0001').getValues().flat();
    expect(texts).toEqual(expect.arrayContaining(['• =HYPERLINK("http://x","click")', '• +44 20 7946 0000', '• Practise the breathing exercise']));
  });

  test('has no session note, no other client and no alert text', () => {
    const all = JSON.stringify(after.sheets.find((s) => s.name === 'Progress C-0001'));
    for (const absent of [NOTE, OTHER_GOAL, 'C-0002', 'Alert', 'alert']) expect(all).not.toContain(absent);
  });

  test('charts each measure with its bands and the goal ratings, over values on the tab itself in hidden columns', () => {
    const sheet = em.spreadsheet.getSheetByName('Progress C-0001')!;
    const charts = sheet.getCharts();
    expect(charts.map((c) => c.getOptions().get('title'))).toEqual(['Progress: PHQ-9 total (0–27)', 'Progress: Goal ratings (0–10)']);
    for (const c of charts) expect(c.getRanges()[0].getSheet().getName()).toBe('Progress C-0001');
    const phq = charts[0].getRanges()[0];
    expect(phq.getValues()[0]).toEqual(['Date', 'PHQ-9 total', 'Cut-off (10)', 'Mild (5)', 'Moderate (10)', 'Moderately severe (15)', 'Severe (20)']);
    expect(phq.getValues().slice(1).map((r) => r[1])).toEqual([18, 14, 14, 9]);
    const data = sheet.getRange(1, 2, sheet.getLastRow(), sheet.getLastColumn() - 1);
    expect(data.getFormulas().flat().every((f) => f === '')).toBe(true);
    for (let c = 2; c <= sheet.getLastColumn(); c++) expect(sheet.isColumnHiddenByUser(c)).toBe(true);
  });

  test('changes nothing else: one new tab (opened for the clinician) and one Audit row', () => {
    expect(after.spreadsheet.activeSheet).toBe('Progress C-0001');
    // The emulator's next chart id counts the charts made; it is not part of the document.
    const diff = stateDiff(before, { ...after, spreadsheet: { ...after.spreadsheet, activeSheet: before.spreadsheet.activeSheet }, nextChartId: before.nextChartId });
    expect(diff.filter((d) => !d.startsWith('Audit!'))).toEqual(['Progress C-0001: added']);
    expect(diff.filter((d) => d.startsWith('Audit!')).length).toBeGreaterThan(0);
    const audit = em.spreadsheet.getSheetByName('Audit')!;
    expect(audit.getRange(audit.getLastRow(), 3, 1, 3).getValues()[0]).toEqual(['buildProgressReport', 'C-0001', 'Progress C-0001']);
  });

  test('a retry of the same request writes nothing; a new build replaces only its own tab with the same content', () => {
    const sheetOf = () => {
      const s = em.exportState().sheets.find((x) => x.name === 'Progress C-0001')!;
      return { ...s, sheetId: 0, charts: s.charts.map((c) => ({ ...c, chartId: '' })) };
    };
    const once = sheetOf();
    const state = em.exportState();
    expect(ok<ProgressReportData>(em.run('buildProgressReport', { clientCode: 'C-0001', nextSteps, requestId: 'progress-0001' })).rebuilt).toBe(true);
    expect(stateDiff(state, em.exportState())).toEqual([]);
    const rebuilt = ok<ProgressReportData>(em.run('buildProgressReport', { clientCode: 'C-0001', nextSteps, requestId: 'progress-0002' }));
    expect(rebuilt.rebuilt).toBe(true);
    expect(sheetOf()).toEqual(once);
    expect(em.exportState().sheets.map((s) => s.name).filter((n) => n.startsWith('Progress'))).toEqual(['Progress C-0001']);
  });

  test("refuses a clinic's own tab of that name and bad input, writing nothing", () => {
    em.spreadsheet.insertSheet('Progress C-0002').getRange('A1').setValue('Our own notes');
    refusing(em, (refused) => {
      expect(refused('buildProgressReport', { clientCode: 'C-0002' }).message).toMatch(/Progress C-0002.*left as it is\. Rename that tab/);
      expect(Object.keys(refused('buildProgressReport', { clientCode: 'C-0001', nextSteps: 'x'.repeat(1001) }).errors!)).toEqual(['nextSteps']);
      expect(refused('buildProgressReport', { clientCode: 'C-0404' }).errors!.clientCode).toMatch(/not there/);
    });
  });
});

describe('buildProgressReport is all or nothing', () => {
  const { em } = workbook();
  const state = em.exportState();
  const clean = emulator(state);
  const m = measure(clean, () => ok(clean.run('buildProgressReport', { clientCode: 'C-0001' })));
  const writes = m.write + m.format + m.structure;

  test('the build makes writes (so the case below tests something)', () => {
    expect(writes).toBeGreaterThan(3);
  });

  // The first write (the new tab), one in the middle (the text or chart data) and the last (the swap after the Audit row).
  test('a failure at the first, a middle or the last write leaves the workbook as it was, and building again works', () => {
    for (const nth of [1, Math.ceil(writes / 2), writes]) {
      const e = emulator(state);
      const before = e.exportState();
      e.failCalls({ nth });
      const r = e.run('buildProgressReport', { clientCode: 'C-0001' }) as Result;
      e.failCalls(null);
      expect([nth, r.ok]).toEqual([nth, false]);
      // The emulator's next chart id counts charts ever made (an undone one too); it is not part of the document.
      expect(stateDiff(before, { ...e.exportState(), nextChartId: before.nextChartId })).toEqual([]);
      expect(ok<ProgressReportData>(e.run('buildProgressReport', { clientCode: 'C-0001' })).sheetName).toBe('Progress C-0001');
    }
  }, 600_000);
});
