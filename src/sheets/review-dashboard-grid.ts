// Review tab geometry and the pieces its helper tables are built from: where the selector, captions, headers and data rows sit,
// what a block (one helper table and its chart) is, and the formula parts blocks share (source columns, date chains, averages).
import type { InstrumentDefinition } from '../core/instruments/schema';
import { columnLetters } from './a1';
import { DATE_FORMAT } from './columns';
import { sheetRef } from './formulas';
import type { InstrumentOptions } from './instrument-layout';
import { col, type Tab } from './table';

export type Grid = (string | number)[][];

export const SELECTOR = 'B1';
/** The selector as formulas read it. */
export const SEL = '$B$1';
export const CAPTION_ROW = 3;
export const HEAD_ROW = 7;
export const FIRST_ROW = 8;
/** Dates per helper table (earliest first): rows 8–67. */
export const REVIEW_POINTS = 60;
export const LAST_ROW = FIRST_ROW + REVIEW_POINTS - 1;
/**
 * Below each charted table, the chart's own table (rows 69–129): a header row, then one array formula per column that spills
 * exactly the client's points, leaving the rows after them truly empty. Sheets counts a formula's "" as a category, so charting the
 * per-row table itself would squeeze five points into the left tenth of a 60-category chart.
 */
export const CHART_HEAD_ROW = LAST_ROW + 2;
export const CHART_FIRST_ROW = CHART_HEAD_ROW + 1;
export const CHART_LAST_ROW = CHART_FIRST_ROW + REVIEW_POINTS - 1;
/** Event notes start here (J), beside the charts in A–H; the helper tables follow. */
export const NOTES_COL = 10;
export const RATING_SLOTS = 8;
export const GAS_SLOTS = 12;
export const GAS_EXPECTED = 50;
/**
 * Every colour the Review charts use, in one table: data series in order; band edges by severity, mildest first (each band its
 * own colour); the clinical cut-off near-black (no band colour, so it never reads as a band edge); the GAS expected line grey.
 */
export const COLOURS = {
  data: ['#1a73e8', '#188038', '#a142f4', '#d01884', '#12b5cb', '#795548', '#5f6368', '#b06000'],
  bandEdges: ['#fbbc04', '#fa7b17', '#d93025', '#a50e0e', '#681da8', '#3c096c'],
  cutoff: '#202124',
  expected: '#9aa0a6',
};

/** How each kind of series is drawn. The cut-off is wider and dashed and comes before the band edges (drawn beneath them), so an edge at the cut-off's value shows its own colour inside the cut-off's border. */
export const SERIES_STYLES = {
  data: { lineWidth: 2, pointSize: 5 },
  edge: { lineWidth: 2, pointSize: 0 },
  cutoff: { lineWidth: 5, pointSize: 0, lineDashStyle: [10, 5] },
  expected: { lineWidth: 2, pointSize: 0, lineDashStyle: [4, 4] },
} as const;
export type SeriesKind = keyof typeof SERIES_STYLES;

/** Where Review formulas read from: tabs bound to their header rows (columns by header name). */
export interface ReviewSources {
  settings: Tab;
  clients: Tab;
  goals: Tab;
  sessions: Tab;
  ratings: Tab;
  /** The Reviews tab when the workbook has one: GAS levels and ratings given at goal reviews. */
  reviews?: Tab;
  /** The Tasks tab when the workbook has one: tasks between sessions and their outcomes. */
  tasks?: Tab;
  measures: { def: InstrumentDefinition; tab: Tab; options?: InstrumentOptions }[];
}

export interface ChartPlan {
  /** Offset of the chart's first column (the date) within its block, and how many columns it plots. */
  offset: number;
  width: number;
  title: string;
  yTitle: string;
  /** The value axis, fixed only when every possible value fits it; null leaves it to Sheets (see the GAS block). */
  axis: readonly [number, number] | null;
  /** Per plotted series (after the date): its colour and kind; every kind but data is a constant (reference) line. */
  series: { color: string; kind: SeriesKind }[];
  /** Legend placement: bottom, or right where many long names would not fit one line. */
  legend: 'BOTTOM' | 'RIGHT';
}

