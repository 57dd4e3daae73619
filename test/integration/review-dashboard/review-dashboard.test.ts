// The Review tab on the built bundle: created by setup with its selector; native helper tables follow the selected client with no
// script run; values equal core scoring; charts per measure + GAS + ratings with scale-matched axes, one category per point;
// rebuild is idempotent and finds hand-retitled charts; setup gives the user back their tab.
import type { Emulator } from '../../../emulator';
import { gasTScore } from '../../../src/core/gas';
import { findInstrument } from '../../../src/core/instruments/registry';
import { scoreItems } from '../../../src/core/instruments/score';
import { measureScale } from '../../../src/sheets/review-dashboard-blocks';
import { CAPTION_ROW, CHART_HEAD_ROW, CHART_LAST_ROW, COLOURS, FIRST_ROW, HEAD_ROW, REVIEW_POINTS, STAGE_CAPTION } from '../../../src/sheets/review-dashboard-grid';
import { parseA1 } from '../../../src/sheets/a1';
import { chartData } from '../../../preview/chart-data';
import { chartSvg } from '../../../preview/chart';
import { REVIEW_CHART_PREFIX } from '../../../src/sheets/review-dashboard';
import { client, emulator, fiveGoalPlan, headerCols, ok, scriptActivity, serial, session, setUp, type Row } from '../../../kit/workbook';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const PHQ = [
  [1, 2, 1, 0, 1, 2, 1, 0, 0],
  [2, 2, 2, 1, 1, 2, 1, 1, 0],
  [0, 1, 0, 0, 1, 0, 1, 0, 0],
];
const GAD = [
  [1, 1, 2, 1, 0, 1, 1],
  [3, 3, 2, 2, 2, 1, 1],
  [0, 0, 1, 0, 0, 0, 0],
];
const LEVELS = [
  [-1, -1, -1, -1, -1],
  [0, -1, 1, 0, -2],
  [1, 2, 0, 1, 0],
];
const DATES_1 = ['2026-01-12', '2026-01-19', '2026-02-02'];

interface World {
  em: Emulator;
  goals: Record<string, string[]>;
}

/** Two clients: DEMO-01 with three sessions (PHQ-9, GAD-7, ratings, GAS levels, notes), DEMO-02 with one. */
function world(): World {
  const em = setUp();
  const goals: Record<string, string[]> = {};
  for (const code of ['DEMO-01', 'DEMO-02']) {
    ok(em.run('addClient', client(code)));
    goals[code] = ok<{ goals: { id: string }[] }>(em.run('savePlan', fiveGoalPlan(code))).goals.map((g) => g.id);
  }
  DATES_1.forEach((date, s) => {
    const ratings = goals['DEMO-01'].map((goalId, i) => ({ goalId, rating: (s * 2 + i) % 11, gasLevel: LEVELS[s][i] }));
    const measures = [
      { instrument: 'phq9', items: PHQ[s] },
      { instrument: 'gad7', items: GAD[s] },
    ];
    ok(em.run('recordSession', session('DEMO-01', [], { date, ratings, measures, note: s === 1 ? '' : `Note ${s + 1}` })));
  });
  const other: Row = { date: '2026-01-14', note: 'Moved house', measures: [{ instrument: 'phq9', items: [3, 3, 3, 3, 3, 3, 3, 3, 1] }] };
  ok(em.run('recordSession', session('DEMO-02', goals['DEMO-02'], other)));
  return { em, goals };
}

const review = (em: Emulator): Sheet => em.spreadsheet.getSheetByName('Review') as Sheet;

/** The block whose caption (row 3) is `caption`: its first column and its data rows (blank rows dropped). */
function block(em: Emulator, caption: string, width: number): { first: number; rows: unknown[][]; header: unknown[]; meta: unknown[][] } {
  const s = review(em);
  const captions = s.getRange(CAPTION_ROW, 1, 1, s.getLastColumn()).getValues()[0];
  const first = captions.indexOf(caption) + 1;
  if (first === 0) throw new Error(`No block ${caption}; captions: ${captions.filter(Boolean).join(', ')}`);
  const all = s.getRange(CAPTION_ROW, first, FIRST_ROW + REVIEW_POINTS - CAPTION_ROW, width).getValues();
  const rows = all.slice(FIRST_ROW - CAPTION_ROW).filter((r) => r.some((v) => v !== ''));
  return { first, rows, header: all[HEAD_ROW - CAPTION_ROW], meta: all.slice(1, HEAD_ROW - CAPTION_ROW) };
}

