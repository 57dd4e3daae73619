// The Review tab's helper tables as blocks of native formulas: event notes, each measure's totals with band-edge and cut-off lines,
// the GAS T-score per date (Kiresuk–Sherman, computed in the sheet) and the 0–10 ratings of active objectives.
import { DEFAULT_RHO } from '../core/gas';
import type { Band, InstrumentDefinition } from '../core/instruments/schema';
import { REVIEWABLE_STATUSES } from '../core/review';
import { GOAL_STATUSES as STATUSES, HORIZONS, TASK_OUTCOMES } from '../core/vocabularies';
import { columnLetters } from './a1';
import { DATE_FORMAT } from './columns';
import { str } from './formulas';
import { chosenBands, type InstrumentOptions } from './instrument-layout';
import { RATINGS } from './layout';
import { CAPTION_ROW, CHOSEN, clientRows, COLOURS, constantCell, type SeriesKind, dataRows, emptyGrid, FIRST_ROW, GAS_EXPECTED, GAS_SLOTS, HEAD_ROW, fromKey, latestDatesNote, put, RATING_SLOTS, ref, REVIEW_POINTS, SEL, spillOrBlank, Stage, STAGE_ROOM, stageCol, stageDate, stageDates, stageSource, type Block, type StageAt, type ReviewSources } from './review-dashboard-grid';
import type { Tab } from './table';

/** Goals rows of this horizon are short-term objectives, the ones rated at sessions. */
const OBJECTIVE: (typeof HORIZONS)[number] = 'short';

