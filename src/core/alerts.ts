// Clinical alerts per client (safety first, then deterioration, not on track, plateau, overdue review or measure) and the risk rank that orders clients.
import { instrumentChangeCategory, jtCategory, minimumReliableChange, rci, RCI_CRITICAL, reliableChangeByPoints, type JtCategory } from './change';
import { findInstrument } from './instruments/registry';
import type { InstrumentDefinition } from './instruments/schema';
import { checkScore, compile, criticalFlags, isClinical, type ScoreOptions } from './instruments/score';
import { roundTo } from './numbers';
import { describeValue, isIsoDate } from './plan';
import { cadenceSettings, reviewCadence, REVIEW_POLICY, wholeIn } from './review';

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

/**
 * 'jt': Jacobson–Truax RCI when the definition has SD and reliability, else its points (as change.ts instrumentChangeCategory);
 * 'points': the programme's points threshold (e.g. PHQ-9 6, GAD-7 4 [S40a]). Never both in one view (§7.2).
 */
export type ReliableChangeMethod = 'jt' | 'points';

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

/** One administration of an instrument. */
export interface MeasurePoint {
  date: string;
  /** Session number at which it was given (1 = first session). */
  session: number;
  /** null when no total could be scored (missing items, or a subscale-only instrument). */
  total: number | null;
  /** Item answers as recorded, when kept; used for the registry's critical-item rules. */
  items?: ArrayLike<unknown>;
  /** A flag stored when the measure was recorded (e.g. the sheet's flag text); non-empty text or true means a critical item was endorsed. */
  flag?: string | boolean | null;
}

/** Measure series keyed by instrument name or id ("PHQ-9", "phq9"). */
export type MeasureSeries = Readonly<Record<string, readonly MeasurePoint[]>>;

export interface ClientAlertInput {
  clientCode?: string;
  measures: MeasureSeries;
  /** Attended sessions so far. */
  sessions: number;
  /** Session number of the last goal review; 0 if none. */
  lastReviewAt: number;
}

/** Looks an instrument up by name; the default is the built-in registry. */
export type FindInstrument = (name: unknown) => InstrumentDefinition;

/** One instrument's series, resolved and ordered by session (stable for ties). */
export interface ResolvedSeries {
  def: InstrumentDefinition;
  points: MeasurePoint[];
  /** Points with a total, in order. */
  scored: (MeasurePoint & { total: number })[];
}

function checkPoint(p: MeasurePoint, where: string): void {
  if (typeof p !== 'object' || p === null) throw new Error(`Expected a measure as { date, session, total }${where}; got ${describeValue(p)}`);
  if (!isIsoDate(p.date)) throw new Error(`Expected a measure date as YYYY-MM-DD${where}; got ${describeValue(p.date)}`);
  wholeIn(`a measure's session number${where}`, p.session, 1);
  if (p.total !== null && (typeof p.total !== 'number' || !Number.isFinite(p.total))) throw new Error(`Expected a measure total as a number or null${where}; got ${describeValue(p.total)}`);
}

/** Resolves each series' instrument and orders its points by session; throws naming the instrument and point that is malformed. */
export function resolveSeries(measures: MeasureSeries, find: FindInstrument = findInstrument): ResolvedSeries[] {
  const out: ResolvedSeries[] = [];
  const keyOf = new Map<InstrumentDefinition, string>();
  for (const name of Object.keys(measures)) {
    const def = find(name);
    // Two keys for one instrument ("PHQ-9" and "phq9") would split its series and hide a change.
    const other = keyOf.get(def);
    if (other !== undefined) throw new Error(`Expected each instrument's measures under one name; got ${def.name} as both "${other}" and "${name}"`);
    keyOf.set(def, name);
    const raw = measures[name];
    if (!Array.isArray(raw)) throw new Error(`Expected a list of ${def.name} measures; got ${describeValue(raw)}`);
    const c = compile(def);
    raw.forEach((p, i) => {
      const where = ` (${def.name}, measure ${i + 1})`;
      checkPoint(p, where);
      if (p.total === null) return;
      if (!c.total) throw new Error(`Expected no total for ${def.name}, which reports subscales only${where}; got ${p.total}`);
      checkScore(c, c.total, p.total, `measure ${i + 1}`);
    });
    const points = raw.map((p, i) => ({ p, i })).sort((a, b) => a.p.session - b.p.session || a.i - b.i).map((x) => x.p);
    out.push({ def, points, scored: points.filter((p): p is MeasurePoint & { total: number } => p.total !== null) });
  }
  return out;
}

