// What a typed or written entry becomes (emulator/entry.ts parseEntry, Sheets' en_GB parsing): numbers need digits before an exponent.
import { parseEntry } from '../../../emulator/entry';

describe('parseEntry', () => {
  test.each(['e0', 'E12', 'e00', '+e5', '.e1'])('"%s" (a client code, not a number) stays text', (text) => {
    // Text reaches HyperFormula behind its literal mark ', so it never parses the text itself.
    expect(parseEntry(text, undefined).content).toBe(`'${text}`);
  });
  test.each([
    ['1e5', 100000],
    ['2.5E-1', 0.25],
    ['.5', 0.5],
    ['-3', -3],
    ['12,345', 12345],
  ])('"%s" is the number %d', (text, n) => {
    expect(parseEntry(text, undefined).content).toBe(n);
  });
});