const iso = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : v);

const charts = (em: Emulator) => em.exportState().sheets.find((s) => s.name === 'Review')!.charts;
const attainCharts = (em: Emulator) => charts(em).filter((c) => String(c.options.title).startsWith(REVIEW_CHART_PREFIX));

describe('setup creates the Review tab', () => {
  const em = setUp();
  const state = em.exportState();
  const sheet = state.sheets.find((s) => s.name === 'Review');

  test('with a client selector validated against the Clients code column, and the charts', () => {
    expect(sheet).toBeDefined();
    const b1 = sheet!.cells.find((c) => c.a1 === 'B1');
    expect(b1?.dv?.criteria).toBe('VALUE_IN_RANGE');
    expect(b1?.dv?.args[0]).toEqual({ type: 'range', a1: expect.stringMatching(/^Clients!A2:A\d+$/) });
    expect(b1?.dv?.allowInvalid).toBe(false);
    expect(sheet!.charts).toHaveLength(4);
    expect(em.formulaErrors()).toEqual([]);
  });

  test('a client added later is offered by the selector without any script (the rule reads the column)', () => {
    const fresh = setUp();
    ok(fresh.run('addClient', client('DEMO-09')));
    expect(() => fresh.edit('Review', 1, 2, 'DEMO-09')).not.toThrow();
    expect(() => fresh.edit('Review', 1, 2, 'NOBODY')).toThrow(/violates the data validation rules/);
  });

  test('the bundle defines no onEdit, so choosing a client never runs Attain code', () => {
    expect(typeof (em.context as Record<string, unknown>).onEdit).toBe('undefined');
  });
});

