// One tab read for "Check this spreadsheet": its used block's values and formulas (row 1 the header) and the data rows' validations, three reads per tab whatever its size, bound to a layout by header name.
import type { ColumnSpec, RowRefs, TabLayout } from '../columns';
import { columnLetters } from '../a1';
import { headerMap, spillHeaders } from '../table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Rule = GoogleAppsScript.Spreadsheet.DataValidation;

export interface TabBlock {
  layout: TabLayout;
  sheet: Sheet;
  /** Row 1 as read. */
  header: unknown[];
  /** Row 1's formulas ('' where a cell has none). */
  headerFormulas: string[];
  /** Spill columns found by their header formula while row 1 shows an error there (a typed cell below blocks the spill). */
  blockedSpills: Set<string>;
  /** Rows 2 … the last used row (index i is sheet row i + 2), every used column. */
  values: unknown[][];
  formulas: string[][];
  /** Data validations of the same rows (null where a cell has none). */
  rules: (Rule | null)[][];
  /** Layout key → 1-based column, from row 1 as it is now (the first of equal headers). */
  cols: Map<string, number>;
  /** Layout columns whose header is not in row 1. */
  missing: ColumnSpec[];
  /** Attain headers found in more than one column. */
  doubled: { header: string; at: number[] }[];
}

/** Reads a tab's used block (values, formulas, validations) and binds the layout's columns by header. */
export function readBlock(sheet: Sheet, layout: TabLayout): TabBlock {
  const range = sheet.getDataRange();
  const all = range.getValues();
  const formulas = range.getFormulas();
  const header = all[0] ?? [];
  const width = header.length;
  const rows = all.length - 1;
  const rules = rows > 0 && width > 0 ? sheet.getRange(2, 1, rows, width).getDataValidations() : [];
  // A blocked spill's header cell shows an error, yet it is that column: bound by its formula, not reported missing.
  const spills = spillHeaders(layout, header, formulas[0] ?? []);
  const at = new Map<string, number[]>();
  spills.header.forEach((h, i) => {
    const k = String(h ?? '').trim().toLowerCase();
    if (k) at.set(k, [...(at.get(k) ?? []), i + 1]);
  });
  const byHeader = headerMap(spills.header);
  const cols = new Map<string, number>();
  const missing: ColumnSpec[] = [];
  const doubled: TabBlock['doubled'] = [];
  for (const c of layout.columns) {
    const k = c.header.toLowerCase();
    const where = at.get(k);
    if (!where) missing.push(c);
    else {
      cols.set(c.key, byHeader.get(k) as number);
      if (where.length > 1) doubled.push({ header: c.header, at: where });
    }
  }
  return { layout, sheet, header, headerFormulas: formulas[0] ?? [], blockedSpills: new Set(spills.blocked.map((b) => b.col.key)), values: all.slice(1), formulas: formulas.slice(1), rules, cols, missing, doubled };
}

/** The cell references a computed column's formula is built from, for one sheet row, from the block's positions. */
export function refsOf(block: Pick<TabBlock, 'cols' | 'layout'>, row: number): RowRefs {
  const letters = (key: string) => {
    const c = block.cols.get(key);
    if (c === undefined) throw new Error(`Expected a "${key}" column in the "${block.layout.name}" tab`);
    return columnLetters(c);
  };
  return { row, col: letters, cell: (key) => `${letters(key)}${row}`, has: (key) => block.cols.has(key) };
}

/** A cell of a block by layout key and index (row i is sheet row i + 2); undefined when the column is absent. */
export function cellOf(block: Pick<TabBlock, 'cols' | 'values'>, i: number, key: string): unknown {
  const c = block.cols.get(key);
  return c === undefined ? undefined : block.values[i]?.[c - 1];
}

export const isBlankCell = (v: unknown): boolean => v === '' || v === null || v === undefined;

/** Indexes of rows holding data: any Attain input column (not computed) non-blank. A row with only formulas is not data. */
export function dataRows(block: TabBlock): number[] {
  const inputs = block.layout.columns.filter((c) => !c.formula && !c.spill && block.cols.has(c.key)).map((c) => (block.cols.get(c.key) as number) - 1);
  const out: number[] = [];
  block.values.forEach((r, i) => {
    if (inputs.some((c) => !isBlankCell(r[c]))) out.push(i);
  });
  return out;
}
