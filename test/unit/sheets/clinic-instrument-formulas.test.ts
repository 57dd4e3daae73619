// Bad clinic definitions are harmless: random row cells through the parser, and every accepted definition's random item rows through core's scorer and the tab's native formulas (HyperFormula with the emulator's engine options) — a valid score equal to the formulas' value, or a clear error.
import fc from 'fast-check';
import { DetailedCellError } from 'hyperformula';
import { FormulaEngine } from '../../../emulator/formulas';
import { CLINIC_HEADERS } from '../../../src/core/instruments/clinic-columns';
import { parseClinicInstruments, type ClinicCells } from '../../../src/core/instruments/clinic-definition';
import type { InstrumentDefinition } from '../../../src/core/instruments/schema';
import { bandLabel, scoreItems, type InstrumentScore } from '../../../src/core/instruments/score';
import { columnLetters } from '../../../src/sheets/formulas';
import { instrumentColumns } from '../../../src/sheets/instrument-layout';

// The emulator's engine (rounding off, Sheets' criteria and booleans); no custom functions are used by instrument tabs.
const engine = new FormulaEngine([], {
  invoke: (name) => {
    throw new Error(`no custom function ${name} expected in an instrument tab`);
  },
  isDateCell: () => false,
  dateOfSerial: (serial) => serial,
  serialOfDate: (d) => d.getTime(),
});
const hf = engine.hf;
let sheets = 0;

/** One in-memory tab per definition: header row, one data row with the tab's own formulas; item cells rewritten per sample. */
function tabFor(def: InstrumentDefinition) {
  const specs = instrumentColumns(def);
  const letter = new Map(specs.map((s, i) => [s.key, columnLetters(i + 1)]));
  const refs = { row: 2, col: (k: string) => letter.get(k) ?? '', cell: (k: string) => `${letter.get(k) ?? ''}2` };
  const name = `T${++sheets}`;
  hf.addSheet(name);
  const sheet = hf.getSheetId(name)!;
  const rowContent = specs.map((s) => (s.formula ? s.formula(refs) : s.key === 'client' ? 'C-1' : s.key === 'date' ? 46000 : s.key === 'session' ? 1 : null));
  hf.setSheetContent(sheet, [specs.map((s) => s.header), rowContent]);
  const at = (key: string) => specs.findIndex((s) => s.key === key);
  const firstItem = at('item1');
  return {
    specs,
    write(items: readonly unknown[]) {
      hf.setCellContents({ sheet, row: 1, col: firstItem }, [items.map((v) => (v === '' || v === undefined ? null : (v as number | string | null)))]);
    },
    value(key: string): unknown {
      const i = at(key);
      return i < 0 ? undefined : hf.getCellValue({ sheet, row: 1, col: i });
    },
    formulaValues(): unknown[] {
      return specs.map((s, i) => (s.formula ? hf.getCellValue({ sheet, row: 1, col: i }) : null)).filter((v) => v !== null);
    },
  };
}

// ---- random rows of cells: mostly well-formed with one spoiled cell now and then, so many are accepted -------------

const garbage = fc.oneof(fc.string({ maxLength: 12 }), fc.integer({ min: -5, max: 200 }), fc.double({ noNaN: false }), fc.constant(''), fc.constant(null), fc.boolean(), fc.constantFrom('=1+1', '1e3', 'item 0 ≥ 1: x', '0 A; 0 B', 'A: 0', '2026-01-02', 'SD 0, reliability 0.5', 'prorate up to -1', '0 "quoted"', 'item 1 ≥ 1: say "hi"'));
const NAMES = ['Scale A', 'Mood index', 'Sleep-Q', 'Clinic Measure 7', 'Worry scale'];
const SUBNAMES = ['Alpha', 'Beta', 'Gamma', 'Total', 'Band', 'alpha', 'Item 2'];
const MULTIPLIERS = [1, 2, 3, 0.5, 1.5];
const LABELS = ['Low', 'Mild', 'Moderate', 'High', 'Severe', 'Very high', "Clinic's (B) 2–3"];

