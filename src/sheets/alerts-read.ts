// Reads the hidden alerts helper tab ("Attain alerts", one row of native formulas per Clients row): every client's alert kinds and review words in one block, or one client's row.
import { ALERT_ORDER, type AlertKind } from '../core/alerts';
import { BUILT_IN_INSTRUMENTS } from '../core/instruments/registry';
import type { InstrumentDefinition } from '../core/instruments/schema';
import { ALERT_LABELS, helperColumns, type SourceTab } from './alert-formulas';
import type { Book } from './book';
import { columnLetters } from './formulas';
import { APPLIED_PROPERTY, parseApplied, type Settings } from './settings';
import { HELPER_TAB, isAlertsHelperTab } from './supervision-tab';

/** One client's alerts as the helper tab shows them (the same cells Supervision shows). */
export interface HelperAlerts {
  /** Alert kinds present, in ALERT_ORDER (safety first). */
  kinds: AlertKind[];
  /** The Alerts cell, one entry per alert, as written ("Safety: PHQ-9 item 9 … endorsed: review risk now"). */
  alerts: string[];
  /** The Review cell: "Overdue", "Due" or "At session N". */
  review: string;
}

/**
 * The instruments the helper tab was written for: those the last setup applied (document properties), else the ones Settings
 * enables now; in registry order, as setup writes them.
 */
export function helperInstruments(settings: Settings, props: Record<string, string>, known: readonly InstrumentDefinition[] = BUILT_IN_INSTRUMENTS): InstrumentDefinition[] {
  const applied = parseApplied(props[APPLIED_PROPERTY] ?? null);
  return known.filter((d) => {
    const a = applied[`instrument.${d.id}`];
    return a !== undefined ? a.toUpperCase() === 'TRUE' : settings.instruments.includes(d.id);
  });
}

/** The helper tab's column keys and headers, in order, for these instruments (setup's own column builder, so the two cannot drift). */
export function helperLayout(instruments: readonly InstrumentDefinition[], settings: Settings): { keys: string[]; headers: string[] } {
  const any: SourceTab = { name: 'x', col: () => 'A', has: () => true };
  const cols = helperColumns(
    {
      clients: any,
      sessions: any,
      reviews: any,
      instruments: instruments.map((def) => ({ def, options: settings.options[def.id] ?? {}, tab: any })),
      settings: { reviewEvery: '4', notOnTrack: '3', plateau: '3', measureOverdue: '4' },
      selector: '""',
    },
    2,
    100,
  );
  return { keys: cols.map((c) => c.key), headers: cols.map((c) => c.header) };
}

const LABEL_KINDS = ALERT_ORDER.map((k) => ({ kind: k, label: ALERT_LABELS[k] }));

/** The Alerts cell split into its alerts and their kinds; a part that starts with no label continues the one before (a flag's own "; "). */
export function parseAlertsCell(cell: unknown): { kinds: AlertKind[]; alerts: string[] } {
  const text = typeof cell === 'string' ? cell.trim() : '';
  const alerts: string[] = [];
  const seen = new Set<AlertKind>();
  if (text === '') return { kinds: [], alerts };
  for (const part of text.split('; ')) {
    const hit = LABEL_KINDS.find(({ label }) => part === label || part.startsWith(`${label}: `));
    if (hit) {
      seen.add(hit.kind);
      alerts.push(part);
    } else if (alerts.length) alerts[alerts.length - 1] += `; ${part}`;
  }
  return { kinds: ALERT_ORDER.filter((k) => seen.has(k)), alerts };
}

function helperSheet(book: Book): GoogleAppsScript.Spreadsheet.Sheet | null {
  return book.ss.getSheetByName(HELPER_TAB);
}

/**
 * Every client's alerts from the helper tab in one read (columns A to the last one needed, whole columns: the helper's row count
 * is its capacity), keyed by Clients row; the helper's row N is the Clients tab's row N. Null when the tab is missing, is not
 * Attain's, or was written for other instruments (setup not re-run): then no alerts are shown, and nothing fails.
 */
export function readCaseloadAlerts(book: Book, instruments: readonly InstrumentDefinition[], settings: Settings): Map<number, HelperAlerts & { code: string }> | null {
  const sheet = helperSheet(book);
  if (!sheet) return null;
  const { keys, headers } = helperLayout(instruments, settings);
  const need = ['client', 'alerts', 'review'].map((k) => keys.indexOf(k));
  const width = Math.max(...need) + 1;
  let block: unknown[][];
  try {
    block = sheet.getRange(`A:${columnLetters(width)}`).getValues();
  } catch {
    return null; // narrower than this layout: an older helper; setup rewrites it
  }
  const head = block[0] ?? [];
  if (!isAlertsHelperTab(head) || need.some((i) => head[i] !== headers[i])) return null;
  const [ci, ai, ri] = need;
  const out = new Map<number, HelperAlerts & { code: string }>();
  for (let i = 1; i < block.length; i++) {
    const code = String(block[i][ci] ?? '').trim();
    if (code === '') continue;
    out.set(i + 1, { code, ...parseAlertsCell(block[i][ai]), review: String(block[i][ri] ?? '') });
  }
  return out;
}

/** One client's helper row by key (one read of that row), or null when the tab is missing, the row is beyond it, or it holds another client. */
export function readClientAlertsRow(book: Book, row: number, code: string, instruments: readonly InstrumentDefinition[], settings: Settings): Map<string, unknown> | null {
  const sheet = helperSheet(book);
  if (!sheet || row < 2) return null;
  const { keys } = helperLayout(instruments, settings);
  let values: unknown[];
  try {
    values = sheet.getRange(row, 1, 1, keys.length).getValues()[0];
  } catch {
    return null; // the row is beyond the helper's capacity (more clients than setup made room for)
  }
  if (String(values[0] ?? '').trim().toLowerCase() !== code.trim().toLowerCase()) return null;
  return new Map(keys.map((k, i) => [k, values[i]]));
}
