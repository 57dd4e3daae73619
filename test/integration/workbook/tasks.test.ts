// Tasks between sessions through recordSession on the built bundle: new tasks appended with ids, outcomes marked in place at the next session, bad outcomes and other clients' goals refused with nothing written, text kept as text.
import type { Emulator } from '../../../emulator';
import type { ClientDetail } from '../../../src/contract';
import { client, fiveGoalPlan, ok, session, setUp } from '../../../kit/workbook';

type Result = { ok: boolean; errors?: Record<string, string> };

function rows(em: Emulator, name: string): unknown[][] {
  const s = em.spreadsheet.getSheetByName(name)!;
  const last = s.getLastRow();
  return last < 2 ? [] : s.getRange(2, 1, last - 1, s.getLastColumn()).getValues();
}

function refused(em: Emulator, ...args: unknown[]): Record<string, string> {
  const before = JSON.stringify(em.exportState());
  const r = em.run('recordSession', ...args) as Result;
  expect(r.ok).toBe(false);
  expect(JSON.stringify(em.exportState())).toBe(before);
  return r.errors ?? {};
}

const day = (iso: string) => new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))));

describe('tasks between sessions', () => {
  const em = setUp();
  ok(em.run('addClient', client('C-0001')));
  ok(em.run('addClient', client('C-0002')));
  const ids = ok<{ goals: { id: string }[] }>(em.run('savePlan', fiveGoalPlan('C-0001'))).goals.map((g) => g.id);
  const other = ok<{ goals: { id: string }[] }>(em.run('savePlan', fiveGoalPlan('C-0002'))).goals.map((g) => g.id);
  type Saved = { sessionNumber: number; saved: { tasks?: { added: number; marked: number } }; detail: ClientDetail };

  test('tasks set at a session are appended with ids S<n>-T<k>, due blank for "next session", and come back as open tasks', () => {
    const d = ok<Saved>(em.run('recordSession', session('C-0001', [ids[0]], { newTasks: [{ goalId: ids[1], text: 'Walk 20 minutes after lunch, 3 times' }, { goalId: ids[2], text: '=Phone a friend on Sunday', due: '2026-01-20' }] })));
    expect(d.saved.tasks).toEqual({ added: 2, marked: 0 });
    expect(rows(em, 'Tasks')).toEqual([
      ['C-0001', 'S1-T1', ids[1], 'Walk 20 minutes after lunch, 3 times', 1, day('2026-01-12'), '', '', '', '', ''],
      ['C-0001', 'S1-T2', ids[2], '=Phone a friend on Sunday', 1, day('2026-01-12'), day('2026-01-20'), '', '', '', ''],
    ]);
    expect(em.formulaErrors()).toEqual([]);
    expect(d.detail.openTasks?.map((t) => [t.taskId, t.due])).toEqual([['S1-T1', ''], ['S1-T2', '2026-01-20']]);
    expect(ok<ClientDetail>(em.run('getClient', 'C-0001')).openTasks?.map((t) => t.task)).toEqual(['Walk 20 minutes after lunch, 3 times', '=Phone a friend on Sunday']);
  });

  test('an outcome for a task that is not an open task of this client, or a task for another client\u2019s goal, writes nothing', () => {
    expect(refused(em, session('C-0001', [], { date: '2026-01-19', taskOutcomes: [{ taskId: 'S9-T1', outcome: 'done' }] }))).toEqual({
      'taskOutcomes.S9-T1.outcome': 'Expected an open task of C-0001; got "S9-T1", which is not on the Tasks tab for this client. Reload the client to see its open tasks',
    });
    expect(refused(em, session('C-0001', [], { date: '2026-01-19', newTasks: [{ goalId: other[0], text: 'Walk daily' }] }))).toEqual({
      'newTasks.0.goalId': `Expected a goal of client C-0001; got "${other[0]}", which belongs to C-0002`,
    });
    expect(Object.keys(refused(em, session('C-0001', [], { date: '2026-01-19', taskOutcomes: [{ taskId: 'S1-T1', outcome: 'half' }] })))).toEqual(['taskOutcomes.S1-T1.outcome']);
  });

  test('outcomes marked at the next session are written into the task rows with the session number; marked tasks are no longer open', () => {
    const d = ok<Saved>(em.run('recordSession', session('C-0001', [], { date: '2026-01-19', measures: [], note: '', taskOutcomes: [{ taskId: 'S1-T1', outcome: 'done' }, { taskId: 'S1-T2', outcome: 'partly', note: 'Texted instead' }] })));
    expect(d.saved.tasks).toEqual({ added: 0, marked: 2 });
    expect(rows(em, 'Tasks').map((r) => r.slice(7, 10))).toEqual([
      ['done', 2, ''],
      ['partly', 2, 'Texted instead'],
    ]);
    expect(d.detail.openTasks).toBeUndefined();
    expect(rows(em, 'Audit').pop()![5]).toMatch(/marked S1-T1 done, S1-T2 partly/);
  });

  test('startReview gives each goal with tasks its completion since the last review, as core counts it', () => {
    const goals = ok<{ goals: { goalId: string; tasks?: { done: number; partly: number; share: number | null } }[] }>(em.run('startReview', 'C-0001')).goals;
    expect(goals.filter((g) => g.tasks).map((g) => [g.goalId, g.tasks!.done, g.tasks!.partly, g.tasks!.share])).toEqual([
      [ids[1], 1, 0, 1],
      [ids[2], 0, 1, 0],
    ]);
  });

  test('a task already marked cannot be marked again', () => {
    expect(refused(em, session('C-0001', [], { date: '2026-01-26', taskOutcomes: [{ taskId: 'S1-T1', outcome: 'not done' }] }))['taskOutcomes.S1-T1.outcome']).toMatch(/already marked "done" at session 2/);
  });

  test('a client without tasks gets no openTasks in the reply', () => {
    expect(ok<ClientDetail>(em.run('getClient', 'C-0002')).openTasks).toBeUndefined();
  });
});
