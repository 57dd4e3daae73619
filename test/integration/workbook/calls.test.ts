// Calls per action do not grow with the caseload: the same action on 10 and 10,000 clients makes exactly the same service calls.
import { caseload, client, fiveGoalPlan, measure, ok, session } from '../../../kit/workbook';

const small = caseload(10);
const big = caseload(10_000);

describe('service calls per action are the same on 10 and 10,000 clients', () => {
  test('addClient', () => {
    const a = measure(small.em, () => ok(small.em.run('addClient', client('C-NEW1'))));
    const b = measure(big.em, () => ok(big.em.run('addClient', client('C-NEW1'))));
    expect(b.log).toEqual(a.log);
    // Index read (positions and last rows) and its formulas (the guard: every index row still live on its own tab), Clients codes,
    // Clients append, Audit append: no getLastRow.
    expect([a.read, a.write]).toEqual([3, 2]);
    expect(a.counted).toBe(5);
  });

  test('savePlan', () => {
    ok(small.em.run('addClient', client('C-PLAN')));
    ok(big.em.run('addClient', client('C-PLAN')));
    const a = measure(small.em, () => ok(small.em.run('savePlan', fiveGoalPlan('C-PLAN'))));
    const b = measure(big.em, () => ok(big.em.run('savePlan', fiveGoalPlan('C-PLAN'))));
    expect(b.log).toEqual(a.log);
    expect(a.write).toBe(2); // Goals once (five rows in one block), Audit once
    // 12 reads: the index and its formulas (the guard), Clients codes, Goals ids, then the returned ClientDetail read for this client
    // only (Clients row, Goals, Sessions, Ratings and Priorities rows, Settings and Reviews for the review cadence): no getClient or
    // getBootstrap after.
    expect([a.read, a.counted]).toEqual([12, 14]);
  });

  test('recordSession (5 goals, PHQ-9 and GAD-7)', () => {
    const a = measure(small.em, () => ok(small.em.run('recordSession', session('C-TEST', small.goalIds))));
    const b = measure(big.em, () => ok(big.em.run('recordSession', session('C-TEST', big.goalIds))));
    expect(b.log).toEqual(a.log);
    expect(a.write).toBe(5); // Sessions, Ratings, PHQ-9, GAD-7, Audit: each touched tab written once
    // Reads: the index (every tab's positions and last row), Clients codes, Goals ids, Settings, then this client's Sessions, Goals,
    // Ratings and Priorities rows, Clients row and Reviews for the ClientDetail the action answers with (was 4 reads, then the sidebar
    // called getClient, 10, and getBootstrap, 4: three round trips, 23 calls; then one round trip, 14 calls) — and one more, the
    // index's formulas: the guard that every index row is still a live formula on its own tab (not pasted as values, not
    // following a renamed tab). One read guards all five appended tabs; checking each target block would cost five.
    expect(a.read).toBe(10);
    // Every read comes before the first write (a read after a write would flush the pending writes in Apps Script).
    expect(a.log.lastIndexOf('Range.getValues')).toBeLessThan(a.log.indexOf('Range.setValues'));
    expect(a.log.filter((c) => c.endsWith('.getLastRow'))).toEqual([]);
    expect(a.format + a.structure).toBe(0);
  });

  test('the sidebar\u2019s request id costs a routine session nothing: Audit is read for a retry only when one is possible', () => {
    const plain = measure(small.em, () => ok(small.em.run('recordSession', session('C-TEST', small.goalIds, { date: '2026-03-02' }))));
    const withId = measure(small.em, () => ok(small.em.run('recordSession', session('C-TEST', small.goalIds, { date: '2026-03-09', requestId: 'r-routine-0001' }))));
    expect(withId.log).toEqual(plain.log);
    // The same date again (as a retry would be): one more read, Audit's last rows.
    const sameDay = measure(small.em, () => ok(small.em.run('recordSession', session('C-TEST', small.goalIds, { date: '2026-03-09', requestId: 'r-routine-0002' }))));
    expect(sameDay.read).toBe(plain.read + 1);
  });

  test('the 10,000-client workbook really holds 10,000 clients', () => {
    const boot = ok<{ clients: unknown[] }>(big.em.run('getBootstrap'));
    expect(boot.clients.length).toBeGreaterThanOrEqual(10_000);
  });
});
