// The demo clinic as the add-on writes it: seeded through the server's own functions in the emulator, the same rows every
// time, with the deteriorating client and the item-9 flag visible in the product's own computed columns.
import { createEmulator, type Emulator } from '../../../emulator';
import { seedEmulator, SEED_TIME_ZONE, SEED_USER } from '../../../preview/seed';
import type { SpreadsheetView } from '../../../preview/render';
import { chartData } from '../../../preview/chart-data';

jest.setTimeout(180000); // seeding through the emulator takes about 32 s alone on 2 cores

let em: Emulator;
let view: SpreadsheetView;

beforeAll(() => {
  em = createEmulator({ user: SEED_USER, timeZone: SEED_TIME_ZONE });
  seedEmulator(em);
  view = em.view() as unknown as SpreadsheetView;
});

/** A tab as objects keyed by its header row, blank rows left out. */
function table(name: string): Record<string, string>[] {
  const s = view.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`Expected a tab named ${name}; have ${view.sheets.map((x) => x.name).join(', ')}`);
  const head = s.rows[0].map((c) => c.v);
  return s.rows
    .slice(1)
    .filter((r) => r.some((c) => c.v !== ''))
    .map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]?.v ?? ''])));
}

test('six fictional clients, three clinicians, twelve sessions each ending 2026-11-20, no formula errors', () => {
  const clients = table('Clients');
  expect(clients.map((c) => Object.values(c)[0])).toEqual(['DEMO-01', 'DEMO-02', 'DEMO-03', 'DEMO-04', 'DEMO-05', 'DEMO-06']);
  // (Booleans and short lists in the assertions: the whole view is megabytes, too long for a failure message.)
  const text = JSON.stringify(view);
  expect(text.match(/[\w.+-]+@(?!demo\.invalid)[a-z0-9.-]+\.[a-z]{2,}/gi) ?? []).toEqual([]);
  for (const c of ['clinician.a@demo.invalid', 'clinician.b@demo.invalid', 'clinician.c@demo.invalid']) expect(text.includes(c)).toBe(true);
  const sessions = table('Sessions');
  for (const code of ['DEMO-01', 'DEMO-02', 'DEMO-03', 'DEMO-04', 'DEMO-05', 'DEMO-06']) {
    const dates = sessions.filter((r) => r.Client === code).map((r) => r.Date);
    expect(dates).toHaveLength(12);
    expect(dates[dates.length - 1]).toBe('2026-11-20');
    expect(dates[0]).toBe('2026-09-04');
  }
  expect(em.formulaErrors()).toEqual([]);
  expect(view.sheets.flatMap((s) => s.rows.flat()).filter((c) => c.err)).toEqual([]);
});

test("DEMO-04's PHQ-9 shows a reliable deterioration and DEMO-05's latest PHQ-9 raises the item-9 flag", () => {
  const phq = table('PHQ-9');
  const rows = (code: string) => phq.filter((r) => r.Client === code);
  const last = (code: string) => rows(code)[rows(code).length - 1];
  expect(rows('DEMO-04')).toHaveLength(12);
  expect(Object.values(last('DEMO-04')).join(' ')).toMatch(/Reliable deterioration/i);
  expect(last('DEMO-05')['Item 9']).toBe('1');
  expect(last('DEMO-05')['Safety flag']).toMatch(/item 9/i);
  for (const code of ['DEMO-01', 'DEMO-02', 'DEMO-03', 'DEMO-04', 'DEMO-06']) expect(rows(code).every((r) => r['Safety flag'] === '')).toBe(true);
  const gad = table('GAD-7');
  expect(gad.filter((r) => r.Client === 'DEMO-04').length).toBe(12);
});

test('goals come from the templates, with GAS ratings, priorities and one review', () => {
  const goals = table('Goals');
  expect(goals.length).toBeGreaterThan(30);
  expect(goals.every((g) => g.Template !== '')).toBe(true);
  expect(goals.filter((g) => /achieved/i.test(Object.values(g).join(' ')))).toHaveLength(1);
  const ratings = table('Ratings');
  expect(ratings.length).toBeGreaterThan(200);
  expect(table('Priorities').length).toBeGreaterThan(10);
  // The review went through saveReview: one Reviews row per reviewed goal, all from DEMO-01.
  const reviews = table('Reviews');
  expect(reviews.length).toBeGreaterThan(0);
  expect(new Set(reviews.map((r) => r.Client))).toEqual(new Set(['DEMO-01']));
  expect(reviews.filter((r) => r.Decision === 'achieved')).toHaveLength(1);
});

test('the preview opens on the Review tab with DEMO-01 chosen: every chart draws its dated points and no empty category', () => {
  expect(view.activeSheet).toBe('Review');
  const review = view.sheets.find((x) => x.name === 'Review')!;
  expect(review.rows[0][1].v).toBe('DEMO-01');
  const lookup = (name: string | null) => view.sheets.find((x) => x.name === (name ?? 'Review'))?.rows ?? null;
  expect(review.charts).toHaveLength(4);
  for (const spec of review.charts) {
    const d = chartData(spec, 'Review', lookup);
    expect(d.domain.length).toBeGreaterThanOrEqual(10);
    expect(d.domain.filter((x) => !/^\d{4}-\d{2}-\d{2}$/.test(x))).toEqual([]);
  }
});

test('seeding is deterministic: the same rows every time (the audit trail aside)', () => {
  const again = createEmulator({ user: SEED_USER, timeZone: SEED_TIME_ZONE });
  seedEmulator(again);
  const strip = (v: SpreadsheetView) => v.sheets.filter((s) => s.name !== 'Audit').map((s) => ({ name: s.name, rows: s.rows }));
  expect(strip(again.view() as unknown as SpreadsheetView)).toEqual(strip(view));
});
