// Batched tab I/O mapped by header name: open a tab (one header read), read chosen columns in one block, append or rewrite rows with one setValues per column run.
import { columnFormat, TEXT_FORMAT, type ColumnSpec, type RowRefs, type TabLayout } from './columns';
import { columnLetters } from './formulas';
import { rowsText, type Journal } from './journal';
import { needsFormulaGuard, safeText } from './values';
import { dataValidation } from './validation';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface Tab {
  layout: TabLayout;
  sheet: Sheet;
  /** Layout key → 1-based column, from the header row as it is now (user-moved columns included). */
  cols: Map<string, number>;
  /** Layout columns whose header is not in the sheet (setup appends them). */
  missing: ColumnSpec[];
  /** Number of header cells read (the sheet's width). */
  width: number;
  /** The last used row when known: from the index's live formula, then kept current by this execution's appends. */
  lastRow?: number;
  /** The action's journal (from its Book): appends and overwrites record how to undo themselves before they write. */
  journal?: Journal;
  /** Spill columns found by their header formula while blocked (row 1 shows an error, so the index's MATCH cannot see them yet). */
  blockedSpills?: ReadonlySet<string>;
}

/** Thrown when a tab or one of its columns is missing: the message tells the user what to run. */
export class LayoutError extends Error {}

/** Header text → 1-based column (the first of two equal headers; verifiedTab refuses a row 1 with an Attain name twice before binding). */
export function headerMap(header: readonly unknown[]): Map<string, number> {
  const m = new Map<string, number>();
  header.forEach((h, i) => {
    const k = String(h ?? '').trim().toLowerCase();
    if (k !== '' && !m.has(k)) m.set(k, i + 1);
  });
  return m;
}

/** The error texts Sheets shows in a cell (getValues gives them as strings). */
const ERROR_TEXT = /^#(REF!|N\/A|NAME\?|VALUE!|DIV\/0!|NUM!|ERROR!|NULL!)$/;
export const isErrorText = (v: unknown): boolean => typeof v === 'string' && ERROR_TEXT.test(v);

/**
 * Row 1 with each spill column's header put back where its formula sits but its value is an error (a spill blocked by a typed
 * cell shows #REF!, not the header), so binding finds the column instead of taking it for missing. A cell counts when its
 * formula holds the header as a "…" literal (every spill formula writes its own header that way). `blocked` lists those columns.
 */
export function spillHeaders(layout: TabLayout, header: readonly unknown[], formulas: readonly unknown[]): { header: unknown[]; blocked: { col: ColumnSpec; at: number }[] } {
  const out = [...header];
  const blocked: { col: ColumnSpec; at: number }[] = [];
  const have = headerMap(header);
  for (const c of layout.columns) {
    if (!c.spill || have.has(c.header.toLowerCase())) continue;
    const literal = `"${c.header.toLowerCase()}"`;
    const i = header.findIndex((v, j) => isErrorText(v) && typeof formulas[j] === 'string' && (formulas[j] as string).toLowerCase().includes(literal));
    if (i < 0) continue;
    out[i] = c.header;
    blocked.push({ col: c, at: i + 1 });
  }
  return { header: out, blocked };
}

/** Binds a layout to a sheet's actual header row. */
export function bindTab(layout: TabLayout, sheet: Sheet, header: readonly unknown[]): Tab {
  const byHeader = headerMap(header);
  const cols = new Map<string, number>();
  const missing: ColumnSpec[] = [];
  for (const c of layout.columns) {
    const at = byHeader.get(c.header.toLowerCase());
    if (at === undefined) missing.push(c);
    else cols.set(c.key, at);
  }
  return { layout, sheet, cols, missing, width: header.length };
}

/** How far down a header that moved (a title or blank row inserted above it) is looked for; read only when row 1 is not Attain's. */
export const HEADER_SEARCH_ROWS = 10;

const headerText = (v: unknown): string => String(v ?? '').trim().toLowerCase();

/** What row 1 says about a layout: its headers found once, twice or more, and missing. */
interface HeaderCheck {
  /** Layout headers that appear in more than one column, with their 1-based columns. */
  duplicates: { header: string; at: number[] }[];
  missing: ColumnSpec[];
  /** Row 1 is Attain's header: its first column's header is there, and most of its headers (the rest are appended by setup). */
  attain: boolean;
}

