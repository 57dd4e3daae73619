// Cell values in and out: ISO dates ↔ date serials (time-zone free), Date cells → ISO in the spreadsheet's zone, text that can never become a formula.

const MS_PER_DAY = 86400000;
// Sheets' day 0 is 1899-12-30; a serial is whole days since then, so it carries no time zone.
const EPOCH_UTC = Date.UTC(1899, 11, 30);

/** 2026-01-05 → 46027: what a date cell holds; with a yyyy-mm-dd format Sheets shows and treats it as that date. */
export function isoToSerial(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`Expected a date as YYYY-MM-DD; got ${JSON.stringify(iso)}`);
  return Math.round((Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - EPOCH_UTC) / MS_PER_DAY);
}

/** 46027 → "2026-01-05" (the fraction of a day, if any, is dropped). */
export function serialToIso(serial: number): string {
  const d = new Date(EPOCH_UTC + Math.floor(serial) * MS_PER_DAY);
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

/** A wall-clock time "YYYY-MM-DD HH:mm:ss" → a date-time serial (the Audit tab's Time column). */
export function wallTimeToSerial(wall: string): number {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(wall);
  if (!m) throw new Error(`Expected a time as YYYY-MM-DD HH:mm:ss; got ${JSON.stringify(wall)}`);
  return isoToSerial(m[1]) + (Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4])) / 86400;
}

/** "+0100" / "-0530" (Utilities.formatDate pattern Z) → milliseconds east of UTC. */
export function zoneOffsetMs(z: string): number {
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(z.trim());
  if (!m) throw new Error(`Expected a time-zone offset such as +0100; got ${JSON.stringify(z)}`);
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60000;
}

/** A date cell's instant (midnight in the sheet's zone) → its calendar date, given the zone's offset ± a daylight-saving hour. */
export function dateCellToIso(d: Date, offsetMs: number): string {
  return serialToIso(Math.round((d.getTime() + offsetMs - EPOCH_UTC) / MS_PER_DAY));
}

function isDateObject(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

/**
 * A cell read with getValues as an ISO date, or '' when it holds no date.
 * Date cells arrive as Date instants; `formatInZone` renders them in the spreadsheet's zone (Utilities.formatDate), so no day shifts.
 */
export function cellToIso(v: unknown, formatInZone: (d: Date) => string): string {
  if (isDateObject(v)) return isNaN(v.getTime()) ? '' : formatInZone(v);
  if (typeof v === 'number' && isFinite(v)) return serialToIso(v);
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v.trim())) return v.trim();
  return '';
}

/** A cell as trimmed text ('' for blanks; numbers and booleans as Sheets would show them plainly). */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return String(v).trim();
}

/** A cell as a finite number, or null for blanks, text and errors. */
export function cellNumber(v: unknown): number | null {
  return typeof v === 'number' && isFinite(v) ? v : null;
}

/** A checkbox or TRUE/FALSE cell. */
export function cellBool(v: unknown): boolean {
  return v === true || (typeof v === 'string' && v.trim().toUpperCase() === 'TRUE');
}

// Sheets reads a leading =, +, - or @ as the start of a formula; in a column not formatted as text a leading ' makes the rest literal
// text and is not stored. In a plain-text ("@") cell Sheets parses nothing, and a leading ' may be stored and shown as typed.
const FORMULA_START = /^[=+\-@]/;

/**
 * User text as written, reading back as typed whichever way Sheets treats apostrophes in plain-text cells.
 * `plainText` (the cell is formatted "@"): the text as is — the format already stops formula parsing, and an apostrophe could be
 * stored and grow on every save. Otherwise a leading =, +, - or @ (or the text's own leading ') gets one apostrophe, which Sheets
 * does not store.
 */
export function safeText(text: string, plainText: boolean): string {
  return !plainText && needsFormulaGuard(text) ? `'${text}` : text;
}

/** Text whose writing depends on the cell's format: it starts with =, +, - or @, or with an apostrophe of its own. */
export function needsFormulaGuard(text: string): boolean {
  return FORMULA_START.test(text) || text.startsWith("'");
}
