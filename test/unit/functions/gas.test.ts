// Specification of the GAS custom functions as Sheets calls them: scalars, 2-D ranges, '' for blanks.
import { GAS_CHANGE, GAS_TSCORE, GAS_TSCORE_BYROW, GAS_WEIGHT } from '../../../src/server/functions';

describe('GAS_TSCORE', () => {
  test('a row of five goals at −1 gives 34.92', () => {
    expect(GAS_TSCORE([[-1, -1, -1, -1, -1]])).toBeCloseTo(34.92, 2);
  });

  test('a single cell is one goal: 1 gives 60', () => {
    expect(GAS_TSCORE(1)).toBeCloseTo(60, 10);
  });

  test('every goal in a 2-D range counts, blanks left out', () => {
    expect(GAS_TSCORE([[-1, ''], [-1, -1]])).toBeCloseTo(36.31, 2);
  });

  test('weights of the same shape are applied: [1, −1, 0] × [2, 1, 3] gives 52.20', () => {
    expect(GAS_TSCORE([[1, -1, 0]], [[2, 1, 3]])).toBeCloseTo(52.2033, 3);
  });

  test('ρ is the third argument', () => {
    expect(GAS_TSCORE([[1, 1]], undefined, 0)).toBeCloseTo(64.1421, 3);
  });

  test('a skipped weights argument ("") means unweighted', () => {
    expect(GAS_TSCORE([[1, 1]], '', 0)).toBeCloseTo(64.1421, 3);
  });

  test('all-blank levels are an error, never 50', () => {
    expect(() => GAS_TSCORE([['', '']])).toThrow('GAS T-score needs at least one goal; every level is blank');
  });

  test('text in a level cell is refused, naming it', () => {
    expect(() => GAS_TSCORE([[0, 'met']])).toThrow('GAS level must be one of -2, -1, 0, 1, 2; got "met" (goal 2)');
  });

  test('an out-of-range level is refused', () => {
    expect(() => GAS_TSCORE([[0, 3]])).toThrow('GAS level must be one of -2, -1, 0, 1, 2; got 3 (goal 2)');
  });

  test('weights of another shape are refused, naming both shapes', () => {
    expect(() => GAS_TSCORE([[1, 0, 1]], [[1, 1]])).toThrow('weights must be the same shape as levels; got 1×2 for weights and 1×3 for levels');
  });

  test('a range for ρ is refused', () => {
    expect(() => GAS_TSCORE([[1]], undefined, [[0.3, 0.2]])).toThrow('rho must be a single cell; got a 1×2 range');
  });

  test('ρ of 1 is refused', () => {
    expect(() => GAS_TSCORE([[1]], undefined, 1)).toThrow('rho must be a number from 0 up to (not including) 1; got 1');
  });
});

describe('GAS_TSCORE_BYROW', () => {
  test('one T-score per row, as a column', () => {
    const out = GAS_TSCORE_BYROW([[-1, -1], [0, 0], [2, '']]);
    expect(out).toHaveLength(3);
    expect(out[0][0]).toBeCloseTo(37.6, 2);
    expect(out[1]).toEqual([50]);
    expect(out[2][0]).toBeCloseTo(70, 10);
  });

  test('a row with every level blank gives "" even with weights filled in', () => {
    expect(GAS_TSCORE_BYROW([['', ''], [0, 0]], [[1, 2], [1, 2]])).toEqual([[''], [50]]);
  });

  test('an error names the row and goal', () => {
    expect(() => GAS_TSCORE_BYROW([[0, 0], [0, 0], [1, 7]])).toThrow('GAS level must be one of -2, -1, 0, 1, 2; got 7 (row 3, goal 2)');
  });

  test('weights with fewer rows are refused', () => {
    expect(() => GAS_TSCORE_BYROW([[0, 0], [1, 1]], [[1, 1]])).toThrow('weights must be the same shape as levels; got 1×2 for weights and 2×2 for levels');
  });

  test('a negative weight is refused, naming row and goal', () => {
    expect(() => GAS_TSCORE_BYROW([[0, 1]], [[1, -1]])).toThrow('GAS weight must be a number ≥ 0; got -1 (row 1, goal 2)');
  });
});

describe('GAS_CHANGE', () => {
  test('T(levels) − T(baseline): −1, −1, −2 to 0, 1, 0 gives 22.82', () => {
    expect(GAS_CHANGE([[-1, -1, -2]], [[0, 1, 0]])).toBeCloseTo(22.8218, 3);
  });

  test('weights apply to both', () => {
    expect(GAS_CHANGE([[-1, -2]], [[0, 0]], [[3, 1]])).toBeCloseTo(50 - (50 + (10 * -5) / Math.sqrt(0.7 * 10 + 0.3 * 16)), 6);
  });

  test('baseline and levels of different shapes are refused', () => {
    expect(() => GAS_CHANGE([[-1, -1]], [[0, 1, 0]])).toThrow('levels must be the same shape as baseline_levels; got 1×3 for levels and 1×2 for baseline_levels');
  });

  test('a baseline of 0 is refused', () => {
    expect(() => GAS_CHANGE([[0]], [[1]])).toThrow('GAS baseline level must be -1 (some ability) or -2 (none at all); got 0 (goal 1)');
  });

  test('text in a level is refused', () => {
    expect(() => GAS_CHANGE([[-1]], [['1']])).toThrow('got "1" (goal 1)');
  });
});

describe('GAS_WEIGHT', () => {
  test('importance × difficulty for one pair: 3 × 2 = 6', () => {
    expect(GAS_WEIGHT(3, 2)).toBe(6);
  });

  test('element-wise over ranges, blank where either rating is blank', () => {
    expect(GAS_WEIGHT([[3], [1], ['']], [[2], [0], [3]])).toEqual([[6], [0], ['']]);
  });

  test('a single difficulty applies to every importance', () => {
    expect(GAS_WEIGHT([[1, 2, 3]], 2)).toEqual([[2, 4, 6]]);
  });

  test('an out-of-range rating is refused, naming its place', () => {
    expect(() => GAS_WEIGHT([[3], [4]], [[1], [1]])).toThrow('GAS importance must be one of 0, 1, 2, 3; got 4 (row 2, column 1 of the range)');
  });

  test('text in a rating is refused', () => {
    expect(() => GAS_WEIGHT('high', 1)).toThrow('GAS importance must be one of 0, 1, 2, 3; got "high"');
  });

  test('ranges of different shapes are refused', () => {
    expect(() => GAS_WEIGHT([[1, 2]], [[1], [2]])).toThrow('difficulty must be the same shape as importance; got 2×1 for difficulty and 1×2 for importance');
  });
});
