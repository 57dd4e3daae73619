// Clinical alerts per client (safety first, then deterioration, not on track, plateau, overdue review or measure) and the risk rank that orders clients.
import { findInstrument } from './instruments/registry';
import type { InstrumentDefinition } from './instruments/schema';
import { criticalFlags, isClinical, type ScoreOptions } from './instruments/score';
import { lastMeasureSession, measuredWithin, resolveSeries, type FindInstrument, type MeasurePoint, type MeasureSeries, type ResolvedSeries } from './measure-series';
import { describeValue } from './messages';
import { compareAt, roundTo, wholeIn } from './numbers';
import { reliableChange, reliableThreshold, type ReliableChangeMethod } from './reliable-change';
import { cadenceSettings, reviewCadence, REVIEW_POLICY } from './review-cadence';

// ---------------------------------------------------------------------------
// Kinds, order, severities (data)
// ---------------------------------------------------------------------------

/** Fixed priority order; safety is always first ([S11] item 9 "always warrants immediate follow-up"; [S41a] imminent risk takes precedence). */
export const ALERT_ORDER = ['safety', 'reliable-deterioration', 'not-on-track', 'plateau', 'review-overdue', 'measure-overdue'] as const;
export type AlertKind = (typeof ALERT_ORDER)[number];
export type AlertSeverity = 'safety' | 'high' | 'medium' | 'low';

/** Severity of each kind (policy): risk, then worsening, then a stalled course, then housekeeping. */
export const ALERT_SEVERITY: Record<AlertKind, AlertSeverity> = {
  safety: 'safety',
  'reliable-deterioration': 'high',
  'not-on-track': 'medium',
  plateau: 'medium',
  'review-overdue': 'low',
  'measure-overdue': 'low',
};

export interface Alert {
  kind: AlertKind;
  severity: AlertSeverity;
  /** Plain language for a clinician: what was seen and what to do. */
  message: string;
  /** The instrument's display name, for alerts about one measure. */
  instrument?: string;
}

// ---------------------------------------------------------------------------
// Settings
// ---------------------------------------------------------------------------

export interface AlertSettings {
  /** Review every N sessions; default 4 ([seed 003]). */
  reviewEverySessions: number;
  /** Sessions past due before a review is overdue; default 2. */
  reviewGraceSessions: number;
  /** A client with no reliable improvement by this session is not on track; default 6 (policy: 1.5 review cycles). */
  notOnTrackBySession: number;
  /** A plateau is no reliable change across this many latest measurements; default 3. */
  plateauWindow: number;
  /** A measure is overdue with none in this many latest sessions; default 3. */
  measureEverySessions: number;
  reliableChangeMethod: ReliableChangeMethod;
  /** Per-instrument band scheme or cut-off choices, keyed by registry id (e.g. { pcl5: { cutoff: 33 } }). */
  scoreOptions: Readonly<Record<string, ScoreOptions>>;
}

export const DEFAULT_ALERT_SETTINGS: AlertSettings = {
  reviewEverySessions: REVIEW_POLICY.everySessions,
  reviewGraceSessions: REVIEW_POLICY.graceSessions,
  notOnTrackBySession: 6,
  plateauWindow: 3,
  measureEverySessions: 3,
  reliableChangeMethod: 'jt',
  scoreOptions: {},
};

/** Defaults filled in and every setting checked against its range. */
export function alertSettings(settings: Partial<AlertSettings> = {}): AlertSettings {
  const s = { ...DEFAULT_ALERT_SETTINGS, ...settings };
  const cadence = cadenceSettings({ everySessions: s.reviewEverySessions, graceSessions: s.reviewGraceSessions });
  if (s.reliableChangeMethod !== 'jt' && s.reliableChangeMethod !== 'points') throw new Error(`Expected a reliable-change method of "jt" or "points"; got ${describeValue(s.reliableChangeMethod)}`);
  return {
    reviewEverySessions: cadence.everySessions,
    reviewGraceSessions: cadence.graceSessions,
    notOnTrackBySession: wholeIn('the not-on-track session', s.notOnTrackBySession, 1, 100),
    // Two points are the least that can show (no) change.
    plateauWindow: wholeIn('a plateau window in measurements', s.plateauWindow, 2, 20),
    measureEverySessions: wholeIn('a measure interval in sessions', s.measureEverySessions, 1, 52),
    reliableChangeMethod: s.reliableChangeMethod,
    scoreOptions: s.scoreOptions ?? {},
  };
}

// ---------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------

