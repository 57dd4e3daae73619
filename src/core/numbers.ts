// Number helpers shared by the scorers and settings: blank detection, strict numeric checks (no coercion of text), rounding and a whole-number range check.
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

/** A whole number in min–max, else "Expected <what> as a whole number <range>; got <value>". */
export function wholeIn(what: string, value: unknown, min: number, max = Infinity): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Infinity ? `${min} or more` : `${min}–${max}`;
    throw new Error(`Expected ${what} as a whole number ${range}; got ${describeValue(value)}`);
  }
  return value;
}
