// Threshold comparisons on one-decimal ORS/SRS totals: the generated sheet formulas, computed by the emulator (no engine rounding), decide as core does, exact boundaries (8.2 − 3.2 vs 5) included.
import { CODES_MARK, CODES_TAB, codesListFormula } from '../../../src/sheets/client-keys';
import fc from 'fast-check';
import { emulator } from '../../../kit/workbook';
import { clientAlerts, type AlertKind } from '../../../src/core/alerts';
import { instrumentReliableChange } from '../../../src/core/change';
import { ORS } from '../../../src/core/instruments/ors';
import type { InstrumentDefinition } from '../../../src/core/instruments/schema';
import { bandLabel } from '../../../src/core/instruments/score';
import { SRS } from '../../../src/core/instruments/srs';
import type { MeasurePoint } from '../../../src/core/measure-series';
import { changeCategory } from '../../../src/core/reliable-change';
import { colRef, helperColumns, type SourceTab } from '../../../src/sheets/alert-formulas';
import { columnLetters } from '../../../src/sheets/formulas';
import { instrumentColumns } from '../../../src/sheets/instrument-layout';
import type { ColumnSpec } from '../../../src/sheets/columns';

const CLIENT = 'C-1';
const ROWS = 4;
const SESSIONS = 4;
const SETTINGS = { reviewEverySessions: 4, notOnTrackBySession: 3, plateauWindow: 3, measureEverySessions: 4, reliableChangeMethod: 'points' as const };
const DAY0 = 46000;

/** A tab from column specs: header row, then the formula columns written for every data row. */
function tab(name: string, specs: readonly { key: string; header: string; formula?: ColumnSpec['formula'] }[]): SourceTab {
  const letter = new Map(specs.map((s, i) => [s.key, columnLetters(i + 1)]));
  return { name, has: (k) => letter.has(k), col: (k) => letter.get(k) ?? '' };
}

/** One emulator holding tiny Clients, Sessions, Reviews, Settings, ORS and SRS tabs and one helper row built by the real generators. */
function workbook() {
  const em = emulator();
  const ss = em.spreadsheet;
  const put = (name: string, rows: unknown[][]) => {
    const sh = ss.getSheetByName(name) ?? ss.insertSheet(name);
    if (sh.getMaxColumns() < rows[0].length) sh.insertColumnsAfter(sh.getMaxColumns(), rows[0].length - sh.getMaxColumns());
    sh.getRange(1, 1, rows.length, rows[0].length).setValues(rows);
    return sh;
  };
  const simple = (name: string, keys: string[], rows: unknown[][]) => {
    put(name, [keys, ...rows]);
    return tab(name, keys.map((key) => ({ key, header: key })));
  };
  const clients = simple('Clients', ['code', 'clinician', 'status'], [[CLIENT, 'Dr Rivera', 'active']]);
  // The sorted codes the instrument tabs' key columns number the client by, as setup writes them.
  put(CODES_TAB, [[codesListFormula(colRef(clients, 'code'), 10), CODES_MARK, '']]);
  const sessions = simple('Sessions', ['client', 'attended', 'date', 'session'], Array.from({ length: SESSIONS }, (_, i) => [CLIENT, true, DAY0 + 7 * i, i + 1]));
  const reviews = simple('Reviews', ['client', 'session', 'tScore', 'change'], []);
  put('Settings', [['reviewEvery', SETTINGS.reviewEverySessions], ['notOnTrack', SETTINGS.notOnTrackBySession], ['plateau', SETTINGS.plateauWindow], ['measureOverdue', SETTINGS.measureEverySessions], ['selector', '']]);
  const instruments = [ORS, SRS].map((def) => {
    const specs = instrumentColumns(def);
    const src = tab(def.name, specs);
    const refs = (row: number) => ({ row, col: (k: string) => src.col(k), cell: (k: string) => `${src.col(k)}${row}` });
    // A spill column's header cell holds its formula, as setup writes it.
    put(def.name, [specs.map((s) => (s.spill ? s.spill(refs(1)) : s.header)), ...Array.from({ length: ROWS }, (_, i) => specs.map((s) => (s.formula ? s.formula(refs(i + 2)) : '')))]);
    return { def, options: {}, tab: src, specs };
  });
  const set = (row: number) => `'Settings'!$B$${row}`;
  const cols = helperColumns({ clients, sessions, reviews, instruments, settings: { reviewEvery: set(1), notOnTrack: set(2), plateau: set(3), measureOverdue: set(4) }, selector: set(5) }, 2, 1);
  put('Helper', [cols.map((c) => c.header), cols.map((c) => c.formula)]);
  expect(em.formulaErrors()).toEqual([]);
  return { em, ss, cols, instruments };
}

