// Specification of clinic-defined instruments: the row format, parsing and validation by row and field, name clashes, the example definitions (scored as the built-ins score) and the README's column table.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { CLINIC_COLUMNS, CLINIC_HEADERS, CLINIC_KEYS, clinicColumnsMarkdown } from '../../../src/core/instruments/clinic-columns';
import { parseClinicInstruments, problemText, type ClinicCells, type DefinitionProblem } from '../../../src/core/instruments/clinic-definition';
import { BUILT_IN_INSTRUMENTS, findInstrument } from '../../../src/core/instruments/registry';
import { validateInstrument, type InstrumentDefinition } from '../../../src/core/instruments/schema';
import { bandLabel, isClinical, scoreItems } from '../../../src/core/instruments/score';

const ROOT = path.join(__dirname, '../../..');
const EXAMPLES = path.join(ROOT, 'templates/instruments');

/** A valid PHQ-9-like row; each test changes the cells it is about. */
const BASE: ClinicCells = {
  Name: 'Mood scale',
  Items: 9,
  'Item minimum': 0,
  'Item maximum': 3,
  'Missing items rule': 'strict',
  Bands: '0 Minimal; 5 Mild; 10 Moderate; 15 Moderately severe; 20 Severe',
  Direction: 'higher is worse',
  'Source or licence': 'test',
};

function parseOne(cells: ClinicCells): { definition: InstrumentDefinition | undefined; problems: string[] } {
  const out = parseClinicInstruments([{ row: 2, cells }]);
  return { definition: out.definitions[0], problems: out.problems.map((p: DefinitionProblem) => `${p.field}: ${p.message}`) };
}

const problemsOf = (change: ClinicCells) => parseOne({ ...BASE, ...change }).problems;
const defOf = (change: ClinicCells) => {
  const r = parseOne({ ...BASE, ...change });
  expect(r.problems).toEqual([]);
  return r.definition!;
};

