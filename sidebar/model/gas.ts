// GAS builder helpers: level text (−2 … +2), importance and difficulty labels, a draft goal's weight, what its scale still needs, and the live T-score preview.
import { gasTScoreOrBlank } from '../../src/core/gas';
import { GAS_LEVEL_LABELS, GAS_LEVELS, gasWeight, type GasLevel } from '../../src/core/gas-scale';
import { goalLabel, intOrNull, type GoalDraft, type GoalRef, type LongGoalDraft } from './plan';

// [S2] importance (client) and difficulty (therapist), each 0–3.
export const IMPORTANCE_LABELS = ['Not important', 'Important', 'Very important', 'Extremely important'];
export const DIFFICULTY_LABELS = ['Not difficult', 'Minor difficulty', 'Moderate difficulty', 'Extreme difficulty'];

/** A GAS level as shown: "+2", "0", "−1" (a true minus sign). */
export const levelText = (level: number) => `${level > 0 ? '+' : level < 0 ? '−' : ''}${Math.abs(level)}`;

/** A GAS level with its standard wording: "+1 more than expected". */
export const levelLabel = (level: number) => `${levelText(level)} ${GAS_LEVEL_LABELS[level as GasLevel]}`;

/** A T-score to one decimal, or "—" when there is none. */
export const formatT = (t: number | null) => (t === null ? '—' : t.toFixed(1));

/** Every goal and objective in the draft, each goal followed by its objectives, with its tree reference, label ("Goal 1: title") and short label ("Goal 1", what a closed drop-down can show whole). */
export function goalEntries(goals: readonly LongGoalDraft[]): { ref: GoalRef; goal: GoalDraft; label: string; short: string }[] {
  const out: { ref: GoalRef; goal: GoalDraft; label: string; short: string }[] = [];
  goals.forEach((g, gi) => {
    out.push({ ref: { goal: gi, objective: null }, goal: g, label: goalLabel(gi, null, g.title), short: `Goal ${gi + 1}` });
    g.objectives.forEach((o, oi) => out.push({ ref: { goal: gi, objective: oi }, goal: o, label: goalLabel(gi, oi, o.title), short: `Objective ${gi + 1}.${oi + 1}` }));
  });
  return out;
}

/** Weight of a draft goal, or null while importance or difficulty is blank. */
export function draftWeight(g: GoalDraft): number | null {
  const i = intOrNull(g.importance);
  const d = intOrNull(g.difficulty);
  return i === null || d === null ? null : gasWeight({ importance: i, difficulty: d });
}

/** What a draft's GAS scale still lacks ("anchors (3 of 5)", "baseline" …); empty when complete. */
export function gasMissing(goal: GoalDraft): string[] {
  const missing: string[] = [];
  const anchors = goal.anchors.filter((a) => a.trim() !== '').length;
  if (anchors < GAS_LEVELS.length) missing.push(`anchors (${anchors} of 5)`);
  if (goal.baseline === '') missing.push('baseline');
  if (goal.importance === '') missing.push('importance');
  if (goal.difficulty === '') missing.push('difficulty');
  return missing;
}

const GAS_FIELD = /^goals\.(\d+)\.objectives\.(\d+)\.(anchors|baseline|importance|difficulty)(\.|$)/;

/** The objective ("goals.0.objectives.1") whose GAS field an error path names, or null for any other path. */
export function gasFieldObjective(path: string): string | null {
  const m = GAS_FIELD.exec(path);
  return m ? `goals.${m[1]}.objectives.${m[2]}` : null;
}

export interface TPreview {
  goals: number;
  baseline: number | null;
  thisGoal: number | null;
  everyGoal: number | null;
  problem: string | null;
}

/** Baseline T (every scaled goal at its baseline), T with the chosen goal at `level`, and T with every goal at `level`. */
export function tPreview(entries: readonly { goal: GoalDraft; key: string }[], chosenKey: string, level: number, rho: number): TPreview {
  const scaled = entries.filter((e) => e.goal.status === 'active' && (e.goal.baseline === '-1' || e.goal.baseline === '-2'));
  const weights = scaled.map((e) => draftWeight(e.goal));
  const base = scaled.map((e) => Number(e.goal.baseline));
  const out: TPreview = { goals: scaled.length, baseline: null, thisGoal: null, everyGoal: null, problem: null };
  if (scaled.length === 0) return out;
  try {
    out.baseline = gasTScoreOrBlank(base, weights, rho, false);
    out.thisGoal = gasTScoreOrBlank(
      scaled.map((e, i) => (e.key === chosenKey ? level : base[i])),
      weights,
      rho,
      false,
    );
    out.everyGoal = gasTScoreOrBlank(
      scaled.map(() => level),
      weights,
      rho,
      false,
    );
  } catch (e) {
    out.problem = e instanceof Error ? e.message : String(e);
  }
  return out;
}
