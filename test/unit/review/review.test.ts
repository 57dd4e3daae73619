// Specification of a goal review: decision validation (each active goal once, reasons), applyReview statuses, audit history, GAS T-score and milestones.
import * as z from 'zod/mini';
import { gasChange, gasTScore } from '../../../src/core/gas';
import { fieldErrors } from '../../../src/core/messages';
import type { Objective } from '../../../src/core/plan';
import { applyReview, reviewGoalSchema, reviewSchema, validateReview } from '../../../src/core/review';
import { validObjective } from '../plan/fixtures';
import { goals, review } from './fixtures';

const rowErrors = (row: unknown) => fieldErrors(z.safeParse(reviewGoalSchema, row));

describe('review decision schema', () => {
  test('accepts "continue" without a reason', () => {
    expect(rowErrors({ goalId: 'G1', decision: 'continue', gasLevel: 0, rating: 5 })).toEqual({});
  });

  test.each(['modify', 'retire', 'achieved'])('requires a reason for "%s"', (decision) => {
    const row = { goalId: 'G1', decision, gasLevel: null, rating: null, revisedObjective: decision === 'modify' ? 'New wording' : undefined };
    expect(rowErrors(row)).toEqual({ reason: `Expected a reason for the decision "${decision}"; got nothing` });
  });

  test('treats a blank reason as missing', () => {
    expect(rowErrors({ goalId: 'G1', decision: 'retire', reason: '   ', gasLevel: null, rating: null })).toEqual({ reason: 'Expected a reason for the decision "retire"; got empty text "   "' });
  });

  test('requires the revised wording for "modify"', () => {
    expect(rowErrors({ goalId: 'G1', decision: 'modify', reason: 'Too hard', gasLevel: null, rating: null })).toEqual({ revisedObjective: 'Expected the revised objective\'s wording for the decision "modify"; got nothing' });
  });

  test('refuses revised wording on a decision that keeps the wording', () => {
    expect(rowErrors({ goalId: 'G1', decision: 'continue', gasLevel: null, rating: null, revisedObjective: 'x' })).toEqual({
      revisedObjective: 'Expected no revised objective for the decision "continue" (only "modify" changes the wording); got "x"',
    });
  });

  test('accepts GAS levels −2…+2 or null only', () => {
    expect(rowErrors({ goalId: 'G1', decision: 'continue', gasLevel: 3, rating: null })).toEqual({ gasLevel: 'Expected a GAS level of -2, -1, 0, 1 or 2, or null when not rated; got 3' });
    expect(rowErrors({ goalId: 'G1', decision: 'continue', gasLevel: -2, rating: null })).toEqual({});
  });

  test('accepts whole ratings 0–10 or null only (the same rule as recordSession)', () => {
    expect(rowErrors({ goalId: 'G1', decision: 'continue', gasLevel: null, rating: 11 })).toEqual({ rating: 'Expected a rating as a whole number 0–10; got 11' });
    expect(rowErrors({ goalId: 'G1', decision: 'continue', gasLevel: null, rating: 7.5 })).toEqual({ rating: 'Expected a rating as a whole number 0–10; got 7.5' });
    expect(rowErrors({ goalId: 'G1', decision: 'continue', gasLevel: null, rating: 7 })).toEqual({});
  });

  test('rejects an unknown decision, listing the choices', () => {
    expect(rowErrors({ goalId: 'G1', decision: 'pause', gasLevel: null, rating: null })).toEqual({ decision: 'Expected a decision (continue, modify, retire, achieved); got "pause"' });
  });
});

describe('review schema', () => {
  test('accepts a valid review', () => {
    expect(fieldErrors(z.safeParse(reviewSchema, review()))).toEqual({});
  });

  test('names a goal decided twice, with both rows', () => {
    const r = review();
    r.goals.push({ goalId: 'G1', decision: 'retire', reason: 'x', gasLevel: null, rating: null });
    expect(fieldErrors(z.safeParse(reviewSchema, r))).toEqual({ 'goals.3.goalId': 'Expected each goal once; got goal "G1" twice (rows 1 and 4)' });
  });

  test('rejects a review date that is not YYYY-MM-DD', () => {
    const r = { ...review(), date: '07/02/2026' };
    expect(fieldErrors(z.safeParse(reviewSchema, r))).toEqual({ date: 'Expected a review date from 1900-01-01 to 2100-12-31 as YYYY-MM-DD; got "07/02/2026"' });
  });
});

