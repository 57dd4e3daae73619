// Number helpers shared by the scorers and settings: blank detection, strict numeric checks (no coercion of text), rounding, threshold comparison at a fixed precision and a whole-number range check.
import { describeValue } from './messages';

/** Sheets passes an empty cell as ''; tests and JSON may use null or undefined. */
export function isBlank(value: unknown): boolean {
  return value === '' || value === null || value === undefined;
}

/** A finite JavaScript number; text such as "3" is not a number here, on purpose. */
export function isNum(value: unknown): value is number {
  return typeof value === 'number' && isFinite(value);
}

/** Rounds to `places` decimals, removing binary noise such as 0.1 + 0.2. */
export function roundTo(value: number, places: number): number {
  const f = Math.pow(10, places);
  return Math.round(value * f) / f;
}

/**
 * Decimals at which every value is compared with a threshold (cut-off, reliable change, plateau width, band edge), here and in the
 * sheet formulas (ROUND(x, THRESHOLD_DECIMALS)), so binary noise such as 8.2 − 3.2 = 4.999… never lands on the wrong side.
 */
// 9, not the instrument's own decimals: noise on totals ≤ 1000 is < 1e-12, real gaps are ≥ 1/45 (prorated CORE-10 10.6 must stay below 11), so no true decision moves.
export const THRESHOLD_DECIMALS = 9;

/** A value at the threshold precision, rounded half away from zero as Sheets' ROUND does. */
export function atThreshold(value: number): number {
  const f = Math.pow(10, THRESHOLD_DECIMALS);
  return (value < 0 ? -Math.round(-value * f) : Math.round(value * f)) / f;
}

/** −1, 0 or 1 as `value` is below, at or above `threshold`, both rounded to THRESHOLD_DECIMALS first. */
export function compareAt(value: number, threshold: number): -1 | 0 | 1 {
  const a = atThreshold(value);
  const b = atThreshold(threshold);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A whole number in min–max, else "Expected <what> as a whole number <range>; got <value>". */
export function wholeIn(what: string, value: unknown, min: number, max = Infinity): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Infinity ? `${min} or more` : `${min}–${max}`;
    throw new Error(`Expected ${what} as a whole number ${range}; got ${describeValue(value)}`);
  }
  return value;
}
