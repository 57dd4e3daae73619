// The Review tab: a client selector (B1) driving helper tables of native formulas (measure totals with cut-off and band-edge lines,
// 0–10 objective ratings, GAS T-scores, event notes; built in review-dashboard-blocks.ts) and the embedded line charts bound to them. Choosing a client runs no script.
import { findInstrument } from '../core/instruments/registry';
import { columnLetters } from './a1';
import { reviewBlocks } from './review-dashboard-blocks';
import { CAPTION_ROW, CHART_HEAD_ROW, CHART_LAST_ROW, chartTable, FIRST_ROW, HEAD_ROW, NOTES_COL, SELECTOR, SERIES_STYLES, STAGE_CAPTION, type Block, type ReviewSources, type StageAt } from './review-dashboard-grid';
import type { Settings } from './settings';
import { col, type Tab } from './table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const REVIEW_TAB = 'Review';

const REVIEW_CAPTION = 'Choose a client in B1';

/** Whether a tab's A1:C1 is the Review tab Attain wrote (A1 "Client", C1 its caption), not a clinic's own tab of that name. */
export function isReviewTab(row1: readonly unknown[]): boolean {
  return row1[0] === 'Client' && String(row1[2] ?? '').startsWith(REVIEW_CAPTION);
}
/** Every chart Attain puts on the Review tab has a title starting with this (a clinic may edit it: see isAttainChart). */
export const REVIEW_CHART_PREFIX = 'Review · ';
/** Rows per stacked chart in A–H. */
const CHART_ROWS = 17;

interface Placed {
  block: Block;
  first: number;
  /** Where the client's rows (the stage block) are, which every block's formulas read. */
  stage: StageAt;
}

/** Blocks found by their caption in row 3, and the missing ones placed after the sheet's last used column. */
function place(sheet: Sheet, blocks: readonly Block[], fresh: boolean): { placed: Placed[]; missing: Placed[]; vacated: [number, number] | null } {
  const lastCol = fresh ? 0 : sheet.getLastColumn();
  const captions = lastCol > 0 ? sheet.getRange(CAPTION_ROW, 1, 1, lastCol).getValues()[0].map((v) => String(v)) : [];
  let next = Math.max(NOTES_COL, lastCol + 1);
  const placed: Placed[] = [];
  const missing: Placed[] = [];
  let stage: StageAt = () => {
    throw new Error(`Review tab has no block "${STAGE_CAPTION}"; expected reviewBlocks to end with it`);
  };
  for (const block of blocks) {
    const at = captions.indexOf(block.caption);
    const p: Placed = { block, first: at >= 0 ? at + 1 : next, stage: (key) => stage(key) };
    if (at < 0) {
      next += block.width;
      missing.push(p);
    }
    placed.push(p);
  }
  const s = placed.find((p) => p.block.caption === STAGE_CAPTION);
  // The client's rows stay last (their columns grow with new blocks): a block appended after them moves them after it.
  let vacated: [number, number] | null = null;
  if (s && !missing.includes(s) && missing.length) {
    vacated = [s.first, lastCol];
    s.first = next;
  }
  if (s) stage = s.block.stageAt!(s.first);
  return { placed, missing, vacated };
}

/** A block's cells with its chart's table below (CHART_HEAD_ROW…). */
function cellsOf(p: Placed): (string | number)[][] {
  const g = p.block.cells(p.first, p.stage);
  if (p.block.chart) chartTable(g, p.first, p.block.chart);
  return g;
}

/** Writes blocks: one setValues and one setNumberFormats per run of adjacent blocks (data rows and chart tables alike). */
function writeBlocks(sheet: Sheet, blocks: readonly Placed[]): void {
  const sorted = [...blocks].sort((a, b) => a.first - b.first);
  const end = sorted.reduce((m, p) => Math.max(m, p.first + p.block.width - 1), 0);
  if (end > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), end - sheet.getMaxColumns());
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1].first === sorted[j].first + sorted[j].block.width) j++;
    const run = sorted.slice(i, j + 1);
    const grids = run.map(cellsOf);
    const values = grids[0].map((_, r) => grids.flatMap((g) => g[r]));
    const width = values[0].length;
    // Formats first: a cell an earlier layout left as plain text ('@') would keep a formula written into it as text.
    const formats = run.flatMap((p) => p.block.formats);
    const rows = CHART_LAST_ROW - FIRST_ROW + 1;
    sheet.getRange(FIRST_ROW, run[0].first, rows, width).setNumberFormats(Array.from({ length: rows }, () => formats));
    sheet.getRange(CAPTION_ROW, run[0].first, values.length, width).setValues(values);
    i = j + 1;
  }
}