describe('the row format as data', () => {
  test('every column has a header, what it holds and an example its own parser accepts', () => {
    for (const k of CLINIC_KEYS) {
      const c = CLINIC_COLUMNS[k];
      expect(c.header.length).toBeGreaterThan(0);
      expect(c.holds.length).toBeGreaterThan(0);
      expect(c.parse(c.example)).toMatchObject({ ok: true });
    }
    expect(new Set(CLINIC_HEADERS.map((h) => h.toLowerCase())).size).toBe(CLINIC_HEADERS.length);
  });

  test("the README's column table is the spec's", () => {
    expect(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8')).toContain(clinicColumnsMarkdown());
  });
});

describe('a row becomes a definition that passes the built-ins schema', () => {
  test('the plain cells give items, bands, direction and a strict missing rule', () => {
    const d = defOf({});
    expect(validateInstrument(d).ok).toBe(true);
    expect(d).toMatchObject({ id: 'moodscale', name: 'Mood scale', items: { count: 9, min: 0, max: 3 }, direction: 'higher-is-worse', missing: { maxMissing: 0 } });
    expect(d.bandSchemes![0].bands.map((b) => b.min)).toEqual([0, 5, 10, 15, 20]);
  });

  test('subscales take item lists, ranges and a multiplier', () => {
    const d = defOf({ Subscales: 'Depression: 3,5, 8 ×2; Anxiety: 1-2 x3; Rest: 4 6 7 9' });
    expect(d.subscales).toEqual([
      { id: 'depression', name: 'Depression', items: [3, 5, 8], multiplier: 2, source: 'test' },
      { id: 'anxiety', name: 'Anxiety', items: [1, 2], multiplier: 3, source: 'test' },
      { id: 'rest', name: 'Rest', items: [4, 6, 7, 9], source: 'test' },
    ]);
    expect(scoreItems(d, [1, 1, 2, 0, 3, 0, 0, 1, 0]).subscales).toEqual({ depression: 12, anxiety: 6, rest: 0 });
  });

  test('"prorate up to N" prorates, and never a safety item', () => {
    const d = defOf({ 'Missing items rule': 'prorate up to 1', 'Safety items': 'item 9 ≥ 1: Review risk today' });
    expect(d.missing).toMatchObject({ maxMissing: 1, never: [9] });
    expect(scoreItems(d, [3, 3, 3, 3, 3, 3, 3, '', 0]).total).toBe((21 * 9) / 8);
    expect(scoreItems(d, [3, 3, 3, 3, 3, 3, 3, 3, '']).total).toBeNull();
  });

  test('a subscale no larger than the missing-item allowance has no score when all its items are blank (not 0 ÷ 0)', () => {
    const d = defOf({ 'Missing items rule': 'prorate up to 1', Subscales: 'Sleep: 9' });
    expect(scoreItems(d, [1, 1, 1, 1, 1, 1, 1, 1, '']).subscales).toEqual({ sleep: null });
  });

  test('a safety rule flags whatever the total', () => {
    const d = defOf({ 'Safety items': 'item 9 >= 1: Review risk today; item 2 ≥ 3: Item 2 at its maximum' });
    expect(scoreItems(d, [0, 0, 0, 0, 0, 0, 0, 0, 1])).toMatchObject({ total: 1, flags: ['Review risk today'] });
  });

  test('reverse-scored items count as minimum + maximum − answer', () => {
    expect(scoreItems(defOf({ 'Reverse-scored items': '2, 3' }), [0, 0, 0, 0, 0, 0, 0, 0, 0]).total).toBe(6);
  });

  test('a cut-off follows Direction; "10" and "≥ 10" count 10 as clinical, "> 10" does not', () => {
    expect(isClinical(defOf({ 'Clinical cut-off': 10 }), 10)).toBe(true);
    expect(isClinical(defOf({ 'Clinical cut-off': '≥ 10' }), 10)).toBe(true);
    expect(isClinical(defOf({ 'Clinical cut-off': '> 10' }), 10)).toBe(false);
    const better = defOf({ Direction: 'higher is better', Bands: '', 'Clinical cut-off': '< 12' });
    expect([isClinical(better, 11), isClinical(better, 12)]).toEqual([true, false]);
    expect(bandLabel(better, 11)).toBe('Clinical');
  });

  test('reliable change in points is kept as typed', () => {
    expect(defOf({ 'Reliable change': '6 points' }).reliableChange).toEqual({ points: 6, source: 'test' });
  });

  test('reliable change from SD and reliability is the Jacobson–Truax threshold, shown (§7.2: PHQ-9 5.06, GAD-7 4.14)', () => {
    const phq = defOf({ 'Reliable change': 'SD 5.5, reliability 0.89' }).reliableChange!;
    expect(phq.points).toBeCloseTo(5.06, 2);
    expect(phq).toMatchObject({ sd: 5.5, reliability: 0.89 });
    expect(phq.note).toContain('= 5.06 points');
    const gad = defOf({ Items: 7, Bands: '0 Minimal; 5 Mild; 10 Moderate; 15 Severe', 'Reliable change': 'SD 4.5, reliability 0.89' }).reliableChange!;
    expect(gad.note).toContain('= 4.14 points');
  });

  test('item wording, one line per item, is kept with the source as its attribution', () => {
    const d = defOf({ Items: 2, Bands: '0 Low; 3 High', 'Item wording (optional)': 'First item\nSecond item' });
    expect(d.itemText).toEqual({ items: ['First item', 'Second item'], attribution: 'test' });
    expect(d.itemTextAllowed).toBe(true);
  });

  test('cells Sheets returns as numbers read as what was typed', () => {
    expect(defOf({ Items: '9', 'Item minimum': 0, 'Item maximum': '3' }).items).toEqual({ count: 9, min: 0, max: 3 });
  });
});

describe('problems name the row, the field, what was expected and what came', () => {
  test.each([
    [{ Bands: '0 Minimal; 15 Severe; 10 Moderate' }, 'Bands: expected rising lower edges; got 10 after 15'],
    [{ Items: 'nine' }, 'Items: expected a whole number from 1 to 100; got "nine"'],
    [{ Items: 0 }, 'Items: expected a whole number from 1 to 100; got 0'],
    [{ 'Item minimum': 3, 'Item maximum': 3, Bands: '' }, 'Item maximum: expected a whole number above the item minimum 3; got 3'],
    [{ 'Reverse-scored items': '2, 12' }, 'Reverse-scored items: expected item numbers from 1 to 9; got 12'],
    [{ 'Reverse-scored items': '2, 2' }, 'Reverse-scored items: expected item numbers such as "2, 3" or "1-5", each once; got item 2 twice'],
    [{ Subscales: 'A: 1,2; a: 3' }, 'Subscales: expected each subscale name once; got "a" after "A"'],
    [{ Subscales: 'Total: 1,2' }, 'Subscales: expected a subscale name other than the tab\'s own columns (Total, Band, Item 1 …); got "Total"'],
    [{ Subscales: 'A: 1, 10' }, 'Subscales: expected item numbers from 1 to 9 in A; got 10'],
    [{ 'Missing items rule': 'prorate up to 9' }, 'Missing items rule: expected fewer missing items than the 9 items; got 9'],
    [{ 'Missing items rule': 'lenient' }, 'Missing items rule: expected "strict" or "prorate up to N" (N missing items); got "lenient"'],
    [{ Bands: '5 Mild; 10 Moderate' }, 'Bands: expected the first lower edge at or below the lowest total 0; got 5'],
    [{ Bands: '0 Low; 30 High' }, 'Bands: expected lower edges up to the highest total 27; got 30'],
    [{ 'Clinical cut-off': 40 }, 'Clinical cut-off: expected a total from 0 to 27; got 40'],
    [{ 'Clinical cut-off': '< 10' }, 'Clinical cut-off: expected the clinical side to be the worse one ("≥" or ">", as Direction says higher is worse); got <'],
    [{ Direction: 'up' }, 'Direction: expected "higher is worse" or "higher is better"; got "up"'],
    [{ 'Reliable change': 'SD 5, reliability 1.2' }, 'Reliable change: expected a reliability from 0 up to (not including) 1; got 1.2'],
    [{ 'Reliable change': '30 points' }, "Reliable change: expected a change of at most 27 points (the total's range); got 30"],
    [{ 'Safety items': 'item 10 ≥ 1: x' }, 'Safety items: expected item numbers from 1 to 9; got 10'],
    [{ 'Safety items': 'item 9 ≥ 0: x' }, 'Safety items: expected a threshold above 0 and at most 3 for item 9; got 0'],
    [{ 'Safety items': 'when item 9 is high' }, 'Safety items: expected rules as "item 9 ≥ 1: message", separated by ";"; got "when item 9 is high"'],
    [{ 'Item wording (optional)': 'One | Two' }, 'Item wording (optional): expected 9 lines, one per item; got 2'],
    [{ Direction: '' }, 'Direction: expected "higher is worse" or "higher is better"; got nothing'],
  ])('%j → %s', (change, problem) => {
    expect(problemsOf(change)).toEqual([problem]);
  });

  test('every problem of a row is reported at once, by row', () => {
    const out = parseClinicInstruments([{ row: 7, cells: { ...BASE, Items: 'nine', Direction: 'up' } }]);
    expect(out.definitions).toEqual([]);
    expect(out.problems.map(problemText)).toEqual(['Row 7 · Items: expected a whole number from 1 to 100; got "nine"', 'Row 7 · Direction: expected "higher is worse" or "higher is better"; got "up"']);
  });

  test('a schema check added for all definitions holds for every built-in: an item minimum off the step grid is refused', () => {
    for (const d of BUILT_IN_INSTRUMENTS) expect(validateInstrument(d).ok).toBe(true);
    const off = { ...findInstrument('PHQ-9'), items: { count: 9, min: 0.5, max: 3.5 } };
    expect(validateInstrument(off)).toEqual({ ok: false, errors: [{ path: 'items.min', message: 'expected a minimum that is a multiple of the step 1; got 0.5' }] });
  });
});

describe('names', () => {
  test.each(['PHQ-9', 'phq 9', 'Phq_9', 'Patient Health Questionnaire-9', 'K10'])('a built-in name or alias (%s, any case or spacing) is refused', (name) => {
    const p = problemsOf({ Name: name });
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^Name: expected a name no other instrument uses; got ".*", already the built-in (PHQ-9|K10)'s$/);
  });

  test('an alias clashing with a built-in is refused on Aliases', () => {
    expect(problemsOf({ Aliases: 'Mine; gad 7' })).toEqual(['Aliases: expected a name no other instrument uses; got "gad 7", already the built-in GAD-7\'s']);
  });

  test.each(['12', '2026-01-02', 'TRUE', '=1+1', '3-Jan', 'a/b', "O'Brien scale", '   '])('a name Sheets or a tab would misread (%j) is refused', (name) => {
    const p = problemsOf({ Name: name });
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^Name: expected /);
  });

  test('a second row with the same name is refused, the first kept, and the rows after still parse', () => {
    const out = parseClinicInstruments([
      { row: 2, cells: BASE },
      { row: 3, cells: { ...BASE, Name: 'MOOD-SCALE' } },
      { row: 4, cells: { ...BASE, Name: 'Other', Items: 'x' } },
      { row: 5, cells: {} },
      { row: 6, cells: { ...BASE, Name: 'Sleep scale' } },
    ]);
    expect(out.definitions.map((d) => d.name)).toEqual(['Mood scale', 'Sleep scale']);
    expect(out.problems.map(problemText)).toEqual(['Row 3 · Name: expected a name no other instrument uses; got "MOOD-SCALE", already Mood scale\'s', 'Row 4 · Items: expected a whole number from 1 to 100; got "x"']);
  });

  test('reserved names (the workbook\'s tabs) are refused', () => {
    expect(parseClinicInstruments([{ row: 2, cells: { ...BASE, Name: 'Sessions' } }], { reserved: ['Sessions'] }).problems.map(problemText)).toEqual([
      'Row 2 · Name: expected a name no other instrument uses; got "Sessions", already the workbook\'s "Sessions"\'s',
    ]);
  });
});

