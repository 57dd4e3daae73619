// Range (one class, long because it mirrors Apps Script's Range method for method): values, formulas, display values, formats, notes, validations and protection of a block of cells, with Sheets' shape and limit errors.
import { rangeA1 } from '../src/sheets/a1';
import type { Ctx } from './ctx';
import { Emulated } from './not-emulated';
import { TextFinder } from './text-finder';
import { DataValidation } from './validation';
import type { CellFmt, SheetModel } from './model';

type GRange = GoogleAppsScript.Spreadsheet.Range;

type RangeMethods =
  | 'getValues' | 'getValue' | 'setValues' | 'setValue' | 'getFormulas' | 'getFormula' | 'setFormulas' | 'setFormula'
  | 'getDisplayValues' | 'getDisplayValue' | 'getNumberFormats' | 'getNumberFormat' | 'setNumberFormat' | 'setNumberFormats'
  | 'getNotes' | 'getNote' | 'setNotes' | 'setNote' | 'clearNote' | 'getBackgrounds' | 'getBackground' | 'setBackground' | 'setBackgrounds'
  | 'getFontWeights' | 'getFontWeight' | 'setFontWeight' | 'setFontWeights' | 'setFontColor' | 'setFontColors'
  | 'getWrap' | 'getWraps' | 'setWrap' | 'setWraps' | 'getHorizontalAlignment' | 'getHorizontalAlignments' | 'setHorizontalAlignment' | 'setHorizontalAlignments'
  | 'getDataValidations' | 'getDataValidation' | 'setDataValidation' | 'setDataValidations' | 'clearDataValidations'
  | 'getRow' | 'getColumn' | 'getNumRows' | 'getNumColumns' | 'getLastRow' | 'getLastColumn' | 'getHeight' | 'getWidth'
  | 'getA1Notation' | 'getSheet' | 'offset' | 'getCell' | 'clearContent' | 'clear' | 'clearFormat' | 'protect' | 'isBlank' | 'canEdit'
  | 'check' | 'uncheck' | 'isChecked' | 'createTextFinder' | 'getGridId';

const CSS_COLORS: Record<string, string> = {
  white: '#ffffff', black: '#000000', red: '#ff0000', green: '#008000', blue: '#0000ff', yellow: '#ffff00', orange: '#ffa500',
  gray: '#808080', grey: '#808080', lightgray: '#d3d3d3', lightgrey: '#d3d3d3', silver: '#c0c0c0', purple: '#800080',
};

