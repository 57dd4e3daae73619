// The Review tab: a client selector (B1) driving helper tables of native formulas (measure totals with cut-off and band-edge lines,
// 0–10 goal ratings, GAS T-scores, event notes) and the embedded line charts bound to them. Choosing a client runs no script.
import { DEFAULT_RHO } from '../core/gas';
import type { Band, InstrumentDefinition } from '../core/instruments/schema';
import { STATUSES } from '../core/plan';
import { REVIEWABLE_STATUSES } from '../core/review';
import { chosenBands, type InstrumentOptions } from './instrument-layout';
import { columnLetters, str } from './formulas';
import { findInstrument } from '../core/instruments/registry';
import { DATE_FORMAT, RATINGS } from './layout';
import type { Settings } from './settings';
import { col, type Tab } from './table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Grid = (string | number)[][];

export const REVIEW_TAB = 'Review';
/** Every chart Attain puts on the Review tab has a title starting with this; rebuilding removes exactly those. */
export const REVIEW_CHART_PREFIX = 'Review · ';
export const SELECTOR = 'B1';
const SEL = '$B$1';
export const CAPTION_ROW = 3;
export const HEAD_ROW = 7;
export const FIRST_ROW = 8;
/** Dates per helper table (earliest first): rows 8–67. */
export const REVIEW_POINTS = 60;
export const LAST_ROW = FIRST_ROW + REVIEW_POINTS - 1;
/** Event notes start here (J), beside the charts in A–H; the helper tables follow. */
export const NOTES_COL = 10;
export const RATING_SLOTS = 8;
export const GAS_SLOTS = 12;
/** GAS T-score axis: 50 ± 3 SD, the conventional display range. */
export const GAS_T_RANGE: readonly [number, number] = [20, 80];
const GAS_EXPECTED = 50;
const CHART_ROWS = 17;
const COLOURS = { data: ['#1a73e8', '#e8710a', '#188038', '#a142f4', '#d01884', '#12b5cb', '#795548', '#5f6368'], cutoff: '#d93025', clinical: '#f9ab00', other: '#9aa0a6' };
const BIG = '999999999';

/** Where Review formulas read from: tabs bound to their header rows (columns by header name). */
export interface ReviewSources {
  settings: Tab;
  clients: Tab;
  goals: Tab;
  sessions: Tab;
  ratings: Tab;
  /** The Reviews tab when the workbook has one: GAS levels and ratings given at goal reviews. */
  reviews?: Tab;
  measures: { def: InstrumentDefinition; tab: Tab; options?: InstrumentOptions }[];
}

interface ChartPlan {
  /** Offset of the chart's first column (the date) within its block, and how many columns it plots. */
  offset: number;
  width: number;
  title: string;
  yTitle: string;
  min: number;
  max: number;
  colors: string[];
  /** Indexes of constant (reference-line) series: thin, no points. */
  constant: number[];
}

interface Block {
  caption: string;
  /** Columns, including the trailing spacer. */
  width: number;
  /** Rows CAPTION_ROW…LAST_ROW, given the block's first column. */
  cells(first: number): Grid;
  /** Data-row number format per column. */
  formats: string[];
  chart?: ChartPlan;
}

const sheetRef = (name: string) => `'${name.replace(/'/g, "''")}'`;
/** A whole column of a source tab by layout key, e.g. 'PHQ-9'!$M:$M. */
const ref = (tab: Tab, key: string) => {
  const c = columnLetters(col(tab, key));
  return `${sheetRef(tab.layout.name)}!$${c}:$${c}`;
};

function emptyGrid(width: number): Grid {
  return Array.from({ length: LAST_ROW - CAPTION_ROW + 1 }, () => new Array<string | number>(width).fill(''));
}
const put = (g: Grid, row: number, offset: number, v: string | number) => (g[row - CAPTION_ROW][offset] = v);
const dataRows = () => Array.from({ length: REVIEW_POINTS }, (_, i) => FIRST_ROW + i);

/**
 * Sorted distinct dates, one per row: row k holds the smallest date after row k−1's among the rows matching `crit`
 * (each `[criteria, dateRange]` pair is one source tab); blank once there are no more. MINIFS chains need no sorting function.
 */
function dateChain(letter: string, r: number, sources: readonly { crit: string; date: string }[]): string {
  const guard = r === FIRST_ROW ? `${SEL}=""` : `${letter}${r - 1}=""`;
  const prev = r === FIRST_ROW ? '0' : `${letter}${r - 1}`;
  const c = sources.map((s) => `${s.crit},${s.date},">"&${prev}`);
  const counts = c.map((x) => `COUNTIFS(${x})`);
  const next = sources.length === 1 ? `MINIFS(${sources[0].date},${c[0]})` : `MIN(${c.map((x, i) => `IF(${counts[i]}=0,${BIG},MINIFS(${sources[i].date},${x}))`).join(',')})`;
  return `=IF(${guard},"",IF(${counts.join('+')}=0,"",${next}))`;
}

