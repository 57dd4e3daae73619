// The plain data of an emulated spreadsheet: limits, the specs of formats, rules, charts and protections, a sheet's model, and the grid arithmetic that keeps them anchored when rows and columns move.

export const MAX_CELLS = 10_000_000;
export const MAX_CELL_CHARS = 50_000;
export const PROTECTED_MESSAGE = 'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

export interface DataValidationSpec {
  criteria: string;
  /** Criteria arguments; a Range argument is kept as a grid range, a Date as an instant. */
  args: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

export interface CellFmt {
  nf?: string;
  note?: string;
  bg?: string;
  fw?: string;
  fc?: string;
  wrap?: boolean;
  ha?: string;
  dv?: DataValidationSpec;
}

export interface GridRange {
  sheet: SheetModel;
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

export interface ConditionalFormatSpec {
  ranges: GridRange[];
  condition: { type: string; values: unknown[] } | null;
  gradient: { min: { color: string; type: string; value: string } | null; mid: { color: string; type: string; value: string } | null; max: { color: string; type: string; value: string } | null } | null;
  format: { background?: string | null; fontColor?: string | null; bold?: boolean | null; italic?: boolean | null; strikethrough?: boolean | null; underline?: boolean | null };
}

export interface ChartModel {
  chartId: number | null;
  type: string;
  ranges: GridRange[];
  options: Record<string, unknown>;
  position: { row: number; column: number; offsetX: number; offsetY: number };
  hiddenDimensionStrategy: string | null;
  mergeStrategy: string | null;
  numHeaders: number;
  transposeRowsAndColumns: boolean;
}

export interface ProtectionModel {
  type: 'RANGE' | 'SHEET';
  sheet: SheetModel;
  range: GridRange | null;
  description: string;
  editors: string[];
  domainEdit: boolean;
  warningOnly: boolean;
  unprotected: GridRange[];
  rangeName: string | null;
  removed: boolean;
}

export class SheetModel {
  maxRows = 1000;
  maxCols = 26;
  frozenRows = 0;
  frozenCols = 0;
  hidden = false;
  tabColor: string | null = null;
  colWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  hiddenRows = new Set<number>();
  hiddenCols = new Set<number>();
  /** Formats by row, then column (both 1-based). */
  fmt = new Map<number, Map<number, CellFmt>>();
  conditionalFormats: ConditionalFormatSpec[] = [];
  charts: ChartModel[] = [];
  protections: ProtectionModel[] = [];
  deleted = false;
  constructor(
    readonly sheetId: number,
    public name: string,
    readonly eid: number,
  ) {}
  /** This sheet, or the error Apps Script throws once it has been deleted. */
  live(): SheetModel {
    if (this.deleted) throw new Error(`The sheet ${this.name} has been deleted.`);
    return this;
  }
}

export function isGrid(v: unknown): v is GridRange {
  return !!v && typeof v === 'object' && (v as GridRange).sheet instanceof SheetModel && typeof (v as GridRange).numRows === 'number';
}

export function overlaps(g: GridRange, row: number, col: number, numRows: number, numCols: number): boolean {
  return g.row <= row + numRows - 1 && row <= g.row + g.numRows - 1 && g.col <= col + numCols - 1 && col <= g.col + g.numCols - 1;
}

export function contains(g: GridRange, row: number, col: number, numRows: number, numCols: number): boolean {
  return g.row <= row && row + numRows <= g.row + g.numRows && g.col <= col && col + numCols <= g.col + g.numCols;
}

/** New map with keys >= at moved up by n. */
export function shiftKeys<V>(m: Map<number, V>, at: number, n: number): Map<number, V> {
  const out = new Map<number, V>();
  for (const [k, v] of m) out.set(k >= at ? k + n : k, v);
  return out;
}

/** New map without keys in [first, first+n) and later keys moved down by n. */
export function dropKeys<V>(m: Map<number, V>, first: number, n: number): Map<number, V> {
  const out = new Map<number, V>();
  for (const [k, v] of m) {
    if (k >= first && k < first + n) continue;
    out.set(k >= first + n ? k - n : k, v);
  }
  return out;
}

/** A span [start, start+len) after deleting [first, first+n). */
export function cut(start: number, len: number, first: number, n: number): [number, number] {
  const end = start + len; // exclusive
  const delEnd = first + n;
  const keepBefore = Math.max(0, Math.min(end, first) - start);
  const keepAfter = Math.max(0, end - Math.max(start, delEnd));
  const newStart = start < first ? start : Math.max(first, start - n);
  return [newStart, keepBefore + keepAfter];
}
