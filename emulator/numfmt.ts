// Display values: formats a cell value by its Sheets number format (dates, 0 / 0.00 / #,##0 / percent / @ / literals) the way getDisplayValues shows it.
import { wallOfSerial } from './time';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Default formats Sheets (en_GB locale) gives cells that receive a date or date-time. */
export const DEFAULT_DATE_FORMAT = 'dd/mm/yyyy';
export const DEFAULT_DATETIME_FORMAT = 'dd/mm/yyyy hh:mm:ss';

function stripLiterals(pattern: string): string {
  return pattern.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '');
}

/** True when the format shows a date or time (so the cell's number is a serial and getValues returns a Date). */
export function isDateFormat(pattern: string | undefined | null): boolean {
  if (!pattern) return false;
  const p = stripLiterals(pattern.split(';')[0]).toLowerCase();
  if (p === 'general' || p === '@' || p === '') return false;
  return /[ydhs]|m/.test(p.replace(/am\/pm|a\/p/g, '')) && !/[0#?]/.test(p.replace(/\.0+/g, ''));
}

function pad(n: number, w: number): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length >= w ? s : '0'.repeat(w - s.length) + s);
}

const DATE_TOKEN = /"[^"]*"|\\.|yyyy|yy|y|mmmmm|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|am\/pm|a\/p|\.0+|\[[^\]]*\]|./gi;

export function formatDateSerial(serial: number, pattern: string): string {
  const w = wallOfSerial(serial);
  const tokens = pattern.match(DATE_TOKEN) ?? [];
  const kinds = tokens.map((t) => t.toLowerCase());
  const hasAmPm = kinds.some((k) => k === 'am/pm' || k === 'a/p');
  const isMinute = (i: number): boolean => {
    for (let j = i - 1; j >= 0; j--) {
      const k = kinds[j];
      if (k[0] === 'h') return true;
      if (/^[yd]|^m/.test(k) || k[0] === 's') break;
    }
    for (let j = i + 1; j < kinds.length; j++) {
      const k = kinds[j];
      if (k[0] === 's') return true;
      if (/^[ydh]|^m/.test(k)) break;
    }
    return false;
  };
  const hour12 = ((w.hour + 11) % 12) + 1;
  let out = '';
  tokens.forEach((tok, i) => {
    const k = kinds[i];
    if (tok.startsWith('"')) out += tok.slice(1, -1);
    else if (tok.startsWith('\\')) out += tok.slice(1);
    else if (tok.startsWith('[')) out += '';
    else if (k === 'yyyy' || k === 'y') out += pad(w.year, 4);
    else if (k === 'yy') out += pad(w.year % 100, 2);
    else if (k[0] === 'm' && isMinute(i) && k.length <= 2) out += k === 'mm' ? pad(w.minute, 2) : String(w.minute);
    else if (k === 'mmmmm') out += MONTHS[w.month - 1][0];
    else if (k === 'mmmm') out += MONTHS[w.month - 1];
    else if (k === 'mmm') out += MONTHS[w.month - 1].slice(0, 3);
    else if (k === 'mm') out += pad(w.month, 2);
    else if (k === 'm') out += String(w.month);
    else if (k === 'dddd') out += DAYS[w.weekday];
    else if (k === 'ddd') out += DAYS[w.weekday].slice(0, 3);
    else if (k === 'dd') out += pad(w.day, 2);
    else if (k === 'd') out += String(w.day);
    else if (k === 'hh') out += pad(hasAmPm ? hour12 : w.hour, 2);
    else if (k === 'h') out += String(hasAmPm ? hour12 : w.hour);
    else if (k === 'ss') out += pad(w.second, 2);
    else if (k === 's') out += String(w.second);
    else if (k === 'am/pm') out += w.hour < 12 ? 'AM' : 'PM';
    else if (k === 'a/p') out += w.hour < 12 ? 'A' : 'P';
    else if (k.startsWith('.0')) out += '.' + pad(Math.floor((w.ms / 1000) * 10 ** (k.length - 1)), k.length - 1);
    else out += tok;
  });
  return out;
}

/** Sheets' "automatic" display of a number: integers as they are, others to 10 significant digits. */
export function formatGeneral(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const a = Math.abs(n);
  if (a !== 0 && (a >= 1e15 || a < 1e-9)) return n.toExponential(2).toUpperCase().replace('E+', 'E+').replace(/E-(\d)$/, 'E-0$1');
  return String(parseFloat(n.toPrecision(10)));
}

function formatNumberSection(n: number, section: string): string {
  // Split into literal prefix, numeric core and literal suffix.
  const literal = (s: string) => s.replace(/"([^"]*)"/g, '$1').replace(/\\(.)/g, '$1').replace(/[_*]./g, '');
  const m = /^((?:"[^"]*"|\\.|[^0#?.,])*)([0#?,]*(?:\.[0#?]*)?)(.*)$/.exec(section);
  if (!m || m[2] === '') return literal(section).replace(/%/g, '') || formatGeneral(n);
  const [, pre, core, post] = m;
  let v = n;
  const percents = (section.match(/%/g) ?? []).length;
  v *= 100 ** percents;
  const [intPart, decPart = ''] = core.split('.');
  const minDec = (decPart.match(/0/g) ?? []).length;
  const maxDec = (decPart.match(/[0#?]/g) ?? []).length;
  const thousands = intPart.includes(',') && /[0#?],[0#?]/.test(intPart);
  const trailingCommas = (/,+$/.exec(intPart)?.[0].length ?? 0);
  v /= 1000 ** trailingCommas;
  const minInt = (intPart.match(/0/g) ?? []).length;
  let s = Math.abs(v).toFixed(maxDec);
  if (maxDec > minDec) s = s.replace(new RegExp(`0{1,${maxDec - minDec}}$`), '');
  s = s.replace(/\.$/, '');
  const parts = s.split('.');
  let i = parts[0];
  const d = parts[1];
  if (i === '0' && minInt === 0) i = '';
  while (i.length < minInt) i = '0' + i;
  if (thousands) i = i.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const num = d !== undefined ? `${i}.${d}` : i;
  return literal(pre) + num + literal(post);
}

/** The text Sheets shows for a value under a number format (getDisplayValues). */
export function formatValue(value: unknown, pattern: string | undefined | null): string {
  if (value === '' || value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') {
    const sections = (pattern ?? '').split(';');
    if (sections.length === 4 && sections[3].includes('@')) return sections[3].replace(/"([^"]*)"/g, '$1').replace('@', value);
    return value;
  }
  if (typeof value !== 'number') return String(value);
  if (!pattern || /^general$/i.test(pattern)) return formatGeneral(value);
  if (pattern === '@') return formatGeneral(value);
  if (isDateFormat(pattern)) return formatDateSerial(value, pattern.split(';')[0]);
  const sections = pattern.split(';');
  if (value < 0 && sections.length >= 2 && sections[1] !== '') return formatNumberSection(-value, sections[1]);
  if (value === 0 && sections.length >= 3 && sections[2] !== '') return formatNumberSection(0, sections[2]);
  const out = formatNumberSection(Math.abs(value), sections[0]);
  return value < 0 && /[1-9]/.test(out) ? '-' + out : out;
}