/** Average over every source of `value` where `crit` holds, or blank when no source has one (0/0). */
function averageOf(sources: readonly { value: string; crit: string }[]): string {
  return `IFERROR((${sources.map((s) => `SUMIFS(${s.value},${s.crit})`).join('+')})/(${sources.map((s) => `COUNTIFS(${s.crit})`).join('+')}),"")`;
}

// ---- Blocks -----------------------------------------------------------------------

function notesBlock(src: ReviewSources): Block {
  const s = src.sessions;
  const [client, date, session, note] = ['client', 'date', 'session', 'note'].map((k) => ref(s, k));
  const filter = (what: string) => `FILTER(${what},${client}=${SEL},${note}<>"")`;
  return {
    caption: 'Event notes',
    width: 4,
    formats: [DATE_FORMAT, '0', '@', '@'],
    cells(first) {
      const g = emptyGrid(4);
      const count = `$${columnLetters(first + 1)}$4`;
      put(g, CAPTION_ROW, 0, 'Event notes');
      put(g, 4, 0, 'Notes');
      put(g, 4, 1, `=IF(${SEL}="",0,IFERROR(ROWS(${filter(note)}),0))`);
      ['Date', 'Session', 'Event note'].forEach((h, i) => put(g, HEAD_ROW, i, h));
      dataRows().forEach((r, i) => [date, session, note].forEach((c, j) => put(g, r, j, `=IF(${i + 1}>${count},"",INDEX(${filter(c)},${i + 1}))`)));
      return g;
    },
  };
}

interface Edge {
  label: string;
  value: number;
  color: string;
}

/** Reference lines of a measure: each band's lower edge (above the scale minimum), then the cut-off last so it is drawn on top. */
function edgesOf(def: InstrumentDefinition, options: InstrumentOptions = {}): Edge[] {
  const cut = def.cutoff ? (options.cutoff ?? def.cutoff.value) : null;
  const worse = (v: number) => (cut === null ? true : def.direction === 'higher-is-worse' ? v >= cut : v <= cut);
  const bands: readonly Band[] = chosenBands(def, options.bandScheme) ?? [];
  const edges = bands.slice(1).map((b) => ({ label: `${b.label} (${b.min})`, value: b.min, color: worse(b.min) ? COLOURS.clinical : COLOURS.other }));
  if (cut !== null) edges.push({ label: `Cut-off (${cut})`, value: cut, color: COLOURS.cutoff });
  return edges;
}

/** Edge columns reserved per instrument: enough for any of its band schemes, so a block's width never depends on settings. */
const maxEdges = (def: InstrumentDefinition) => Math.max(0, ...(def.bandSchemes ?? []).map((s) => s.bands.length - 1)) + (def.cutoff ? 1 : 0);

/** The measure's scale from the registry: item count × item minimum … item count × item maximum. */
export function measureScale(def: InstrumentDefinition): [number, number] {
  return [def.items.count * def.items.min, def.items.count * def.items.max];
}

function measureBlock(m: ReviewSources['measures'][number]): Block {
  const { def, tab } = m;
  const [lo, hi] = measureScale(def);
  const edges = edgesOf(def, m.options);
  const width = 3 + maxEdges(def) + 1;
  const [client, date, session, total] = ['client', 'date', 'session', 'total'].map((k) => ref(tab, k));
  const scored = `${client},${SEL},${total},">=${lo}"`;
  const name = `${def.name} total`;
  return {
    caption: `Chart data: ${def.name}`,
    width,
    formats: ['0;-0;', DATE_FORMAT, ...new Array<string>(width - 2).fill('General')],
    chart: {
      offset: 1,
      width: 2 + edges.length,
      title: `${name} (${lo}–${hi})`,
      yTitle: name,
      min: lo,
      max: hi,
      colors: [COLOURS.data[0], ...edges.map((e) => e.color)],
      constant: edges.map((_, i) => i + 1),
    },
    cells(first) {
      const g = emptyGrid(width);
      const d = columnLetters(first + 1);
      put(g, CAPTION_ROW, 0, `Chart data: ${def.name}`);
      ['Session', 'Date', name, ...edges.map((e) => e.label)].forEach((h, i) => put(g, HEAD_ROW, i, h));
      for (const r of dataRows()) {
        const on = `${scored},${date},${d}${r}`;
        put(g, r, 0, `=IF(${d}${r}="","",MINIFS(${session},${on}))`);
        put(g, r, 1, dateChain(d, r, [{ crit: scored, date }]));
        put(g, r, 2, `=IF(${d}${r}="","",${averageOf([{ value: total, crit: on }])})`);
        edges.forEach((e, i) => put(g, r, 3 + i, `=IF(${d}${r}="","",${e.value})`));
      }
      return g;
    },
  };
}

