// The spreadsheet model behind every emulated object (one class, on purpose: every write, insert and delete must move values, formats, anchored objects and the formula engine together): sheets, cell formats, grid-anchored objects (protections, charts, rules, names) and the formula engine holding values and formulas.
import { DetailedCellError, type RawCellContent } from 'hyperformula';
import { cellA1, MAX_COLUMNS, quoteSheetName, rangeA1 } from '../src/sheets/a1';
import { prepareFormula, prepareValue, type ApostropheInTextCells } from './entry';
import { errorMessage, errorText } from './formula-errors';
import { FormulaEngine, type CustomHost, type FormulaProblem } from './formulas';
import { contains, cut, dropKeys, isGrid, MAX_CELLS, overlaps, PROTECTED_MESSAGE, SheetModel, shiftKeys, type CellFmt, type GridRange, type ProtectionModel } from './model';
import { DEFAULT_DATE_FORMAT, DEFAULT_DATETIME_FORMAT, formatValue, isDateFormat } from './numfmt';
import { instantOfSerial, instantOfWall, serialOfInstant } from './time';
export class Workbook {
  private _engine: FormulaEngine | null = null;
  sheets: SheetModel[] = [];
  namedRanges = new Map<string, GridRange>();
  nextSheetId = 0;
  nextChartId = 1;
  /** Set by the emulator once the bundle's realm exists. */
  customHost: CustomHost | null = null;
  /** Whether a plain-text ("@") cell keeps a leading apostrophe it is given (see ApostropheInTextCells). */
  apostropheInTextCells: ApostropheInTextCells = 'keep';

  constructor(
    public id: string,
    public name: string,
    public timeZone: string,
    public owner: string,
    public user: string,
    public strictFormulas: boolean,
  ) {}

  /** When formulas are evaluated (createEmulator's `evaluation`). */
  evaluation: 'lazy' | 'eager' = 'lazy';

  get engine(): FormulaEngine {
    if (!this._engine) throw new Error('The spreadsheet is not ready: Code.js used SpreadsheetApp while it was loading (keep top-level code free of service calls)');
    return this._engine;
  }

  /** Creates the formula engine once the bundle's custom functions are known. */
  initEngine(customNames: string[]): void {
    this._engine = new FormulaEngine(customNames, {
      invoke: (n, a) => this.host().invoke(n, a),
      isDateCell: (eid, r, c) => {
        const sm = this.sheets.find((s) => s.eid === eid);
        return !!sm && this.isDateCell(sm, r + 1, c + 1);
      },
      dateOfSerial: (s) => this.host().dateOfSerial(s),
      serialOfDate: (d) => serialOfInstant(d.getTime(), this.timeZone),
    });
    this._engine.eager = this.evaluation === 'eager';
  }

  private host(): CustomHost {
    if (!this.customHost) throw new Error('emulator bug: custom functions called before the bundle was loaded');
    return this.customHost;
  }

  // ---- sheets -------------------------------------------------------------

