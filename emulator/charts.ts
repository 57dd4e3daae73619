// Embedded charts: the builder chain (local JS, not counted), built charts with ids, options and ranges, and the plain-JSON chart spec the preview renders.
import type { Ctx } from './ctx';
import { ChartsEnums } from './enums';
import { Emulated, enumKey, enumKeyIn } from './not-emulated';
import type { ChartModel, SheetModel } from './model';
import type { Workbook } from './workbook';

type GBuilder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
type GLine = GoogleAppsScript.Spreadsheet.EmbeddedLineChartBuilder;
type GChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;

/** The chart as plain JSON (emulator.view() and exportState()): the model with its ranges as A1 strings. */
export type ChartSpec = Omit<ChartModel, 'ranges'> & { ranges: string[] };

export function cloneChart(m: ChartModel): ChartModel {
  return {
    ...m,
    ranges: m.ranges.map((g) => ({ ...g })),
    options: JSON.parse(JSON.stringify(m.options)),
    position: { ...m.position },
  };
}

type BuilderMethods =
  | 'addRange' | 'asAreaChart' | 'asBarChart' | 'asColumnChart' | 'asComboChart' | 'asLineChart' | 'asPieChart' | 'asScatterChart' | 'asTableChart'
  | 'asHistogramChart' | 'build' | 'clearRanges' | 'getChartType' | 'getRanges' | 'removeRange' | 'setChartType' | 'setHiddenDimensionStrategy'
  | 'setMergeStrategy' | 'setNumHeaders' | 'setOption' | 'setPosition' | 'setTransposeRowsAndColumns';
type LineMethods =
  | 'setTitle' | 'setXAxisTitle' | 'setYAxisTitle' | 'setRange' | 'setColors' | 'setLegendPosition' | 'setPointStyle' | 'setCurveStyle'
  | 'useLogScale' | 'setBackgroundColor';

