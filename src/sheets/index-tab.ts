// The hidden "Attain index" tab: per tab its last used row and every Attain column's position by header name, and a copy of Settings, all live formulas, so an action learns every layout, where to append and its settings in one read.
import { BUILT_IN_INSTRUMENTS } from '../core/instruments/registry';
import type { TabLayout } from './columns';
import { FIXED_TABS, instrumentTab, SETTINGS } from './layout';
import { columnLetters, columnNumber, sheetRef, str } from './formulas';
import type { Tab } from './table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const INDEX_TAB = 'Attain index';

// Per row: tab name, last used row, the width that formula covers, then one position per layout column.
const POSITIONS_AT = 3;

// Room for every possible layout (fixed tabs and all registry instruments) and its widest column list.
export const INDEX_ROWS = 1 + FIXED_TABS.length + BUILT_IN_INSTRUMENTS.length + 3;
export const INDEX_COLS = POSITIONS_AT + Math.max(...[...FIXED_TABS, ...BUILT_IN_INSTRUMENTS.map((d) => instrumentTab(d))].map((l) => l.columns.length)) + 2;

/** What one index row tells an action about a tab. */
export interface IndexedTab {
  cols: Map<string, number>;
  /** The last row with anything in columns A…covered width (1 = header only), as getLastRow would give for those columns. */
  lastRow: number | null;
}

/**
 * The last row with any content in columns 1…width: the highest row whose cells, joined, are not empty. A row typed by hand
 * with a blank client cell still counts, so an append never lands on it (the reason a COUNTA would not do).
 */
export function lastRowFormula(name: string, width: number): string {
  const ref = sheetRef(name);
  const cells = Array.from({ length: Math.max(1, width) }, (_, i) => `${ref}!$${columnLetters(i + 1)}:$${columnLetters(i + 1)}`).join('&');
  return `=ARRAYFORMULA(MAX(IF(LEN(${cells}),ROW(${ref}!$A:$A),0)))`;
}

/**
 * The width an index row's last-row formula covers: column A to the last Attain column, so every cell an append writes is
 * covered (user columns beyond ours are never written, so a row with data only there cannot be overwritten).
 */
export function coveredWidth(tab: Pick<Tab, 'cols'>): number {
  return Math.max(...tab.cols.values());
}

/**
 * Where a header is in row 1 of a tab, 0 when absent or when it is there more than once (a clinic's column of the same name):
 * the action then reads and verifies the header row itself and refuses, rather than write into whichever column comes first.
 */
export function positionFormula(name: string, header: string): string {
  const row1 = `${sheetRef(name)}!$1:$1`;
  return `=IF(COUNTIF(${row1},${str(header)})>1,0,IFERROR(MATCH(${str(header)},${row1},0),0))`;
}

/**
 * Whether an index row's position cells still look in row 1 and refuse doubled headers (the formulas positionFormula writes).
 * A row inserted above the header moves their references to row 2 (Sheets adjusts them), where they would keep finding the
 * header while actions read and write from row 2: such a row, or one written before doubled headers were refused, is not used.
 */
