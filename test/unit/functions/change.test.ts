// Specification of the change custom functions: RELIABLE_CHANGE, CHANGE_CATEGORY, RCI, TALKING_THERAPIES_OUTCOME, and PRIORITY_SCORE.
import { CHANGE_CATEGORY, PRIORITY_SCORE, RCI, RELIABLE_CHANGE, TALKING_THERAPIES_OUTCOME } from '../../../src/server/functions';

describe('RELIABLE_CHANGE', () => {
  test('PHQ-9 16 → 10 is reliable improvement (6 points)', () => {
    expect(RELIABLE_CHANGE('PHQ-9', 16, 10)).toBe('Reliable improvement');
  });

  test('element-wise, blank where before or after is blank', () => {
    expect(RELIABLE_CHANGE('gad7', [[10], [10], ['']], [[6], [14], [3]])).toEqual([['Reliable improvement'], ['Reliable deterioration'], ['']]);
  });

  test('mismatched ranges are refused', () => {
    expect(() => RELIABLE_CHANGE('PHQ-9', [[1], [2]], [[1]])).toThrow('after must be the same shape as before; got 1×1 for after and 2×1 for before');
  });

  test('text in a score is refused', () => {
    expect(() => RELIABLE_CHANGE('PHQ-9', '16', 10)).toThrow('PHQ-9 total (before) must be a whole number from 0 to 27; got "16"');
  });

  test('an out-of-range score is refused', () => {
    expect(() => RELIABLE_CHANGE('GAD-7', 22, 10)).toThrow('GAD-7 total (before) must be a whole number from 0 to 21; got 22');
  });

  test('an unknown instrument is refused', () => {
    expect(() => RELIABLE_CHANGE('HAM-D', 20, 10)).toThrow(/^Unknown instrument "HAM-D"/);
  });
});

describe('CHANGE_CATEGORY', () => {
  test('CORE-10 20 → 10 is Recovered', () => {
    expect(CHANGE_CATEGORY('CORE-10', 20, 10)).toBe('Recovered');
  });

  test('element-wise over ranges', () => {
    expect(CHANGE_CATEGORY('PHQ-9', [[20, 20, 10]], [[8, 12, 16]])).toEqual([['Recovered', 'Improved', 'Deteriorated']]);
  });

  test('mismatched ranges are refused', () => {
    expect(() => CHANGE_CATEGORY('PHQ-9', [[20, 20]], [[8], [9]])).toThrow('after must be the same shape as before; got 2×1 for after and 1×2 for before');
  });

  test('text in a score is refused', () => {
    expect(() => CHANGE_CATEGORY('PHQ-9', 20, 'n/a')).toThrow('PHQ-9 total (after) must be a whole number from 0 to 27; got "n/a"');
  });

  test('an instrument with no cut-off is refused', () => {
    expect(() => CHANGE_CATEGORY('WSAS', 20, 10)).toThrow('WSAS has no clinical cut-off, which a change category needs');
  });

  test('a blank instrument name is refused', () => {
    expect(() => CHANGE_CATEGORY('', 20, 10)).toThrow('Instrument name is blank; expected one of PHQ-9');
  });

  test('an unknown instrument is refused', () => {
    expect(() => CHANGE_CATEGORY('CORE-34', 20, 10)).toThrow(/^Unknown instrument "CORE-34"/);
  });
});

describe('RCI', () => {
  test('20 → 14 with SD 5.5 and reliability .89 is −2.326', () => {
    expect(RCI(20, 14, 5.5, 0.89) as number).toBeCloseTo(-2.32583, 3);
  });

  test('element-wise over before and after, one SD and reliability', () => {
    const out = RCI([[20], [14]], [[14], [20]], 5.5, 0.89) as number[][];
    expect(out[0][0]).toBeCloseTo(-2.32583, 3);
    expect(out[1][0]).toBeCloseTo(2.32583, 3);
  });

  test('text in a score is refused', () => {
    expect(() => RCI('twenty', 14, 5.5, 0.89)).toThrow('before must be a number; got "twenty"');
  });

  test('a reliability of 1 is refused', () => {
    expect(() => RCI(20, 14, 5.5, 1)).toThrow('reliability must be a number from 0 up to (not including) 1; got 1');
  });

  test('mismatched ranges are refused', () => {
    expect(() => RCI([[1, 2]], [[1, 2, 3]], 5, 0.8)).toThrow('after must be the same shape as before; got 1×3 for after and 1×2 for before');
  });
});

describe('TALKING_THERAPIES_OUTCOME', () => {
  test('15 → 5 on PHQ-9 and 10 → 5 on GAD-7 is Reliable recovery', () => {
    expect(TALKING_THERAPIES_OUTCOME(15, 5, 10, 5)).toBe('Reliable recovery');
  });

  test('element-wise over four columns', () => {
    expect(TALKING_THERAPIES_OUTCOME([[9], [20]], [[2], [14]], [[7], [12]], [[1], [12]])).toEqual([['Not a case at intake'], ['Reliable improvement']]);
  });

  test('out-of-range scores are refused', () => {
    expect(() => TALKING_THERAPIES_OUTCOME(15, 5, 30, 5)).toThrow('GAD-7 before must be a whole number from 0 to 21; got 30');
  });

  test('text is refused', () => {
    expect(() => TALKING_THERAPIES_OUTCOME('15', 5, 10, 5)).toThrow('PHQ-9 before must be a whole number from 0 to 27; got "15"');
  });

  test('mismatched ranges are refused', () => {
    expect(() => TALKING_THERAPIES_OUTCOME([[1], [2]], [[1], [2]], [[1]], [[1]])).toThrow('gad7_before must be the same shape as phq9_before; got 1×1 for gad7_before and 2×1 for phq9_before');
  });
});

describe('PRIORITY_SCORE', () => {
  test('5 × 4 × 3 = 60', () => {
    expect(PRIORITY_SCORE(5, 4, 3)).toBe(60);
  });

  test('element-wise, blank where any rating is blank', () => {
    expect(PRIORITY_SCORE([[5], [1], [2]], [[5], [1], ['']], [[5], [1], [2]])).toEqual([[125], [1], ['']]);
  });

  test('out-of-range ratings are refused, naming the place', () => {
    expect(() => PRIORITY_SCORE([[5], [6]], 1, 1)).toThrow('urgency must be a whole number from 1 to 5; got 6 (row 2, column 1 of the range)');
  });

  test('text is refused', () => {
    expect(() => PRIORITY_SCORE(5, 'high', 1)).toThrow('importance must be a whole number from 1 to 5; got "high"');
  });

  test('mismatched ranges are refused', () => {
    expect(() => PRIORITY_SCORE([[1, 2]], [[1]], 1)).toThrow('importance must be the same shape as urgency; got 1×1 for importance and 1×2 for urgency');
  });
});
