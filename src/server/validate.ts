// Boundary validation (zod/mini, built from core's schemas): every sidebar input is checked in full before anything is written.
import * as z from 'zod/mini';
import { compile } from '../core/instruments/score';
import { findInstrument } from '../core/instruments/registry';
import { clientCodeSchema, DOMAINS, fieldErrors, GOAL_TYPES, HORIZONS, idSchema, isoDate, LIMITS, MODALITIES, STATUSES, describeValue, text } from '../core/plan';
import { DBT_TIERS } from '../core/priority';
import type { Result } from './contract';

const e = (what: string) => ({ error: (iss: { readonly input?: unknown }) => `Expected ${what}; got ${describeValue(iss.input)}` });

/** Optional text of at most `max` characters ('' allowed). */
export const optionalText = (what: string, max: number = LIMITS.text) => z.string(e(`${what} as text of up to ${max} characters`)).check(z.maxLength(max, e(`${what} of up to ${max} characters`)));

const wholeIn = (what: string, min: number, max: number) => {
  const err = e(`${what} as a whole number ${min}–${max}`);
  return z.number(err).check(z.refine((n) => Number.isInteger(n) && n >= min && n <= max, err));
};
const oneOf = <T extends string>(what: string, values: readonly T[]) => z.enum(values as unknown as [T, ...T[]], e(`${what} (${values.join(', ')})`));
const isoOrBlank = (what: string) => z.union([z.literal(''), isoDate(what)], e(`${what} as YYYY-MM-DD, or blank`));

export const addClientSchema = z.object(
  {
    code: clientCodeSchema,
    clinician: text('a clinician', LIMITS.shortText),
    startDate: isoDate('a start date'),
    modality: optionalText('a modality', LIMITS.shortText),
  },
  e('a new client {code, clinician, startDate, modality}'),
);

// One Goals row from the sidebar; a long-term goal has parentId '', an objective its goal's id (or a new goal's temporary id).
const planGoalSchema = z.object(
  {
    id: z.string(e('a goal id, or "" (or "new-…") for a new goal')),
    parentId: z.string(e("a parent goal id, or '' for a long-term goal")),
    title: text('a goal statement'),
    horizon: oneOf('a horizon', HORIZONS),
    type: oneOf('a goal type', GOAL_TYPES),
    domain: oneOf('a domain', DOMAINS),
    category: optionalText('a category', LIMITS.shortText),
    modality: z.union([z.literal(''), oneOf('a modality', MODALITIES)], e(`a modality (${MODALITIES.join(', ')}) or blank`)),
    values: optionalText('a values statement'),
    behaviour: optionalText('an observable behaviour'),
    measure: optionalText('a measure'),
    target: optionalText('a target', LIMITS.shortText),
    frequency: optionalText('a frequency', LIMITS.shortText),
    deadline: isoOrBlank('a deadline'),
    anchors: z.tuple([optionalText('the -2 anchor'), optionalText('the -1 anchor'), optionalText('the 0 anchor'), optionalText('the +1 anchor'), optionalText('the +2 anchor')], e('five GAS anchors (levels -2, -1, 0, +1, +2)')),
    baseline: z.union([z.literal(-1), z.literal(-2), z.null()], e('a baseline of -1 (some ability), -2 (none at all) or null')),
    importance: z.union([wholeIn('importance', 0, 3), z.null()], e('importance as a whole number 0–3, or null')),
    difficulty: z.union([wholeIn('difficulty', 0, 3), z.null()], e('difficulty as a whole number 0–3, or null')),
    status: oneOf('a status', STATUSES),
    statusReason: optionalText('a status reason'),
  },
  e('a goal'),
);

export type PlanGoal = z.infer<typeof planGoalSchema>;

export const savePlanSchema = z.object(
  {
    clientCode: clientCodeSchema,
    templateId: z.optional(z.union([z.literal(''), idSchema])),
    goals: z.array(planGoalSchema, e('a list of goals and objectives')).check(z.minLength(1, e('at least one goal'))),
  },
  e('a plan {clientCode, goals}'),
);

