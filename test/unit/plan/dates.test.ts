// Specification of ISO date handling: validation and day arithmetic without Date or time zones.
import fc from 'fast-check';
import { addDaysIso, daysBetweenIso, isIsoDate } from '../../../src/core/iso-dates';

describe('isIsoDate', () => {
  test.each(['2026-01-29', '2024-02-29', '2000-02-29', '1999-12-31'])('accepts %p', (d) => expect(isIsoDate(d)).toBe(true));
  test.each(['2026-02-29', '1900-02-29', '2026-13-01', '2026-04-31', '2026-1-29', '29/01/2026', '', 20260129])('rejects %p', (d) => expect(isIsoDate(d)).toBe(false));
});

describe('addDaysIso', () => {
  test('adds six weeks across a month end: 2026-01-29 + 42 days = 2026-03-12', () => {
    expect(addDaysIso('2026-01-29', 42)).toBe('2026-03-12');
  });

  test('crosses a leap day and a year end', () => {
    expect(addDaysIso('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDaysIso('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDaysIso('2026-03-01', -1)).toBe('2026-02-28');
  });

  test('agrees with UTC Date arithmetic for any date and shift', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 * 365 }), fc.integer({ min: -3000, max: 3000 }), (start, shift) => {
        const from = new Date(Date.UTC(1950, 0, 1) + start * 86400000).toISOString().slice(0, 10);
        const expected = new Date(Date.parse(`${from}T00:00:00Z`) + shift * 86400000).toISOString().slice(0, 10);
        expect(addDaysIso(from, shift)).toBe(expected);
        expect(daysBetweenIso(from, expected)).toBe(shift);
      }),
    );
  });

  test('throws on a malformed date, saying what it got', () => {
    expect(() => addDaysIso('next week', 7)).toThrow('Expected a date as YYYY-MM-DD; got "next week"');
  });
});
