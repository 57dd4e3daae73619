// All or nothing, safe to retry: each write of each sidebar save (tasks, form import and progress report included) is made to fail in turn (as a protected range or a Sheets outage would); the workbook is then exactly as before, the answer says nothing was saved, and saving again saves once. A save sent twice with one request id writes once.
import type { EmulatorState } from '../../../emulator';
import { client, emulator, fiveGoalPlan, formResponses, measure, objective, ok, session, setSetting, setUp } from '../../../kit/workbook';
import type { ClientDetail } from '../../../src/contract';
import type { Result } from '../refusing';
import { stateDiff } from '../state-diff';

/**
 * A client with a plan, four sessions (the last set two tasks), priorities for two goals, a relapse-prevention plan and a linked
 * form with one response waiting: every save has rows to append and rows to overwrite.
 */
function prepared(): { state: EmulatorState; ids: string[] } {
  const em = setUp();
  ok(em.run('addClient', client('C-0001')));
  const ids = ok<ClientDetail>(em.run('savePlan', fiveGoalPlan('C-0001'))).goals.map((g) => g.id);
  for (const date of ['2026-01-12', '2026-01-19', '2026-01-26']) ok(em.run('recordSession', session('C-0001', ids, { date })));
  ok(em.run('recordSession', session('C-0001', ids, { date: '2026-02-02', newTasks: tasks(ids, 0) })));
  setSetting(em, 'forms.links', 'Form Responses 1 = PHQ-9');
  formResponses(em, 'Form Responses 1', [{ at: '2026-02-05 18:30:00', code: 'C-0001', answers: [1, 2, 1, 1, 0, 1, 1, 0, 0] }]);
  ok(em.run('savePriorities', { clientCode: 'C-0001', items: ids.slice(0, 2).map((goalId) => ({ goalId, urgency: 3, importance: 3, readiness: 3, tier: '' })) }));
  ok(em.run('buildRelapsePreventionPlan', relapsePlan()));
  return { state: em.exportState(), ids };
}

function relapsePlan(): Record<string, unknown> {
  return { clientCode: 'C-0001', date: '2026-03-02', whatHelped: ['Walking after lunch'], warningSigns: ['Staying in bed past 10'], copingStrategies: ['Activity diary'], ifTheyReturn: ['Book a review appointment'], contacts: [{ who: 'GP surgery', how: '0800 123 456' }] };
}

/** Two tasks, on goals `from` and `from + 1`. */
function tasks(ids: string[], from: number): { goalId: string; text: string }[] {
  return [
    { goalId: ids[from], text: 'Walk to the park after lunch, 3 times' },
    { goalId: ids[from + 1], text: 'Phone a friend on Sunday evening once' },
  ];
}

const { state, ids } = prepared();

/** Every sidebar save, with an input that both appends rows and (where the action can) overwrites rows. */
const saves: { name: string; label?: string; input: () => Record<string, unknown> }[] = [
  { name: 'addClient', input: () => client('C-0002') },
  {
    name: 'savePlan',
    input: () => {
      const plan = fiveGoalPlan('C-0001') as { goals: Record<string, unknown>[] };
      const goals = plan.goals.map((g, i) => ({ ...g, id: ids[i], parentId: i === 0 ? '' : ids[0], ...(i === 1 ? { status: 'achieved', statusReason: 'Walking daily now' } : {}) }));
      return { clientCode: 'C-0001', goals: [...goals, objective(9, ids[0], { title: 'Swim once a week' })] };
    },
  },
  { name: 'recordSession', input: () => session('C-0001', ids, { date: '2026-02-09' }) },
  {
    name: 'recordSession',
    label: 'recordSession marking last time\u2019s tasks and setting two',
    input: () => session('C-0001', ids, { date: '2026-02-09', taskOutcomes: [{ taskId: 'S4-T1', outcome: 'done' }, { taskId: 'S4-T2', outcome: 'partly' }], newTasks: tasks(ids, 2) }),
  },
  { name: 'savePriorities', input: () => ({ clientCode: 'C-0001', items: ids.slice(0, 4).map((goalId) => ({ goalId, urgency: 5, importance: 4, readiness: 2, tier: '' })) }) },
  {
    name: 'saveReview',
    input: () => ({
      clientCode: 'C-0001',
      date: '2026-02-09',
      sessionNumber: 4,
      goals: ids.map((goalId, i) => (i === 1 ? { goalId, decision: 'achieved', reason: 'Walking most days', gasLevel: 2, rating: 9 } : { goalId, decision: 'continue', gasLevel: 0, rating: 6 })),
    }),
  },
  { name: 'buildRelapsePreventionPlan', input: () => ({ ...relapsePlan(), whatHelped: ['Walking after lunch', 'Seeing friends'] }) },
  { name: 'importFormResponses', input: () => ({}) },
  { name: 'buildProgressReport', input: () => ({ clientCode: 'C-0001', nextSteps: 'Keep the activity diary' }) },
];

type Em = ReturnType<typeof emulator>;