/** Colours as Sheets returns them: lower-case #rrggbb. */
export function normalizeColor(c: string): string {
  const s = c.trim().toLowerCase();
  if (CSS_COLORS[s]) return CSS_COLORS[s];
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(s);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  if (/^#[0-9a-f]{6}$/.test(s)) return s;
  throw new Error(`Invalid argument: color (${c})`);
}

function describe(v: unknown): string {
  if (Array.isArray(v)) return v.length && !Array.isArray(v[0]) ? `${typeof v[0]}[]` : 'Object[][]';
  return v === null ? 'null' : typeof v;
}

export class Range extends Emulated implements Pick<GRange, RangeMethods> {
  readonly _cls = 'Range';
  constructor(
    readonly _ctx: Ctx,
    readonly _sheet: SheetModel,
    readonly _row: number,
    readonly _col: number,
    readonly _numRows: number,
    readonly _numCols: number,
  ) {
    super();
  }

  private get wb() {
    return this._ctx.wb;
  }

  private live(): SheetModel {
    return this._sheet.live();
  }

  private grid<T>(f: (row: number, col: number) => T): T[][] {
    const sm = this.live();
    const out: T[][] = [];
    for (let r = 0; r < this._numRows; r++) {
      const row: T[] = [];
      for (let c = 0; c < this._numCols; c++) row.push(f.call(this, this._row + r, this._col + c));
      out.push(row);
    }
    void sm;
    return out;
  }

  /** A grid a read hands back: its cells count as transferred (emulator.calls.cells). */
  private readGrid<T>(f: (row: number, col: number) => T): T[][] {
    this._ctx.cellsRead(this._numRows * this._numCols);
    return this.grid(f);
  }

  /** A finder over this block (TextFinder.findAll). */
  createTextFinder(findText: string): GoogleAppsScript.Spreadsheet.TextFinder {
    return new TextFinder(this._ctx, { sheet: this._sheet, row: this._row, col: this._col, numRows: this._numRows, numCols: this._numCols }, findText) as unknown as GoogleAppsScript.Spreadsheet.TextFinder;
  }

  /** Checks a 2-D argument has exactly the range's shape (Sheets' messages). */
  private shaped<T>(data: T[][], method: string): T[][] {
    if (!Array.isArray(data) || !data.every((r) => Array.isArray(r)))
      throw new Error(`The parameters (${describe(data)}) don't match the method signature for SpreadsheetApp.Range.${method}.`);
    if (data.length !== this._numRows)
      throw new Error(`The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${this._numRows}.`);
    for (const r of data)
      if (r.length !== this._numCols)
        throw new Error(`The number of columns in the data does not match the number of columns in the range. The data has ${r.length} but the range has ${this._numCols}.`);
    return data;
  }

  private fmt(row: number, col: number): CellFmt {
    return this.wb.fmtAt(this._sheet, row, col) ?? {};
  }

  private setEach(data: unknown[][], method: string, patch: (v: unknown) => Partial<CellFmt>): GRange {
    this.shaped(data, method);
    const sm = this.live();
    this.wb.assertCanEdit(sm, this._row, this._col, this._numRows, this._numCols);
    data.forEach((r, i) => r.forEach((v, j) => this.wb.setFmt(sm, this._row + i, this._col + j, patch(v))));
    return this.self();
  }

  private setAll(patch: Partial<CellFmt>): GRange {
    const sm = this.live();
    this.wb.assertCanEdit(sm, this._row, this._col, this._numRows, this._numCols);
    for (let r = 0; r < this._numRows; r++) for (let c = 0; c < this._numCols; c++) this.wb.setFmt(sm, this._row + r, this._col + c, patch);
    return this.self();
  }

  private self(): GRange {
    return this as unknown as GRange;
  }

  // ---- values --------------------------------------------------------------

  getValues(): unknown[][] {
    return this.readGrid((r, c) => this.wb.value(this._sheet, r, c));
  }
  getValue(): unknown {
    this.live();
    this._ctx.cellsRead(1);
    return this.wb.value(this._sheet, this._row, this._col);
  }
  setValues(values: unknown[][]): GRange {
    this.shaped(values, 'setValues');
    this.wb.writeBlock(this.live(), this._row, this._col, values, 'value');
    return this.self();
  }
  setValue(value: unknown): GRange {
    const row = new Array(this._numCols).fill(value);
    this.wb.writeBlock(this.live(), this._row, this._col, Array.from({ length: this._numRows }, () => row), 'value');
    return this.self();
  }
  getFormulas(): string[][] {
    return this.readGrid((r, c) => this.wb.formula(this._sheet, r, c));
  }
  getFormula(): string {
    this.live();
    this._ctx.cellsRead(1);
    return this.wb.formula(this._sheet, this._row, this._col);
  }
  setFormulas(formulas: string[][]): GRange {
    this.shaped(formulas, 'setFormulas');
    this.wb.writeBlock(this.live(), this._row, this._col, formulas, 'formula');
    return this.self();
  }
  setFormula(formula: string): GRange {
    // Sheets adjusts relative references for every cell of the range, as if filled from the top-left cell.
    if (this._numRows === 1 && this._numCols === 1) {
      this.wb.writeBlock(this.live(), this._row, this._col, [[formula]], 'formula');
      return this.self();
    }
    this.wb.writeBlock(this.live(), this._row, this._col, [[formula]], 'formula');
    const hf = this.wb.engine.hf;
    const sm = this._sheet;
    const source = { sheet: sm.eid, row: this._row - 1, col: this._col - 1 };
    hf.copy({ start: source, end: source });
    for (let r = 0; r < this._numRows; r++)
      for (let c = 0; c < this._numCols; c++) if (r || c) hf.paste({ sheet: sm.eid, row: this._row - 1 + r, col: this._col - 1 + c });
    hf.clearClipboard();
    this.wb.engine.settle();
    return this.self();
  }
  getDisplayValues(): string[][] {
    return this.readGrid((r, c) => this.wb.display(this._sheet, r, c));
  }
  getDisplayValue(): string {
    this.live();
    this._ctx.cellsRead(1);
    return this.wb.display(this._sheet, this._row, this._col);
  }
  clearContent(): GRange {
    const sm = this.live();
    this.wb.assertCanEdit(sm, this._row, this._col, this._numRows, this._numCols);
    this.wb.clearBlock(sm, this._row, this._col, this._numRows, this._numCols);
    return this.self();
  }
  clear(options?: { commentsOnly?: boolean; contentsOnly?: boolean; formatOnly?: boolean; validationsOnly?: boolean; skipFilteredRows?: boolean }): GRange {
    const sm = this.live();
    this.wb.assertCanEdit(sm, this._row, this._col, this._numRows, this._numCols);
    const o = options ?? {};
    const any = o.commentsOnly || o.contentsOnly || o.formatOnly || o.validationsOnly;
    if (!any || o.contentsOnly) this.wb.clearBlock(sm, this._row, this._col, this._numRows, this._numCols);
    if (!any || o.formatOnly) this.wb.clearFormats(sm, this._row, this._col, this._numRows, this._numCols, ['nf', 'bg', 'fw', 'fc', 'wrap', 'ha']);
    if (!any || o.validationsOnly) this.wb.clearFormats(sm, this._row, this._col, this._numRows, this._numCols, ['dv']);
    if (!any || o.commentsOnly) this.wb.clearFormats(sm, this._row, this._col, this._numRows, this._numCols, ['note']);
    return this.self();
  }
  clearFormat(): GRange {
    this.wb.clearFormats(this.live(), this._row, this._col, this._numRows, this._numCols, ['nf', 'bg', 'fw', 'fc', 'wrap', 'ha']);
    return this.self();
  }
  isBlank(): boolean {
    return this.grid((r, c) => this.wb.value(this._sheet, r, c) === '' && this.wb.formula(this._sheet, r, c) === '').every((row) => row.every(Boolean));
  }

  // ---- checkboxes --------------------------------------------------------------

  check(): GRange {
    return this.setValues(this.grid(() => true));
  }
  uncheck(): GRange {
    return this.setValues(this.grid(() => false));
  }
  isChecked(): boolean | null {
    const vals = this.getValues().flat();
    if (vals.every((v) => v === true)) return true;
    if (vals.every((v) => v === false)) return false;
    return null;
  }

  // ---- formats -----------------------------------------------------------------

  getNumberFormats(): string[][] {
    return this.readGrid((r, c) => this.fmt(r, c).nf ?? '0.###############');
  }
  getNumberFormat(): string {
    return this.fmt(this._row, this._col).nf ?? '0.###############';
  }
  setNumberFormat(numberFormat: string): GRange {
    if (typeof numberFormat !== 'string') throw new Error(`The parameters (${describe(numberFormat)}) don't match the method signature for SpreadsheetApp.Range.setNumberFormat.`);
    return this.setAll({ nf: numberFormat });
  }
  setNumberFormats(numberFormats: string[][]): GRange {
    return this.setEach(numberFormats, 'setNumberFormats', (v) => ({ nf: (v as string) || undefined }));
  }
  getNotes(): string[][] {
    return this.grid((r, c) => this.fmt(r, c).note ?? '');
  }
  getNote(): string {
    return this.fmt(this._row, this._col).note ?? '';
  }
  setNotes(notes: (string | null)[][]): GRange {
    return this.setEach(notes, 'setNotes', (v) => ({ note: v === null || v === '' ? undefined : String(v) }));
  }
  setNote(note: string | null): GRange {
    return this.setAll({ note: note === null || note === '' ? undefined : String(note) });
  }
  clearNote(): GRange {
    return this.setAll({ note: undefined });
  }
  getBackgrounds(): string[][] {
    return this.grid((r, c) => this.fmt(r, c).bg ?? '#ffffff');
  }
  getBackground(): string {
    return this.fmt(this._row, this._col).bg ?? '#ffffff';
  }
  setBackground(color: string | null): GRange {
    return this.setAll({ bg: color === null ? undefined : normalizeColor(color) });
  }
  setBackgrounds(colors: (string | null)[][]): GRange {
    return this.setEach(colors, 'setBackgrounds', (v) => ({ bg: v === null || v === '' ? undefined : normalizeColor(String(v)) }));
  }
  getFontWeights(): GoogleAppsScript.Spreadsheet.FontWeight[][] {
    return this.grid((r, c) => (this.fmt(r, c).fw ?? 'normal') as GoogleAppsScript.Spreadsheet.FontWeight);
  }
  getFontWeight(): GoogleAppsScript.Spreadsheet.FontWeight {
    return (this.fmt(this._row, this._col).fw ?? 'normal') as GoogleAppsScript.Spreadsheet.FontWeight;
  }
  setFontWeight(fontWeight: GoogleAppsScript.Spreadsheet.FontWeight | null): GRange {
    if (fontWeight !== null && fontWeight !== 'bold' && fontWeight !== 'normal') throw new Error(`Invalid argument: fontWeight (${String(fontWeight)})`);
    return this.setAll({ fw: fontWeight === 'bold' ? 'bold' : undefined });
  }
  setFontWeights(fontWeights: (GoogleAppsScript.Spreadsheet.FontWeight | null)[][]): GRange {
    return this.setEach(fontWeights, 'setFontWeights', (v) => ({ fw: v === 'bold' ? 'bold' : undefined }));
  }
  setFontColor(color: string | null): GRange {
    return this.setAll({ fc: color === null ? undefined : normalizeColor(color) });
  }
  setFontColors(colors: unknown[][]): GRange {
    return this.setEach(colors, 'setFontColors', (v) => ({ fc: v === null || v === '' ? undefined : normalizeColor(String(v)) }));
  }
  getWrap(): boolean {
    return this.fmt(this._row, this._col).wrap ?? false;
  }
  getWraps(): boolean[][] {
    return this.grid((r, c) => this.fmt(r, c).wrap ?? false);
  }
  setWrap(isWrapEnabled: boolean): GRange {
    return this.setAll({ wrap: isWrapEnabled ? true : undefined });
  }
  setWraps(isWrapEnabled: boolean[][]): GRange {
    return this.setEach(isWrapEnabled, 'setWraps', (v) => ({ wrap: v ? true : undefined }));
  }
  getHorizontalAlignment(): string {
    return this.fmt(this._row, this._col).ha ?? 'general';
  }
  getHorizontalAlignments(): string[][] {
    return this.grid((r, c) => this.fmt(r, c).ha ?? 'general');
  }
  setHorizontalAlignment(alignment: 'left' | 'center' | 'normal' | 'right' | null): GRange {
    if (alignment !== null && !['left', 'center', 'normal', 'right'].includes(alignment)) throw new Error(`Invalid argument: alignment (${String(alignment)})`);
    return this.setAll({ ha: alignment === null || alignment === 'normal' ? undefined : alignment });
  }
  setHorizontalAlignments(alignments: ('left' | 'center' | 'normal' | 'right' | null)[][]): GRange {
    return this.setEach(alignments, 'setHorizontalAlignments', (v) => ({ ha: v === null || v === 'normal' ? undefined : String(v) }));
  }

  // ---- validation ----------------------------------------------------------------

  getDataValidations(): (GoogleAppsScript.Spreadsheet.DataValidation | null)[][] {
    return this.grid((r, c) => {
      const dv = this.fmt(r, c).dv;
      return dv ? (new DataValidation(this._ctx, dv) as unknown as GoogleAppsScript.Spreadsheet.DataValidation) : null;
    });
  }
  getDataValidation(): GoogleAppsScript.Spreadsheet.DataValidation | null {
    return this.getDataValidations()[0][0];
  }
  setDataValidation(rule: GoogleAppsScript.Spreadsheet.DataValidation | null): GRange {
    if (rule !== null && !(rule instanceof DataValidation)) throw new Error('Invalid argument: rule (expected a DataValidation built with SpreadsheetApp.newDataValidation())');
    return this.setAll({ dv: rule === null ? undefined : (rule as unknown as DataValidation)._spec });
  }
  setDataValidations(rules: (GoogleAppsScript.Spreadsheet.DataValidation | null)[][]): GRange {
    return this.setEach(rules, 'setDataValidations', (v) => {
      if (v !== null && !(v instanceof DataValidation)) throw new Error('Invalid argument: rules (expected DataValidation values or null)');
      return { dv: v === null ? undefined : (v as DataValidation)._spec };
    });
  }
  clearDataValidations(): GRange {
    return this.setAll({ dv: undefined });
  }

  // ---- geometry -------------------------------------------------------------------

  getRow(): number {
    return this._row;
  }
  /** The id of the range's tab (Sheet.getSheetId's number). */
  getGridId(): number {
    return this._sheet.live().sheetId;
  }
  getColumn(): number {
    return this._col;
  }
  getNumRows(): number {
    return this._numRows;
  }
  getNumColumns(): number {
    return this._numCols;
  }
  getHeight(): number {
    return this._numRows;
  }
  getWidth(): number {
    return this._numCols;
  }
  getLastRow(): number {
    return this._row + this._numRows - 1;
  }
  getLastColumn(): number {
    return this._col + this._numCols - 1;
  }
  getA1Notation(): string {
    return rangeA1(this._row, this._col, this._numRows, this._numCols);
  }
  getSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    return this._ctx.sheetObj(this.live()) as unknown as GoogleAppsScript.Spreadsheet.Sheet;
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): GRange {
    return this._ctx.range(this.live(), this._row + rowOffset, this._col + columnOffset, numRows ?? this._numRows, numColumns ?? this._numCols) as unknown as GRange;
  }
  getCell(row: number, column: number): GRange {
    if (row < 1 || column < 1 || row > this._numRows || column > this._numCols) throw new Error('Cell reference out of range');
    return this._ctx.range(this.live(), this._row + row - 1, this._col + column - 1, 1, 1) as unknown as GRange;
  }

  // ---- protection -------------------------------------------------------------------

  protect(): GoogleAppsScript.Spreadsheet.Protection {
    return this._ctx.protect(this.live(), { sheet: this._sheet, row: this._row, col: this._col, numRows: this._numRows, numCols: this._numCols }) as unknown as GoogleAppsScript.Spreadsheet.Protection;
  }
  canEdit(): boolean {
    try {
      this.wb.assertCanEdit(this.live(), this._row, this._col, this._numRows, this._numCols);
      return true;
    } catch {
      return false;
    }
  }
}

