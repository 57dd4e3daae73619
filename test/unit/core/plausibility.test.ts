// Plausible values in every input: dates 1900-01-01…2100-12-31 with a four-digit year, and one whole 0–10 rating rule for sessions and reviews.
import fc from 'fast-check';
import * as z from 'zod/mini';
import { isoDate, isoDateOrBlank, ratingOrNull } from '../../../src/core/field-schemas';
import { addDaysIso, daysBetweenIso, isPlausibleIsoDate, MAX_ISO_DATE, MIN_ISO_DATE } from '../../../src/core/iso-dates';
import { fieldErrors } from '../../../src/core/messages';
import { sessionRatingSchema } from '../../../src/core/session-input';

const pad = (n: number, w: number) => String(n).padStart(w, '0');
/** Every calendar day from 1900-01-01 to 2100-12-31, as an offset from the first. */
const SPAN = daysBetweenIso(MIN_ISO_DATE, MAX_ISO_DATE);
const inRange = fc.integer({ min: 0, max: SPAN }).map((d) => addDaysIso(MIN_ISO_DATE, d));
const firstError = (schema: Parameters<typeof z.safeParse>[0], value: unknown) => Object.values(fieldErrors(z.safeParse(schema, value)))[0];

describe('dates from 1900 to 2100', () => {
  test('every valid date in range round-trips through the date schema unchanged', () => {
    fc.assert(
      fc.property(inRange, (d) => {
        const r = z.safeParse(isoDate('a session date'), d);
        return r.success && r.data === d && isPlausibleIsoDate(d);
      }),
    );
  });

  test('every real date outside 1900–2100 (years 0000–1899 and 2101–9999) is refused', () => {
    const year = fc.oneof(fc.integer({ min: 0, max: 1899 }), fc.integer({ min: 2101, max: 9999 }));
    fc.assert(
      fc.property(year, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), (y, m, d) => {
        const iso = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
        return !isPlausibleIsoDate(iso) && !z.safeParse(isoDate(), iso).success && !z.safeParse(isoDateOrBlank('a deadline'), iso).success;
      }),
    );
  });

  test('the bounds themselves are accepted; the days either side are not', () => {
    expect(isPlausibleIsoDate('1900-01-01')).toBe(true);
    expect(isPlausibleIsoDate('2100-12-31')).toBe(true);
    expect(isPlausibleIsoDate('1899-12-31')).toBe(false);
    expect(isPlausibleIsoDate('2101-01-01')).toBe(false);
  });

  test.each(['0026-01-12', '1800-06-01', '9999-12-31', '26-01-12', '+02026-01-12', '20260-01-12'])('refuses %p with a field message naming the range', (d) => {
    expect(firstError(isoDate('a start date'), d)).toBe(`Expected a start date from 1900-01-01 to 2100-12-31 as YYYY-MM-DD; got ${JSON.stringify(d)}`);
  });

  test('a blank deadline is still allowed where the field may be blank', () => {
    expect(z.safeParse(isoDateOrBlank('a deadline'), '').success).toBe(true);
  });
});

describe('one whole 0–10 rating rule', () => {
  test('whole numbers 0–10 and null are accepted; anything else is refused', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10 }), (n) => z.safeParse(ratingOrNull(), n).success));
    expect(z.safeParse(ratingOrNull(), null).success).toBe(true);
    fc.assert(
      fc.property(
        fc.oneof(fc.double({ noNaN: false }).filter((n) => !(Number.isInteger(n) && n >= 0 && n <= 10)), fc.integer({ min: 11 }), fc.integer({ max: -1 })),
        (n) => !z.safeParse(ratingOrNull(), n).success,
      ),
    );
  });

  test('recordSession refuses 7.5 with the same message saveReview gives', () => {
    expect(fieldErrors(z.safeParse(sessionRatingSchema, { goalId: 'C-1.G1', rating: 7.5, gasLevel: null }))).toEqual({ rating: 'Expected a rating as a whole number 0–10; got 7.5' });
  });
});
