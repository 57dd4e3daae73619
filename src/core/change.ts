// Change over time: Jacobson–Truax RCI, cut-offs a/b/c and categories, points-threshold reliable change, an instrument tab's change from first and its reliable change (blank on a first administration), response and remission.
import { fail } from './errors';
import { compareAt } from './numbers';
import { checkScore, compile, isClinical, type ScoreOptions } from './instruments/score';
import type { InstrumentDefinition } from './instruments/schema';

export type Direction = 'higher-is-worse' | 'higher-is-better';

// [S39a] reliable if |RCI| ≥ 1.96 (p < .05)
export const RCI_CRITICAL = 1.96;

function checkJt(sd: unknown, reliability: unknown): void {
  if (typeof sd !== 'number' || !(sd > 0) || sd === Infinity) fail('SD', 'a number above 0', sd);
  if (typeof reliability !== 'number' || !(reliability >= 0 && reliability < 1)) fail('reliability', 'a number from 0 up to (not including) 1', reliability);
}

/** [S39a] SE = SD_pre · sqrt(1 − r) */
export function standardError(sd: number, reliability: number): number {
  checkJt(sd, reliability);
  return sd * Math.sqrt(1 - reliability);
}

/** [S39a] S_diff = sqrt(2 · SE²) */
export function sDiff(sd: number, reliability: number): number {
  const se = standardError(sd, reliability);
  return Math.sqrt(2 * se * se);
}

/** [S39a] RCI = (x_post − x_pre) / S_diff */
export function rci(before: number, after: number, sd: number, reliability: number): number {
  if (typeof before !== 'number' || !isFinite(before)) fail('before', 'a number', before);
  if (typeof after !== 'number' || !isFinite(after)) fail('after', 'a number', after);
  return (after - before) / sDiff(sd, reliability);
}

/** [S39a] minimum reliable raw change = 1.96 · S_diff */
export function minimumReliableChange(sd: number, reliability: number): number {
  return RCI_CRITICAL * sDiff(sd, reliability);
}

export interface Norm {
  mean: number;
  sd: number;
}

/** [S39a] a = M_clin ± 2·SD_clin, toward the healthy end. */
export function cutoffA(clinical: Norm, direction: Direction): number {
  return direction === 'higher-is-worse' ? clinical.mean - 2 * clinical.sd : clinical.mean + 2 * clinical.sd;
}

/** [S39a] b = M_func ∓ 2·SD_func, toward the clinical end (with the functional SD; [S39b] uses the clinical SD). */
export function cutoffB(functional: Norm, direction: Direction): number {
  return direction === 'higher-is-worse' ? functional.mean + 2 * functional.sd : functional.mean - 2 * functional.sd;
}

/** [S39a] c = (SD_clin·M_func + SD_func·M_clin) / (SD_clin + SD_func) */
export function cutoffC(clinical: Norm, functional: Norm): number {
  return (clinical.sd * functional.mean + functional.sd * clinical.mean) / (clinical.sd + functional.sd);
}

export type JtCategory = 'Recovered' | 'Improved' | 'Unchanged' | 'Deteriorated' | 'Non-reliably recovered';

/** [S39a] JT-RCI table: deteriorated on any reliable worsening; else recovered/improved or non-reliably recovered/unchanged by the post score's side. */
export function jtCategory(reliablyBetter: boolean, reliablyWorse: boolean, postClinical: boolean): JtCategory {
  if (reliablyWorse) return 'Deteriorated';
  if (reliablyBetter) return postClinical ? 'Improved' : 'Recovered';
  return postClinical ? 'Unchanged' : 'Non-reliably recovered';
}

export interface JtSpec {
  sd: number;
  reliability: number;
  cutoff: number;
  direction: Direction;
  /** [S39a] the table puts a post score equal to the cut-off on the functional side; default false. */
  atCutoffIsClinical?: boolean;
}

/** Jacobson–Truax category from raw scores, SD, reliability and a cut-off (e.g. c), direction-aware. */
export function jtClassify(before: number, after: number, spec: JtSpec): JtCategory {
  const r = rci(before, after, spec.sd, spec.reliability);
  const sign = spec.direction === 'higher-is-worse' ? -1 : 1;
  const side = compareAt(after, spec.cutoff);
  const clinical = side === 0 ? !!spec.atCutoffIsClinical : spec.direction === 'higher-is-worse' ? side > 0 : side < 0;
  return jtCategory(compareAt(sign * r, RCI_CRITICAL) >= 0, compareAt(-sign * r, RCI_CRITICAL) >= 0, clinical);
}

export type ReliableChange = 'Reliable improvement' | 'No reliable change' | 'Reliable deterioration';

/** A change of at least `points` in the better (or worse) direction is reliable. */
export function reliableChangeByPoints(before: number, after: number, points: number, direction: Direction): ReliableChange {
  const better = direction === 'higher-is-worse' ? before - after : after - before;
  // At the threshold precision: 8.2 − 3.2 is 4.999… in binary, yet a change of exactly 5 ([S23] ORS) is reliable.
  if (compareAt(better, points) >= 0) return 'Reliable improvement';
  if (compareAt(-better, points) >= 0) return 'Reliable deterioration';
  return 'No reliable change';
}

