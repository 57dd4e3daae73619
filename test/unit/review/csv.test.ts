// Specification of the de-identified outcomes CSV: column allowlist, value checks, formula-injection neutralizing, RFC 4180 quoting and round trip.
import fc from 'fast-check';
import { CSV_COLUMNS, neutralizeCell, outcomeRows, outcomesCsv, quoteField, type CsvRow } from '../../../src/core/csv';
import { roundTo } from '../../../src/core/numbers';
import { series } from './fixtures';

/** A strict RFC 4180 reader: quoted fields with "" escapes, CRLF records; a bare quote, CR or LF in an unquoted field is an error. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  const endField = () => {
    row.push(field);
    field = '';
    wasQuoted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"' && field === '' && !wasQuoted) {
      quoted = true;
      wasQuoted = true;
    } else if (ch === ',') endField();
    else if (ch === '\r' && text[i + 1] === '\n') {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else if (ch === '"' || ch === '\r' || ch === '\n' || wasQuoted) throw new Error(`unexpected ${JSON.stringify(ch)} at ${i}`);
    else field += ch;
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}

const HEADER = 'Client code,Date,Instrument,Total,Band,GAS T-score';

describe('neutralizeCell', () => {
  test('prefixes a formula with an apostrophe', () => {
    expect(neutralizeCell('=HYPERLINK("http://evil.example","click")')).toBe('\'=HYPERLINK("http://evil.example","click")');
  });

  test.each(['+1+cmd', '-2+3', '@SUM(A1)', '\tx', '\rx'])('prefixes a cell starting with %j', (cell) => {
    expect(neutralizeCell(cell)).toBe(`'${cell}`);
  });

  test('leaves a negative number a number', () => {
    expect(neutralizeCell(-3)).toBe('-3');
  });

  test('leaves a negative number written as text a number', () => {
    expect(neutralizeCell('-3')).toBe('-3');
    expect(neutralizeCell('-0.25')).toBe('-0.25');
  });

  test('leaves ordinary text and blanks alone', () => {
    expect(neutralizeCell('Moderately severe')).toBe('Moderately severe');
    expect(neutralizeCell(null)).toBe('');
  });
});

describe('quoteField (RFC 4180)', () => {
  test('quotes a field with a comma, a quote or a line break, doubling quotes', () => {
    expect(quoteField('a,b')).toBe('"a,b"');
    expect(quoteField('say "hi"')).toBe('"say ""hi"""');
    expect(quoteField('two\r\nlines')).toBe('"two\r\nlines"');
  });

  test('leaves a plain field unquoted', () => {
    expect(quoteField('PHQ-9')).toBe('PHQ-9');
  });
});

describe('outcomesCsv', () => {
  const row: CsvRow = { clientCode: 'C-0142', date: '2026-01-05', instrument: 'PHQ-9', total: 12, band: 'Moderate', gasTScore: 43.1234 };

  test('writes the header and one CRLF-ended line per row, GAS rounded to 2 decimals', () => {
    expect(outcomesCsv([row])).toBe(`${HEADER}\r\nC-0142,2026-01-05,PHQ-9,12,Moderate,43.12\r\n`);
  });

  test('writes a blank for a missing value', () => {
    expect(outcomesCsv([{ ...row, total: null, band: '', gasTScore: undefined }])).toBe(`${HEADER}\r\nC-0142,2026-01-05,PHQ-9,,,\r\n`);
  });

  test('neutralizes and quotes an injected formula: =HYPERLINK(…) becomes \'=HYPERLINK(…)', () => {
    const csv = outcomesCsv([{ ...row, band: '=HYPERLINK("http://x","y")' }]);
    expect(csv.split('\r\n')[1]).toBe('C-0142,2026-01-05,PHQ-9,12,"\'=HYPERLINK(""http://x"",""y"")",43.12');
  });

  test('keeps a negative GAS change a number: -3 stays -3', () => {
    expect(outcomesCsv([{ ...row, gasChange: -3 }], ['clientCode', 'gasChange'])).toBe('Client code,GAS change\r\nC-0142,-3\r\n');
  });

  test.each(['notes', 'name', 'statement'])('refuses the column %j (not de-identified)', (column) => {
    expect(() => outcomesCsv([row], ['clientCode', column])).toThrow(`Expected only de-identified columns (${CSV_COLUMNS.join(', ')}); got "${column}", which is not allowed in an export (no notes, names or free text)`);
  });

  test('refuses a client code that is not a code (an email address)', () => {
    expect(() => outcomesCsv([{ ...row, clientCode: 'jane@example.com' }])).toThrow('Expected a client code of 2–20 letters, digits, "-" or "_" (row 1, Client code); got "jane@example.com"');
  });

  test('neutralizes a client code that a spreadsheet would read as a formula (-A1)', () => {
    expect(outcomesCsv([{ ...row, clientCode: '-A1' }]).split('\r\n')[1]).toMatch(/^'-A1,/);
  });

  test('refuses text where a number belongs', () => {
    expect(() => outcomesCsv([{ ...row, total: '12' }])).toThrow('Expected a number or a blank (row 1, Total); got "12"');
  });

  test('refuses a long label, which would be free text', () => {
    expect(() => outcomesCsv([{ ...row, band: 'x'.repeat(61) }])).toThrow(/^Expected a label of up to 60 characters \(row 1, Band\)/);
  });

  test('refuses a column named twice', () => {
    expect(() => outcomesCsv([row], ['clientCode', 'clientCode'])).toThrow('Expected each column once; got "clientCode" twice');
  });

  test('law: every export reads back through an RFC 4180 parser as the neutralized cells, and stripping the apostrophe gives the original text', () => {
    const unit = fc.oneof(fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '"', ',', "'", ' ', '1'), fc.string({ minLength: 1, maxLength: 1, unit: 'grapheme' }));
    const label = fc.string({ unit, maxLength: 20 });
    const csvRow = fc.record({
      clientCode: fc.stringMatching(/^[A-Za-z0-9_-]{2,20}$/),
      date: fc.constantFrom('2026-01-05', '2025-12-31'),
      instrument: label,
      total: fc.option(fc.integer({ min: -50, max: 200 }), { nil: null }),
      band: label,
      gasTScore: fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(csvRow, { maxLength: 10 }), (rows) => {
        const parsed = parseCsv(outcomesCsv(rows));
        expect(parsed[0].join(',')).toBe(HEADER);
        expect(parsed).toHaveLength(rows.length + 1);
        rows.forEach((r, i) => {
          const [code, date, instrument, total, band, t] = parsed[i + 1];
          expect(date).toBe(r.date);
          for (const [cell, original] of [[code, r.clientCode], [instrument, r.instrument], [band, r.band]] as const) {
            expect(cell).toBe(neutralizeCell(original));
            expect(cell !== original ? cell.slice(1) : cell).toBe(original);
            expect(/^[=+\-@\t\r]/.test(cell) && !/^-?[\d.]/.test(cell)).toBe(false);
          }
          expect(total === '' ? null : Number(total)).toBe(r.total);
          expect(t === '' ? null : Number(t) === roundTo(r.gasTScore as number, 2)).toBe(r.gasTScore === null ? null : true);
        });
      }),
    );
  });
});

describe('outcomeRows', () => {
  test('gives one row per administration with its band, and one per GAS result, in date order', () => {
    const rows = outcomeRows('C-0142', { 'PHQ-9': series([16, 9]), 'GAD-7': series([11], 2) }, [{ date: '2026-01-12', session: 2, tScore: 41.5, change: 5.2 }]);
    expect(rows).toEqual([
      { clientCode: 'C-0142', date: '2026-01-05', session: 1, instrument: 'PHQ-9', total: 16, band: 'Moderately severe' },
      { clientCode: 'C-0142', date: '2026-01-12', session: 2, instrument: 'PHQ-9', total: 9, band: 'Mild' },
      { clientCode: 'C-0142', date: '2026-01-12', session: 2, instrument: 'GAD-7', total: 11, band: 'Moderate' },
      { clientCode: 'C-0142', date: '2026-01-12', session: 2, instrument: 'GAS', gasTScore: 41.5, gasChange: 5.2 },
    ]);
  });

  test('rows export as CSV without further shaping', () => {
    const csv = outcomesCsv(outcomeRows('C-0142', { 'PHQ-9': series([null]) }));
    expect(csv).toBe(`${HEADER}\r\nC-0142,2026-01-05,PHQ-9,,,\r\n`);
  });
});