/** One builder class for every chart type (Apps Script's typed builders differ only in which setters they offer). */
export class EmbeddedChartBuilder extends Emulated implements Pick<GBuilder, BuilderMethods>, Pick<GLine, LineMethods> {
  readonly _cls = 'EmbeddedChartBuilder';
  constructor(
    readonly _ctx: Ctx,
    readonly _sheet: SheetModel,
    readonly _m: ChartModel,
  ) {
    super();
  }
  private self<T = GLine>(): T {
    return this as unknown as T;
  }
  private as(type: string): GLine {
    this._m.type = type;
    return this.self();
  }
  addRange(range: GoogleAppsScript.Spreadsheet.Range): GBuilder {
    this._m.ranges.push(this._ctx.gridOf(range));
    return this.self();
  }
  removeRange(range: GoogleAppsScript.Spreadsheet.Range): GBuilder {
    const g = this._ctx.gridOf(range);
    this._m.ranges = this._m.ranges.filter((r) => !(r.sheet === g.sheet && r.row === g.row && r.col === g.col && r.numRows === g.numRows && r.numCols === g.numCols));
    return this.self();
  }
  clearRanges(): GBuilder {
    this._m.ranges = [];
    return this.self();
  }
  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return this._m.ranges.map((g) => this._ctx.rangeOfGrid(g) as unknown as GoogleAppsScript.Spreadsheet.Range);
  }
  asAreaChart(): GoogleAppsScript.Spreadsheet.EmbeddedAreaChartBuilder {
    return this.as('AREA') as unknown as GoogleAppsScript.Spreadsheet.EmbeddedAreaChartBuilder;
  }
  asBarChart(): GoogleAppsScript.Spreadsheet.EmbeddedBarChartBuilder {
    return this.as('BAR') as unknown as GoogleAppsScript.Spreadsheet.EmbeddedBarChartBuilder;
  }
  asColumnChart(): GoogleAppsScript.Spreadsheet.EmbeddedColumnChartBuilder {
    return this.as('COLUMN') as unknown as GoogleAppsScript.Spreadsheet.EmbeddedColumnChartBuilder;
  }
  asComboChart(): GoogleAppsScript.Spreadsheet.EmbeddedComboChartBuilder {
    return this.as('COMBO') as unknown as GoogleAppsScript.Spreadsheet.EmbeddedComboChartBuilder;
  }
  asHistogramChart(): GoogleAppsScript.Spreadsheet.EmbeddedHistogramChartBuilder {
    return this.as('HISTOGRAM') as unknown as GoogleAppsScript.Spreadsheet.EmbeddedHistogramChartBuilder;
  }
  asLineChart(): GLine {
    return this.as('LINE');
  }
  asPieChart(): GoogleAppsScript.Spreadsheet.EmbeddedPieChartBuilder {
    return this.as('PIE') as unknown as GoogleAppsScript.Spreadsheet.EmbeddedPieChartBuilder;
  }
  asScatterChart(): GoogleAppsScript.Spreadsheet.EmbeddedScatterChartBuilder {
    return this.as('SCATTER') as unknown as GoogleAppsScript.Spreadsheet.EmbeddedScatterChartBuilder;
  }
  asTableChart(): GoogleAppsScript.Spreadsheet.EmbeddedTableChartBuilder {
    return this.as('TABLE') as unknown as GoogleAppsScript.Spreadsheet.EmbeddedTableChartBuilder;
  }
  getChartType(): GoogleAppsScript.Charts.ChartType {
    return ChartsEnums.ChartType[this._m.type] as unknown as GoogleAppsScript.Charts.ChartType;
  }
  setChartType(type: GoogleAppsScript.Charts.ChartType): GBuilder {
    this._m.type = enumKeyIn(type, ChartsEnums.ChartType, 'type');
    return this.self();
  }
  setHiddenDimensionStrategy(strategy: GoogleAppsScript.Charts.ChartHiddenDimensionStrategy): GBuilder {
    this._m.hiddenDimensionStrategy = enumKeyIn(strategy, ChartsEnums.ChartHiddenDimensionStrategy, 'strategy');
    return this.self();
  }
  setMergeStrategy(mergeStrategy: GoogleAppsScript.Charts.ChartMergeStrategy): GBuilder {
    this._m.mergeStrategy = enumKey(mergeStrategy);
    return this.self();
  }
  setNumHeaders(headers: number): GBuilder {
    if (!Number.isInteger(headers)) throw new Error(`Invalid argument: headers (${String(headers)})`);
    this._m.numHeaders = headers;
    return this.self();
  }
  /** Options are stored under the dotted key given, as Sheets' ChartOptions.get(key) reads them back. */
  setOption(option: string, value: unknown): GBuilder {
    if (typeof option !== 'string' || option === '') throw new Error('Invalid argument: option');
    this._m.options[option] = value === undefined ? null : JSON.parse(JSON.stringify(value));
    return this.self();
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): GBuilder {
    for (const v of [anchorRowPos, anchorColPos, offsetX, offsetY]) if (!Number.isInteger(v)) throw new Error('Invalid argument: setPosition expects four integers');
    this._m.position = { row: anchorRowPos, column: anchorColPos, offsetX, offsetY };
    return this.self();
  }
  setTransposeRowsAndColumns(transpose: boolean): GBuilder {
    this._m.transposeRowsAndColumns = !!transpose;
    return this.self();
  }
  setTitle(chartTitle: string): GLine {
    this._m.options.title = String(chartTitle);
    return this.self();
  }
  setXAxisTitle(title: string): GLine {
    this._m.options['hAxis.title'] = String(title);
    return this.self();
  }
  setYAxisTitle(title: string): GLine {
    this._m.options['vAxis.title'] = String(title);
    return this.self();
  }
  /** The vertical axis range (Apps Script: "Sets the range for the chart"). */
  setRange(start: number, end: number): GLine {
    this._m.options['vAxis.viewWindow.min'] = start;
    this._m.options['vAxis.viewWindow.max'] = end;
    return this.self();
  }
  setColors(cssValues: string[]): GLine {
    if (!Array.isArray(cssValues)) throw new Error('Invalid argument: cssValues');
    this._m.options.colors = cssValues.map(String);
    return this.self();
  }
  setLegendPosition(position: GoogleAppsScript.Charts.Position): GLine {
    this._m.options['legend.position'] = enumKey(position).toLowerCase();
    return this.self();
  }
  setPointStyle(style: GoogleAppsScript.Charts.PointStyle): GLine {
    this._m.options.pointStyle = enumKey(style);
    return this.self();
  }
  setCurveStyle(style: GoogleAppsScript.Charts.CurveStyle): GLine {
    this._m.options.curveType = enumKey(style) === 'SMOOTH' ? 'function' : 'none';
    return this.self();
  }
  useLogScale(): GLine {
    this._m.options['vAxis.logScale'] = true;
    return this.self();
  }
  setBackgroundColor(cssValue: string): GLine {
    this._m.options.backgroundColor = String(cssValue);
    return this.self();
  }
  build(): GChart {
    if (this._m.ranges.length === 0) throw new Error('The chart has no data; call addRange() before build().');
    if (!this._m.type) throw new Error('The chart has no type; call setChartType() or an as…Chart() method before build().');
    return new EmbeddedChart(this._ctx, this._sheet, cloneChart(this._m)) as unknown as GChart;
  }
}

