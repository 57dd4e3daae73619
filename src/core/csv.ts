// De-identified outcomes export: an allowlist of columns, per-column value checks, formula-injection neutralizing and RFC 4180 quoting.
import * as z from 'zod/mini';
import { resolveSeries, type FindInstrument, type MeasureSeries } from './measure-series';
import { findInstrument } from './instruments/registry';
import { bandLabel, type ScoreOptions } from './instruments/score';
import { roundTo } from './numbers';
import { clientCodeShapeSchema } from './client-code';
import { isIsoDate } from './iso-dates';
import { LIMITS } from './limits';
import { describeValue } from './messages';
import { wholeIn } from './numbers';
import type { GasPoint } from './review';

/**
 * The only columns an export may hold (de-identified by design: a client code, dates, scores and controlled labels).
 * Notes, names, goal wording and any other free text are refused.
 */
export const CSV_COLUMNS = ['clientCode', 'date', 'session', 'instrument', 'total', 'band', 'gasTScore', 'gasChange'] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** The brief's default export: client code, date, instrument, total, band, GAS T-score. */
export const DEFAULT_CSV_COLUMNS: readonly CsvColumn[] = ['clientCode', 'date', 'instrument', 'total', 'band', 'gasTScore'];

export const CSV_HEADERS: Record<CsvColumn, string> = {
  clientCode: 'Client code',
  date: 'Date',
  session: 'Session',
  instrument: 'Instrument',
  total: 'Total',
  band: 'Band',
  gasTScore: 'GAS T-score',
  gasChange: 'GAS change',
};

type Kind = 'code' | 'date' | 'session' | 'label' | 'number' | 'gas';

const COLUMN_KIND: Record<CsvColumn, Kind> = { clientCode: 'code', date: 'date', session: 'session', instrument: 'label', total: 'number', band: 'label', gasTScore: 'gas', gasChange: 'gas' };

// GAS outputs are compared to 0.01 (reference, "how to read"), so two decimals lose nothing a reader could use.
const GAS_DECIMALS = 2;

export type CsvCell = string | number | null | undefined;
export type CsvRow = Partial<Record<CsvColumn, CsvCell>>;

// OWASP CSV injection: a spreadsheet treats a cell starting with these as a formula (tab and CR can hide one).
const FORMULA_START = /^[=+\-@\t\r]/;
// A plain decimal number written as text is data, not a formula, so "-3" stays -3.
const PLAIN_NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

/** A cell as text a spreadsheet cannot run: a leading =, +, -, @, tab or CR gets an apostrophe; numbers stay numbers. */
export function neutralizeCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`Expected a finite number in a CSV cell; got ${describeValue(value)}`);
    return String(value);
  }
  if (typeof value !== 'string') throw new Error(`Expected text or a number in a CSV cell; got ${describeValue(value)}`);
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/** [RFC 4180 §2.6–2.7] a field with a comma, quote, CR or LF is enclosed in quotes, each quote doubled. */
export function quoteField(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/** Throws unless every column is in the de-identified allowlist (and none repeats). */
export function checkColumns(columns: readonly string[]): CsvColumn[] {
  if (columns.length === 0) throw new Error(`Expected at least one column from ${CSV_COLUMNS.join(', ')}; got none`);
  const seen = new Set<string>();
  for (const c of columns) {
    if (!(CSV_COLUMNS as readonly string[]).includes(c)) throw new Error(`Expected only de-identified columns (${CSV_COLUMNS.join(', ')}); got ${describeValue(c)}, which is not allowed in an export (no notes, names or free text)`);
    if (seen.has(c)) throw new Error(`Expected each column once; got ${describeValue(c)} twice`);
    seen.add(c);
  }
  return columns as CsvColumn[];
}

const blank = (v: unknown) => v === null || v === undefined || v === '';

/** Checks one value for its column; returns what goes in the cell (GAS values rounded to 2 decimals). */
function cellValue(column: CsvColumn, value: unknown, row: number): CsvCell {
  const where = ` (row ${row}, ${CSV_HEADERS[column]})`;
  const kind = COLUMN_KIND[column];
  if (kind === 'code') {
    // Codes only: a name, email or phone number never leaves in an export.
    if (typeof value !== 'string' || !z.safeParse(clientCodeShapeSchema, value).success) throw new Error(`Expected a client code of 2–20 letters, digits, "-" or "_"${where}; got ${describeValue(value)}`);
    return value;
  }
  if (blank(value)) return '';
  switch (kind) {
    case 'date':
      if (!isIsoDate(value)) throw new Error(`Expected a date as YYYY-MM-DD${where}; got ${describeValue(value)}`);
      return value;
    case 'session':
      return wholeIn(`a session number${where}`, value, 1);
    case 'label':
      // Instrument names and band labels are short controlled labels, not free text.
      if (typeof value !== 'string' || value.length > LIMITS.shortText) throw new Error(`Expected a label of up to ${LIMITS.shortText} characters${where}; got ${describeValue(value)}`);
      return value;
    case 'number':
    case 'gas':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`Expected a number or a blank${where}; got ${describeValue(value)}`);
      return kind === 'gas' ? roundTo(value, GAS_DECIMALS) : value;
  }
}

/**
 * The outcomes CSV: a header row, then one line per row, CRLF line ends ([RFC 4180 §2.1]).
 * Columns default to client code, date, instrument, total, band, GAS T-score; any column outside the allowlist is refused.
 */
export function outcomesCsv(rows: readonly CsvRow[], columns: readonly string[] = DEFAULT_CSV_COLUMNS): string {
  const cols = checkColumns(columns);
  const lines = [cols.map((c) => quoteField(neutralizeCell(CSV_HEADERS[c]))).join(',')];
  rows.forEach((row, i) => {
    if (typeof row !== 'object' || row === null) throw new Error(`Expected an export row as an object (row ${i + 1}); got ${describeValue(row)}`);
    lines.push(cols.map((c) => quoteField(neutralizeCell(cellValue(c, row[c], i + 1)))).join(','));
  });
  return lines.join('\r\n') + '\r\n';
}

/** The instrument label GAS rows carry. */
export const GAS_LABEL = 'GAS';

/**
 * Export rows for one client: one per administration (total and band) and one per GAS result, in date then session order
 * (ties keep measures before GAS, each in input order). Band options are keyed by registry id, as in alerts.ts.
 */
export function outcomeRows(clientCode: string, measures: MeasureSeries, gas: readonly GasPoint[] = [], scoreOptions: Readonly<Record<string, ScoreOptions>> = {}, find: FindInstrument = findInstrument): CsvRow[] {
  const rows: { row: CsvRow; date: string; session: number }[] = [];
  for (const s of resolveSeries(measures, find)) {
    const hasBands = !!(s.def.bandSchemes || s.def.cutoff);
    for (const p of s.points) {
      const band = p.total !== null && hasBands ? bandLabel(s.def, p.total, undefined, scoreOptions[s.def.id] ?? {}) : '';
      rows.push({ row: { clientCode, date: p.date, session: p.session, instrument: s.def.name, total: p.total, band }, date: p.date, session: p.session });
    }
  }
  gas.forEach((g) => rows.push({ row: { clientCode, date: g.date, session: g.session, instrument: GAS_LABEL, gasTScore: g.tScore, gasChange: g.change }, date: g.date, session: g.session }));
  return rows
    .map((r, i) => ({ ...r, i }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.session - b.session || a.i - b.i))
    .map((r) => r.row);
}
