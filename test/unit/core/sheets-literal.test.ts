// Specification of sheetsWouldCoerce: which texts Google Sheets reads as a number, date/time or TRUE/FALSE rather than as text.
import fc from 'fast-check';
import { sheetsWouldCoerce } from '../../../src/core/sheets-literal';

describe('sheetsWouldCoerce', () => {
  test.each([
    ['0142', 'number', 'the number 142'],
    ['-12', 'number', 'the number -12'],
    ['1e5', 'number', 'the number 100000'],
    ['1E-3', 'number', 'the number 0.001'],
    ['1,234.5', 'number', 'the number 1234.5'],
    ['5%', 'number', 'the number 5%'],
    ['0x1F', 'number', 'a number (0x1F)'],
    ['12-3', 'date', 'a date (12-3)'],
    ['1/2', 'date', 'a date (1/2)'],
    ['2026-01-02', 'date', 'a date (2026-01-02)'],
    ['3-Jan', 'date', 'a date (3-Jan)'],
    ['jan-2026', 'date', 'a date (jan-2026)'],
    ['3 March 2026', 'date', 'a date (3 March 2026)'],
    ['12:30', 'date', 'a time (12:30)'],
    ['3pm', 'date', 'a time (3pm)'],
    ['TRUE', 'boolean', 'the boolean TRUE'],
    ['false', 'boolean', 'the boolean FALSE'],
  ])('%p reads as %s', (text, kind, shown) => {
    expect(sheetsWouldCoerce(text)).toEqual({ kind, shown });
  });

  test.each(['C-0142', 'AB12', 'client_07', 'E5', '5e', 'Jan-Feb', 'TRUE-1', 'X9', '12_3', '', 'May'])('%p stays text', (text) => {
    expect(sheetsWouldCoerce(text)).toBeNull();
  });

  // Law: no month name, boolean, exponent or hex form has k, q, w or z, so a code holding one of them is always text.
  test('any code containing k, q, w or z stays text', () => {
    const char = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.split(''));
    const code = fc.tuple(fc.array(char, { maxLength: 9 }), fc.constantFrom('k', 'Q', 'w', 'Z'), fc.array(char, { maxLength: 9 })).map(([a, m, b]) => [...a, m, ...b].join(''));
    fc.assert(fc.property(code, (c) => sheetsWouldCoerce(c) === null));
  });

  // Law: digits alone, with or without a sign, always read as the number they spell.
  test('any run of digits reads as its number', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[+-]?\d{1,15}$/), (s) => {
        expect(sheetsWouldCoerce(s)).toEqual({ kind: 'number', shown: `the number ${Number(s)}` });
      }),
    );
  });

  // Law: two or three groups of 1–4 digits joined by "-" or "/" always read as a date in some locale.
  test('digit groups joined by - or / read as a date', () => {
    const group = fc.stringMatching(/^\d{1,4}$/);
    fc.assert(
      fc.property(fc.array(group, { minLength: 2, maxLength: 3 }), fc.constantFrom('-', '/'), (parts, sep) => {
        expect(sheetsWouldCoerce(parts.join(sep))?.kind).toBe('date');
      }),
    );
  });
});
