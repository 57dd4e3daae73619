// Specification of the instrument definitions: schema, registry, scoring, bands, cut-offs, flags and missing-item rules.
import fc from 'fast-check';
import { pcl5ProvisionalDsm5 } from '../../../src/core/instruments/pcl5';
import { phq9Syndrome } from '../../../src/core/instruments/phq9';
import { BUILT_IN_INSTRUMENTS, createRegistry, findInstrument } from '../../../src/core/instruments/registry';
import { validateInstrument, type InstrumentDefinition } from '../../../src/core/instruments/schema';
import { bandLabel, compile, criticalFlags, isClinical, scoreItems } from '../../../src/core/instruments/score';

const def = (name: string) => findInstrument(name);
const total = (name: string, items: unknown[]) => scoreItems(def(name), items).total;
const band = (name: string, score: number, sub?: string, bandScheme?: string) => bandLabel(def(name), score, sub, bandScheme ? { bandScheme } : {});
const fill = (n: number, v: number) => Array<number>(n).fill(v);

describe('schema', () => {
  test.each(BUILT_IN_INSTRUMENTS.map((d) => [d.name, d]))('built-in %s passes the schema', (_name, d) => {
    expect(validateInstrument(d)).toEqual({ ok: true, value: d });
  });

  test('a malformed custom definition gets one field error per problem, each naming what came', () => {
    const bad = { ...def('PHQ-9'), id: 'My Scale', items: { count: 0, min: 0, max: 3 }, direction: 'up' };
    const r = validateInstrument(bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual(
      expect.arrayContaining([
        { path: 'id', message: 'expected lower-case letters and digits only; got "My Scale"' },
        { path: 'items.count', message: 'expected a number ≥ 1; got 0' },
        { path: 'direction', message: 'expected one of "higher-is-worse", "higher-is-better"; got "up"' },
      ]),
    );
  });

  test('a missing required field is reported by path', () => {
    const { licence: _drop, ...rest } = def('GAD-7');
    const r = validateInstrument(rest);
    expect(r).toEqual({ ok: false, errors: [{ path: 'licence', message: 'expected a string; got nothing' }] });
  });

  test('cross-field problems are reported: item numbers beyond the count, bands out of order, text the licence forbids', () => {
    const custom: InstrumentDefinition = {
      id: 'clinicscale',
      name: 'Clinic scale',
      aliases: [],
      items: { count: 3, min: 0, max: 4 },
      reverse: [4],
      subscales: [{ id: 'a', name: 'A', items: [1, 5] }],
      direction: 'higher-is-worse',
      bandSchemes: [{ id: 'x', name: 'X', source: 'clinic', bands: [{ min: 0, label: 'Low' }, { min: 0, label: 'High' }] }],
      missing: { maxMissing: 0, source: 'clinic' },
      licence: 'Clinic own',
      itemTextAllowed: false,
      itemText: { items: ['a', 'b', 'c'], attribution: 'clinic' },
      sources: ['clinic'],
    };
    const r = validateInstrument(custom);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.path).sort()).toEqual(['bandSchemes.0.bands.1.min', 'itemText', 'reverse.0', 'subscales.0.items.1']);
    expect(r.errors.find((e) => e.path === 'reverse.0')?.message).toBe('expected an item number from 1 to 3; got 4');
  });

  test('a well-formed clinic instrument passes and can be registered alongside the built-ins', () => {
    const custom = { id: 'mood3', name: 'Mood-3', aliases: ['mood three'], items: { count: 3, min: 0, max: 2 }, direction: 'higher-is-worse', missing: { maxMissing: 0, source: 'clinic' }, licence: 'Clinic own', itemTextAllowed: true, sources: ['clinic'] };
    const r = validateInstrument(custom);
    expect(r.ok).toBe(true);
    const reg = createRegistry([...BUILT_IN_INSTRUMENTS, custom as InstrumentDefinition]);
    expect(reg.find('MOOD_THREE').name).toBe('Mood-3');
    expect(scoreItems(reg.find('mood3'), [2, 1, 0]).total).toBe(3);
  });

  test('ORS, SRS and OQ-45 never carry item text and their licence forbids it', () => {
    for (const n of ['ORS', 'SRS', 'OQ-45']) expect([n, def(n).itemTextAllowed, def(n).itemText]).toEqual([n, false, undefined]);
  });

  test('CORE-10, DASS-21 and WSAS carry no item text', () => {
    for (const n of ['CORE-10', 'DASS-21', 'WSAS']) expect(def(n).itemText).toBeUndefined();
  });

  test('PHQ-9 and GAD-7 item text keeps the Pfizer attribution line', () => {
    for (const n of ['PHQ-9', 'GAD-7']) expect(def(n).itemText?.attribution).toMatch(/Copyright © 1999 Pfizer Inc/);
  });

  test('K10 item text carries the WHO copyright and the citation', () => {
    expect(def('K10').itemText?.attribution).toMatch(/World Health Organization.*Kessler RC/);
  });

  test('LOINC codes: PHQ-9 total 44261-6, GAD-7 total 70274-6', () => {
    expect([def('PHQ-9').loinc, def('GAD-7').loinc]).toEqual(['44261-6', '70274-6']);
  });
});

