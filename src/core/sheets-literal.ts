// What Google Sheets would read a piece of text as: a number, a date/time or TRUE/FALSE (pessimistic: any common form in any locale), or null when it stays text.

/** How Sheets would read a text, when it would not keep it as text. */
export interface SheetsReading {
  kind: 'number' | 'date' | 'boolean';
  /** For messages: "the number 142", "a date (12-3)", "the boolean TRUE". */
  shown: string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = `(?:${MONTHS.join('|')})\\.?`;
// Plain, grouped, decimal, exponent and percent numbers, with an optional sign and currency symbol: "0142", "-12", "1,234.5", "1e5", "5%", "£12".
const NUMBER = /^[+-]?[$£€¥]?\s*(?:\d+(?:,\d{3})*(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?\s*%?$/i;
// Pessimistic: Sheets reads no hex, but a code like "0x1F" is too close to a number to be worth the risk.
const HEX = /^[+-]?0x[0-9a-f]+$/i;
const SEP = '[-/. ,]+';
const NUM_PART = '\\d{1,4}';
// Two or three parts, each 1–4 digits or a month name, joined by - / . , or spaces: "12-3", "1/2", "2026-01-02", "3-Jan", "Jan-2026", "3 Jan 2026".
const DATE = new RegExp(`^(?:${NUM_PART}|${MONTH})(?:${SEP}(?:${NUM_PART}|${MONTH})){1,2}(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2})?)?$`, 'i');
const TIME = /^\d{1,2}(?::\d{2}){1,2}(?:\.\d+)?\s*(?:[ap]\.?m\.?)?$|^\d{1,2}\s*[ap]\.?m\.?$/i;

/** How Sheets would read `text` if typed or used as a criterion, or null when it stays text. Pure; tolerant of surrounding spaces. */
export function sheetsWouldCoerce(text: string): SheetsReading | null {
  const t = text.trim();
  if (t === '') return null;
  if (/^(true|false)$/i.test(t)) return { kind: 'boolean', shown: `the boolean ${t.toUpperCase()}` };
  if (NUMBER.test(t)) {
    const n = Number(t.replace(/[\s,$£€¥%]/g, ''));
    return { kind: 'number', shown: Number.isFinite(n) ? `the number ${n}${t.endsWith('%') ? '%' : ''}` : `a number (${t})` };
  }
  if (HEX.test(t)) return { kind: 'number', shown: `a number (${t})` };
  // A date needs a digit or a month name on both sides of a separator; "C-0142" has neither a month nor a number first.
  if (DATE.test(t) && /\d/.test(t)) return { kind: 'date', shown: `a date (${t})` };
  if (TIME.test(t)) return { kind: 'date', shown: `a time (${t})` };
  return null;
}
