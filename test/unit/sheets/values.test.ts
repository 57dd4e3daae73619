// Cell value helpers: text that can never become a formula, time-zone-free date serials, and reading date cells back.
import { cellToIso, dateCellToIso, isoToSerial, safeText, serialToIso, wallTimeToSerial, zoneOffsetMs } from '../../../src/sheets/values';

describe('safeText', () => {
  test.each([
    ['=IMPORTRANGE("x","A1")', `'=IMPORTRANGE("x","A1")`],
    ['+44 20 7946 0000', "'+44 20 7946 0000"],
    ['-walk', "'-walk"],
    ['@diary', "'@diary"],
    ["'quoted", "''quoted"],
  ])('%s gets an apostrophe in a column not formatted as text', (input, stored) => expect(safeText(input, false)).toBe(stored));

  test.each(['Went well', ' =not first', '3-4 times', 'a=b', ''])('%j is stored as typed', (input) => expect(safeText(input, false)).toBe(input));

  // A plain-text ("@") cell parses nothing, and may store an apostrophe as typed: no apostrophe goes in, so none can show or grow.
  test.each(['=1+1', '- walk daily', '+44 7700', '@diary', "'quoted", 'Went well'])('%j goes into a plain-text cell as typed', (input) => expect(safeText(input, true)).toBe(input));
});

describe('dates', () => {
  test('ISO ↔ serial round-trips, with Sheets day 0 = 1899-12-30', () => {
    expect(isoToSerial('1899-12-30')).toBe(0);
    expect(isoToSerial('2026-01-12')).toBe(46034);
    for (const iso of ['1900-03-01', '2024-02-29', '2026-12-31', '2099-01-01']) expect(serialToIso(isoToSerial(iso))).toBe(iso);
    expect(() => isoToSerial('12/01/2026')).toThrow('Expected a date as YYYY-MM-DD; got "12/01/2026"');
  });

  test('a wall-clock time becomes a fractional serial', () => {
    expect(wallTimeToSerial('2026-01-12 18:00:00')).toBe(46034.75);
  });

  test('zone offsets parse from Utilities.formatDate(…, "Z")', () => {
    expect(zoneOffsetMs('+0100')).toBe(3600000);
    expect(zoneOffsetMs('-0530')).toBe(-19800000);
    expect(() => zoneOffsetMs('BST')).toThrow(/Expected a time-zone offset/);
  });

  test('a date cell (midnight in the sheet zone) reads back as its calendar date, even across daylight saving', () => {
    // 2026-07-01 00:00 in London (BST, +1) is 2026-06-30T23:00Z; read with the winter offset (+0) it still rounds to 07-01.
    expect(dateCellToIso(new Date('2026-06-30T23:00:00Z'), 0)).toBe('2026-07-01');
    expect(dateCellToIso(new Date('2026-06-30T23:00:00Z'), 3600000)).toBe('2026-07-01');
    // Auckland (+13 in January): 2026-01-12 00:00 is 2026-01-11T11:00Z.
    expect(dateCellToIso(new Date('2026-01-11T11:00:00Z'), 13 * 3600000)).toBe('2026-01-12');
    // Honolulu (−10).
    expect(dateCellToIso(new Date('2026-01-12T10:00:00Z'), -10 * 3600000)).toBe('2026-01-12');
  });

  test('cellToIso accepts Dates, serials and ISO text, and gives "" for anything else', () => {
    const fmt = () => '2026-01-12';
    expect(cellToIso(new Date(), fmt)).toBe('2026-01-12');
    expect(cellToIso(46034, fmt)).toBe('2026-01-12');
    expect(cellToIso(' 2026-01-12 ', fmt)).toBe('2026-01-12');
    expect(cellToIso('next week', fmt)).toBe('');
    expect(cellToIso('', fmt)).toBe('');
  });
});
