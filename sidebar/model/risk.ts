// Risk first, as pure helpers: the Clients list ordered by core's risk rank with its badges, the "Last time" lines, and what "Last time" becomes after a save.
import { riskRank } from '../../src/core/alerts';
import type { ClientAlertsView, ClientSummary, InstrumentSummary, LastMeasureView, LastTimeView, RecordSessionData, SafetyFlagView } from '../../src/contract';

export interface Badge {
  text: string;
  /** safety: red; warn: deterioration, not on track, plateau, overdue review or measure; info: review due. */
  tone: 'safety' | 'warn' | 'info';
}

/** Clients most at risk first (core riskRank over the alerts tab's kinds: safety, then deterioration …); equal risk keeps the list's order. */
export function byRisk(clients: readonly ClientSummary[]): ClientSummary[] {
  return clients
    .map((c, i) => ({ c, i, rank: riskRank((c.alerts?.kinds ?? []).map((kind) => ({ kind }))) }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map((x) => x.c);
}

/** One badge per alert in the alerts tab's order and words (safety with its flag's wording), then "Review due" when due but not overdue. */
export function badges(a: ClientAlertsView | undefined): Badge[] {
  if (!a) return [];
  const out: Badge[] = a.alerts.map((text) => ({ text, tone: text.startsWith('Safety') ? 'safety' : 'warn' }));
  if (a.review === 'Due') out.push({ text: 'Review due', tone: 'info' });
  return out;
}

const signed = (n: number) => `${n > 0 ? '+' : n < 0 ? '−' : '±'}${Math.abs(n)}`;

/** "PHQ-9 14 (Moderate), 2026-11-20 · change +3 · No reliable change". */
export function measureLine(m: LastMeasureView): string {
  const score = `${m.instrument} ${m.total === null ? '— (incomplete)' : m.total}${m.band ? ` (${m.band})` : ''}`;
  const when = m.date ? `, ${m.date}` : ` (session ${m.session})`;
  // No change on a first administration (nor, after a save, until the client is read again).
  const change = m.change === null ? '' : ` · change ${signed(m.change)}${m.reliableChange ? ` · ${m.reliableChange}` : ''}`;
  return `${score}${when}${change}`;
}

/** Identifies the flags on show, so an acknowledgement given for one set of flags never covers another. */
export function flagsKey(code: string, flags: readonly SafetyFlagView[]): string {
  return [code, ...flags.map((f) => `${f.instrument}@${f.date}`)].join('|');
}

/**
 * "Last time" once this session is saved (the save's reply carries no "Last time": it costs no read): this session's date and
 * scores, its new flags, and last time's flags not acknowledged whose measure was not given again (the latest administration still
 * carries them, as the alerts tab says).
 */
export function lastTimeAfterSave(prev: LastTimeView | undefined, data: RecordSessionData, date: string, instruments: readonly InstrumentSummary[], acknowledged: boolean): LastTimeView {
  const name = (id: string) => instruments.find((i) => i.id === id)?.name ?? id;
  const given = new Set(data.saved.measures.map((m) => name(m.instrument)));
  const carried = acknowledged ? [] : (prev?.flags ?? []).filter((f) => !given.has(f.instrument));
  const fresh = data.saved.measures.filter((m) => m.flag !== '').map((m) => ({ instrument: name(m.instrument), session: data.sessionNumber, date, text: m.flag }));
  const measures: LastMeasureView[] = data.saved.measures.map((m) => ({ instrument: name(m.instrument), session: data.sessionNumber, date, total: m.total, band: m.band, change: null, reliableChange: '' }));
  return { session: data.sessionNumber, date, measures, flags: [...fresh, ...carried], alerts: [] };
}
