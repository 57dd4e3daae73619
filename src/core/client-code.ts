// Client codes: the code schemas (zod/mini) and the rule for codes Sheets would misread; the shape and the codes-not-names rule come from client-code-shape.ts (re-exported here).
import * as z from 'zod/mini';
import { CLIENT_CODE } from './client-code-shape';
import { describeValue, expected } from './messages';
import { sheetsWouldCoerce } from './sheets-literal';

// The shape and the codes-not-names rule live in client-code-shape.ts (no zod, so the sidebar's first screen can carry them).
export { codeExportable, codeLooksLikeName, hasCodeShape, NAME_LIKE_PATTERNS, nameLikeCodeMessage } from './client-code-shape';

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
