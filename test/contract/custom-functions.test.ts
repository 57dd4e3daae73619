// Contract: every custom function answers through the built dist/Code.js in a bare V8 context, as a Sheets cell would call it.
import { ENTRIES, loadCode } from './dist';

const ctx = loadCode();
type Fn = (...args: unknown[]) => unknown;
const fn = (name: string) => ctx[name] as Fn;
const first = (v: unknown): unknown => (Array.isArray(v) ? first(v[0]) : v);
// Values cross the vm boundary with the context's own Array prototype, so compare as JSON.
const plain = (v: unknown) => JSON.parse(JSON.stringify(v));

// One call per custom function: the worked examples of the clinical reference (§1.1, §2, §7).
const calls: Record<string, [unknown[], (out: unknown) => void]> = {
  // [S1] unweighted, three goals all at −1 → baseline T 36.31.
  GAS_TSCORE: [[[[-1, -1, -1]]], (out) => expect(out).toBeCloseTo(36.31, 2)],
  // One goal: T = 50 + 10x; a blank row gives ''.
  GAS_TSCORE_BYROW: [[[[0, ''], [1, ''], ['', '']]], (out) => expect(plain(out)).toEqual([[50], [60], ['']])],
  // Two goals from −1 to 0: 50 − 37.60.
  GAS_CHANGE: [[[[-1, -1]], [[0, 0]]], (out) => expect(out).toBeCloseTo(12.4, 2)],
  // [S7] weight = importance × difficulty.
  GAS_WEIGHT: [[[[2, 3]], [[3, 0]]], (out) => expect(plain(out)).toEqual([[6, 0]])],
  MEASURE_SCORE: [['PHQ-9', [[1, 1, 1, 1, 1, 1, 1, 1, 1]]], (out) => expect(first(out)).toBe(9)],
  // [S12] 15–19 moderately severe.
  MEASURE_BAND: [['phq9', 17], (out) => expect(String(first(out))).toMatch(/^moderately severe$/i)],
  // [S11] item 9 ≥ 1 flags whatever the total.
  MEASURE_FLAG: [['PHQ-9', [[0, 0, 0, 0, 0, 0, 0, 0, 1]]], (out) => expect(String(first(out))).not.toBe('')],
  // [S40a] PHQ-9 drop of 10 ≥ 6 points.
  RELIABLE_CHANGE: [['PHQ-9', 20, 10], (out) => expect(first(out)).toBe('Reliable improvement')],
  CHANGE_CATEGORY: [['PHQ-9', 20, 4], (out) => expect(first(out)).toBe('Recovered')],
  // [S39a] (10 − 20) / (5.5·√0.11·√2) = −3.876.
  RCI: [[20, 10, 5.5, 0.89], (out) => expect(first(out)).toBeCloseTo(-3.876, 3)],
  // [S40b] case at intake, both below caseness at the end, both reliably improved.
  TALKING_THERAPIES_OUTCOME: [[15, 6, 12, 5], (out) => expect(first(out)).toBe('Reliable recovery')],
  PRIORITY_SCORE: [[5, 4, 3], (out) => expect(first(out)).toBe(60)],
};

test('every custom function in the entry-point list has a call here', () => {
  expect(Object.keys(calls).sort()).toEqual(ENTRIES.filter((e) => e.kind === 'custom').map((e) => e.name).sort());
});

test.each(Object.keys(calls))('%s answers through the built bundle', (name) => {
  const [args, check] = calls[name];
  check(fn(name)(...args));
});

test('a bad input throws an Error whose message names the value', () => {
  expect(() => fn('GAS_TSCORE')([[3, 0]])).toThrow(/3/);
  expect(() => fn('MEASURE_SCORE')('PHQ-10', [[1]])).toThrow(/PHQ-10/);
});
