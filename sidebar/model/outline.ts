// The one numbering rule every screen shows goals by: long-term goals 1, 2 … in row order, each followed by its objectives 1.1, 1.2 …; an objective whose goal is missing is numbered as a goal of its own; a rank always reads "Rank n".
import type { GoalView } from '../../src/contract';

/** One goal or objective in display order, with its number ("2", "2.1") and the words screens show ("Goal 2", "Objective 2.1"). */
export interface OutlineEntry<T> {
  goal: T;
  /** "2" for a long-term goal, "2.1" for its first objective. */
  number: string;
  /** The long-term goal's number this entry sits under (its own for a goal). */
  goalNumber: number;
  isObjective: boolean;
  /** "Goal 2" or "Objective 2.1". */
  label: string;
}

type Node = Pick<GoalView, 'id' | 'parentId'>;

const isLong = (g: Node) => g.parentId === '' || g.parentId === undefined || g.parentId === null;

/**
 * Goals grouped and numbered: every long-term goal (row order) followed by its objectives (row order); objectives whose goal is
 * not in the list come last, each numbered as a goal of its own (so nothing the server holds is hidden). The Plan editor's order.
 */
export function outline<T extends Node>(goals: readonly T[]): OutlineEntry<T>[] {
  const longs = goals.filter(isLong);
  const ids = new Set(longs.map((g) => g.id));
  const out: OutlineEntry<T>[] = [];
  longs.forEach((g, gi) => {
    const n = gi + 1;
    out.push({ goal: g, number: String(n), goalNumber: n, isObjective: false, label: `Goal ${n}` });
    goals
      .filter((o) => !isLong(o) && o.parentId === g.id)
      .forEach((o, oi) => out.push({ goal: o, number: `${n}.${oi + 1}`, goalNumber: n, isObjective: true, label: `Objective ${n}.${oi + 1}` }));
  });
  let n = longs.length;
  for (const o of goals) {
    if (isLong(o) || ids.has(o.parentId)) continue;
    n += 1;
    out.push({ goal: o, number: String(n), goalNumber: n, isObjective: false, label: `Goal ${n}` });
  }
  return out;
}

/**
 * The entries of `all`'s outline that `keep` chooses, numbered as in the whole plan (a retired goal keeps its number's place,
 * so "Objective 1.2" is the same objective on every screen).
 */
export function outlineOf<T extends Node>(all: readonly T[], keep: (g: T) => boolean): OutlineEntry<T>[] {
  return outline(all).filter((e) => keep(e.goal));
}

/** "Objective 1.1: Walk after lunch", or the label alone while the title is blank. */
export function entryTitle(e: OutlineEntry<{ title: string }>): string {
  const t = e.goal.title.trim();
  return t === '' ? e.label : `${e.label}: ${t}`;
}

/** A position in a ranked list, never a bare number beside a goal number. */
export const rankLabel = (rank: number): string => `Rank ${rank}`;

/**
 * A screen's own list (e.g. startReview's goals) in outline order, each with its position in that list (field ids and the
 * server's "goals.N" errors keep it) and its entry numbered as in the whole plan `all`; items `all` lacks follow, outlined among themselves.
 */
export function arrange<T>(all: readonly Node[], items: readonly T[], node: (t: T) => Node): { i: number; entry: OutlineEntry<Node> }[] {
  const whole = outline(all);
  const at = new Map(whole.map((e, k) => [e.goal.id, k]));
  const own = new Map(outline(items.map(node)).map((e) => [e.goal.id, e]));
  return items
    .map((t, i) => {
      const id = node(t).id;
      const k = at.get(id);
      return { i, entry: k === undefined ? own.get(id)! : whole[k], key: k ?? whole.length + i };
    })
    .sort((a, b) => a.key - b.key)
    .map(({ i, entry }) => ({ i, entry }));
}