/** The letter of a column of the client's rows (Stage) by its key, once the stage block is placed. */
export type StageAt = (key: string) => string;

export interface Block {
  caption: string;
  /** Columns, including the trailing spacer. */
  width: number;
  /** Rows CAPTION_ROW…CHART_LAST_ROW, given the block's first column and where the client's rows are (chartTable adds the chart's table). */
  cells(first: number, stage: StageAt): Grid;
  /** Data-row number format per column. */
  formats: string[];
  chart?: ChartPlan;
  /** The stage block's own: where its columns are once it starts at `first`. */
  stageAt?: (first: number) => StageAt;
}

/** A whole column of a source tab by layout key, e.g. 'PHQ-9'!$M:$M. */
export const ref = (tab: Tab, key: string) => {
  const c = columnLetters(col(tab, key));
  return `${sheetRef(tab.layout.name)}!$${c}:$${c}`;
};

/** A Review-tab whole column of the client's rows (its rows 1–7 hold only the stage's caption and headers, never a value a criterion matches). */
export const stageCol = (at: StageAt, key: string) => `$${at(key)}:$${at(key)}`;

/**
 * B1 as the client criterion compares it: while B1 is blank, a text no client code can be (codes have no space or brackets), so
 * blank client cells never match — one comparison over the client column instead of two (`=B1` and `<>""`).
 */
export const CHOSEN = `IF(${SEL}="","(no client)",${SEL})`;

/**
 * The conditions picking the chosen client's rows of a source tab for FILTER: its client is B1 (so none while B1 is blank) and,
 * when the tab has the optional Voided column, that cell is blank (a voided row is kept but counts nowhere); then `extra`.
 */
export function clientRows(tab: Tab, extra: readonly string[] = []): string {
  const client = ref(tab, 'client');
  const live = tab.cols.has('voided') ? [`${ref(tab, 'voided')}=""`] : [];
  return [`${client}=${CHOSEN}`, ...live, ...extra].join(',');
}

/** A new tab's height in Sheets (insertSheet's 1,000 rows; setup protects the tab, so no one trims it): the stage spills within it. */
export const STAGE_LAST_ROW = 1000;
/**
 * Rows one stage spill may fill (8–1000): a spill longer than the tab is #REF! in Sheets ("Result was not automatically expanded,
 * please insert more rows"), so each source keeps the client's latest STAGE_ROOM rows. Margin: the five-year clinic's largest
 * client has 44 sessions × 5 goals = 220 Ratings rows (4.5× room); a client seen weekly for five years (260 × 5 = 1,300) is
 * cut, yet the tables show the latest REVIEW_POINTS dates, whose rows fit while a date has at most 16 (993 ÷ 60) rows per source.
 */
export const STAGE_ROOM = STAGE_LAST_ROW - FIRST_ROW + 1;

/**
 * A stage spill that is "" when nothing matches: FILTER's own #N/A means only "no match" (Google's FILTER documentation), so
 * IFNA (not IFERROR) keeps every other error visible; ARRAYFORMULA so both Sheets and the emulator spill through IFNA.
 */
export const spillOrBlank = (inner: string) => `=ARRAYFORMULA(IFNA(${inner},""))`;

/** The stage key of a source tab's from-row cell (fromRow). */
export const fromKey = (tab: Tab) => `from:${tab.layout.key}`;
/**
 * Adds (once per source tab, shared by all its spills) the stage column holding the row from which the client's latest STAGE_ROOM
 * live rows of the tab start: the STAGE_ROOM-th largest such row number, 0 when they all fit; each spill keeps its rows from there,
 * so none outgrows the tab. IFERROR: LARGE's #NUM! (fewer rows) and FILTER's #N/A (none) both mean "all fit", and the
 * conditions are clientRows' alone, which cannot err (comparisons of cells with text).
 */
