// Native Sheets formulas for computed columns, generated from core's rules and data (only functions both Sheets and HyperFormula compute).
import { atThreshold, THRESHOLD_DECIMALS } from '../core/numbers';
import { DBT_TIERS } from '../core/vocabularies';
import type { Band } from '../core/instruments/schema';
import { columnLetters, columnNumber } from './a1';
import type { RowRefs } from './columns';

/** A text literal inside a formula: "…" with inner quotes doubled. */
export function str(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** A sheet name quoted for a formula reference: '…' with inner quotes doubled (always quoted, whatever the name). */
export function sheetRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

// Column letters live in the one A1 module; re-exported for the formula builders that import them from here.
export { columnLetters, columnNumber } from './a1';

/** The cells of one row as formula arguments, adjacent columns joined into ranges: D7:L7 or D7,F7:G7. */
export function rowArgs(letters: readonly string[], row: number): string {
  const cols = letters.map(columnNumber).sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < cols.length; ) {
    let j = i;
    while (j + 1 < cols.length && cols[j + 1] === cols[j] + 1) j++;
    parts.push(j === i ? `${columnLetters(cols[i])}${row}` : `${columnLetters(cols[i])}${row}:${columnLetters(cols[j])}${row}`);
    i = j + 1;
  }
  return parts.join(',');
}

export type Comparison = '<' | '<=' | '>' | '>=';

/**
 * `value op threshold` at core's threshold precision (numbers.ts compareAt): the value wrapped in ROUND(…, THRESHOLD_DECIMALS) and the
 * threshold rounded here, so the sheet never relies on the engine's own float rounding (Sheets rounds, the emulator does not).
 */
export function atThresholdTest(value: string, op: Comparison, threshold: number): string {
  return `ROUND(${value},${THRESHOLD_DECIMALS})${op}${atThreshold(threshold)}`;
}

/** Band label by nested IFs from band data (each band starts at its min; the first covers everything below), edges as core's bandLabel compares. */
export function bandIfs(score: string, bands: readonly Band[]): string {
  let expr = str(bands[0].label);
  for (let i = 1; i < bands.length; i++) expr = `IF(${atThresholdTest(score, '>=', bands[i].min)},${str(bands[i].label)},${expr})`;
  return expr;
}

// ---- Goals ----------------------------------------------------------------------

/** GAS weight = importance × difficulty (Turner-Stokes), blank until both are rated. */
export function weightFormula(r: RowRefs): string {
  const i = r.cell('importance');
  const d = r.cell('difficulty');
  return `=IF(AND(ISNUMBER(${i}),ISNUMBER(${d})),${i}*${d},"")`;
}

// ---- Priorities -----------------------------------------------------------------

/** DBT tier position from core's tier list: 0 life-threatening … 3 skills, 4 for none (core's dbtTierRank). */
export function tierOrderFormula(r: RowRefs): string {
  const t = r.cell('tier');
  let expr = String(DBT_TIERS.length);
  for (let i = DBT_TIERS.length - 1; i >= 0; i--) expr = `IF(${t}=${str(DBT_TIERS[i])},${i},${expr})`;
  return `=${expr}`;
}

/** Urgency × importance × readiness (core's priorityScore), blank until all three are rated. */
export function priorityScoreFormula(r: RowRefs): string {
  const u = r.cell('urgency');
  const i = r.cell('importance');
  const d = r.cell('readiness');
  return `=IF(COUNT(${u},${i},${d})=3,${u}*${i}*${d},"")`;
}

/**
 * Rank within the client (core's rankPriorities): rows of the same client with a lower tier order, then the same tier and a higher score,
 * then the same tier and score in an earlier row, each count one place.
 */
export function priorityRankFormula(r: RowRefs): string {
  const [cl, t, s] = [r.col('client'), r.col('tierOrder'), r.col('score')];
  const row = r.row;
  const me = (c: string) => `$${c}${row}`;
  const all = (c: string) => `$${c}:$${c}`;
  const above = (c: string) => `$${c}$1:$${c}${row - 1}`;
  const better = `COUNTIFS(${all(cl)},${me(cl)},${all(t)},"<"&${me(t)},${all(s)},">=1")`;
  const higher = `COUNTIFS(${all(cl)},${me(cl)},${all(t)},${me(t)},${all(s)},">"&${me(s)})`;
  const earlier = `COUNTIFS(${above(cl)},${me(cl)},${above(t)},${me(t)},${above(s)},${me(s)})`;
  return `=IF(${me(s)}="","",1+${better}+${higher}+${earlier})`;
}
