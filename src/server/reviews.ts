// Goal reviews: startReview (the goals to review, prefilled from the latest Ratings, and the cadence) and saveReview (core's validateReview and applyReview, then one Reviews block, the Goals status cells and Audit rows).
import * as z from 'zod/mini';
import { fieldErrors } from '../core/messages';
import { applyReview, REVIEWABLE_STATUSES, reviewSchema, validateReview, type GoalChange } from '../core/review';
import { Book } from '../sheets/book';
import { AUDIT, GOALS, REVIEWS } from '../sheets/layout';
import { clientRecords, clientRowOf, goalFromRow, latestRatings, readSessions } from '../sheets/records';
import { reviewStanding } from '../core/review-cadence';
import { taskCompletion } from '../core/tasks';
import { auditRows, lastReview, readClientReviewRows } from '../sheets/review-records';
import { appendRows, overwriteRows, type Tab } from '../sheets/table';
import { readTasks } from '../sheets/task-rows';
import { isoToSerial } from '../sheets/values';
import { clientDetail } from './clients';
import type { ClientDetail, GoalView, Result, ReviewGoalView, SaveReviewData, SaveReviewInput, StartReviewData } from '../contract';
import { answering, withDocumentLock } from './lock';
import { alreadySaved, invalid, ok } from './validate';

const notThere = (code: string) => invalid<never>({ clientCode: `Expected a client on the Clients tab; got "${code}", which is not there` });

/** The goals a review covers (active or modified), prefilled with the latest GAS level and rating, and the client's cadence. */
export function startReview(clientCode: string): Result<StartReviewData> {
  if (typeof clientCode !== 'string' || clientCode.trim() === '') return invalid({ clientCode: `Expected a client code; got ${JSON.stringify(clientCode)}` });
  const code = clientCode.trim();
  return answering(() => {
    const book = new Book();
    const found = clientRowOf(book, code);
    if ('error' in found) return found.duplicate ? invalid({ clientCode: found.error }) : notThere(code);
    const goals = readClientGoals(book, code).map((r) => r.goal);
    const latest = latestRatings(book, code);
    const sessions = readSessions(book, code);
    const settings = book.settings();
    const reviewRows = readClientReviewRows(book, code);
    // Tasks since the last review (its latest date, as the Review tab's table counts them); no read when the client has none.
    const since = reviewRows.filter((r) => r.client.toLowerCase() === code.toLowerCase()).reduce((d, r) => (r.date > d ? r.date : d), '');
    const tasks = readTasks(book, code);
    const goalsToReview: ReviewGoalView[] = goals
      .filter((g) => REVIEWABLE_STATUSES.includes(g.status))
      .map((g) => {
        const r = latest.get(g.id);
        return {
          goalId: g.id,
          parentId: g.parentId,
          title: g.title,
          horizon: g.horizon,
          status: g.status as 'active' | 'modified',
          anchors: g.anchors,
          baseline: g.baseline,
          weight: g.weight,
          gasLevel: (r?.level ?? null) as ReviewGoalView['gasLevel'],
          rating: r?.rating ?? null,
          ratedAt: r ? r.session : null,
          ...(tasks.some((t) => t.goalId === g.id) ? { tasks: taskCompletion(tasks.filter((t) => t.goalId === g.id), since) } : {}),
        };
      });
    return ok({
      clientCode: code,
      date: book.today(),
      sessionNumber: Math.max(1, ...sessions.map((s) => s.number)),
      rho: settings.rho,
      cadence: reviewStanding(sessions, lastReview(reviewRows, code), settings.reviewEvery),
      goals: goalsToReview,
    });
  });
}

interface StoredGoal {
  row: number;
  raw: Record<string, unknown>;
  goal: GoalView;
}

