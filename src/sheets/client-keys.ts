// Client keys: a tab's rows sorted by client in hidden spill columns ("Order: live", …), so the alerts tab finds one client's rows by binary search instead of comparing every row of the tab.
//
// Each key is ordinal × KEY_BASE + a row or session number, where the ordinal is the client's place in the Clients codes sorted
// (lower-cased); a row whose code is not a client's, or that is voided, gets 0. The spill sorts the keys descending under its header:
// the header is text, which Sheets orders after every number (SORT puts numbers first), so MATCH(…, column, −1) — the last cell
// greater or equal — treats it as +∞ and the column stays in order from row 1 down, the blank grid below it lowest.
import type { ColumnSpec, RowRefs } from './columns';
import { sheetRef, str } from './formulas';

/** Row and session numbers stay below it (a tab has fewer than 10 million cells; sessions stop at 10,000). */
export const KEY_BASE = 10_000_000;
/** Row 1's sort key: above every client's key, so the header sorts first. */
const HEADER_KEY = 1e15;

/** The hidden tab that holds the Clients codes sorted (one spill in A1, no header, so the column is in order from row 1 down). */
export const CODES_TAB = 'Attain codes';
/** B1 of that tab: what it is, and how Attain knows the tab is its own. */
export const CODES_MARK = 'Working tab (hidden): the client codes in A, as keys (lower-cased; 0, - and _ written 00, 01, 02) and sorted: the alerts number clients by them. Attain writes it; do not edit.';
/** The sorted codes as every key formula reads them: a client's place in this column is its ordinal. */
export const KEYED_CODES = `${sheetRef(CODES_TAB)}!$A:$A`;

/**
 * A code as the keys compare it: lower-cased, then "0", "-" and "_" written as "00", "01", "02", so a code of letters, digits, "-" and "_"
 * (core CLIENT_CODE) becomes letters and digits only, which every text order sorts alike (digits, then a–z). SORT and a binary MATCH must
 * agree on the order; they need not agree on punctuation, and in this emulator they do not ("c_1" and "c-1").
 */
export function codeKey(x: string): string {
  return `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(LOWER(${x}&""),"0","00"),"-","01"),"_","02")`;
}

/**
 * A1 of the codes tab: the Clients codes (`codes`, a whole column with its header in row 1) as keys (codeKey), sorted ascending, every
 * other row of the Clients tab a PAD after them, cut to `rows` (the codes tab's rows; setup keeps the Clients tab at least that long).
 * So every row of the codes tab holds text in order: no binary search meets a blank, which is not in text order. A clinic past `rows`
 * clients loses the keys of the codes sorted last, never everyone's (Supervision says when to re-run setup).
 */
export function codesListFormula(codes: string, rows: number): string {
  const keys = `IF((${codes}<>"")*(ROW(${codes})>1),${codeKey(codes)},${str(PAD)})`;
  return `=ARRAYFORMULA(ARRAY_CONSTRAIN(SORT(${keys}),${rows},1))`;
}

/** Fills the codes tab below the codes: after every key (a key is at most 40 characters of digits and letters). */
const PAD = "z".repeat(41);

/** Whether a tab's first row is the codes tab Attain wrote (B1 its mark), not a clinic's own tab of that name. */
export function isCodesTab(row1: readonly unknown[]): boolean {
  return row1[1] === CODES_MARK;
}

/**
 * Each cell's client ordinal (an array over `client`), 0 for a code no client has: one binary search up the sorted codes (MATCH and
 * VLOOKUP with is_sorted both compute element by element in ARRAYFORMULA), never a comparison with every code.
 */
export function ordinalsOf(client: string): string {
  const key = codeKey(client);
  // VLOOKUP (INDEX does not compute element by element in Sheets) over two columns: HyperFormula takes a one-code column for one cell.
  return `IFERROR(IF(VLOOKUP(${key},${sheetRef(CODES_TAB)}!$A:$B,1,TRUE)=${key},MATCH(${key},${KEYED_CODES},1),0),0)`;
}

/** One client's ordinal (a scalar code), 0 for none: one binary search, then the code at that place compared. */
export function ordinalOf(code: string): string {
  const at = `MATCH(${codeKey(code)},${KEYED_CODES},1)`;
  return `IF(${code}="",0,IFERROR(IF(INDEX(${KEYED_CODES},${at})=${codeKey(code)},${at},0),0))`;
}

const whole = (r: RowRefs, key: string) => `$${r.col(key)}:$${r.col(key)}`;

/** What rows a key column holds and what number orders a client's rows in it. */
interface KeySpec {
  key: string;
  header: string;
  what: string;
  /** The array (over whole columns) that is 1 on a row the column keeps. */
  keep: (r: RowRefs) => string;
  /** The array of numbers below KEY_BASE that order a client's rows (row, session). */
  within: (r: RowRefs) => string;
  /** Shown instead of the key (the scored totals column), in the same order. */
  shows?: (r: RowRefs) => string;
  /** False for a tab without a Voided column (Reviews): every row is live. */
  voided?: boolean;
}

