// Plausible values on the built bundle: dates 1900–2100 in every input, whole 0–10 ratings in every action, client codes unique whatever their
// case, a goal row whose Goal ID was cleared by hand, a Session number typed as a word, and a busy lock — each refusal writes nothing at all.
import type { Emulator } from '../../../emulator';
import type { ClientDetail, SaveReviewInput } from '../../../src/contract';
import { client, fiveGoalPlan, headerCols, ok, session, setUp } from '../../../kit/workbook';
import { refusing, type Result } from '../refusing';


/** Runs an action that must be refused; the whole document (cells, formats, properties) is unchanged. */
function refused(em: Emulator, name: string, ...args: unknown[]): Result {
  const before = JSON.stringify(em.exportState());
  const r = em.run(name, ...args) as Result;
  expect(r.ok).toBe(false);
  expect(JSON.stringify(em.exportState())).toBe(before);
  return r;
}


const dateMessage = (what: string, got: string) => `Expected ${what} from 1900-01-01 to 2100-12-31 as YYYY-MM-DD; got "${got}"`;
const IMPLAUSIBLE = ['0026-01-12', '1800-01-12', '9999-01-12'];

function cell(em: Emulator, tab: string, row: number, header: string) {
  const col = headerCols(em, tab).get(header);
  if (col === undefined) throw new Error(`No ${header} column on ${tab}`);
  return em.spreadsheet.getSheetByName(tab)!.getRange(row, col);
}

/** C-0001 with the five-goal plan and one session (goal ids returned). */
function planned(): { em: Emulator; ids: string[] } {
  const em = setUp();
  ok(em.run('addClient', client('C-0001')));
  const ids = ok<ClientDetail>(em.run('savePlan', fiveGoalPlan('C-0001'))).goals.map((g) => g.id);
  ok(em.run('recordSession', session('C-0001', ids)));
  return { em, ids };
}

function review(ids: string[], over: Partial<SaveReviewInput> = {}): SaveReviewInput {
  return { clientCode: 'C-0001', date: '2026-02-02', sessionNumber: 1, goals: ids.map((goalId) => ({ goalId, decision: 'continue', gasLevel: 0, rating: 7 })), ...over };
}

describe('dates from 1900 to 2100, four-digit year, in every input', () => {
  const { em, ids } = planned();

  test.each(IMPLAUSIBLE)('%s is refused as a start date, session date, deadline, review date and plan date', (d) =>
    refusing(em, (refused) => {
      expect(refused('addClient', { ...client('C-0009'), startDate: d }).errors).toEqual({ startDate: dateMessage('a start date', d) });
      expect(refused('recordSession', session('C-0001', ids, { date: d })).errors).toEqual({ date: dateMessage('a session date', d) });
      const plan = fiveGoalPlan('C-0001') as { goals: Record<string, unknown>[] };
      const errors = refused('savePlan', { ...plan, goals: plan.goals.map((g, i) => (i === 1 ? { ...g, deadline: d } : g)) }).errors!;
      expect(errors['goals.1.deadline']).toMatch(/^Expected a deadline from 1900-01-01 to 2100-12-31 as YYYY-MM-DD/);
      expect(refused('saveReview', review(ids, { date: d })).errors).toEqual({ date: dateMessage('a review date', d) });
      const rpp = { clientCode: 'C-0001', date: d, whatHelped: ['Walking'], warningSigns: ['Cancelling plans'], copingStrategies: ['Diary'], ifTheyReturn: ['Book a review'], contacts: [{ who: 'GP', how: '0800 1' }] };
      expect(refused('buildRelapsePreventionPlan', rpp).errors).toEqual({ date: dateMessage('the plan date', d) });
    }),
  );

  test('the bounds are accepted: a start date of 1900-01-01 and a session on 2100-12-31', () => {
    ok(em.run('addClient', { ...client('C-1900'), startDate: '1900-01-01' }));
    ok(em.run('recordSession', session('C-0001', ids, { date: '2100-12-31', ratings: [], measures: [], confirmFutureDate: true })));
  });
});

describe('whole 0–10 ratings in every action', () => {
  const { em, ids } = planned();

  test('7.5 is refused by recordSession and by saveReview with the same message', () => {
    const msg = 'Expected a rating as a whole number 0–10; got 7.5';
    expect(refused(em, 'recordSession', session('C-0001', ids, { ratings: [{ goalId: ids[0], rating: 7.5, gasLevel: null }] })).errors).toEqual({ [`ratings.${ids[0]}.rating`]: msg });
    const r = review(ids);
    expect(refused(em, 'saveReview', { ...r, goals: r.goals.map((g, i) => (i === 0 ? { ...g, rating: 7.5 } : g)) }).errors).toEqual({ 'goals.0.rating': msg });
  });
});