function notesBlock(src: ReviewSources, stage: Stage): Block {
  const s = src.sessions;
  const note = ref(s, 'note');
  const rows = clientRows(s, [`${note}<>""`]);
  const cols = stageSource(stage, 'notes', s, rows, ['date', 'session', 'note'].map((k, i) => ({ key: k, header: `Notes: ${k}`, format: [DATE_FORMAT, '0', 'General'][i] })));
  return {
    caption: 'Event notes',
    width: 4,
    // Formula cells: never plain text ('@'), where Sheets would store a rewritten formula as its text.
    formats: [DATE_FORMAT, '0', 'General', 'General'],
    cells(first, at) {
      const g = emptyGrid(4);
      const count = `$${columnLetters(first + 1)}$4`;
      put(g, CAPTION_ROW, 0, 'Event notes');
      put(g, 4, 0, 'Notes');
      put(g, 4, 1, `=IF(${SEL}="",0,IFERROR(ROWS(FILTER(${note},${rows})),0))`);
      // The latest REVIEW_POINTS notes of those the stage holds (its latest STAGE_ROOM), earliest first; a line says so when there are more.
      const skip = `MAX(0,MIN(${count},${STAGE_ROOM})-${REVIEW_POINTS})`;
      put(g, 5, 0, `=IF(${count}>${REVIEW_POINTS},"Showing the latest ${REVIEW_POINTS} of "&${count}&" notes","")`);
      ['Date', 'Session', 'Event note'].forEach((h, i) => put(g, HEAD_ROW, i, h));
      dataRows().forEach((r, i) =>
        cols.forEach((c, j) => {
          const x = `INDEX(${stageCol(at, c)},${r}+${skip})`;
          put(g, r, j, `=IF(${i + 1}>${count},"",IFERROR(IF(${x}="","",${x}),""))`);
        }),
      );
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

function measureBlock(m: ReviewSources['measures'][number], stage: Stage): Block {
  const { def, tab } = m;
  const [lo, hi] = measureScale(def);
  const edges = edgesOf(def, m.options);
  const width = 3 + maxEdges(def) + 1;
  const [date, total] = ['date', 'total'].map((k) => ref(tab, k));
  // The client's scored rows (a total on the scale, a date): their date, session and total, and their sorted distinct dates.
  const rows = clientRows(tab, [`ISNUMBER(${date})`, `ISNUMBER(${total})`, `${total}>=${lo}`]);
  const [D, S, T] = stageSource(stage, def.id, tab, rows, ['date', 'session', 'total'].map((k, i) => ({ key: k, header: `${def.name}: ${k}`, format: [DATE_FORMAT, '0', 'General'][i] })));
  const U = stageDates(stage, `${def.id}:dates`, `${def.name}: dates`, (at) => stageCol(at, D), [fromKey(tab)]);
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
    cells(first, at) {
      const g = emptyGrid(width);
      const d = columnLetters(first + 1);
      put(g, CAPTION_ROW, 0, `Chart data: ${def.name}`);
      put(g, 5, 0, latestDatesNote(at, U));
      ['Session', 'Date', name, ...edges.map((e) => e.label)].forEach((h, i) => put(g, HEAD_ROW, i, h));
      for (const r of dataRows()) {
        const [dc, ds, dt] = [D, S, T].map((k) => stageCol(at, k));
        put(g, r, 0, `=IF(${d}${r}="","",MINIFS(${ds},${dc},${d}${r}))`);
        put(g, r, 1, stageDate(at, U, r));
        put(g, r, 2, `=IF(${d}${r}="","",IFERROR(SUMIF(${dc},${d}${r},${dt})/COUNTIF(${dc},${d}${r}),""))`);
        edges.forEach((e, i) => put(g, r, 3 + i, constantCell(d, r, e.value)));
      }
      return g;
    },
  };
}

/**
 * Where goal-level values come from: Ratings (sessions) and, when present, Reviews (goal reviews). Per source, the client's rows
 * with a value of at least `min` and a date, spilled as a goal@date key, the value and the date.
 */
function goalSources(src: ReviewSources, stage: Stage, valueKey: 'rating' | 'gasLevel', min: number): { key: string; value: string; date: string; from: string }[] {
  return [src.ratings, src.reviews]
    .filter((t): t is Tab => !!t && t.cols.has(valueKey))
    .map((tab) => {
      const [date, value] = [ref(tab, 'date'), ref(tab, valueKey)];
      const rows = clientRows(tab, [`ISNUMBER(${date})`, `ISNUMBER(${value})`, `${value}>=${min}`]);
      const name = (k: string) => `${tab.layout.name} ${valueKey}: ${k}`;
      const [key, v, d] = stageSource(stage, `${valueKey}:${tab.layout.key}`, tab, rows, [
        { key: 'key', header: name('goal@date'), value: `${ref(tab, 'goalId')}&"@"&${date}` },
        { key: 'value', header: name(valueKey), value },
        { key: 'date', header: name('date'), value: date, format: DATE_FORMAT },
      ]);
      return { key, value: v, date: d, from: fromKey(tab) };
    });
}

/**
 * Adds (once) the stage column of the client's goal IDs (Goals row order), or with `activeObjectives` of its short-term objectives
 * still being worked on: one FILTER over Goals instead of one per goal slot. Not limited to STAGE_ROOM rows: a client has tens of goals.
 */
function stageGoals(src: ReviewSources, stage: Stage, activeObjectives: boolean): string {
  const g = src.goals;
  const closed = activeObjectives ? STATUSES.filter((s) => !REVIEWABLE_STATUSES.includes(s)).map((s) => `,${ref(g, 'status')}<>${str(s)}`).join('') : '';
  const short = activeObjectives ? `,${ref(g, 'horizon')}=${str(OBJECTIVE)}` : '';
  const key = activeObjectives ? 'goals:objectives' : 'goals:all';
  return stage.add(key, activeObjectives ? 'Goals: active objectives' : 'Goals: all', () => spillOrBlank(`FILTER(${ref(g, 'id')},${ref(g, 'client')}=${CHOSEN}${closed}${short})`));
}

/** The j-th goal ID of a stageGoals column ("" after the last). */
function goalIdFormula(at: StageAt, key: string, j: number): string {
  const x = `INDEX(${stageCol(at, key)},${FIRST_ROW - 1 + j})`;
  return `=IFERROR(IF(${x}="","",${x}),"")`;
}

/**
 * A date × goal grid: per date (the client's sorted distinct dates over the sources) and goal slot, the average of `valueKey`
 * the client's goal got that day. Returns the formulas of one grid cell and of the date column.
 */
function goalGrid(src: ReviewSources, stage: Stage, valueKey: 'rating' | 'gasLevel', min: number) {
  const sources = goalSources(src, stage, valueKey, min);
  const dates = stageDates(stage, `${valueKey}:dates`, `${valueKey}: dates`, (at) => (sources.length === 1 ? stageCol(at, sources[0].date) : `VSTACK(${sources.map((s) => stageCol(at, s.date)).join(',')})`), sources.map((s) => s.from));
  return {
    date: (at: StageAt, r: number) => stageDate(at, dates, r),
    note: (at: StageAt) => latestDatesNote(at, dates),
    cell: (at: StageAt, dateCell: string, idCell: string) => {
      const k = `${idCell}&"@"&${dateCell}`;
      const sum = sources.map((s) => `SUMIF(${stageCol(at, s.key)},${k},${stageCol(at, s.value)})`).join('+');
      const count = sources.map((s) => `COUNTIF(${stageCol(at, s.key)},${k})`).join('+');
      return `=IF(OR(${dateCell}="",${idCell}=""),"",IFERROR((${sum})/(${count}),""))`;
    },
  };
}

function ratingsBlock(src: ReviewSources, stage: Stage): Block {
  const v = RATINGS.columns.find((c) => c.key === 'rating')?.validation;
  const [lo, hi] = v?.kind === 'number' ? [v.min, v.max] : [0, 10];
  const grid = goalGrid(src, stage, 'rating', lo);
  const objectives = stageGoals(src, stage, true);
  const width = 1 + RATING_SLOTS + 1;
  return {
    caption: 'Chart data: goal ratings',
    width,
    formats: [DATE_FORMAT, ...new Array<string>(width - 1).fill('General')],
    // One line per active objective (long-term goals are not rated at sessions), named in a legend on the right: one name per line, none cut to a page.
    chart: { offset: 0, width: 1 + RATING_SLOTS, title: `Objective ratings (${lo}–${hi})`, yTitle: `Rating (${lo}–${hi})`, axis: [lo, hi], series: COLOURS.data.slice(0, RATING_SLOTS).map((color) => ({ color, kind: 'data' })), legend: 'RIGHT' },
    cells(first, at) {
      const g = emptyGrid(width);
      const d = columnLetters(first);
      put(g, CAPTION_ROW, 0, 'Chart data: goal ratings');
      put(g, 4, 0, 'Goal ID');
      put(g, 5, 0, grid.note(at));
      put(g, HEAD_ROW, 0, 'Date');
      for (let j = 1; j <= RATING_SLOTS; j++) {
        const x = columnLetters(first + j);
        put(g, 4, j, goalIdFormula(at, objectives, j));
        put(g, HEAD_ROW, j, `=IF(${x}$4="","",IFERROR(LEFT(INDEX(${ref(src.goals, 'title')},MATCH(${x}$4,${ref(src.goals, 'id')},0)),32),${x}$4))`);
      }
      for (const r of dataRows()) {
        put(g, r, 0, grid.date(at, r));
        for (let j = 1; j <= RATING_SLOTS; j++) put(g, r, j, grid.cell(at, `$${d}${r}`, `${columnLetters(first + j)}$4`));
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
function gasBlock(src: ReviewSources, stage: Stage): Block {
  const grid = goalGrid(src, stage, 'gasLevel', -2);
  const goalIds = stageGoals(src, stage, false);
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
    cells(first, at) {
      const g = emptyGrid(width);
      const L = (i: number) => columnLetters(first + i);
      const rho = `$${L(1)}$4`;
      const s0 = GAS_HEADERS.length;
      const slots = (row: string) => `${L(s0)}${row}:${L(s0 + GAS_SLOTS - 1)}${row}`;
      const [W, W2] = [slots('$5'), slots('$6')];
      put(g, CAPTION_ROW, 0, 'Chart data: GAS T-score');
      put(g, 4, 0, 'ρ (Settings)');
      put(g, 4, 1, `=IFERROR(IF(AND(ISNUMBER(${setting}),${setting}>=0,${setting}<1),${setting},${DEFAULT_RHO}),${DEFAULT_RHO})`);
      put(g, 5, 0, grid.note(at));
      ['Goal ID', 'Weight', 'Weight²'].forEach((h, i) => put(g, 4 + i, s0 - 1, h));
      GAS_HEADERS.forEach((h, i) => put(g, HEAD_ROW, i, h));
      for (let j = 0; j < GAS_SLOTS; j++) {
        const x = L(s0 + j);
        const w = `INDEX(${ref(goals, 'weight')},MATCH(${x}$4,${ref(goals, 'id')},0))`;
        put(g, 4, s0 + j, goalIdFormula(at, goalIds, j + 1));
        put(g, 5, s0 + j, `=IF(${x}$4="","",IFERROR(IF(ISNUMBER(${w}),${w},""),""))`);
        put(g, 6, s0 + j, `=IF(ISNUMBER(${x}$5),${x}$5*${x}$5,"")`);
        put(g, HEAD_ROW, s0 + j, `=${x}$4`);
      }
      for (const r of dataRows()) {
        const c = (i: number) => `${L(i)}${r}`;
        const lv = slots(String(r));
        const [n, nw, sx, sxw, sw, sw2, swx] = [3, 4, 5, 6, 7, 8, 9].map(c);
        const t = (num: string, w2: string, w: string) => `${GAS_EXPECTED}+10*${num}/SQRT((1-${rho})*${w2}+${rho}*${w}^2)`;
        put(g, r, 0, grid.date(at, r));
        put(g, r, 1, `=IF(OR(${c(0)}="",${n}=0),"",IF(${nw}=0,${t(sx, n, n)},IF(${sw}=0,${t(sxw, nw, nw)},${t(swx, sw2, sw)})))`);
        put(g, r, 2, constantCell(L(1), r, GAS_EXPECTED));
        const sums = [`COUNT(${lv})`, `COUNTIFS(${lv},">=-2",${W},">=0")`, `SUM(${lv})`, `SUMIFS(${lv},${W},">=0")`, `SUMIFS(${W},${lv},">=-2")`, `SUMIFS(${W2},${lv},">=-2")`, `SUMPRODUCT(${W},${lv})`];
        sums.forEach((f, i) => put(g, r, 3 + i, `=IF(${c(0)}="","",${f})`));
        for (let j = 0; j < GAS_SLOTS; j++) put(g, r, s0 + j, grid.cell(at, `$${c(0)}`, `${L(s0 + j)}$4`));
      }
      return g;
    },
  };
}

export const TASKS_CAPTION = 'Tasks between sessions';
/** Goal rows of the tasks block: as many as the GAS block's slots. */
export const TASK_SLOTS = GAS_SLOTS;
const TASK_HEADERS = ['Goal ID', 'Goal', 'Done', 'Partly', 'Not done', 'Not reviewed', 'Open', 'Completion'];

/**
 * Per goal of the client (Goals row order), its live tasks set since the last goal review (Reviews; every task when none) by
 * outcome, and the completion share done ÷ (done + partly + not done): core tasks.ts taskCompletion, Attain's own rule.
 */
function tasksBlock(src: ReviewSources, stage: Stage, tasks: Tab): Block {
  const setDate = ref(tasks, 'setDate');
  const rows = clientRows(tasks, [`ISNUMBER(${setDate})`]);
  const goalIds = stageGoals(src, stage, false);
  const [G, O, D] = stageSource(stage, 'tasks', tasks, rows, ['goalId', 'outcome', 'setDate'].map((k, i) => ({ key: k, header: `Tasks: ${['goal', 'outcome', 'set on'][i]}`, format: ['General', 'General', DATE_FORMAT][i] })));
  const reviews = src.reviews?.cols.has('date') ? src.reviews : undefined;
  const R = reviews ? stageSource(stage, 'tasks:reviews', reviews, clientRows(reviews, [`ISNUMBER(${ref(reviews, 'date')})`]), [{ key: 'reviewed', header: 'Reviews: dates', value: ref(reviews, 'date'), format: DATE_FORMAT }])[0] : null;
  const width = TASK_HEADERS.length + 1;
  return {
    caption: TASKS_CAPTION,
    width,
    formats: ['General', 'General', '0', '0', '0', '0', '0', '0%', 'General'],
    cells(first, at) {
      const g = emptyGrid(width);
      const L = (i: number) => columnLetters(first + i);
      const since = `$${L(1)}$4`;
      put(g, CAPTION_ROW, 0, TASKS_CAPTION);
      put(g, 4, 0, 'Since (last review)');
      put(g, 4, 1, R ? `=IF(${SEL}="","",IFERROR(MAX(FILTER(${stageCol(at, R)},ISNUMBER(${stageCol(at, R)}))),""))` : '');
      TASK_HEADERS.forEach((h, i) => put(g, HEAD_ROW, i, h));
      const [goal, outcome, date] = [G, O, D].map((k) => stageCol(at, k));
      dataRows()
        .slice(0, TASK_SLOTS)
        .forEach((r, j) => {
          const id = `$${L(0)}${r}`;
          const period = `,${date},">="&N(${since})`;
          const count = (word: string) => `=IF(${id}="","",IFERROR(COUNTIFS(${goal},${id},${outcome},${str(word)}${period}),0))`;
          put(g, r, 0, goalIdFormula(at, goalIds, j + 1));
          put(g, r, 1, `=IF(${id}="","",IFERROR(LEFT(INDEX(${ref(src.goals, 'title')},MATCH(${id},${ref(src.goals, 'id')},0)),40),${id}))`);
          TASK_OUTCOMES.forEach((o, i) => put(g, r, 2 + i, count(o)));
          put(g, r, 6, `=IF(${id}="","",IFERROR(COUNTIFS(${goal},${id},${outcome},""${period}),0))`);
          const [done, partly, notDone] = [2, 3, 4].map((i) => `${L(i)}${r}`);
          put(g, r, 7, `=IF(OR(${id}="",${done}+${partly}+${notDone}=0),"",${done}/(${done}+${partly}+${notDone}))`);
        });
      return g;
    },
  };
}

/** Every block the Review tab should have, in placement order: the client's rows (the stage the others read) last. */
export function reviewBlocks(src: ReviewSources): Block[] {
  const stage = new Stage();
  const blocks = [notesBlock(src, stage), ...src.measures.filter((m) => !m.def.noTotal).map((m) => measureBlock(m, stage)), gasBlock(src, stage), ratingsBlock(src, stage), ...(src.tasks ? [tasksBlock(src, stage, src.tasks)] : [])];
  return [...blocks, stage.block()];
}