const cellsArb: fc.Arbitrary<ClinicCells> = fc
  .record({ count: fc.integer({ min: 1, max: 9 }), min: fc.integer({ min: 0, max: 3 }), span: fc.integer({ min: 1, max: 6 }) })
  .chain(({ count, min, span }) => {
    const max = min + span;
    const [lo, hi] = [count * min, count * max];
    // Mostly valid, now and then one step out of range, so both paths are taken.
    const rarely = <T>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<T>) => fc.oneof({ arbitrary: good, weight: 15 }, { arbitrary: bad, weight: 1 });
    const itemNo = rarely(fc.integer({ min: 1, max: count }), fc.constant(count + 1));
    const itemList = fc.uniqueArray(itemNo, { minLength: 1, maxLength: Math.min(count, 5) }).map((l) => l.join(', '));
    const subscales = fc
      .array(fc.tuple(itemList, fc.constantFrom(...MULTIPLIERS)), { minLength: 1, maxLength: 3 })
      .chain((subs) => fc.tuple(fc.constant(subs), rarely(fc.constant(SUBNAMES.slice(0, 3)), fc.shuffledSubarray(SUBNAMES, { minLength: 3, maxLength: 3 }))))
      .map(([subs, names]) => subs.map(([l, m], i) => `${names[i]}: ${l}${m === 1 ? '' : ` ×${m}`}`).join('; '));
    const bands = fc
      .uniqueArray(rarely(fc.integer({ min: lo, max: hi }), fc.constant(hi + 1)), { minLength: 1, maxLength: 5 })
      .chain((edges) => fc.tuple(fc.constant(edges.sort((a, b) => a - b)), fc.shuffledSubarray(LABELS, { minLength: edges.length, maxLength: edges.length })))
      .map(([edges, labels]) => edges.map((e, i) => `${i === 0 ? Math.min(e, lo) : e} ${labels[i]}`).join('; '));
    const cutoff = fc.tuple(rarely(fc.constant(''), fc.constantFrom('≥ ', '> ', '≤ ', '< ')), rarely(fc.integer({ min: lo, max: hi }), fc.constant(hi + 1))).map(([op, v]) => `${op}${v}`);
    const rc = fc.oneof(fc.integer({ min: 1, max: Math.max(1, hi - lo) }).map((p) => `${p} points`), fc.tuple(fc.integer({ min: 1, max: Math.max(1, Math.floor((hi - lo) / 3)) }), fc.integer({ min: 0, max: 99 })).map(([sd, r]) => `SD ${sd}, reliability ${r / 100}`));
    const safety = fc.array(fc.tuple(itemNo, rarely(fc.integer({ min: min + 1, max }), fc.constant(min)), fc.constantFrom('Review risk', "Check today's plan, call")), { minLength: 1, maxLength: 3 }).map((rs) => rs.map(([i, t, m]) => `item ${i} ≥ ${t}: ${m}`).join('; '));
    const well = fc.record(
      {
        Name: fc.constantFrom(...NAMES),
        Items: fc.constant(count),
        'Item minimum': fc.constant(min),
        'Item maximum': fc.constant(max),
        'Reverse-scored items': itemList,
        Subscales: subscales,
        'Missing items rule': count === 1 ? fc.constant('strict') : fc.oneof(fc.constant('strict'), rarely(fc.integer({ min: 1, max: count - 1 }), fc.constant(count)).map((n) => `prorate up to ${n}`)),
        Bands: bands,
        'Clinical cut-off': cutoff,
        Direction: fc.constantFrom('higher is worse', 'higher is better'),
        'Reliable change': rc,
        'Safety items': safety,
        'Source or licence': fc.constant('fuzz'),
      },
      { requiredKeys: ['Name', 'Items', 'Item minimum', 'Item maximum', 'Missing items rule', 'Direction', 'Source or licence'] },
    );
    return fc.tuple(well, fc.oneof({ arbitrary: fc.constant(null), weight: 4 }, { arbitrary: fc.tuple(fc.constantFrom(...CLINIC_HEADERS), garbage), weight: 1 })).map(([cells, spoil]) => (spoil ? { ...cells, [spoil[0]]: spoil[1] } : cells));
  });