export function positionsOnRowOne(formulas: readonly unknown[], columns: number): boolean {
  return Array.from({ length: columns }, (_, i) => formulas[i + POSITIONS_AT]).every((f) => typeof f === 'string' && /!\$1:\$1\b/.test(f) && !/!\$(?!1:)\d+:\$\d+/.test(f) && /COUNTIF\(/i.test(f));
}

/** One index row: the tab name, its last used row, the width that covers, then per layout column the position of its header in row 1 (0 when absent). */
export function indexRow(layout: TabLayout, width: number): (string | number)[] {
  return [layout.name, lastRowFormula(layout.name, width), width, ...layout.columns.map((c) => positionFormula(layout.name, c.header))];
}

// ---- The Settings mirror: Settings' cells shown on the index, so an action reads its settings with the index (one read less) ----

/** The Settings rows the mirror shows (header included): more than setup writes for every registry instrument, with room for a clinic's. */
export const MIRROR_HEIGHT = 100;

/** The mirror's column on row 1: right of every index row's cells, one blank column apart. */
export const MIRROR_COL = INDEX_COLS + 2;

/** Settings rows 1…MIRROR_HEIGHT, columns A…width, each cell as it is ("" for a blank, so a blank never reads as 0 in any engine). */
export function settingsMirrorFormula(width: number): string {
  const block = `${sheetRef(SETTINGS.name)}!$A$1:$${columnLetters(Math.max(1, width))}$${MIRROR_HEIGHT}`;
  return `=ARRAYFORMULA(IF(${block}="","",${block}))`;
}

/** What a live mirror covers, read from its formula (Sheets moves its references when rows or columns are inserted in Settings). */
export function mirrorExtent(formula: unknown): { width: number; height: number } | null {
  if (typeof formula !== 'string') return null;
  // Only this shape counts: both references on Settings (quoted or not), from its cell A1; a row or column inserted above or left
  // of A1, a renamed or deleted Settings (#REF!) or a value pasted over it is not a mirror, and the action reads Settings itself.
  const m = /^=ARRAYFORMULA\(IF\((?:'Settings'|Settings)!\$A\$1:\$([A-Z]+)\$(\d+)="","",(?:'Settings'|Settings)!\$A\$1:\$\1\$\2\)\)$/i.exec(formula.replace(/\s+/g, ''));
  return m ? { width: columnNumber(m[1].toUpperCase()), height: Number(m[2]) } : null;
}

/**
 * Settings as the index mirrors them: its rows 1…height (row 0 the header), or null when row 1 of the index holds no live
 * mirror, or one whose spill is blocked by typed cells (its cell shows an error instead of Settings' A1).
 */
export function parseSettingsMirror(values: readonly (readonly unknown[])[], formulas: readonly (readonly unknown[])[]): unknown[][] | null {
  const extents = (formulas[0] ?? []).map(mirrorExtent);
  const at = extents.findIndex((e) => e !== null);
  if (at < 0 || /^#/.test(String(values[0]?.[at] ?? ''))) return null;
  const { width, height } = extents[at]!;
  return Array.from({ length: height }, (_, r) => Array.from({ length: width }, (_, c) => values[r]?.[at + c] ?? ''));
}

/** Row 1 of the index: the marker tells this layout (last row, width, positions) from the first one (positions only), which is read as no index. */
export const INDEX_HEADER = ['Attain index v2', 'Last row', 'Width covered', 'Column positions by header →'] as const;

/** The sheets a formula refers to (`'Name'!` or `Name!`), unquoted and in lower case. */
export function referencedSheets(formula: string): string[] {
  const out: string[] = [];
  const re = /(?:'((?:[^']|'')+)'|([A-Za-z0-9_.\u00C0-\uFFFF]+))!/g;
  for (let m = re.exec(formula); m; m = re.exec(formula)) out.push((m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]).toLowerCase());
  return out;
}

/**
 * Whether an index row's cells are still the live formulas setup wrote for tab `name`: the last-row cell and every position
 * cell a formula that refers to that tab and no other. A row pasted as values, or whose references followed a renamed tab
 * (Sheets rewrites references on rename), or that points at a deleted tab (`#REF!`), is not live: its numbers describe
 * some other sheet, or no sheet, and must not place an append.
 */
