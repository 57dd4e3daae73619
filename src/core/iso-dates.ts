// ISO YYYY-MM-DD dates: validated and shifted with integer arithmetic (no Date, no time zones).
import { describeValue } from './messages';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True for a real calendar date written YYYY-MM-DD (so 2026-02-30 is false). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil).
function toDayNumber(iso: string): number {
  const [y0, m, d] = iso.split('-').map(Number);
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function fromDayNumber(days: number): string {
  const z0 = days + 719468;
  const era = Math.floor(z0 / 146097);
  const doe = z0 - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The plausible range of every date Attain stores: a four-digit year from 1900 to 2100. */
export const MIN_ISO_DATE = '1900-01-01';
export const MAX_ISO_DATE = '2100-12-31';

/** A real calendar date written YYYY-MM-DD between MIN_ISO_DATE and MAX_ISO_DATE (so 0026-01-12, 1800 and 9999 are false). */
export function isPlausibleIsoDate(value: unknown): value is string {
  return isIsoDate(value) && value >= MIN_ISO_DATE && value <= MAX_ISO_DATE;
}

/** Adds whole days to an ISO date: addDaysIso('2026-01-29', 42) === '2026-03-12'. */
export function addDaysIso(iso: string, days: number): string {
  if (!isIsoDate(iso)) throw new Error(`Expected a date as YYYY-MM-DD; got ${describeValue(iso)}`);
  if (!Number.isInteger(days)) throw new Error(`Expected a whole number of days; got ${describeValue(days)}`);
  return fromDayNumber(toDayNumber(iso) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetweenIso(from: string, to: string): number {
  for (const d of [from, to]) if (!isIsoDate(d)) throw new Error(`Expected a date as YYYY-MM-DD; got ${describeValue(d)}`);
  return toDayNumber(to) - toDayNumber(from);
}
