// An action reads its client's rows where the code is (a spreadsheet-wide search, then those rows' blocks) and keeps exactly the rows Attain's code rule matches: trimmed and case-blind, never a longer code that contains it, wherever the row was typed.
import { bulkRows, client, fiveGoalPlan, ok, serial, session, setUp } from '../../../kit/workbook';

const em = setUp();
let tenGoals: string[] = [];
let oneGoals: string[] = [];

beforeAll(() => {
  ok(em.run('addClient', client('C-1')));
  ok(em.run('addClient', client('C-10')));
  oneGoals = ok<{ goals: { id: string }[] }>(em.run('savePlan', fiveGoalPlan('C-1'))).goals.map((g) => g.id);
  tenGoals = ok<{ goals: { id: string }[] }>(em.run('savePlan', fiveGoalPlan('C-10'))).goals.map((g) => g.id);
  ok(em.run('recordSession', session('C-10', tenGoals)));
  // Typed by hand: C-1's first session in other case with spaces, 600 rows of another client, then C-1's third session far below.
  const row = (code: string, n: number) => ({ Client: code, Date: serial('2026-01-05'), Session: n, Clinician: 'Dr Rivera', Attended: true });
  bulkRows(em, 'Sessions', [row(' c-1 ', 1), ...Array.from({ length: 600 }, (_, i) => row('C-99', i + 1)), row('C-1', 3)]);
}, 600_000);

const sessionsOf = (code: string) => ok<{ sessions: { number: number }[] }>(em.run('getClient', code)).sessions.map((s) => s.number);

test('a row whose client cell holds the code in other case with spaces is the client\u2019s', () => {
  expect(sessionsOf('C-1')).toContain(1);
});

test('a code that contains another (C-10 for C-1) is not taken for it', () => {
  expect(sessionsOf('C-10')).toEqual([1]);
  expect(sessionsOf('C-1')).not.toContain(2);
});

test('rows far apart are all found: the next session follows the highest number typed anywhere', () => {
  expect(sessionsOf('C-1')).toEqual([1, 3]);
  expect(ok<{ sessionNumber: number }>(em.run('recordSession', session('C-1', oneGoals, { date: '2026-01-19' }))).sessionNumber).toBe(4);
});