function checkHeader(layout: TabLayout, header: readonly unknown[]): HeaderCheck {
  const at = new Map<string, number[]>();
  header.forEach((h, i) => {
    const k = headerText(h);
    if (k !== '') at.set(k, [...(at.get(k) ?? []), i + 1]);
  });
  const duplicates: HeaderCheck['duplicates'] = [];
  const missing: ColumnSpec[] = [];
  for (const c of layout.columns) {
    const where = at.get(c.header.toLowerCase());
    if (!where) missing.push(c);
    else if (where.length > 1) duplicates.push({ header: c.header, at: where });
  }
  const present = layout.columns.length - missing.length;
  const attain = at.has(layout.columns[0].header.toLowerCase()) && present * 2 > layout.columns.length;
  return { duplicates, missing, attain };
}

const AGAIN = 'then run Extensions ▸ Attain ▸ Set up this spreadsheet again';

/**
 * Binds a layout to an existing sheet only when row 1 is Attain's header: its first column's header and most of the others
 * there, none of them twice. Otherwise a LayoutError names the tab, the row and the fix, before anything is written:
 * a header found lower down (a title or blank row inserted above it), an Attain header name in two columns, or a row 1 that
 * is not Attain's (a clinic's own tab of the same name, or a deleted header row). Reading rows below row 1 happens only then.
 * With `allowEmpty`, a tab with nothing in it binds with every column missing (setup writes the header into it).
 */
export function verifiedTab(layout: TabLayout, sheet: Sheet, header: readonly unknown[], allowEmpty = false): Tab {
  const name = layout.name;
  const check = checkHeader(layout, header);
  if (check.duplicates.length) {
    const d = check.duplicates[0];
    throw new LayoutError(
      `The "${name}" tab's header (row 1) has "${d.header}" in ${d.at.length} columns (${d.at.map(columnLetters).join(', ')}), so Attain cannot tell which is its own; nothing was written. Rename the clinic's copy (for example "${d.header} (clinic)"), ${AGAIN}.`,
    );
  }
  if (check.attain) return bindTab(layout, sheet, header);
  const last = sheet.getLastRow();
  if (last === 0 && allowEmpty) return bindTab(layout, sheet, []);
  const rows = Math.min(HEADER_SEARCH_ROWS, Math.max(last, 1));
  const width = Math.max(1, sheet.getLastColumn());
  const block = rows > 1 ? sheet.getRange(1, 1, rows, width).getValues() : [];
  for (let r = 2; r <= block.length; r++) {
    if (!checkHeader(layout, block[r - 1]).attain) continue;
    const n = r - 1;
    throw new LayoutError(
      `The "${name}" tab's header is in row ${r}, not row 1; nothing was written. Delete the ${n === 1 ? 'row' : `${n} rows`} above it (a title can go in the tab's name or a note), ${AGAIN}.`,
    );
  }
  throw new LayoutError(
    `The "${name}" tab's row 1 is not Attain's header (Attain expects "${layout.columns[0].header}", "${layout.columns[1]?.header ?? ''}" …); nothing was written. If "${name}" is the clinic's own tab, rename it (for example "${name} (clinic)") and run Set up again: Attain will make its own "${name}" tab. If Attain's header row was deleted or retyped, restore it (Edit ▸ Undo, or File ▸ Version history), ${AGAIN}.`,
  );
}

/** Reads the header row (one call) of an existing sheet. */
export function readHeader(sheet: Sheet): unknown[] {
  return sheet.getRange('1:1').getValues()[0];
}