/** A client's Goals rows with their raw cells (their rows only: clientRecords). */
function readClientGoals(book: Book, code: string): StoredGoal[] {
  // A row whose Goal ID was cleared by hand cannot be reviewed or written back by id; it is left out (savePlan names it) rather than blocking the review.
  return clientRecords(book, book.tab(GOALS), code)
    .map(({ row, values }) => ({ row, raw: values, goal: goalFromRow(book, values) }))
    .filter((g) => g.goal.id !== '');
}

/** The same tab narrowed to some columns, so a write touches only those cells. */
function only(tab: Tab, keys: readonly string[]): Tab {
  return { ...tab, layout: { ...tab.layout, columns: tab.layout.columns.filter((c) => keys.includes(c.key)) } };
}

/**
 * Writes the status cells (and the wording of modified goals) of changed goals. Runs of the client's adjacent rows are
 * written as one block from the first to the last changed row; unchanged rows inside a block get their own cells back.
 */
function writeGoalChanges(tab: Tab, rows: readonly StoredGoal[], changes: readonly GoalChange[]): void {
  const changed = new Map(changes.filter((c) => c.after !== c.before).map((c) => [c.goalId, c]));
  if (changed.size === 0) return;
  const keys = ['status', 'statusDate', 'statusReason'];
  if ([...changed.values()].some((c) => c.decision === 'modify')) keys.push('title');
  const narrowed = only(tab, keys);
  const valuesOf = (r: StoredGoal): Record<string, unknown> => {
    const c = changed.get(r.goal.id);
    if (!c) return Object.fromEntries(keys.map((k) => [k, r.raw[k]]));
    return { status: c.after.status, statusDate: isoToSerial(c.after.statusDate), statusReason: c.after.statusReason, title: c.after.statement };
  };
  const sorted = [...rows].sort((a, b) => a.row - b.row);
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1].row === sorted[j].row + 1) j++;
    const run = sorted.slice(i, j + 1);
    const first = run.findIndex((r) => changed.has(r.goal.id));
    if (first >= 0) {
      let last = run.length - 1;
      while (!changed.has(run[last].goal.id)) last--;
      const block = run.slice(first, last + 1);
      overwriteRows(narrowed, run[first].row, block.map(valuesOf), block.map((r) => Object.fromEntries(keys.map((k) => [k, r.raw[k]]))));
    }
    i = j + 1;
  }
}

const levelText = (n: number | null) => (n === null ? 'not scored' : n > 0 ? `+${n}` : String(n));

function auditSummary(c: GoalChange, session: number, date: string): string {
  const status = c.before.status === c.after.status ? `status ${c.after.status} (unchanged)` : `status ${c.before.status} → ${c.after.status}`;
  const wording = c.before.statement !== c.after.statement ? `; objective "${c.before.statement}" → "${c.after.statement}"` : '';
  const reason = c.reason ? `; reason: ${c.reason}` : '';
  return `Review at session ${session} on ${date}: ${c.decision}; ${status}${wording}${reason}; GAS level ${levelText(c.gasLevel)}; rating ${c.rating ?? 'not rated'}`;
}

/** A review's shape (core's schema without the client's goals): what a recognised retry is checked against. */
function shapeOnly(input: unknown): ReturnType<typeof validateReview> {
  const parsed = z.safeParse(reviewSchema, input);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: fieldErrors(parsed) };
}

/**
 * Saves a review: every active or modified goal gets a decision (core's validateReview, field errors and nothing written
 * otherwise); then one block of Reviews rows, the Goals status cells (and wording for "modify"), and one Audit row per goal
 * (status before → after), all inside the document lock. Returns the T-score, change from baseline and milestones.
 */
