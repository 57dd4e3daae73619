// Goal reviews: the review-decision schemas (zod/mini) and applyReview (new statuses, audit history, GAS T-score, milestones); the cadence is in review-cadence.ts.
import * as z from 'zod/mini';
import { gasChange, gasTScore } from './gas';
import { clientCodeSchema } from './client-code';
import { idSchema, isoDate, ratingOrNull, text, wholeNumber } from './field-schemas';
import { LIMITS } from './limits';
import { describeValue, expected, fieldErrors } from './messages';
import { requestIdField } from './request-id';
import { REVIEW_DECISIONS, type GoalStatus, type ReviewDecision } from './vocabularies';

// ---------------------------------------------------------------------------
// Review decisions (schemas)
// ---------------------------------------------------------------------------


/** The status each decision gives the goal (plan.ts STATUSES). */
export const DECISION_STATUS: Record<ReviewDecision, GoalStatus> = { continue: 'active', modify: 'modified', retire: 'retired', achieved: 'achieved' };

/** Statuses still being worked on, so reviewed: a modified goal is pursued with its revised wording (policy). */
export const REVIEWABLE_STATUSES: readonly GoalStatus[] = ['active', 'modified'];

const asRecord = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {});
const isBlankText = (v: unknown) => typeof v !== 'string' || v.trim() === '';

const reviewGoalShape = {
  goalId: idSchema,
  decision: z.enum(REVIEW_DECISIONS, expected(`a decision (${REVIEW_DECISIONS.join(', ')})`)),
  // Required unless the decision is "continue" (checked below).
  reason: z.optional(z.string(expected('a reason as text')).check(z.maxLength(LIMITS.text, expected(`a reason of up to ${LIMITS.text} characters`)))),
  // [S1] −2 much less than expected … +2 much more than expected; null when the goal was not scored at this review.
  gasLevel: z.nullable(z.literal([-2, -1, 0, 1, 2], expected('a GAS level of -2, -1, 0, 1 or 2, or null when not rated'))),
  // [seed 003] "On a scale of 0-10, how close do you feel to your goal?"
  // The same whole 0–10 rule as recordSession (field-schemas.ts): 7.5 is refused by both.
  rating: ratingOrNull(),
  // Required when the decision is "modify": the new wording carried onto the goal.
  revisedObjective: z.optional(text('the revised objective')),
};

// Reason and revised wording depend on the decision; `when` runs this even after other fields failed, so every problem shows at once.
const decisionRule = z.superRefine<unknown>(
  (value, ctx) => {
    const v = asRecord(value);
    const decision = v.decision;
    // An unknown decision is reported by the enum; the rules below only speak for known ones.
    if (!(REVIEW_DECISIONS as readonly unknown[]).includes(decision)) return;
    if (decision !== 'continue' && isBlankText(v.reason)) {
      ctx.addIssue({ code: 'custom', path: ['reason'], input: v.reason, message: `Expected a reason for the decision "${decision}"; got ${describeValue(v.reason)}` });
    }
    if (decision === 'modify' && isBlankText(v.revisedObjective)) {
      ctx.addIssue({ code: 'custom', path: ['revisedObjective'], input: v.revisedObjective, message: `Expected the revised objective's wording for the decision "modify"; got ${describeValue(v.revisedObjective)}` });
    }
    if (decision !== 'modify' && v.revisedObjective !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['revisedObjective'], input: v.revisedObjective, message: `Expected no revised objective for the decision "${decision}" (only "modify" changes the wording); got ${describeValue(v.revisedObjective)}` });
    }
  },
  { when: () => true },
);

/** One goal's row in a review. */
export const reviewGoalSchema = z.object(reviewGoalShape, expected('a review decision for one goal')).check(decisionRule);

// A goal decided twice would leave two conflicting statuses in the history.
const oncePerGoal = z.superRefine<unknown>(
  (value, ctx) => {
    const goals = asRecord(value).goals;
    if (!Array.isArray(goals)) return;
    const first = new Map<string, number>();
    goals.forEach((row, i) => {
      const id = asRecord(row).goalId;
      if (typeof id !== 'string') return;
      const earlier = first.get(id);
      if (earlier === undefined) first.set(id, i);
      else ctx.addIssue({ code: 'custom', path: ['goals', i, 'goalId'], input: id, message: `Expected each goal once; got goal "${id}" twice (rows ${earlier + 1} and ${i + 1})` });
    });
  },
  { when: () => true },
);

const reviewShape = {
  clientCode: clientCodeSchema,
  date: isoDate('a review date'),
  sessionNumber: wholeNumber('the session number of the review', 1, 10000),
  goals: z.array(reviewGoalSchema, expected('a list of goal decisions')).check(z.minLength(1, expected('at least one goal decision', (g) => (Array.isArray(g) ? String(g.length) : describeValue(g))))),
  requestId: requestIdField,
};