function fromRow(stage: Stage, tab: Tab): string {
  return stage.add(fromKey(tab), `${tab.layout.name}: latest ${STAGE_ROOM} rows from row (0 = all)`, () => `=IFERROR(LARGE(FILTER(ROW(${ref(tab, 'client')}),${clientRows(tab)}),${STAGE_ROOM}),0)`, '0');
}

/** `rows` limited to the source rows from the `from` column's row (fromRow): the spill never outgrows the tab. */
export const latestRows = (at: StageAt, tab: Tab, rows: string, from: string) => `${rows},ROW(${ref(tab, 'client')})>=$${at(from)}$${FIRST_ROW}`;

/**
 * The chosen client's rows of a source tab matching `rows`, one stage column per key (the latest STAGE_ROOM, "" when none):
 * returns their stage keys in order.
 */
export function stageSource(stage: Stage, id: string, tab: Tab, rows: string, cols: { key: string; header: string; value?: string; format?: string }[]): string[] {
  const from = fromRow(stage, tab);
  return cols.map((c) => stage.add(`${id}:${c.key}`, c.header, (at) => spillOrBlank(`FILTER(${c.value ?? ref(tab, c.key)},${latestRows(at, tab, rows, from)})`), c.format ?? 'General'));
}

/** One spilled column of the stage: its key (what blocks read it by), header and formula (given where the other stage columns are). */
interface StageColumn {
  key: string;
  header: string;
  format: string;
  formula: (at: StageAt) => string;
}

export const STAGE_CAPTION = 'Client rows (formulas)';

/**
 * The chosen client's rows, read once: each column is one FILTER (or a SORT(UNIQUE(…)) of them) written in row FIRST_ROW that
 * spills the client's values down its own column, the cells after them truly empty. Every table cell then reads these columns on
 * this tab (INDEX by row, or a criterion over the client's rows only) instead of criteria over the source tabs' whole columns, so
 * the work after a change follows the chosen client's rows, not the clinic's. Blocks add their columns; the block comes last.
 */
export class Stage {
  private readonly cols: StageColumn[] = [];
  /** Adds a column once (a key added again keeps the first) and returns its key. */
  add(key: string, header: string, formula: (at: StageAt) => string, format = 'General'): string {
    if (!this.cols.some((c) => c.key === key)) this.cols.push({ key, header, format, formula });
    return key;
  }
  at(first: number): StageAt {
    return (key) => {
      const i = this.cols.findIndex((c) => c.key === key);
      if (i < 0) throw new Error(`Review stage has no column ${key}; expected one of ${this.cols.map((c) => c.key).join(', ')}: add it before placing the blocks`);
      return columnLetters(first + i);
    };
  }
  block(): Block {
    const width = this.cols.length + 1;
    return {
      caption: STAGE_CAPTION,
      width,
      stageAt: (first) => this.at(first),
      formats: [...this.cols.map((c) => c.format), 'General'],
      cells: (first) => {
        const g = emptyGrid(width);
        const at = this.at(first);
        put(g, CAPTION_ROW, 0, STAGE_CAPTION);
        this.cols.forEach((c, i) => {
          put(g, HEAD_ROW, i, c.header);
          put(g, FIRST_ROW, i, c.formula(at));
        });
        return g;
      },
    };
  }
}

export function emptyGrid(width: number): Grid {
  return Array.from({ length: CHART_LAST_ROW - CAPTION_ROW + 1 }, () => new Array<string | number>(width).fill(''));
}
export const put = (g: Grid, row: number, offset: number, v: string | number) => (g[row - CAPTION_ROW][offset] = v);
/**
 * The chart's table under a block: its caption, the header row (references to the block's), and per column one
 * ARRAYFORMULA(IFERROR(FILTER(…),"")) of the rows whose key is set: it spills the client's points only (one "" with none).
 * A chart with constant lines is keyed on its first constant column, which constantCell fills on every dated row and, for a
 * client with exactly one point, on the row after it too: that unlabelled category carries only the constants, so each is a
 * line of two points (a line series draws nothing, or a lone dot that reads as a score, from one point).
 */