/** The tab for a layout, or a LayoutError naming what is missing: a tab that is not there, or columns whose header is gone. */
export function openTab(ss: Spreadsheet, layout: TabLayout, found?: Sheet | null): Tab {
  const sheet = found === undefined ? ss.getSheetByName(layout.name) : found;
  if (!sheet) throw new LayoutError(`Expected a tab named "${layout.name}"; there is none. Run Extensions ▸ Attain ▸ Set up this spreadsheet.`);
  const tab = verifiedTab(layout, sheet, readHeader(sheet));
  const missing = tab.missing.filter((c) => !c.optional);
  if (missing.length) {
    throw new LayoutError(`Expected the column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c.header}"`).join(', ')} in the "${layout.name}" tab; the header row has none. Run Extensions ▸ Attain ▸ Set up this spreadsheet.`);
  }
  return tab;
}

/** Every sheet by lower-case name, from one getSheets call (keeps lookups bounded whatever the number of tabs touched). */
export function sheetsByName(ss: Spreadsheet): Map<string, Sheet> {
  const m = new Map<string, Sheet>();
  for (const s of ss.getSheets()) m.set(s.getName().toLowerCase(), s);
  return m;
}

export function col(tab: Tab, key: string): number {
  const c = tab.cols.get(key);
  if (c === undefined) throw new LayoutError(`Expected a "${key}" column in the "${tab.layout.name}" tab; found none`);
  return c;
}

/** The tab's last used row: the index's figure (or this execution's own count) when known, else one getLastRow. */
export function lastRowOf(tab: Tab): number {
  if (tab.lastRow === undefined) tab.lastRow = tab.sheet.getLastRow();
  return tab.lastRow;
}

/**
 * Reads some columns for rows 2…lastRow in one getValues over the span they cover; without `lastRow` the read runs to the
 * sheet's end (an open-ended A1 range such as "A2:C"), which saves the getLastRow call when only the values matter.
 * Returns one array per requested key (row i of each array is sheet row i + 2).
 */
export function readColumns(tab: Tab, keys: readonly string[], lastRow?: number): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  if (lastRow !== undefined && lastRow < 2) {
    for (const k of keys) out[k] = [];
    return out;
  }
  const at = keys.map((k) => col(tab, k));
  const first = Math.min(...at);
  const last = Math.max(...at);
  const range = lastRow === undefined ? tab.sheet.getRange(`${columnLetters(first)}2:${columnLetters(last)}`) : tab.sheet.getRange(2, first, lastRow - 1, last - first + 1);
  const block = range.getValues();
  let n = block.length;
  if (lastRow === undefined) while (n > 0 && block[n - 1].every((v) => v === '' || v === null)) n--;
  keys.forEach((k, i) => (out[k] = block.slice(0, n).map((r) => r[at[i] - first])));
  return out;
}

/** Reads every layout column for a block of rows in one call: row objects keyed by layout key. */
export function readRows(tab: Tab, firstRow: number, lastRow: number): Record<string, unknown>[] {
  if (lastRow < firstRow) return [];
  // A spill column's cells belong to its header formula, not to the row: not read.
  const cols = [...tab.cols].filter(([k]) => !tab.layout.columns.find((c) => c.key === k)?.spill);
  const at = cols.map(([, c]) => c);
  const first = Math.min(...at);
  const last = Math.max(...at);
  const block = tab.sheet.getRange(firstRow, first, lastRow - firstRow + 1, last - first + 1).getValues();
  return block.map((r) => {
    const o: Record<string, unknown> = {};
    for (const [k, c] of cols) o[k] = r[c - first];
    return o;
  });
}

/** Where each layout column of a tab sits, for the formula of one row. */
export function refsFor(tab: Tab, row: number): RowRefs {
  return {
    row,
    col: (key) => columnLetters(col(tab, key)),
    cell: (key) => `${columnLetters(col(tab, key))}${row}`,
    has: (key) => tab.cols.has(key),
  };
}

/** One cell as written: formulas from the layout, user text neutralised so it can never become a formula (`plainText`: the cell is "@"). */
function cellValue(c: ColumnSpec, tab: Tab, row: number, values: Record<string, unknown>, plainText: boolean): unknown {
  if (c.formula) return c.formula(refsFor(tab, row));
  const v = values[c.key];
  if (v === undefined || v === null) return '';
  if (typeof v === 'string' && c.kind !== 'number') return safeText(v, plainText);
  return v;
}

/** True when some user text in the run starts like a formula (or with an apostrophe), so its cells' formats decide how it is written. */
function runNeedsFormats(run: readonly ColumnSpec[], rows: readonly Record<string, unknown>[]): boolean {
  return rows.some((values) => run.some((c) => !c.formula && c.kind !== 'number' && typeof values[c.key] === 'string' && needsFormulaGuard(values[c.key] as string)));
}

/** Layout columns grouped into runs of adjacent sheet columns (usually one run; more when the user put columns between ours). */
function columnRuns(tab: Tab): ColumnSpec[][] {
  return adjacentRuns(
    tab,
    tab.layout.columns.filter((c) => tab.cols.has(c.key) && !c.spill),
  );
}

/**
 * Overwrites rows in place (one setValues per column run), first recording in the action's journal how to put back `before`:
 * the same rows as the action read them (layout key → cell), so a failed action restores them.
 */
export function overwriteRows(tab: Tab, firstRow: number, rows: readonly Record<string, unknown>[], before: readonly Record<string, unknown>[]): void {
  if (rows.length === 0) return;
  if (before.length !== rows.length) throw new Error(`Expected the ${rows.length} row(s) being overwritten as read before; got ${before.length}`);
  tab.journal?.record({ what: rowsText(tab.layout.name, firstRow, rows.length), undo: () => writeRows(tab, firstRow, before) });
  writeRows(tab, firstRow, rows);
}

/** Empties the layout's cells of some rows (one clearContent per column run); columns the user added between ours are left alone. */
function clearRows(tab: Tab, firstRow: number, numRows: number): void {
  for (const run of columnRuns(tab)) tab.sheet.getRange(firstRow, col(tab, run[0].key), numRows, run.length).clearContent();
}

/** Writes rows starting at `firstRow`: one setValues per column run; columns the user added between ours are left alone. */
export function writeRows(tab: Tab, firstRow: number, rows: readonly Record<string, unknown>[]): void {
  if (rows.length === 0) return;
  for (const run of columnRuns(tab)) {
    const range = tab.sheet.getRange(firstRow, col(tab, run[0].key), rows.length, run.length);
    // A plain-text cell may store an apostrophe, any other cell needs one: only text that starts like a formula costs this read.
    const formats = runNeedsFormats(run, rows) ? range.getNumberFormats() : null;
    const data = rows.map((values, i) => run.map((c, j) => cellValue(c, tab, firstRow + i, values, formats !== null && formats[i][j] === TEXT_FORMAT)));
    range.setValues(data);
  }
}

/** Rows per growth step: inserting rows is a structure change, so grow in blocks rather than per action. */
export const GROW_BY = 500;

/**
 * Appends rows after the tab's last row (known from the index, else one getLastRow) with one setValues per column run.
 * A sheet that is full grows by a block with the layout's formats and validations. Returns the first new row.
 */
export function appendRows(tab: Tab, rows: readonly Record<string, unknown>[], lastRow?: number): number {
  const last = lastRow ?? lastRowOf(tab);
  const first = Math.max(2, last + 1);
  if (rows.length === 0) return first;
  // Recorded before writing, so a write that fails half-way is cleared too: the rows were empty (below the last used row).
  tab.journal?.record({
    what: rowsText(tab.layout.name, first, rows.length),
    undo: () => {
      clearRows(tab, first, rows.length);
      tab.lastRow = last;
    },
  });
  // Later appends in this execution go below these rows without asking the sheet again.
  tab.lastRow = first + rows.length - 1;
  try {
    writeRows(tab, first, rows);
  } catch (e) {
    // Only a full sheet is handled here: grow it, then write once more.
    if (!/outside the dimensions|out of bounds/i.test(String((e as Error).message))) throw e;
    const maxRows = tab.sheet.getMaxRows();
    const need = first + rows.length - 1 - maxRows;
    if (need <= 0) throw e;
    const add = Math.max(need, GROW_BY);
    tab.sheet.insertRowsAfter(maxRows, add);
    formatBlock(tab, maxRows + 1, add);
    writeRows(tab, first, rows);
  }
  return first;
}

/** Contiguous runs of sheet columns among `cols` (sorted by position). */
function adjacentRuns(tab: Tab, cols: readonly ColumnSpec[]): ColumnSpec[][] {
  const runs: ColumnSpec[][] = [];
  for (const c of [...cols].sort((a, b) => col(tab, a.key) - col(tab, b.key))) {
    const run = runs[runs.length - 1];
    if (run && col(tab, run[run.length - 1].key) + 1 === col(tab, c.key)) run.push(c);
    else runs.push([c]);
  }
  return runs;
}

/** Number formats and validations of the layout on a block of rows (new tab, migrated column, grown sheet); one call per run. */
export function formatBlock(tab: Tab, firstRow: number, numRows: number, only?: ReadonlySet<string>): void {
  if (numRows < 1) return;
  const placed = tab.layout.columns.filter((c) => tab.cols.has(c.key) && !c.spill && (!only || only.has(c.key)));
  for (const run of adjacentRuns(tab, placed.filter((c) => columnFormat(c) !== null))) {
    const formats = run.map((c) => columnFormat(c) as string);
    tab.sheet.getRange(firstRow, col(tab, run[0].key), numRows, run.length).setNumberFormats(Array.from({ length: numRows }, () => formats));
  }
  // One rule per constrained column (setDataValidation over the column's block).
  for (const c of placed) {
    if (c.validation) tab.sheet.getRange(firstRow, col(tab, c.key), numRows, 1).setDataValidation(dataValidation(c.validation, c.note));
  }
}