describe('client codes unique whatever their case', () => {
  const em = setUp();
  ok(em.run('addClient', client('C-0002')));

  test('c-0002 is refused when C-0002 exists; the code stays as first written', () => {
    expect(refused(em, 'addClient', client('c-0002')).errors).toEqual({ code: 'Expected a client code not already in use (codes are compared ignoring case); got "c-0002", which is taken on Clients row 2. Choose another code' });
    expect(ok<ClientDetail>(em.run('getClient', 'c-0002')).client.code).toBe('C-0002');
  });

  test('a duplicate typed by hand on the Clients tab is reported with its rows and the fix, not passed over', () => {
    em.spreadsheet.getSheetByName('Clients')!.getRange(3, 1, 1, 5).setValues([['c-0002', 'Dr Lee', new Date(Date.UTC(2026, 0, 5)), 'active', 'CBT']]);
    const dup = 'Expected each client code on one Clients row; "C-0002" / "c-0002" is on rows 2, 3. Give all but one of those rows a new code on the Clients tab (codes are compared ignoring case), then try again';
    const got = refused(em, 'getClient', 'C-0002');
    expect(got.errors).toEqual({ code: dup });
    expect(refused(em, 'recordSession', session('C-0002', [], { measures: [] })).errors).toEqual({ clientCode: dup });
    expect(refused(em, 'savePlan', fiveGoalPlan('C-0002')).errors).toEqual({ clientCode: dup });
    expect(refused(em, 'startReview', 'C-0002').errors).toEqual({ clientCode: dup });
    const added = ok<{ warnings: string[] }>(em.run('addClient', client('C-0003')));
    expect(added.warnings).toEqual([dup]);
  });
});

describe('a goal row whose Goal ID was cleared by hand', () => {
  const { em, ids } = planned();
  const goalsRow = 4; // the second objective (ids[2]) sits on Goals row 4
  cell(em, 'Goals', goalsRow, 'Goal ID').setValue('');

  test('savePlan refuses, naming the row and an id to type, and never appends a copy', () => {
    const detail = ok<ClientDetail>(em.run('getClient', 'C-0001'));
    const r = refused(em, 'savePlan', { clientCode: 'C-0001', goals: detail.goals });
    expect(r.errors!.goals).toBe(
      `Expected every goal of C-0001 on the Goals tab to have a Goal ID; this row has none (cleared by hand): Goals row 4 ("Walk outside for 20 minutes (2)"; type its old id back, or ${ids[0]}.O5 if it is lost). Nothing was saved; fix the Goal ID cell, then save again`,
    );
    expect(r.message).toBe(r.errors!.goals);
  });

  test('reviews of that client are not blocked: the row is left out of startReview and saveReview', () => {
    const start = ok<{ goals: { goalId: string }[] }>(em.run('startReview', 'C-0001'));
    const kept = ids.filter((_, i) => i !== 2);
    expect(start.goals.map((g) => g.goalId)).toEqual(kept);
    ok(em.run('saveReview', review(kept)));
  });

  test('once the id is typed back, savePlan saves with no duplicate', () => {
    cell(em, 'Goals', goalsRow, 'Goal ID').setValue(ids[2]);
    const detail = ok<ClientDetail>(em.run('getClient', 'C-0001'));
    const saved = ok<ClientDetail>(em.run('savePlan', { clientCode: 'C-0001', goals: detail.goals }));
    expect(saved.goals.map((g) => g.id)).toEqual(ids);
  });
});

describe('a Session number cell holding a word', () => {
  const { em, ids } = planned();
  ok(em.run('recordSession', session('C-0001', ids, { date: '2026-01-19', ratings: [], measures: [] })));
  const sessionsRow = 3; // session 2
  cell(em, 'Sessions', sessionsRow, 'Session').setValue('two');

  test('recordSession reports the tab and row and writes nothing (no number is reused)', () => {
    const r = refused(em, 'recordSession', session('C-0001', ids, { date: '2026-01-26', ratings: [], measures: [] }));
    const msg = `Expected a whole number in every Session number cell of C-0001 on the Sessions tab; row 3 holds "two". Nothing was saved; type the session's number there (as a digit, e.g. 2), then save again`;
    expect(r.errors).toEqual({ clientCode: msg });
  });

  test('with the number typed back, the next session is 3', () => {
    cell(em, 'Sessions', sessionsRow, 'Session').setValue(2);
    expect(ok<{ sessionNumber: number }>(em.run('recordSession', session('C-0001', ids, { date: '2026-01-26', ratings: [], measures: [] }))).sessionNumber).toBe(3);
  });
});

describe('a busy lock', () => {
  const { em, ids } = planned();

  test('every entry point that writes answers "Nothing was saved; try again in a moment" and writes nothing', () => {
    em.holdLockElsewhere('document', true);
    try {
      const calls: [string, unknown[]][] = [
        ['addClient', [client('C-0005')]],
        ['savePlan', [fiveGoalPlan('C-0001')]],
        ['recordSession', [session('C-0001', ids)]],
        ['savePriorities', [{ clientCode: 'C-0001', items: [{ goalId: ids[0], urgency: 3, importance: 3, readiness: 3, tier: '' }] }]],
        ['saveReview', [review(ids)]],
        ['buildRelapsePreventionPlan', [{ clientCode: 'C-0001', date: '2026-03-02', whatHelped: ['Walking'], warningSigns: ['Cancelling plans'], copingStrategies: ['Diary'], ifTheyReturn: ['Book a review'], contacts: [{ who: 'GP', how: '0800 1' }] }]],
      ];
      refusing(em, (refused) => {
        for (const [name, args] of calls) expect(refused(name, ...args).message).toMatch(/Nothing was saved; try again in a moment\.$/);
      });
      // The menu actions also toast the message; their tabs are unchanged. Setup answers with the message, not Apps Script's "Lock timeout".
      const before = JSON.stringify(em.exportState().sheets);
      expect(() => em.run('setupSpreadsheet')).toThrow(/Nothing was saved; try again in a moment\./);
      expect((em.run('rebuildReviewCharts') as Result).message).toMatch(/Nothing was saved; try again in a moment\.$/);
      expect(JSON.stringify(em.exportState().sheets)).toBe(before);
    } finally {
      em.holdLockElsewhere('document', false);
    }
  });
});