describe('registry', () => {
  test.each(['PHQ-9', 'phq9', 'Phq_9', 'phq 9', ' PHQ - 9 '])('"%s" finds the PHQ-9', (name) => {
    expect(findInstrument(name).id).toBe('phq9');
  });

  test('aliases such as "Kessler 10" and "OQ-45.2" find their instrument', () => {
    expect([findInstrument('Kessler 10').id, findInstrument('OQ-45.2').id]).toEqual(['k10', 'oq45']);
  });

  test('an unknown instrument is an error that lists the known ones', () => {
    expect(() => findInstrument('PHQ-8')).toThrow('Unknown instrument "PHQ-8"; expected one of PHQ-9, GAD-7, PCL-5, K10, DASS-21, CORE-10, WSAS, ORS, SRS, OQ-45');
  });

  test('two definitions answering to the same name are refused', () => {
    const clash = { ...def('GAD-7'), id: 'gad7b', name: 'GAD 7 copy', aliases: ['GAD-7'] };
    expect(() => createRegistry([def('GAD-7'), clash])).toThrow(/"GAD-7" of GAD 7 copy is already used by GAD-7/);
  });
});

describe('PHQ-9', () => {
  test('total is the sum of nine items: 1,2,3,1,2,3,1,2,0 = 15', () => {
    expect(total('PHQ-9', [1, 2, 3, 1, 2, 3, 1, 2, 0])).toBe(15);
  });

  test.each([
    [0, 'None/minimal'],
    [4, 'None/minimal'],
    [5, 'Mild'],
    [9, 'Mild'],
    [10, 'Moderate'],
    [14, 'Moderate'],
    [15, 'Moderately severe'],
    [19, 'Moderately severe'],
    [20, 'Severe'],
    [27, 'Severe'],
  ])('total %i is "%s" (Kroenke 2001)', (s, label) => {
    expect(band('PHQ-9', s)).toBe(label);
  });

  test('any missing item gives no total (strict by default)', () => {
    expect(total('PHQ-9', [1, 2, 3, 1, '', 3, 1, 2, 0])).toBeNull();
  });

  test('item 9 at 1 raises the safety flag even with a total of 1', () => {
    const r = scoreItems(def('PHQ-9'), [0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(r.total).toBe(1);
    expect(r.flags).toEqual(['PHQ-9 item 9 (self-harm thoughts) endorsed: review risk now']);
  });

  test('item 9 at 0 raises no flag even with a severe total', () => {
    expect(criticalFlags(def('PHQ-9'), [3, 3, 3, 3, 3, 3, 3, 3, 0])).toEqual([]);
  });

  test('item 9 is flagged even when another item is missing', () => {
    expect(criticalFlags(def('PHQ-9'), ['', 0, 0, 0, 0, 0, 0, 0, 2])).toHaveLength(1);
  });

  test('the functional-difficulty answer is recorded as an extra, never summed', () => {
    const r = scoreItems(def('PHQ-9'), [1, 1, 1, 1, 1, 1, 1, 1, 1, 3]);
    expect(r.total).toBe(9);
    expect(r.extras).toEqual({ difficulty: 3 });
  });

  test('a functional-difficulty answer of 4 is refused', () => {
    expect(() => scoreItems(def('PHQ-9'), [1, 1, 1, 1, 1, 1, 1, 1, 1, 4])).toThrow('PHQ-9 Functional difficulty must be a whole number from 0 to 3 (never added to the total); got 4');
  });

  test('an item of 4 is refused, naming item and value', () => {
    expect(() => scoreItems(def('PHQ-9'), [1, 1, 4, 1, 1, 1, 1, 1, 1])).toThrow('PHQ-9 item 3 must be a whole number from 0 to 3; got 4');
  });

  test('a row of 8 items is refused', () => {
    expect(() => scoreItems(def('PHQ-9'), fill(8, 1))).toThrow('PHQ-9 expects 9 item values per row (or 10 with Functional difficulty); got 8');
  });

  test('a total of 10 is in the clinical range; 9 is not', () => {
    expect([isClinical(def('PHQ-9'), 10), isClinical(def('PHQ-9'), 9)]).toEqual([true, false]);
  });

  describe('DSM-IV syndrome algorithm (CamCOPS)', () => {
    test('two core and three other symptoms at ≥2 is major depressive syndrome', () => {
      expect(phq9Syndrome([2, 2, 2, 2, 2, 0, 0, 0, 0])).toBe('Major depressive syndrome');
    });
    test('item 9 counts as a symptom at 1', () => {
      expect(phq9Syndrome([2, 2, 2, 2, 1, 0, 0, 0, 1])).toBe('Major depressive syndrome');
    });
    test('one core symptom with 2–4 symptoms in total is other depressive syndrome', () => {
      expect(phq9Syndrome([0, 3, 2, 0, 0, 0, 0, 0, 0])).toBe('Other depressive syndrome');
    });
    test('no core symptom is no syndrome, however many others', () => {
      expect(phq9Syndrome([1, 1, 3, 3, 3, 3, 3, 3, 3])).toBe('None');
    });
    test('a core symptom alone is no syndrome', () => {
      expect(phq9Syndrome([2, 0, 1, 1, 1, 1, 1, 1, 0])).toBe('None');
    });
  });
});

describe('GAD-7', () => {
  test.each([
    [4, 'Minimal'],
    [5, 'Mild'],
    [9, 'Mild'],
    [10, 'Moderate'],
    [14, 'Moderate'],
    [15, 'Severe'],
    [21, 'Severe'],
  ])('total %i is "%s"', (s, label) => {
    expect(band('GAD-7', s)).toBe(label);
  });

  test('total of seven items: 3,3,2,2,1,1,0 = 12', () => {
    expect(total('GAD-7', [3, 3, 2, 2, 1, 1, 0])).toBe(12);
  });
});

describe('PCL-5', () => {
  const ones = fill(20, 1);

  test('clusters sum their items: all 1s give B 5, C 2, D 7, E 6 and total 20', () => {
    const r = scoreItems(def('PCL-5'), ones);
    expect(r.total).toBe(20);
    expect(r.subscales).toEqual({ B: 5, C: 2, D: 7, E: 6 });
  });

  test('the default cut-off is 33, and 33 itself is a provisional diagnosis', () => {
    expect([band('PCL-5', 33), band('PCL-5', 32)]).toEqual(['Provisional PTSD (cut-off)', 'Below PTSD cut-off']);
  });

  test('a clinic may choose a cut-off of 31', () => {
    expect(isClinical(def('PCL-5'), 31, { cutoff: 31 })).toBe(true);
    expect(bandLabel(def('PCL-5'), 31, undefined, { cutoff: 31 })).toBe('Provisional PTSD (cut-off)');
  });

  test('a cut-off outside 31–33 is refused', () => {
    expect(() => isClinical(def('PCL-5'), 40, { cutoff: 38 })).toThrow('PCL-5 cut-off must be a number from 31 to 33; got 38');
  });

  test('a fixed cut-off cannot be changed', () => {
    expect(() => isClinical(def('PHQ-9'), 12, { cutoff: 8 })).toThrow('PHQ-9 cut-off must be 10 (it is not configurable); got 8');
  });

  test('no severity bands are invented for clusters', () => {
    expect(() => band('PCL-5', 10, 'B')).toThrow('PCL-5 has no bands for Intrusion');
  });

  test('DSM-5 rule: 1 B, 1 C, 2 D and 2 E items at ≥2 is a provisional diagnosis', () => {
    const items = fill(20, 0);
    for (const i of [1, 6, 8, 9, 15, 16]) items[i - 1] = 2;
    expect(pcl5ProvisionalDsm5(items)).toBe(true);
  });

  test('DSM-5 rule: one D item short is no provisional diagnosis, even with a high total', () => {
    const items = fill(20, 4);
    for (let i = 8; i <= 14; i++) items[i - 1] = 1;
    items[7] = 2;
    expect(pcl5ProvisionalDsm5(items)).toBe(false);
  });

  test('DSM-5 rule: items at 1 are not endorsed', () => {
    expect(pcl5ProvisionalDsm5(ones)).toBe(false);
  });
});

describe('K10', () => {
  test('Australian scoring: all 1s give 10 and all 5s give 50', () => {
    expect([total('K10', fill(10, 1)), total('K10', fill(10, 5))]).toEqual([10, 50]);
  });

  test('an item of 0 (US scoring) is refused', () => {
    expect(() => total('K10', [0, ...fill(9, 1)])).toThrow('K10 item 1 must be a whole number from 1 to 5; got 0');
  });

  test.each([
    [15, 'Low'],
    [16, 'Moderate'],
    [21, 'Moderate'],
    [22, 'High'],
    [29, 'High'],
    [30, 'Very high'],
  ])('ABS scheme (the default): %i is "%s"', (s, label) => {
    expect(band('K10', s)).toBe(label);
  });

  test.each([
    [16, 'Likely to be well'],
    [19, 'Likely to be well'],
    [20, 'Mild'],
    [24, 'Mild'],
    [25, 'Moderate'],
    [29, 'Moderate'],
    [30, 'Severe'],
  ])('CRUfAD scheme: %i is "%s"', (s, label) => {
    expect(band('K10', s, undefined, 'CRUfAD')).toBe(label);
  });

  test('an unknown band scheme is refused, listing the schemes', () => {
    expect(() => band('K10', 20, undefined, 'NHS')).toThrow('Unknown K10 band scheme "NHS"; expected one of ABS, CRUfAD');
  });

  test('a total below 10 is refused', () => {
    expect(() => band('K10', 9)).toThrow('K10 total (score) must be a whole number from 10 to 50; got 9');
  });
});

describe('DASS-21', () => {
  const items = fill(21, 0);
  for (const i of [3, 5, 10, 13, 16]) items[i - 1] = 1; // depression raw 5
  for (const i of [2, 4, 7, 9]) items[i - 1] = 1; // anxiety raw 4
  items[0] = 3; // stress raw 3

  test('each subscale is its sum ×2', () => {
    expect(scoreItems(def('DASS-21'), items).subscales).toEqual({ depression: 10, anxiety: 8, stress: 6 });
  });

  test('there is no total; asking for one names the subscales', () => {
    expect(scoreItems(def('DASS-21'), items).total).toBeNull();
    expect(() => band('DASS-21', 10)).toThrow('DASS-21 reports no total; name a subscale: Depression, Anxiety, Stress');
  });

  test.each([
    ['Depression', 8, 'Normal'],
    ['Depression', 10, 'Mild'],
    ['Depression', 14, 'Moderate'],
    ['Depression', 20, 'Moderate'],
    ['Depression', 22, 'Severe'],
    ['Depression', 28, 'Extremely severe'],
    ['Anxiety', 6, 'Normal'],
    ['Anxiety', 8, 'Mild'],
    ['Anxiety', 10, 'Moderate'],
    ['Anxiety', 14, 'Moderate'],
    ['Anxiety', 16, 'Severe'],
    ['Anxiety', 20, 'Extremely severe'],
    ['Stress', 14, 'Normal'],
    ['Stress', 16, 'Mild'],
    ['Stress', 20, 'Moderate'],
    ['Stress', 26, 'Severe'],
    ['Stress', 34, 'Extremely severe'],
  ])('%s %i (×2 metric) is "%s"', (sub, s, label) => {
    expect(band('DASS-21', s, sub)).toBe(label);
  });

  test('an odd subscale score is refused as not being a ×2 sum', () => {
    expect(() => band('DASS-21', 15, 'Stress')).toThrow('DASS-21 Stress score (score) must be a whole multiple of 2 from 0 to 42; got 15');
  });

  test('subscales are found by short alias: "d" is Depression', () => {
    expect(band('DASS-21', 10, 'd')).toBe('Mild');
  });
});

describe('CORE-10', () => {
  test('items 2 and 3 are reversed: all 0s score 8', () => {
    expect(total('CORE-10', fill(10, 0))).toBe(8);
  });

  test('items 2 and 3 at 4 with the rest at 0 score 0', () => {
    expect(total('CORE-10', [0, 4, 4, 0, 0, 0, 0, 0, 0, 0])).toBe(0);
  });

  test('one missing item is prorated: 10 × 18 ÷ 9 = 20', () => {
    const r = scoreItems(def('CORE-10'), [2, 2, 2, 2, 2, 2, 2, 2, 2, '']);
    expect(r.total).toBe(20);
    expect(r.prorated).toBe(true);
  });

  test('prorating is not rounded: 10 × 13 ÷ 9 = 14.44 (items 2 and 3 reversed)', () => {
    expect(total('CORE-10', [1, 3, 3, 1, 2, 1, 2, 2, 2, ''])).toBeCloseTo(14.444, 3);
  });

  test('two missing items give no score', () => {
    expect(total('CORE-10', [2, 2, 2, 2, 2, 2, 2, 2, '', ''])).toBeNull();
  });

  test('risk item 6 at 1 raises the flag whatever the total', () => {
    expect(criticalFlags(def('CORE-10'), [0, 4, 4, 0, 0, 1, 0, 0, 0, 0])).toEqual(['CORE-10 item 6 (risk) endorsed: review risk now']);
  });

  test.each([
    [5, 'Healthy'],
    [6, 'Low'],
    [10, 'Low'],
    [11, 'Mild'],
    [14, 'Mild'],
    [15, 'Moderate'],
    [19, 'Moderate'],
    [20, 'Moderate-to-severe'],
    [24, 'Moderate-to-severe'],
    [25, 'Severe'],
  ])('default (CORE-OM style) bands: %i is "%s"', (s, label) => {
    expect(band('CORE-10', s)).toBe(label);
  });

  test.each([
    [10, 'Non-clinical'],
    [15, 'Mild'],
    [16, 'Moderate'],
    [20, 'Moderate'],
    [21, 'Moderate-to-severe'],
    [25, 'Moderate-to-severe'],
    [26, 'Severe'],
  ])('alternative bands: %i is "%s"', (s, label) => {
    expect(band('CORE-10', s, undefined, 'Alternative')).toBe(label);
  });

  test('a prorated score such as 10.56 falls in the band below 11', () => {
    expect(band('CORE-10', 10.56)).toBe('Low');
  });

  test('a score of 11 is clinical; 10 is not', () => {
    expect([isClinical(def('CORE-10'), 11), isClinical(def('CORE-10'), 10)]).toEqual([true, false]);
  });
});

describe('WSAS', () => {
  test('total of five items 0–8: 8,2,2,2,2 = 16, "Significant functional impairment"', () => {
    expect(total('WSAS', [8, 2, 2, 2, 2])).toBe(16);
    expect(band('WSAS', 16)).toBe('Significant functional impairment');
  });

  test.each([
    [9, 'Subclinical'],
    [10, 'Significant functional impairment'],
    [20, 'Significant functional impairment'],
    [21, 'Moderately severe or worse'],
  ])('Mundt 2002: %i is "%s"', (s, label) => {
    expect(band('WSAS', s)).toBe(label);
  });

  test('work item "N/A" gives no 5-item total and a separate 4-item total, never scaled up', () => {
    const r = scoreItems(def('WSAS'), ['N/A', 2, 3, 4, 5]);
    expect(r.total).toBeNull();
    expect(r.subscales['no-work']).toBe(14);
    expect(r.notApplicable).toBe(1);
  });

  test('"N/A" is refused on items other than work', () => {
    expect(() => total('WSAS', [1, 'n/a', 3, 4, 5])).toThrow('WSAS item 2 must be a whole number from 0 to 8 (or "N/A" where allowed); got "n/a"');
  });
});

describe('ORS and SRS', () => {
  test('ORS items take one decimal and the total drops binary noise: 0.1 + 0.2 + 0.3 + 0.4 = 1', () => {
    expect(total('ORS', [0.1, 0.2, 0.3, 0.4])).toBe(1);
  });

  test('an ORS item with two decimals is refused', () => {
    expect(() => total('ORS', [6.15, 5, 5, 5])).toThrow('ORS item 1 must be a number from 0 to 10 in steps of 0.1; got 6.15');
  });

  test('ORS default: exactly 25 is NOT clinical; 24.9 is', () => {
    expect([band('ORS', 25), band('ORS', 24.9)]).toEqual(['Non-clinical range', 'Clinical range']);
  });

  test('ORS option: a clinic may count exactly 25 as clinical', () => {
    expect(isClinical(def('ORS'), 25, { atCutoffIsClinical: true })).toBe(true);
  });

  test('SRS default: exactly 36 is NOT an alliance concern; 35.9 is', () => {
    expect([band('SRS', 36), band('SRS', 35.9)]).toEqual(['Positive alliance', 'Possible alliance concern']);
  });

  test('SRS option: a clinic may flag exactly 36', () => {
    expect(bandLabel(def('SRS'), 36, undefined, { atCutoffIsClinical: true })).toBe('Possible alliance concern');
  });
});

describe('OQ-45 (licensed total only)', () => {
  test('the total is a single input 0–180', () => {
    expect(total('OQ-45', [72])).toBe(72);
    expect(() => total('OQ-45', [181])).toThrow('OQ-45 item 1 must be a whole number from 0 to 180; got 181');
  });

  test('default cut-off 56: 56 is clinical, 55 is not', () => {
    expect([band('OQ-45', 56), band('OQ-45', 55)]).toEqual(['Clinical range', 'Non-clinical range']);
  });
});

describe('scoring laws (property tests)', () => {
  test.each(BUILT_IN_INSTRUMENTS.map((d) => [d.name, d]))('%s totals and subscales of valid answers stay in range', (_n, d) => {
    const c = compile(d);
    const step = d.items.step ?? 1;
    const steps = Math.round((d.items.max - d.items.min) / step);
    const item = fc.integer({ min: 0, max: steps }).map((k) => Math.round((d.items.min + k * step) * 10) / 10);
    fc.assert(
      fc.property(fc.array(item, { minLength: c.count, maxLength: c.count }), (items) => {
        const r = scoreItems(d, items);
        for (const set of [c.total, ...c.subscales]) {
          if (!set) continue;
          const s = set === c.total ? r.total : r.subscales[set.id];
          expect(s).not.toBeNull();
          expect(s as number).toBeGreaterThanOrEqual(set.lo);
          expect(s as number).toBeLessThanOrEqual(set.hi);
        }
      }),
      { numRuns: 50 },
    );
  });
});
