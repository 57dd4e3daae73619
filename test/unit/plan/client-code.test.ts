// Specification of client codes: Attain stores codes, never names, emails or phone numbers.
import * as z from 'zod/mini';
import { clientCodeSchema, clientCodeWarnings } from '../../../src/core/client-code';

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

describe('clientCodeWarnings', () => {
  test.each(['C-0142', 'AB12', 'CL-2026-07', 'AB-CD', 'X9', 'JS'])('accepts the code %p without warnings', (code) => {
    expect(clientCodeWarnings(code)).toEqual([]);
  });

  test.each(['Jane Smith', 'jane smith', 'J. Smith', 'Smith, Jane', 'Jane_Smith', 'jane-smith', 'JaneSmith', 'Jane', "Siobhán O'Neill"])('warns that %p looks like a personal name', (code) => {
    expect(clientCodeWarnings(code)).toEqual([expect.stringContaining('looks like a personal name')]);
  });

  test('warns that an email address is contact details', () => {
    expect(clientCodeWarnings('jane@x.org')).toEqual([expect.stringContaining('looks like an email address')]);
  });

  test.each(['07700 900123', '+44 7700 900123', '(020) 7946-0958', '943 476 5919', '1990-04-12'])('warns that %p has 7 or more digits', (code) => {
    expect(clientCodeWarnings(code)).toEqual([expect.stringContaining('7 or more digits')]);
  });

  test('quotes the code and suggests a clinic code in the warning', () => {
    expect(clientCodeWarnings('Jane Smith')[0]).toBe('"Jane Smith" looks like a personal name. Attain stores client codes, never names; use a clinic code such as "C-0142".');
  });
});
