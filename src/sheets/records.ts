// Domain rows ↔ tabs: clients, goals, sessions, ratings, measures and priorities, each read or written in whole blocks by header name.
import { clientCodeMisread } from '../core/client-code';
import { isLiveRow } from '../core/corrections';
import type { GoalRow } from '../core/plan-rows';
import { CLIENT_STATUSES, DBT_TIERS, DOMAINS, GOAL_STATUSES, GOAL_TYPES, HORIZONS, oneOf, type ClientStatus, type DbtTier } from '../core/vocabularies';
import type { Book } from './book';
import { CLIENTS, GOALS, PRIORITIES, RATINGS, SESSIONS } from './layout';
import { appendRows, lastRowOf, overwriteRows, readColumns, readRows, type Tab } from './table';
import { cellBool, cellNumber, cellText, isoToSerial } from './values';

const norm = (code: unknown) => cellText(code).toLowerCase();

/** [core isLiveRow] A row as read is live when its Voided cell is blank or the tab has no Voided column: every server read skips the rest. */
export const isLive = (values: Record<string, unknown>): boolean => isLiveRow(cellText(values.voided));

/** Rows of one client in a tab: the sheet rows whose client column matches (one read of that column). */
export function rowsOf(tab: Tab, clientKey: string, code: string, lastRow: number): number[] {
  const col = readColumns(tab, [clientKey], lastRow)[clientKey];
  const want = code.toLowerCase();
  const rows: number[] = [];
  col.forEach((v, i) => {
    if (norm(v) === want) rows.push(i + 2);
  });
  return rows;
}

/** Cells of a gap between two found rows worth reading rather than paying another read call; and the most read calls per tab. */
export const MERGE_CELLS = 5_000;
export const MAX_BLOCKS = 3;

/**
 * The blocks of sheet rows to read for some found rows (sorted): rows closer than MERGE_CELLS cells of gap share a block,
 * and past MAX_BLOCKS blocks the closest neighbours merge, so a tab costs at most MAX_BLOCKS reads and skips its widest gaps.
 */
export function readBlocks(rows: readonly number[], width: number, mergeCells = MERGE_CELLS, maxBlocks = MAX_BLOCKS): { first: number; last: number }[] {
  const blocks: { first: number; last: number }[] = [];
  for (const r of rows) {
    const b = blocks[blocks.length - 1];
    if (b && (r - b.last - 1) * width <= mergeCells) b.last = Math.max(b.last, r);
    else blocks.push({ first: r, last: r });
  }
  while (blocks.length > maxBlocks) {
    let at = 1;
    for (let i = 2; i < blocks.length; i++) if (blocks[i].first - blocks[i - 1].last < blocks[at].first - blocks[at - 1].last) at = i;
    blocks[at - 1].last = blocks[at].last;
    blocks.splice(at, 1);
  }
  return blocks;
}

/**
 * One client's rows of a tab, in sheet order, read by where the code is rather than by whole columns: the spreadsheet-wide
 * search (Book.rowsWith, shared by every tab the action reads) gives the rows where a cell holds the code, their blocks are
 * read whole, and a row counts only when its client cell is the code (trimmed, case-blind): a row whose code sits in another
 * column is read and left out.
 */
export function clientRecords(book: Book, tab: Tab, code: string, clientKey = 'client'): { row: number; values: Record<string, unknown> }[] {
  const want = code.trim().toLowerCase();
  if (!want) return [];
  return book.memo(`records:${tab.layout.name}:${clientKey}:${want}`, () => {
    const found = (book.rowsWith(want).get(book.sheetIdOf(tab)) ?? []).filter((r) => r >= 2);
    const at = [...tab.cols.values()];
    const width = Math.max(...at) - Math.min(...at) + 1;
    const out: { row: number; values: Record<string, unknown> }[] = [];
    for (const { first, last } of readBlocks(found, width)) {
      readRows(tab, first, last).forEach((values, i) => {
        if (norm(values[clientKey]) === want) out.push({ row: first + i, values });
      });
    }
    return out;
  });
}

/** The rows of `rows` read as layout records, with one read over their span. */
export function recordsAt(tab: Tab, rows: readonly number[]): { row: number; values: Record<string, unknown> }[] {
  if (rows.length === 0) return [];
  const first = rows[0];
  const block = readRows(tab, first, rows[rows.length - 1]);
  return rows.map((row) => ({ row, values: block[row - first] }));
}

// ---- Clients ----------------------------------------------------------------------

/** One Clients row as stored. */
export interface ClientRecord {
  row: number;
  code: string;
  clinician: string;
  startDate: string; // YYYY-MM-DD
  status: ClientStatus;
  modality: string;
  /** The clinician confirmed that this name-like code is not a name (Clients "Code is not a name"; false when the column is absent). */
  notAName: boolean;
}

