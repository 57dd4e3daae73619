// The printable "Progress <code>" sheet: core's progress-report lines in one wide wrapped column, a line chart per measure (with its bands) and of the goal ratings, their data written as values in hidden columns of the same tab; only a sheet Attain made is ever replaced.
import { PROGRESS_HEADINGS, type ProgressReport, type ReportLine } from '../core/progress-report';
import type { InstrumentDefinition } from '../core/instruments/schema';
import { DATE_FORMAT } from './columns';
import type { InstrumentOptions } from './instrument-layout';
import { madeFor, openGeneratedTab } from './generated-tab';
import type { Journal } from './journal';
import { edgesOf, measureScale } from './review-dashboard-blocks';
import { COLOURS, SERIES_STYLES, type SeriesKind } from './review-dashboard-grid';
import { isoToSerial, safeText } from './values';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Wide enough for about 90 characters a line, and narrow enough for an A4 or Letter portrait page at 100%. */
export const PROGRESS_WIDTH = 640;
/** Charts sit in column A under the text, each this wide and tall (px) and this many default-height rows apart. */
export const PROGRESS_CHART = { width: 620, height: 300, rows: 16 } as const;
/** The charts' data starts in this column (B is a spacer); those columns are hidden so only column A prints. */
export const PROGRESS_DATA_COL = 3;
/** Every chart on the tab has a title starting with this. */
export const PROGRESS_CHART_PREFIX = 'Progress: ';

export const progressSheetName = (code: string) => `Progress ${code}`;

/** Column A top to bottom: the title and headings bold, a goal's or a measure's first line as a bullet, the lines under it indented. */
export function progressCells(lines: readonly ReportLine[]): { text: string; bold: boolean }[] {
  let under = false;
  let inTitle = true;
  return lines.map((l) => {
    if (l.style === 'heading') inTitle = false;
    if (l.style === 'title' || l.style === 'heading') {
      under = false;
      return { text: l.text, bold: true };
    }
    if (l.style === 'item') {
      under = true;
      return { text: `• ${l.text}`, bold: true };
    }
    if (l.text === '' || inTitle) return { text: l.text, bold: false };
    return { text: under ? `    ${l.text}` : `• ${l.text}`, bold: false };
  });
}

/** One chart's table: a caption row, a header row, then one row per point; `series` says how each column after the date is drawn. */
export interface ChartTable {
  caption: string;
  title: string;
  yTitle: string;
  axis: readonly [number, number];
  header: string[];
  rows: (number | '')[][];
  series: { color: string; kind: SeriesKind }[];
  legend: 'BOTTOM' | 'RIGHT';
}

/** The charts' tables: one per measure (its totals, then the cut-off and band edges as constant lines) and one of the goal ratings. */
export function progressTables(report: ProgressReport, defs: ReadonlyMap<string, InstrumentDefinition>, options: Readonly<Record<string, InstrumentOptions>> = {}): ChartTable[] {
  const out: ChartTable[] = [];
  for (const m of report.measures) {
    const def = defs.get(m.instrumentId);
    if (!def) continue;
    const [lo, hi] = measureScale(def);
    const edges = edgesOf(def, options[def.id]);
    out.push({
      caption: `Chart data: ${m.name}`,
      title: `${PROGRESS_CHART_PREFIX}${m.name} total (${lo}–${hi})`,
      yTitle: `${m.name} total`,
      axis: [lo, hi],
      header: ['Date', `${m.name} total`, ...edges.map((e) => e.label)],
      rows: m.points.map((p) => [isoToSerial(p.date), p.total, ...edges.map((e) => e.value)]),
      series: [{ color: COLOURS.data[0], kind: 'data' }, ...edges.map((e) => ({ color: e.color, kind: e.kind }))],
      legend: 'BOTTOM',
    });
  }
  if (report.ratings.length) {
    const [lo, hi] = report.ratingScale;
    const dates = [...new Set(report.ratings.flatMap((s) => s.points.map((p) => p.date)))].sort();
    out.push({
      caption: 'Chart data: goal ratings',
      title: `${PROGRESS_CHART_PREFIX}Goal ratings (${lo}–${hi})`,
      yTitle: `Rating (${lo}–${hi})`,
      axis: [lo, hi],
      header: ['Date', ...report.ratings.map((s) => s.label)],
      // The latest rating of a goal on a date; a goal not rated that day is blank (the line joins across it).
      rows: dates.map((d) => [isoToSerial(d), ...report.ratings.map((s) => [...s.points].reverse().find((p) => p.date === d)?.rating ?? '')]),
      series: report.ratings.map((_, i) => ({ color: COLOURS.data[i % COLOURS.data.length], kind: 'data' as const })),
      legend: 'RIGHT',
    });
  }
  return out;
}