describe('parsing never throws', () => {
  const cell = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constantFrom('strict', 'higher is worse', '0 A; 1 B', 'item 1 ≥ 1: x', '1-3', 'A: 1'));
  test('any cells give a definition or problems, never both, never an exception', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...CLINIC_HEADERS), cell), (cells) => {
        const out = parseClinicInstruments([{ row: 2, cells: { ...BASE, ...cells } }]);
        expect(out.definitions.length + (out.problems.length ? 1 : 0)).toBe(1);
        for (const d of out.definitions) expect(validateInstrument(d).ok).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the example definitions (templates/instruments)', () => {
  const index = JSON.parse(fs.readFileSync(path.join(EXAMPLES, 'index.json'), 'utf8')) as string[];
  const load = (id: string) => JSON.parse(fs.readFileSync(path.join(EXAMPLES, `${id}.json`), 'utf8')) as { sources: string[]; cells: ClinicCells };
  // The reference itself lives outside the repository (a clean clone has none): its tags as src/core already cites them.
  const coreFiles = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? coreFiles(path.join(dir, d.name)) : d.name.endsWith('.ts') ? [path.join(dir, d.name)] : []));
  const citedInCore = new Set(coreFiles(path.join(ROOT, 'src', 'core')).flatMap((f) => fs.readFileSync(f, 'utf8').match(/\[S\d+[a-z]?\]/g) ?? []));

  test('the index lists every example once', () => {
    const files = fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.json') && f !== 'index.json').map((f) => f.replace(/\.json$/, ''));
    expect([...index].sort()).toEqual(files.sort());
  });

  test('every example parses, together, and cites only source tags the built-in core already cites from the reference', () => {
    const out = parseClinicInstruments(index.map((id, i) => ({ row: i + 2, cells: load(id).cells })));
    expect(out.problems).toEqual([]);
    expect(out.definitions).toHaveLength(index.length);
    for (const id of index) {
      const tags = [...load(id).sources, ...(String(load(id).cells['Source or licence']).match(/\[S\d+[a-z]?\]/g) ?? [])];
      for (const tag of tags) expect([...citedInCore]).toContain(tag);
    }
  });

  const pairs: [string, string][] = [
    ['k10-abs', 'K10'],
    ['wsas', 'WSAS'],
    ['gad7-talking-therapies', 'GAD-7'],
    ['phq9-jacobson-truax', 'PHQ-9'],
  ];
  const parsed = (id: string) => parseClinicInstruments([{ row: 2, cells: load(id).cells }]).definitions[0];

  test.each(pairs)('%s scores every answered or blank item row as the built-in %s does (total, band, safety flag)', (id, builtInName) => {
    const mine = parsed(id);
    const builtIn = findInstrument(builtInName);
    const { count, min, max } = builtIn.items;
    fc.assert(
      fc.property(fc.array(fc.oneof({ arbitrary: fc.integer({ min, max }), weight: 8 }, { arbitrary: fc.constant(''), weight: 1 }), { minLength: count, maxLength: count }), (row) => {
        const a = scoreItems(mine, row);
        const b = scoreItems(builtIn, row);
        expect(a.total).toBe(b.total);
        if (a.total !== null) expect(bandLabel(mine, a.total)).toBe(bandLabel(builtIn, b.total));
        expect(a.flags.length > 0).toBe(b.flags.length > 0);
      }),
      { numRuns: 150 },
    );
  });

  test.each(pairs)('%s bands every possible total as the built-in %s does', (id, builtInName) => {
    const mine = parsed(id);
    const builtIn = findInstrument(builtInName);
    const { count, min, max } = builtIn.items;
    for (let t = count * min; t <= count * max; t++) expect([t, bandLabel(mine, t)]).toEqual([t, bandLabel(builtIn, t)]);
  });

  test('dass21-subscales scores each subscale of every answered or blank item row as the built-in DASS-21 does (sum ×2, strict)', () => {
    const mine = parsed('dass21-subscales');
    const builtIn = findInstrument('DASS-21');
    fc.assert(
      fc.property(fc.array(fc.oneof({ arbitrary: fc.integer({ min: 0, max: 3 }), weight: 12 }, { arbitrary: fc.constant(''), weight: 1 }), { minLength: 21, maxLength: 21 }), (row) => {
        expect(scoreItems(mine, row).subscales).toEqual(scoreItems(builtIn, row).subscales);
      }),
      { numRuns: 150 },
    );
    // The worked extreme: every item at 3 gives 7 × 3 × 2 = 42 on each subscale ([S34c]).
    expect(scoreItems(mine, new Array(21).fill(3)).subscales).toEqual({ depression: 42, anxiety: 42, stress: 42 });
  });

  test('the Talking Therapies GAD-7 puts caseness at 8 and reliable change at 4 points ([S40a])', () => {
    const d = parsed('gad7-talking-therapies');
    expect([isClinical(d, 7), isClinical(d, 8)]).toEqual([false, true]);
    expect(d.reliableChange!.points).toBe(findInstrument('GAD-7').reliableChange!.points);
  });

  test("the PHQ-9 Jacobson–Truax example gives the reference's worked threshold 5.06 (§7.2)", () => {
    expect(parsed('phq9-jacobson-truax').reliableChange!.note).toContain('= 5.06 points');
  });

  test('item wording appears only where the licence allows it (§9: K10 yes, WSAS no)', () => {
    expect(parsed('k10-abs').itemText!.items).toHaveLength(10);
    expect(parsed('wsas').itemText).toBeUndefined();
  });
});