/** Item rows: mostly answers in range, with blanks, out-of-range and fractional numbers, text, and rows of the wrong length. */
function rowsArb(def: InstrumentDefinition): fc.Arbitrary<unknown[][]> {
  const { count, min, max } = def.items;
  const value = fc.oneof(
    { arbitrary: fc.integer({ min, max }), weight: 40 },
    { arbitrary: fc.constantFrom('', null), weight: 2 },
    { arbitrary: fc.integer({ min: -3, max: max + 3 }), weight: 1 },
    { arbitrary: fc.double({ min: min, max: max, noNaN: true }), weight: 1 },
    { arbitrary: fc.constantFrom('abc', '2', 'N/A', ' '), weight: 1 },
  );
  const length = fc.oneof({ arbitrary: fc.constant(count), weight: 9 }, { arbitrary: fc.constantFrom(count - 1, count + 1), weight: 1 });
  return fc.array(
    length.chain((n) => fc.array(value, { minLength: Math.max(0, n), maxLength: Math.max(0, n) })),
    { minLength: 1, maxLength: 6 },
  );
}

const blankIfNull = (v: number | null | undefined) => (v === null || v === undefined ? '' : v);

/** What the tab's formulas must show for a score core accepted. */
function expectedCells(def: InstrumentDefinition, s: InstrumentScore): Record<string, unknown> {
  const out: Record<string, unknown> = { total: blankIfNull(s.total) };
  for (const sub of def.subscales ?? []) out[`sub:${sub.id}`] = blankIfNull(s.subscales[sub.id]);
  if (def.bandSchemes || def.cutoff) out.band = s.total === null ? '' : bandLabel(def, s.total);
  if (def.critical?.length) out.flag = s.flags.join('; ');
  return out;
}

describe('bad clinic definitions are harmless', () => {
  test('every accepted definition scores each item row as its formulas do, or core says clearly what is wrong; no formula errs', () => {
    let accepted = 0;
    let scored = 0;
    fc.assert(
      fc.property(
        cellsArb.chain((cells) => {
          const out = parseClinicInstruments([{ row: 2, cells }]);
          const def = out.definitions[0] as InstrumentDefinition | undefined;
          return (def ? rowsArb(def) : fc.constant([] as unknown[][])).map((rows) => ({ out, rows }));
        }),
        ({ out, rows }) => {
          expect(out.definitions.length + (out.problems.length ? 1 : 0)).toBe(1);
          for (const p of out.problems) expect(p.message).toMatch(/^expected .+; got .+/);
          const def = out.definitions[0] as InstrumentDefinition | undefined;
          if (!def) return;
          accepted++;
          const tab = tabFor(def);
          for (const row of rows) {
            let score: InstrumentScore;
            try {
              score = scoreItems(def, row);
            } catch (e) {
              // A clear error: an Error naming the instrument, what was expected and what came.
              expect(e).toBeInstanceOf(Error);
              expect((e as Error).message).toMatch(new RegExp(`^${def.name.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')} (item \\d+ must be .+; got .+|expects \\d+ item values per row.*; got \\d+)$`));
              continue;
            }
            scored++;
            tab.write(row);
            const want = expectedCells(def, score);
            const got = Object.fromEntries(Object.keys(want).map((k) => [k, tab.value(k)]));
            expect(got).toEqual(want);
            for (const v of tab.formulaValues()) expect(v).not.toBeInstanceOf(DetailedCellError);
          }
        },
      ),
      { numRuns: 150 },
    );
    // The generator must exercise the formulas, not only the refusals.
    expect(accepted).toBeGreaterThan(15);
    expect(scored).toBeGreaterThan(40);
  });
});
