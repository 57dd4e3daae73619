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
