// What a cell receives: a typed entry parsed as Sheets parses it (en_GB: numbers, percentages, dates, times, booleans, else text), and a script's value or formula as Sheets stores it.
import type { RawCellContent } from 'hyperformula';
import { MAX_CELL_CHARS } from './model';
import { isDate } from './not-emulated';
import { DEFAULT_DATE_FORMAT, DEFAULT_DATETIME_FORMAT, isDateFormat } from './numfmt';
import { serialOfInstant } from './time';
/** What a script or person puts into a cell, after Sheets' parsing. */
export interface Prepared {
  content: RawCellContent;
  nf?: string;
}

/**
 * What a leading apostrophe does in a plain-text ("@") cell. 'keep': stored and shown as typed (the pessimistic default: Google does
 * not document it, and users report "'- walk daily" shown). 'strip': dropped, as in any other cell.
 */
export type ApostropheInTextCells = 'strip' | 'keep';

// A number needs digits before the exponent: "e0" or "E12" (client codes) stay text, as in Sheets.
const NUMBER = /^[+-]?(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?$/;

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Parses text the way Sheets parses a typed entry (en_GB locale): numbers, percentages, dates, times, booleans, else text. */
export function parseEntry(text: string, currentFormat: string | undefined, apostrophe: ApostropheInTextCells = 'keep'): Prepared {
  if (text === '') return { content: null };
  // Plain text parses nothing: no formula, number or date; HyperFormula's own leading ' marks the whole text as a literal.
  if (currentFormat === '@') return { content: "'" + (apostrophe === 'strip' && text.startsWith("'") ? text.slice(1) : text) };
  if (text.startsWith("'")) return { content: "'" + text.slice(1) };
  if (text.length > 1 && text.startsWith('=')) return { content: text };
  const t = text.trim();
  if (/^(true|false)$/i.test(t)) return { content: t.toUpperCase() === 'TRUE' };
  if (NUMBER.test(t) && /\d/.test(t)) return { content: Number(t.replace(/,/g, '')), nf: t.includes(',') ? '#,##0' + (t.includes('.') ? '.00' : '') : undefined };
  const pct = /^([+-]?\d+(?:\.(\d+))?)\s*%$/.exec(t);
  if (pct) return { content: Number(pct[1]) / 100, nf: pct[2] ? `0.${'0'.repeat(pct[2].length)}%` : '0%' };
  const date = parseDateEntry(t);
  if (date) return date;
  return { content: "'" + text };
}

function parseDateEntry(t: string): Prepared | null {
  const time = (h?: string, mi?: string, s?: string) => (h === undefined ? 0 : (Number(h) * 3600 + Number(mi) * 60 + Number(s ?? 0)) / 86400);
  const serialOf = (y: number, m: number, d: number) => {
    if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
    return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000;
  };
  let m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  if (m) {
    const s = serialOf(Number(m[3]), Number(m[2]), Number(m[1]));
    if (s === null) return null;
    return { content: s + time(m[4], m[5], m[6]), nf: m[4] === undefined ? DEFAULT_DATE_FORMAT : DEFAULT_DATETIME_FORMAT };
  }
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  if (m) {
    const s = serialOf(Number(m[1]), Number(m[2]), Number(m[3]));
    if (s === null) return null;
    return { content: s + time(m[4], m[5], m[6]), nf: m[4] === undefined ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm:ss' };
  }
  m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (m && Number(m[1]) < 24 && Number(m[2]) < 60) return { content: time(m[1], m[2], m[3]), nf: m[3] === undefined ? 'hh:mm' : 'hh:mm:ss' };
  return null;
}

/** A value from a script (setValue/setValues/appendRow) as Sheets stores it. */
export function prepareValue(v: unknown, currentFormat: string | undefined, timeZone: string, apostrophe: ApostropheInTextCells = 'keep'): Prepared {
  if (v === null || v === undefined || v === '') return { content: null };
  if (typeof v === 'string') {
    if (v.length > MAX_CELL_CHARS) throw new Error(`Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`);
    return parseEntry(v, currentFormat, apostrophe);
  }
  if (typeof v === 'number') return Number.isFinite(v) ? { content: v } : { content: "'" + String(v) };
  if (typeof v === 'boolean') return { content: v };
  if (isDate(v)) {
    if (Number.isNaN(v.getTime())) throw new Error('Invalid argument: an invalid Date cannot be written to a cell');
    const serial = serialOfInstant(v.getTime(), timeZone);
    return { content: serial, nf: isDateFormat(currentFormat) ? undefined : DEFAULT_DATETIME_FORMAT };
  }
  throw new Error(`Cannot write a ${Object.prototype.toString.call(v).slice(8, -1)} to a cell: Sheets accepts numbers, strings, booleans, Dates and null (emulator refuses other objects)`);
}

export function prepareFormula(f: unknown, currentFormat: string | undefined, apostrophe: ApostropheInTextCells = 'keep'): Prepared {
  if (typeof f !== 'string') throw new Error(`Invalid argument: formula must be a string, got ${typeof f}`);
  if (f.length > MAX_CELL_CHARS) throw new Error(`Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`);
  if (f === '') return { content: null };
  if (!f.startsWith('=')) return parseEntry(f, currentFormat, apostrophe);
  return { content: f };
}
