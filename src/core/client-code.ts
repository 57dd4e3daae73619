// Client codes: the code schema and warnings for a code that looks like a name, email or phone number (Attain stores codes, never names).
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

/** Warnings for a client code that looks like identifying data (a name, email or phone/ID number); empty when it looks like a code. */
export function clientCodeWarnings(code: string): string[] {
  const warnings: string[] = [];
  const raw = code.trim();
  const shown = JSON.stringify(raw);
  if (/@/.test(raw)) {
    warnings.push(`${shown} looks like an email address. Attain stores client codes, never contact details; use a clinic code such as "C-0142".`);
  }
  // Phone, NHS and other ID numbers, and dates of birth all carry 7+ digits.
  if ((raw.match(/\d/g) ?? []).length >= 7) {
    warnings.push(`${shown} has 7 or more digits, like a phone number, ID number or date of birth. Use a short clinic code such as "C-0142".`);
  }
  if (looksLikeName(raw)) {
    warnings.push(`${shown} looks like a personal name. Attain stores client codes, never names; use a clinic code such as "C-0142".`);
  }
  return warnings;
}

function looksLikeName(raw: string): boolean {
  if (raw === '' || /[\d@]/.test(raw)) return false;
  if (/^[A-Z][a-z]+(?:[A-Z][a-z]+)+$/.test(raw)) return true; // "JaneSmith"
  const words = raw.split(/[\s._,-]+/).filter((w) => w !== '');
  if (!words.every((w) => /^[\p{L}']+$/u.test(w))) return false;
  if (words.length >= 2) {
    // "Jane Smith", "jane smith", "J. Smith", "Smith, Jane", "jane_smith"; all-caps pairs ("AB-CD") read as codes.
    return words.some((w) => /\p{Ll}/u.test(w)) && words.some((w) => w.length >= 2);
  }
  return /^\p{Lu}\p{Ll}{2,}$/u.test(raw); // a lone capitalised word: "Jane"
}
