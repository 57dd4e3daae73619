// Time zones and spreadsheet date serials: wall clocks in real IANA zones through Intl, serial days since 1899-12-30.

export interface Wall {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  weekday: number; // 0 = Sunday
}

const dtfCache = new Map<string, Intl.DateTimeFormat>();
function dtf(tz: string): Intl.DateTimeFormat {
  let f = dtfCache.get(tz);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-GB', {
        timeZone: tz,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        weekday: 'short',
        era: 'short',
      });
    } catch {
      throw new Error(`Invalid argument: timeZone (${tz})`);
    }
    dtfCache.set(tz, f);
  }
  return f;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** The wall-clock reading of an instant in a time zone. */
export function wallClock(ms: number, tz: string): Wall {
  const parts: Record<string, string> = {};
  for (const p of dtf(tz).formatToParts(new Date(ms))) parts[p.type] = p.value;
  let year = Number(parts.year);
  if (parts.era && /^B/.test(parts.era)) year = 1 - year;
  return {
    year,
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    second: Number(parts.second),
    ms: ((ms % 1000) + 1000) % 1000,
    weekday: WEEKDAYS.indexOf(parts.weekday),
  };
}

/** Offset of the zone from UTC at an instant, in ms (positive east of Greenwich). */
export function zoneOffset(ms: number, tz: string): number {
  const w = wallClock(ms, tz);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.ms);
  const y = new Date(asUtc);
  if (w.year < 100 && w.year >= 0) y.setUTCFullYear(w.year);
  return y.getTime() - ms;
}

/** The instant at which the zone's clock reads the given wall time (earlier one when ambiguous). */
export function instantOfWall(tz: string, year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): number {
  const d = new Date(Date.UTC(2000, 0, 1));
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, ms);
  const guess = d.getTime();
  let t = guess - zoneOffset(guess, tz);
  t = guess - zoneOffset(t, tz);
  return t;
}

const SERIAL_EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86400000;

/** Sheets' serial number for an instant, read on the spreadsheet's wall clock. */
export function serialOfInstant(ms: number, tz: string): number {
  const w = wallClock(ms, tz);
  const d = new Date(0);
  d.setUTCFullYear(w.year, w.month - 1, w.day);
  d.setUTCHours(w.hour, w.minute, w.second, w.ms);
  return (d.getTime() - SERIAL_EPOCH) / DAY;
}

/** The instant a serial number stands for on the spreadsheet's wall clock (rounded to the millisecond). */
export function instantOfSerial(serial: number, tz: string): number {
  const wallMs = Math.round(SERIAL_EPOCH + serial * DAY);
  const d = new Date(wallMs);
  return instantOfWall(tz, d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
}

/** Wall-clock parts of a serial without any zone (serials are wall times already). */
export function wallOfSerial(serial: number): Wall {
  const d = new Date(Math.round(SERIAL_EPOCH + serial * DAY));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    ms: d.getUTCMilliseconds(),
    weekday: d.getUTCDay(),
  };
}

export function isValidTimeZone(tz: string): boolean {
  try {
    dtf(tz);
    return true;
  } catch {
    return false;
  }
}
