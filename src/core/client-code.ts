// Client codes: the code schema, and the codes-not-names rule (patterns for a code that looks like a name, e-mail or phone number; Attain stores codes, never names).
import * as z from 'zod/mini';
import { describeValue, expected } from './messages';
import { sheetsWouldCoerce } from './sheets-literal';

const CLIENT_CODE = /^[A-Za-z0-9_-]{2,20}$/;
const clientCodeExpectation = expected('a client code of 2–20 letters, digits, "-" or "_" (e.g. "C-0142")');

/** Why a well-formed code would still be misread by Sheets (no letter, or reads as a number, date or boolean), or null when it is safe. */
export function clientCodeMisread(code: string): string | null {
  const reading = sheetsWouldCoerce(code);
  if (reading) return `which Sheets reads as ${reading.shown}`;
  return /[A-Za-z]/.test(code) ? null : 'which has no letter';
}

/** The message for a code Sheets would misread: codes are COUNTIFS/MATCH criteria, and a criterion that reads as a number matches no text cell. */
export function clientCodeMisreadMessage(code: string, why: string): string {
  return `Expected a client code with at least one letter that Sheets cannot read as a number, date or TRUE/FALSE (e.g. "C-0142"); got ${describeValue(code)}, ${why}`;
}

/** The shape alone (2–20 letters, digits, - or _): for exports, which must keep a legacy code Sheets misreads rather than drop its rows. */
export const clientCodeShapeSchema = z.string(clientCodeExpectation).check(z.refine((s) => CLIENT_CODE.test(s), clientCodeExpectation));

/** A code a new or saved record may use: the shape, and nothing Sheets would read as a number, date or boolean. */
export const clientCodeSchema = z.string(clientCodeExpectation).check(
  z.refine((s) => CLIENT_CODE.test(s), clientCodeExpectation),
  // Only a well-formed code reaches this message; a malformed one has the format message above.
  z.refine((s) => !CLIENT_CODE.test(s) || clientCodeMisread(s) === null, { error: (iss) => clientCodeMisreadMessage(String(iss.input), clientCodeMisread(String(iss.input)) ?? '') }),
);

/**
 * The codes-not-names rule as data: each pattern, what it catches and what it looks like. A code matching any of them is refused
 * unless the clinician confirms it is not a name, and never leaves the workbook in an export without that confirmation.
 */
export const NAME_LIKE_PATTERNS: readonly { id: string; pattern: RegExp; looksLike: string }[] = [
  { id: 'email', pattern: /@/, looksLike: 'an e-mail address' },
  // Phone, NHS and other ID numbers, and dates of birth all carry 7+ digits.
  { id: 'phone', pattern: /^(?:\D*\d){7}/, looksLike: 'a phone number, ID number or date of birth (7 or more digits)' },
  { id: 'capitalised-word', pattern: /^\p{Lu}\p{Ll}{2,}$/u, looksLike: 'a name (one capitalised word, like "Smith")' },
  { id: 'initials-surname', pattern: /^(?:\p{Lu}[.\s_-]*){1,3}\p{Lu}\p{Ll}{2,}$/u, looksLike: 'a name (initials and a surname, like "JSmith" or "J.Smith")' },
  { id: 'first-last', pattern: /^\p{L}[\p{L}']+(?:[\s._,-]+\p{L}[\p{L}']*)+$/u, looksLike: 'a name (a first and last name, like "John Smith")' },
  { id: 'camel-name', pattern: /^\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)+$/u, looksLike: 'a name (like "JaneSmith")' },
];

/** What a code looks like when it looks like a name, e-mail or phone number (the first pattern it matches), or null for a code. */
export function codeLooksLikeName(code: string): string | null {
  const raw = code.trim();
  if (raw === '') return null;
  for (const p of NAME_LIKE_PATTERNS) {
    if (!p.pattern.test(raw)) continue;
    // Words all in capitals with no lower-case letter ("AB-CD", "DEMO-X") read as codes, not names.
    if ((p.id === 'first-last' || p.id === 'initials-surname') && !/\p{Ll}/u.test(raw)) continue;
    return p.looksLike;
  }
  return null;
}

/** The one message for a code refused because it looks like a name: what came, why, and the two ways on. */
export function nameLikeCodeMessage(code: string, looksLike: string): string {
  return `Expected a clinic code such as "C-0142"; ${JSON.stringify(code.trim())} looks like ${looksLike}. Attain stores codes, never names or contact details: use another code, or tick "This code is not a name" if it really is a code`;
}

/** True when a code has a code's shape (2–20 letters, digits, "-" or "_"). */
export function hasCodeShape(code: string): boolean {
  return CLIENT_CODE.test(code);
}

/** True when a code may leave the workbook in an export: its shape is a code's and it does not look like a name, or the clinician confirmed it is not one. */
export function codeExportable(code: string, confirmedNotName: boolean): boolean {
  return CLIENT_CODE.test(code) && (confirmedNotName || codeLooksLikeName(code) === null);
}