describe('helper tables follow the selector', () => {
  const { em, goals } = world();
  const phq = findInstrument('phq9');
  const gad = findInstrument('gad7');
  let activity = { calls: -1, runs: -1 };
  beforeAll(() => {
    activity = scriptActivity(em, () => em.edit('Review', 1, 2, 'DEMO-01'));
  });

  test('measure totals in date (session) order equal core scoring, with the cut-off and band edges on every row', () => {
    for (const [def, items, width] of [
      [phq, PHQ, 9],
      [gad, GAD, 8],
    ] as const) {
      const b = block(em, `Chart data: ${def.name}`, width);
      expect(b.rows.map((r) => [r[0], iso(r[1]), r[2]])).toEqual(items.map((it, i) => [i + 1, DATES_1[i], scoreItems(def, it).total]));
      const bands = def.bandSchemes![0].bands.slice(1);
      expect(b.header.slice(3, 3 + bands.length + 1)).toEqual([`Cut-off (${def.cutoff!.value})`, ...bands.map((x) => `${x.label} (${x.min})`)]);
      for (const r of b.rows) expect(r.slice(3, 3 + bands.length + 1)).toEqual([def.cutoff!.value, ...bands.map((x) => x.min)]);
    }
  });

  test('GAS T-score per session date equals core gasTScore with the goals’ weights and ρ from Settings', () => {
    const b = block(em, 'Chart data: GAS T-score', 22);
    expect(b.rows.map((r) => iso(r[0]))).toEqual(DATES_1);
    // fiveGoalPlan: importance 2 × difficulty 1 on every goal.
    const weights = goals['DEMO-01'].map(() => 2);
    b.rows.forEach((r, s) => {
      expect(r[1] as number).toBeCloseTo(gasTScore(LEVELS[s], weights, { rho: 0.3 }), 9);
      expect(r[2]).toBe(50);
    });
    expect(b.meta[0].slice(10, 15)).toEqual(goals['DEMO-01']);
  });

  test('0–10 ratings: one column per active objective (titled; the long-term goal left out), one row per session date', () => {
    const b = block(em, 'Chart data: goal ratings', 9);
    // fiveGoalPlan: one long-term goal, then four objectives.
    expect(b.meta[0].slice(1, 6)).toEqual([...goals['DEMO-01'].slice(1), '']);
    expect(b.header[1]).toBe('Walk outside for 20 minutes (1)');
    expect(b.rows.map((r) => [iso(r[0]), ...r.slice(1, 5)])).toEqual(DATES_1.map((d, s) => [d, ...[1, 2, 3, 4].map((i) => (s * 2 + i) % 11)]));
    expect(b.rows.every((r) => r.slice(5).every((v) => v === ''))).toBe(true);
  });

  test('an objective no longer worked on leaves the ratings chart; the legend names exactly the active objectives', () => {
    const goalsTab = em.spreadsheet.getSheetByName('Goals')!;
    const h = headerCols(em, 'Goals');
    const ids = goalsTab.getRange(1, h.get('Goal ID')!, goalsTab.getLastRow(), 1).getValues().map((r) => r[0]);
    const row = ids.indexOf(goals['DEMO-01'][2]) + 1;
    const status = goalsTab.getRange(row, h.get('Status')!);
    const was = status.getValue();
    em.edit('Goals', row, h.get('Status')!, 'achieved');
    const b = block(em, 'Chart data: goal ratings', 9);
    expect(b.meta[0].slice(1, 5)).toEqual([goals['DEMO-01'][1], goals['DEMO-01'][3], goals['DEMO-01'][4], '']);
    expect(b.header.slice(1, 5)).toEqual(['Walk outside for 20 minutes (1)', 'Walk outside for 20 minutes (3)', 'Walk outside for 20 minutes (4)', '']);
    em.edit('Goals', row, h.get('Status')!, was);
  });

  test('event notes of the client only, blank notes left out', () => {
    const b = block(em, 'Event notes', 3);
    expect(b.rows.map((r) => [iso(r[0]), r[1], r[2]])).toEqual([
      ['2026-01-12', 1, 'Note 1'],
      ['2026-02-02', 3, 'Note 3'],
    ]);
  });

  test('choosing the client made no service call and ran no custom function', () => {
    expect(activity).toEqual({ calls: 0, runs: 0 });
  });

  test('switching to another client changes the tables and still runs no script', () => {
    const before = block(em, 'Chart data: PHQ-9', 3).rows;
    const switched = scriptActivity(em, () => em.edit('Review', 1, 2, 'DEMO-02'));
    expect(switched).toEqual({ calls: 0, runs: 0 });
    const after = block(em, 'Chart data: PHQ-9', 3).rows;
    expect(after).not.toEqual(before);
    expect(after.map((r) => [r[0], iso(r[1]), r[2]])).toEqual([[1, '2026-01-14', 25]]);
    expect(block(em, 'Event notes', 3).rows.map((r) => r[2])).toEqual(['Moved house']);
    expect(block(em, 'Chart data: GAD-7', 3).rows).toEqual([]);
    const gas = block(em, 'Chart data: GAS T-score', 2).rows;
    expect(gas.map((r) => [iso(r[0]), r[1]])).toEqual([['2026-01-14', expect.closeTo(gasTScore([-1, -1, -1, -1, -1], [2, 2, 2, 2, 2], { rho: 0.3 }), 9)]]);
    expect(em.formulaErrors()).toEqual([]);
  });

  test('a row entered out of order (back-dated) sorts by date', () => {
    const s = em.spreadsheet.getSheetByName('PHQ-9')!;
    const cols = headerCols(em, 'PHQ-9');
    const last = s.getLastRow();
    s.getRange(last + 1, 1, 1, 12).setValues([['DEMO-02', serial('2026-01-10'), '', 0, 0, 0, 0, 0, 0, 0, 0, 0]]);
    const total = cols.get('Total')!;
    const copy = s.getRange(last, total).getFormula().replace(new RegExp(`([A-Z])${last}(?!\\d)`, 'g'), `$1${last + 1}`);
    s.getRange(last + 1, total).setFormula(copy);
    const rows = block(em, 'Chart data: PHQ-9', 3).rows.map((r) => [iso(r[1]), r[2]]);
    expect(rows).toEqual([
      ['2026-01-10', 0],
      ['2026-01-14', 25],
    ]);
  });
});

