// Calls per action do not grow with the caseload: the same action on 10 and 10,000 clients makes exactly the same service calls.
import { caseload, client, fiveGoalPlan, measure, ok, session } from './fixtures';

const small = caseload(10);
const big = caseload(10_000);

describe('service calls per action are the same on 10 and 10,000 clients', () => {
  test('addClient', () => {
    const a = measure(small.em, () => ok(small.em.run('addClient', client('C-NEW1'))));
    const b = measure(big.em, () => ok(big.em.run('addClient', client('C-NEW1'))));
    expect(b.log).toEqual(a.log);
    // Index read (positions and last rows), Clients codes, Clients append, Audit append: no getLastRow.
    expect([a.read, a.write]).toEqual([2, 2]);
    expect(a.counted).toBe(4);
  });

  test('savePlan', () => {
    ok(small.em.run('addClient', client('C-PLAN')));
    ok(big.em.run('addClient', client('C-PLAN')));
    const a = measure(small.em, () => ok(small.em.run('savePlan', fiveGoalPlan('C-PLAN'))));
    const b = measure(big.em, () => ok(big.em.run('savePlan', fiveGoalPlan('C-PLAN'))));
    expect(b.log).toEqual(a.log);
    expect(a.write).toBe(2); // Goals once (five rows in one block), Audit once
    expect(a.counted).toBeLessThanOrEqual(11); // includes re-reading the client for the returned ClientDetail
  });

  test('recordSession (5 goals, PHQ-9 and GAD-7)', () => {
    const a = measure(small.em, () => ok(small.em.run('recordSession', session('C-TEST', small.goalIds))));
    const b = measure(big.em, () => ok(big.em.run('recordSession', session('C-TEST', big.goalIds))));
    expect(b.log).toEqual(a.log);
    expect(a.write).toBe(5); // Sessions, Ratings, PHQ-9, GAD-7, Audit: each touched tab written once
    // Reads: the index (every tab's positions and last row), Clients codes, Goals ids, Sessions client and session columns.
    expect(a.read).toBe(4);
    expect(a.log.filter((c) => c.endsWith('.getLastRow'))).toEqual([]);
    expect(a.format + a.structure).toBe(0);
  });

  test('the 10,000-client workbook really holds 10,000 clients', () => {
    const boot = ok<{ clients: unknown[] }>(big.em.run('getBootstrap'));
    expect(boot.clients.length).toBeGreaterThanOrEqual(10_000);
  });
});