export const recordSessionSchema = z.object(
  {
    clientCode: clientCodeSchema,
    date: isoDate('a session date'),
    clinician: text('a clinician', LIMITS.shortText),
    attended: z.boolean(e('attended as true or false')),
    note: optionalText('a note'),
    ratings: z.array(
      z.object(
        {
          goalId: idSchema,
          rating: z.union([wholeIn('a rating', 0, 10), z.null()], e('a rating as a whole number 0–10, or null')),
          gasLevel: z.union([wholeIn('a GAS level', -2, 2), z.null()], e('a GAS level -2…+2, or null')),
        },
        e('a rating {goalId, rating, gasLevel}'),
      ),
      e('a list of ratings'),
    ),
    measures: z.array(
      z.object({ instrument: z.string(e('an instrument id such as "phq9"')), items: z.array(z.union([z.number(), z.null()], e('an item value or null')), e('a list of item values')) }, e('a measure {instrument, items}')),
      e('a list of measures'),
    ),
  },
  e('a session'),
);

export const savePrioritiesSchema = z.object(
  {
    clientCode: clientCodeSchema,
    items: z
      .array(
        z.object(
          {
            goalId: idSchema,
            urgency: wholeIn('urgency', 1, 5),
            importance: wholeIn('importance', 1, 5),
            readiness: wholeIn('readiness', 1, 5),
            tier: z.union([z.literal(''), oneOf('a DBT tier', DBT_TIERS)], e(`a DBT tier (${DBT_TIERS.join(', ')}) or blank`)),
          },
          e('a priority {goalId, urgency, importance, readiness, tier}'),
        ),
        e('a list of priorities'),
      )
      .check(z.minLength(1, e('at least one goal to prioritise'))),
  },
  e('priorities {clientCode, items}'),
);

/** Field errors of a parse, or null when the input is valid. */
export function parse<T>(schema: z.ZodMiniType<T>, input: unknown): { ok: true; value: T } | { ok: false; errors: Record<string, string> } {
  const r = z.safeParse(schema, input);
  if (r.success) return { ok: true, value: r.data };
  const errors = fieldErrors(r);
  return { ok: false, errors: Object.keys(errors).length ? errors : { '': 'Expected valid input; got something else' } };
}

export function ok<T>(data: T): Result<T> {
  return { ok: true, data };
}

/** Invalid input: field → message, and a summary line for the sidebar. */
export function invalid<T>(errors: Record<string, string>, message?: string): Result<T> {
  const n = Object.keys(errors).length;
  return { ok: false, message: message ?? `Nothing was saved: ${n} field${n === 1 ? '' : 's'} need${n === 1 ? 's' : ''} attention.`, errors };
}

function range(min: number, max: number, step: number): string {
  return step === 1 ? `${min}–${max}` : `${min}–${max} in steps of ${step}`;
}

/**
 * One measure's items against its registry definition (count, range, step; extras after the items), keyed measures.<i>.items.<j>.
 * Returns the definition's id, or null with errors filled in.
 */
export function checkMeasure(m: { instrument: string; items: (number | null)[] }, i: number, errors: Record<string, string>): string | null {
  let id: string;
  try {
    id = findInstrument(m.instrument).id;
  } catch (err) {
    errors[`measures.${i}.instrument`] = `Expected a known instrument; got ${describeValue(m.instrument)} (${(err as Error).message})`;
    return null;
  }
  const def = findInstrument(id);
  const c = compile(def);
  const extras = def.extras ?? [];
  if (m.items.length !== c.count && m.items.length !== c.width) {
    errors[`measures.${i}.items`] = `Expected ${c.count} ${def.name} item values${extras.length ? ` (or ${c.width} with ${extras.map((x) => x.label).join(', ')})` : ''}; got ${m.items.length}`;
    return null;
  }
  const step = def.items.step ?? 1;
  let bad = false;
  m.items.forEach((v, j) => {
    if (v === null) return;
    if (j < c.count) {
      const steps = (v - def.items.min) / step;
      if (!(v >= def.items.min && v <= def.items.max) || Math.abs(steps - Math.round(steps)) > 1e-7) {
        errors[`measures.${i}.items.${j}`] = `Expected ${range(def.items.min, def.items.max, step)}; got ${v}`;
        bad = true;
      }
    } else {
      const x = extras[j - c.count];
      if (!(Number.isInteger(v) && v >= x.min && v <= x.max)) {
        errors[`measures.${i}.items.${j}`] = `Expected ${x.label} ${x.min}–${x.max}; got ${v}`;
        bad = true;
      }
    }
  });
  return bad ? null : id;
}