function clientFromRow(book: Book, row: number, r: Record<string, unknown>): ClientRecord {
  return { row, code: cellText(r.code), clinician: cellText(r.clinician), startDate: book.iso(r.startDate), status: oneOf(r.status, CLIENT_STATUSES, 'active'), modality: cellText(r.modality), notAName: cellBool(r.notAName) };
}

/** Every client row (codes, clinician, dates, status, modality, the not-a-name confirmation). */
export function readClients(book: Book): ClientRecord[] {
  const tab = book.tab(CLIENTS);
  const rows = readRows(tab, 2, lastRowOf(tab));
  const out: ClientRecord[] = [];
  rows.forEach((r, i) => {
    if (cellText(r.code)) out.push(clientFromRow(book, i + 2, r));
  });
  return out;
}

/** Client codes (one column read) for existence and uniqueness checks, with the row of each; with `forAppend` also the last row (one more read). */
export function clientCodes(
  book: Book,
  forAppend = false,
): { codes: Set<string>; rows: Map<string, number>; duplicates: Map<string, { codes: string[]; rows: number[] }>; misread: { code: string; row: number; why: string }[]; lastRow: number } {
  const tab = book.tab(CLIENTS);
  const lastRow = forAppend ? lastRowOf(tab) : tab.lastRow;
  const rows = new Map<string, number>();
  // Codes compare case-blind ("c-0002" is "C-0002"); each is kept as first written. Hand-typed repeats are collected, not hidden.
  const seen = new Map<string, { codes: string[]; rows: number[] }>();
  const misread: { code: string; row: number; why: string }[] = [];
  readColumns(tab, ['code'], lastRow).code.forEach((v, i) => {
    const k = norm(v);
    if (!k) return;
    const why = misreadWhy(v, cellText(v));
    if (why) misread.push({ code: cellText(v), row: i + 2, why });
    if (!rows.has(k)) rows.set(k, i + 2);
    const s = seen.get(k) ?? { codes: [], rows: [] };
    s.codes.push(cellText(v));
    s.rows.push(i + 2);
    seen.set(k, s);
  });
  const duplicates = new Map([...seen].filter(([, s]) => s.rows.length > 1));
  return { codes: new Set(rows.keys()), rows, duplicates, misread, lastRow: lastRow ?? -1 };
}

/** Why a Clients code cell would be misread by Sheets' criteria (a number, date or boolean, typed by hand), or null when it is a safe code. */
function misreadWhy(v: unknown, text: string): string | null {
  if (typeof v === 'string') return clientCodeMisread(text);
  if (typeof v === 'number') return `which Sheets reads as the number ${v}`;
  if (typeof v === 'boolean') return `which Sheets reads as the boolean ${String(v).toUpperCase()}`;
  return 'which Sheets reads as a date';
}

/** The message for a hand-typed code Sheets misreads: its row, why COUNTIFS/MATCH by code miss it, and the fix. */
export function misreadCodeMessage(m: { code: string; row: number; why: string }): string {
  return `Expected client codes Sheets cannot read as a number, date or TRUE/FALSE; Clients row ${m.row} holds "${m.code}", ${m.why}, so formulas matching it by code (Review, alerts, instrument tabs) find nothing. Give that row a code with a letter, such as "C-${m.code}", on the Clients tab and in its rows on the other tabs`;
}

/** The message for a client code typed on more than one Clients row (whatever the case): the rows and the fix. */
export function duplicateCodeMessage(dup: { codes: string[]; rows: number[] }): string {
  const shown = [...new Set(dup.codes)].map((c) => `"${c}"`).join(' / ');
  return `Expected each client code on one Clients row; ${shown} is on rows ${dup.rows.join(', ')}. Give all but one of those rows a new code on the Clients tab (codes are compared ignoring case), then try again`;
}

/** The client's Clients rows (every row whose code equals this one, case-blind), read where the code is (clientRecords). */
function clientRows(book: Book, code: string): { row: number; values: Record<string, unknown> }[] {
  return clientRecords(book, book.tab(CLIENTS), code, 'code');
}

/** The client's Clients row, or the field error when it is missing or its code is on more than one row. */
export function clientRowOf(book: Book, code: string): { row: number } | { error: string; duplicate: boolean } {
  const rows = clientRows(book, code);
  if (rows.length > 1) return { error: duplicateCodeMessage({ codes: rows.map((r) => cellText(r.values.code)), rows: rows.map((r) => r.row) }), duplicate: true };
  return rows.length === 0 ? { error: `Expected a client on the Clients tab; got "${code}", which is not there. Add the client first`, duplicate: false } : { row: rows[0].row };
}

/** One client's row, or null when the code is not on the Clients tab (the rows clientRowOf read, not read again). */
export function readClient(book: Book, code: string, row?: number): ClientRecord | null {
  const rows = clientRows(book, code);
  const hit = row === undefined ? rows[0] : rows.find((r) => r.row === row);
  return hit ? clientFromRow(book, hit.row, hit.values) : null;
}

