// Field schemas (zod/mini) shared by every input: text, whole numbers, ISO dates, ids, and one enum schema per vocabulary, each failing with "Expected …; got …".
import * as z from 'zod/mini';
import { isPlausibleIsoDate, MAX_ISO_DATE, MIN_ISO_DATE } from './iso-dates';
import { LIMITS } from './limits';
import { expected } from './messages';
import { BUILT_IN_INSTRUMENTS } from './instruments/registry';
import { DBT_TIERS, DOMAINS, GOAL_STATUSES, GOAL_TYPES, HORIZONS, MODALITIES } from './vocabularies';

/** Non-empty (after trimming) text of at most `max` characters. */
export function text(what: string, max: number = LIMITS.text) {
  const e = expected(`${what} as text of 1–${max} characters`);
  return z.string(e).check(z.refine((s) => s.trim().length > 0 && s.length <= max, e));
}

/** Optional text of at most `max` characters ('' allowed). */
export function optionalText(what: string, max: number = LIMITS.text) {
  return z.string(expected(`${what} as text of up to ${max} characters`)).check(z.maxLength(max, expected(`${what} of up to ${max} characters`)));
}

/** A whole number from min to max inclusive. */
export function wholeNumber(what: string, min: number, max: number) {
  const e = expected(`${what} as a whole number ${min}–${max}`);
  return z.number(e).check(z.refine((n) => Number.isInteger(n) && n >= min && n <= max, e));
}

/** An ISO date field from 1900-01-01 to 2100-12-31 (four-digit year); `what` names it in messages ("a deadline"). */
export function isoDate(what = 'a date') {
  const e = expected(`${what} from ${MIN_ISO_DATE} to ${MAX_ISO_DATE} as YYYY-MM-DD`);
  return z.string(e).check(z.refine(isPlausibleIsoDate, e));
}

/** An ISO date, or '' for none (a flat row's blank date). */
export function isoDateOrBlank(what: string) {
  return z.union([z.literal(''), isoDate(what)], expected(`${what} from ${MIN_ISO_DATE} to ${MAX_ISO_DATE} as YYYY-MM-DD, or blank`));
}

/** One word of a vocabulary; the message lists them all. */
export function vocabulary<T extends string>(what: string, values: readonly T[]) {
  return z.enum(values as unknown as [T, ...T[]], expected(`${what} (${values.join(', ')})`));
}

/** A client's 0–10 rating of a goal, whole, or null when not rated: one rule for recordSession and saveReview. */
export function ratingOrNull(what = 'a rating') {
  return wholeNumberOrNull(what, 0, 10);
}

/** A whole number from min to max, or null for "not given". */
export function wholeNumberOrNull(what: string, min: number, max: number) {
  return z.union([wholeNumber(what, min, max), z.null()], expected(`${what} as a whole number ${min}–${max}, or null`));
}

export const horizonSchema = vocabulary('a horizon', HORIZONS);
export const goalTypeSchema = vocabulary('a goal type', GOAL_TYPES);
export const domainSchema = vocabulary('a domain', DOMAINS);
export const modalitySchema = vocabulary('a modality', MODALITIES);
export const statusSchema = vocabulary('a status', GOAL_STATUSES);
// A plan may only suggest instruments the registry defines (one list: adding an instrument adds its id here).
export const instrumentIdSchema = vocabulary('an instrument id', BUILT_IN_INSTRUMENTS.map((d) => d.id));
export const dbtTierSchema = vocabulary('a DBT target tier', DBT_TIERS);
export const categorySchema = text('a category such as "mood" or "sleep"', LIMITS.shortText);

const idExpectation = expected(`an id of 1–${LIMITS.id} letters, digits, '.', ':', '_' or '-'`);
export const idSchema = z.string(idExpectation).check(z.refine((s) => new RegExp(`^[A-Za-z0-9._:-]{1,${LIMITS.id}}$`).test(s), idExpectation));
