// The Review tab's helper tables as blocks of native formulas: event notes, each measure's totals with band-edge and cut-off lines,
// the GAS T-score per date (Kiresuk–Sherman, computed in the sheet) and the 0–10 ratings of active objectives.
import { DEFAULT_RHO } from '../core/gas';
import type { Band, InstrumentDefinition } from '../core/instruments/schema';
import { REVIEWABLE_STATUSES } from '../core/review';
import { GOAL_STATUSES as STATUSES, HORIZONS } from '../core/vocabularies';
import { columnLetters } from './a1';
import { DATE_FORMAT } from './columns';
import { str } from './formulas';
import { chosenBands, type InstrumentOptions } from './instrument-layout';
import { RATINGS } from './layout';
import { averageOf, CAPTION_ROW, COLOURS, constantCell, type SeriesKind, dataRows, dateChain, emptyGrid, GAS_EXPECTED, GAS_SLOTS, HEAD_ROW, put, RATING_SLOTS, ref, SEL, type Block, type ReviewSources } from './review-dashboard-grid';
import type { Tab } from './table';

/** Goals rows of this horizon are short-term objectives, the ones rated at sessions. */
const OBJECTIVE: (typeof HORIZONS)[number] = 'short';

function notesBlock(src: ReviewSources): Block {
  const s = src.sessions;
  const [client, date, session, note] = ['client', 'date', 'session', 'note'].map((k) => ref(s, k));
  // [core isLiveRow] a voided session's note is not shown.
  const live = s.cols.has('voided') ? `,${ref(s, 'voided')}=""` : '';
  const filter = (what: string) => `FILTER(${what},${client}=${SEL},${note}<>""${live})`;
  return {
    caption: 'Event notes',
    width: 4,
    // Formula cells: never plain text ('@'), where Sheets would store a rewritten formula as its text.
    formats: [DATE_FORMAT, '0', 'General', 'General'],
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
  kind: SeriesKind;
}

/**
 * Reference lines of a measure: the cut-off first (drawn beneath), then each band's lower edge above the scale minimum, coloured
 * by the band's severity (COLOURS.bandEdges from the mildest; bands run from low to high scores, so a higher-is-better scale reads them backwards).
 */
export function edgesOf(def: InstrumentDefinition, options: InstrumentOptions = {}): Edge[] {
  const cut = def.cutoff ? (options.cutoff ?? def.cutoff.value) : null;
  const bands: readonly Band[] = chosenBands(def, options.bandScheme) ?? [];
  const upper = bands.slice(1);
  const severity = (i: number) => (def.direction === 'higher-is-worse' ? i : upper.length - 1 - i);
  const edges = upper.map((b, i): Edge => ({ label: `${b.label} (${b.min})`, value: b.min, color: COLOURS.bandEdges[severity(i) % COLOURS.bandEdges.length], kind: 'edge' }));
  return cut === null ? edges : [{ label: `Cut-off (${cut})`, value: cut, color: COLOURS.cutoff, kind: 'cutoff' }, ...edges];
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
      // Totals come from validated items, so the scale holds every possible value.
      axis: [lo, hi],
      series: [{ color: COLOURS.data[0], kind: 'data' }, ...edges.map((e) => ({ color: e.color, kind: e.kind }))],
      legend: 'BOTTOM',
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
        edges.forEach((e, i) => put(g, r, 3 + i, constantCell(d, r, e.value)));
      }
      return g;
    },
  };
}

/** Where goal-level values come from: Ratings (sessions) and, when present, Reviews (goal reviews); `client` is a criteria pair, never a lone range. */
function goalSources(src: ReviewSources, valueKey: 'rating' | 'gasLevel'): { tab: Tab; client: string; date: string; goal: string; value: string }[] {
  // [core isLiveRow] The client criterion carries "Voided is blank" on a tab with the column, so every average and date skips voided rows.
  const live = (tab: Tab) => (tab.cols.has('voided') ? `${ref(tab, 'voided')},"",` : '');
  return [src.ratings, src.reviews].filter((t): t is Tab => !!t && t.cols.has(valueKey)).map((tab) => ({ tab, client: `${live(tab)}${ref(tab, 'client')}`, date: ref(tab, 'date'), goal: ref(tab, 'goalId'), value: ref(tab, valueKey) }));
}

/** The client's j-th goal (Goals row order), or with `activeObjectives` its j-th short-term objective still being worked on. */
function goalIdFormula(src: ReviewSources, j: number, activeObjectives: boolean): string {
  const g = src.goals;
  const closed = activeObjectives ? STATUSES.filter((s) => !REVIEWABLE_STATUSES.includes(s)).map((s) => `,${ref(g, 'status')}<>${str(s)}`).join('') : '';
  const short = activeObjectives ? `,${ref(g, 'horizon')}=${str(OBJECTIVE)}` : '';
  return `=IF(${SEL}="","",IFERROR(INDEX(FILTER(${ref(g, 'id')},${ref(g, 'client')}=${SEL}${closed}${short}),${j}),""))`;
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
    // One line per active objective (long-term goals are not rated at sessions), named in a legend on the right: one name per line, none cut to a page.
    chart: { offset: 0, width: 1 + RATING_SLOTS, title: `Objective ratings (${lo}–${hi})`, yTitle: `Rating (${lo}–${hi})`, axis: [lo, hi], series: COLOURS.data.slice(0, RATING_SLOTS).map((color) => ({ color, kind: 'data' })), legend: 'RIGHT' },
    cells(first) {
      const g = emptyGrid(width);
      const d = columnLetters(first);
      put(g, CAPTION_ROW, 0, 'Chart data: goal ratings');
      put(g, 4, 0, 'Goal ID');
      put(g, HEAD_ROW, 0, 'Date');
      for (let j = 1; j <= RATING_SLOTS; j++) {
        const x = columnLetters(first + j);
        put(g, 4, j, goalIdFormula(src, j, true));
        put(g, HEAD_ROW, j, `=IF(${x}$4="","",IFERROR(LEFT(INDEX(${ref(src.goals, 'title')},MATCH(${x}$4,${ref(src.goals, 'id')},0)),32),${x}$4))`);
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
  const st = src.settings;
  const setting = `INDEX(${ref(st, 'value')},MATCH("gas.rho",${ref(st, 'key')},0))`;
  const goals = src.goals;
  return {
    caption: 'Chart data: GAS T-score',
    width,
    formats: [DATE_FORMAT, '0.0', ...new Array<string>(width - 2).fill('General')],
    // Axis left to Sheets, deliberately: with 12 goals and ρ from 0 to 0.99, T can be anywhere in 50 ± 20·√12 (about −19 to 119),
    // and a window that wide flattens every real line; Sheets' automatic axis always holds every point and the expected line.
    chart: {
      offset: 0,
      width: 3,
      title: 'GAS T-score',
      yTitle: `GAS T-score (expected ${GAS_EXPECTED})`,
      axis: null,
      series: [
        { color: COLOURS.data[0], kind: 'data' },
        { color: COLOURS.expected, kind: 'expected' },
      ],
      legend: 'BOTTOM',
    },
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
        put(g, r, 2, constantCell(L(1), r, GAS_EXPECTED));
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
