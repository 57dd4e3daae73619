// Reliable change by the clinic's chosen method (Jacobson–Truax RCI or the programme's points): the threshold, better/worse between two totals, and the JT category; the formulas themselves are in change.ts.
import { instrumentChangeCategory, jtCategory, minimumReliableChange, rci, RCI_CRITICAL, reliableChangeByPoints, type JtCategory } from './change';
import type { InstrumentDefinition } from './instruments/schema';
import { isClinical, type ScoreOptions } from './instruments/score';
import { compareAt } from './numbers';

/**
 * 'jt': Jacobson–Truax RCI when the definition has SD and reliability, else its points (as change.ts instrumentChangeCategory);
 * 'points': the programme's points threshold (e.g. PHQ-9 6, GAD-7 4 [S40a]). Never both in one view (§7.2).
 */
export type ReliableChangeMethod = 'jt' | 'points';

export interface ReliableChangeSettings {
  reliableChangeMethod: ReliableChangeMethod;
  /** Per-instrument band scheme or cut-off choices, keyed by registry id. */
  scoreOptions: Readonly<Record<string, ScoreOptions>>;
}

export interface ReliableChangeResult {
  better: boolean;
  worse: boolean;
  /** Smallest raw change that counts as reliable. */
  threshold: number;
}

/** The smallest reliable raw change on an instrument's total by the method, or null when the definition has none. */
export function reliableThreshold(def: InstrumentDefinition, method: ReliableChangeMethod): number | null {
  const rc = def.reliableChange;
  if (!rc || def.noTotal) return null;
  const jt = rc.sd !== undefined && rc.reliability !== undefined;
  // [S39a] 1.96 · S_diff
  if (method === 'jt' && jt) return minimumReliableChange(rc.sd as number, rc.reliability as number);
  return rc.points ?? (jt ? minimumReliableChange(rc.sd as number, rc.reliability as number) : null);
}

/** Reliable better/worse between two totals, direction-aware; null when the instrument has no reliable-change data. */
export function reliableChange(def: InstrumentDefinition, before: number, after: number, method: ReliableChangeMethod): ReliableChangeResult | null {
  const threshold = reliableThreshold(def, method);
  if (threshold === null) return null;
  const rc = def.reliableChange!;
  if (method === 'jt' && rc.sd !== undefined && rc.reliability !== undefined) {
    // [S39a] reliable if |RCI| ≥ 1.96, the sign flipped when higher is worse
    const r = (def.direction === 'higher-is-worse' ? -1 : 1) * rci(before, after, rc.sd, rc.reliability);
    return { better: compareAt(r, RCI_CRITICAL) >= 0, worse: compareAt(-r, RCI_CRITICAL) >= 0, threshold };
  }
  const label = reliableChangeByPoints(before, after, threshold, def.direction);
  return { better: label === 'Reliable improvement', worse: label === 'Reliable deterioration', threshold };
}

/** Jacobson–Truax category first → latest by the method ([S39a] table); null when the instrument lacks a cut-off or reliable-change data. */
export function changeCategory(def: InstrumentDefinition, before: number, after: number, settings: ReliableChangeSettings): JtCategory | null {
  if (!def.cutoff || def.noTotal || reliableThreshold(def, settings.reliableChangeMethod) === null) return null;
  const options = settings.scoreOptions[def.id] ?? {};
  if (settings.reliableChangeMethod === 'jt') return instrumentChangeCategory(def, before, after, options);
  const rc = reliableChange(def, before, after, 'points')!;
  return jtCategory(rc.better, rc.worse, isClinical(def, after, options));
}
