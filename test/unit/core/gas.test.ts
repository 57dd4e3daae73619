// Specification of the GAS core: Kiresuk–Sherman T, weights, blanks, baseline and change scores, input errors.
import fc from 'fast-check';
import { DEFAULT_RHO, gasChange, gasRho, gasTScore, gasTScoreOrBlank, turnerStokesWeight } from '../../../src/core/gas';

const TOL = 2; // toBeCloseTo(x, 2): |diff| < 0.005, inside the 0.01 GAS tolerance

describe('Kiresuk–Sherman T-score', () => {
  test.each([
    [1, 40.0],
    [2, 37.6],
    [3, 36.31],
    [4, 35.49],
    [5, 34.92],
  ])('unweighted baseline with %i goal(s) all at −1 is %d (reference §1.1 table)', (n, t) => {
    expect(gasTScore(Array(n).fill(-1))).toBeCloseTo(t, TOL);
  });

  test.each([
    [-2, 30],
    [-1, 40],
    [0, 50],
    [1, 60],
    [2, 70],
  ])('one goal at level %i gives T = 50 + 10x = %i', (x, t) => {
    expect(gasTScore([x])).toBeCloseTo(t, 10);
  });

  test('weighted example: levels 1, −1, 0 with weights 2, 1, 3 and ρ 0.3 give 50 + 10·1/√20.6 = 52.20', () => {
    expect(gasTScore([1, -1, 0], [2, 1, 3])).toBeCloseTo(52.2033, 3);
  });

  test('ρ = 0 gives 50 + 10·Σx/√n: two goals at +1 give 64.14', () => {
    expect(gasTScore([1, 1], undefined, { rho: 0 })).toBeCloseTo(64.1421, 3);
  });

  test('the default ρ is 0.3 and a blank ρ means the default', () => {
    expect(DEFAULT_RHO).toBe(0.3);
    expect(gasRho('')).toBe(0.3);
    expect(gasTScore([1, 2], undefined, { rho: '' })).toBe(gasTScore([1, 2], undefined, { rho: 0.3 }));
  });

  test('weights [6, 6] give the same T as [1, 1] (scale-invariant)', () => {
    expect(gasTScore([1, -1], [6, 6])).toBeCloseTo(gasTScore([1, -1], [1, 1]), 10);
  });

  test('a goal whose level is blank is left out', () => {
    expect(gasTScore([1, '', -1])).toBeCloseTo(gasTScore([1, -1]), 10);
  });

  test('a goal whose weight is blank is left out', () => {
    expect(gasTScore([2, 1], ['', 3])).toBeCloseTo(60, 10);
  });

  test('a zero weight leaves the goal out', () => {
    expect(gasTScore([2, 0], [0, 1])).toBe(50);
  });

  test('all-zero weights count as unweighted (gasr)', () => {
    expect(gasTScore([1, -1, 2], [0, 0, 0])).toBeCloseTo(gasTScore([1, -1, 2]), 10);
  });

  test('no goals left is an error, never 50', () => {
    expect(() => gasTScore(['', ''])).toThrow('GAS T-score needs at least one goal; every level is blank');
    expect(() => gasTScore([])).toThrow(/needs at least one goal/);
  });

  test('levels with only blank weights are an error, not a blank', () => {
    expect(() => gasTScore([1, 0], ['', ''])).toThrow('GAS T-score needs at least one goal with both a level and a weight; every goal with a level has a blank weight');
  });

  test('a row with every level blank gives null from the per-row scorer', () => {
    expect(gasTScoreOrBlank(['', '', ''], [1, 2, 3], 0.3, false)).toBeNull();
  });
});

describe('GAS input errors name the value', () => {
  test('a level of 3 is refused, naming row and goal', () => {
    expect(() => gasTScoreOrBlank([0, 0, 0, 3], undefined, 0.3, false, 2)).toThrow('GAS level must be one of -2, -1, 0, 1, 2; got 3 (row 2, goal 4)');
  });

  test('text "3" in a level cell is refused and quoted', () => {
    expect(() => gasTScore([0, '3'])).toThrow('GAS level must be one of -2, -1, 0, 1, 2; got "3" (goal 2)');
  });

  test('a fractional level such as 0.5 is refused', () => {
    expect(() => gasTScore([0.5])).toThrow('got 0.5 (goal 1)');
  });

  test('a negative weight is refused', () => {
    expect(() => gasTScore([1, 0], [1, -2])).toThrow('GAS weight must be a number ≥ 0; got -2 (goal 2)');
  });

  test('a text weight is refused', () => {
    expect(() => gasTScore([1], ['heavy'])).toThrow('GAS weight must be a number ≥ 0; got "heavy" (goal 1)');
  });

  test.each([[1], [-0.1], [1.5], ['0.3'], [true]])('ρ = %p is refused', (rho) => {
    expect(() => gasTScore([1], undefined, { rho })).toThrow(/^rho must be a number from 0 up to \(not including\) 1; got /);
  });

  test('weights that do not match the levels one for one are refused', () => {
    expect(() => gasTScore([1, 0], [1])).toThrow('GAS weights must match the levels one for one; got 1 weights for 2 levels');
  });
});

