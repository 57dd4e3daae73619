// Correct, never erase: the one "is this row live" rule (a blank Voided cell), the Voided cell's words, which row a request means, and the inputs of voidRecord, correctRecord and setClientStatus.
import * as z from 'zod/mini';
import { clientCodeSchema } from './client-code';
import { idSchema, isoDate, optionalText, ratingOrNull, text, vocabulary, wholeNumber, wholeNumberOrNull } from './field-schemas';
import { LIMITS } from './limits';
import { describeValue, expected } from './messages';
import { requestIdField } from './request-id';
import { CLIENT_STATUSES } from './vocabularies';

/** The one rule: a row is live when its Voided cell is blank (a tab without the column has nothing voided). Formulas say the same as `<Voided cell>=""`. */
export function isLiveRow(voided: string | undefined): boolean {
  return (voided ?? '').trim() === '';
}

/** The kinds of record that can be voided or corrected: a Sessions row, a Ratings row, or a row of an instrument tab. */
export const RECORD_KINDS = ['session', 'rating', 'measure'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** "got 0. Reopen …": a record reference is never typed, so the fix is to choose the record again. */
const reopen = (input: unknown) => `${describeValue(input)}. Reopen the client and choose the record again`;

const sessionOrNone = expected("the record's session number as a whole number 1–10000, or null for a measure completed on a form (no session)", reopen);

/** What the sidebar showed of the record: its row then and its identity, checked against the row now before anything is written. */
export const recordRefSchema = z.object(
  {
    kind: vocabulary('a record kind', RECORD_KINDS),
    /** The instrument id for a measure ("phq9"); absent otherwise. */
    instrument: z.optional(z.nullable(z.string(expected('an instrument id such as "phq9"')))),
    row: wholeNumber('the row the record was on', 2, 10_000_000),
    date: isoDate("the record's date"),
    /** The session the row belongs to; null for a measure not from a session (a questionnaire imported from a form leaves Session blank). */
    session: z.union([z.number(), z.null()], sessionOrNone).check(z.refine((n) => n === null || (Number.isInteger(n) && n >= 1 && n <= 10000), sessionOrNone)),
    /** The row's Source cell (a form-imported measure names its response there); absent or null for a row typed at a session. */
    source: z.optional(z.nullable(z.string(expected('the Source of a form-imported row as text', reopen)))),
    /** The goal a rating is of; absent otherwise. */
    goalId: z.optional(z.nullable(idSchema)),
  },
  expected('a record {kind, row, date, session}'),
);
export type RecordRef = z.infer<typeof recordRefSchema>;

/** The corrected values: a session's date, attendance and note; a rating's 0–10 rating and GAS level; a measure's items. Omitted fields keep the old row's. */
export const correctionSchema = z.object(
  {
    date: z.optional(isoDate('the corrected date')),
    attended: z.optional(z.boolean(expected('attended as true or false'))),
    note: z.optional(optionalText('a note')),
    rating: z.optional(ratingOrNull()),
    gasLevel: z.optional(wholeNumberOrNull('a GAS level', -2, 2)),
    items: z.optional(z.array(z.union([z.number(), z.null()], expected('an item value as a number, or null when unanswered')), expected('a list of item values'))),
  },
  expected('the corrected values'),
);
export type Correction = z.infer<typeof correctionSchema>;

const reasonField = text('a reason (why the record is wrong)', LIMITS.shortText * 3);

export const voidRecordSchema = z.object({ clientCode: clientCodeSchema, record: recordRefSchema, reason: reasonField, requestId: requestIdField }, expected('a record to void {clientCode, record, reason}'));
export type VoidRecordInput = z.infer<typeof voidRecordSchema>;

export const correctRecordSchema = z.object(
  { clientCode: clientCodeSchema, record: recordRefSchema, reason: reasonField, correction: correctionSchema, requestId: requestIdField },
  expected('a record to correct {clientCode, record, reason, correction}'),
);
export type CorrectRecordInput = z.infer<typeof correctRecordSchema>;

export const setClientStatusSchema = z.object(
  {
    clientCode: clientCodeSchema,
    status: vocabulary('a client status', CLIENT_STATUSES),
    reason: z.optional(optionalText('a reason', LIMITS.shortText * 3)),
    requestId: requestIdField,
  },
  expected('a client status {clientCode, status}'),
);
export type SetClientStatusInput = z.infer<typeof setClientStatusSchema>;

/** The Voided cell in plain words: "Voided 2026-12-01 by a@clinic.org: wrong client" or "Corrected 2026-12-01 by …: wrong date; see row 57". */
export function voidedText(how: { date: string; user: string; reason: string; correctedAt?: number }): string {
  const who = how.user || 'an unnamed user';
  const reason = how.reason.trim();
  return how.correctedAt === undefined ? `Voided ${how.date} by ${who}: ${reason}` : `Corrected ${how.date} by ${who}: ${reason}; see row ${how.correctedAt}`;
}

/** True when a Voided cell already holds this very void or correction (same kind, same reason): a retry, which writes nothing new. */
export function sameAmendment(cell: string, correcting: boolean, reason: string): boolean {
  const m = /^(Voided|Corrected) \d{4}-\d{2}-\d{2} by .*?: (.*?)(; see row \d+)?$/s.exec(cell.trim());
  if (!m) return false;
  return (m[1] === 'Corrected') === correcting && m[2] === reason.trim();
}

/** A row as read, for matching against what the sidebar showed. */
export interface RecordIdentity {
  client: string;
  date: string;
  session: number | null;
  goalId?: string;
  /** The Source cell: the form response an imported row came from ('' or absent otherwise). */
  source?: string;
}

/**
 * The row is the record the request names: same client (ignoring case), date, session (a blank Session is only ever the request's
 * null, never a session's number), Source (two responses of one day are two records) and, for a rating, goal.
 */
export function sameRecord(row: RecordIdentity, client: string, ref: RecordRef): boolean {
  return (
    row.client.trim().toLowerCase() === client.trim().toLowerCase() &&
    row.date === ref.date &&
    row.session === ref.session &&
    (row.source ?? '').trim() === (ref.source ?? '').trim() &&
    (ref.kind !== 'rating' || (row.goalId ?? '') === (ref.goalId ?? ''))
  );
}

/** What finding the row gave: the row to amend, the row already amended this very way (a retry), or why none can be. */
export type FoundRecord<T> = { row: T; retry: boolean } | { problem: 'none' | 'ambiguous' | 'voided'; row?: T };

/**
 * Which row to amend. The row the sidebar showed when it still holds the record; else, among the client's rows holding it (a row
 * moved by a hand edit), one already amended this very way (a retry), else the one live row. Never a guess: none or two is a problem.
 */
export function findRecordRow<T extends RecordIdentity & { row: number; voided: string }>(rows: readonly T[], client: string, ref: RecordRef, correcting: boolean, reason: string): FoundRecord<T> {
  const judge = (r: T): FoundRecord<T> => (isLiveRow(r.voided) ? { row: r, retry: false } : sameAmendment(r.voided, correcting, reason) ? { row: r, retry: true } : { problem: 'voided', row: r });
  const at = rows.find((r) => r.row === ref.row);
  if (at && sameRecord(at, client, ref)) return judge(at);
  const matches = rows.filter((r) => sameRecord(r, client, ref));
  const retried = matches.filter((r) => !isLiveRow(r.voided) && sameAmendment(r.voided, correcting, reason));
  if (retried.length === 1) return { row: retried[0], retry: true };
  const live = matches.filter((r) => isLiveRow(r.voided));
  if (live.length === 1) return { row: live[0], retry: false };
  if (live.length > 1) return { problem: 'ambiguous' };
  return matches.length ? { problem: 'voided', row: matches[0] } : { problem: 'none' };
}

/** How a record is named in messages and Audit: "session 3 of 2026-11-20", "rating of goal G1 at session 3", "PHQ-9 at session 3", "PHQ-9 completed on a form (2026-11-23)". */
export function recordName(ref: RecordRef, instrumentName?: string): string {
  if (ref.kind === 'session') return `session ${ref.session} of ${ref.date}`;
  if (ref.kind === 'rating') return `rating of goal ${ref.goalId ?? ''} at session ${ref.session} (${ref.date})`;
  const name = instrumentName ?? ref.instrument ?? 'measure';
  if (ref.session === null) return `${name} ${ref.source ? 'completed on a form' : 'without a session'} (${ref.date})`;
  return `${name} at session ${ref.session} (${ref.date})`;
}