/** The whole workbook, except Audit's Time column (a retry writes its own time) and sheet and chart ids (a rebuilt tab is a new sheet with new charts). */
function workbook(em: Em): ReturnType<Em['exportState']> {
  const s = em.exportState();
  return { ...s, sheets: s.sheets.map((sh) => ({ ...sh, sheetId: 0, charts: sh.charts.map((c) => ({ ...c, chartId: 0 })), cells: sh.name === 'Audit' ? sh.cells.filter((c) => !/^A\d+$/.test(c.a1) || c.a1 === 'A1') : sh.cells })) };
}

describe.each(saves.map((s) => ({ ...s, label: s.label ?? s.name })))('$label: a failure at any write leaves the workbook as it was', ({ name, input }) => {
  // One clean run: how many calls change the document, and the workbook a save that never failed leaves.
  const clean = emulator(state);
  const m = measure(clean, () => ok(clean.run(name, input())));
  const writes = m.write + m.format + m.structure;
  const saved = workbook(clean);

  test('the save makes at least one write (so the cases below test something)', () => {
    expect(writes).toBeGreaterThan(0);
  });

  test.each(Array.from({ length: writes }, (_, i) => i + 1))('write %i fails: nothing changed, a plain answer, and saving again saves once', (nth) => {
    const em = emulator(state);
    const before = em.exportState();
    em.failCalls({ nth });
    const r = em.run(name, input()) as Result;
    em.failCalls(null);
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/^Nothing was saved: .*protected.*saving again is safe\.$/s);
    expect(stateDiff(before, em.exportState())).toEqual([]);
    expect((em.run(name, input()) as Result).ok).toBe(true);
    expect(stateDiff(saved, workbook(em))).toEqual([]);
  }, 120_000);
});

describe('a first relapse-prevention plan', () => {
  test('a failure after its tab was made leaves no tab behind (an empty one would block every later build)', () => {
    const em = emulator(state);
    em.spreadsheet.deleteSheet(em.spreadsheet.getSheetByName('Relapse prevention C-0001')!);
    em.spreadsheet.getSheetByName('Clients')!.activate();
    const before = em.exportState();
    em.failCalls({ nth: 3 });
    const r = em.run('buildRelapsePreventionPlan', relapsePlan()) as Result;
    em.failCalls(null);
    expect(r.message).toMatch(/^Nothing was saved: .*"Relapse prevention C-0001" tab/s);
    expect(stateDiff(before, em.exportState())).toEqual([]);
    expect(ok<{ rebuilt: boolean }>(em.run('buildRelapsePreventionPlan', relapsePlan())).rebuilt).toBe(false);
  }, 120_000);
});

describe('when the undo fails too', () => {
  test('recordSession says exactly which rows stayed, and which were put back', () => {
    const em = emulator(state);
    // The Ratings append (the second write) fails, and so does every later call: the Sessions row cannot be cleared.
    em.failCalls({ nth: 2, times: Infinity });
    const r = em.run('recordSession', session('C-0001', ids, { date: '2026-02-09' })) as Result;
    em.failCalls(null);
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/^Saving stopped part-way: .*These were saved and could not be undone: Sessions row 6, Ratings rows 22–26\. .*remove them before saving again/s);
  });
});

describe('a save sent twice with one request id writes once', () => {
  const requestId = 'req-0123456789';

  test.each(saves.map((s) => ({ ...s, label: s.label ?? s.name })))('$label: the retry answers ok with a notice and writes nothing', ({ name, input }) => {
    const em = emulator(state);
    const first = em.run(name, { ...input(), requestId }) as Result;
    expect(first.ok).toBe(true);
    const after = em.exportState();
    const retry = em.run(name, { ...input(), requestId }) as Result & { notice?: string };
    expect(retry.ok).toBe(true);
    expect(retry.notice).toMatch(/already reached the spreadsheet.*nothing was written twice/);
    expect(stateDiff(after, em.exportState())).toEqual([]);
  }, 120_000);

  test('the request id is kept on the save\u2019s Audit row', () => {
    const em = emulator(state);
    ok(em.run('recordSession', { ...session('C-0001', ids, { date: '2026-02-09' }), requestId }));
    const audit = em.spreadsheet.getSheetByName('Audit')!;
    const header = audit.getRange(1, 1, 1, audit.getLastColumn()).getValues()[0];
    const last = audit.getRange(audit.getLastRow(), 1, 1, header.length).getValues()[0];
    expect(last[header.indexOf('Request')]).toBe(requestId);
  });

  test('the same session sent again with a new request id is a second session (two sessions on one day are allowed)', () => {
    const em = emulator(state);
    const a = ok<{ sessionNumber: number }>(em.run('recordSession', { ...session('C-0001', ids, { date: '2026-02-09' }), requestId }));
    const b = ok<{ sessionNumber: number }>(em.run('recordSession', { ...session('C-0001', ids, { date: '2026-02-09' }), requestId: 'req-another-one' }));
    expect([a.sessionNumber, b.sessionNumber]).toEqual([5, 6]);
  });

  test('a request id that is not 8–64 letters, digits, - or _ is a field error and nothing is written', () => {
    const em = emulator(state);
    const before = em.exportState();
    const r = em.run('recordSession', { ...session('C-0001', ids, { date: '2026-02-09' }), requestId: '=1+1' }) as Result;
    expect(r.ok).toBe(false);
    expect(Object.keys(r.errors!)).toEqual(['requestId']);
    expect(stateDiff(before, em.exportState())).toEqual([]);
  });
});