  sheetByName(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  totalCells(): number {
    return this.sheets.reduce((n, s) => n + s.maxRows * s.maxCols, 0);
  }

  ensureCellLimit(extra: number): void {
    if (this.totalCells() + extra > MAX_CELLS)
      throw new Error(`This action would increase the number of cells in the workbook above the limit of ${MAX_CELLS} cells.`);
  }

  addSheet(name: string, index: number, rows = 1000, cols = 26, sheetId?: number): SheetModel {
    if (this.sheetByName(name)) throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    if (name.length > 100 || name.trim() === '') throw new Error(`Invalid sheet name: ${JSON.stringify(name)}`);
    this.ensureCellLimit(rows * cols);
    const eid = this.engine.addSheet(name);
    const sm = new SheetModel(sheetId ?? this.nextSheetId, name, eid);
    this.nextSheetId = Math.max(this.nextSheetId, sm.sheetId) + 1;
    sm.maxRows = rows;
    sm.maxCols = cols;
    this.sheets.splice(Math.max(0, Math.min(index, this.sheets.length)), 0, sm);
    return sm;
  }

  removeSheet(sm: SheetModel): void {
    if (this.sheets.length <= 1) throw new Error("You can't remove all the sheets in a document.");
    this.sheets = this.sheets.filter((s) => s !== sm);
    sm.deleted = true;
    this.engine.removeSheet(sm.eid);
    for (const [n, g] of this.namedRanges) if (g.sheet === sm) this.namedRanges.delete(n);
  }

  renameSheet(sm: SheetModel, name: string): void {
    if (sm.name === name) return;
    const other = this.sheetByName(name);
    if (other && other !== sm) throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    this.engine.renameSheet(sm.eid, name);
    sm.name = name;
  }

  // ---- formats -------------------------------------------------------------

  fmtAt(sm: SheetModel, row: number, col: number): CellFmt | undefined {
    return sm.fmt.get(row)?.get(col);
  }

  setFmt(sm: SheetModel, row: number, col: number, patch: Partial<CellFmt>): void {
    let r = sm.fmt.get(row);
    if (!r) sm.fmt.set(row, (r = new Map()));
    const cur = { ...(r.get(col) ?? {}) } as Record<string, unknown>;
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === null) delete cur[k];
      else cur[k] = v;
    }
    if (Object.keys(cur).length === 0) r.delete(col);
    else r.set(col, cur as CellFmt);
    if (r.size === 0) sm.fmt.delete(row);
  }

  /** The number format that applies: the cell's own, else one Sheets infers from the formula result (TODAY(), DATE(), a custom function's Date). */
  effectiveFormat(sm: SheetModel, row: number, col: number): string | undefined {
    const own = this.fmtAt(sm, row, col)?.nf;
    if (own) return own;
    const t = this.engine.detailedType(sm.eid, row - 1, col - 1);
    if (t === 'NUMBER_DATE') return DEFAULT_DATE_FORMAT;
    if (t === 'NUMBER_DATETIME') return DEFAULT_DATETIME_FORMAT;
    if (t === 'NUMBER_TIME') return 'hh:mm:ss';
    if (t === 'NUMBER_PERCENT') return '0.00%';
    return undefined;
  }

  isDateCell(sm: SheetModel, row: number, col: number): boolean {
    return isDateFormat(this.effectiveFormat(sm, row, col)) && typeof this.engine.value(sm.eid, row - 1, col - 1) === 'number';
  }

  // ---- reading ---------------------------------------------------------------

  /** What getValues returns for one cell: number, string, boolean, Date (date cells), '' (empty) or Sheets' error text. */
  value(sm: SheetModel, row: number, col: number): unknown {
    const v = this.engine.value(sm.eid, row - 1, col - 1);
    if (v === null || v === undefined) return '';
    if (v instanceof DetailedCellError) return errorText(v);
    if (typeof v === 'number' && this.isDateCell(sm, row, col)) return new Date(instantOfSerial(v, this.timeZone));
    return v;
  }

  display(sm: SheetModel, row: number, col: number): string {
    const v = this.engine.value(sm.eid, row - 1, col - 1);
    if (v === null || v === undefined) return '';
    if (v instanceof DetailedCellError) return errorText(v);
    return formatValue(v, this.effectiveFormat(sm, row, col));
  }

  errorMessageAt(sm: SheetModel, row: number, col: number): string | undefined {
    const v = this.engine.value(sm.eid, row - 1, col - 1);
    return v instanceof DetailedCellError ? errorMessage(v) : undefined;
  }

  formula(sm: SheetModel, row: number, col: number): string {
    return this.engine.formula(sm.eid, row - 1, col - 1) ?? '';
  }

  /** Last row/column holding content (values, formulas or spilled results), as getLastRow/getLastColumn count. */
  lastRowCol(sm: SheetModel): { lastRow: number; lastCol: number } {
    const values = this.engine.sheetValues(sm.eid);
    let lastRow = 0;
    let lastCol = 0;
    values.forEach((row, r) => {
      for (let c = row.length - 1; c >= 0; c--) {
        const v = row[c];
        if (v !== null && v !== undefined && v !== '') {
          lastRow = r + 1;
          lastCol = Math.max(lastCol, c + 1);
          break;
        }
      }
    });
    // A cell holding '' from a formula still counts as content.
    const formulas = this.engine.sheetFormulas(sm.eid);
    formulas.forEach((row, r) =>
      row.forEach((f, c) => {
        if (f !== undefined) {
          lastRow = Math.max(lastRow, r + 1);
          lastCol = Math.max(lastCol, c + 1);
        }
      }),
    );
    return { lastRow, lastCol };
  }

  // ---- writing ---------------------------------------------------------------

  /** Throws Sheets' message when the effective user may not edit any cell of the block. */
  assertCanEdit(sm: SheetModel, row: number, col: number, numRows: number, numCols: number): void {
    for (const p of sm.protections) {
      if (p.removed || p.warningOnly || this.userCanEdit(p)) continue;
      const target = p.range ?? { sheet: sm, row: 1, col: 1, numRows: sm.maxRows, numCols: sm.maxCols };
      if (!overlaps(target, row, col, numRows, numCols)) continue;
      if (p.type === 'SHEET' && p.unprotected.some((u) => contains(u, row, col, numRows, numCols))) continue;
      throw new Error(PROTECTED_MESSAGE);
    }
  }

  userCanEdit(p: ProtectionModel): boolean {
    const user = this.user.toLowerCase();
    if (user === this.owner.toLowerCase()) return true;
    if (p.editors.some((e) => e.toLowerCase() === user)) return true;
    if (p.domainEdit && user.split('@')[1] === this.owner.toLowerCase().split('@')[1]) return true;
    return false;
  }

  /** Writes a block; `kind` says whether strings are entries (setValues) or formulas (setFormulas). Returns nothing; throws on formula problems when strict. */
  writeBlock(sm: SheetModel, row: number, col: number, data: unknown[][], kind: 'value' | 'formula', opts: { checkProtection?: boolean } = {}): void {
    if (opts.checkProtection !== false) this.assertCanEdit(sm, row, col, data.length, data[0]?.length ?? 0);
    const contents: RawCellContent[][] = [];
    const nfs: [number, number, string][] = [];
    data.forEach((r, i) => {
      const out: RawCellContent[] = [];
      r.forEach((v, j) => {
        const cur = this.fmtAt(sm, row + i, col + j)?.nf;
        const p = kind === 'formula' ? prepareFormula(v, cur, this.apostropheInTextCells) : prepareValue(v, cur, this.timeZone, this.apostropheInTextCells);
        out.push(p.content);
        if (p.nf && !(cur && (isDateFormat(cur) === isDateFormat(p.nf)))) nfs.push([row + i, col + j, p.nf]);
      });
      contents.push(out);
    });
    for (const [r, c, nf] of nfs) this.setFmt(sm, r, c, { nf });
    this.engine.write(sm.eid, row - 1, col - 1, contents);
    if (this.strictFormulas) {
      const problems: string[] = [];
      contents.forEach((r, i) =>
        r.forEach((v, j) => {
          if (typeof v !== 'string' || !v.startsWith('=')) return;
          const p = this.engine.problemAt(sm.eid, row - 1 + i, col - 1 + j);
          if (p) problems.push(`${quoteSheetName(sm.name)}!${cellA1(row + i, col + j)} ${v}: ${p}`);
        }),
      );
      if (problems.length) throw new Error(`Formula the emulator cannot compute (strictFormulas): ${problems.join('; ')}`);
    }
  }

  clearBlock(sm: SheetModel, row: number, col: number, numRows: number, numCols: number): void {
    const dims = this.engine.dims(sm.eid);
    const h = Math.min(numRows, Math.max(0, dims.height - (row - 1)));
    const w = Math.min(numCols, Math.max(0, dims.width - (col - 1)));
    if (h <= 0 || w <= 0) return;
    const empty: RawCellContent[][] = Array.from({ length: h }, () => new Array(w).fill(null));
    this.engine.write(sm.eid, row - 1, col - 1, empty);
  }

  clearFormats(sm: SheetModel, row: number, col: number, numRows: number, numCols: number, keys: (keyof CellFmt)[]): void {
    for (const [r, cols] of [...sm.fmt]) {
      if (r < row || r >= row + numRows) continue;
      for (const c of [...cols.keys()]) {
        if (c < col || c >= col + numCols) continue;
        const patch: Partial<CellFmt> = {};
        for (const k of keys) (patch as Record<string, undefined>)[k] = undefined;
        this.setFmt(sm, r, c, patch);
      }
    }
  }

  // ---- structure ---------------------------------------------------------------

  private gridRanges(sm: SheetModel): GridRange[] {
    const out: GridRange[] = [];
    for (const s of this.sheets) {
      for (const cf of s.conditionalFormats) out.push(...cf.ranges);
      for (const ch of s.charts) out.push(...ch.ranges);
      for (const p of s.protections) {
        if (p.range) out.push(p.range);
        out.push(...p.unprotected);
      }
      for (const f of s.fmt.values()) for (const cell of f.values()) if (cell.dv) for (const a of cell.dv.args) if (isGrid(a)) out.push(a);
    }
    out.push(...this.namedRanges.values());
    return out.filter((g) => g.sheet === sm);
  }

  insertRows(sm: SheetModel, before: number, n: number): void {
    if (n < 1) throw new Error('The number of rows to insert must be at least 1.');
    if (before < 1 || before > sm.maxRows + 1) throw new Error('Those rows are out of bounds.');
    this.ensureCellLimit(n * sm.maxCols);
    this.engine.addRows(sm.eid, before - 1, n);
    sm.maxRows += n;
    sm.fmt = shiftKeys(sm.fmt, before, n);
    sm.rowHeights = shiftKeys(sm.rowHeights, before, n);
    sm.hiddenRows = new Set([...sm.hiddenRows].map((r) => (r >= before ? r + n : r)));
    for (const g of this.gridRanges(sm)) {
      if (g.row >= before) g.row += n;
      else if (g.row + g.numRows - 1 >= before) g.numRows += n;
    }
    for (const ch of sm.charts) if (ch.position.row >= before) ch.position.row += n;
    if (before <= sm.frozenRows) sm.frozenRows += n;
  }

  deleteRows(sm: SheetModel, first: number, n: number): void {
    if (first < 1 || first + n - 1 > sm.maxRows) throw new Error('Those rows are out of bounds.');
    if (n >= sm.maxRows) throw new Error("You can't delete all the rows on the sheet.");
    this.engine.removeRows(sm.eid, first - 1, n);
    sm.maxRows -= n;
    sm.fmt = dropKeys(sm.fmt, first, n);
    sm.rowHeights = dropKeys(sm.rowHeights, first, n);
    sm.hiddenRows = new Set([...sm.hiddenRows].filter((r) => r < first || r >= first + n).map((r) => (r >= first + n ? r - n : r)));
    for (const g of this.gridRanges(sm)) {
      const [start, len] = cut(g.row, g.numRows, first, n);
      g.row = start;
      g.numRows = len;
    }
    this.dropEmptyGrids();
    for (const ch of sm.charts) if (ch.position.row >= first) ch.position.row = Math.max(first, ch.position.row - n);
    sm.frozenRows = Math.max(0, sm.frozenRows - Math.max(0, Math.min(sm.frozenRows, first + n - 1) - first + 1));
  }

  insertColumns(sm: SheetModel, before: number, n: number): void {
    if (n < 1) throw new Error('The number of columns to insert must be at least 1.');
    if (before < 1 || before > sm.maxCols + 1) throw new Error('Those columns are out of bounds.');
    if (sm.maxCols + n > MAX_COLUMNS) throw new Error(`This action would increase the number of columns in the sheet above the limit of ${MAX_COLUMNS}.`);
    this.ensureCellLimit(n * sm.maxRows);
    this.engine.addColumns(sm.eid, before - 1, n);
    sm.maxCols += n;
    for (const [r, cols] of sm.fmt) sm.fmt.set(r, shiftKeys(cols, before, n));
    sm.colWidths = shiftKeys(sm.colWidths, before, n);
    sm.hiddenCols = new Set([...sm.hiddenCols].map((c) => (c >= before ? c + n : c)));
    for (const g of this.gridRanges(sm)) {
      if (g.col >= before) g.col += n;
      else if (g.col + g.numCols - 1 >= before) g.numCols += n;
    }
    for (const ch of sm.charts) if (ch.position.column >= before) ch.position.column += n;
    if (before <= sm.frozenCols) sm.frozenCols += n;
  }

  deleteColumns(sm: SheetModel, first: number, n: number): void {
    if (first < 1 || first + n - 1 > sm.maxCols) throw new Error('Those columns are out of bounds.');
    if (n >= sm.maxCols) throw new Error("You can't delete all the columns on the sheet.");
    this.engine.removeColumns(sm.eid, first - 1, n);
    sm.maxCols -= n;
    for (const [r, cols] of sm.fmt) {
      const next = dropKeys(cols, first, n);
      if (next.size) sm.fmt.set(r, next);
      else sm.fmt.delete(r);
    }
    sm.colWidths = dropKeys(sm.colWidths, first, n);
    sm.hiddenCols = new Set([...sm.hiddenCols].filter((c) => c < first || c >= first + n).map((c) => (c >= first + n ? c - n : c)));
    for (const g of this.gridRanges(sm)) {
      const [start, len] = cut(g.col, g.numCols, first, n);
      g.col = start;
      g.numCols = len;
    }
    this.dropEmptyGrids();
    for (const ch of sm.charts) if (ch.position.column >= first) ch.position.column = Math.max(first, ch.position.column - n);
    sm.frozenCols = Math.max(0, sm.frozenCols - Math.max(0, Math.min(sm.frozenCols, first + n - 1) - first + 1));
  }

  /** Objects whose whole range was deleted disappear (protections, names, rule ranges, chart series), as in Sheets. */
  private dropEmptyGrids(): void {
    const empty = (g: GridRange) => g.numRows <= 0 || g.numCols <= 0;
    for (const [n, g] of this.namedRanges) if (empty(g)) this.namedRanges.delete(n);
    for (const s of this.sheets) {
      s.protections = s.protections.filter((p) => !(p.range && empty(p.range)));
      for (const p of s.protections) p.unprotected = p.unprotected.filter((g) => !empty(g));
      for (const cf of s.conditionalFormats) cf.ranges = cf.ranges.filter((g) => !empty(g));
      s.conditionalFormats = s.conditionalFormats.filter((cf) => cf.ranges.length > 0);
      for (const ch of s.charts) ch.ranges = ch.ranges.filter((g) => !empty(g));
    }
  }

  // ---- formulas -----------------------------------------------------------------

  formulaProblems(): FormulaProblem[] {
    const out: FormulaProblem[] = [];
    for (const sm of this.sheets) {
      const formulas = this.engine.sheetFormulas(sm.eid);
      formulas.forEach((row, r) =>
        row.forEach((f, c) => {
          if (f === undefined) return;
          const p = this.engine.problemAt(sm.eid, r, c);
          if (p) out.push({ sheet: sm.name, a1: cellA1(r + 1, c + 1), formula: f, error: p });
        }),
      );
    }
    return out;
  }

  gridA1(g: GridRange, withSheet = true): string {
    const a1 = rangeA1(g.row, g.col, g.numRows, g.numCols);
    return withSheet ? `${quoteSheetName(g.sheet.name)}!${a1}` : a1;
  }

  /** Midnight of a calendar day on the spreadsheet's clock. */
  dayStart(y: number, m: number, d: number): Date {
    return new Date(instantOfWall(this.timeZone, y, m, d));
  }
}
