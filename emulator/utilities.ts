// Utilities (formatDate with Java SimpleDateFormat letters in real IANA zones, getUuid, sleep) and Logger/console, which record into emulator logs.
import { randomUUID } from 'node:crypto';
import type { Ctx } from './ctx';
import { Emulated, isDate } from './not-emulated';
import { isValidTimeZone, wallClock, zoneOffset } from './time';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function pad(n: number, w: number): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length >= w ? s : '0'.repeat(w - s.length) + s);
}

function shortZoneName(ms: number, tz: string): string {
  for (const locale of ['en-GB', 'en-US']) {
    const part = new Intl.DateTimeFormat(locale, { timeZone: tz, timeZoneName: 'short' }).formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName');
    if (part && (!/^(GMT|UTC)[+-]/.test(part.value) || locale === 'en-US')) return part.value === 'UTC' ? 'UTC' : part.value;
  }
  return 'GMT';
}

function offsetText(offMs: number, colon: boolean, zForZero: boolean, hoursOnly = false): string {
  if (zForZero && offMs === 0) return 'Z';
  const sign = offMs < 0 ? '-' : '+';
  const mins = Math.round(Math.abs(offMs) / 60000);
  const hh = pad(Math.floor(mins / 60), 2);
  const mm = pad(mins % 60, 2);
  if (hoursOnly) return `${sign}${hh}`;
  return colon ? `${sign}${hh}:${mm}` : `${sign}${hh}${mm}`;
}

/** Java SimpleDateFormat, as Utilities.formatDate implements it. */
export function formatJavaDate(ms: number, tz: string, pattern: string): string {
  const w = wallClock(ms, tz);
  const off = zoneOffset(ms, tz);
  const startOfYear = Date.UTC(w.year, 0, 1);
  const dayOfYear = Math.floor((Date.UTC(w.year, w.month - 1, w.day) - startOfYear) / 86400000) + 1;
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      const end = pattern.indexOf("'", i + 1);
      if (end < 0) throw new Error(`Unterminated quote in date pattern: ${pattern}`);
      out += pattern.slice(i + 1, end);
      i = end + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n++;
    i += n;
    switch (ch) {
      case 'G': out += w.year > 0 ? 'AD' : 'BC'; break;
      case 'y': case 'Y': out += n === 2 ? pad(w.year % 100, 2) : pad(w.year, n); break;
      case 'M': case 'L': out += n >= 4 ? MONTHS[w.month - 1] : n === 3 ? MONTHS[w.month - 1].slice(0, 3) : pad(w.month, n); break;
      case 'd': out += pad(w.day, n); break;
      case 'D': out += pad(dayOfYear, n); break;
      case 'E': out += n >= 4 ? DAYS[w.weekday] : DAYS[w.weekday].slice(0, 3); break;
      case 'u': out += pad(w.weekday === 0 ? 7 : w.weekday, n); break;
      case 'a': out += w.hour < 12 ? 'AM' : 'PM'; break;
      case 'H': out += pad(w.hour, n); break;
      case 'k': out += pad(w.hour === 0 ? 24 : w.hour, n); break;
      case 'K': out += pad(w.hour % 12, n); break;
      case 'h': out += pad(((w.hour + 11) % 12) + 1, n); break;
      case 'm': out += pad(w.minute, n); break;
      case 's': out += pad(w.second, n); break;
      case 'S': out += pad(w.ms, n); break;
      case 'z': out += n >= 4 ? tz : shortZoneName(ms, tz); break;
      case 'Z': out += offsetText(off, false, false); break;
      case 'X': out += offsetText(off, n >= 3, true, n === 1); break;
      case 'w': {
        const jan1 = new Date(startOfYear).getUTCDay();
        out += pad(Math.floor((dayOfYear - 1 + jan1) / 7) + 1, n);
        break;
      }
      default:
        throw new Error(`Illegal pattern character '${ch}'`);
    }
  }
  return out;
}

type UtilMethods = 'formatDate' | 'getUuid' | 'sleep';

export class Utilities extends Emulated implements Pick<GoogleAppsScript.Utilities.Utilities, UtilMethods> {
  readonly _cls = 'Utilities';
  constructor(readonly _ctx: Ctx) {
    super();
  }
  /** An unknown time zone falls back to GMT, as Java does in Apps Script; the emulator also logs a warning. */
  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    if (!isDate(date)) throw new Error("The parameters don't match the method signature for Utilities.formatDate.");
    if (typeof timeZone !== 'string' || typeof format !== 'string') throw new Error("The parameters don't match the method signature for Utilities.formatDate.");
    let tz = timeZone;
    if (!isValidTimeZone(tz)) {
      this._ctx.logs.push(`[warn] Utilities.formatDate: unknown time zone ${JSON.stringify(timeZone)}; formatted in GMT as Apps Script does`);
      tz = 'UTC';
    }
    return formatJavaDate((date as unknown as Date).getTime(), tz, format);
  }
  getUuid(): string {
    return randomUUID();
  }
  /** No-op in the emulator (time does not pass); Apps Script rejects more than 5 minutes. */
  sleep(milliseconds: number): void {
    if (typeof milliseconds !== 'number' || milliseconds < 0 || milliseconds > 300000) throw new Error('Invalid argument: milliseconds');
  }
}

export class Logger extends Emulated {
  readonly _cls = 'Logger';
  constructor(readonly _ctx: Ctx) {
    super();
  }
  log(data: unknown, ...values: unknown[]): Logger {
    let text = typeof data === 'string' ? data : JSON.stringify(data);
    if (values.length && typeof data === 'string') {
      let k = 0;
      text = data.replace(/%[sdf]/g, () => String(values[k++]));
    }
    this._ctx.logs.push(text);
    return this;
  }
  getLog(): string {
    return this._ctx.logs.join('\n');
  }
  clear(): void {
    this._ctx.logs.length = 0;
  }
}

/** console inside the bundle: records (as Apps Script's execution log does) instead of printing. */
export function makeConsole(ctx: Ctx): Record<string, (...a: unknown[]) => void> {
  const rec = (level: string) => (...a: unknown[]) => {
    ctx.logs.push(`[${level}] ${a.map((x) => (typeof x === 'string' ? x : (() => { try { return JSON.stringify(x); } catch { return String(x); } })())).join(' ')}`);
  };
  return { log: rec('log'), info: rec('info'), warn: rec('warn'), error: rec('error'), debug: rec('debug') };
}
