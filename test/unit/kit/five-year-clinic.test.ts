// The five-year clinic generator (kit/five-year-clinic.ts): the sizes exactly, the same clinic every run, and the irregularities a hand-edited workbook has.
import { FIVE_YEARS, fiveYearClinic, realRows, scaled } from '../../../kit/five-year-clinic';

const clinic = fiveYearClinic();
const t = clinic.tabs;

describe('the five-year clinic', () => {
  test('has the issue\u2019s sizes: 2,000 clients (300 active), 10,000 goals, 50,000 sessions, 250,000 ratings, 45,000 PHQ-9 and GAD-7 rows, 2,500 reviews', () => {
    expect(realRows(t.Clients)).toBe(2000);
    expect(t.Clients.rows.filter((r) => r[3] === 'active')).toHaveLength(300);
    expect(realRows(t.Goals)).toBe(10_000);
    expect(realRows(t.Sessions)).toBe(50_000);
    expect(realRows(t.Ratings)).toBe(250_000);
    expect(realRows(t['PHQ-9'])).toBe(45_000);
    expect(realRows(t['GAD-7'])).toBe(45_000);
    expect(realRows(t.Reviews)).toBe(2_500);
  });

  test('has 12 clinicians', () => {
    expect(new Set(t.Clients.rows.map((r) => r[1])).size).toBe(FIVE_YEARS.clinicians);
  });

  test('is the same clinic on every run', () => {
    const again = fiveYearClinic();
    expect(again.dataCells).toBe(clinic.dataCells);
    expect(again.tabs['PHQ-9'].rows.slice(-50)).toEqual(t['PHQ-9'].rows.slice(-50));
  });

  test('has blank rows, rows typed without a client and clients whose sessions are out of date order', () => {
    expect(clinic.irregular.blankRows).toBeGreaterThan(0);
    expect(clinic.irregular.rowsWithoutClient).toBeGreaterThan(0);
    expect(clinic.irregular.outOfOrderClients).toBeGreaterThan(0);
    expect(t.Sessions.rows.filter((r) => r.every((v) => v === ''))).not.toHaveLength(0);
    expect(t.Sessions.rows.filter((r) => r[0] === '' && r[1] !== '')).not.toHaveLength(0);
    const byClient = new Map<string, number[]>();
    for (const r of t.Sessions.rows) if (r[0]) byClient.set(String(r[0]), [...(byClient.get(String(r[0])) ?? []), Number(r[1])]);
    const outOfOrder = [...byClient.values()].filter((d) => d.some((x, i) => i > 0 && x < d[i - 1]));
    expect(outOfOrder).toHaveLength(clinic.irregular.outOfOrderClients);
  });

  test('answers every PHQ-9 item 0–3, and some clients answered item 9 above 0 last time', () => {
    const items = t['PHQ-9'].rows.filter((r) => r[0]).flatMap((r) => r.slice(3));
    expect(items.every((v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 3)).toBe(true);
    expect(t['PHQ-9'].rows.some((r) => r[0] && (r[11] as number) > 0)).toBe(true);
  });

  test('a scaled clinic keeps the ratios', () => {
    const small = fiveYearClinic(scaled(100));
    expect(realRows(small.tabs.Clients)).toBe(20);
    expect(realRows(small.tabs.Ratings)).toBe(realRows(small.tabs.Sessions) * 5);
  });
});