describe('validateReview against the client goals', () => {
  test('names an active goal the review leaves out', () => {
    const r = review();
    r.goals.splice(1, 1);
    expect(validateReview(r, goals())).toEqual({ ok: false, errors: { goals: 'Expected a decision for every active goal; got none for goal "G2" ("Call a friend once a week")' } });
  });

  test('lists every missing goal, not just the first', () => {
    const r = review([{ goalId: 'G1', decision: 'continue', gasLevel: null, rating: null }]);
    const result = validateReview(r, goals());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.goals).toMatch(/goal "G2".*; .*goal "G3"/);
  });

  test('refuses a goal that is already closed', () => {
    const r = review();
    r.goals.push({ goalId: 'G0', decision: 'continue', gasLevel: null, rating: null });
    expect(validateReview(r, goals())).toEqual({ ok: false, errors: { 'goals.3.goalId': 'Expected an active or modified goal; got "G0", which is already achieved' } });
  });

  test('refuses a goal that is not in the plan', () => {
    const r = review();
    r.goals.push({ goalId: 'G9', decision: 'continue', gasLevel: null, rating: null });
    expect(validateReview(r, goals())).toEqual({ ok: false, errors: { 'goals.3.goalId': 'Expected one of this client\'s goals; got "G9", which is not in the plan' } });
  });

  test('expects a modified goal to be reviewed again (it is still being worked on)', () => {
    const gs = goals();
    gs[3] = { ...gs[3], status: 'modified' };
    const result = validateReview(review(), gs);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.goals).toMatch(/none for goal "G0"/);
  });
});

