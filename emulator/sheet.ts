// Sheet (one class, long because it mirrors Apps Script's Sheet method for method): ranges by A1 or coordinates, size and content extent, row/column insert and delete (formulas shift through HyperFormula), frozen panes, hiding, tab colour, rules, protections and charts.
import { parseA1, quoteSheetName } from '../src/sheets/a1';
import { cloneChart, EmbeddedChart, EmbeddedChartBuilder, newChartModel } from './charts';
import type { Ctx } from './ctx';
import { Emulated, enumKey } from './not-emulated';
import { normalizeColor, type Range } from './range';
import { conditionProblems, ConditionalFormatRule } from './conditional-formats';
import type { SheetModel } from './model';
import { TextFinder } from './text-finder';

type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GRange = GoogleAppsScript.Spreadsheet.Range;

type SheetMethods =
  | 'getName' | 'setName' | 'getSheetId' | 'getIndex' | 'getParent' | 'activate' | 'getRange' | 'getDataRange' | 'getLastRow' | 'getLastColumn'
  | 'getMaxRows' | 'getMaxColumns' | 'insertRows' | 'insertRowsBefore' | 'insertRowsAfter' | 'insertRowBefore' | 'insertRowAfter' | 'deleteRow'
  | 'deleteRows' | 'insertColumns' | 'insertColumnsBefore' | 'insertColumnsAfter' | 'insertColumnBefore' | 'insertColumnAfter' | 'deleteColumn'
  | 'deleteColumns' | 'setFrozenRows' | 'setFrozenColumns' | 'getFrozenRows' | 'getFrozenColumns' | 'hideSheet' | 'showSheet' | 'isSheetHidden'
  | 'setTabColor' | 'getTabColor' | 'getConditionalFormatRules' | 'setConditionalFormatRules' | 'clearConditionalFormatRules' | 'protect'
  | 'getProtections' | 'newChart' | 'insertChart' | 'updateChart' | 'removeChart' | 'getCharts' | 'setColumnWidth' | 'setColumnWidths'
  | 'getColumnWidth' | 'setRowHeight' | 'setRowHeights' | 'getRowHeight' | 'appendRow' | 'clear' | 'clearContents' | 'clearFormats' | 'clearNotes'
  | 'hideColumns' | 'showColumns' | 'hideRows' | 'showRows' | 'isColumnHiddenByUser' | 'isRowHiddenByUser' | 'createTextFinder';

export class Sheet extends Emulated implements Pick<GSheet, SheetMethods> {
  readonly _cls = 'Sheet';
  constructor(
    readonly _ctx: Ctx,
    readonly _sm: SheetModel,
  ) {
    super();
  }
  private get wb() {
    return this._ctx.wb;
  }
  private live(): SheetModel {
    return this._sm.live();
  }
  private self(): GSheet {
    return this as unknown as GSheet;
  }
  private int(v: unknown, what: string): number {
    if (typeof v !== 'number' || !Number.isInteger(v)) throw new Error(`Invalid argument: ${what} (${String(v)})`);
    return v;
  }

  getName(): string {
    return this.live().name;
  }
  setName(name: string): GSheet {
    this.wb.renameSheet(this.live(), String(name));
    return this.self();
  }
  getSheetId(): number {
    return this.live().sheetId;
  }
  /** 1-based position among the tabs, as Apps Script returns it. */
  getIndex(): number {
    return this.wb.sheets.indexOf(this.live()) + 1;
  }
  /** A finder over this sheet's every cell. */
  createTextFinder(findText: string): GoogleAppsScript.Spreadsheet.TextFinder {
    const sm = this.live();
    return new TextFinder(this._ctx, { sheets: () => [sm] }, findText) as unknown as GoogleAppsScript.Spreadsheet.TextFinder;
  }
  getParent(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return this._ctx.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  }
  activate(): GSheet {
    this._ctx.spreadsheet._active = this.live();
    return this.self();
  }

  // ---- ranges -----------------------------------------------------------------

  /** Parses A1 on this sheet; open ranges (A:A, 2:2, A2:B) run to the sheet's edge. */
  _a1(a1: string): Range {
    const sm = this.live();
    const ref = parseA1(a1);
    if (ref.sheet !== undefined && ref.sheet.toLowerCase() !== sm.name.toLowerCase()) throw new Error('Range not found');
    const endRow = ref.endRow ?? sm.maxRows;
    const endCol = ref.endCol ?? sm.maxCols;
    const row = Math.min(ref.startRow as number, endRow);
    const col = Math.min(ref.startCol as number, endCol);
    return this._ctx.range(sm, row, col, Math.abs(endRow - (ref.startRow as number)) + 1, Math.abs(endCol - (ref.startCol as number)) + 1);
  }

