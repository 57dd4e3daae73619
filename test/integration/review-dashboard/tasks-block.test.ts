// Task completion in the sheet on the built bundle: the Review tab's "Tasks between sessions" block (per goal of the chosen client, live tasks since the last review by outcome, done ÷ reviewed) and Supervision's completion column, equal to core's taskCompletion; voided rows and other clients count nowhere.
import type { Emulator } from '../../../emulator';
import { taskCompletion } from '../../../src/core/tasks';
import { TASKS_CAPTION, TASK_SLOTS } from '../../../src/sheets/review-dashboard-blocks';
import { CAPTION_ROW, FIRST_ROW } from '../../../src/sheets/review-dashboard-grid';
import { client, fiveGoalPlan, ok, session, setUp } from '../../../kit/workbook';

function block(em: Emulator): unknown[][] {
  const s = em.spreadsheet.getSheetByName('Review')!;
  const captions = s.getRange(CAPTION_ROW, 1, 1, s.getLastColumn()).getValues()[0];
  const first = captions.indexOf(TASKS_CAPTION) + 1;
  if (first === 0) throw new Error(`No block ${TASKS_CAPTION}; captions: ${captions.filter(Boolean).join(', ')}`);
  return s.getRange(FIRST_ROW, first, TASK_SLOTS, 8).getValues().filter((r) => r[0] !== '');
}

describe('tasks block', () => {
  const em = setUp();
  ok(em.run('addClient', client('C-0001')));
  ok(em.run('addClient', client('C-0002')));
  const ids = ok<{ goals: { id: string }[] }>(em.run('savePlan', fiveGoalPlan('C-0001'))).goals.map((g) => g.id);
  const other = ok<{ goals: { id: string }[] }>(em.run('savePlan', fiveGoalPlan('C-0002'))).goals.map((g) => g.id);
  const base = { measures: [], ratings: [], note: '' };
  ok(em.run('recordSession', session('C-0001', [], { ...base, date: '2026-01-05', newTasks: [{ goalId: ids[1], text: 'Walk after lunch daily' }, { goalId: ids[1], text: 'Walk before bed daily' }, { goalId: ids[2], text: 'Call Sam on Sunday once' }] })));
  ok(em.run('recordSession', session('C-0001', [], { ...base, date: '2026-01-12', taskOutcomes: [{ taskId: 'S1-T1', outcome: 'done' }, { taskId: 'S1-T2', outcome: 'partly' }, { taskId: 'S1-T3', outcome: 'not done' }], newTasks: [{ goalId: ids[1], text: 'Walk after lunch 3 times' }] })));
  ok(em.run('recordSession', session('C-0002', [], { ...base, date: '2026-01-12', newTasks: [{ goalId: other[1], text: 'Walk daily after lunch' }] })));
  ok(em.run('recordSession', session('C-0002', [], { ...base, date: '2026-01-19', taskOutcomes: [{ taskId: 'S1-T1', outcome: 'done' }] })));

  test('per goal: counts by outcome since the last review and done ÷ reviewed, as core computes them', () => {
    em.edit('Review', 1, 2, 'C-0001');
    const rows = block(em);
    expect(rows.map((r) => [r[0], ...r.slice(2)])).toEqual([
      [ids[0], 0, 0, 0, 0, 0, ''],
      [ids[1], 1, 1, 0, 0, 1, 0.5],
      [ids[2], 0, 0, 1, 0, 0, 0],
      [ids[3], 0, 0, 0, 0, 0, ''],
      [ids[4], 0, 0, 0, 0, 0, ''],
    ]);
    const tasks = [
      { goalId: ids[1], setDate: '2026-01-05', outcome: 'done' as const, live: true },
      { goalId: ids[1], setDate: '2026-01-05', outcome: 'partly' as const, live: true },
      { goalId: ids[1], setDate: '2026-01-12', outcome: '' as const, live: true },
    ];
    expect(taskCompletion(tasks).share).toBe(rows[1][7]);
  });

  test('Supervision: each client\u2019s task completion since the last review (done ÷ reviewed), as core computes it', () => {
    const sup = em.spreadsheet.getSheetByName('Supervision')!;
    const values = sup.getRange(3, 1, 5, sup.getLastColumn()).getValues();
    const at = values[0].indexOf('Task completion');
    expect(at).toBeGreaterThan(0);
    const of = (code: string) => values.find((r) => r[0] === code)![at];
    expect(of('C-0001')).toBeCloseTo(1 / 3, 10);
    expect(of('C-0002')).toBe(1);
  });

  test('a voided task row counts nowhere', () => {
    const s = em.spreadsheet.getSheetByName('Tasks')!;
    s.getRange(2, 11).setValue('Voided 2026-01-20 by test: wrong goal');
    em.edit('Review', 1, 2, '');
    em.edit('Review', 1, 2, 'C-0001');
    expect(block(em)[1].slice(2)).toEqual([0, 1, 0, 0, 1, 0]);
  });
});
