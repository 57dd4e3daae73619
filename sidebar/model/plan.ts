// Plan drafts: the editable shape of a client's goals (long-term goals → 1–5 objectives, every field as typed text), a reference to one goal, and conversion to and from the contract.
import type { GoalView, SavePlanInput } from '../../src/contract';
import { outline } from './outline';

export type Anchors = [string, string, string, string, string];

/** One goal or objective as the forms hold it: text exactly as typed, so nothing is lost on an error. */
export interface GoalDraft {
  /** Local key for rendering; stable across edits. */
  key: string;
  /** '' for a goal not yet saved. */
  id: string;
  horizon: 'long' | 'short';
  title: string;
  type: GoalView['type'];
  domain: GoalView['domain'];
  category: string;
  modality: string;
  values: string;
  behaviour: string;
  measure: string;
  target: string;
  frequency: string;
  deadline: string;
  anchors: Anchors;
  /** '' | '-1' | '-2' */
  baseline: string;
  /** '' | '0'…'3' */
  importance: string;
  difficulty: string;
  status: GoalView['status'];
  statusReason: string;
}

export interface LongGoalDraft extends GoalDraft {
  horizon: 'long';
  objectives: GoalDraft[];
}

export type GoalInput = SavePlanInput['goals'][number];

/** Which goal an edit addresses: a long-term goal, or one of its objectives. */
export interface GoalRef {
  goal: number;
  objective: number | null;
}

/** A GoalRef as a string key ("0" for goal 1, "0.1" for its second objective), for selects and lifted state. */
export const refKey = (r: GoalRef): string => (r.objective === null ? `${r.goal}` : `${r.goal}.${r.objective}`);

export const MAX_OBJECTIVES = 5;
export const MAX_GOALS = 6;

// The count lives on globalThis (window): the shell and the screens part each bundle this module, and keys must stay unique across both.
const keys = globalThis as unknown as { __attainKeyCount?: number };
export function newKey(): string {
  keys.__attainKeyCount = (keys.__attainKeyCount ?? 0) + 1;
  return `k${keys.__attainKeyCount}`;
}

export function blankGoal(horizon: 'long' | 'short', defaults: Partial<GoalDraft> = {}): GoalDraft {
  return {
    key: newKey(),
    id: '',
    horizon,
    title: '',
    type: 'outcome',
    domain: 'behavioral',
    category: '',
    modality: '',
    values: '',
    behaviour: '',
    measure: '',
    target: '',
    frequency: '',
    deadline: '',
    anchors: ['', '', '', '', ''],
    baseline: '',
    importance: '',
    difficulty: '',
    status: 'active',
    statusReason: '',
    ...defaults,
  };
}

export function blankLongGoal(defaults: Partial<GoalDraft> = {}): LongGoalDraft {
  const goal = blankGoal('long', defaults);
  return { ...goal, horizon: 'long', objectives: [blankGoal('short', { category: goal.category, modality: goal.modality, type: 'process' })] };
}

const numText = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

function fromView(g: GoalView, horizon: 'long' | 'short'): GoalDraft {
  const a = Array.isArray(g.anchors) ? g.anchors : [];
  return {
    key: newKey(),
    id: g.id,
    horizon,
    title: g.title ?? '',
    type: g.type === 'process' ? 'process' : 'outcome',
    domain: g.domain === 'cognitive' || g.domain === 'emotional' ? g.domain : 'behavioral',
    category: g.category ?? '',
    modality: g.modality ?? '',
    values: g.values ?? '',
    behaviour: g.behaviour ?? '',
    measure: g.measure ?? '',
    target: g.target ?? '',
    frequency: g.frequency ?? '',
    deadline: g.deadline ?? '',
    anchors: [a[0] ?? '', a[1] ?? '', a[2] ?? '', a[3] ?? '', a[4] ?? ''],
    baseline: numText(g.baseline),
    importance: numText(g.importance),
    difficulty: numText(g.difficulty),
    status: g.status ?? 'active',
    statusReason: g.statusReason ?? '',
  };
}

/**
 * Builds the draft tree from the flat Goals rows: rows with parentId '' are long-term goals, the rest their objectives.
 * An objective whose parent is missing becomes a long-term goal of its own, so nothing the server holds is hidden.
 */