  getRange(a1OrRow: string | number, column?: number, numRows?: number, numColumns?: number): GRange {
    if (typeof a1OrRow === 'string') {
      if (column !== undefined) throw new Error("The parameters (String,number) don't match the method signature for SpreadsheetApp.Sheet.getRange.");
      return this._a1(a1OrRow) as unknown as GRange;
    }
    if (column === undefined) throw new Error("The parameters (number) don't match the method signature for SpreadsheetApp.Sheet.getRange.");
    return this._ctx.range(this.live(), a1OrRow, column, numRows ?? 1, numColumns ?? 1) as unknown as GRange;
  }
  getDataRange(): GRange {
    const { lastRow, lastCol } = this.wb.lastRowCol(this.live());
    return this._ctx.range(this._sm, 1, 1, Math.max(1, lastRow), Math.max(1, lastCol)) as unknown as GRange;
  }
  getLastRow(): number {
    return this.wb.lastRowCol(this.live()).lastRow;
  }
  getLastColumn(): number {
    return this.wb.lastRowCol(this.live()).lastCol;
  }
  getMaxRows(): number {
    return this.live().maxRows;
  }
  getMaxColumns(): number {
    return this.live().maxCols;
  }

  // ---- structure ----------------------------------------------------------------

  insertRows(rowIndex: number, numRows?: number): void {
    this.wb.insertRows(this.live(), this.int(rowIndex, 'rowIndex'), this.int(numRows ?? 1, 'numRows'));
  }
  insertRowsBefore(beforePosition: number, howMany: number): GSheet {
    this.wb.insertRows(this.live(), this.int(beforePosition, 'beforePosition'), this.int(howMany, 'howMany'));
    return this.self();
  }
  insertRowsAfter(afterPosition: number, howMany: number): GSheet {
    this.wb.insertRows(this.live(), this.int(afterPosition, 'afterPosition') + 1, this.int(howMany, 'howMany'));
    return this.self();
  }
  insertRowBefore(beforePosition: number): GSheet {
    return this.insertRowsBefore(beforePosition, 1);
  }
  insertRowAfter(afterPosition: number): GSheet {
    return this.insertRowsAfter(afterPosition, 1);
  }
  deleteRow(rowPosition: number): GSheet {
    this.wb.deleteRows(this.live(), this.int(rowPosition, 'rowPosition'), 1);
    return this.self();
  }
  deleteRows(rowPosition: number, howMany: number): void {
    this.wb.deleteRows(this.live(), this.int(rowPosition, 'rowPosition'), this.int(howMany, 'howMany'));
  }
  insertColumns(columnIndex: number, numColumns?: number): void {
    this.wb.insertColumns(this.live(), this.int(columnIndex, 'columnIndex'), this.int(numColumns ?? 1, 'numColumns'));
  }
  insertColumnsBefore(beforePosition: number, howMany: number): GSheet {
    this.wb.insertColumns(this.live(), this.int(beforePosition, 'beforePosition'), this.int(howMany, 'howMany'));
    return this.self();
  }
  insertColumnsAfter(afterPosition: number, howMany: number): GSheet {
    this.wb.insertColumns(this.live(), this.int(afterPosition, 'afterPosition') + 1, this.int(howMany, 'howMany'));
    return this.self();
  }
  insertColumnBefore(beforePosition: number): GSheet {
    return this.insertColumnsBefore(beforePosition, 1);
  }
  insertColumnAfter(afterPosition: number): GSheet {
    return this.insertColumnsAfter(afterPosition, 1);
  }
  deleteColumn(columnPosition: number): GSheet {
    this.wb.deleteColumns(this.live(), this.int(columnPosition, 'columnPosition'), 1);
    return this.self();
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    this.wb.deleteColumns(this.live(), this.int(columnPosition, 'columnPosition'), this.int(howMany, 'howMany'));
  }
  hideColumns(columnIndex: number, numColumns?: number): void {
    const sm = this.live();
    for (let c = columnIndex; c < columnIndex + (numColumns ?? 1); c++) sm.hiddenCols.add(c);
  }
  showColumns(columnIndex: number, numColumns?: number): void {
    const sm = this.live();
    for (let c = columnIndex; c < columnIndex + (numColumns ?? 1); c++) sm.hiddenCols.delete(c);
  }
  hideRows(rowIndex: number, numRows?: number): void {
    const sm = this.live();
    for (let r = rowIndex; r < rowIndex + (numRows ?? 1); r++) sm.hiddenRows.add(r);
  }
  showRows(rowIndex: number, numRows?: number): void {
    const sm = this.live();
    for (let r = rowIndex; r < rowIndex + (numRows ?? 1); r++) sm.hiddenRows.delete(r);
  }
  isColumnHiddenByUser(columnPosition: number): boolean {
    return this.live().hiddenCols.has(columnPosition);
  }
  isRowHiddenByUser(rowPosition: number): boolean {
    return this.live().hiddenRows.has(rowPosition);
  }