describe('six-point "partial" variant (Turner-Stokes & Williams 2010)', () => {
  test('−0.5 is refused on the default five-point scale, with a hint', () => {
    expect(() => gasTScore([-0.5])).toThrow(/got -0.5 \(goal 1\).*six-point-partial/);
  });

  test('−0.5 is counted as −1 with the six-point-partial option', () => {
    expect(gasTScore([-0.5, 1], undefined, { scale: 'six-point-partial' })).toBeCloseTo(gasTScore([-1, 1]), 10);
  });

  test('an unknown scale name is refused', () => {
    expect(() => gasTScore([0], undefined, { scale: 'seven' as never })).toThrow('GAS scale must be "five-point" or "six-point-partial"; got "seven"');
  });
});

describe('baseline and change score', () => {
  test('change = T(now) − T(baseline): baseline −1, −1, −2 to 0, 1, 0 gives 50/√4.8 = 22.82', () => {
    expect(gasChange([-1, -1, -2], [0, 1, 0])).toBeCloseTo(22.8218, 3);
  });

  test('change uses the same weights for both T-scores', () => {
    const w = [2, 1, 3];
    expect(gasChange([-1, -2, -1], [0, 1, -1], w)).toBeCloseTo(gasTScore([0, 1, -1], w) - gasTScore([-1, -2, -1], w), 10);
  });

  test('only goals with a baseline, a current level and a weight count', () => {
    expect(gasChange([-1, -1, ''], [0, '', 1])).toBeCloseTo(10, 10);
  });

  test('a baseline level other than −1 or −2 is refused', () => {
    expect(() => gasChange([0], [1])).toThrow('GAS baseline level must be -1 (some ability) or -2 (none at all); got 0 (goal 1)');
  });

  test('no goal with all three is an error', () => {
    expect(() => gasChange([-1, ''], ['', 1])).toThrow(/none has all three/);
  });

  test('baseline and current levels must match one for one', () => {
    expect(() => gasChange([-1], [0, 1])).toThrow('GAS baseline levels must match the current levels one for one; got 1 baseline levels for 2 levels');
  });
});

describe('Turner-Stokes weight', () => {
  test('weight = importance × difficulty: 3 × 2 = 6', () => {
    expect(turnerStokesWeight(3, 2)).toBe(6);
  });

  test('a rating of 0 on either scale gives weight 0', () => {
    expect(turnerStokesWeight(0, 3)).toBe(0);
  });

  test('ratings outside 0–3 are refused, naming the value', () => {
    expect(() => turnerStokesWeight(4, 1)).toThrow('GAS importance must be one of 0, 1, 2, 3; got 4');
    expect(() => turnerStokesWeight(1, '2')).toThrow('GAS difficulty must be one of 0, 1, 2, 3; got "2"');
  });
});

describe('GAS laws (property tests)', () => {
  const level = fc.constantFrom(-2, -1, 0, 1, 2);
  const rho = fc.double({ min: 0, max: 0.99, noNaN: true });
  const goals = fc.integer({ min: 1, max: 8 }).chain((n) =>
    fc.record({ levels: fc.array(level, { minLength: n, maxLength: n }), weights: fc.array(fc.double({ min: 0.1, max: 9, noNaN: true }), { minLength: n, maxLength: n }) }),
  );

  test('T = 50 when every level is 0, for any weights and ρ', () => {
    fc.assert(
      fc.property(goals, rho, ({ levels, weights }, r) => {
        expect(gasTScore(levels.map(() => 0), weights, { rho: r })).toBeCloseTo(50, 10);
      }),
    );
  });

  test('T rises when any one level rises', () => {
    fc.assert(
      fc.property(goals, rho, fc.nat(), ({ levels, weights }, r, pick) => {
        const i = pick % levels.length;
        fc.pre(levels[i] < 2);
        const up = levels.slice();
        up[i] += 1;
        expect(gasTScore(up, weights, { rho: r })).toBeGreaterThan(gasTScore(levels, weights, { rho: r }));
      }),
    );
  });

  test('T(−levels) = 100 − T(levels)', () => {
    fc.assert(
      fc.property(goals, rho, ({ levels, weights }, r) => {
        const neg = levels.map((x) => (x === 0 ? 0 : -x));
        expect(gasTScore(neg, weights, { rho: r })).toBeCloseTo(100 - gasTScore(levels, weights, { rho: r }), 8);
      }),
    );
  });

  test('multiplying every weight by the same constant leaves T unchanged', () => {
    fc.assert(
      fc.property(goals, rho, fc.double({ min: 0.01, max: 100, noNaN: true }), ({ levels, weights }, r, k) => {
        expect(gasTScore(levels, weights.map((w) => w * k), { rho: r })).toBeCloseTo(gasTScore(levels, weights, { rho: r }), 8);
      }),
    );
  });
});
