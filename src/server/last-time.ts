// Risk first: the Clients list's alert badges (the hidden alerts tab, one block read) and the Session screen's "Last time" (that tab's row for one client, one read), words from core.
import { reliableChangeByPoints } from '../core/change';
import { hasBand } from '../core/instruments/clinic-choices';
import type { InstrumentDefinition } from '../core/instruments/schema';
import { bandLabel } from '../core/instruments/score';
import { roundTo } from '../core/numbers';
import { helperInstruments, parseAlertsCell, readCaseloadAlerts, readClientAlertsRow } from '../sheets/alerts-read';
import type { Book } from '../sheets/book';
import type { ClientRecord } from '../sheets/records';
import { APPLIED_PROPERTY, parseApplied, type Settings } from '../sheets/settings';
import { enablesClinicInstrument } from '../sheets/clinic-registry';
import { BUILT_IN_INSTRUMENTS } from '../core/instruments/registry';
import type { ClientAlertsView, LastMeasureView, LastTimeView, SafetyFlagView } from '../contract';

/** Each listed client's alerts by Clients row (one read of the alerts tab); an empty map when that tab is missing or stale. */
/** The instruments the helper tab may have been written for: the built-ins, and the clinic's only when one is enabled or applied (then one read of the Instruments tab). */
function knownInstruments(book: Book, settings: Settings, props: Record<string, string>): readonly InstrumentDefinition[] {
  return enablesClinicInstrument(settings.raw) || enablesClinicInstrument(parseApplied(props[APPLIED_PROPERTY] ?? null)) ? book.instruments() : BUILT_IN_INSTRUMENTS;
}

export function caseloadAlerts(book: Book, clients: readonly ClientRecord[], settings: Settings, props: Record<string, string>): Map<number, ClientAlertsView> {
  const out = new Map<number, ClientAlertsView>();
  if (clients.length === 0) return out;
  const rows = readCaseloadAlerts(book, helperInstruments(settings, props, knownInstruments(book, settings, props)), settings);
  if (!rows) return out;
  for (const c of clients) {
    const r = rows.get(c.row);
    // The helper's row N reads the Clients tab's row N; a code that differs means the tab moved under it (setup re-aligns it).
    if (r && r.code.toLowerCase() === c.code.toLowerCase()) out.set(c.row, { kinds: r.kinds, alerts: r.alerts, review: r.review });
  }
  return out;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const REVIEW_WORDS = /^(Overdue|Due|At session \d+)$/;

/** One measure's latest administration from the helper row: core's band and the tab's reliable-change words; null when never given. */
function lastMeasure(def: InstrumentDefinition, row: ReadonlyMap<string, unknown>, settings: Settings, dateOf: (n: number) => string): LastMeasureView | null {
  const session = num(row.get(`${def.id}.last`)) ?? 0;
  if (session < 1) return null;
  const total = num(row.get(`${def.id}.latest`));
  const first = num(row.get(`${def.id}.first`));
  const scored = num(row.get(`${def.id}.n`)) ?? 0;
  const band = total !== null && hasBand(def) ? bandLabel(def, total, undefined, settings.options[def.id] ?? {}) : '';
  // On a first administration there is no change to speak of (Supervision leaves it blank too).
  const later = total !== null && first !== null && scored >= 2;
  const points = def.reliableChange?.points;
  return {
    instrument: def.name,
    session,
    date: dateOf(session),
    total,
    band,
    change: later ? roundTo(total - first, 2) : null,
    reliableChange: later && points !== undefined ? reliableChangeByPoints(first, total, points, def.direction) : '',
  };
}

/**
 * "Last time" for one client: the latest session, each measure's latest score with band and change, safety flags with their
 * words, and the alerts; from the client's alerts-tab row (one read). Null when that tab is missing, stale or not this client's.
 */
export function lastTime(book: Book, client: { row: number; code: string }, sessions: readonly { number: number; date: string }[], settings: Settings, props: Record<string, string>): LastTimeView | null {
  const instruments = helperInstruments(settings, props, knownInstruments(book, settings, props));
  const row = readClientAlertsRow(book, client.row, client.code, instruments, settings);
  // A row of another layout would put other cells under these keys: its Review cell must read as one.
  if (!row || !REVIEW_WORDS.test(String(row.get('review') ?? ''))) return null;
  const dateOf = (n: number) => sessions.find((s) => s.number === n)?.date ?? '';
  const latest = sessions.reduce<{ number: number; date: string } | null>((m, s) => (m === null || s.number > m.number ? s : m), null);
  const measures: LastMeasureView[] = [];
  const flags: SafetyFlagView[] = [];
  for (const def of instruments) {
    const m = lastMeasure(def, row, settings, dateOf);
    if (!m) continue;
    if (!def.noTotal) measures.push(m);
    const text = String(row.get(`${def.id}.safety`) ?? '').trim();
    if (text) flags.push({ instrument: def.name, session: m.session, date: m.date, text });
  }
  return { session: latest?.number ?? 0, date: latest?.date ?? '', measures, flags, alerts: parseAlertsCell(row.get('alerts')).alerts };
}
