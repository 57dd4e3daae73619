// Specification of change: Jacobson–Truax SE, S_diff, RCI, cut-offs a/b/c and categories; points thresholds; an instrument tab's change from first and reliable change; response and remission.
import fc from 'fast-check';
import {
  changesFromFirst,
  cutoffA,
  cutoffB,
  cutoffC,
  instrumentChangeCategory,
  instrumentReliableChange,
  isPhq9ClinicallySignificantChange,
  isRemission,
  isResponse,
  jtClassify,
  minimumReliableChange,
  rci,
  reliableChangeByPoints,
  reliableChangeFromFirst,
  sDiff,
  standardError,
} from '../../../src/core/change';
import { findInstrument } from '../../../src/core/instruments/registry';

const RCI_DP = 3; // |diff| < 0.0005, inside the 0.001 RCI tolerance

describe('Jacobson–Truax formulas', () => {
  test('SE = SD·√(1 − r): SD 5.5, α .89 gives 1.824', () => {
    expect(standardError(5.5, 0.89)).toBeCloseTo(1.82414, RCI_DP);
  });

  test('S_diff = √2·SE: SD 5.5, α .89 gives 2.580', () => {
    expect(sDiff(5.5, 0.89)).toBeCloseTo(2.57973, RCI_DP);
  });

  test('minimum reliable change for SD 5.5, α .89 is 5.06 (PHQ-9, reference §7.2)', () => {
    expect(minimumReliableChange(5.5, 0.89)).toBeCloseTo(5.0563, RCI_DP);
  });

  test('minimum reliable change for SD 4.5, α .89 is 4.14, not 4 (GAD-7, reference §7.2)', () => {
    expect(minimumReliableChange(4.5, 0.89)).toBeCloseTo(4.1369, RCI_DP);
  });

  test('RCI = (post − pre)/S_diff: 20 → 14 with SD 5.5, α .89 is −2.326', () => {
    expect(rci(20, 14, 5.5, 0.89)).toBeCloseTo(-2.32583, RCI_DP);
  });

  test('c for CORE-10 norms (clinical 19.7/7.7, general 4.7/4.8) is 10.46', () => {
    expect(cutoffC({ mean: 19.7, sd: 7.7 }, { mean: 4.7, sd: 4.8 })).toBeCloseTo(10.46, 2);
  });

  test('c for PHQ-9 (clinical 15.4/5.5, women 3.1/3.5) is 7.88', () => {
    expect(cutoffC({ mean: 15.4, sd: 5.5 }, { mean: 3.1, sd: 3.5 })).toBeCloseTo(7.8833, RCI_DP);
  });

  test('a and b move toward the healthy and clinical ends when higher is worse', () => {
    expect(cutoffA({ mean: 19.7, sd: 7.7 }, 'higher-is-worse')).toBeCloseTo(4.3, 10);
    expect(cutoffB({ mean: 4.7, sd: 4.8 }, 'higher-is-worse')).toBeCloseTo(14.3, 10);
  });

  test('a and b flip when higher is better', () => {
    expect(cutoffA({ mean: 19, sd: 5 }, 'higher-is-better')).toBe(29);
    expect(cutoffB({ mean: 30, sd: 4 }, 'higher-is-better')).toBe(22);
  });

  test.each([[0], [-1], ['5.5']])('an SD of %p is refused', (sd) => {
    expect(() => rci(1, 2, sd as number, 0.8)).toThrow(/^SD must be a number above 0; got /);
  });

  test.each([[1], [-0.1], ['0.8']])('a reliability of %p is refused', (r) => {
    expect(() => rci(1, 2, 5, r as number)).toThrow(/^reliability must be a number from 0 up to \(not including\) 1; got /);
  });

  test('text in a score is refused, naming it', () => {
    expect(() => rci('12' as unknown as number, 2, 5, 0.8)).toThrow('before must be a number; got "12"');
  });

  test('RCI(before, after) = −RCI(after, before) (property)', () => {
    const score = fc.double({ min: -100, max: 100, noNaN: true });
    fc.assert(
      fc.property(score, score, fc.double({ min: 0.1, max: 50, noNaN: true }), fc.double({ min: 0, max: 0.99, noNaN: true }), (a, b, sd, r) => {
        expect(rci(a, b, sd, r) + rci(b, a, sd, r)).toBeCloseTo(0, 9);
      }),
    );
  });
});