/** Where goal-level values come from: Ratings (sessions) and, when present, Reviews (goal reviews). */
function goalSources(src: ReviewSources, valueKey: 'rating' | 'gasLevel'): { tab: Tab; client: string; date: string; goal: string; value: string }[] {
  return [src.ratings, src.reviews].filter((t): t is Tab => !!t && t.cols.has(valueKey)).map((tab) => ({ tab, client: ref(tab, 'client'), date: ref(tab, 'date'), goal: ref(tab, 'goalId'), value: ref(tab, valueKey) }));
}

/** The client's j-th goal (Goals row order), optionally only those still being worked on. */
function goalIdFormula(src: ReviewSources, j: number, activeOnly: boolean): string {
  const g = src.goals;
  const closed = activeOnly ? STATUSES.filter((s) => !REVIEWABLE_STATUSES.includes(s)).map((s) => `,${ref(g, 'status')}<>${str(s)}`).join('') : '';
  return `=IF(${SEL}="","",IFERROR(INDEX(FILTER(${ref(g, 'id')},${ref(g, 'client')}=${SEL}${closed}),${j}),""))`;
}

/**
 * A date × goal grid: per date (chained over the sources) and goal slot, the average of `valueKey` the client's goal got that day.
 * Returns the formulas of one grid cell and of the date column.
 */
function goalGrid(src: ReviewSources, valueKey: 'rating' | 'gasLevel', min: number) {
  const sources = goalSources(src, valueKey);
  return {
    date: (letter: string, r: number) => dateChain(letter, r, sources.map((s) => ({ crit: `${s.client},${SEL},${s.value},">=${min}"`, date: s.date }))),
    cell: (dateCell: string, idCell: string) =>
      `=IF(OR(${dateCell}="",${idCell}=""),"",${averageOf(sources.map((s) => ({ value: s.value, crit: `${s.client},${SEL},${s.goal},${idCell},${s.date},${dateCell},${s.value},">=${min}"` })))})`,
  };
}

function ratingsBlock(src: ReviewSources): Block {
  const v = RATINGS.columns.find((c) => c.key === 'rating')?.validation;
  const [lo, hi] = v?.kind === 'number' ? [v.min, v.max] : [0, 10];
  const grid = goalGrid(src, 'rating', lo);
  const width = 1 + RATING_SLOTS + 1;
  return {
    caption: 'Chart data: goal ratings',
    width,
    formats: [DATE_FORMAT, ...new Array<string>(width - 1).fill('General')],
    chart: { offset: 0, width: 1 + RATING_SLOTS, title: `Goal ratings (${lo}–${hi})`, yTitle: `Rating (${lo}–${hi})`, min: lo, max: hi, colors: COLOURS.data.slice(0, RATING_SLOTS), constant: [] },
    cells(first) {
      const g = emptyGrid(width);
      const d = columnLetters(first);
      put(g, CAPTION_ROW, 0, 'Chart data: goal ratings');
      put(g, 4, 0, 'Goal ID');
      put(g, HEAD_ROW, 0, 'Date');
      for (let j = 1; j <= RATING_SLOTS; j++) {
        const x = columnLetters(first + j);
        put(g, 4, j, goalIdFormula(src, j, true));
        put(g, HEAD_ROW, j, `=IF(${x}$4="","",IFERROR(LEFT(INDEX(${ref(src.goals, 'title')},MATCH(${x}$4,${ref(src.goals, 'id')},0)),40),${x}$4))`);
      }
      for (const r of dataRows()) {
        put(g, r, 0, grid.date(d, r));
        for (let j = 1; j <= RATING_SLOTS; j++) put(g, r, j, grid.cell(`$${d}${r}`, `${columnLetters(first + j)}$4`));
      }
      return g;
    },
  };
}

const GAS_HEADERS = ['Date', 'GAS T-score', `Expected (${GAS_EXPECTED})`, 'Goals scored', 'Weighted goals', 'Σ level', 'Σ level (weighted goals)', 'Σ weight', 'Σ weight²', 'Σ weight × level'];