  // ---- view ---------------------------------------------------------------------

  setFrozenRows(rows: number): void {
    const sm = this.live();
    const n = this.int(rows, 'rows');
    if (n < 0 || n > sm.maxRows) throw new Error('Those rows are out of bounds.');
    sm.frozenRows = n;
  }
  setFrozenColumns(columns: number): void {
    const sm = this.live();
    const n = this.int(columns, 'columns');
    if (n < 0 || n > sm.maxCols) throw new Error('Those columns are out of bounds.');
    sm.frozenCols = n;
  }
  getFrozenRows(): number {
    return this.live().frozenRows;
  }
  getFrozenColumns(): number {
    return this.live().frozenCols;
  }
  hideSheet(): GSheet {
    const sm = this.live();
    if (!sm.hidden && this.wb.sheets.filter((s) => !s.hidden).length <= 1) throw new Error("You can't hide all the sheets in a document.");
    sm.hidden = true;
    return this.self();
  }
  showSheet(): GSheet {
    this.live().hidden = false;
    return this.self();
  }
  isSheetHidden(): boolean {
    return this.live().hidden;
  }
  setTabColor(color: string | null): GSheet {
    this.live().tabColor = color === null ? null : normalizeColor(color);
    return this.self();
  }
  getTabColor(): string | null {
    return this.live().tabColor;
  }
  setColumnWidth(columnPosition: number, width: number): GSheet {
    return this.setColumnWidths(columnPosition, 1, width);
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): GSheet {
    const sm = this.live();
    if (startColumn < 1 || startColumn + numColumns - 1 > sm.maxCols) throw new Error('Those columns are out of bounds.');
    for (let c = startColumn; c < startColumn + numColumns; c++) sm.colWidths.set(c, this.int(width, 'width'));
    return this.self();
  }
  getColumnWidth(columnPosition: number): number {
    return this.live().colWidths.get(columnPosition) ?? 100;
  }
  setRowHeight(rowPosition: number, height: number): GSheet {
    return this.setRowHeights(rowPosition, 1, height);
  }
  setRowHeights(startRow: number, numRows: number, height: number): GSheet {
    const sm = this.live();
    if (startRow < 1 || startRow + numRows - 1 > sm.maxRows) throw new Error('Those rows are out of bounds.');
    for (let r = startRow; r < startRow + numRows; r++) sm.rowHeights.set(r, this.int(height, 'height'));
    return this.self();
  }
  getRowHeight(rowPosition: number): number {
    return this.live().rowHeights.get(rowPosition) ?? 21;
  }

  // ---- content ------------------------------------------------------------------

  /** Writes after the last row with content; the sheet grows when full, as Sheets does. */
  appendRow(rowContents: unknown[]): GSheet {
    const sm = this.live();
    if (!Array.isArray(rowContents)) throw new Error("The parameters don't match the method signature for SpreadsheetApp.Sheet.appendRow.");
    const row = this.wb.lastRowCol(sm).lastRow + 1;
    if (row > sm.maxRows) this.wb.insertRows(sm, sm.maxRows + 1, 1);
    if (rowContents.length > sm.maxCols) this.wb.insertColumns(sm, sm.maxCols + 1, rowContents.length - sm.maxCols);
    if (rowContents.length > 0) this.wb.writeBlock(sm, row, 1, [rowContents], 'value');
    return this.self();
  }
  clear(): GSheet {
    const sm = this.live();
    this.wb.assertCanEdit(sm, 1, 1, sm.maxRows, sm.maxCols);
    this.wb.clearBlock(sm, 1, 1, sm.maxRows, sm.maxCols);
    sm.fmt.clear();
    return this.self();
  }
  clearContents(): GSheet {
    const sm = this.live();
    this.wb.assertCanEdit(sm, 1, 1, sm.maxRows, sm.maxCols);
    this.wb.clearBlock(sm, 1, 1, sm.maxRows, sm.maxCols);
    return this.self();
  }
  clearFormats(): GSheet {
    const sm = this.live();
    this.wb.clearFormats(sm, 1, 1, sm.maxRows, sm.maxCols, ['nf', 'bg', 'fw', 'fc', 'wrap', 'ha']);
    return this.self();
  }
  clearNotes(): GSheet {
    const sm = this.live();
    this.wb.clearFormats(sm, 1, 1, sm.maxRows, sm.maxCols, ['note']);
    return this.self();
  }

