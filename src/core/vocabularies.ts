// Every closed list of words Attain stores (horizons, goal types, domains, modalities, goal and client statuses, DBT tiers, review decisions, task outcomes, target directions), each defined once here (instrument ids come from the instrument registry) and used by schemas, contract, sheet validation lists and the sidebar.

export const HORIZONS = ['short', 'long'] as const;
// [seed 001][seed 003] process goals are actions under the client's control; outcome goals are end results.
export const GOAL_TYPES = ['process', 'outcome'] as const;
export const DOMAINS = ['behavioral', 'cognitive', 'emotional'] as const;
export const MODALITIES = ['CBT', 'DBT', 'ACT', 'BA', 'ERP', 'CPT', 'PE', 'IPT', 'CBT-I', 'CFT', 'EMDR', 'MI', 'SFBT', 'other'] as const;
export const GOAL_STATUSES = ['active', 'achieved', 'modified', 'retired'] as const;
export const CLIENT_STATUSES = ['active', 'paused', 'discharged'] as const;
// [S41a] [S41b] DBT stage 1: life-threatening > therapy-interfering > quality-of-life; [S41c] skills as a fourth tier is a simplification (§8).
export const DBT_TIERS = ['life-threatening', 'therapy-interfering', 'quality-of-life', 'skills'] as const;
// [seed 003] the goal revision session decides whether to continue, modify or retire each goal; achieved closes it as a milestone.
export const REVIEW_DECISIONS = ['continue', 'modify', 'retire', 'achieved'] as const;
// Tasks between sessions (homework): how it went, asked at the next session. "not reviewed" closes a task without counting it (Attain's own rule).
export const TASK_OUTCOMES = ['done', 'partly', 'not done', 'not reviewed'] as const;
// Which side of a target value counts as success: "at least 5 walks" vs "at most 5 checks".
export const TARGET_DIRECTIONS = ['at-least', 'at-most'] as const;
/** Suggestions for the free-text category (the sidebar offers them; any short text is allowed). */
export const SUGGESTED_CATEGORIES = ['mood', 'anxiety', 'sleep', 'relationships', 'work', 'safety', 'self-care', 'self-esteem', 'trauma', 'substance use', 'skills'] as const;

export type Horizon = (typeof HORIZONS)[number];
export type GoalType = (typeof GOAL_TYPES)[number];
export type Domain = (typeof DOMAINS)[number];
export type Modality = (typeof MODALITIES)[number];
export type GoalStatus = (typeof GOAL_STATUSES)[number];
export type ClientStatus = (typeof CLIENT_STATUSES)[number];
export type DbtTier = (typeof DBT_TIERS)[number];
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];
export type TaskOutcome = (typeof TASK_OUTCOMES)[number];
export type TargetDirection = (typeof TARGET_DIRECTIONS)[number];

/** The word in `allowed` that `value` spells (case-insensitive, trimmed), or `fallback`: how a hand-edited cell is read back. */
export function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  const s = String(value ?? '').trim().toLowerCase();
  return allowed.find((a) => a.toLowerCase() === s) ?? fallback;
}
