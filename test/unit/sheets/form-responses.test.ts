// A responses tab's Timestamp cell as the import keys it: a date-time cell by its UTC instant (clock changes never move it), its local date from the zone's offset, asking for the exact wall time only near midnight; a number or text as wall time.
import { timestampOf } from '../../../src/sheets/form-responses';

const never = () => {
  throw new Error('exact wall time not expected here');
};
const HOUR = 3600000;

describe('timestampOf', () => {
  test('a date-time cell: keyed by its UTC instant, dated and shown in the zone', () => {
    expect(timestampOf(new Date('2026-11-30T10:15:02.123Z'), HOUR, never)).toEqual({ timestamp: '2026-11-30T10:15:02Z', date: '2026-11-30', when: '2026-11-30 11:15' });
  });
  test('within an hour of midnight the exact wall time decides the date (a daylight-saving hour could move it)', () => {
    // Offset now (winter) is 0; in summer the zone is an hour ahead, so 23:30 UTC is 00:30 the next day there.
    expect(timestampOf(new Date('2026-06-30T23:30:00Z'), 0, () => '2026-07-01 00:30:00')).toEqual({ timestamp: '2026-06-30T23:30:00Z', date: '2026-07-01', when: '2026-07-01 00:30' });
  });
  test('the same instant gives the same key whatever the offset', () => {
    const d = new Date('2026-03-29T12:00:00Z');
    expect(timestampOf(d, 0, never).timestamp).toBe(timestampOf(d, HOUR, never).timestamp);
  });
  test('a serial is wall time already', () => {
    expect(timestampOf(46356.5, HOUR, never)).toEqual({ timestamp: '2026-11-30 12:00:00', date: '2026-11-30', when: '2026-11-30 12:00' });
  });
  test('text as YYYY-MM-DD HH:mm[:ss] is wall time; anything else is no timestamp', () => {
    expect(timestampOf('2026-11-30 09:05', 0, never).timestamp).toBe('2026-11-30 09:05:00');
    expect(timestampOf('30/11/2026', 0, never)).toEqual({ timestamp: '', date: '', when: '' });
    expect(timestampOf('', 0, never).timestamp).toBe('');
  });
});
