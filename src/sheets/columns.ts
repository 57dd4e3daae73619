// Column and tab types shared by every tab layout (a column's key, header, note, value kind, validation, format, width, formula), the number formats columns get, and the client-code column every per-client tab starts with.

export type Validation =
  | { kind: 'list'; values: readonly string[] }
  | { kind: 'number'; min: number; max: number }
  | { kind: 'checkbox' }
  | { kind: 'date' };

/** How a column's values are stored: text columns are plain text ("@") so a code like 0142 stays text; 'any' (Settings values) keeps what is written. */
export type ValueKind = 'text' | 'number' | 'date' | 'datetime' | 'bool' | 'formula' | 'any';

/** Where each column of the row being written sits: letters by key, from the tab's actual header row. */
export interface RowRefs {
  row: number;
  /** Column letters of a key, e.g. "D". */
  col(key: string): string;
  /** This row's cell of a key, e.g. "D7". */
  cell(key: string): string;
  /** True when the tab has the key's column (an optional column such as Voided may be absent until setup adds it). */
  has?(key: string): boolean;
}

export interface ColumnSpec {
  key: string;
  header: string;
  /** The header cell's note: what goes in the column. */
  note: string;
  kind: ValueKind;
  validation?: Validation;
  /** Number format; text columns default to "@", dates to yyyy-mm-dd. */
  format?: string;
  width?: number;
  /** A computed column: the native formula for one row (the workbook keeps working without the add-on). */
  formula?: (r: RowRefs) => string;
  /** Added by a later layout: actions work without it (and skip what it is for) until setup adds it, so an upgrade never blocks a save. */
  optional?: boolean;
  /**
   * A helper computed once for the whole column: the header cell's formula, whose result is the header and then one value per data row
   * (refs give the column letters; the row is 1). Never written, read or formatted per row: actions leave its cells to the spill.
   */
  spill?: (r: RowRefs) => string;
  /** A working column nobody needs to read: setup hides it. */
  hidden?: boolean;
  /** A per-row formula read by sorted place, not by its own row, so it belongs on every row 2…last, data or not: Check looks there too. */
  everyRow?: boolean;
}

export interface TabLayout {
  /** Stable key used by code ("sessions", "instrument:phq9"). */
  key: string;
  /** The tab's name in the spreadsheet. */
  name: string;
  columns: ColumnSpec[];
  /** An instrument tab's definition (built-in or the clinic's), so what is built from the tab needs no registry lookup. */
  instrument?: import('../core/instruments/schema').InstrumentDefinition;
}

export const DATE_FORMAT = 'yyyy-mm-dd';
export const DATETIME_FORMAT = 'yyyy-mm-dd hh:mm:ss';
export const TEXT_FORMAT = '@';

/** The number format a column gets on setup, or null for none (formula columns keep Sheets' automatic format). */
export function columnFormat(c: ColumnSpec): string | null {
  if (c.format) return c.format;
  if (c.kind === 'text') return TEXT_FORMAT;
  if (c.kind === 'date') return DATE_FORMAT;
  if (c.kind === 'datetime') return DATETIME_FORMAT;
  return null;
}

/** The client-code column that links a row to the Clients tab (first on every per-client tab). */
export const clientCol = (note = 'Client code (never a name): it links this row to the Clients tab.'): ColumnSpec => ({ key: 'client', header: 'Client', note, kind: 'text', width: 90 });

/** Correct, never erase: a non-blank Voided cell marks a row every formula, dashboard and server read ignores (optional: added by setup on re-run). */
export const voidedCol = (): ColumnSpec => ({
  key: 'voided',
  header: 'Voided',
  note: 'Blank for a live row. Attain writes who voided or corrected the row, when and why ("Voided 2026-12-01 by …: wrong client"); formulas, dashboards and the sidebar then ignore the row. Never delete a row: void it from the sidebar.',
  kind: 'text',
  width: 220,
  optional: true,
});