/**
 * Kiresuk–Sherman T per date, natively (no custom function, so choosing a client runs no script), with core's rules
 * (review.ts reviewGas, gas.ts): when no scored goal has a weight, every scored goal counts with weight 1; otherwise goals
 * without a weight are left out, and all-zero weights count as unweighted. T = 50 + 10·Σwx / √((1−ρ)Σw² + ρ(Σw)²).
 */
function gasBlock(src: ReviewSources): Block {
  const grid = goalGrid(src, 'gasLevel', -2);
  const width = GAS_HEADERS.length + GAS_SLOTS + 1;
  const [t0, t1] = GAS_T_RANGE;
  const st = src.settings;
  const setting = `INDEX(${ref(st, 'value')},MATCH("gas.rho",${ref(st, 'key')},0))`;
  const goals = src.goals;
  return {
    caption: 'Chart data: GAS T-score',
    width,
    formats: [DATE_FORMAT, '0.0', ...new Array<string>(width - 2).fill('General')],
    chart: { offset: 0, width: 3, title: `GAS T-score (${t0}–${t1})`, yTitle: 'GAS T-score', min: t0, max: t1, colors: [COLOURS.data[0], COLOURS.other], constant: [1] },
    cells(first) {
      const g = emptyGrid(width);
      const L = (i: number) => columnLetters(first + i);
      const rho = `$${L(1)}$4`;
      const s0 = GAS_HEADERS.length;
      const slots = (row: string) => `${L(s0)}${row}:${L(s0 + GAS_SLOTS - 1)}${row}`;
      const [W, W2] = [slots('$5'), slots('$6')];
      put(g, CAPTION_ROW, 0, 'Chart data: GAS T-score');
      put(g, 4, 0, 'ρ (Settings)');
      put(g, 4, 1, `=IFERROR(IF(AND(ISNUMBER(${setting}),${setting}>=0,${setting}<1),${setting},${DEFAULT_RHO}),${DEFAULT_RHO})`);
      ['Goal ID', 'Weight', 'Weight²'].forEach((h, i) => put(g, 4 + i, s0 - 1, h));
      GAS_HEADERS.forEach((h, i) => put(g, HEAD_ROW, i, h));
      for (let j = 0; j < GAS_SLOTS; j++) {
        const x = L(s0 + j);
        const w = `INDEX(${ref(goals, 'weight')},MATCH(${x}$4,${ref(goals, 'id')},0))`;
        put(g, 4, s0 + j, goalIdFormula(src, j + 1, false));
        put(g, 5, s0 + j, `=IF(${x}$4="","",IFERROR(IF(ISNUMBER(${w}),${w},""),""))`);
        put(g, 6, s0 + j, `=IF(ISNUMBER(${x}$5),${x}$5*${x}$5,"")`);
        put(g, HEAD_ROW, s0 + j, `=${x}$4`);
      }
      for (const r of dataRows()) {
        const c = (i: number) => `${L(i)}${r}`;
        const lv = slots(String(r));
        const [n, nw, sx, sxw, sw, sw2, swx] = [3, 4, 5, 6, 7, 8, 9].map(c);
        const t = (num: string, w2: string, w: string) => `${GAS_EXPECTED}+10*${num}/SQRT((1-${rho})*${w2}+${rho}*${w}^2)`;
        put(g, r, 0, grid.date(L(0), r));
        put(g, r, 1, `=IF(OR(${c(0)}="",${n}=0),"",IF(${nw}=0,${t(sx, n, n)},IF(${sw}=0,${t(sxw, nw, nw)},${t(swx, sw2, sw)})))`);
        put(g, r, 2, `=IF(${c(1)}="","",${GAS_EXPECTED})`);
        const sums = [`COUNT(${lv})`, `COUNTIFS(${lv},">=-2",${W},">=0")`, `SUM(${lv})`, `SUMIFS(${lv},${W},">=0")`, `SUMIFS(${W},${lv},">=-2")`, `SUMIFS(${W2},${lv},">=-2")`, `SUMPRODUCT(${W},${lv})`];
        sums.forEach((f, i) => put(g, r, 3 + i, `=IF(${c(0)}="","",${f})`));
        for (let j = 0; j < GAS_SLOTS; j++) put(g, r, s0 + j, grid.cell(`$${c(0)}`, `${L(s0 + j)}$4`));
      }
      return g;
    },
  };
}

/** Every block the Review tab should have, in placement order. */
export function reviewBlocks(src: ReviewSources): Block[] {
  return [notesBlock(src), ...src.measures.filter((m) => !m.def.noTotal).map(measureBlock), gasBlock(src), ratingsBlock(src)];
}

// ---- Placement, writing, charts ------------------------------------------------------

