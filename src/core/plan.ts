// Goal-plan schemas (zod/mini) and their types: plan → long-term goals → 1–5 short-term objectives with SMART fields, a GAS scale and a status.
import * as z from 'zod/mini';
import { clientCodeSchema } from './client-code';
import { categorySchema, dbtTierSchema, domainSchema, goalTypeSchema, idSchema, instrumentIdSchema, isoDate, modalitySchema, statusSchema, text, vocabulary, wholeNumber } from './field-schemas';
import { gasScaleSchema } from './gas-scale';
import { LIMITS } from './limits';
import { countOf, describeValue, expected } from './messages';
import { TARGET_DIRECTIONS } from './vocabularies';

// ---------------------------------------------------------------------------
// SMART fields and status
// ---------------------------------------------------------------------------

export const targetSchema = z.object(
  {
    value: z.number(expected('a numeric target such as 20')),
    unit: text('a target unit such as "minutes"', LIMITS.shortText),
    // Which side of the value counts as success: "at least 5 walks" vs "at most 5 checks".
    direction: z.optional(vocabulary('a target direction', TARGET_DIRECTIONS)),
  },
  expected('a target with a numeric value and a unit (e.g. 20 minutes)'),
);

const smartShape = {
  behaviour: text('an observable behaviour (what someone would see the client doing)'),
  measure: text('a measure (how the behaviour is counted or rated)'),
  target: targetSchema,
  frequency: text('a frequency such as "3 times a week"', LIMITS.shortText),
  deadline: isoDate('a deadline'),
};

const statusShape = {
  status: statusSchema,
  statusDate: isoDate('a status date'),
  // Required for every status but "active" (checked below).
  statusReason: z.optional(z.string(expected(`a status reason as text of up to ${LIMITS.text} characters`)).check(z.maxLength(LIMITS.text, expected(`a status reason of up to ${LIMITS.text} characters`)))),
};

const coreShape = {
  statement: text('a goal statement'),
  type: goalTypeSchema,
  domain: domainSchema,
};

const asRecord = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {});

// Status reason and 'other' modality depend on sibling fields; `when` runs this even after other fields failed, so the sidebar sees every problem at once.
const crossFieldRule = z.superRefine<unknown>(
  (value, ctx) => {
    const v = asRecord(value);
    const status = v.status;
    const reason = v.statusReason;
    if (typeof status === 'string' && status !== 'active' && (typeof reason !== 'string' || reason.trim() === '')) {
      ctx.addIssue({ code: 'custom', path: ['statusReason'], input: reason, message: `Expected a reason for status "${status}" (why it was ${status}); got ${describeValue(reason)}` });
    }
    if (v.modality === 'other' && (typeof v.modalityOther !== 'string' || v.modalityOther.trim() === '')) {
      ctx.addIssue({ code: 'custom', path: ['modalityOther'], input: v.modalityOther, message: `Expected the modality's name when modality is "other"; got ${describeValue(v.modalityOther)}` });
    }
  },
  { when: () => true },
);

const modalityOtherSchema = z.optional(text('a modality name', LIMITS.shortText));

const objectiveShape = {
  horizon: z.literal('short', expected('horizon "short" for an objective')),
  ...coreShape,
  category: z.optional(categorySchema),
  modality: z.optional(modalitySchema),
  modalityOther: modalityOtherSchema,
  values: z.optional(text('a values statement ("why this matters")')),
  ...smartShape,
  gas: gasScaleSchema,
  ...statusShape,
};

const goalShape = {
  horizon: z.literal('long', expected('horizon "long" for a long-term goal')),
  ...coreShape,
  category: categorySchema,
  modality: modalitySchema,
  modalityOther: modalityOtherSchema,
  values: text('a values statement ("why this matters")'),
  deadline: isoDate('a deadline'),
  dbtTier: z.optional(dbtTierSchema),
  ...statusShape,
};

const planShape = {
  clientCode: clientCodeSchema,
  title: text('a plan title', LIMITS.title),
  templateId: z.optional(idSchema),
  startDate: isoDate('a start date'),
  // [seed 003] schedule a formal goal review every 4–6 sessions.
  reviewEverySessions: z.optional(wholeNumber('a review interval in sessions', 1, 12)),
  measures: z
    .array(instrumentIdSchema, expected('a list of instrument ids'))
    .check(z.refine((ids) => new Set(ids).size === ids.length, expected('each instrument listed once', (ids) => `${describeValue(ids)} with repeats`))),
};

const objectivesRange = `${LIMITS.objectivesPerGoal.min}–${LIMITS.objectivesPerGoal.max} short-term objectives per goal`;
const goalsRange = `${LIMITS.goalsPerPlan.min}–${LIMITS.goalsPerPlan.max} long-term goals`;

function objectivesArray<T extends z.ZodMiniType>(objective: T) {
  const e = expected(objectivesRange, countOf);
  return z.array(objective, expected(`a list of ${objectivesRange}`)).check(z.minLength(LIMITS.objectivesPerGoal.min, e), z.maxLength(LIMITS.objectivesPerGoal.max, e));
}

function goalsArray<T extends z.ZodMiniType>(goal: T) {
  const e = expected(goalsRange, countOf);
  return z.array(goal, expected(`a list of ${goalsRange}`)).check(z.minLength(LIMITS.goalsPerPlan.min, e), z.maxLength(LIMITS.goalsPerPlan.max, e));
}

// ---------------------------------------------------------------------------
// Stored plan (every id assigned) and the sidebar's input (ids optional until the server assigns them)
// ---------------------------------------------------------------------------

export const objectiveSchema = z.object({ id: idSchema, ...objectiveShape }, expected('an objective')).check(crossFieldRule);
export const longTermGoalSchema = z.object({ id: idSchema, ...goalShape, objectives: objectivesArray(objectiveSchema) }, expected('a long-term goal')).check(crossFieldRule);
export const planSchema = z.object({ id: idSchema, ...planShape, goals: goalsArray(longTermGoalSchema) }, expected('a plan'));

export const objectiveInputSchema = z.object({ id: z.optional(idSchema), ...objectiveShape }, expected('an objective')).check(crossFieldRule);
export const longTermGoalInputSchema = z.object({ id: z.optional(idSchema), ...goalShape, objectives: objectivesArray(objectiveInputSchema) }, expected('a long-term goal')).check(crossFieldRule);
/** What the sidebar sends when saving a plan: a plan whose ids may be missing. */
export const planInputSchema = z.object({ id: z.optional(idSchema), ...planShape, goals: goalsArray(longTermGoalInputSchema) }, expected('a plan'));

export type Target = z.infer<typeof targetSchema>;
export type Objective = z.infer<typeof objectiveSchema>;
export type LongTermGoal = z.infer<typeof longTermGoalSchema>;
export type Plan = z.infer<typeof planSchema>;
export type ObjectiveInput = z.infer<typeof objectiveInputSchema>;
export type LongTermGoalInput = z.infer<typeof longTermGoalInputSchema>;
export type PlanInput = z.infer<typeof planInputSchema>;