export interface ClientAlertInput {
  clientCode?: string;
  measures: MeasureSeries;
  /** Attended sessions so far. */
  sessions: number;
  /** Session number of the last goal review; 0 if none. */
  lastReviewAt: number;
}

/** "6 points": the threshold as a clinician reads it; whole-number totals need the next whole number up. */
function pointsText(def: InstrumentDefinition, threshold: number): string {
  const step = def.items.step ?? 1;
  const whole = step === 1 && def.missing.maxMissing === 0;
  const shown = whole ? Math.ceil(threshold - 1e-9) : roundTo(threshold, 2);
  return `${shown} point${shown === 1 ? '' : 's'}`;
}

const at = (p: MeasurePoint) => `session ${p.session}, ${p.date}`;
const worseWord = (def: InstrumentDefinition) => (def.direction === 'higher-is-worse' ? 'risen' : 'fallen');

// ---------------------------------------------------------------------------
// The alerts
// ---------------------------------------------------------------------------

function alert(kind: AlertKind, message: string, def?: InstrumentDefinition): Alert {
  return def ? { kind, severity: ALERT_SEVERITY[kind], message, instrument: def.name } : { kind, severity: ALERT_SEVERITY[kind], message };
}

function flagMessages(s: ResolvedSeries, latest: MeasurePoint, where: string): string[] {
  const messages = latest.items ? criticalFlags(s.def, latest.items) : [];
  const f = latest.flag;
  // Items are read by the registry's rules; a stored flag still counts when they say nothing or were not kept (safety first).
  if (messages.length === 0 && typeof f === 'string' && f.trim() !== '') messages.push(f.trim());
  else if (messages.length === 0 && f === true) messages.push(`${s.def.name}: a critical item was endorsed: review risk now`);
  return messages.map((m) => `${m} (${where}).`);
}

function safety(s: ResolvedSeries): Alert[] {
  const latest = s.points[s.points.length - 1];
  if (!latest) return [];
  // [S11] [S37a] a critical item is read on its own at the latest administration, whatever the total.
  return flagMessages(s, latest, at(latest)).map((m) => alert('safety', m, s.def));
}

function deterioration(s: ResolvedSeries, st: AlertSettings): Alert[] {
  if (s.scored.length < 2) return [];
  const first = s.scored[0];
  const latest = s.scored[s.scored.length - 1];
  const rc = reliableChange(s.def, first.total, latest.total, st.reliableChangeMethod);
  if (!rc?.worse) return [];
  return [
    alert(
      'reliable-deterioration',
      `${s.def.name} has ${worseWord(s.def)} from ${first.total} (${at(first)}) to ${latest.total} (${at(latest)}): a reliable deterioration (a change of ${pointsText(s.def, rc.threshold)} or more). Review risk and the plan with the client.`,
      s.def,
    ),
  ];
}

function notOnTrack(s: ResolvedSeries, sessions: number, st: AlertSettings): Alert[] {
  if (sessions < st.notOnTrackBySession || s.scored.length < 2) return [];
  const first = s.scored[0];
  const latest = s.scored[s.scored.length - 1];
  // A client who began below the cut-off has little room to improve reliably, so is not flagged (policy).
  if (s.def.cutoff && !isClinical(s.def, first.total, st.scoreOptions[s.def.id])) return [];
  // [S39a] a latest score past the cut-off without reliable change is "non-reliably recovered", not "unchanged": only unchanged is off track.
  if (s.def.cutoff && !isClinical(s.def, latest.total, st.scoreOptions[s.def.id])) return [];
  const rc = reliableChange(s.def, first.total, latest.total, st.reliableChangeMethod);
  // Worsening is reported as reliable deterioration instead.
  if (!rc || rc.better || rc.worse) return [];
  return [
    alert(
      'not-on-track',
      `By session ${sessions}, ${s.def.name} has not reliably improved (${first.total} at session ${first.session}, ${latest.total} at session ${latest.session}; reliable change is ${pointsText(s.def, rc.threshold)}). Discuss progress and consider adjusting the plan.`,
      s.def,
    ),
  ];
}

function plateau(s: ResolvedSeries, st: AlertSettings): Alert[] {
  const m = st.plateauWindow;
  if (s.scored.length < m) return [];
  const threshold = reliableThreshold(s.def, st.reliableChangeMethod);
  if (threshold === null) return [];
  const window = s.scored.slice(-m);
  const latest = window[m - 1];
  // A flat course below the cut-off is maintained recovery, not a stall (policy).
  if (s.def.cutoff && !isClinical(s.def, latest.total, st.scoreOptions[s.def.id])) return [];
  const totals = window.map((p) => p.total);
  const spread = Math.max(...totals) - Math.min(...totals);
  // Width at the threshold precision, as the sheet's ROUND(MAXIFS − MINIFS, 9) < threshold.
  if (compareAt(spread, threshold) >= 0) return [];
  return [
    alert(
      'plateau',
      `${s.def.name} has not changed reliably over the last ${m} measures (${totals.join(', ')}, sessions ${window[0].session}–${latest.session}) and is still in the clinical range. Consider reviewing the approach with the client.`,
      s.def,
    ),
  ];
}