export function draftFromGoals(goals: readonly GoalView[]): LongGoalDraft[] {
  // The one grouping rule (outline.ts): each objective follows its goal, an orphan becomes a goal of its own.
  const longs: LongGoalDraft[] = [];
  for (const e of outline(goals)) {
    if (e.isObjective) longs[longs.length - 1].objectives.push(fromView(e.goal, 'short'));
    else longs.push({ ...fromView(e.goal, 'long'), horizon: 'long', objectives: [] });
  }
  return longs;
}

/** A typed number, or null when blank or not a number. */
export const intOrNull = (s: string): number | null => {
  const t = s.trim();
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
};

/** The id sent for a draft: its saved id, or a temporary "new-…" id the server replaces (objectives may point at it). */
export const sentId = (d: GoalDraft): string => d.id || `new-${d.key}`;

function toInput(d: GoalDraft, parentId: string): GoalInput {
  const baseline = intOrNull(d.baseline);
  return {
    id: sentId(d),
    parentId,
    title: d.title,
    horizon: d.horizon,
    type: d.type,
    domain: d.domain,
    category: d.category,
    modality: d.modality as GoalInput['modality'], // any text typed; the server checks it against MODALITIES
    values: d.values,
    behaviour: d.behaviour,
    measure: d.measure,
    target: d.target,
    frequency: d.frequency,
    deadline: d.deadline,
    anchors: [...d.anchors] as Anchors,
    baseline: baseline === -1 || baseline === -2 ? baseline : null,
    importance: intOrNull(d.importance),
    difficulty: intOrNull(d.difficulty),
    status: d.status,
    statusReason: d.statusReason,
  };
}

/** Where each flat row of a SavePlanInput came from, so flat error paths ("goals.3.title") map back to the tree. */
export interface FlatIndex {
  goal: number;
  objective: number | null;
}

/** Flattens the tree in order: each long-term goal, then its objectives, whose parentId is the goal's saved or temporary id. */
export function toPlanInput(clientCode: string, goals: readonly LongGoalDraft[], templateId: string): { input: SavePlanInput; index: FlatIndex[] } {
  const out: GoalInput[] = [];
  const index: FlatIndex[] = [];
  goals.forEach((g, gi) => {
    out.push(toInput(g, ''));
    index.push({ goal: gi, objective: null });
    g.objectives.forEach((o, oi) => {
      out.push(toInput(o, sentId(g)));
      index.push({ goal: gi, objective: oi });
    });
  });
  const input: SavePlanInput = { clientCode, goals: out };
  if (templateId !== '') input.templateId = templateId;
  return { input, index };
}

/**
 * Server error paths → the editor's tree paths. Nested paths ("goals.0.objectives.2.deadline") pass through;
 * flat ones ("goals.3.deadline", an index into the flattened list) are mapped through `index`.
 */
export function treeErrors(errors: Record<string, string>, index: readonly FlatIndex[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    const m = /^goals\.(\d+)(\..*)?$/.exec(path);
    if (!m || (m[2] ?? '').startsWith('.objectives.')) {
      out[path] = message;
      continue;
    }
    const at = index[Number(m[1])];
    if (!at) {
      out[path] = message;
      continue;
    }
    const rest = m[2] ?? '';
    out[at.objective === null ? `goals.${at.goal}${rest}` : `goals.${at.goal}.objectives.${at.objective}${rest}`] = message;
  }
  return out;
}

/** "20 minutes" → { value: 20, unit: 'minutes' } for the SMART check; text without a number is passed as typed. */
export function parseTarget(target: string): unknown {
  const t = target.trim();
  if (t === '') return undefined;
  const m = /^(?:at (?:least|most)\s+)?(-?\d+(?:\.\d+)?)\s*(.*)$/i.exec(t);
  if (!m) return t;
  return { value: Number(m[1]), unit: m[2].trim() };
}

/** A goal's label in lists: "Goal 2" or "Goal 2.1", with its title when it has one. */
export function goalLabel(goalIndex: number, objectiveIndex: number | null, title: string): string {
  const n = objectiveIndex === null ? `Goal ${goalIndex + 1}` : `Objective ${goalIndex + 1}.${objectiveIndex + 1}`;
  return title.trim() === '' ? `${n} (untitled)` : `${n}: ${title}`;
}