describe('charts', () => {
  const { em } = world();

  test('one per enabled measure, GAS and ratings: titles, axis titles, axes that fit every value, cut-off and band-edge series', () => {
    const cs = attainCharts(em);
    expect(cs.map((c) => c.options.title)).toEqual([`${REVIEW_CHART_PREFIX}PHQ-9 total (0–27)`, `${REVIEW_CHART_PREFIX}GAD-7 total (0–21)`, `${REVIEW_CHART_PREFIX}GAS T-score`, `${REVIEW_CHART_PREFIX}Objective ratings (0–10)`]);
    // Measure and rating axes are their scales; the GAS axis is left to Sheets (a T-score can fall below 20).
    const scales = [measureScale(findInstrument('phq9')), measureScale(findInstrument('gad7')), null, [0, 10]];
    expect(scales).toEqual([[0, 27], [0, 21], null, [0, 10]]);
    cs.forEach((c, i) => {
      expect(c.type).toBe('LINE');
      expect(c.options['hAxis.title']).toBe('Date');
      expect(String(c.options['vAxis.title'])).not.toBe('');
      const axis = scales[i];
      if (axis) {
        expect([c.options['vAxis.viewWindow.min'], c.options['vAxis.viewWindow.max']]).toEqual(axis);
        expect(c.options['vAxis.viewWindowMode']).toBe('explicit');
      } else expect(Object.keys(c.options).filter((k) => k.startsWith('vAxis.view'))).toEqual([]);
      expect(c.numHeaders).toBe(1);
      expect(c.hiddenDimensionStrategy).toBe('SHOW_BOTH');
    });
    // The PHQ-9 chart plots Date, Total and the five reference columns; its header row names them.
    const phq = cs[0];
    const [range] = phq.ranges;
    const header = review(em).getRange(range.replace(/^Review!/, '')).getValues()[0];
    expect(header).toEqual(['Date', 'PHQ-9 total', 'Cut-off (10)', 'Mild (5)', 'Moderate (10)', 'Moderately severe (15)', 'Severe (20)']);
    // Data blue; the cut-off near-black; each band edge its own colour, none the cut-off's or the data's.
    const colors = phq.options.colors as string[];
    expect(colors).toEqual([COLOURS.data[0], COLOURS.cutoff, ...COLOURS.bandEdges.slice(0, 4)]);
    expect(new Set(colors).size).toBe(colors.length);
    const series = phq.options.series as Record<string, { lineWidth: number; pointSize: number; lineDashStyle?: number[] }>;
    expect(series[0]).toEqual({ lineWidth: 2, pointSize: 5 });
    // The cut-off: dashed and wider than the band edges, and drawn first, beneath them: Moderate (10) shows inside its border.
    expect(series[1].lineDashStyle).toEqual([10, 5]);
    for (let i = 2; i <= 5; i++) {
      expect(series[i]).toEqual({ lineWidth: 2, pointSize: 0 });
      expect(series[1].lineWidth).toBeGreaterThan(series[i].lineWidth);
    }
    expect(phq.options['legend.position']).toBe('bottom');
    expect(cs[3].options['legend.position']).toBe('right');
    // GAS: T-score and the expected-outcome line at 50.
    const gas = review(em).getRange(cs[2].ranges[0].replace(/^Review!/, '')).getValues()[0];
    expect(gas).toEqual(['Date', 'GAS T-score', 'Expected (50)']);
    expect(cs[3].ranges[0]).toMatch(new RegExp(`^Review!\\w+${CHART_HEAD_ROW}:\\w+${CHART_LAST_ROW}$`));
  });

  test('a client with 3 sessions gets charts of 3 points each, with no formula "" in the chart ranges after the last point', () => {
    em.edit('Review', 1, 2, 'DEMO-01');
    const view = em.view().sheets.find((s) => s.name === 'Review')!;
    const mine = view.charts.filter((c) => String(c.options.title).startsWith(REVIEW_CHART_PREFIX));
    expect(mine.map((c) => c.categories)).toEqual([3, 3, 3, 3]);
    for (const c of mine) {
      const r = parseA1(c.ranges[0].replace(/^Review!/, ''));
      const data = (row: number) => view.rows[row - 1]?.slice(r.startCol - 1, r.endCol!) ?? [];
      // Three dated points (the domain is set), then rows that are truly empty: no value, no formula.
      for (let row = r.startRow + 1; row <= r.startRow + 3; row++) expect(data(row)[0].v).toMatch(/^2026-/);
      for (let row = r.startRow + 4; row <= r.endRow!; row++) expect(data(row).filter((cell) => cell.v !== '' || cell.f)).toEqual([]);
    }
    // Another client, another count: the spill follows B1 with no script.
    em.edit('Review', 1, 2, 'DEMO-02');
    const counts = em.view().sheets.find((s) => s.name === 'Review')!.charts.filter((c) => String(c.options.title).startsWith(REVIEW_CHART_PREFIX)).map((c) => c.categories);
    // DEMO-02: one PHQ-9 and one GAS date, each with one unlabelled category after it for the constant lines; no GAD-7 (one ""
    // row: a client with no points shows an empty chart); one ratings date (no constant lines, no padding).
    expect(counts).toEqual([2, 1, 2, 1]);
    expect(em.formulaErrors()).toEqual([]);
  });

  test('with one session, each constant line gets a second point in an unlabelled category after the date (a line, not a dot); the score is one point', () => {
    em.edit('Review', 1, 2, 'DEMO-02');
    const view = em.view();
    const lookup = (name: string | null) => view.sheets.find((x) => x.name === (name ?? 'Review'))?.rows ?? null;
    const mine = view.sheets.find((x) => x.name === 'Review')!.charts.filter((c) => String(c.options.title).startsWith(REVIEW_CHART_PREFIX));
    const [phq, , gas] = mine.map((c) => chartData(c, 'Review', lookup));
    expect(phq.domain).toEqual(['2026-01-14', '']);
    // PHQ-9 items 3,3,3,3,3,3,3,3,1.
    expect(phq.series[0].values).toEqual([25, null]);
    expect(phq.series.slice(1).map((x) => x.values)).toEqual([10, 5, 10, 15, 20].map((v) => [v, v]));
    expect(gas.series[1].values).toEqual([50, 50]);
    expect(gas.series[0].values[1]).toBeNull();
    // Drawn as lines: one polyline per constant series, and the score alone as a point.
    const svg = chartSvg(phq);
    for (let i = 1; i < phq.series.length; i++) expect(svg).toContain(`class="line" data-series="${i}"`);
    expect(svg).not.toContain('class="line" data-series="0"');
    expect(svg).toContain('class="point" data-series="0"');
  });

  test('a chart whose title was edited by hand is still found by "Rebuild review charts": one chart per kind', () => {
    const s = review(em);
    const phq = s.getCharts().find((c) => String(c.getOptions().get('title')).includes('PHQ-9'))!;
    s.updateChart(phq.modify().setOption('title', 'Mood (our title)').build());
    expect(charts(em).map((c) => c.options.title)).toContain('Mood (our title)');
    em.trigger('onOpen', { authMode: 'FULL' });
    em.clickMenu('Rebuild review charts');
    expect(charts(em).map((c) => c.options.title)).not.toContain('Mood (our title)');
    expect(attainCharts(em).map((c) => c.options.title)).toEqual([`${REVIEW_CHART_PREFIX}PHQ-9 total (0–27)`, `${REVIEW_CHART_PREFIX}GAD-7 total (0–21)`, `${REVIEW_CHART_PREFIX}GAS T-score`, `${REVIEW_CHART_PREFIX}Objective ratings (0–10)`]);
    expect(charts(em).filter((c) => !String(c.options.title).startsWith(REVIEW_CHART_PREFIX))).toEqual([]);
  });

  test('"Rebuild review charts" twice leaves exactly one set and keeps a chart of the clinic’s own', () => {
    const s = review(em);
    s.insertChart(s.newChart().addRange(s.getRange('J8:J20')).asLineChart().setTitle('Our own chart').build());
    em.trigger('onOpen', { authMode: 'FULL' });
    em.clickMenu('Rebuild review charts');
    em.clickMenu('Rebuild review charts');
    expect(attainCharts(em)).toHaveLength(4);
    expect(charts(em).map((c) => c.options.title)).toContain('Our own chart');
    expect(charts(em)).toHaveLength(5);
    // Bounded: the rebuild lists the charts once, removes the four and inserts four, whatever the caseload.
    em.calls.reset();
    em.clickMenu('Rebuild review charts');
    expect(em.calls.chart).toBe(9);
    expect(em.formulaErrors()).toEqual([]);
  });
});

