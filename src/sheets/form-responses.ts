// A Google Form's responses tab, read once as one block and never written (it belongs to the clinic and Google Forms); its timestamps turned into stable keys and local dates.
import type { FormResponse } from '../core/form-import';
import type { Book } from './book';
import { serialToIso } from './values';

const MS_PER_DAY = 86400000;
const pad = (n: number) => String(n).padStart(2, '0');

/** A UTC-fields date as "YYYY-MM-DD HH:mm:ss" (the caller has already shifted it to the wall clock it wants). */
function wallOf(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/**
 * A timestamp cell as the response's key, local date and shown time. A date-time cell (what Forms writes) is keyed by its instant
 * in UTC, which daylight-saving changes never move; its local time uses the zone's offset now, and only a time within an hour of
 * midnight (where the other half-year's hour could change the date) asks Utilities.formatDate for the exact wall time.
 */
export function timestampOf(v: unknown, offsetMs: number, exactWall: (d: Date) => string): { timestamp: string; date: string; when: string } {
  if (isDate(v)) {
    if (isNaN(v.getTime())) return { timestamp: '', date: '', when: '' };
    let wall = wallOf(new Date(v.getTime() + offsetMs));
    const hour = Number(wall.slice(11, 13));
    if (hour === 23 || hour === 0) wall = exactWall(v);
    return { timestamp: `${v.toISOString().slice(0, 19)}Z`, date: wall.slice(0, 10), when: wall.slice(0, 16) };
  }
  if (typeof v === 'number' && isFinite(v) && v > 0) {
    // A serial (the column reformatted as a number) is already wall time in the sheet's zone.
    const wall = `${serialToIso(v)} ${wallOf(new Date(Math.round((v - Math.floor(v)) * MS_PER_DAY / 1000) * 1000)).slice(11)}`;
    return { timestamp: wall, date: wall.slice(0, 10), when: wall.slice(0, 16) };
  }
  const m = typeof v === 'string' ? /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(v.trim()) : null;
  if (m) {
    const wall = `${m[1]} ${m[2]}:${m[3]}:${m[4] ?? '00'}`;
    return { timestamp: wall, date: m[1], when: wall.slice(0, 16) };
  }
  return { timestamp: '', date: '', when: '' };
}

/** The responses tab's header row and responses (rows 2 on), from one read of its data range; null when there is no such tab. */
export function readResponses(book: Book, name: string, timestampCol: (header: readonly unknown[]) => number): { header: unknown[]; responses: FormResponse[] } | null {
  const sheet = book.ss.getSheetByName(name);
  if (!sheet) return null;
  const values = sheet.getDataRange().getValues();
  const header = values[0] ?? [];
  const at = timestampCol(header);
  const offset = values.length > 1 ? book.zoneOffset() : 0;
  const exact = (d: Date) => Utilities.formatDate(d, book.timeZone(), 'yyyy-MM-dd HH:mm:ss');
  const responses = values.slice(1).map((cells, i) => ({ row: i + 2, ...timestampOf(at >= 0 ? cells[at] : '', offset, exact), cells }));
  return { header, responses };
}