describe('applyReview', () => {
  test('continue keeps an active goal active with its status date unchanged', () => {
    const out = applyReview(goals(), review());
    expect(out.goals[0]).toEqual(goals()[0]);
    expect(out.changes[0]).toMatchObject({ goalId: 'G1', decision: 'continue', before: { status: 'active', statusDate: '2026-01-10' }, after: { status: 'active', statusDate: '2026-01-10' } });
  });

  test('modify marks the goal modified, dated and reasoned, and carries the new wording', () => {
    const out = applyReview(goals(), review());
    expect(out.goals[1]).toMatchObject({ id: 'G2', status: 'modified', statusDate: '2026-02-07', statusReason: 'Friend moved away; video calls instead', title: 'Video-call a friend once a week' });
  });

  test('history keeps the before and after of each reviewed goal', () => {
    const out = applyReview(goals(), review());
    expect(out.changes[1]).toEqual({
      goalId: 'G2',
      decision: 'modify',
      reason: 'Friend moved away; video calls instead',
      gasLevel: -1,
      rating: 3,
      before: { status: 'active', statusDate: '2026-01-10', statusReason: '', statement: 'Call a friend once a week' },
      after: { status: 'modified', statusDate: '2026-02-07', statusReason: 'Friend moved away; video calls instead', statement: 'Video-call a friend once a week' },
    });
  });

  test('achieved closes the goal and lists it as a milestone', () => {
    const out = applyReview(goals(), review());
    expect(out.goals[2]).toMatchObject({ status: 'achieved', statusDate: '2026-02-07' });
    expect(out.milestones).toEqual([{ goalId: 'G3', statement: 'Sleep by 11 pm', date: '2026-02-07', sessionNumber: 4 }]);
  });

  test('retire gives the status retired with the reason', () => {
    const out = applyReview(goals(), review([
      { goalId: 'G1', decision: 'retire', reason: 'No longer a priority', gasLevel: null, rating: null },
      { goalId: 'G2', decision: 'continue', gasLevel: null, rating: null },
      { goalId: 'G3', decision: 'continue', gasLevel: null, rating: null },
    ]));
    expect(out.goals[0]).toMatchObject({ status: 'retired', statusReason: 'No longer a priority', statusDate: '2026-02-07' });
  });

  test('continue on a modified goal makes it active again, dated at the review', () => {
    const gs = goals();
    gs[0] = { ...gs[0], status: 'modified', statusReason: 'Smaller steps' };
    const out = applyReview(gs, review());
    expect(out.changes[0]).toMatchObject({ before: { status: 'modified' }, after: { status: 'active', statusDate: '2026-02-07', statusReason: '' } });
  });

  test('leaves goals outside the review untouched', () => {
    const out = applyReview(goals(), review());
    expect(out.goals[3]).toEqual(goals()[3]);
  });

  test('the review T-score equals gas.ts over the rated goals with their weights', () => {
    const out = applyReview(goals(), review());
    expect(out.gas?.tScore).toBe(gasTScore([0, -1, 1], [6, 4, 1]));
    expect(out.gas?.goalIds).toEqual(['G1', 'G2', 'G3']);
  });

  test('the change from baseline equals gas.ts with the same weights and baselines', () => {
    const out = applyReview(goals(), review());
    expect(out.gas?.change).toBe(gasChange([-1, -2, -1], [0, -1, 1], [6, 4, 1]));
  });

  test('unrated goals are left out of the T-score', () => {
    const r = review();
    r.goals[1].gasLevel = null;
    expect(applyReview(goals(), r).gas).toEqual({ tScore: gasTScore([0, 1], [6, 1]), change: gasChange([-1, -1], [0, 1], [6, 1]), goalIds: ['G1', 'G3'] });
  });

  test('gives no GAS result when no goal was rated', () => {
    const r = review();
    r.goals.forEach((g) => (g.gasLevel = null));
    expect(applyReview(goals(), r).gas).toBeNull();
  });

  test('an unweighted plan gives the unweighted T-score', () => {
    const gs = goals().map((g) => ({ ...g, weight: null }));
    expect(applyReview(gs, review()).gas?.tScore).toBe(gasTScore([0, -1, 1]));
  });

  test('passes ρ through to gas.ts', () => {
    expect(applyReview(goals(), review(), { rho: 0.5 }).gas?.tScore).toBe(gasTScore([0, -1, 1], [6, 4, 1], { rho: 0.5 }));
  });

  test('reads plan.ts objectives: weight = importance × difficulty, baseline from the GAS scale, wording in statement', () => {
    const objectives: Objective[] = [validObjective('P1.G1.O1'), { ...validObjective('P1.G1.O2'), statement: 'Cook dinner', gas: { ...validObjective().gas, baseline: -2, importance: 3, difficulty: 1 } }];
    const out = applyReview(objectives, {
      clientCode: 'C-0142',
      date: '2026-02-07',
      sessionNumber: 4,
      goals: [
        { goalId: 'P1.G1.O1', decision: 'continue', gasLevel: 1, rating: 7 },
        { goalId: 'P1.G1.O2', decision: 'modify', reason: 'Smaller step', gasLevel: -1, rating: 4, revisedObjective: 'Cook dinner twice a week' },
      ],
    });
    expect(out.gas?.tScore).toBe(gasTScore([1, -1], [6, 3]));
    expect(out.gas?.change).toBe(gasChange([-1, -2], [1, -1], [6, 3]));
    expect(out.goals[1]).toMatchObject({ statement: 'Cook dinner twice a week', status: 'modified' });
  });

  test('throws on an invalid review, listing each problem with its path', () => {
    const r = review();
    r.goals.splice(2, 1);
    delete r.goals[1].reason;
    expect(() => applyReview(goals(), r)).toThrow('Review is not valid: goals.1.reason: Expected a reason for the decision "modify"; got nothing | goals: Expected a decision for every active goal; got none for goal "G3" ("Sleep by 11 pm")');
  });
});
