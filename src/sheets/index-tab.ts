// The hidden "Attain index" tab: live MATCH formulas giving every Attain column's position by header name, so an action learns all layouts in one read.
import { BUILT_IN_INSTRUMENTS } from '../core/instruments/registry';
import { FIXED_TABS, instrumentTab, type TabLayout } from './layout';
import { str } from './formulas';
import type { Tab } from './table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const INDEX_TAB = 'Attain index';

// Room for every possible layout (fixed tabs and all registry instruments) and its widest column list.
export const INDEX_ROWS = FIXED_TABS.length + BUILT_IN_INSTRUMENTS.length + 3;
export const INDEX_COLS = 1 + Math.max(...[...FIXED_TABS, ...BUILT_IN_INSTRUMENTS.map((d) => instrumentTab(d))].map((l) => l.columns.length)) + 2;

/** A sheet name as a formula reference: always quoted, inner quotes doubled. */
function sheetRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** One index row: the tab name, then per layout column the position of its header in row 1 (0 when absent). */
export function indexRow(layout: TabLayout): string[] {
  return [layout.name, ...layout.columns.map((c) => `=IFERROR(MATCH(${str(c.header)},${sheetRef(layout.name)}!$1:$1,0),0)`)];
}

/** Positions by tab name from the index's values; a row with a 0 or a non-number is left out (the caller reads that header instead). */
export function parseIndex(values: readonly (readonly unknown[])[], layouts: readonly TabLayout[]): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const row of values) {
    const name = String(row[0] ?? '');
    const layout = layouts.find((l) => l.name === name);
    if (!layout) continue;
    const cols = new Map<string, number>();
    let complete = true;
    layout.columns.forEach((c, i) => {
      const v = row[i + 1];
      if (typeof v === 'number' && Number.isInteger(v) && v > 0) cols.set(c.key, v);
      else complete = false;
    });
    if (complete) out.set(name, cols);
  }
  return out;
}

/**
 * Creates or refreshes the index for the tabs setup just made sure of. It is rewritten only when its values differ
 * from the positions setup read from the header rows, so a second setup writes nothing.
 */
export function ensureIndex(ss: Spreadsheet, sheets: Map<string, Sheet>, tabs: readonly Tab[]): boolean {
  let sheet = sheets.get(INDEX_TAB.toLowerCase());
  let fresh = false;
  if (!sheet) {
    sheet = ss.insertSheet(INDEX_TAB, sheets.size);
    sheets.set(INDEX_TAB.toLowerCase(), sheet);
    if (sheet.getMaxColumns() < INDEX_COLS) sheet.insertColumnsAfter(sheet.getMaxColumns(), INDEX_COLS - sheet.getMaxColumns());
    sheet.hideSheet();
    // Nobody should type here: a sheet-wide warning says so.
    sheet.protect().setDescription('Attain: index of column positions (do not edit)').setWarningOnly(true);
    fresh = true;
  }
  const rows: string[][] = tabs.map((t) => indexRow(t.layout));
  const block = rows.map((r) => [...r, ...new Array(INDEX_COLS - r.length).fill('')]);
  while (block.length < INDEX_ROWS) block.push(new Array(INDEX_COLS).fill(''));
  if (!fresh) {
    const current = sheet.getRange(1, 1, INDEX_ROWS, INDEX_COLS).getValues();
    const same = tabs.every((t, i) => current[i][0] === t.layout.name && t.layout.columns.every((c, j) => current[i][j + 1] === t.cols.get(c.key))) && current.slice(tabs.length).every((r) => r.every((v) => v === ''));
    if (same) return false;
  }
  sheet.getRange(1, 1, INDEX_ROWS, INDEX_COLS).setValues(block);
  return true;
}