/** A whole review: client, date, session number and one decision per goal (no goal twice). */
export const reviewSchema = z.object(reviewShape, expected('a review')).check(oncePerGoal);

export type ReviewGoalRow = z.infer<typeof reviewGoalSchema>;
export type Review = z.infer<typeof reviewSchema>;

// ---------------------------------------------------------------------------
// Goals as a review reads them
// ---------------------------------------------------------------------------

/**
 * The fields a review reads from a goal. Both plan.ts objectives (statement, gas{baseline, importance, difficulty})
 * and the sheet's GoalView (title, baseline, weight) fit.
 */
export interface ReviewableGoal {
  readonly id: string;
  readonly status: GoalStatus;
  readonly statusDate?: string;
  readonly statusReason?: string;
  readonly statement?: string;
  readonly title?: string;
  /** GAS weight; when absent it is importance × difficulty from `gas` ([S7]). */
  readonly weight?: number | null;
  /** GAS baseline level −1 or −2 ([S2]); when absent, `gas.baseline`. */
  readonly baseline?: number | null;
  readonly gas?: { readonly baseline: number; readonly importance: number; readonly difficulty: number };
}

const goalText = (g: ReviewableGoal) => g.statement ?? g.title ?? '';
const goalWeight = (g: ReviewableGoal): number | null => (typeof g.weight === 'number' ? g.weight : g.gas ? g.gas.importance * g.gas.difficulty : null);
const goalBaseline = (g: ReviewableGoal): number | null => (typeof g.baseline === 'number' ? g.baseline : g.gas ? g.gas.baseline : null);

/** The review schema for one client's goals: also each reviewable goal exactly once, and no other goal. */
export function reviewSchemaFor(goals: readonly ReviewableGoal[]) {
  const byId = new Map(goals.map((g) => [g.id, g] as const));
  const coverage = z.superRefine<unknown>(
    (value, ctx) => {
      const rows = asRecord(value).goals;
      if (!Array.isArray(rows)) return;
      const seen = new Set<string>();
      rows.forEach((row, i) => {
        const id = asRecord(row).goalId;
        if (typeof id !== 'string') return;
        seen.add(id);
        const goal = byId.get(id);
        if (!goal) ctx.addIssue({ code: 'custom', path: ['goals', i, 'goalId'], input: id, message: `Expected one of this client's goals; got "${id}", which is not in the plan` });
        else if (!REVIEWABLE_STATUSES.includes(goal.status)) ctx.addIssue({ code: 'custom', path: ['goals', i, 'goalId'], input: id, message: `Expected an active or modified goal; got "${id}", which is already ${goal.status}` });
      });
      for (const g of goals) {
        if (REVIEWABLE_STATUSES.includes(g.status) && !seen.has(g.id)) {
          const shown = goalText(g) ? ` (${describeValue(goalText(g))})` : '';
          ctx.addIssue({ code: 'custom', path: ['goals'], input: rows, message: `Expected a decision for every active goal; got none for goal "${g.id}"${shown}` });
        }
      }
    },
    { when: () => true },
  );
  return reviewSchema.check(coverage);
}

export type ReviewValidation = { ok: true; value: Review } | { ok: false; errors: Record<string, string> };

/** Validates a review against the client's goals; errors are keyed by dotted path ("goals.1.reason"), "" for the whole review. */
export function validateReview(input: unknown, goals: readonly ReviewableGoal[]): ReviewValidation {
  const parsed = z.safeParse(reviewSchemaFor(goals), input);
  if (parsed.success) return { ok: true, value: parsed.data };
  // Several goals may be missing; each message is kept, joined under the one "goals" key.
  const errors = fieldErrors(parsed);
  const missing = parsed.error.issues.filter((i) => i.path.length === 1 && i.path[0] === 'goals').map((i) => i.message);
  if (missing.length > 1) errors.goals = missing.join('; ');
  return { ok: false, errors };
}

// ---------------------------------------------------------------------------
// Applying a review
// ---------------------------------------------------------------------------

/** A goal's status fields and wording, before or after a review. */
export interface GoalState {
  status: GoalStatus;
  statusDate: string;
  statusReason: string;
  statement: string;
}

/** One goal's audit-history entry. */
export interface GoalChange {
  goalId: string;
  decision: ReviewDecision;
  reason: string;
  gasLevel: number | null;
  rating: number | null;
  before: GoalState;
  after: GoalState;
}

export interface Milestone {
  goalId: string;
  statement: string;
  date: string;
  sessionNumber: number;
}

export interface ReviewGas {
  /** Kiresuk–Sherman T over the goals rated at this review (gas.ts). */
  tScore: number;
  /** T now − T at baseline over the rated goals that have a baseline; null when none has one. */
  change: number | null;
  /** Ids of the goals the T-score covers, in review order. */
  goalIds: string[];
}