export class ChartOptions extends Emulated implements Pick<GoogleAppsScript.Charts.ChartOptions, 'get'> {
  readonly _cls = 'ChartOptions';
  constructor(readonly _options: Record<string, unknown>) {
    super();
  }
  get(option: string): unknown {
    const v = this._options[option];
    return v === undefined ? null : JSON.parse(JSON.stringify(v));
  }
  getOrDefault(option: string): unknown {
    return this.get(option);
  }
}

export class ContainerInfo extends Emulated implements Pick<GoogleAppsScript.Spreadsheet.ContainerInfo, 'getAnchorRow' | 'getAnchorColumn' | 'getOffsetX' | 'getOffsetY'> {
  readonly _cls = 'ContainerInfo';
  constructor(readonly _p: ChartModel['position']) {
    super();
  }
  getAnchorRow(): number {
    return this._p.row;
  }
  getAnchorColumn(): number {
    return this._p.column;
  }
  getOffsetX(): number {
    return this._p.offsetX;
  }
  getOffsetY(): number {
    return this._p.offsetY;
  }
}

type ChartMethods = 'getChartId' | 'getOptions' | 'getRanges' | 'modify' | 'getContainerInfo' | 'getHiddenDimensionStrategy' | 'getMergeStrategy' | 'getNumHeaders' | 'getTransposeRowsAndColumns';

export class EmbeddedChart extends Emulated implements Pick<GChart, ChartMethods> {
  readonly _cls = 'EmbeddedChart';
  constructor(
    readonly _ctx: Ctx,
    readonly _sheet: SheetModel,
    readonly _m: ChartModel,
  ) {
    super();
  }
  getChartId(): number | null {
    return this._m.chartId;
  }
  getOptions(): GoogleAppsScript.Charts.ChartOptions {
    return new ChartOptions(this._m.options) as unknown as GoogleAppsScript.Charts.ChartOptions;
  }
  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return this._m.ranges.map((g) => this._ctx.rangeOfGrid(g) as unknown as GoogleAppsScript.Spreadsheet.Range);
  }
  modify(): GBuilder {
    return new EmbeddedChartBuilder(this._ctx, this._sheet, cloneChart(this._m)) as unknown as GBuilder;
  }
  getContainerInfo(): GoogleAppsScript.Spreadsheet.ContainerInfo {
    return new ContainerInfo({ ...this._m.position }) as unknown as GoogleAppsScript.Spreadsheet.ContainerInfo;
  }
  getHiddenDimensionStrategy(): GoogleAppsScript.Charts.ChartHiddenDimensionStrategy {
    return ChartsEnums.ChartHiddenDimensionStrategy[this._m.hiddenDimensionStrategy ?? 'IGNORE_BOTH'] as unknown as GoogleAppsScript.Charts.ChartHiddenDimensionStrategy;
  }
  getMergeStrategy(): GoogleAppsScript.Charts.ChartMergeStrategy {
    return ChartsEnums.ChartMergeStrategy[this._m.mergeStrategy ?? 'MERGE_COLUMNS'] as unknown as GoogleAppsScript.Charts.ChartMergeStrategy;
  }
  getNumHeaders(): number {
    return this._m.numHeaders;
  }
  getTransposeRowsAndColumns(): boolean {
    return this._m.transposeRowsAndColumns;
  }
}

/**
 * How many categories (x-axis points) Sheets draws for a chart: its data rows (after numHeaders; columns when transposed) up to
 * the last one with any content in the chart's ranges. Content is a value or a formula, a formula's "" included (Sheets reads it
 * as a text category); trailing rows of truly empty cells are not categories (a chart on A:B does not draw the sheet's empty rows).
 * An empty row before the last used one still counts (pessimistic); a spilled "" (no formula of its own) reads as empty.
 */
export function chartCategories(wb: Workbook, m: ChartModel): number {
  const headers = Math.max(0, m.numHeaders);
  let last = 0;
  for (const g of m.ranges) {
    const along = m.transposeRowsAndColumns ? g.numCols : g.numRows;
    const across = m.transposeRowsAndColumns ? g.numRows : g.numCols;
    for (let i = along - 1; i >= headers && i + 1 - headers > last; i--) {
      const used = Array.from({ length: across }, (_, j) => (m.transposeRowsAndColumns ? [g.row + j, g.col + i] : [g.row + i, g.col + j])).some(([r, c]) => wb.formula(g.sheet, r, c) !== '' || wb.value(g.sheet, r, c) !== '');
      if (used) last = i + 1 - headers;
    }
  }
  return last;
}

export function newChartModel(): ChartModel {
  return { chartId: null, type: '', ranges: [], options: {}, position: { row: 1, column: 1, offsetX: 0, offsetY: 0 }, hiddenDimensionStrategy: null, mergeStrategy: null, numHeaders: -1, transposeRowsAndColumns: false };
}
