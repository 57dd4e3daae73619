// Goal-review cadence: the every-N-sessions policy, the clinic's cadence settings checked against their ranges, whether a review is due or overdue, and where one client stands over their own sessions (the one "review due" rule the server and sidebar show).
import { wholeIn } from './numbers';

// [seed 003] review every 4–6 sessions, [seed 001] every fourth: due at N = 4, overdue at N + 2 = 6, the top of that window (policy).
export const REVIEW_POLICY = {
  everySessions: 4,
  graceSessions: 2,
  // Same range as the plan's reviewEverySessions field (plan.ts).
  everySessionsRange: [1, 12],
  graceSessionsRange: [0, 12],
} as const;

export interface CadenceSettings {
  /** Sessions between reviews (clinic setting); default 4. */
  everySessions?: number;
  /** Extra sessions before a due review counts as overdue; default 2. */
  graceSessions?: number;
}

export interface ReviewCadence {
  /** A review is due: at least N sessions since the last one. */
  due: boolean;
  /** At least N + grace sessions since the last one. */
  overdue: boolean;
  /** The session number at which the next review falls due. */
  nextAt: number;
  /** Attended sessions since the last review (or since the start). */
  sessionsSince: number;
}

/** Resolved cadence settings, each checked against its allowed range. */
export function cadenceSettings(settings: CadenceSettings = {}): Required<CadenceSettings> {
  const [e0, e1] = REVIEW_POLICY.everySessionsRange;
  const [g0, g1] = REVIEW_POLICY.graceSessionsRange;
  return {
    everySessions: wholeIn('a review interval in sessions', settings.everySessions ?? REVIEW_POLICY.everySessions, e0, e1),
    graceSessions: wholeIn('a review grace in sessions', settings.graceSessions ?? REVIEW_POLICY.graceSessions, g0, g1),
  };
}

/**
 * Whether a goal review is due or overdue, from the client's attended-session count and the session number of
 * the last review (0 when there has been none, so the first review falls due at session N).
 */
export function reviewCadence(attendedSessions: number, lastReviewAt: number, settings: CadenceSettings = {}): ReviewCadence {
  const { everySessions, graceSessions } = cadenceSettings(settings);
  const attended = wholeIn('an attended-session count', attendedSessions, 0);
  const last = wholeIn('the session number of the last review (0 if none)', lastReviewAt, 0);
  if (last > attended) throw new Error(`Expected the last review at or before the attended-session count ${attended}; got session ${last}`);
  const sessionsSince = attended - last;
  return { due: sessionsSince >= everySessions, overdue: sessionsSince >= everySessions + graceSessions, nextAt: last + everySessions, sessionsSince };
}

/** Where a client stands on the review cadence. */
export interface ReviewStanding {
  everySessions: number;
  due: boolean;
  overdue: boolean;
  /** Attended sessions since the last review (or since the start). */
  sessionsSince: number;
  /** Session number and date of the last review; 0 and '' when there has been none. */
  lastReviewSession: number;
  lastReviewDate: string;
  /** The review status in the words the Supervision and alerts tabs' Review column uses: "Overdue", "Due" or "At session N". */
  words: string;
}

/** The review status as every screen and tab words it (alert-formulas.ts writes the same rule as a formula): "Overdue", "Due", "At session N". */
export function reviewWords(c: { due: boolean; overdue: boolean; lastReviewSession: number; everySessions: number }): string {
  return c.overdue ? 'Overdue' : c.due ? 'Due' : `At session ${c.lastReviewSession + c.everySessions}`;
}

/**
 * The cadence over a client's sessions: missed sessions never count, and a review's session number beyond the attended count
 * cannot break core's rule (reviewCadence).
 */
export function reviewStanding(sessions: readonly { number: number; attended: boolean }[], last: { session: number; date: string } | null, everySessions: number): ReviewStanding {
  const attended = sessions.filter((s) => s.attended);
  const lastAt = last ? attended.filter((s) => s.number <= last.session).length : 0;
  const c = reviewCadence(attended.length, lastAt, { everySessions });
  const standing = { everySessions, due: c.due, overdue: c.overdue, sessionsSince: c.sessionsSince, lastReviewSession: last?.session ?? 0, lastReviewDate: last?.date ?? '' };
  return { ...standing, words: reviewWords(standing) };
}
