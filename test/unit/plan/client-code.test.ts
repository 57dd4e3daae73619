// Specification of client codes: Attain stores codes, never names, emails or phone numbers.
import * as z from 'zod/mini';
import fc from 'fast-check';
import { clientCodeSchema, codeExportable, codeLooksLikeName, nameLikeCodeMessage, NAME_LIKE_PATTERNS } from '../../../src/core/client-code';

describe('clientCodeSchema', () => {
  test.each(['C-0142', 'AB12', 'ab', 'client_07', 'A'.repeat(20)])('accepts %p', (code) => {
    expect(z.safeParse(clientCodeSchema, code).success).toBe(true);
  });

  test.each(['A', 'A'.repeat(21), 'C 0142', 'jane@x.org', 'C/0142', ''])('rejects %p', (code) => {
    expect(z.safeParse(clientCodeSchema, code).success).toBe(false);
  });

  // Codes are COUNTIFS/MATCH criteria: one Sheets reads as a number, date or boolean would match no text cell.
  test.each([
    ['0142', 'which Sheets reads as the number 142'],
    ['12-3', 'which Sheets reads as a date (12-3)'],
    ['1e5', 'which Sheets reads as the number 100000'],
    ['2026-01-02', 'which Sheets reads as a date (2026-01-02)'],
    ['TRUE', 'which Sheets reads as the boolean TRUE'],
    ['3-Jan', 'which Sheets reads as a date (3-Jan)'],
    ['12_3', 'which has no letter'],
  ])('refuses %p, saying why', (code, why) => {
    const r = z.safeParse(clientCodeSchema, code);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toBe(`Expected a client code with at least one letter that Sheets cannot read as a number, date or TRUE/FALSE (e.g. "C-0142"); got "${code}", ${why}`);
  });

  test('a malformed code gets the format message only', () => {
    const r = z.safeParse(clientCodeSchema, 'C 0142');
    expect(r.error?.issues.map((i) => i.message)).toEqual(['Expected a client code of 2–20 letters, digits, "-" or "_" (e.g. "C-0142"); got "C 0142"']);
  });
});

describe('codes, not names: codeLooksLikeName', () => {
  test.each(['C-0142', 'DEMO-05', 'AB12', 'CL-2026-07', 'AB-CD', 'X9', 'JS', 'client_07', 'ab'])('lets the code %p pass', (code) => {
    expect(codeLooksLikeName(code)).toBeNull();
  });

  test.each([
    ['Smith', 'one capitalised word'],
    ['Jane', 'one capitalised word'],
    ['JSmith', 'initials and a surname'],
    ['J.Smith', 'initials and a surname'],
    ['J. Smith', 'initials and a surname'],
    ['JK_Smith', 'initials and a surname'],
    ['John Smith', 'a first and last name'],
    ['jane smith', 'a first and last name'],
    ['Smith, Jane', 'a first and last name'],
    ['jane-smith', 'a first and last name'],
    ["Siobhán O'Neill", 'a first and last name'],
    ['JaneSmith', 'JaneSmith'],
    ['a@b.org', 'an e-mail address'],
    ['07700 900123', 'a phone number'],
    ['+44 7700 900123', 'a phone number'],
    ['1990-04-12', 'a phone number'],
  ])('refuses %p: it looks like %s', (code, what) => {
    expect(codeLooksLikeName(code)).toContain(what);
  });

  test('the rule is data: every pattern has an id and says what it catches', () => {
    expect(NAME_LIKE_PATTERNS.map((p) => p.id)).toEqual(['email', 'phone', 'capitalised-word', 'initials-surname', 'first-last', 'camel-name']);
  });

  test('law: a clinic code (capitals, digits, "-" with at most 6 digits) always passes', () => {
    const code = fc.tuple(fc.stringMatching(/^[A-Z]{1,4}$/), fc.constantFrom('-', '_', ''), fc.stringMatching(/^[0-9]{1,6}$/)).map(([a, s, d]) => `${a}${s}${d}`);
    fc.assert(fc.property(code, (c) => codeLooksLikeName(c) === null));
  });

  test('law: a capitalised word of 3+ letters, alone, after initials, or as a first and last name, is always refused', () => {
    const word = fc.tuple(fc.stringMatching(/^[A-Z]$/), fc.stringMatching(/^[a-z]{2,8}$/)).map(([a, b]) => a + b);
    const initials = fc.stringMatching(/^[A-Z]{1,2}\.?$/);
    const name = fc.oneof(word, fc.tuple(initials, word).map(([i, w]) => i + w), fc.tuple(word, fc.constantFrom(' ', '-', '_', '.'), word).map(([a, s, b]) => a + s + b));
    fc.assert(fc.property(name, (n) => codeLooksLikeName(n) !== null));
  });

  test('law: an e-mail address or anything with 7 or more digits is always refused', () => {
    fc.assert(fc.property(fc.emailAddress(), (e) => codeLooksLikeName(e) !== null));
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 7, maxLength: 12 }), fc.constantFrom(' ', '-', ''), (ds, sep) => codeLooksLikeName(ds.join(sep)) !== null));
  });

  test('the message says what came, what it looks like and the two ways on, in one sentence', () => {
    expect(nameLikeCodeMessage('Smith', codeLooksLikeName('Smith')!)).toBe(
      'Expected a clinic code such as "C-0142"; "Smith" looks like a name (one capitalised word, like "Smith"). Attain stores codes, never names or contact details: use another code, or tick "This code is not a name" if it really is a code',
    );
  });
});

describe('codeExportable', () => {
  test('a code passes; a name-like code only when confirmed; a malformed code never', () => {
    expect(codeExportable('DEMO-05', false)).toBe(true);
    expect(codeExportable('Smith', false)).toBe(false);
    expect(codeExportable('Smith', true)).toBe(true);
    expect(codeExportable('Jane Smith', true)).toBe(false);
  });
});
