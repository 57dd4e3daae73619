// A plan as the sidebar edits it and the Goals tab stores it: flat goal rows (a long-term goal has parentId '', an objective its goal's id), their schema, and the plan rules for rows.
import * as z from 'zod/mini';
import { clientCodeSchema } from './client-code';
import { idSchema, isoDateOrBlank, optionalText, text, vocabulary, wholeNumberOrNull } from './field-schemas';
import { LIMITS } from './limits';
import { expected } from './messages';
import { requestIdField } from './request-id';
import { DOMAINS, GOAL_STATUSES, GOAL_TYPES, HORIZONS, MODALITIES } from './vocabularies';

/** One Goals row from the sidebar; a new goal has id '' or a temporary "new-…" id its objectives point at. */
export const planRowSchema = z.object(
  {
    id: z.string(expected('a goal id, or "" (or "new-…") for a new goal')),
    parentId: z.string(expected("a parent goal id, or '' for a long-term goal")),
    title: text('a goal statement'),
    horizon: vocabulary('a horizon', HORIZONS),
    type: vocabulary('a goal type', GOAL_TYPES),
    domain: vocabulary('a domain', DOMAINS),
    category: optionalText('a category', LIMITS.shortText),
    modality: z.union([z.literal(''), vocabulary('a modality', MODALITIES)], expected(`a modality (${MODALITIES.join(', ')}) or blank`)),
    values: optionalText('a values statement'),
    behaviour: optionalText('an observable behaviour'),
    measure: optionalText('a measure'),
    target: optionalText('a target', LIMITS.shortText),
    frequency: optionalText('a frequency', LIMITS.shortText),
    deadline: isoDateOrBlank('a deadline'),
    anchors: z.tuple([optionalText('the -2 anchor'), optionalText('the -1 anchor'), optionalText('the 0 anchor'), optionalText('the +1 anchor'), optionalText('the +2 anchor')], expected('five GAS anchors (levels -2, -1, 0, +1, +2)')),
    baseline: z.union([z.literal(-1), z.literal(-2), z.null()], expected('a baseline of -1 (some ability), -2 (none at all) or null')),
    importance: wholeNumberOrNull('importance', 0, 3),
    difficulty: wholeNumberOrNull('difficulty', 0, 3),
    status: vocabulary('a status', GOAL_STATUSES),
    statusReason: optionalText('a status reason'),
  },
  expected('a goal'),
);

export type PlanRow = z.infer<typeof planRowSchema>;

/** A Goals row as read back: the edited fields, plus the client, the weight formula's value and the status date. The modality is any text a hand edit left. */
export interface GoalRow extends Omit<PlanRow, 'modality'> {
  clientCode: string;
  modality: string;
  weight: number | null; // importance × difficulty
  statusDate: string; // YYYY-MM-DD or ''
}

/** savePlan's input: a whole plan for one client as flat rows. */
export const savePlanSchema = z.object(
  {
    clientCode: clientCodeSchema,
    templateId: z.optional(z.union([z.literal(''), idSchema])),
    /** 'gas': the GAS screen's save: only the scale fields (anchors, baseline, importance, difficulty) of goals already saved change. */
    only: z.optional(z.literal('gas', expected('"gas" (save only the GAS scale fields) or nothing'))),
    goals: z.array(planRowSchema, expected('a list of goals and objectives')).check(z.minLength(1, expected('at least one goal'))),
    requestId: requestIdField,
  },
  expected('a plan {clientCode, goals}'),
);

export type SavePlanInput = z.infer<typeof savePlanSchema>;

/** The fields the GAS screen owns; a save with only: 'gas' changes these and no other. */
export const GAS_FIELDS = ['anchors', 'baseline', 'importance', 'difficulty'] as const;

/** A goal is new when its id is '' or a temporary "new…" id the sidebar made up (objectives may point at it). */
export function isNewId(id: string): boolean {
  return id === '' || /^new\b/i.test(id);
}