/** [core isLiveRow] 1 on a row whose Voided cell is blank (every row of a tab without the column). */
const live = (r: RowRefs, voided: boolean) => (!voided || r.has?.('voided') === false ? '1' : `(${whole(r, 'voided')}="")`);
const rows = (r: RowRefs) => `ROW(${whole(r, 'client')})`;
/** Each row's session number, 0 when not a number (N() does not take an array). */
const sessionNumbers = (r: RowRefs) => `IF(ISNUMBER(${whole(r, 'session')}),${whole(r, 'session')},0)`;

function keySpill(spec: KeySpec): (r: RowRefs) => string {
  return (r) => {
    const R = rows(r);
    // Rows after the last client are left out, so the spill ends where the data does (an append finds the tab's last row unchanged).
    const upTo = `${R}<=MAX(1,MAX(IF(LEN(${whole(r, 'client')}),${R},0)))`;
    const f = (x: string) => `FILTER(${x},${upTo})`;
    const key = `IF(${R}=1,${HEADER_KEY},IF((${spec.keep(r)})*${live(r, spec.voided !== false)},${ordinalsOf(whole(r, 'client'))},0)*${KEY_BASE}+${spec.within(r)})`;
    // A row with no client ordinal keeps only its row or session number: below every client's keys, so no client's search reaches it.
    const shown = spec.shows ? `IF(${R}=1,${str(spec.header)},${spec.shows(r)})` : `IF(${R}=1,${str(spec.header)},${key})`;
    return `=ARRAYFORMULA(SORT(${f(shown)},${f(key)},FALSE,${f(R)},FALSE))`;
  };
}

function keyColumn(spec: KeySpec): ColumnSpec {
  return {
    key: spec.key,
    header: spec.header,
    note: `Working column (hidden): ${spec.what} Attain writes and computes it; do not edit, sort or delete it. Check this spreadsheet repairs it.`,
    kind: 'formula',
    width: 60,
    optional: true,
    hidden: true,
    spill: keySpill(spec),
  };
}

/** "Order: live": every live row, latest row first within a client (the alerts tab reads a client's latest row from it). */
export const liveKeyColumn = (voided = true): ColumnSpec =>
  keyColumn({ voided, key: 'keyLive', header: 'Order: live', what: "this tab's live rows by client, latest row first, as numbers (client's place × 10,000,000 + row).", keep: () => '1', within: rows });

/** Sessions' "Order: attended": live attended sessions by client, highest session number first (counts, and sessions since a review). */
export const attendedKeyColumn = (): ColumnSpec =>
  keyColumn({
    key: 'keyAttended',
    header: 'Order: attended',
    what: "the live attended sessions by client, highest session number first (client's place × 10,000,000 + session).",
    keep: (r) => `(${whole(r, 'attended')}=TRUE)`,
    within: sessionNumbers,
  });

/** [core measure-series] a scored administration: a total of 0 or more (its order: session, then row, as core sorts a series). */
const scored = (r: RowRefs) => `ISNUMBER(${whole(r, 'total')})*(${whole(r, 'total')}>=0)`;

/** An instrument tab's "Order: scored" and "Order: scored totals": live scored rows by client, latest session first, and their totals in the same order. */
export const scoredKeyColumns = (): ColumnSpec[] => [
  keyColumn({ key: 'keyScored', header: 'Order: scored', what: "the live scored rows by client, latest session first (client's place × 10,000,000 + session).", keep: scored, within: sessionNumbers }),
  keyColumn({
    key: 'keyScoredTotal',
    header: 'Order: scored totals',
    what: 'the totals of "Order: scored", row for row.',
    keep: scored,
    within: sessionNumbers,
    shows: (r) => whole(r, 'total'),
  }),
];

// ---- the alerts tab's lookups (one client's ordinal `o`, a key column `k` as a whole-column reference) ----

/** The place just above the client's run in a key column (row 1's header at least): the run starts one below. */
export function runTop(k: string, o: string): string {
  return `IFERROR(MATCH((${o}+1)*${KEY_BASE},${k},-1),1)`;
}

/** The place of the client's last key at or above `o × KEY_BASE + from` (the run's top when none). */
export function runDownTo(k: string, o: string, from = '0'): string {
  return `IFERROR(MATCH(${o}*${KEY_BASE}+${from},${k},-1),1)`;
}

/** How many of the client's keys are at or above `from` (all of them by default); #N/A while the column's spill is blocked (its row 1 an error), never a silent 0. */
export function runCount(k: string, o: string, from = '0'): string {
  return `IF(ISERROR(INDEX(${k},1)),NA(),IF(${o}=0,0,${runDownTo(k, o, from)}-${runTop(k, o)}))`;
}

/** The client's latest live row of the tab (a key column by row), 0 when none. */
export function latestRow(k: string, o: string): string {
  return `IF(${runCount(k, o)}=0,0,INDEX(${k},${runTop(k, o)}+1)-${o}*${KEY_BASE})`;
}