export function chartTable(g: Grid, first: number, plan: ChartPlan): void {
  const keyAt = Math.max(0, plan.series.findIndex((s) => s.kind !== 'data') + 1);
  const key = columnLetters(first + plan.offset + keyAt);
  put(g, CHART_HEAD_ROW - 1, 0, `Charted points: ${plan.title}`);
  for (let i = 0; i < plan.width; i++) {
    const x = columnLetters(first + plan.offset + i);
    put(g, CHART_HEAD_ROW, plan.offset + i, `=${x}$${HEAD_ROW}`);
    put(g, CHART_FIRST_ROW, plan.offset + i, `=ARRAYFORMULA(IFERROR(FILTER(${x}$${FIRST_ROW}:${x}$${LAST_ROW},$${key}$${FIRST_ROW}:$${key}$${LAST_ROW}<>""),""))`);
  }
}

/**
 * A constant line's cell on data row r: `value` where the row's anchor (its date or score column, letter `anchor`) is set, and on
 * the second row also when the anchor column holds exactly one number (chartTable's padding for a client with one point).
 */
export function constantCell(anchor: string, r: number, value: number): string {
  if (r !== FIRST_ROW + 1) return `=IF(${anchor}${r}="","",${value})`;
  return `=IF(OR(${anchor}${r}<>"",COUNT(${anchor}$${FIRST_ROW}:${anchor}$${LAST_ROW})=1),${value},"")`;
}

export const dataRows = () => Array.from({ length: REVIEW_POINTS }, (_, i) => FIRST_ROW + i);

/**
 * Adds the stage's sorted distinct dates of `all` (a stage range or VSTACK of them; "" while none) and, beside them, how many of
 * the earliest the tables skip so that they show the latest REVIEW_POINTS. Returns both keys.
 */
export function stageDates(stage: Stage, key: string, header: string, all: (at: StageAt) => string, froms: string[]): StagedDates {
  const dates = stage.add(key, header, (at) => spillOrBlank(`SORT(UNIQUE(FILTER(${all(at)},ISNUMBER(${all(at)}))))`), DATE_FORMAT);
  const skip = stage.add(`${key}:skip`, `${header}: earlier ones not shown`, (at) => `=MAX(0,COUNT(${stageCol(at, dates)})-${REVIEW_POINTS})`, '0');
  return { dates, skip, froms };
}

/** A stage dates column (stageDates): its key, the key of its skip count and the fromRow keys of the sources it is built from. */
export interface StagedDates {
  dates: string;
  skip: string;
  froms: string[];
}

/** Data row r's date: the latest REVIEW_POINTS of the client's sorted distinct dates, earliest first (blank when it has fewer). */
export function stageDate(at: StageAt, d: StagedDates, r: number): string {
  const x = `INDEX(${stageCol(at, d.dates)},${r}+$${at(d.skip)}$${FIRST_ROW})`;
  return `=IFERROR(IF(${x}="","",${x}),"")`;
}

/** A table's line saying it shows only the latest REVIEW_POINTS dates, and of how many ("over" when a source kept only its latest rows). */
export function latestDatesNote(at: StageAt, d: StagedDates): string {
  const skip = `$${at(d.skip)}$${FIRST_ROW}`;
  const cut = d.froms.length ? `&IF(OR(${d.froms.map((f) => `N($${at(f)}$${FIRST_ROW})>0`).join(',')}),"over ","")` : '';
  return `=IF(N(${skip})>0,"Showing the latest ${REVIEW_POINTS} of "${cut}&(${skip}+${REVIEW_POINTS})&" dates","")`;
}