export function isLiveRow(formulas: readonly unknown[], name: string, columns: number): boolean {
  const want = name.toLowerCase();
  const cells = [formulas[1], ...Array.from({ length: columns }, (_, i) => formulas[i + POSITIONS_AT])];
  return cells.every((f) => {
    if (typeof f !== 'string' || !f.startsWith('=') || /#REF!/i.test(f)) return false;
    const refs = referencedSheets(f);
    return refs.length > 0 && refs.every((r) => r === want);
  });
}

/**
 * Positions and last rows by tab name from the index's values (row 1 its header). A row with a 0 or a non-number position is
 * left out (the caller reads that header instead); a last row that is not a whole number ≥ 1 reads as unknown (the caller asks
 * the sheet). An index without this version's header is ignored whole, so an old layout is never misread. With the index's
 * formulas (the same block), a row that is no longer live for its tab (`isLiveRow`: pasted as values, renamed, deleted) is
 * left out too, so the caller reads that tab's header and last row itself.
 */
export function parseIndex(values: readonly (readonly unknown[])[], layouts: readonly TabLayout[], formulas?: readonly (readonly unknown[])[]): Map<string, IndexedTab> {
  const out = new Map<string, IndexedTab>();
  if (values[0]?.[0] !== INDEX_HEADER[0]) return out;
  for (const [i, row] of values.slice(1).entries()) {
    const name = String(row[0] ?? '');
    const layout = layouts.find((l) => l.name === name);
    if (!layout) continue;
    if (formulas && !isLiveRow(formulas[i + 1] ?? [], name, layout.columns.length)) continue;
    if (formulas && !positionsOnRowOne(formulas[i + 1] ?? [], layout.columns.length)) continue;
    const cols = new Map<string, number>();
    let complete = true;
    layout.columns.forEach((c, i) => {
      const v = row[i + POSITIONS_AT];
      if (typeof v === 'number' && Number.isInteger(v) && v > 0) cols.set(c.key, v);
      // A column a later layout added (optional) may be absent until setup adds it; the tab is still usable without it.
      else if (!c.optional) complete = false;
    });
    const last = row[1];
    // A last row counted over fewer columns than Attain's now span (a column moved right since setup) could miss a row typed
    // only there: unknown, so the caller asks the sheet.
    const covers = typeof row[2] === 'number' && complete && row[2] >= Math.max(...cols.values());
    if (complete) out.set(name, { cols, lastRow: covers && typeof last === 'number' && Number.isInteger(last) && last >= 1 ? last : null });
  }
  return out;
}

/**
 * Creates or refreshes the index for the tabs setup just made sure of. It is rewritten only when its values differ from what
 * setup read from the header rows (positions, covered width, a working last-row formula), so a second setup writes nothing.
 */
export function ensureIndex(ss: Spreadsheet, sheets: Map<string, Sheet>, tabs: readonly Tab[]): boolean {
  let sheet = sheets.get(INDEX_TAB.toLowerCase());
  let fresh = false;
  if (!sheet) {
    sheet = ss.insertSheet(INDEX_TAB, sheets.size);
    sheets.set(INDEX_TAB.toLowerCase(), sheet);
    sheet.hideSheet();
    // Nobody should type here: a sheet-wide warning says so.
    sheet.protect().setDescription('Attain: index of column positions (do not edit)').setWarningOnly(true);
    fresh = true;
  }
  const settings = tabs.find((t) => t.layout.name === SETTINGS.name);
  const mirror = settings ? settingsMirrorFormula(coveredWidth(settings)) : '';
  const width = MIRROR_COL + (settings ? coveredWidth(settings) : 1) - 1;
  // An index from an older layout may be narrower than this one; the mirror's spill needs its columns too.
  const maxCols = sheet.getMaxColumns();
  if (maxCols < width) sheet.insertColumnsAfter(maxCols, width - maxCols);
  const rows = tabs.map((t) => indexRow(t.layout, coveredWidth(t)));
  const block: (string | number)[][] = [[...INDEX_HEADER], ...rows].map((r) => [...r, ...new Array(INDEX_COLS - r.length).fill('')]);
  while (block.length < INDEX_ROWS) block.push(new Array(INDEX_COLS).fill(''));
  // Row 1 ends with the Settings mirror; the column between stays blank (rows below it in that column are the mirror's spill).
  block.forEach((r, i) => r.push('', i === 0 ? mirror : ''));
  if (!fresh) {
    const range = sheet.getRange(1, 1, INDEX_ROWS, MIRROR_COL);
    const current = range.getValues();
    // Values alone can look right while describing another sheet (references that followed a renamed tab) or no live sheet
    // at all (the index pasted as values), so the formulas are checked too.
    const formulas = range.getFormulas();
    const same =
      INDEX_HEADER.every((h, j) => current[0][j] === h) &&
      tabs.every((t, i) => {
        const r = current[i + 1];
        return (
          r[0] === t.layout.name &&
          typeof r[1] === 'number' &&
          r[2] === rows[i][2] &&
          // A blocked spill's header shows an error, so its position reads 0 until the cells blocking it are cleared.
          t.layout.columns.every((c, j) => r[j + POSITIONS_AT] === (t.blockedSpills?.has(c.key) ? 0 : t.cols.get(c.key))) &&
          isLiveRow(formulas[i + 1], t.layout.name, t.layout.columns.length) &&
          // An index written before positions refused doubled headers is brought up to date.
          positionsOnRowOne(formulas[i + 1], t.layout.columns.length)
        );
      }) &&
      current.slice(tabs.length + 1).every((r) => r.slice(0, INDEX_COLS).every((v) => v === '')) &&
      // The mirror: the formula setup writes, and its spill not blocked.
      current.every((r) => r[MIRROR_COL - 2] === '') &&
      sameMirror(formulas[0][MIRROR_COL - 1], mirror) &&
      (!mirror || parseSettingsMirror(current, formulas) !== null);
    if (same) return false;
  }
  // The mirror spills down MIRROR_HEIGHT rows: a new tab has 1,000; rows deleted from an old one are put back.
  const maxRows = fresh ? MIRROR_HEIGHT : sheet.getMaxRows();
  if (maxRows < MIRROR_HEIGHT) sheet.insertRowsAfter(maxRows, MIRROR_HEIGHT - maxRows);
  sheet.getRange(1, 1, INDEX_ROWS, MIRROR_COL).setValues(block);
  return true;
}

/** Whether a mirror cell holds the formula setup would write (Sheets may drop the quotes of a plain name). */
function sameMirror(formula: unknown, wanted: string): boolean {
  if (!wanted) return formula === '' || formula === undefined;
  const a = mirrorExtent(formula);
  const b = mirrorExtent(wanted);
  return a !== null && b !== null && a.width === b.width && a.height === b.height;
}