  // ---- conditional formats ---------------------------------------------------------

  getConditionalFormatRules(): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
    return this.live().conditionalFormats.map((s) => new ConditionalFormatRule(this._ctx, s) as unknown as GoogleAppsScript.Spreadsheet.ConditionalFormatRule);
  }
  setConditionalFormatRules(rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[]): void {
    const sm = this.live();
    if (!Array.isArray(rules)) throw new Error('Invalid argument: rules');
    sm.conditionalFormats = rules.map((r) => {
      if (!(r instanceof ConditionalFormatRule)) throw new Error('Invalid argument: rules (expected ConditionalFormatRule values)');
      for (const g of r._spec.ranges) if (g.sheet !== sm) throw new Error('Conditional format rule ranges must be on the sheet they are set on.');
      return r._spec;
    });
    // Like a formula write, a strict emulator refuses a custom formula Sheets would refuse or this engine cannot compute.
    const problems = this.wb.strictFormulas ? conditionProblems(this.wb, sm) : [];
    if (problems.length) throw new Error(`Conditional format formula the emulator cannot compute (strictFormulas): ${problems.map((p) => `${quoteSheetName(p.sheet)}!${p.a1} ${p.formula}: ${p.error}`).join('; ')}`);
  }
  clearConditionalFormatRules(): void {
    this.live().conditionalFormats = [];
  }

  // ---- protections --------------------------------------------------------------------

  protect(): GoogleAppsScript.Spreadsheet.Protection {
    const sm = this.live();
    const existing = sm.protections.find((p) => p.type === 'SHEET');
    if (existing) return this._ctx.protectionObj(existing) as unknown as GoogleAppsScript.Spreadsheet.Protection;
    return this._ctx.protect(sm, null) as unknown as GoogleAppsScript.Spreadsheet.Protection;
  }
  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): GoogleAppsScript.Spreadsheet.Protection[] {
    const key = enumKey(type);
    if (key !== 'RANGE' && key !== 'SHEET') throw new Error(`Invalid argument: type (${key})`);
    return this.live()
      .protections.filter((p) => p.type === key)
      .map((p) => this._ctx.protectionObj(p) as unknown as GoogleAppsScript.Spreadsheet.Protection);
  }

  // ---- charts -----------------------------------------------------------------------------

  newChart(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    return new EmbeddedChartBuilder(this._ctx, this.live(), newChartModel()) as unknown as GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
  }
  private chartOf(chart: unknown): EmbeddedChart {
    if (!(chart instanceof EmbeddedChart)) throw new Error('Invalid argument: chart (expected an EmbeddedChart from build())');
    return chart;
  }
  insertChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const sm = this.live();
    const c = this.chartOf(chart);
    if (c._m.chartId !== null && sm.charts.some((m) => m.chartId === c._m.chartId)) throw new Error('This chart is already in the sheet; use updateChart.');
    const m = cloneChart(c._m);
    m.chartId = this.wb.nextChartId++;
    c._m.chartId = m.chartId;
    sm.charts.push(m);
  }
  updateChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const sm = this.live();
    const c = this.chartOf(chart);
    const i = sm.charts.findIndex((m) => m.chartId !== null && m.chartId === c._m.chartId);
    if (i < 0) throw new Error('The chart is not in this sheet; insert it first.');
    sm.charts[i] = cloneChart(c._m);
  }
  removeChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const sm = this.live();
    const c = this.chartOf(chart);
    const before = sm.charts.length;
    sm.charts = sm.charts.filter((m) => m.chartId !== c._m.chartId);
    if (sm.charts.length === before) throw new Error('The chart is not in this sheet.');
  }
  getCharts(): GoogleAppsScript.Spreadsheet.EmbeddedChart[] {
    const sm = this.live();
    return sm.charts.map((m) => new EmbeddedChart(this._ctx, sm, cloneChart(m)) as unknown as GoogleAppsScript.Spreadsheet.EmbeddedChart);
  }
}