const LEVEL_LABELS = ['-2', '-1', '0', '+1', '+2'];

/** The plan rules the row schema cannot express (per horizon and across rows), keyed goals.<i>.<field>: core's plan rules for flat rows. */
export function planRowProblems(goals: readonly PlanRow[]): Record<string, string> {
  const errors: Record<string, string> = {};
  const at = (i: number, field: string, message: string) => {
    const k = `goals.${i}.${field}`;
    if (!(k in errors)) errors[k] = message;
  };
  const seen = new Map<string, number>();
  goals.forEach((g, i) => {
    if (g.id === '') return;
    if (seen.has(g.id)) at(i, 'id', `Expected each goal id once; got "${g.id}" again (also goal ${seen.get(g.id)}). Remove one of the two rows`);
    else seen.set(g.id, i);
  });
  const longIds = new Set(goals.filter((g) => g.horizon === 'long' && g.id !== '').map((g) => g.id));
  const perGoal = new Map<string, number>();
  goals.forEach((g, i) => {
    const need = (field: keyof PlanRow & string, what: string) => {
      if (String(g[field] ?? '').trim() === '') at(i, field, `Expected ${what}; got a blank`);
    };
    if (g.horizon === 'long') {
      if (g.parentId !== '') at(i, 'parentId', `Expected no parent for a long-term goal; got "${g.parentId}"`);
      need('category', 'a category such as "mood"');
      need('modality', 'a modality');
      need('values', 'a values statement ("why this matters")');
      need('deadline', 'a deadline as YYYY-MM-DD');
    } else {
      if (!longIds.has(g.parentId)) at(i, 'parentId', `Expected the id of a long-term goal in this plan; got ${g.parentId === '' ? 'a blank' : `"${g.parentId}"`}`);
      perGoal.set(g.parentId, (perGoal.get(g.parentId) ?? 0) + 1);
      need('behaviour', 'an observable behaviour (what someone would see the client doing)');
      need('measure', 'a measure (how the behaviour is counted or rated)');
      need('target', 'a target such as "20 minutes"');
      need('frequency', 'a frequency such as "3 times a week"');
      need('deadline', 'a deadline as YYYY-MM-DD');
      const texts = new Map<string, string>();
      g.anchors.forEach((a, j) => {
        const t = a.trim().toLowerCase();
        if (t === '') at(i, `anchors.${j}`, `Expected the ${LEVEL_LABELS[j]} anchor as text; got a blank`);
        else if (texts.has(t)) at(i, `anchors.${j}`, `Expected the ${LEVEL_LABELS[j]} anchor to differ from the ${texts.get(t)} anchor; got the same text`);
        else texts.set(t, LEVEL_LABELS[j]);
      });
      if (g.baseline === null) at(i, 'baseline', 'Expected a baseline of -1 (some ability) or -2 (none at all); got null');
      if (g.importance === null) at(i, 'importance', 'Expected importance as a whole number 0–3; got null');
      if (g.difficulty === null) at(i, 'difficulty', 'Expected difficulty as a whole number 0–3; got null');
    }
    if (g.status !== 'active' && g.statusReason.trim() === '') at(i, 'statusReason', `Expected a reason for status "${g.status}" (why it was ${g.status}); got a blank`);
  });
  const longCount = goals.filter((g) => g.horizon === 'long').length;
  if (longCount > LIMITS.goalsPerPlan.max) errors.goals = `Expected at most ${LIMITS.goalsPerPlan.max} long-term goals; got ${longCount}. Retire or merge a goal`;
  goals.forEach((g, i) => {
    if (g.horizon === 'long' && (perGoal.get(g.id) ?? 0) > LIMITS.objectivesPerGoal.max) at(i, 'id', `Expected at most ${LIMITS.objectivesPerGoal.max} objectives for this goal; got ${perGoal.get(g.id)}. Move one to another goal or remove it`);
  });
  return errors;
}
