// Specification of the review cadence: due every N sessions, overdue after N + grace, next review session and sessions since.
import fc from 'fast-check';
import { REVIEW_POLICY, reviewCadence } from '../../../src/core/review-cadence';

describe('reviewCadence', () => {
  test('defaults to a review every 4 sessions with 2 sessions of grace (seed: every 4–6 sessions)', () => {
    expect(REVIEW_POLICY.everySessions).toBe(4);
    expect(REVIEW_POLICY.graceSessions).toBe(2);
  });

  test('is not due one session before the interval', () => {
    expect(reviewCadence(3, 0)).toEqual({ due: false, overdue: false, nextAt: 4, sessionsSince: 3 });
  });

  test('is due exactly N sessions after the last review', () => {
    expect(reviewCadence(8, 4)).toEqual({ due: true, overdue: false, nextAt: 8, sessionsSince: 4 });
  });

  test('is due but not overdue at N + grace − 1', () => {
    expect(reviewCadence(5, 0)).toMatchObject({ due: true, overdue: false });
  });

  test('is overdue at exactly N + grace sessions', () => {
    expect(reviewCadence(6, 0)).toEqual({ due: true, overdue: true, nextAt: 4, sessionsSince: 6 });
  });

  test('counts from the start when there has been no review (last review 0)', () => {
    expect(reviewCadence(0, 0)).toEqual({ due: false, overdue: false, nextAt: 4, sessionsSince: 0 });
  });

  test('uses the clinic interval and grace when given', () => {
    expect(reviewCadence(11, 5, { everySessions: 6, graceSessions: 0 })).toEqual({ due: true, overdue: true, nextAt: 11, sessionsSince: 6 });
  });

  test('rejects a last review after the attended-session count, naming both', () => {
    expect(() => reviewCadence(3, 5)).toThrow('Expected the last review at or before the attended-session count 3; got session 5');
  });

  test('rejects a fractional session count', () => {
    expect(() => reviewCadence(2.5, 0)).toThrow('Expected an attended-session count as a whole number 0 or more; got 2.5');
  });

  test('rejects an interval outside 1–12', () => {
    expect(() => reviewCadence(4, 0, { everySessions: 0 })).toThrow('Expected a review interval in sessions as a whole number 1–12; got 0');
  });

  test('law: overdue implies due, and due exactly when sessionsSince ≥ N', () => {
    fc.assert(
      fc.property(fc.nat(200), fc.nat(200), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 12 }), (a, b, every, grace) => {
        const [last, attended] = a <= b ? [a, b] : [b, a];
        const c = reviewCadence(attended, last, { everySessions: every, graceSessions: grace });
        expect(c.sessionsSince).toBe(attended - last);
        expect(c.due).toBe(c.sessionsSince >= every);
        expect(c.overdue).toBe(c.sessionsSince >= every + grace);
        if (c.overdue) expect(c.due).toBe(true);
        expect(c.nextAt).toBe(last + every);
      }),
    );
  });
});
