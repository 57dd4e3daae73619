// recordSession's input (zod/mini): a session with 0–10 ratings and GAS levels keyed by goal id, and questionnaire answers keyed by instrument id; null is the one blank.
import * as z from 'zod/mini';
import { clientCodeSchema } from './client-code';
import { idSchema, isoDate, optionalText, ratingOrNull, text, wholeNumberOrNull } from './field-schemas';
import { LIMITS } from './limits';
import { expected } from './messages';
import { requestIdField } from './request-id';

export const sessionRatingSchema = z.object(
  {
    goalId: idSchema,
    rating: ratingOrNull(),
    gasLevel: wholeNumberOrNull('a GAS level', -2, 2),
  },
  expected('a rating {goalId, rating, gasLevel}'),
);

export const sessionMeasureSchema = z.object(
  {
    instrument: z.string(expected('an instrument id such as "phq9"')),
    items: z.array(z.union([z.number(), z.null()], expected('an item value as a number, or null when unanswered')), expected('a list of item values')),
  },
  expected('a measure {instrument, items}'),
);

/** A safety flag from the client's last administration that the clinician reviewed with the client in this session (recorded in Audit). */
export const acknowledgedFlagSchema = z.object(
  {
    instrument: text('the flagged measure', LIMITS.shortText),
    date: isoDate('the flag\'s session date'),
  },
  expected('an acknowledged safety flag {instrument, date}'),
);

export const recordSessionSchema = z.object(
  {
    clientCode: clientCodeSchema,
    date: isoDate('a session date'),
    clinician: text('a clinician', LIMITS.shortText),
    attended: z.boolean(expected('attended as true or false')),
    note: optionalText('a note'),
    ratings: z.array(sessionRatingSchema, expected('a list of ratings')),
    measures: z.array(sessionMeasureSchema, expected('a list of measures')),
    requestId: requestIdField,
    acknowledgedFlags: z.optional(z.array(acknowledgedFlagSchema, expected('a list of acknowledged safety flags')).check(z.maxLength(20, expected('at most 20 acknowledged safety flags')))),
  },
  expected('a session'),
);

export type RecordSessionInput = z.infer<typeof recordSessionSchema>;
export type SessionRating = z.infer<typeof sessionRatingSchema>;
export type SessionMeasure = z.infer<typeof sessionMeasureSchema>;
export type AcknowledgedFlag = z.infer<typeof acknowledgedFlagSchema>;

/** A rating row says something: a rating or a GAS level (a row with neither is not saved). */
export const isRated = (r: SessionRating): boolean => r.rating !== null || r.gasLevel !== null;

/** A questionnaire was given when at least one item was answered (the sidebar sends only those). */
export const isAnswered = (m: SessionMeasure): boolean => m.items.some((v) => v !== null);

/** Where a rating's or measure's errors go: ratings.<goalId>…, measures.<instrument>… (the sidebar's own keys, whatever the order sent). */
export const ratingKey = (goalId: string) => `ratings.${goalId}`;
export const measureKey = (instrument: string) => `measures.${instrument}`;

/**
 * Rewrites zod's index paths (ratings.3.rating) to id paths (ratings.<goalId>.rating) using the input as sent; an entry without a
 * usable id keeps its index.
 */
export function keyByIds(errors: Record<string, string>, input: unknown): Record<string, string> {
  const lists = (typeof input === 'object' && input !== null ? input : {}) as { ratings?: unknown; measures?: unknown };
  const idAt = (list: unknown, i: number, field: 'goalId' | 'instrument'): string | null => {
    const entry = Array.isArray(list) ? (list[i] as Record<string, unknown> | undefined) : undefined;
    const id = entry && typeof entry === 'object' ? entry[field] : undefined;
    return typeof id === 'string' && id.trim() !== '' ? id : null;
  };
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(errors)) {
    const m = /^(ratings|measures)\.(\d+)(\..*)?$/.exec(k);
    const id = m ? idAt(m[1] === 'ratings' ? lists.ratings : lists.measures, Number(m[2]), m[1] === 'ratings' ? 'goalId' : 'instrument') : null;
    const key = m && id !== null ? `${m[1]}.${id}${m[3] ?? ''}` : k;
    if (!(key in out)) out[key] = v;
  }
  return out;
}

/** Rules across rows: each goal rated once and each instrument given once per session. */
export function sessionProblems(s: RecordSessionInput): Record<string, string> {
  const errors: Record<string, string> = {};
  const goals = new Set<string>();
  for (const r of s.ratings) {
    if (goals.has(r.goalId)) errors[`${ratingKey(r.goalId)}.goalId`] = `Expected each goal rated once per session; got "${r.goalId}" again. Keep one rating for it`;
    goals.add(r.goalId);
  }
  const instruments = new Set<string>();
  for (const m of s.measures) {
    const k = m.instrument.toLowerCase();
    if (instruments.has(k)) errors[`${measureKey(m.instrument)}.instrument`] = `Expected each instrument once per session; got ${m.instrument} again. Keep one set of answers`;
    instruments.add(k);
  }
  return errors;
}