describe('Jacobson–Truax categories (PHQ-9 example: SD 5.5, α .89, cut-off 10)', () => {
  const spec = { sd: 5.5, reliability: 0.89, cutoff: 10, direction: 'higher-is-worse' as const };
  test.each([
    [20, 8, 'Recovered'],
    [20, 12, 'Improved'],
    [12, 9, 'Non-reliably recovered'],
    [15, 13, 'Unchanged'],
    [10, 16, 'Deteriorated'],
    [3, 9, 'Deteriorated'],
  ])('%i → %i is %s', (b, a, cat) => {
    expect(jtClassify(b, a, spec)).toBe(cat);
  });

  test('a post score equal to the cut-off is on the functional side by default (JT-RCI table)', () => {
    expect(jtClassify(20, 10, spec)).toBe('Recovered');
    expect(jtClassify(20, 10, { ...spec, atCutoffIsClinical: true })).toBe('Improved');
  });

  test('when higher is better, a reliable rise past the cut-off is recovery', () => {
    expect(jtClassify(15, 30, { sd: 5, reliability: 0.8, cutoff: 25, direction: 'higher-is-better' })).toBe('Recovered');
    expect(jtClassify(30, 15, { sd: 5, reliability: 0.8, cutoff: 25, direction: 'higher-is-better' })).toBe('Deteriorated');
  });
});

describe('points-threshold reliable change', () => {
  test('a drop of exactly the threshold is reliable improvement when higher is worse', () => {
    expect(reliableChangeByPoints(16, 10, 6, 'higher-is-worse')).toBe('Reliable improvement');
  });

  test('a drop of one less than the threshold is no reliable change', () => {
    expect(reliableChangeByPoints(16, 11, 6, 'higher-is-worse')).toBe('No reliable change');
  });

  test('a rise of the threshold is reliable deterioration when higher is worse', () => {
    expect(reliableChangeByPoints(10, 16, 6, 'higher-is-worse')).toBe('Reliable deterioration');
  });

  test('ORS (higher is better): 20 → 25 is reliable improvement (5 points)', () => {
    expect(instrumentReliableChange(findInstrument('ORS'), 20, 25)).toBe('Reliable improvement');
  });

  test('PHQ-9 uses 6 points, GAD-7 4, CORE-10 6, OQ-45 14, PCL-5 10 by default', () => {
    const t = (n: string) => findInstrument(n).reliableChange?.points;
    expect(['PHQ-9', 'GAD-7', 'CORE-10', 'OQ-45', 'PCL-5', 'ORS'].map(t)).toEqual([6, 4, 6, 14, 10, 5]);
  });

  test('OQ-45: 80 → 66 is reliable improvement, 80 → 67 is not', () => {
    const oq = findInstrument('OQ-45');
    expect([instrumentReliableChange(oq, 80, 66), instrumentReliableChange(oq, 80, 67)]).toEqual(['Reliable improvement', 'No reliable change']);
  });

  test('an instrument without a published threshold is refused', () => {
    expect(() => instrumentReliableChange(findInstrument('K10'), 30, 20)).toThrow(/^K10 has no reliable-change threshold in points/);
  });

  test('a score outside the instrument range is refused, naming it', () => {
    expect(() => instrumentReliableChange(findInstrument('PHQ-9'), 30, 20)).toThrow('PHQ-9 total (before) must be a whole number from 0 to 27; got 30');
  });
});

describe('instrument change category', () => {
  const core10 = findInstrument('CORE-10');
  test.each([
    [20, 10, 'Recovered'],
    [20, 14, 'Improved'],
    [20, 19, 'Unchanged'],
    [12, 10, 'Non-reliably recovered'],
    [10, 16, 'Deteriorated'],
  ])('CORE-10 (6 points, cut-off 11): %i → %i is %s', (b, a, cat) => {
    expect(instrumentChangeCategory(core10, b, a)).toBe(cat);
  });

  test('PHQ-9 uses the JT RCI from SD 5.5, α .89: a drop of 6 is reliable, 5 is not', () => {
    const phq = findInstrument('PHQ-9');
    expect([instrumentChangeCategory(phq, 20, 14), instrumentChangeCategory(phq, 20, 15)]).toEqual(['Improved', 'Unchanged']);
  });

  test('GAD-7: a drop of exactly 4 is reliable by the programme points but not by the JT RCI (4 < 4.14)', () => {
    const gad = findInstrument('GAD-7');
    expect(instrumentReliableChange(gad, 16, 12)).toBe('Reliable improvement');
    expect(instrumentChangeCategory(gad, 16, 12)).toBe('Unchanged');
  });

  test('ORS: 20 → 25 is recovered because exactly 25 is non-clinical by default', () => {
    expect(instrumentChangeCategory(findInstrument('ORS'), 20, 25)).toBe('Recovered');
    expect(instrumentChangeCategory(findInstrument('ORS'), 20, 25, { atCutoffIsClinical: true })).toBe('Improved');
  });

  test('an instrument with no cut-off is refused', () => {
    expect(() => instrumentChangeCategory(findInstrument('K10'), 30, 20)).toThrow('K10 has no clinical cut-off, which a change category needs');
  });
});

