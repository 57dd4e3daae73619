// Goal-plan templates: their schema, a loader for the bundled templates/*.json, and planFromTemplate (ids and deadlines from a start date).
import * as z from 'zod/mini';
import { clientCodeSchema } from './client-code';
import { categorySchema, dbtTierSchema, domainSchema, goalTypeSchema, instrumentIdSchema, isoDate, text, wholeNumber } from './field-schemas';
import { gasScaleSchema } from './gas-scale';
import { addDaysIso } from './iso-dates';
import { LIMITS } from './limits';
import { countOf, describeValue, expected, fieldErrors } from './messages';
import { planSchema, targetSchema, type LongTermGoal, type Objective, type Plan } from './plan';
import { MODALITIES } from './vocabularies';

// A template has no dates, so deadlines are weeks from the plan's start (two years at most).
const deadlineWeeksSchema = wholeNumber('a deadline in weeks from the start', 1, 104);

const TEMPLATE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const templateIdErr = expected('a template id of lowercase words joined by "-" (at most 40 characters), e.g. "panic-disorder"');
export const templateIdSchema = z.string(templateIdErr).check(z.refine((s) => s.length <= 40 && TEMPLATE_ID.test(s), templateIdErr));

// Templates name a modality; "other" (with its free-text name) is for a client's own plan.
const TEMPLATE_MODALITIES = MODALITIES.filter((m): m is Exclude<(typeof MODALITIES)[number], 'other'> => m !== 'other');
const templateModalitySchema = z.enum(TEMPLATE_MODALITIES, expected(`a modality (${TEMPLATE_MODALITIES.join(', ')})`));

// Strict objects: a misspelt key in a hand-written JSON file is an error, not silently dropped.
export const templateObjectiveSchema = z.strictObject(
  {
    statement: text('an objective statement'),
    type: goalTypeSchema,
    domain: domainSchema,
    category: z.optional(categorySchema),
    modality: z.optional(templateModalitySchema),
    values: z.optional(text('a values statement ("why this matters")')),
    behaviour: text('an observable behaviour (what someone would see the client doing)'),
    measure: text('a measure (how the behaviour is counted or rated)'),
    target: targetSchema,
    frequency: text('a frequency such as "3 times a week"', LIMITS.shortText),
    deadlineWeeks: deadlineWeeksSchema,
    gas: gasScaleSchema,
  },
  expected('a template objective'),
);

// [seed 001] goal chaining: 3–5 smaller steps towards each long-term goal.
const templateObjectivesErr = expected('3–5 objectives per template goal', countOf);
export const templateGoalSchema = z
  .strictObject(
    {
      statement: text('a goal statement'),
      type: goalTypeSchema,
      domain: domainSchema,
      category: categorySchema,
      modality: z.optional(templateModalitySchema),
      values: text('a values statement ("why this matters")'),
      deadlineWeeks: deadlineWeeksSchema,
      dbtTier: z.optional(dbtTierSchema),
      objectives: z.array(templateObjectiveSchema, expected('a list of objectives')).check(z.minLength(3, templateObjectivesErr), z.maxLength(5, templateObjectivesErr)),
    },
    expected('a template goal'),
  )
  .check(
    z.superRefine((goal, ctx) => {
      // A step due after its goal would make the chain read out of order.
      goal.objectives.forEach((o, i) => {
        if (o.deadlineWeeks > goal.deadlineWeeks) {
          ctx.addIssue({ code: 'custom', path: ['objectives', i, 'deadlineWeeks'], input: o.deadlineWeeks, message: `Expected an objective deadline at or before its goal's ${goal.deadlineWeeks} weeks; got ${o.deadlineWeeks}` });
        }
      });
    }),
  );

const templateGoalsErr = expected(`${LIMITS.goalsPerPlan.min}–${LIMITS.goalsPerPlan.max} template goals`, countOf);
export const planTemplateSchema = z.strictObject(
  {
    id: templateIdSchema,
    title: text('a template title', LIMITS.title),
    description: text('a template description', 1000),
    modality: templateModalitySchema,
    measures: z
      .array(instrumentIdSchema, expected('a list of instrument ids'))
      .check(
        z.minLength(1, expected('at least one suggested measure', countOf)),
        z.refine((ids) => new Set(ids).size === ids.length, expected('each instrument listed once', (ids) => `${describeValue(ids)} with repeats`)),
      ),
    // [seed 003] review goals every 4–6 sessions.
    reviewEverySessions: z.optional(wholeNumber('a review interval in sessions', 1, 12)),
    goals: z.array(templateGoalSchema, expected('a list of template goals')).check(z.minLength(LIMITS.goalsPerPlan.min, templateGoalsErr), z.maxLength(LIMITS.goalsPerPlan.max, templateGoalsErr)),
  },
  expected('a plan template'),
);

/** templates/index.json: template file ids in display order. */
export const templateIndexSchema = z.object(
  { templates: z.array(templateIdSchema, expected('a list of template ids')).check(z.minLength(1, expected('at least one template id', countOf))) },
  expected('a template index {"templates": [ids…]}'),
);

export type TemplateObjective = z.infer<typeof templateObjectiveSchema>;
export type TemplateGoal = z.infer<typeof templateGoalSchema>;
export type PlanTemplate = z.infer<typeof planTemplateSchema>;

