// Supervision view: one risk-ordered row per active client (latest measures, bands, change category, GAS, alerts, review due) and per-clinician totals.
import { alertSettings, clientAlerts, orderByRisk, riskRank, type Alert, type AlertKind, type AlertSettings } from './alerts';
import { measuredWithin, resolveSeries, type FindInstrument, type MeasureSeries } from './measure-series';
import { changeCategory } from './reliable-change';
import type { JtCategory } from './change';
import { findInstrument } from './instruments/registry';
import type { InstrumentDefinition } from './instruments/schema';
import { bandLabel } from './instruments/score';
import { roundTo } from './numbers';
import { isIsoDate } from './iso-dates';
import { describeValue } from './messages';
import { wholeIn } from './numbers';
import type { GasPoint } from './review';
import { reviewCadence, type ReviewCadence } from './review-cadence';

export interface SupervisionClient {
  clientCode: string;
  clinician: string;
  /** Only active clients get a row (server contract ClientStatus). */
  status: 'active' | 'paused' | 'discharged';
  /** Attended sessions so far. */
  sessions: number;
  /** Session number of the last goal review; 0 if none. */
  lastReviewAt: number;
  measures: MeasureSeries;
  gas?: readonly GasPoint[];
}

export interface MeasureSummary {
  instrument: string;
  first: { date: string; session: number; total: number } | null;
  latest: { date: string; session: number; total: number; band: string | null } | null;
  /** [S39a] Jacobson–Truax category first → latest; null with fewer than two totals or no cut-off / reliable-change data. */
  category: JtCategory | null;
}

export interface SupervisionRow {
  clientCode: string;
  clinician: string;
  sessions: number;
  measures: MeasureSummary[];
  gasTScore: number | null;
  gasChange: number | null;
  alerts: Alert[];
  /** The first (most urgent) alert's kind, or null. */
  topAlert: AlertKind | null;
  /** alerts.ts riskRank: lower is more at risk. */
  riskRank: number;
  review: ReviewCadence;
  /** Reliably improved on a measure and deteriorated on none; null when no measure has a category yet. */
  reliablyImproved: boolean | null;
  /** A measure in the latest N sessions (N = measureEverySessions). */
  measuredRecently: boolean;
}

const IMPROVED: readonly JtCategory[] = ['Recovered', 'Improved'];

function band(def: InstrumentDefinition, total: number, st: AlertSettings): string | null {
  // Instruments with neither bands nor a cut-off (e.g. a clinic's own) have no band to show.
  if (!def.bandSchemes && !def.cutoff) return null;
  return bandLabel(def, total, undefined, st.scoreOptions[def.id] ?? {});
}

function latestGas(points: readonly GasPoint[] | undefined, code: string): { tScore: number | null; change: number | null } {
  let best: GasPoint | null = null;
  (points ?? []).forEach((p, i) => {
    const where = ` (client ${code}, GAS result ${i + 1})`;
    if (!isIsoDate(p.date)) throw new Error(`Expected a GAS result date as YYYY-MM-DD${where}; got ${describeValue(p.date)}`);
    wholeIn(`a GAS result's session${where}`, p.session, 1);
    for (const [k, v] of [['T-score', p.tScore], ['change', p.change]] as const) {
      if (v !== null && (typeof v !== 'number' || !Number.isFinite(v))) throw new Error(`Expected a GAS ${k} as a number or null${where}; got ${describeValue(v)}`);
    }
    // The latest result with a T-score; a later session wins, then the later entry.
    if (p.tScore !== null && (best === null || p.session >= best.session)) best = p;
  });
  const b = best as GasPoint | null;
  return b ? { tScore: b.tScore, change: b.change } : { tScore: null, change: null };
}