describe('response and remission', () => {
  test('response is at least a 50% reduction: 20 → 10 yes, 20 → 11 no', () => {
    expect([isResponse(20, 10), isResponse(20, 11)]).toEqual([true, false]);
  });

  test('remission is a PHQ-9 below 5: 4 yes, 5 no', () => {
    expect([isRemission(4), isRemission(5)]).toEqual([true, false]);
  });

  test('McMillan clinically significant change needs ≤ 9 and ≥ 50%: 16 → 8 yes, 24 → 12 no', () => {
    expect([isPhq9ClinicallySignificantChange(16, 8), isPhq9ClinicallySignificantChange(24, 12)]).toEqual([true, false]);
  });

  test('a negative score is refused', () => {
    expect(() => isResponse(-1, 0)).toThrow('before must be a number ≥ 0; got -1');
  });
});

describe("an instrument tab's change from first and reliable change", () => {
  const phq9 = findInstrument('PHQ-9');
  const row = (client: string, day: number | null, total: number | null) => ({ client, day, total });

  test('the first administration is the baseline: change 0 and reliable change blank (null), later rows against it', () => {
    const rows = changesFromFirst([row('C-1', 10, 20), row('C-1', 17, 13), row('C-1', 24, 22)], 0);
    expect(rows.map((r) => r.change)).toEqual([0, -7, 2]);
    expect(rows.map((r) => reliableChangeFromFirst(phq9, r))).toEqual([null, 'Reliable improvement', 'No reliable change']);
  });

  test('every row on the first date is a first administration (blank); the change is against the upper one of them', () => {
    const rows = changesFromFirst([row('C-1', 10, 20), row('C-1', 10, 10), row('C-1', 17, 30)], 0);
    expect(rows.map((r) => [r.change, r.firstAdministration])).toEqual([[0, true], [-10, true], [10, false]]);
    expect(rows.map((r) => reliableChangeFromFirst(phq9, r))).toEqual([null, null, 'Reliable deterioration']);
  });

  test('a row typed below with an earlier date is the first for every row of the client, those above it too', () => {
    const rows = changesFromFirst([row('C-1', 17, 12), row('C-1', 10, 20), row('C-1', 24, 8)], 0);
    expect(rows.map((r) => [r.change, r.firstAdministration])).toEqual([[-8, false], [0, true], [-12, false]]);
  });

  test('clients match case-insensitively; rows without client, date or total are blank and count for nobody', () => {
    const rows = changesFromFirst([row('C-1', 10, 20), row('', 5, 1), row('C-1', null, 3), row('c-1', 17, 14), row('C-1', 24, null)], 0);
    expect(rows.map((r) => r.change)).toEqual([0, null, null, -6, null]);
  });

  test('a total below 0 is not scored: blank, and never a first', () => {
    const rows = changesFromFirst([row('C-1', 5, -1), row('C-1', 10, 20), row('C-1', 17, 14)], 0);
    expect(rows.map((r) => r.change)).toEqual([null, 0, -6]);
  });

  test('a total with decimals is rounded half away from zero to the instrument\'s decimals, as ROUND does', () => {
    expect(changesFromFirst([row('C-1', 1, 3.2), row('C-1', 2, 3.1), row('C-1', 3, 8.2)], 1).map((r) => r.change)).toEqual([0, -0.1, 5]);
  });

  test('law: where no client has two scored rows on one date, the order of the rows changes nothing (the first is the earliest date)', () => {
    const arb = fc.uniqueArray(fc.record({ client: fc.constantFrom('A', 'a', 'B', ''), day: fc.option(fc.integer({ min: 1, max: 9 })), total: fc.option(fc.integer({ min: 0, max: 27 })) }), {
      selector: (r) => (r.client === '' || r.day === null || r.total === null ? Math.random() : `${r.client.toLowerCase()}|${r.day}`),
    });
    fc.assert(
      fc.property(arb, (rows) => {
        expect(changesFromFirst([...rows].reverse(), 0).reverse()).toEqual(changesFromFirst(rows, 0));
      }),
    );
  });

  test('law: a scored row\'s change is its total minus the total of its client\'s earliest scored row', () => {
    const arb = fc.array(fc.record({ client: fc.constantFrom('A', 'B'), day: fc.integer({ min: 1, max: 50 }), total: fc.integer({ min: 0, max: 27 }) }), { minLength: 1 });
    fc.assert(
      fc.property(arb, (rows) => {
        const out = changesFromFirst(rows, 0);
        rows.forEach((r, i) => {
          const mine = rows.filter((x) => x.client === r.client);
          const earliest = Math.min(...mine.map((x) => x.day));
          const first = mine.find((x) => x.day === earliest)!;
          expect(out[i]).toEqual({ change: r.total - first.total, firstAdministration: r.day === earliest });
        });
      }),
    );
  });
});
