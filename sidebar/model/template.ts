// Template → plan draft: turns getTemplate's answer (a template or plan with nested goals, or flat goal rows) into editor drafts.
import { addDaysIso, isIsoDate } from '../../src/core/iso-dates';
import type { GoalView } from '../../src/contract';
import { blankGoal, draftFromGoals, type Anchors, type GoalDraft, type LongGoalDraft } from './plan';

type Loose = Record<string, unknown>;

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const obj = (v: unknown): Loose => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Loose) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function targetText(t: unknown): string {
  if (typeof t === 'string' || typeof t === 'number') return String(t);
  const o = obj(t);
  if (o.value === undefined) return '';
  const prefix = o.direction === 'at-most' ? 'at most ' : '';
  return `${prefix}${str(o.value)} ${str(o.unit)}`.trim();
}

function anchorsOf(g: Loose): Anchors {
  const gas = obj(g.gas);
  const a = gas.anchors ?? g.anchors;
  if (Array.isArray(a)) return [str(a[0]), str(a[1]), str(a[2]), str(a[3]), str(a[4])];
  const o = obj(a);
  return [str(o['-2']), str(o['-1']), str(o['0']), str(o['1']), str(o['2'])];
}

function deadlineOf(g: Loose, start: string): string {
  if (isIsoDate(g.deadline)) return g.deadline;
  const weeks = g.deadlineWeeks;
  if (typeof weeks === 'number' && Number.isInteger(weeks) && isIsoDate(start)) return addDaysIso(start, weeks * 7);
  return '';
}

function fromNested(g: Loose, horizon: 'long' | 'short', start: string, inherit: Partial<GoalDraft>): GoalDraft {
  const gas = obj(g.gas);
  const num = (v: unknown) => (typeof v === 'number' ? String(v) : '');
  return blankGoal(horizon, {
    title: str(g.statement ?? g.title),
    type: g.type === 'process' ? 'process' : 'outcome',
    domain: g.domain === 'cognitive' || g.domain === 'emotional' ? g.domain : 'behavioral',
    category: str(g.category) || inherit.category || '',
    modality: str(g.modality) || inherit.modality || '',
    values: str(g.values),
    behaviour: str(g.behaviour),
    measure: str(g.measure),
    target: targetText(g.target),
    frequency: str(g.frequency),
    deadline: deadlineOf(g, start),
    anchors: anchorsOf(g),
    baseline: num(gas.baseline ?? g.baseline),
    importance: num(gas.importance ?? g.importance),
    difficulty: num(gas.difficulty ?? g.difficulty),
  });
}

/**
 * Drafts from a template answer. New goals never carry the template's ids: they are added as new rows when the plan is saved.
 * `start` (YYYY-MM-DD) turns "deadline in N weeks" into dates.
 */
export function draftFromTemplate(data: unknown, start: string): LongGoalDraft[] {
  const root = obj(data);
  const goals = Array.isArray(data) ? data : arr(root.goals ?? obj(root.plan).goals ?? obj(root.template).goals);
  if (goals.length === 0) return [];
  const first = obj(goals[0]);
  // Flat goal rows (GoalView-like): rebuild the tree, then clear ids so they save as new goals.
  if ('parentId' in first) {
    return draftFromGoals(goals as GoalView[]).map((g) => ({ ...g, id: '', objectives: g.objectives.map((o) => ({ ...o, id: '' })) }));
  }
  const modality = str(root.modality ?? obj(root.template).modality);
  return goals.map((raw) => {
    const g = obj(raw);
    const long = fromNested(g, 'long', start, { modality });
    const objectives = arr(g.objectives).map((o) => fromNested(obj(o), 'short', start, { category: long.category, modality: long.modality }));
    return { ...long, horizon: 'long', objectives };
  });
}

/** A template's title as a closed drop-down shows it whole at 300 px: the words before its colon ("Panic disorder"); the full title is shown below the control. */
export const shortTitle = (title: string): string => title.split(':')[0].trim();