/** Reliable change on an instrument's total using its points threshold (e.g. PHQ-9 6, GAD-7 4, CORE-10 6, ORS 5, OQ-45 14). */
export function instrumentReliableChange(def: InstrumentDefinition, before: unknown, after: unknown): ReliableChange {
  const c = compile(def);
  const points = def.reliableChange?.points;
  if (points === undefined) throw new Error(`${def.name} has no reliable-change threshold in points; expected an instrument such as PHQ-9, GAD-7, CORE-10, ORS or OQ-45`);
  if (!c.total) throw new Error(`${def.name} reports no total, so it has no reliable change on the total`);
  return reliableChangeByPoints(checkScore(c, c.total, before, 'before'), checkScore(c, c.total, after, 'after'), points, def.direction);
}

/** One row of an instrument tab as its "Change from first" column reads it, in sheet order. */
export interface TabTotalRow {
  /** Client code as typed ('' when blank); rows match case-insensitively, as Sheets compares text. */
  client: string;
  /** The date as a day number (any increasing scale); null when the cell holds no date. */
  day: number | null;
  /** The total cell: a number, or null when blank or not a number. */
  total: number | null;
}

/** A row's change from the client's first administration in the tab. */
export interface FromFirst {
  /** Total minus the first administration's total, rounded to the instrument's decimals; null (blank) on a row that is not scored. */
  change: number | null;
  /** Dated on or before the first administration's date: a baseline, whose reliable change is blank. */
  firstAdministration: boolean;
}

/** Sheets' ROUND: half away from zero. */
function roundAway(value: number, places: number): number {
  const f = Math.pow(10, places);
  return (value < 0 ? -Math.round(-value * f) : Math.round(value * f)) / f;
}

/** A row that counts: a client, a date and a total of 0 or more. */
const isScored = (r: TabTotalRow): boolean => r.client !== '' && r.day !== null && r.total !== null && r.total >= 0;

/**
 * "Change from first" of every row, as the tab's formulas compute it: the client's first administration is their earliest-dated scored
 * row anywhere in the tab (a row typed later with an earlier date becomes the first for every row), the upper row when two share that
 * date; a scored row's change is its total minus that one's. Rows that are not scored (no client, date or total) are blank.
 */
export function changesFromFirst(rows: readonly TabTotalRow[], decimals: number): FromFirst[] {
  const first = new Map<string, TabTotalRow>();
  for (const r of rows) {
    if (!isScored(r)) continue;
    const key = r.client.toLowerCase();
    const f = first.get(key);
    if (!f || (r.day as number) < (f.day as number)) first.set(key, r);
  }
  return rows.map((r) => {
    if (!isScored(r)) return { change: null, firstAdministration: false };
    const f = first.get(r.client.toLowerCase()) as TabTotalRow;
    const diff = (r.total as number) - (f.total as number);
    return { change: decimals > 0 ? roundAway(diff, decimals) : diff, firstAdministration: (r.day as number) <= (f.day as number) };
  });
}

/** Reliable change of a row against the client's first administration by the points threshold; null (blank) on the first administration itself, without a change, or without a threshold. */
export function reliableChangeFromFirst(def: InstrumentDefinition, row: FromFirst): ReliableChange | null {
  const points = def.reliableChange?.points;
  if (points === undefined || row.change === null || row.firstAdministration) return null;
  return reliableChangeByPoints(0, row.change, points, def.direction);
}

/**
 * Jacobson–Truax category on an instrument's total: the RCI when the definition has SD and reliability, else its points threshold;
 * the post score's side comes from the instrument's clinical cut-off (not a norm-derived c, which the reference gives only as an illustration).
 */
export function instrumentChangeCategory(def: InstrumentDefinition, before: unknown, after: unknown, options: ScoreOptions = {}): JtCategory {
  const c = compile(def);
  const rc = def.reliableChange;
  if (!c.total) throw new Error(`${def.name} reports no total, so it has no change category on the total`);
  if (!def.cutoff) throw new Error(`${def.name} has no clinical cut-off, which a change category needs`);
  if (!rc) throw new Error(`${def.name} has no reliable-change data (SD and reliability, or points), which a change category needs`);
  const b = checkScore(c, c.total, before, 'before');
  const a = checkScore(c, c.total, after, 'after');
  const sign = def.direction === 'higher-is-worse' ? -1 : 1;
  let better: boolean;
  let worse: boolean;
  if (rc.sd !== undefined && rc.reliability !== undefined) {
    const r = sign * rci(b, a, rc.sd, rc.reliability);
    better = compareAt(r, RCI_CRITICAL) >= 0;
    worse = compareAt(-r, RCI_CRITICAL) >= 0;
  } else {
    const label = reliableChangeByPoints(b, a, rc.points as number, def.direction);
    better = label === 'Reliable improvement';
    worse = label === 'Reliable deterioration';
  }
  return jtCategory(better, worse, isClinical(def, a, options));
}

function checkTotal(v: unknown, name: string): number {
  if (typeof v !== 'number' || !(v >= 0) || v === Infinity) fail(name, 'a number ≥ 0', v);
  return v;
}

/** [S9] response = at least a 50% reduction from baseline (higher is worse). */
export function isResponse(before: number, after: number): boolean {
  const b = checkTotal(before, 'before');
  const a = checkTotal(after, 'after');
  return b > 0 && compareAt(b - a, 0.5 * b) >= 0;
}

/** [S9] PHQ-9 remission = a score below 5. */
export function isRemission(after: number, below = 5): boolean {
  return compareAt(checkTotal(after, 'after'), below) < 0;
}

/** [S10] McMillan 2010 PHQ-9 clinically significant change: post ≤ 9 and at least 50% improvement. */
export function isPhq9ClinicallySignificantChange(before: number, after: number): boolean {
  return isResponse(before, after) && compareAt(after, 9) <= 0;
}
