// recordSession's input (zod/mini): a session with 0–10 ratings and GAS levels keyed by goal id, questionnaire answers keyed by instrument id, and tasks between sessions (outcomes by Task ID, new tasks per goal); null is the one blank. Plus the questions asked before saving (blank safety item, same date, future date) and the flags that answer them.
import * as z from 'zod/mini';
import { clientCodeSchema } from './client-code';
import type { InstrumentDefinition } from './instruments/schema';
import { unansweredCritical } from './instruments/score';
import { idSchema, isoDate, optionalText, ratingOrNull, text, wholeNumberOrNull } from './field-schemas';
import { LIMITS } from './limits';
import { expected } from './messages';
import { requestIdField } from './request-id';
import { newTaskKey, newTasksField, taskOutcomeKey, taskOutcomesField } from './tasks';

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
    /** The clinician chose to save with the safety item blank (asked first; recorded in Audit). Null is absent: google.script.run may send an unset property as null. */
    confirmUnanswered: z.optional(z.nullable(z.boolean(expected('confirmUnanswered as true or false')))),
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
    /** The clinician confirmed a second session on a date that already has one (asked first). */
    confirmSameDate: z.optional(z.nullable(z.boolean(expected('confirmSameDate as true or false')))),
    /** The clinician confirmed a date later than today in the spreadsheet's time zone (asked first). */
    confirmFutureDate: z.optional(z.nullable(z.boolean(expected('confirmFutureDate as true or false')))),
    requestId: requestIdField,
    acknowledgedFlags: z.optional(z.array(acknowledgedFlagSchema, expected('a list of acknowledged safety flags')).check(z.maxLength(20, expected('at most 20 acknowledged safety flags')))),
    /** How this client's open tasks went (by Task ID); a task left out stays open. */
    taskOutcomes: taskOutcomesField,
    /** Tasks agreed at this session, per goal (Tasks tab). */
    newTasks: newTasksField,
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
  const lists = (typeof input === 'object' && input !== null ? input : {}) as { ratings?: unknown; measures?: unknown; taskOutcomes?: unknown };
  const idAt = (list: unknown, i: number, field: 'goalId' | 'instrument' | 'taskId'): string | null => {
    const entry = Array.isArray(list) ? (list[i] as Record<string, unknown> | undefined) : undefined;
    const id = entry && typeof entry === 'object' ? entry[field] : undefined;
    return typeof id === 'string' && id.trim() !== '' ? id : null;
  };
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(errors)) {
    const m = /^(ratings|measures|taskOutcomes)\.(\d+)(\..*)?$/.exec(k);
    const id = m ? idAt(m[1] === 'ratings' ? lists.ratings : m[1] === 'measures' ? lists.measures : lists.taskOutcomes, Number(m[2]), m[1] === 'ratings' ? 'goalId' : m[1] === 'measures' ? 'instrument' : 'taskId') : null;
    const key = m && id !== null ? `${m[1]}.${id}${m[3] ?? ''}` : k;
    if (!(key in out)) out[key] = v;
  }
  return out;
}

/** Rules across rows: each goal rated once, each instrument given once, each task marked once and added once per session, a due date not before the session. */
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
  const tasks = new Set<string>();
  for (const t of s.taskOutcomes ?? []) {
    if (tasks.has(t.taskId)) errors[`${taskOutcomeKey(t.taskId)}.outcome`] = `Expected one outcome per task; got task ${t.taskId} again. Keep one`;
    tasks.add(t.taskId);
  }
  (s.newTasks ?? []).forEach((t, i) => {
    if ((s.newTasks ?? []).findIndex((u) => u.goalId === t.goalId && u.text.trim().toLowerCase() === t.text.trim().toLowerCase()) !== i) errors[`${newTaskKey(i)}.text`] = `Expected each task once; got "${t.text}" twice for the same goal. Remove one`;
    if (t.due && t.due < s.date) errors[`${newTaskKey(i)}.due`] = `Expected a due date on or after the session (${s.date}); got ${t.due}. Leave it blank for "by the next session"`;
  });
  return errors;
}

/** The keys of the questions below: each is the input flag that answers it, so the sidebar knows which button resends what. */
export const CONFIRM_SAME_DATE = 'confirmSameDate';
export const CONFIRM_FUTURE_DATE = 'confirmFutureDate';
export const confirmUnansweredKey = (instrument: string) => `${measureKey(instrument)}.confirmUnanswered`;
/** True for an error key that is a question the clinician may answer "yes" to (the key is the flag to send), not a mistake. */
export const isConfirmKey = (key: string): boolean => /(^|\.)confirm[A-Z]\w*$/.test(key);

/** A session that records nothing (attended, no rating, no answer, no note) is refused: it would only count as a visit. */
export function emptySessionMessage(s: RecordSessionInput): string | null {
  if (!s.attended || s.note.trim() !== '' || s.ratings.some(isRated) || s.measures.some(isAnswered) || (s.taskOutcomes ?? []).length || (s.newTasks ?? []).length) return null;
  return 'Nothing to save: this session has no goal rating, no questionnaire answer and no note. Enter at least one, or untick "Client attended" to record a missed session';
}

/** The blank safety items of a measure, asked about unless the clinician confirmed saving without them (1-based item numbers). */
export function unansweredSafetyQuestion(def: InstrumentDefinition, m: SessionMeasure): string | null {
  const blank = unansweredCritical(def, m.items);
  if (!blank.length || m.confirmUnanswered === true) return null;
  const items = blank.map((n) => `item ${n}`).join(' and ');
  return `Expected an answer to ${def.name} ${items}, its safety question; it is blank. Ask it and choose the answer, or choose "Save without ${items}" if it was not asked`;
}

/** Which facts about the date need the clinician's yes: sessions already on that date (their numbers), and today in the spreadsheet's zone. */
export function dateQuestions(s: RecordSessionInput, sameDateSessions: readonly number[], today: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (sameDateSessions.length && s.confirmSameDate !== true) {
    const which = sameDateSessions.length === 1 ? `session ${sameDateSessions[0]}` : `sessions ${sameDateSessions.join(', ')}`;
    out[CONFIRM_SAME_DATE] = `Expected one session per date; ${s.clientCode} already has ${which} on ${s.date}. Change the date, or choose "Save another session on ${s.date}" if there really were two`;
  }
  if (s.date > today && s.confirmFutureDate !== true) {
    out[CONFIRM_FUTURE_DATE] = `Expected a date no later than today (${today}); got ${s.date}, which is in the future. Correct the date, or choose "Save with a future date" if it is right`;
  }
  return out;
}

/** What the clinician confirmed, for the Audit row's summary ('' when nothing was asked). */
export function confirmedSummary(s: RecordSessionInput, sameDate: boolean, future: boolean, withoutSafety: readonly string[]): string {
  const parts: string[] = [];
  if (sameDate) parts.push(`another session on ${s.date} (confirmed)`);
  if (future) parts.push(`future date ${s.date} (confirmed)`);
  for (const w of withoutSafety) parts.push(`saved without ${w} (confirmed)`);
  return parts.join('; ');
}
