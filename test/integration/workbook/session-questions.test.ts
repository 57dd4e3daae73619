// recordSession asks before saving a blank safety item, a second session on a date and a future date (field-level, nothing written until confirmed), refuses a session that records nothing, and records each confirmation in Audit.
import type { Emulator } from '../../../emulator';
import type { RecordSessionData } from '../../../src/contract';
import { client, fiveGoalPlan, ok, session, setUp } from '../../../kit/workbook';
import { stateDiff } from '../state-diff';

type Result = { ok: boolean; message?: string; errors?: Record<string, string>; notice?: string };

function lastRow(em: Emulator, name: string): unknown[] {
  const s = em.spreadsheet.getSheetByName(name)!;
  return s.getRange(s.getLastRow(), 1, 1, s.getLastColumn()).getValues()[0];
}

/** Runs an action that must be refused and proves nothing at all changed in the document. */
function asked(em: Emulator, input: unknown): Result {
  const before = em.exportState();
  const r = em.run('recordSession', input) as Result;
  expect(r.ok).toBe(false);
  expect(stateDiff(before, em.exportState())).toEqual([]);
  return r;
}

const dayAfter = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

function clinic() {
  const em = setUp();
  ok(em.run('addClient', client('C-0001')));
  const ids = ok<{ goals: { id: string }[] }>(em.run('savePlan', fiveGoalPlan('C-0001'))).goals.map((g) => g.id);
  const today = ok<{ today: string }>(em.run('getBootstrap')).today;
  return { em, ids, today };
}

/** A session that asks nothing unless the test says so (the kit's routine session confirms a repeated date). */
const plain = (ids: string[], over: Record<string, unknown> = {}) => {
  const { confirmSameDate: _routine, ...rest } = session('C-0001', ids);
  return { ...rest, ...over };
};

describe('a PHQ-9 with item 9 blank', () => {
  const { em, ids } = clinic();
  const blank9 = { instrument: 'phq9', items: [1, 1, 1, 1, 1, 1, 1, 1, null] };

  test('is refused with the question on that measure’s safety item, and nothing is written', () => {
    const r = asked(em, plain(ids, { measures: [blank9] }));
    expect(r.errors).toEqual({
      'measures.phq9.confirmUnanswered': 'Expected an answer to PHQ-9 item 9, its safety question; it is blank. Ask it and choose the answer, or choose "Save without item 9" if it was not asked',
    });
    expect(r.message).toBe('One question to answer before saving: it is beside what it asks about.');
  });

  test('confirmed, it saves with item 9 blank and no total, and Audit records the confirmation', () => {
    const r = ok<RecordSessionData>(em.run('recordSession', plain(ids, { measures: [{ ...blank9, confirmUnanswered: true }] })));
    expect(r.saved.measures).toEqual([{ instrument: 'phq9', total: null, band: '', flag: '' }]);
    expect(lastRow(em, 'PHQ-9').slice(3, 12)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, '']);
    expect(lastRow(em, 'Audit')[5]).toMatch(/; saved without PHQ-9 item 9 \(confirmed\)$/);
  });

  test('a real mistake and the question come back together, each under its own key', () => {
    const r = asked(em, plain(ids, { date: '2026-02-02', measures: [{ instrument: 'phq9', items: [7, 1, 1, 1, 1, 1, 1, 1, null] }] }));
    expect(Object.keys(r.errors!).sort()).toEqual(['measures.phq9.confirmUnanswered', 'measures.phq9.items.0']);
    expect(r.message).toBe('Nothing was saved: 2 fields need attention.');
  });
});

describe('a second session on the same date', () => {
  const { em, ids } = clinic();
  ok(em.run('recordSession', plain(ids)));

  test('is refused with the question on confirmSameDate, naming the session already there, and nothing is written', () => {
    expect(asked(em, plain(ids, { note: 'Pressed Save twice' })).errors).toEqual({
      confirmSameDate: 'Expected one session per date; C-0001 already has session 1 on 2026-01-12. Change the date, or choose "Save another session on 2026-01-12" if there really were two',
    });
  });

  test('confirmed, it saves as the next session and Audit records the confirmation', () => {
    const r = ok<RecordSessionData>(em.run('recordSession', plain(ids, { confirmSameDate: true, note: 'Crisis call the same afternoon' })));
    expect(r.sessionNumber).toBe(2);
    expect(lastRow(em, 'Audit')[5]).toMatch(/^Session 2 on 2026-01-12 .*; another session on 2026-01-12 \(confirmed\)$/);
  });

  test('a retry of a save that landed (same request id) is answered as saved, not asked about', () => {
    ok(em.run('recordSession', plain(ids, { date: '2026-01-19', requestId: 'r-retry-0001' })));
    const before = em.exportState();
    const r = em.run('recordSession', plain(ids, { date: '2026-01-19', requestId: 'r-retry-0001' })) as Result & { data: RecordSessionData };
    expect(r.ok).toBe(true);
    expect(r.data.sessionNumber).toBe(3);
    expect(r.notice).toMatch(/already reached the spreadsheet/);
    expect(stateDiff(before, em.exportState())).toEqual([]);
  });
});

describe('a date later than today in the spreadsheet’s time zone', () => {
  const { em, ids, today } = clinic();

  test('today is not asked about', () => {
    ok(em.run('recordSession', plain(ids, { date: today })));
  });

  test('tomorrow is refused with the question on confirmFutureDate, and nothing is written', () => {
    const tomorrow = dayAfter(today);
    expect(asked(em, plain(ids, { date: tomorrow })).errors).toEqual({
      confirmFutureDate: `Expected a date no later than today (${today}); got ${tomorrow}, which is in the future. Correct the date, or choose "Save with a future date" if it is right`,
    });
  });

  test('confirmed, it saves and Audit records the confirmation', () => {
    const tomorrow = dayAfter(today);
    ok(em.run('recordSession', plain(ids, { date: tomorrow, confirmFutureDate: true })));
    expect(lastRow(em, 'Audit')[5]).toMatch(new RegExp(`; future date ${tomorrow} \\(confirmed\\)$`));
  });
});

describe('a session that records nothing', () => {
  const { em, ids } = clinic();

  test('attended, with no rating, no answer and no note, is refused in plain words and nothing is written', () => {
    const r = asked(em, plain(ids, { note: ' ', ratings: [{ goalId: ids[0], rating: null, gasLevel: null }], measures: [] }));
    expect(r.message).toBe('Nothing to save: this session has no goal rating, no questionnaire answer and no note. Enter at least one, or untick "Client attended" to record a missed session');
    expect(r.errors).toEqual({});
  });

  test('a missed session (not attended) with nothing else is a record, and saves', () => {
    expect(ok<RecordSessionData>(em.run('recordSession', plain(ids, { attended: false, note: '', ratings: [], measures: [] }))).sessionNumber).toBe(1);
  });
});
