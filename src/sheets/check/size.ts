// The spreadsheet's size against Google Sheets' limit of 10 million cells (every cell of every tab's grid, empty or not): a warning with what frees cells, before saves start failing.
import { columnLetters } from '../a1';
import type { TabBlock } from './block';
import type { Problem } from './problems';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** [doc: Google Drive file limits] A spreadsheet holds at most 10 million cells, counted over every tab's whole grid. */
export const SHEETS_CELL_LIMIT = 10_000_000;

/** Warn from half the limit: a five-year clinic's rows need about 4.6 million cells at Attain's widths, and appends then fail outright at the limit. */
export const CELL_WARNING = SHEETS_CELL_LIMIT / 2;

/** Empty columns right of an Attain tab's columns and its last used column: what deleting them frees. */
export interface SpareColumns {
  tab: string;
  sheet: Sheet;
  /** First empty column (1-based) and how many follow it to the grid's edge. */
  from: number;
  count: number;
  cells: number;
}

const thousands = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** Each tab's grid (two lookups per tab) and, for Attain's tabs, the empty columns at its right edge. */
export function measureSize(sheets: readonly Sheet[], blocks: readonly TabBlock[]): { cells: number; spare: SpareColumns[] } {
  const grid = new Map<Sheet, { rows: number; cols: number }>();
  let cells = 0;
  for (const s of sheets) {
    const g = { rows: s.getMaxRows(), cols: s.getMaxColumns() };
    grid.set(s, g);
    cells += g.rows * g.cols;
  }
  const spare: SpareColumns[] = [];
  for (const b of blocks) {
    const g = grid.get(b.sheet);
    if (!g) continue;
    // The block is the tab's used range (values or formulas), so columns past both it and Attain's own hold nothing.
    const used = Math.max(b.header.length, ...b.cols.values(), 0);
    if (g.cols > used) spare.push({ tab: b.layout.name, sheet: b.sheet, from: used + 1, count: g.cols - used, cells: (g.cols - used) * g.rows });
  }
  return { cells, spare };
}

/** The warning once the spreadsheet passes CELL_WARNING cells; none below it. */
export function sizeProblems(size: { cells: number; spare: readonly SpareColumns[] }): Problem[] {
  if (size.cells < CELL_WARNING) return [];
  const freed = size.spare.reduce((n, s) => n + s.cells, 0);
  const list = size.spare.map((s) => `${s.tab} ${columnLetters(s.from)}–${columnLetters(s.from + s.count - 1)} (${thousands(s.cells)} cells)`).join(', ');
  return [
    {
      area: 'layout',
      tab: '',
      where: 'whole spreadsheet',
      problem: `Expected the spreadsheet well below Google Sheets' limit of ${thousands(SHEETS_CELL_LIMIT)} cells (every cell of every tab counts, empty or not); it holds ${thousands(size.cells)}. At the limit, saving a session stops with "above the limit of 10000000 cells".`,
      fix: freed
        ? `Repair deletes the empty columns right of Attain's columns, freeing ${thousands(freed)} cells: ${list} (they hold no values or formulas; a format or note there goes with them). Beyond that, keep older years in a copy of this spreadsheet and delete their rows here.`
        : 'Keep older years in a copy of this spreadsheet (File ▸ Make a copy) and delete their rows here, or delete empty rows and columns of your own tabs.',
      ...(freed ? { repair: 'trim' as const } : {}),
    },
  ];
}
