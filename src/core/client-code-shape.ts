// Client codes without zod: the code's shape and the codes-not-names rule (patterns for a code that looks like a name, e-mail or phone number), shared by client-code.ts's schemas and the sidebar's live checks.

/** 2–20 letters, digits, "-" or "_". */
export const CLIENT_CODE = /^[A-Za-z0-9_-]{2,20}$/;

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