/**
 * Whether any block's head (caption to header row) differs from this layout's: its text cells (captions, column headers such as the
 * reference lines' names and order) by value, its formula cells by being formulas (Sheets rewrites a formula's references as it stores
 * it, so the text is not compared). Two reads.
 */
function headsDiffer(sheet: Sheet, placed: readonly Placed[]): boolean {
  const from = Math.min(...placed.map((p) => p.first));
  const to = Math.max(...placed.map((p) => p.first + p.block.width - 1));
  if (to > sheet.getMaxColumns()) return true;
  const range = sheet.getRange(CAPTION_ROW, from, HEAD_ROW - CAPTION_ROW + 1, to - from + 1);
  const [formulas, values] = [range.getFormulas(), range.getValues()];
  return placed.some((p) =>
    p.block
      .cells(p.first, p.stage)
      .slice(0, HEAD_ROW - CAPTION_ROW + 1)
      .some((row, i) =>
        row.some((want, j) => {
          const [f, v] = [formulas[i][p.first - from + j], values[i][p.first - from + j]];
          return typeof want === 'string' && want.startsWith('=') ? f === '' : f !== '' || v !== want;
        }),
      ),
  );
}

/**
 * Whether a Review-tab chart is Attain's. A title can be edited by hand and Sheets drops options it does not know, but it keeps a
 * chart's data ranges (getRanges) until someone edits them: a chart whose first range starts at a charted block's header cell
 * (the chart table's, or the per-row table's of earlier versions) is Attain's; the title prefix still catches a moved range.
 */
function isAttainChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart, starts: ReadonlySet<string>): boolean {
  if (String(chart.getOptions().get('title') ?? '').startsWith(REVIEW_CHART_PREFIX)) return true;
  const [r] = chart.getRanges();
  return !!r && starts.has(`${r.getRow()}:${r.getColumn()}`);
}

/** Removes the Review tab's Attain charts (isAttainChart) and inserts one per charted block, stacked in A–H. */
function buildCharts(sheet: Sheet, placed: readonly Placed[]): number {
  const starts = new Set(placed.flatMap(({ block, first }) => (block.chart ? [HEAD_ROW, CHART_HEAD_ROW].map((row) => `${row}:${first + block.chart!.offset}`) : [])));
  for (const c of sheet.getCharts()) if (isAttainChart(c, starts)) sheet.removeChart(c);
  let n = 0;
  for (const { block, first } of placed) {
    const p = block.chart;
    if (!p) continue;
    const series = Object.fromEntries(p.series.map((s, i) => [i, SERIES_STYLES[s.kind]]));
    let builder = sheet
      .newChart()
      .addRange(sheet.getRange(CHART_HEAD_ROW, first + p.offset, CHART_LAST_ROW - CHART_HEAD_ROW + 1, p.width))
      .asLineChart()
      .setTitle(REVIEW_CHART_PREFIX + p.title)
      .setXAxisTitle('Date')
      .setYAxisTitle(p.yTitle)
      .setColors(p.series.map((s) => s.color))
      .setLegendPosition(Charts.Position[p.legend]);
    // setRange alone is only a starting window (Sheets widens it to the data); 'explicit' pins it, so it is set only where every value fits.
    if (p.axis) builder = builder.setRange(p.axis[0], p.axis[1]).setOption('vAxis.viewWindowMode', 'explicit') as typeof builder;
    const chart = builder
      .setOption('series', series)
      .setOption('width', 780)
      .setOption('height', 330)
      .setNumHeaders(1)
      // The helper columns may be hidden by a clinic; the charts keep plotting them.
      .setHiddenDimensionStrategy(Charts.ChartHiddenDimensionStrategy.SHOW_BOTH)
      .setPosition(CAPTION_ROW + n * CHART_ROWS, 1, 0, 0)
      .build();
    sheet.insertChart(chart);
    n++;
  }
  return n;
}

