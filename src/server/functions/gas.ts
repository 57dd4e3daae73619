// GAS custom functions: T-score over a range, one per row, change from baseline, Turner-Stokes weight.
import { gasChange, gasRho, gasTScore, gasTScoreOrBlank, turnerStokesWeight } from '../../core/gas';
import { elementwise, flatten, omitted, sameShape, single, toGrid, type Cell, type Out } from './cells';

/**
 * Kiresuk–Sherman GAS T-score over every goal in the range.
 * @param {number[][]} levels GAS levels −2…+2, one per goal (blanks are left out).
 * @param {number[][]} [weights] Optional weights, same shape as levels.
 * @param {number} [rho] Assumed inter-goal correlation, default 0.3.
 * @return {number} The T-score (50 = goals met as expected).
 * @customfunction
 */
export function GAS_TSCORE(levels: unknown, weights?: unknown, rho?: unknown): number {
  const l = toGrid(levels);
  let w: unknown[] | undefined;
  if (!omitted(weights)) {
    const wg = toGrid(weights);
    sameShape(l, wg, 'levels', 'weights');
    w = flatten(wg);
  }
  return gasTScore(flatten(l), w, { rho: single(rho, 'rho') });
}

/**
 * GAS T-score for each row of goals (one client or review per row).
 * @param {number[][]} levels GAS levels −2…+2, one row per client, one column per goal.
 * @param {number[][]} [weights] Optional weights, same shape as levels.
 * @param {number} [rho] Assumed inter-goal correlation, default 0.3.
 * @return {number[][]} One T-score per row; blank for a row with no levels.
 * @customfunction
 */
export function GAS_TSCORE_BYROW(levels: unknown, weights?: unknown, rho?: unknown): Cell[][] {
  const l = toGrid(levels);
  const r = gasRho(single(rho, 'rho'));
  let w: unknown[][] | undefined;
  if (!omitted(weights)) {
    w = toGrid(weights);
    sameShape(l, w, 'levels', 'weights');
  }
  const out: Cell[][] = new Array(l.length);
  for (let i = 0; i < l.length; i++) {
    const t = gasTScoreOrBlank(l[i], w ? w[i] : undefined, r, false, i + 1);
    out[i] = [t === null ? '' : t];
  }
  return out;
}

/**
 * GAS change score: T-score now minus T-score at baseline, with the same weights.
 * @param {number[][]} baseline_levels Baseline levels: −1 (some ability) or −2 (none), one per goal.
 * @param {number[][]} levels Current GAS levels −2…+2, same shape.
 * @param {number[][]} [weights] Optional weights, same shape as levels.
 * @param {number} [rho] Assumed inter-goal correlation, default 0.3.
 * @return {number} T(levels) − T(baseline_levels).
 * @customfunction
 */
export function GAS_CHANGE(baseline_levels: unknown, levels: unknown, weights?: unknown, rho?: unknown): number {
  const b = toGrid(baseline_levels);
  const l = toGrid(levels);
  sameShape(b, l, 'baseline_levels', 'levels');
  let w: unknown[] | undefined;
  if (!omitted(weights)) {
    const wg = toGrid(weights);
    sameShape(l, wg, 'levels', 'weights');
    w = flatten(wg);
  }
  return gasChange(flatten(b), flatten(l), w, { rho: single(rho, 'rho') });
}

/**
 * Turner-Stokes goal weight: importance × difficulty (each rated 0–3).
 * @param {number[][]} importance Importance 0–3 (0 not important … 3 extremely).
 * @param {number[][]} difficulty Difficulty 0–3 (0 not difficult … 3 extreme).
 * @return {number[][]} The weight 0–9, cell by cell; blank where either rating is blank.
 * @customfunction
 */
export function GAS_WEIGHT(importance: unknown, difficulty: unknown): Out {
  return elementwise([importance, difficulty], ['importance', 'difficulty'], (i, d) => turnerStokesWeight(i, d));
}