/** Four 0–10 one-decimal items summing to `tenths` / 10. */
function items(tenths: number): number[] {
  let left = tenths;
  return [0, 1, 2, 3].map(() => {
    const v = Math.min(100, left);
    left -= v;
    return v / 10;
  });
}

describe('threshold comparisons: sheet formulas and core agree on one-decimal totals', () => {
  const wb = workbook();
  const helper = wb.ss.getSheetByName('Helper')!;
  const helperKeys = wb.cols.map((c) => c.key);

  /** Writes a series (tenths) to an instrument tab, then reads back the tab's computed columns and the helper row. */
  function run(def: InstrumentDefinition, tenths: readonly number[]) {
    const { specs } = wb.instruments.find((i) => i.def === def)!;
    const sh = wb.ss.getSheetByName(def.name)!;
    const rows = Array.from({ length: ROWS }, (_, i) => (i < tenths.length ? [CLIENT, DAY0 + 7 * i, i + 1, ...items(tenths[i])] : ['', '', '', '', '', '', '']));
    sh.getRange(2, 1, ROWS, 7).setValues(rows);
    const values = sh.getRange(1, 1, ROWS + 1, specs.length).getValues();
    const at = (key: string) => specs.findIndex((s) => s.key === key);
    const row = helper.getRange(2, 1, 1, helperKeys.length).getValues()[0];
    const cell = (key: string) => row[helperKeys.indexOf(key)];
    return { tab: values.slice(1, tenths.length + 1).map((r) => ({ total: r[at('total')], band: r[at('band')], rc: at('rc') >= 0 ? r[at('rc')] : undefined })), cell };
  }

  /** The instrument alerts core raises for the series (sessions and settings as the sheet's). */
  function coreKinds(def: InstrumentDefinition, totals: readonly number[]): AlertKind[] {
    const points: MeasurePoint[] = totals.map((total, i) => ({ date: `2026-01-${String(5 + 7 * i).padStart(2, '0')}`, session: i + 1, total }));
    return clientAlerts({ measures: { [def.name]: points }, sessions: SESSIONS, lastReviewAt: 0 }, SETTINGS)
      .filter((a) => a.instrument === def.name)
      .map((a) => a.kind);
  }

  function check(def: InstrumentDefinition, tenths: readonly number[]): void {
    const totals = tenths.map((t) => t / 10);
    const got = run(def, tenths);
    // Per row: the tab's total, band and reliable change against the first.
    got.tab.forEach((r, i) => {
      expect(r.total).toBe(totals[i]);
      expect(r.band).toBe(bandLabel(def, totals[i]));
      // The first row is the client's first administration: blank, as Supervision and core leave it.
      if (r.rc !== undefined) expect(r.rc).toBe(i === 0 ? '' : instrumentReliableChange(def, totals[0], totals[i]));
    });
    const id = def.id;
    expect(got.cell(`${id}.band`)).toBe(bandLabel(def, totals[totals.length - 1]));
    if (def.reliableChange) {
      const kinds = coreKinds(def, totals);
      const sheet = { 'reliable-deterioration': got.cell(`${id}.worse`), 'not-on-track': got.cell(`${id}.notOnTrack`), plateau: got.cell(`${id}.plateau`) };
      expect(sheet).toEqual({ 'reliable-deterioration': kinds.includes('reliable-deterioration'), 'not-on-track': kinds.includes('not-on-track'), plateau: kinds.includes('plateau') });
      const category = totals.length >= 2 ? changeCategory(def, totals[0], totals[totals.length - 1], { reliableChangeMethod: 'points', scoreOptions: {} }) : '';
      expect(got.cell(`${id}.category`)).toBe(category);
    }
  }

  test('the emulator itself does not round: 8.2 − 3.2 < 5 is TRUE there, so formulas must round', () => {
    const sh = wb.ss.getSheetByName('Helper')!;
    sh.getRange('A10').setFormula('=8.2-3.2<5');
    sh.getRange('B10').setFormula('=ROUND(8.2-3.2,9)<5');
    expect(sh.getRange('A10:B10').getValues()).toEqual([[true, false]]);
    sh.getRange('A10:B10').setValues([['', '']]);
  });

  test.each([
    ['ORS 3.2 → 8.2: a change of exactly 5 is a reliable improvement', ORS, [32, 82]],
    ['ORS 8.2 → 3.2: a fall of exactly 5 is a reliable deterioration', ORS, [82, 32]],
    ['ORS 8.2, 5.0, 3.2: a window exactly 5 wide is no plateau', ORS, [82, 50, 32]],
    ['ORS 3.2, 5.0, 8.2: a window exactly 5 wide is no plateau, nor not-on-track', ORS, [32, 50, 82]],
    ['ORS 30.2 → 25.0 → 20.2: first derived as latest − change lands on 25 exactly', ORS, [250, 302, 202]],
    ['ORS exactly at the cut-off 25.0', ORS, [202, 250]],
    ['SRS exactly at the cut-off 36.0', SRS, [350, 360]],
  ] as const)('%s', (_name, def, tenths) => check(def, tenths));

  test('a window exactly 5 wide is no plateau in the sheet either (8.2, 5.0, 3.2 stays clinical)', () => {
    expect(run(ORS, [82, 50, 32]).cell('ors.plateau')).toBe(false);
    expect(run(ORS, [82, 50, 33]).cell('ors.plateau')).toBe(true);
  });

  test('core, every one of the 351 pairs of one-decimal ORS totals exactly 5 apart: reliable change, and no plateau', () => {
    for (let t = 0; t <= 350; t++) {
      const [lo, hi] = [t / 10, (t + 50) / 10];
      expect([instrumentReliableChange(ORS, lo, hi), instrumentReliableChange(ORS, hi, lo)]).toEqual(['Reliable improvement', 'Reliable deterioration']);
      expect(coreKinds(ORS, [hi, (t + 25) / 10, lo])).not.toContain('plateau');
    }
  });

  const tenths = fc.integer({ min: 0, max: 400 });
  // Series of 2–4 totals, most built on an edge: first and latest exactly 5 (ORS reliable change) apart, a window exactly 5 wide, or a total at the cut-off.
  const series = (cut: number) =>
    fc.oneof(
      { arbitrary: fc.array(tenths, { minLength: 2, maxLength: 4 }), weight: 1 },
      { arbitrary: fc.tuple(fc.integer({ min: 0, max: 350 }), fc.boolean()).map(([b, up]) => (up ? [b, b + 50] : [b + 50, b])), weight: 2 },
      {
        arbitrary: fc
          .tuple(fc.option(tenths, { nil: undefined }), fc.integer({ min: 0, max: 350 }), fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 2 }))
          .map(([pre, b, mid, k]) => [...(pre === undefined ? [] : [pre]), ...[[b, b + mid, b + 50], [b + 50, b + mid, b], [b + mid, b, b + 50]][k]]),
        weight: 2,
      },
      { arbitrary: fc.tuple(tenths, tenths, fc.integer({ min: 0, max: 2 })).map(([x, y, k]) => [x, y, y].map((v, i) => (i === k ? cut : v))), weight: 1 },
    );

  test('ORS: band, reliable change, deterioration, not on track and plateau agree for any series', () => {
    fc.assert(
      fc.property(series(250), (s) => check(ORS, s)),
      { numRuns: 200 },
    );
  });

  test('SRS: the alliance band agrees for any series', () => {
    fc.assert(
      fc.property(series(360), (s) => check(SRS, s)),
      { numRuns: 100 },
    );
  });
});