/** The first-time layout: selector with its validation, labels, widths, bold caption and header rows (setup protects the tab, B1 excepted). */
function writeFrame(sheet: Sheet, src: ReviewSources): void {
  const code = columnLetters(col(src.clients, 'code'));
  const rule = SpreadsheetApp.newDataValidation()
    .requireValueInRange(src.clients.sheet.getRange(`${code}2:${code}`), true)
    .setAllowInvalid(false)
    .setHelpText('Choose a client code from the Clients tab.')
    .build();
  sheet.getRange('A1:C2').setValues([
    ['Client', '', `${REVIEW_CAPTION}: every table and chart on this tab follows it (no script runs).`],
    ['', '', 'Charts missing or broken? Extensions ▸ Attain ▸ Rebuild review charts. Columns J onward are formulas.'],
  ]);
  sheet.getRange(SELECTOR).setDataValidation(rule).setBackground('#fef7e0');
  sheet.getRange('A1:B1').setFontWeight('bold');
  sheet.getRange(`${CAPTION_ROW}:${CAPTION_ROW}`).setFontWeight('bold');
  sheet.getRange(`${HEAD_ROW}:${HEAD_ROW}`).setFontWeight('bold');
  sheet.setColumnWidth(NOTES_COL + 2, 320);
  sheet.setFrozenRows(1);
}

export interface ReviewResult {
  sheet: Sheet;
  created: boolean;
  addedBlocks: string[];
  charts: number | null;
}

/**
 * Makes the Review tab match the enabled measures. A missing tab is created with everything and its charts. On an existing tab,
 * setup (`rebuild` false) only appends blocks that are missing (then rebuilds the charts) and otherwise writes nothing;
 * a rebuild rewrites every Attain block in place and recreates the charts. The selector and cells outside the blocks are never touched.
 */
export function syncReviewTab(ss: Spreadsheet, existing: Sheet | null, src: ReviewSources, rebuild: boolean, insertAt: number): ReviewResult {
  const fresh = !existing;
  const sheet = existing ?? ss.insertSheet(REVIEW_TAB, insertAt);
  const blocks = reviewBlocks(src);
  const { placed, missing, vacated } = place(sheet, blocks, fresh);
  const addedBlocks = missing.map((p) => p.block.caption);
  // A tab of an earlier layout (other reference lines, goals instead of objectives) is rebuilt in place by setup too.
  // So is a tab of the layout before the client's rows were staged (its blocks read the source tabs' whole columns per cell).
  const stale = !fresh && !rebuild && (!!vacated || missing.some((p) => p.block.caption === STAGE_CAPTION) || (!missing.length && headsDiffer(sheet, placed)));
  if (!fresh && !rebuild && !missing.length && !stale) return { sheet, created: false, addedBlocks, charts: null };
  // Moved client rows: their old columns are cleared (the blocks written next may not cover them all), so no stale spill stays.
  if (vacated) sheet.getRange(CAPTION_ROW, vacated[0], CHART_LAST_ROW - CAPTION_ROW + 1, vacated[1] - vacated[0] + 1).clearContent();
  writeBlocks(sheet, rebuild || fresh || stale ? placed : missing);
  if (fresh) writeFrame(sheet, src);
  return { sheet, created: fresh, addedBlocks, charts: buildCharts(sheet, placed) };
}

/** Review sources from bound tabs by layout key (instrument tabs carry the clinic's band and cut-off choices). */
export function reviewSources(tabs: readonly Tab[], settings: Settings): ReviewSources {
  const by = new Map(tabs.map((t) => [t.layout.key, t]));
  const need = (key: string) => by.get(key) as Tab;
  const measures = tabs
    .filter((t) => t.layout.key.startsWith('instrument:'))
    .map((tab) => {
      const def = tab.layout.instrument ?? findInstrument(tab.layout.key.slice('instrument:'.length));
      return { def, tab, options: settings.options[def.id] };
    });
  return { settings: need('settings'), clients: need('clients'), goals: need('goals'), sessions: need('sessions'), ratings: need('ratings'), reviews: by.get('reviews'), tasks: by.get('tasks'), measures };
}

/** Setup's part: creates the Review tab (with charts) when missing, or appends blocks for newly enabled measures; true when created. */
export function ensureReviewTab(ss: Spreadsheet, sheets: Map<string, Sheet>, tabs: readonly Tab[], settings: Settings): boolean {
  const existing = sheets.get(REVIEW_TAB.toLowerCase()) ?? null;
  const r = syncReviewTab(ss, existing, reviewSources(tabs, settings), false, sheets.size);
  if (r.created) sheets.set(REVIEW_TAB.toLowerCase(), r.sheet);
  return r.created;
}