/**
 * A client's alerts in ALERT_ORDER (safety first), each instrument in input order within a kind.
 * Safety reads the registry's critical-item rules (PHQ-9 item 9 ≥ 1, CORE-10 item 6 ≥ 1, …) at the latest administration.
 */
export function clientAlerts(input: ClientAlertInput, settings: Partial<AlertSettings> = {}, find: FindInstrument = findInstrument): Alert[] {
  const st = alertSettings(settings);
  const series = resolveSeries(input.measures, find);
  const cadence = reviewCadence(input.sessions, input.lastReviewAt, { everySessions: st.reviewEverySessions, graceSessions: st.reviewGraceSessions });
  const sessions = input.sessions;
  const byKind: Record<AlertKind, Alert[]> = { safety: [], 'reliable-deterioration': [], 'not-on-track': [], plateau: [], 'review-overdue': [], 'measure-overdue': [] };
  for (const s of series) {
    byKind.safety.push(...safety(s));
    byKind['reliable-deterioration'].push(...deterioration(s, st));
    byKind['not-on-track'].push(...notOnTrack(s, sessions, st));
    byKind.plateau.push(...plateau(s, st));
  }
  if (cadence.overdue) {
    const last = input.lastReviewAt === 0 ? 'no review yet' : `last review at session ${input.lastReviewAt}`;
    byKind['review-overdue'].push(alert('review-overdue', `Goal review is overdue: ${cadence.sessionsSince} sessions since the start or last review (${last}; reviews every ${st.reviewEverySessions} sessions). Plan a review at the next session.`));
  }
  const n = st.measureEverySessions;
  if (sessions >= n && !measuredWithin(series, sessions, n)) {
    const lastAt = lastMeasureSession(series);
    const last = lastAt === 0 ? 'none recorded yet' : `the last at session ${lastAt}`;
    byKind['measure-overdue'].push(alert('measure-overdue', `No outcome measure in the last ${n} sessions (${last}). Give the client's usual measure at the next session.`));
  }
  return ALERT_ORDER.flatMap((k) => byKind[k]);
}

// ---------------------------------------------------------------------------
// Ordering clients by risk
// ---------------------------------------------------------------------------

/**
 * A client's place in a risk-ordered list: lower is more at risk. The set of alert kinds is compared in ALERT_ORDER,
 * so any safety alert outranks everything without one, then deterioration, and so on; no alerts ranks last.
 */
export function riskRank(alerts: readonly Pick<Alert, 'kind'>[]): number {
  const n = ALERT_ORDER.length;
  let rank = 2 ** n - 1;
  const seen = new Set(alerts.map((a) => a.kind));
  ALERT_ORDER.forEach((k, i) => {
    if (seen.has(k)) rank -= 2 ** (n - 1 - i);
  });
  return rank;
}

/** The risk column's words: the client's most urgent alert kind, or a dash with none (one table, used by core and the Supervision formulas). */
export const RISK_WORDS: Record<AlertKind, string> & { none: string } = {
  safety: 'Safety',
  'reliable-deterioration': 'Deteriorating',
  'not-on-track': 'Not on track',
  plateau: 'Plateau',
  'review-overdue': 'Review overdue',
  'measure-overdue': 'Measure overdue',
  none: '—',
};

/** A client's risk in words: RISK_WORDS of the first kind in ALERT_ORDER among its alerts. */
export function riskWord(alerts: readonly Pick<Alert, 'kind'>[]): string {
  const seen = new Set(alerts.map((a) => a.kind));
  const top = ALERT_ORDER.find((k) => seen.has(k));
  return top ? RISK_WORDS[top] : RISK_WORDS.none;
}

/** Items ordered by riskRank of their alerts, most at risk first; equal ranks keep the input order. */
export function orderByRisk<T>(items: readonly T[], alertsOf: (item: T) => readonly Pick<Alert, 'kind'>[]): T[] {
  return items
    .map((item, i) => ({ item, i, rank: riskRank(alertsOf(item)) }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map((x) => x.item);
}