export type WriteResult = { ok: true; sheetName: string; rebuilt: boolean; charts: number; finish: () => void } | { ok: false; message: string };

/** Writes the tables into one rectangle from (1, PROGRESS_DATA_COL): one setValues, one setNumberFormats; returns each table's header row. */
function writeTables(sheet: Sheet, tables: readonly ChartTable[]): number[] {
  const width = Math.max(...tables.map((t) => t.header.length));
  const grid: (string | number)[][] = [];
  const formats: string[][] = [];
  const heads: number[] = [];
  const pad = <T>(xs: T[], fill: T) => [...xs, ...new Array<T>(width - xs.length).fill(fill)];
  for (const t of tables) {
    grid.push(pad<string | number>([t.caption], ''));
    formats.push(pad(['@'], '@'));
    heads.push(grid.length + 1);
    grid.push(pad<string | number>(t.header.map((h) => safeText(h, true)), ''));
    formats.push(pad(['@'], '@'));
    for (const r of t.rows) {
      grid.push(pad<string | number>(r, ''));
      formats.push(pad([DATE_FORMAT, ...new Array<string>(r.length - 1).fill('General')], 'General'));
    }
    grid.push(pad<string | number>([], ''));
    formats.push(pad([], 'General'));
  }
  const need = PROGRESS_DATA_COL + width - 1;
  if (need > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), need - sheet.getMaxColumns());
  if (grid.length > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), grid.length - sheet.getMaxRows());
  const block = sheet.getRange(1, PROGRESS_DATA_COL, grid.length, width);
  block.setNumberFormats(formats);
  block.setValues(grid);
  return heads;
}

/**
 * Writes the report to "Progress <code>". A first report goes into a new tab of that name; a rebuild is written into a fresh
 * tab beside the earlier report, which stays untouched until `finish` (called after the Audit row) swaps them, so a failure at
 * any step leaves the earlier report as it was. A tab of that name that Attain did not make is left alone. Writes: one setValues
 * for the text, one for the chart data, a call per format, one insertChart per chart.
 */
export function writeProgressSheet(ss: Spreadsheet, report: ProgressReport, tables: readonly ChartTable[], journal?: Journal): WriteResult {
  const code = report.clientCode;
  const name = progressSheetName(code);
  const tab = openGeneratedTab(ss, name, (t) => madeFor(t, PROGRESS_HEADINGS.title, code), 'a progress report', 'build the report again', journal);
  if (!tab.ok) return tab;
  const { sheet } = tab;
  const cells = progressCells(report.lines);
  const n = cells.length;
  const chartRows = n + 2 + tables.length * PROGRESS_CHART.rows;
  if (chartRows > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), chartRows - sheet.getMaxRows());
  const text = sheet.getRange(1, 1, n, 1);
  // Plain text first, so every line (the client's words, typed next steps) is kept exactly as written and never read as a formula.
  text.setNumberFormat('@');
  text.setValues(cells.map((c) => [safeText(c.text, true)]));
  text.setFontWeights(cells.map((c) => [c.bold ? 'bold' : 'normal']));
  text.setWrap(true);
  sheet.setColumnWidth(1, PROGRESS_WIDTH);
  if (tables.length) {
    const heads = writeTables(sheet, tables);
    const width = Math.max(...tables.map((t) => t.header.length));
    // Only column A prints; the charts keep plotting their hidden data (SHOW_BOTH).
    sheet.hideColumns(2, PROGRESS_DATA_COL - 2 + width);
    tables.forEach((t, i) => {
      const chart = sheet
        .newChart()
        .addRange(sheet.getRange(heads[i], PROGRESS_DATA_COL, t.rows.length + 1, t.header.length))
        .asLineChart()
        .setTitle(t.title)
        .setXAxisTitle('Date')
        .setYAxisTitle(t.yTitle)
        .setColors(t.series.map((s) => s.color))
        .setLegendPosition(Charts.Position[t.legend])
        .setRange(t.axis[0], t.axis[1])
        .setOption('vAxis.viewWindowMode', 'explicit')
        .setOption('series', Object.fromEntries(t.series.map((s, j) => [j, SERIES_STYLES[s.kind]])))
        .setOption('interpolateNulls', true)
        .setOption('width', PROGRESS_CHART.width)
        .setOption('height', PROGRESS_CHART.height)
        .setNumHeaders(1)
        .setHiddenDimensionStrategy(Charts.ChartHiddenDimensionStrategy.SHOW_BOTH)
        .setPosition(n + 2 + i * PROGRESS_CHART.rows, 1, 0, 0)
        .build();
      sheet.insertChart(chart);
    });
  }
  return { ok: true, sheetName: name, rebuilt: tab.rebuilt, charts: tables.length, finish: tab.finish };
}
