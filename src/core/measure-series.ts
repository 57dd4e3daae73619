// Measure series as alerts, supervision and the export read them: one administration (date, session, total, items, flag), series by instrument, resolved and ordered by session.
import { findInstrument } from './instruments/registry';
import type { InstrumentDefinition } from './instruments/schema';
import { checkScore, compile } from './instruments/score';
import { isIsoDate } from './iso-dates';
import { describeValue } from './messages';
import { wholeIn } from './numbers';

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