export function saveReview(input: SaveReviewInput): Result<SaveReviewData> {
  const raw = (typeof input === 'object' && input !== null ? input : {}) as Partial<SaveReviewInput>;
  const code = typeof raw.clientCode === 'string' ? raw.clientCode : '';
  return withDocumentLock((book) => {
    const found = code !== '' ? clientRowOf(book, code) : null;
    if (found && 'error' in found && found.duplicate) return invalid({ clientCode: found.error });
    const exists = found !== null && 'row' in found;
    if (code.trim() !== '' && !exists) return notThere(code);
    const rows = exists ? readClientGoals(book, code) : [];
    // A retry of this very save whose first attempt landed (its reply lost) is recognised before validation: that attempt changed
    // the goals' statuses, which a second review would now refuse. Its input is then only checked for shape.
    const replay = exists && book.priorRun().some((e) => e.action === 'saveReview' && e.client.toLowerCase() === code.toLowerCase());
    const checked = replay ? shapeOnly(input) : validateReview(input, rows.map((r) => r.goal));
    if (!checked.ok) return invalid(checked.errors);
    const review = checked.value;
    const settings = book.settings();
    let outcome;
    try {
      outcome = applyReview(
        // A recognised retry is answered as the first attempt was: the goals it closed are taken as they stood before it.
        replay ? rows.map((r) => (REVIEWABLE_STATUSES.includes(r.goal.status) ? r.goal : { ...r.goal, status: 'active' as const })) : rows.map((r) => r.goal),
        review,
        { rho: settings.rho },
      );
    } catch (err) {
      // Only GAS can fail here (the review is valid): e.g. every scored goal lacks a weight.
      return invalid({ goals: (err as Error).message }, 'Nothing was saved: the GAS T-score could not be computed.');
    }
    // Every tab written is opened (columns checked) before the first write.
    const reviewsTab = book.tab(REVIEWS);
    const goalsTab = book.tab(GOALS);
    book.tab(AUDIT);
    const tScore = outcome.gas?.tScore ?? null;
    const change = outcome.gas?.change ?? null;
    const answer = (detail: ClientDetail): SaveReviewData => ({
      date: review.date,
      sessionNumber: review.sessionNumber,
      rows: review.goals.length,
      tScore,
      change,
      changes: outcome.changes.map((c) => ({ goalId: c.goalId, decision: c.decision, before: c.before.status, after: c.after.status })),
      milestones: outcome.milestones,
      detail,
    });
    const at = { row: found && 'row' in found ? found.row : undefined, settings, lastReview: { session: review.sessionNumber, date: review.date } };
    // A retry of this very save whose first attempt landed (its reply lost): the goals and reviews as the sheet holds them, nothing
    // written twice. The reply's review figures come from the input, as the first attempt's did.
    if (replay) {
      return ok(answer(clientDetail(book, code, at) as ClientDetail), alreadySaved(`the review of ${code} at session ${review.sessionNumber}`));
    }
    const date = isoToSerial(review.date);
    appendRows(
      reviewsTab,
      review.goals.map((g) => ({ client: code, date, session: review.sessionNumber, goalId: g.goalId, decision: g.decision, reason: (g.reason ?? '').trim(), gasLevel: g.gasLevel ?? '', rating: g.rating ?? '', revisedObjective: g.revisedObjective ?? '', tScore: tScore ?? '', gasChange: change ?? '' })),
    );
    writeGoalChanges(goalsTab, rows, outcome.changes);
    const gasLine = tScore === null ? 'no GAS levels' : `GAS T-score ${tScore.toFixed(1)}${change === null ? '' : `, change from baseline ${change >= 0 ? '+' : ''}${change.toFixed(1)}`}`;
    auditRows(book, 'saveReview', code, [
      ...outcome.changes.map((c) => ({ entity: `Goal ${c.goalId}`, summary: auditSummary(c, review.sessionNumber, review.date) })),
      { entity: `Reviews (${review.goals.length} rows)`, summary: `Review saved at session ${review.sessionNumber} on ${review.date}: ${review.goals.length} goal(s); ${gasLine}; ${outcome.milestones.length} achieved` },
    ]);
    // The review just saved is the client's latest, so the cadence restarts from it (no second read of Reviews).
    return ok(answer(clientDetail(book, code, at) as ClientDetail));
  }, typeof raw.requestId === 'string' ? raw.requestId : '');
}