export function appendClient(book: Book, c: { code: string; clinician: string; startDate: string; status: ClientStatus; modality: string; notAName?: boolean }, lastRow: number): number {
  const tab = book.tab(CLIENTS);
  const row = Math.max(2, lastRow + 1);
  appendAt(tab, row, [{ code: c.code, clinician: c.clinician, startDate: isoToSerial(c.startDate), status: c.status, modality: c.modality, ...(c.notAName ? { notAName: true } : {}) }]);
  return row;
}

// ---- Sessions -----------------------------------------------------------------------

export interface SessionRecord {
  number: number;
  date: string;
  attended: boolean;
  note: string;
  clinician: string;
  /** The Sessions row, and the Session number cell when it is not a whole number ≥ 1 (typed by hand, e.g. "two"); number is then 0. */
  row?: number;
  badNumber?: string;
}

/** Per client (lower-case code): number of sessions and the latest date (one read of client and date). */
export function sessionStats(book: Book): Map<string, { sessions: number; last: string }> {
  const tab = book.tab(SESSIONS);
  const hasVoided = tab.cols.has('voided');
  const { client, date, voided } = readColumns(tab, hasVoided ? ['client', 'date', 'voided'] : ['client', 'date'], lastRowOf(tab));
  const out = new Map<string, { sessions: number; last: string }>();
  client.forEach((c, i) => {
    const k = norm(c);
    if (!k || (hasVoided && !isLiveRow(cellText(voided[i])))) return;
    const s = out.get(k) ?? { sessions: 0, last: '' };
    s.sessions++;
    const d = book.iso(date[i]);
    if (d > s.last) s.last = d;
    out.set(k, s);
  });
  return out;
}

export function readSessions(book: Book, code: string): SessionRecord[] {
  return clientRecords(book, book.tab(SESSIONS), code)
    .filter(({ values }) => isLive(values))
    .map(({ row, values: v }) => {
      const n = cellNumber(v.session);
      const ok = n !== null && Number.isInteger(n) && n >= 1;
      return { number: ok ? n : 0, date: book.iso(v.date), attended: cellBool(v.attended), note: cellText(v.note), clinician: cellText(v.clinician), row, ...(ok ? {} : { badNumber: cellText(v.session) }) };
    })
    .sort((a, b) => a.number - b.number || (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Writes rows at a known first row (the caller read getLastRow under the lock). */
export function appendAt(tab: Tab, firstRow: number, rows: readonly Record<string, unknown>[]): void {
  appendRows(tab, rows, firstRow - 1);
}

// ---- Goals ------------------------------------------------------------------------------

export interface GoalRecord {
  row: number;
  goal: GoalRow;
  /** The row's cells as read (layout key → value): what an overwrite restores if the action fails. */
  raw: Record<string, unknown>;
}

const ANCHOR_KEYS = ['gas-2', 'gas-1', 'gas0', 'gas+1', 'gas+2'] as const;

function level(v: unknown, allowed: readonly number[]): number | null {
  const n = cellNumber(v);
  return n !== null && allowed.includes(n) ? n : null;
}

export function goalFromRow(book: Book, v: Record<string, unknown>): GoalRow {
  return {
    id: cellText(v.id),
    parentId: cellText(v.parentId),
    clientCode: cellText(v.client),
    title: cellText(v.title),
    horizon: oneOf(v.horizon, HORIZONS, cellText(v.parentId) ? 'short' : 'long'),
    type: oneOf(v.type, GOAL_TYPES, 'outcome'),
    domain: oneOf(v.domain, DOMAINS, 'behavioral'),
    category: cellText(v.category),
    modality: cellText(v.modality),
    values: cellText(v.values),
    behaviour: cellText(v.behaviour),
    measure: cellText(v.measure),
    target: cellText(v.target),
    frequency: cellText(v.frequency),
    deadline: book.iso(v.deadline),
    anchors: ANCHOR_KEYS.map((k) => cellText(v[k])) as GoalRow['anchors'],
    baseline: level(v.baseline, [-1, -2]) as -1 | -2 | null,
    importance: level(v.importance, [0, 1, 2, 3]),
    difficulty: level(v.difficulty, [0, 1, 2, 3]),
    weight: cellNumber(v.weight),
    status: oneOf(v.status, GOAL_STATUSES, 'active'),
    statusDate: book.iso(v.statusDate),
    statusReason: cellText(v.statusReason),
  };
}

/** The goal as Goals-tab values (the weight column is a formula the writer fills in). */
export function goalToRow(g: GoalRow, templateId: string): Record<string, unknown> {
  const row: Record<string, unknown> = {
    id: g.id,
    parentId: g.parentId,
    client: g.clientCode,
    template: templateId,
    horizon: g.horizon,
    title: g.title,
    type: g.type,
    domain: g.domain,
    category: g.category,
    modality: g.modality,
    values: g.values,
    behaviour: g.behaviour,
    measure: g.measure,
    target: g.target,
    frequency: g.frequency,
    deadline: g.deadline ? isoToSerial(g.deadline) : '',
    baseline: g.baseline ?? '',
    importance: g.importance ?? '',
    difficulty: g.difficulty ?? '',
    status: g.status,
    statusDate: g.statusDate ? isoToSerial(g.statusDate) : '',
    statusReason: g.statusReason,
  };
  ANCHOR_KEYS.forEach((k, i) => (row[k] = g.anchors[i]));
  return row;
}

/** Goal ids and client codes of the whole tab (one read), plus the last row. */
export function goalIndex(book: Book, forAppend = false): { byId: Map<string, { row: number; client: string }>; lastRow: number } {
  const tab = book.tab(GOALS);
  const lastRow = forAppend ? lastRowOf(tab) : tab.lastRow;
  const { id, client } = readColumns(tab, ['id', 'client'], lastRow);
  const byId = new Map<string, { row: number; client: string }>();
  id.forEach((v, i) => {
    const k = cellText(v);
    if (k && !byId.has(k)) byId.set(k, { row: i + 2, client: cellText(client[i]) });
  });
  return { byId, lastRow: lastRow ?? -1 };
}

/** A client's goals in sheet order (their rows only: clientRecords). */
export function readGoals(book: Book, code: string): GoalRecord[] {
  return clientRecords(book, book.tab(GOALS), code).map(({ row, values }) => ({ row, goal: goalFromRow(book, values), raw: values }));
}

/**
 * The goal ids among `ids` that are not goals of this client (`mine`, read by readGoals), each with the client whose goal it is
 * ('' when no Goals row has it). Only a wrong id costs the read of the whole Goals id column, so a routine save reads no more.
 */
export function othersGoals(book: Book, ids: readonly string[], mine: readonly GoalRecord[]): Map<string, string> {
  const own = new Set(mine.map((g) => g.goal.id));
  const stray = ids.filter((id) => !own.has(id));
  if (!stray.length) return new Map();
  const { byId } = goalIndex(book);
  return new Map(stray.map((id) => [id, byId.get(id)?.client ?? '']));
}

/** Rewrites rows in place: consecutive rows share one write per column run; `before` (the row as read) is what a failed action restores. */
export function rewriteRows(tab: Tab, updates: readonly { row: number; values: Record<string, unknown>; before: Record<string, unknown> }[]): void {
  const sorted = [...updates].sort((a, b) => a.row - b.row);
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1].row === sorted[j].row + 1) j++;
    const run = sorted.slice(i, j + 1);
    overwriteRows(
      tab,
      sorted[i].row,
      run.map((u) => u.values),
      run.map((u) => u.before),
    );
    i = j + 1;
  }
}