interface Placed {
  block: Block;
  first: number;
}

/** Blocks found by their caption in row 3, and the missing ones placed after the sheet's last used column. */
function place(sheet: Sheet, blocks: readonly Block[], fresh: boolean): { placed: Placed[]; missing: Placed[] } {
  const lastCol = fresh ? 0 : sheet.getLastColumn();
  const captions = lastCol > 0 ? sheet.getRange(CAPTION_ROW, 1, 1, lastCol).getValues()[0].map((v) => String(v)) : [];
  let next = Math.max(NOTES_COL, lastCol + 1);
  const placed: Placed[] = [];
  const missing: Placed[] = [];
  for (const block of blocks) {
    const at = captions.indexOf(block.caption);
    if (at >= 0) placed.push({ block, first: at + 1 });
    else {
      const p = { block, first: next };
      next += block.width;
      placed.push(p);
      missing.push(p);
    }
  }
  return { placed, missing };
}

/** Writes blocks: one setValues and one setNumberFormats per run of adjacent blocks. */
function writeBlocks(sheet: Sheet, blocks: readonly Placed[]): void {
  const sorted = [...blocks].sort((a, b) => a.first - b.first);
  const end = sorted.reduce((m, p) => Math.max(m, p.first + p.block.width - 1), 0);
  if (end > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), end - sheet.getMaxColumns());
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1].first === sorted[j].first + sorted[j].block.width) j++;
    const run = sorted.slice(i, j + 1);
    const grids = run.map((p) => p.block.cells(p.first));
    const values = grids[0].map((_, r) => grids.flatMap((g) => g[r]));
    const width = values[0].length;
    sheet.getRange(CAPTION_ROW, run[0].first, values.length, width).setValues(values);
    const formats = run.flatMap((p) => p.block.formats);
    sheet.getRange(FIRST_ROW, run[0].first, REVIEW_POINTS, width).setNumberFormats(Array.from({ length: REVIEW_POINTS }, () => formats));
    i = j + 1;
  }
}

/** Removes the Review tab's Attain charts (by title prefix) and inserts one per charted block, stacked in A–H. */
function buildCharts(sheet: Sheet, placed: readonly Placed[]): number {
  for (const c of sheet.getCharts()) if (String(c.getOptions().get('title') ?? '').startsWith(REVIEW_CHART_PREFIX)) sheet.removeChart(c);
  let n = 0;
  for (const { block, first } of placed) {
    const p = block.chart;
    if (!p) continue;
    const series: Record<number, { lineWidth: number; pointSize: number }> = {};
    for (let i = 0; i < p.width - 1; i++) series[i] = p.constant.includes(i) ? { lineWidth: 1, pointSize: 0 } : { lineWidth: 2, pointSize: 5 };
    const chart = sheet
      .newChart()
      .addRange(sheet.getRange(HEAD_ROW, first + p.offset, LAST_ROW - HEAD_ROW + 1, p.width))
      .asLineChart()
      .setTitle(REVIEW_CHART_PREFIX + p.title)
      .setXAxisTitle('Date')
      .setYAxisTitle(p.yTitle)
      .setRange(p.min, p.max)
      .setColors(p.colors)
      .setLegendPosition(Charts.Position.BOTTOM)
      .setOption('vAxis.viewWindowMode', 'explicit')
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
    ['Client', '', 'Choose a client in B1: every table and chart on this tab follows it (no script runs).'],
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
  const { placed, missing } = place(sheet, blocks, fresh);
  const addedBlocks = missing.map((p) => p.block.caption);
  if (!fresh && !rebuild && !missing.length) return { sheet, created: false, addedBlocks, charts: null };
  writeBlocks(sheet, rebuild || fresh ? placed : missing);
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
      const def = findInstrument(tab.layout.key.slice('instrument:'.length));
      return { def, tab, options: settings.options[def.id] };
    });
  return { settings: need('settings'), clients: need('clients'), goals: need('goals'), sessions: need('sessions'), ratings: need('ratings'), reviews: by.get('reviews'), measures };
}

/** Setup's part: creates the Review tab (with charts) when missing, or appends blocks for newly enabled measures; true when created. */
export function ensureReviewTab(ss: Spreadsheet, sheets: Map<string, Sheet>, tabs: readonly Tab[], settings: Settings): boolean {
  const existing = sheets.get(REVIEW_TAB.toLowerCase()) ?? null;
  const r = syncReviewTab(ss, existing, reviewSources(tabs, settings), false, sheets.size);
  if (r.created) sheets.set(REVIEW_TAB.toLowerCase(), r.sheet);
  return r.created;
}
