// Specification of the outcome-measure custom functions: MEASURE_SCORE, MEASURE_BAND, MEASURE_FLAG.
import { MEASURE_BAND, MEASURE_FLAG, MEASURE_SCORE } from '../../../src/server/functions';

const phqRow = [1, 2, 3, 1, 2, 3, 1, 2, 0];

describe('MEASURE_SCORE', () => {
  test('one row gives one total: PHQ-9 15', () => {
    expect(MEASURE_SCORE('PHQ-9', [phqRow])).toBe(15);
  });

  test('instrument names ignore case, "-", "_" and spaces', () => {
    expect(['phq9', 'Phq_9', 'PHQ 9'].map((n) => MEASURE_SCORE(n, [phqRow]))).toEqual([15, 15, 15]);
  });

  test('several rows give a column, "" where the missing-item rule gives no score', () => {
    expect(MEASURE_SCORE('PHQ-9', [phqRow, [0, 0, 0, 0, '', 0, 0, 0, 0], [3, 3, 3, 3, 3, 3, 3, 3, 3]])).toEqual([[15], [''], [27]]);
  });

  test('a single column of exactly nine cells is one respondent', () => {
    expect(MEASURE_SCORE('PHQ-9', phqRow.map((v) => [v]))).toBe(15);
  });

  test('a named subscale or cluster: PCL-5 "B" and DASS-21 "Depression"', () => {
    const pcl = Array(20).fill(1);
    const dass = Array(21).fill(1);
    expect([MEASURE_SCORE('PCL-5', [pcl], 'B'), MEASURE_SCORE('DASS-21', [dass], 'Depression')]).toEqual([5, 14]);
  });

  test('CORE-10 prorates one missing item', () => {
    expect(MEASURE_SCORE('CORE-10', [[2, 2, 2, 2, 2, 2, 2, 2, 2, '']])).toBe(20);
  });

  test('OQ-45 takes its licensed total one per row', () => {
    expect(MEASURE_SCORE('OQ-45', [[70], [40]])).toEqual([[70], [40]]);
  });

  test('text in a numeric cell is refused, naming item, row and value', () => {
    expect(() => MEASURE_SCORE('PHQ-9', [phqRow, [1, 'two', 0, 0, 0, 0, 0, 0, 0]])).toThrow('PHQ-9 item 2 must be a whole number from 0 to 3; got "two" (row 2)');
  });

  test('an out-of-range item is refused', () => {
    expect(() => MEASURE_SCORE('GAD-7', [[0, 0, 0, 0, 0, 0, 4]])).toThrow('GAD-7 item 7 must be a whole number from 0 to 3; got 4');
  });

  test('a wrong item count is refused', () => {
    expect(() => MEASURE_SCORE('GAD-7', [[0, 0, 0, 0, 0, 0]])).toThrow('GAD-7 expects 7 item values per row; got 6');
  });

  test('a single cell for a multi-item instrument is refused', () => {
    expect(() => MEASURE_SCORE('PHQ-9', 12)).toThrow('PHQ-9 expects 9 item values per row; got a single cell (12)');
  });

  test('an unknown instrument is refused', () => {
    expect(() => MEASURE_SCORE('BDI-II', [phqRow])).toThrow(/^Unknown instrument "BDI-II"; expected one of PHQ-9/);
  });

  test('an unknown subscale is refused, listing the choices', () => {
    expect(() => MEASURE_SCORE('PCL-5', [Array(20).fill(0)], 'F')).toThrow('Unknown PCL-5 subscale "F"; expected one of Total, Intrusion, Avoidance, Negative cognitions and mood, Arousal and reactivity');
  });
});

describe('MEASURE_BAND', () => {
  test('PHQ-9 17 is "Moderately severe"', () => {
    expect(MEASURE_BAND('PHQ-9', 17)).toBe('Moderately severe');
  });

  test('element-wise over a range, blanks stay blank', () => {
    expect(MEASURE_BAND('GAD-7', [[4], [''], [10]])).toEqual([['Minimal'], [''], ['Moderate']]);
  });

  test('a subscale band: DASS-21 Stress 26 is "Severe"', () => {
    expect(MEASURE_BAND('DASS-21', 26, 'Stress')).toBe('Severe');
  });

  test('K10 bands: ABS by default, CRUfAD when named', () => {
    expect([MEASURE_BAND('K10', 16), MEASURE_BAND('K10', 16, '', 'CRUfAD')]).toEqual(['Moderate', 'Likely to be well']);
  });

  test('ORS 25 is non-clinical by default (documented choice)', () => {
    expect(MEASURE_BAND('ORS', 25)).toBe('Non-clinical range');
  });

  test('text in a score cell is refused', () => {
    expect(() => MEASURE_BAND('PHQ-9', 'high')).toThrow('PHQ-9 total (score) must be a whole number from 0 to 27; got "high"');
  });

  test('an out-of-range score is refused, naming its place in the range', () => {
    expect(() => MEASURE_BAND('PHQ-9', [[5], [28]])).toThrow('PHQ-9 total (score) must be a whole number from 0 to 27; got 28 (row 2, column 1 of the range)');
  });

  test('an unknown instrument is refused', () => {
    expect(() => MEASURE_BAND('PHQ-10', 5)).toThrow(/^Unknown instrument "PHQ-10"/);
  });

  test('a scheme that is not text is refused', () => {
    expect(() => MEASURE_BAND('K10', 20, '', 3)).toThrow('scheme must be a band scheme name; got 3');
  });
});

describe('MEASURE_FLAG', () => {
  test('PHQ-9 item 9 at 1 gives the safety message', () => {
    expect(MEASURE_FLAG('PHQ-9', [[0, 0, 0, 0, 0, 0, 0, 0, 1]])).toBe('PHQ-9 item 9 (self-harm thoughts) endorsed: review risk now');
  });

  test('one per row, "" where nothing is endorsed', () => {
    expect(MEASURE_FLAG('CORE-10', [Array(10).fill(0), [0, 0, 0, 0, 0, 2, 0, 0, 0, 0]])).toEqual([[''], ['CORE-10 item 6 (risk) endorsed: review risk now']]);
  });

  test('an instrument without critical items gives ""', () => {
    expect(MEASURE_FLAG('GAD-7', [[3, 3, 3, 3, 3, 3, 3]])).toBe('');
  });

  test('a wrong item count is refused', () => {
    expect(() => MEASURE_FLAG('PHQ-9', [[0, 0, 0]])).toThrow('PHQ-9 expects 9 item values per row (or 10 with Functional difficulty); got 3');
  });

  test('text in an item is refused', () => {
    expect(() => MEASURE_FLAG('PHQ-9', [[0, 0, 0, 0, 0, 0, 0, 0, 'yes']])).toThrow('PHQ-9 item 9 must be a whole number from 0 to 3; got "yes"');
  });

  test('an unknown instrument is refused', () => {
    expect(() => MEASURE_FLAG('X', [[0]])).toThrow(/^Unknown instrument "X"/);
  });
});