/** Session number of the latest measure of any instrument; 0 when none. */
export function lastMeasureSession(series: readonly ResolvedSeries[]): number {
  let last = 0;
  for (const s of series) for (const p of s.points) if (p.session > last) last = p.session;
  return last;
}

/** Whether any instrument was given in the latest `n` sessions (sessions − n + 1 … sessions). */
export function measuredWithin(series: readonly ResolvedSeries[], sessions: number, n: number): boolean {
  return series.some((s) => s.points.some((p) => p.session > sessions - n));
}

// ---------------------------------------------------------------------------
// Reliable change, by the chosen method
// ---------------------------------------------------------------------------

export interface ReliableChangeResult {
  better: boolean;
  worse: boolean;
  /** Smallest raw change that counts as reliable. */
  threshold: number;
}

/** The smallest reliable raw change on an instrument's total by the method, or null when the definition has none. */
export function reliableThreshold(def: InstrumentDefinition, method: ReliableChangeMethod): number | null {
  const rc = def.reliableChange;
  if (!rc || def.noTotal) return null;
  const jt = rc.sd !== undefined && rc.reliability !== undefined;
  // [S39a] 1.96 · S_diff
  if (method === 'jt' && jt) return minimumReliableChange(rc.sd as number, rc.reliability as number);
  return rc.points ?? (jt ? minimumReliableChange(rc.sd as number, rc.reliability as number) : null);
}

/** Reliable better/worse between two totals, direction-aware; null when the instrument has no reliable-change data. */
export function reliableChange(def: InstrumentDefinition, before: number, after: number, method: ReliableChangeMethod): ReliableChangeResult | null {
  const threshold = reliableThreshold(def, method);
  if (threshold === null) return null;
  const rc = def.reliableChange!;
  if (method === 'jt' && rc.sd !== undefined && rc.reliability !== undefined) {
    // [S39a] reliable if |RCI| ≥ 1.96, the sign flipped when higher is worse
    const r = (def.direction === 'higher-is-worse' ? -1 : 1) * rci(before, after, rc.sd, rc.reliability);
    return { better: r >= RCI_CRITICAL, worse: -r >= RCI_CRITICAL, threshold };
  }
  const label = reliableChangeByPoints(before, after, threshold, def.direction);
  return { better: label === 'Reliable improvement', worse: label === 'Reliable deterioration', threshold };
}

/** Jacobson–Truax category first → latest by the method ([S39a] table); null when the instrument lacks a cut-off or reliable-change data. */
export function changeCategory(def: InstrumentDefinition, before: number, after: number, settings: Pick<AlertSettings, 'reliableChangeMethod' | 'scoreOptions'>): JtCategory | null {
  if (!def.cutoff || def.noTotal || reliableThreshold(def, settings.reliableChangeMethod) === null) return null;
  const options = settings.scoreOptions[def.id] ?? {};
  if (settings.reliableChangeMethod === 'jt') return instrumentChangeCategory(def, before, after, options);
  const rc = reliableChange(def, before, after, 'points')!;
  return jtCategory(rc.better, rc.worse, isClinical(def, after, options));
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
  if (spread >= threshold) return [];
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

/** Items ordered by riskRank of their alerts, most at risk first; equal ranks keep the input order. */
export function orderByRisk<T>(items: readonly T[], alertsOf: (item: T) => readonly Pick<Alert, 'kind'>[]): T[] {
  return items
    .map((item, i) => ({ item, i, rank: riskRank(alertsOf(item)) }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map((x) => x.item);
}