const formatProblems = (errors: Record<string, string>) =>
  Object.entries(errors).map(([path, message]) => `${path === '' ? '(whole template)' : path}: ${message}`);

/** Validates one parsed template JSON object; throws listing every field problem. */
export function parseTemplate(json: unknown, source = 'template'): PlanTemplate {
  const result = z.safeParse(planTemplateSchema, json);
  if (!result.success) throw new Error(`${source} is not a valid plan template:\n  ${formatProblems(fieldErrors(result)).join('\n  ')}`);
  return result.data;
}

/**
 * Validates the bundled templates: `index` is templates/index.json, `files` maps each file id (name without .json) to its parsed JSON.
 * Returns the templates in index order, or throws listing every problem in every file.
 */
export function loadTemplates(index: unknown, files: Readonly<Record<string, unknown>>): PlanTemplate[] {
  const parsedIndex = z.safeParse(templateIndexSchema, index);
  if (!parsedIndex.success) throw new Error(`templates/index.json is invalid:\n  ${formatProblems(fieldErrors(parsedIndex)).join('\n  ')}`);
  const ids = parsedIndex.data.templates;
  const problems: string[] = [];
  const seen = new Set<string>();
  const out: PlanTemplate[] = [];
  for (const id of ids) {
    if (seen.has(id)) {
      problems.push(`templates/index.json lists "${id}" more than once`);
      continue;
    }
    seen.add(id);
    if (!Object.prototype.hasOwnProperty.call(files, id)) {
      problems.push(`templates/index.json lists "${id}" but templates/${id}.json was not found`);
      continue;
    }
    const result = z.safeParse(planTemplateSchema, files[id]);
    if (!result.success) {
      problems.push(...formatProblems(fieldErrors(result)).map((p) => `templates/${id}.json ${p}`));
    } else if (result.data.id !== id) {
      problems.push(`templates/${id}.json: expected id "${id}" (its file name); got "${result.data.id}"`);
    } else out.push(result.data);
  }
  for (const id of Object.keys(files)) {
    if (!seen.has(id)) problems.push(`templates/${id}.json is not listed in templates/index.json`);
  }
  if (problems.length > 0) throw new Error(`Invalid goal-plan templates:\n  ${problems.join('\n  ')}`);
  return out;
}

export interface PlanFromTemplateOptions {
  readonly clientCode: string;
  /** YYYY-MM-DD; deadlines are this date plus each deadlineWeeks × 7 days. */
  readonly startDate: string;
  /** Overrides the default plan id `<clientCode>.<templateId>.<startDate>`. */
  readonly planId?: string;
}

/**
 * Makes an active plan from a template: ids `<planId>.G1`, `<planId>.G1.O1`…, deadlines from the start date, status dates = start date.
 * Objectives inherit their goal's category and modality when the template leaves them out. Throws on an invalid code or date.
 */
export function planFromTemplate(template: PlanTemplate, options: PlanFromTemplateOptions): Plan {
  const { clientCode, startDate } = options;
  const code = z.safeParse(clientCodeSchema, clientCode);
  if (!code.success) throw new Error(`planFromTemplate: ${code.error.issues[0].message}`);
  const start = z.safeParse(isoDate('a start date'), startDate);
  if (!start.success) throw new Error(`planFromTemplate: ${start.error.issues[0].message}`);

  const planId = options.planId ?? `${clientCode}.${template.id}.${startDate}`;
  const due = (weeks: number) => addDaysIso(startDate, weeks * 7);
  const active = { status: 'active' as const, statusDate: startDate };

  const goals = template.goals.map((g, gi): LongTermGoal => {
    const goalId = `${planId}.G${gi + 1}`;
    const modality = g.modality ?? template.modality;
    const objectives = g.objectives.map(
      (o, oi): Objective => ({
        id: `${goalId}.O${oi + 1}`,
        horizon: 'short',
        statement: o.statement,
        type: o.type,
        domain: o.domain,
        category: o.category ?? g.category,
        modality: o.modality ?? modality,
        ...(o.values !== undefined ? { values: o.values } : {}),
        behaviour: o.behaviour,
        measure: o.measure,
        target: { ...o.target },
        frequency: o.frequency,
        deadline: due(o.deadlineWeeks),
        gas: { ...o.gas, anchors: { ...o.gas.anchors } },
        ...active,
      }),
    );
    return {
      id: goalId,
      horizon: 'long',
      statement: g.statement,
      type: g.type,
      domain: g.domain,
      category: g.category,
      modality,
      values: g.values,
      deadline: due(g.deadlineWeeks),
      ...(g.dbtTier !== undefined ? { dbtTier: g.dbtTier } : {}),
      ...active,
      objectives,
    };
  });

  const plan: Plan = {
    id: planId,
    clientCode,
    title: template.title,
    templateId: template.id,
    startDate,
    ...(template.reviewEverySessions !== undefined ? { reviewEverySessions: template.reviewEverySessions } : {}),
    measures: [...template.measures],
    goals,
  };
  // A template that validated should always make a valid plan; this guards the two schemas drifting apart.
  const checked = z.safeParse(planSchema, plan);
  if (!checked.success) throw new Error(`planFromTemplate: template "${template.id}" made an invalid plan:\n  ${formatProblems(fieldErrors(checked)).join('\n  ')}`);
  return checked.data;
}
