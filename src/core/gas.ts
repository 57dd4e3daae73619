// Goal Attainment Scaling: Kiresuk–Sherman T-score, Turner-Stokes weights, baseline and change scores.
import { fail, show } from './errors';
import { isBlank } from './numbers';

/** 'five-point' accepts −2…+2 only; 'six-point-partial' also accepts −0.5, counted as −1 ([S4] Turner-Stokes & Williams 2010). */
export type GasScale = 'five-point' | 'six-point-partial';

export interface GasOptions {
  /** Assumed inter-goal correlation ρ in [0, 1); blank means the default 0.3. */
  rho?: unknown;
  /** Level scale; default 'five-point'. */
  scale?: GasScale;
}

// [S1] Turner-Stokes 2009 erratum; [S6] gasr default rho = 0.3
export const DEFAULT_RHO = 0.3;

const LEVELS = 'one of -2, -1, 0, 1, 2';
// A module-level alias: hot loops then avoid a global lookup per row.
const sqrt = Math.sqrt;

function where(goal: number, row?: number): string {
  return row === undefined ? ` (goal ${goal})` : ` (row ${row}, goal ${goal})`;
}

/** ρ from a cell: blank gives 0.3; anything but a number in [0, 1) is an error. */
export function gasRho(rho: unknown): number {
  if (isBlank(rho)) return DEFAULT_RHO;
  // [S1] ρ is a correlation; 1 would make every goal count as one, so it is excluded (policy).
  if (typeof rho !== 'number' || !(rho >= 0 && rho < 1)) fail('rho', 'a number from 0 up to (not including) 1', rho);
  return rho;
}

/** One level: null for a blank, else −2…+2 (and −0.5 → −1 on the partial scale). */
export function gasLevel(value: unknown, partial: boolean, goal: number, row?: number): number | null {
  if (value === '' || value === null || value === undefined) return null;
  if (value === 0 || value === 1 || value === 2 || value === -1 || value === -2) return value;
  // [S4] six-point version 2: record −0.5 for partial achievement but report it as −1.
  if (value === -0.5 && partial) return -1;
  const hint = value === -0.5 ? ' (−0.5 "partial" needs the six-point-partial scale option)' : '';
  throw new Error(`GAS level must be ${LEVELS}; got ${show(value)}${where(goal, row)}${hint}`);
}

/** One weight: null for a blank, else a finite number ≥ 0. */
export function gasWeight(value: unknown, goal: number, row?: number): number | null {
  if (value === '' || value === null || value === undefined) return null;
  // [S6] policy: negative weights are rejected.
  if (typeof value !== 'number' || !(value >= 0 && value - value === 0)) fail('GAS weight', 'a number ≥ 0', value, where(goal, row));
  return value;
}

/**
 * T-score of one set of goals, or null when every level is blank.
 * A goal whose level or weight is blank is left out; a zero weight leaves the goal out unless all weights are zero ([S6] gasr: then unweighted).
 */
export function gasTScoreOrBlank(levels: ArrayLike<unknown>, weights: ArrayLike<unknown> | undefined, rho: number, partial: boolean, row?: number): number | null {
  const n = levels.length;
  if (weights && weights.length !== n) throw new Error(`GAS weights must match the levels one for one; got ${weights.length} weights for ${n} levels${row === undefined ? '' : ` (row ${row})`}`);
  let anyLevel = false;
  let count = 0;
  let sx = 0;
  let sw = 0;
  let sw2 = 0;
  let swx = 0;
  for (let i = 0; i < n; i++) {
    const x = gasLevel(levels[i], partial, i + 1, row);
    const w = weights ? gasWeight(weights[i], i + 1, row) : 1;
    if (x !== null) anyLevel = true;
    if (x === null || w === null) continue;
    count++;
    sx += x;
    sw += w;
    sw2 += w * w;
    swx += w * x;
  }
  if (!anyLevel) return null;
  if (count === 0) throw new Error(`GAS T-score needs at least one goal with both a level and a weight; every goal with a level has a blank weight${row === undefined ? '' : ` (row ${row})`}`);
  // [S6] gasr: all-zero weights are reset to 1 (unweighted).
  if (sw === 0) {
    sw = count;
    sw2 = count;
    swx = sx;
  }
  // [S1] Kiresuk–Sherman T = 50 + 10·Σwx / sqrt((1−ρ)Σw² + ρ(Σw)²), corrected formula from the 2009 erratum.
  return 50 + (10 * swx) / sqrt((1 - rho) * sw2 + rho * sw * sw);
}

function resolve(options?: GasOptions): { rho: number; partial: boolean } {
  const scale = options?.scale ?? 'five-point';
  if (scale !== 'five-point' && scale !== 'six-point-partial') fail('GAS scale', '"five-point" or "six-point-partial"', scale);
  return { rho: gasRho(options?.rho), partial: scale === 'six-point-partial' };
}

/** Kiresuk–Sherman T over every goal; no goals left is an error, never 50 (policy, §1.4). */
export function gasTScore(levels: ArrayLike<unknown>, weights?: ArrayLike<unknown>, options?: GasOptions): number {
  const { rho, partial } = resolve(options);
  const t = gasTScoreOrBlank(levels, weights, rho, partial);
  if (t === null) throw new Error('GAS T-score needs at least one goal; every level is blank');
  return t;
}

/** Baseline level: −1 = some ability, −2 = none at all ([S2] KCL goal setting). */
export function gasBaselineLevel(value: unknown, goal: number): number | null {
  if (isBlank(value)) return null;
  if (value === -1 || value === -2) return value;
  return fail('GAS baseline level', '-1 (some ability) or -2 (none at all)', value, ` (goal ${goal})`);
}

/**
 * Change score = T(now) − T(baseline) with the same weights ([S3] KCL calculator).
 * Only goals with a baseline, a current level and a weight count, so both T-scores cover the same goals (policy).
 */
export function gasChange(baseline: ArrayLike<unknown>, levels: ArrayLike<unknown>, weights?: ArrayLike<unknown>, options?: GasOptions): number {
  const { rho, partial } = resolve(options);
  const n = levels.length;
  if (baseline.length !== n) throw new Error(`GAS baseline levels must match the current levels one for one; got ${baseline.length} baseline levels for ${n} levels`);
  if (weights && weights.length !== n) throw new Error(`GAS weights must match the levels one for one; got ${weights.length} weights for ${n} levels`);
  const b: number[] = [];
  const x: number[] = [];
  const w: number[] = [];
  for (let i = 0; i < n; i++) {
    const bi = gasBaselineLevel(baseline[i], i + 1);
    const xi = gasLevel(levels[i], partial, i + 1);
    const wi = weights ? gasWeight(weights[i], i + 1) : 1;
    if (bi === null || xi === null || wi === null) continue;
    b.push(bi);
    x.push(xi);
    w.push(wi);
  }
  if (b.length === 0) throw new Error('GAS change needs at least one goal with a baseline level, a current level and a weight; none has all three');
  return (gasTScoreOrBlank(x, w, rho, false) as number) - (gasTScoreOrBlank(b, w, rho, false) as number);
}

/** Turner-Stokes weight = importance × difficulty, each rated 0–3 ([S7] PhysioClinical; [S2] 0–3 scales). */
export function turnerStokesWeight(importance: unknown, difficulty: unknown, where = ''): number {
  for (const [name, v] of [['importance', importance], ['difficulty', difficulty]] as const) {
    if (v !== 0 && v !== 1 && v !== 2 && v !== 3) fail(`GAS ${name}`, 'one of 0, 1, 2, 3', v, where);
  }
  return (importance as number) * (difficulty as number);
}