export interface ReviewOutcome<G extends ReviewableGoal> {
  clientCode: string;
  date: string;
  sessionNumber: number;
  /** Every goal, in the input order; reviewed goals carry their new status (and wording, when modified). */
  goals: G[];
  /** One entry per reviewed goal, in review order, for the audit history. */
  changes: GoalChange[];
  /** null when no goal was given a GAS level. */
  gas: ReviewGas | null;
  /** Goals achieved at this review. */
  milestones: Milestone[];
}

/** One review's GAS result as stored over time (supervision and the export read the latest). */
export interface GasPoint {
  date: string;
  session: number;
  tScore: number | null;
  change: number | null;
}

export interface ApplyReviewOptions {
  /** GAS inter-goal correlation ρ; blank means 0.3 ([S1] [S6]). */
  rho?: number;
}

function stateOf(g: ReviewableGoal): GoalState {
  return { status: g.status, statusDate: g.statusDate ?? '', statusReason: g.statusReason ?? '', statement: goalText(g) };
}

function afterState(before: GoalState, row: ReviewGoalRow, date: string): GoalState {
  const status = DECISION_STATUS[row.decision];
  // Continuing an active goal changes nothing, so its status date stays the day it became active.
  if (status === before.status && row.decision === 'continue') return before;
  return { status, statusDate: date, statusReason: (row.reason ?? '').trim(), statement: row.decision === 'modify' ? (row.revisedObjective as string) : before.statement };
}

function reviewGas(rows: readonly ReviewGoalRow[], byId: ReadonlyMap<string, ReviewableGoal>, rho: number | undefined): ReviewGas | null {
  const rated = rows.filter((r) => r.gasLevel !== null);
  if (rated.length === 0) return null;
  const goals = rated.map((r) => byId.get(r.goalId) as ReviewableGoal);
  const levels = rated.map((r) => r.gasLevel as number);
  const rawWeights = goals.map(goalWeight);
  // No weights at all means an unweighted plan ([S2] weighting is optional); otherwise an unweighted goal is left out, as in gas.ts.
  const weights = rawWeights.some((w) => w !== null) ? rawWeights : undefined;
  const baselines = goals.map(goalBaseline);
  const options = { rho };
  const tScore = gasTScore(levels, weights, options);
  const changeable = baselines.some((b, i) => b !== null && (weights === undefined || weights[i] !== null));
  // [S3] change = T(now) − T(baseline) with the same weights.
  const change = changeable ? gasChange(baselines, levels, weights, options) : null;
  return { tScore, change, goalIds: rated.map((r) => r.goalId) };
}

/**
 * Applies a review to a client's goals: continue → active, modify → modified with the revised wording,
 * retire → retired, achieved → achieved; returns the updated goals, a before/after entry per reviewed goal,
 * the review's GAS T-score and change from baseline, and the achieved goals as milestones.
 * Throws when the review is invalid, listing every problem.
 */
export function applyReview<G extends ReviewableGoal>(goals: readonly G[], review: unknown, options: ApplyReviewOptions = {}): ReviewOutcome<G> {
  const checked = validateReview(review, goals);
  if (!checked.ok) {
    const list = Object.entries(checked.errors).map(([path, message]) => (path ? `${path}: ${message}` : message));
    throw new Error(`Review is not valid: ${list.join(' | ')}`);
  }
  const r = checked.value;
  const byId = new Map(goals.map((g) => [g.id, g] as const));
  const changes: GoalChange[] = [];
  const updated = new Map<string, GoalState>();
  const milestones: Milestone[] = [];
  for (const row of r.goals) {
    const goal = byId.get(row.goalId) as G;
    const before = stateOf(goal);
    const after = afterState(before, row, r.date);
    changes.push({ goalId: row.goalId, decision: row.decision, reason: (row.reason ?? '').trim(), gasLevel: row.gasLevel, rating: row.rating, before, after });
    if (after !== before) updated.set(row.goalId, after);
    if (row.decision === 'achieved') milestones.push({ goalId: row.goalId, statement: after.statement, date: r.date, sessionNumber: r.sessionNumber });
  }
  const nextGoals = goals.map((g) => {
    const after = updated.get(g.id);
    if (!after) return g;
    // The wording lives in `statement` (plan.ts) or `title` (sheet view); write it back where it came from.
    const wording = g.statement !== undefined || g.title === undefined ? { statement: after.statement } : { title: after.statement };
    return { ...g, status: after.status, statusDate: after.statusDate, statusReason: after.statusReason, ...wording };
  });
  return { clientCode: r.clientCode, date: r.date, sessionNumber: r.sessionNumber, goals: nextGoals, changes, gas: reviewGas(r.goals, byId, options.rho), milestones };
}
