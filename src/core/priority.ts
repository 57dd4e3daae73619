// Goal priorities: urgency × importance × readiness (1–125), with the DBT target tier as a lexicographic override.
import { fail, show } from './errors';
import { DBT_TIERS } from './vocabularies';

export interface PriorityInput {
  urgency: unknown;
  importance: unknown;
  readiness: unknown;
  /** DBT target tier; blank or absent means none (ranked after every tier). */
  tier?: unknown;
}

function rating(v: unknown, name: string, where: string): number {
  if (v !== 1 && v !== 2 && v !== 3 && v !== 4 && v !== 5) fail(name, 'a whole number from 1 to 5', v, where);
  return v as number;
}

/** Project convention (§8: no clinical source): urgency × importance × readiness, each 1–5, product 1–125. */
export function priorityScore(urgency: unknown, importance: unknown, readiness: unknown, where = ''): number {
  return rating(urgency, 'urgency', where) * rating(importance, 'importance', where) * rating(readiness, 'readiness', where);
}

/** Tier position 0–3, or 4 for none; accepts the tier names case-insensitively, ignoring spaces, - and _. */
export function dbtTierRank(tier: unknown, where = ''): number {
  if (tier === undefined || tier === null || tier === '' || (typeof tier === 'string' && tier.trim().toLowerCase() === 'none')) return DBT_TIERS.length;
  const key = typeof tier === 'string' ? tier.toLowerCase().replace(/[-_\s]/g, '') : '';
  const i = DBT_TIERS.findIndex((t) => t.replace(/-/g, '') === key);
  if (i < 0) throw new Error(`DBT tier must be one of ${DBT_TIERS.join(', ')} or none; got ${show(tier)}${where}`);
  return i;
}

/**
 * Ranks (1 = first) for goals: DBT tier first ([S41a] policy: a safety target is never out-ranked by arithmetic),
 * then the product, highest first; ties keep the original order.
 */
export function rankPriorities(goals: readonly PriorityInput[]): number[] {
  const keyed = goals.map((g, i) => {
    const where = ` (goal ${i + 1})`;
    return { i, tier: dbtTierRank(g.tier, where), score: priorityScore(g.urgency, g.importance, g.readiness, where) };
  });
  keyed.sort((a, b) => a.tier - b.tier || b.score - a.score || a.i - b.i);
  const ranks = new Array<number>(goals.length);
  keyed.forEach((k, pos) => (ranks[k.i] = pos + 1));
  return ranks;
}
