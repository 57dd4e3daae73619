// Priority matrix helpers: the typed rows (urgency, importance, readiness 1–5 and DBT tier per goal), core's ranking over the rated goals, and the savePriorities input.
import { rankPriorities } from '../../src/core/priority';
import type { ClientDetail, DbtTier, GoalView, SavePrioritiesInput } from '../../src/contract';

export interface PriorityRow {
  urgency: string;
  importance: string;
  readiness: string;
  tier: DbtTier;
}

export const EMPTY_ROW: PriorityRow = { urgency: '', importance: '', readiness: '', tier: '' };

export const TIER_LABELS: Record<string, string> = {
  'life-threatening': 'Life-threatening (safety)',
  'therapy-interfering': 'Therapy-interfering',
  'quality-of-life': 'Quality of life',
  skills: 'Skills',
};

/** The rows a client's saved priorities give, by goal id. */
export function rowsFromDetail(detail: ClientDetail | null): Record<string, PriorityRow> {
  const rows: Record<string, PriorityRow> = {};
  for (const p of detail?.priorities ?? []) rows[p.goalId] = { urgency: String(p.urgency), importance: String(p.importance), readiness: String(p.readiness), tier: p.tier ?? '' };
  return rows;
}

export interface Ranked {
  goal: GoalView;
  /** Position in the screen's goal list (1-based). */
  n: number;
  /** The goal's outline label ("Goal 2", "Objective 2.1") and number ("2", "2.1"): never confusable with its rank. */
  label: string;
  number: string;
  row: PriorityRow;
  score: number;
  rank: number;
}

/** Whether all three ratings are filled in. */
export const isRated = (r: PriorityRow) => r.urgency !== '' && r.importance !== '' && r.readiness !== '';

/** Core's ranking over the goals whose three ratings are filled in (names: each goal's outline label and number, sidebar/model/outline.ts); the rest are listed as unrated. */
export function rank(goals: readonly GoalView[], rows: Record<string, PriorityRow>, names: readonly { label: string; number: string }[] = []): { ranked: Ranked[]; unrated: { goal: GoalView; n: number; label: string }[] } {
  const rated: Omit<Ranked, 'rank'>[] = [];
  const unrated: { goal: GoalView; n: number; label: string }[] = [];
  goals.forEach((goal, i) => {
    const row = rows[goal.id] ?? EMPTY_ROW;
    const { label, number } = names[i] ?? { label: `Goal ${i + 1}`, number: String(i + 1) };
    if (isRated(row)) rated.push({ goal, n: i + 1, label, number, row, score: Number(row.urgency) * Number(row.importance) * Number(row.readiness) });
    else unrated.push({ goal, n: i + 1, label });
  });
  const ranks = rankPriorities(rated.map((r) => ({ urgency: Number(r.row.urgency), importance: Number(r.row.importance), readiness: Number(r.row.readiness), tier: r.row.tier })));
  const ranked = rated.map((r, i) => ({ ...r, rank: ranks[i] })).sort((a, b) => a.rank - b.rank);
  return { ranked, unrated };
}

/** A goal's title, or "Goal n" while it has none. */
export const goalTitle = (g: GoalView, n: number) => (g.title.trim() === '' ? `Goal ${n}` : g.title);

/** The savePriorities input (rated goals only) and the mapping of the server's "items.N…" errors back to the screen's goal positions. */
export function toPrioritiesInput(clientCode: string, goals: readonly GoalView[], rows: Record<string, PriorityRow>): { input: SavePrioritiesInput; remap(errors: Record<string, string>): Record<string, string> } {
  const at: number[] = [];
  const items: SavePrioritiesInput['items'] = [];
  goals.forEach((g, i) => {
    const r = rows[g.id];
    if (!r || !isRated(r)) return;
    items.push({ goalId: g.id, urgency: Number(r.urgency), importance: Number(r.importance), readiness: Number(r.readiness), tier: r.tier });
    at.push(i);
  });
  const remap = (errs: Record<string, string>) => {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(errs)) {
      const m = /^items\.(\d+)(\..*)?$/.exec(k);
      out[m && at[Number(m[1])] !== undefined ? `items.${at[Number(m[1])]}${m[2] ?? ''}` : k] = v;
    }
    return out;
  };
  return { input: { clientCode, items }, remap };
}