// ---- Ratings ------------------------------------------------------------------------------

/** The latest GAS level and rating per goal of a client (by session number, then row order). */
export function latestRatings(book: Book, code: string): Map<string, { level: number | null; rating: number | null; session: number }> {
  const out = new Map<string, { level: number | null; rating: number | null; session: number }>();
  for (const { values: v } of clientRecords(book, book.tab(RATINGS), code)) {
    if (!isLive(v)) continue;
    const goal = cellText(v.goalId);
    const session = cellNumber(v.session) ?? 0;
    const prev = out.get(goal);
    if (!goal || (prev && prev.session > session)) continue;
    out.set(goal, { level: level(v.gasLevel, [-2, -1, 0, 1, 2]), rating: cellNumber(v.rating), session });
  }
  return out;
}

// ---- Priorities ------------------------------------------------------------------------------

export interface PriorityRecord {
  row: number;
  /** The row's cells as read: what an overwrite restores if the action fails. */
  raw: Record<string, unknown>;
  goalId: string;
  urgency: number;
  importance: number;
  readiness: number;
  tier: DbtTier | '';
  score: number;
  rank: number;
}

export function readPriorities(book: Book, code: string): PriorityRecord[] {
  return clientRecords(book, book.tab(PRIORITIES), code).map(({ row, values: v }) => ({
    row,
    raw: v,
    goalId: cellText(v.goalId),
    urgency: cellNumber(v.urgency) ?? 0,
    importance: cellNumber(v.importance) ?? 0,
    readiness: cellNumber(v.readiness) ?? 0,
    tier: oneOf(v.tier, [...DBT_TIERS, ''], ''),
    score: cellNumber(v.score) ?? 0,
    rank: cellNumber(v.rank) ?? 0,
  }));
}

export { RATINGS, SESSIONS, GOALS, PRIORITIES, CLIENTS };