/** One client's supervision row (alerts, measures, GAS, review due), whatever the status. */
export function supervisionRow(client: SupervisionClient, settings: Partial<AlertSettings> = {}, find: FindInstrument = findInstrument): SupervisionRow {
  const st = alertSettings(settings);
  const series = resolveSeries(client.measures, find);
  const measures = series.map((s): MeasureSummary => {
    const f = s.scored[0];
    const l = s.scored[s.scored.length - 1];
    return {
      instrument: s.def.name,
      first: f ? { date: f.date, session: f.session, total: f.total } : null,
      latest: l ? { date: l.date, session: l.session, total: l.total, band: band(s.def, l.total, st) } : null,
      category: s.scored.length >= 2 ? changeCategory(s.def, f.total, l.total, st) : null,
    };
  });
  const alerts = clientAlerts(client, st, find);
  const categories = measures.map((m) => m.category).filter((c): c is JtCategory => c !== null);
  // Policy as in talking-therapies.ts: a reliable deterioration on any measure keeps a mixed course from reading as improved.
  const reliablyImproved = categories.length === 0 ? null : categories.some((c) => IMPROVED.includes(c)) && !categories.includes('Deteriorated');
  const gas = latestGas(client.gas, client.clientCode);
  return {
    clientCode: client.clientCode,
    clinician: client.clinician,
    sessions: client.sessions,
    measures,
    gasTScore: gas.tScore,
    gasChange: gas.change,
    alerts,
    topAlert: alerts.length ? alerts[0].kind : null,
    riskRank: riskRank(alerts),
    review: reviewCadence(client.sessions, client.lastReviewAt, { everySessions: st.reviewEverySessions, graceSessions: st.reviewGraceSessions }),
    reliablyImproved,
    measuredRecently: measuredWithin(series, client.sessions, st.measureEverySessions),
  };
}

/** One row per active client, most at risk first (safety, then deterioration, …); equal risk keeps the input order. */
export function supervisionRows(clients: readonly SupervisionClient[], settings: Partial<AlertSettings> = {}, find: FindInstrument = findInstrument): SupervisionRow[] {
  const rows = clients.filter((c) => c.status === 'active').map((c) => supervisionRow(c, settings, find));
  return orderByRisk(rows, (r) => r.alerts);
}

// ---------------------------------------------------------------------------
// Totals
// ---------------------------------------------------------------------------

/** count of `of`, with the percentage; percent is null (a blank cell) when `of` is 0, never NaN. */
export interface Ratio {
  count: number;
  of: number;
  percent: number | null;
}

export interface ClinicianTotals {
  clinician: string;
  /** Active clients. */
  caseload: number;
  /** Of clients with a change category on at least one measure (the denominator says how many). */
  reliablyImproved: Ratio;
  /** Of the caseload. */
  reviewOverdue: Ratio;
  /** Of the caseload: a measure in the latest N sessions. */
  measuredRecently: Ratio;
}

export const ALL_CLINICIANS = 'All clinicians';

function ratio(count: number, of: number): Ratio {
  return { count, of, percent: of === 0 ? null : roundTo((100 * count) / of, 1) };
}

function totalsOf(clinician: string, rows: readonly SupervisionRow[]): ClinicianTotals {
  const measured = rows.filter((r) => r.reliablyImproved !== null);
  return {
    clinician,
    caseload: rows.length,
    reliablyImproved: ratio(measured.filter((r) => r.reliablyImproved).length, measured.length),
    reviewOverdue: ratio(rows.filter((r) => r.review.overdue).length, rows.length),
    measuredRecently: ratio(rows.filter((r) => r.measuredRecently).length, rows.length),
  };
}

/**
 * Totals per clinician (sorted by name), plus one for all clinicians. `clinicians` lists staff to show even with
 * no active clients (their percentages are blank).
 */
export function supervisionTotals(rows: readonly SupervisionRow[], clinicians: readonly string[] = []): { clinicians: ClinicianTotals[]; all: ClinicianTotals } {
  const names = Array.from(new Set([...clinicians, ...rows.map((r) => r.clinician)])).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { clinicians: names.map((name) => totalsOf(name, rows.filter((r) => r.clinician === name))), all: totalsOf(ALL_CLINICIANS, rows) };
}