describe('setup and the active tab', () => {
  test('setup leaves the active tab as it was (it creates tabs, each insertSheet would make the new one active)', () => {
    const em = emulator();
    const mine = em.spreadsheet.insertSheet('My notes');
    em.spreadsheet.setActiveSheet(em.spreadsheet.getSheets()[0]);
    const before = em.spreadsheet.getActiveSheet().getName();
    em.run('setupSpreadsheet');
    expect(em.spreadsheet.getSheetByName('Review')).not.toBeNull();
    expect(em.spreadsheet.getActiveSheet().getName()).toBe(before);
    mine.activate();
    em.run('setupSpreadsheet');
    expect(em.spreadsheet.getActiveSheet().getName()).toBe('My notes');
  });
});

describe('idempotence', () => {
  test('setup re-run leaves the selector value, user cells and the charts untouched (charts not even listed)', () => {
    const { em } = world();
    em.edit('Review', 1, 2, 'DEMO-01');
    em.edit('Review', 60, 1, 'Discussed with supervisor');
    const before = em.exportState();
    em.calls.reset();
    em.run('setupSpreadsheet');
    // The Review tab's part only reads: its charts are not even listed.
    expect(em.calls.chart).toBe(0);
    const after = em.exportState();
    expect(after.sheets.find((s) => s.name === 'Review')).toEqual(before.sheets.find((s) => s.name === 'Review'));
    expect(review(em).getRange('B1').getValue()).toBe('DEMO-01');
    expect(review(em).getRange('A60').getValue()).toBe('Discussed with supervisor');
  });

  test('a Review tab of an earlier layout (cut-off last, amber band edges) is rebuilt in place by setup: tables and charts', () => {
    const { em } = world();
    const now = em.exportState().sheets.find((x) => x.name === 'Review')!;
    const s = review(em);
    const phq = block(em, 'Chart data: PHQ-9', 9);
    s.getRange(HEAD_ROW, phq.first + 3, 1, 5).setValues([['Mild (5)', 'Moderate (10)', 'Moderately severe (15)', 'Severe (20)', 'Cut-off (10)']]);
    const chart = s.getCharts().find((c) => String(c.getOptions().get('title')).includes('PHQ-9'))!;
    s.updateChart(chart.modify().asLineChart().setColors(['#1a73e8', '#9aa0a6', '#f9ab00', '#f9ab00', '#f9ab00', '#d93025']).build());
    em.run('setupSpreadsheet');
    const after = em.exportState().sheets.find((x) => x.name === 'Review')!;
    expect(block(em, 'Chart data: PHQ-9', 9).header.slice(3, 8)).toEqual(['Cut-off (10)', 'Mild (5)', 'Moderate (10)', 'Moderately severe (15)', 'Severe (20)']);
    // The same charts as a fresh tab's (ids aside: they are new charts).
    const strip = (c: (typeof now.charts)[number]) => ({ ...c, chartId: null });
    expect(after.charts.map(strip)).toEqual(now.charts.map(strip));
    expect(after.cells).toEqual(now.cells);
  });

  test('enabling a measure adds its block and chart (scale from the registry) without moving the others', () => {
    const { em } = world();
    em.edit('Review', 1, 2, 'DEMO-01');
    const phqBefore = block(em, 'Chart data: PHQ-9', 9);
    const settings = em.spreadsheet.getSheetByName('Settings')!;
    const keys = settings.getRange(1, 4, settings.getLastRow(), 1).getValues().map((r) => r[0]);
    em.edit('Settings', keys.indexOf('instrument.srs') + 1, 2, 'TRUE');
    em.run('setupSpreadsheet');
    expect(block(em, 'Chart data: PHQ-9', 9)).toEqual(phqBefore);
    const srs = block(em, 'Chart data: SRS', 5);
    expect(srs.header).toEqual(['Session', 'Date', 'SRS total', 'Cut-off (36)', '']);
    const srsChart = attainCharts(em).find((c) => String(c.options.title).includes('SRS'))!;
    expect([srsChart.options['vAxis.viewWindow.min'], srsChart.options['vAxis.viewWindow.max']]).toEqual(measureScale(findInstrument('srs')));
    expect(measureScale(findInstrument('srs'))).toEqual([0, 40]);
    expect(attainCharts(em)).toHaveLength(5);
    expect(em.formulaErrors()).toEqual([]);
    // The client's rows moved after the new block (their columns grew with it), and nothing reads a cell that is not theirs.
    const s = review(em);
    const captions = s.getRange(CAPTION_ROW, 1, 1, s.getLastColumn()).getValues()[0].filter(Boolean);
    expect(captions[captions.length - 1]).toBe(STAGE_CAPTION);
    expect(captions.filter((c) => c === STAGE_CAPTION)).toHaveLength(1);
    // (A source with no row of this client, here SRS, leaves its client rows blank: no error anywhere.)
    expect(s.getRange(CAPTION_ROW, 1, CHART_LAST_ROW - CAPTION_ROW + 1, s.getLastColumn()).getDisplayValues().flat().filter((v) => v.startsWith('#'))).toEqual([]);
    expect(block(em, 'Chart data: SRS', 5).rows).toEqual([]);
    expect(block(em, 'Chart data: PHQ-9', 9).rows.length).toBe(3);
  });
});
