// Reviews and supervision through the preview, in a real browser: who is at risk comes first, the review flow updates
// goals with their history, and rebuilding the review charts twice leaves one set with its cutoff lines.
import type { Browser, Frame } from 'playwright-core';
import type { Preview } from '../../../preview/server';
import { cleanup, clickMenu, guardedPage, launchBrowser, sidebarFrame, tempStateFile, until, type Guarded } from '../../../kit/browser';
import { columnNumber } from '../../../src/sheets/a1';
import { getState, startTestPreview } from './helpers';

jest.setTimeout(180000);

let browser: Browser;
let preview: Preview;
let stateFile: string;
let g: Guarded;

beforeAll(async () => {
  stateFile = tempStateFile('dashboards');
  [browser, preview] = await Promise.all([launchBrowser(), startTestPreview(stateFile, { reset: true })]);
});

afterAll(async () => {
  await browser?.close();
  await preview?.close();
  if (stateFile) cleanup(stateFile);
});

beforeEach(async () => {
  g = await guardedPage(browser);
  await g.page.goto(preview.url);
});

afterEach(async () => {
  await g.context.close();
  expect(g.blocked).toEqual([]);
});

type Row = Record<string, string>;

/** A tab's rows under the first row that holds `key` as a header, as header → display value. */
async function tableUnder(sheet: string, key: string): Promise<Row[]> {
  const view = await getState(preview);
  const s = view.sheets.find((x) => x.name === sheet);
  if (!s) throw new Error(`Expected a ${sheet} tab; the preview has ${view.sheets.map((x) => x.name).join(', ')}`);
  const at = s.rows.findIndex((r) => r.some((c) => c.v === key));
  if (at < 0) throw new Error(`Expected a header "${key}" on ${sheet}`);
  const header = s.rows[at].map((c) => c.v);
  const out: Row[] = [];
  for (const r of s.rows.slice(at + 1)) {
    if (r.every((c) => c.v === '')) break;
    out.push(Object.fromEntries(header.map((h, i) => [h, r[i]?.v ?? ''])));
  }
  return out;
}

test('the client with PHQ-9 item 9 = 1 and the reliably deteriorating client head Supervision, with their alerts', async () => {
  await g.page.locator('#tabbar [role="tab"][data-sheet="Supervision"]').click();
  await g.page.locator('#grid-panel table[data-sheet="Supervision"]').waitFor();
  const rows = await tableUnder('Supervision', 'Client');
  const codes = rows.map((r) => r.Client).filter((c) => /^DEMO-/.test(c));
  expect(codes.slice(0, 2)).toEqual(['DEMO-05', 'DEMO-04']);
  const alertsOf = (code: string) => Object.values(rows.find((r) => r.Client === code) ?? {}).join(' ');
  expect(alertsOf('DEMO-05')).toMatch(/safety/i);
  expect(alertsOf('DEMO-04')).toMatch(/deteriorat/i);
  // An ordinary client carries no safety alert.
  expect(alertsOf('DEMO-01')).not.toMatch(/safety/i);
  expect(g.errors).toEqual([]);
});

async function openReview(code: string): Promise<Frame> {
  await clickMenu(g.page, 'Open Attain');
  const frame = await sidebarFrame(g.page);
  await frame.locator('.client-list button', { hasText: code }).first().click();
  await frame.locator('.top-client', { hasText: code }).waitFor();
  await frame.locator('.nav button', { hasText: /^Review$/ }).click();
  await frame.getByRole('heading', { name: `Goal review for ${code}` }).waitFor();
  return frame;
}

test('the review flow in the sidebar updates goal statuses and keeps their history in Audit', async () => {
  const frame = await openReview('DEMO-02');
  const start = frame.getByRole('button', { name: /Start review/ });
  if (await start.count()) await start.first().click();
  await frame.locator('#review-goals-0-decision').waitFor();
  const goals = await frame.locator('select[id$="-decision"]').count();
  expect(goals).toBeGreaterThan(1);
  for (let i = 0; i < goals; i++) await frame.locator(`#review-goals-${i}-decision`).selectOption('continue');
  await frame.locator('#review-goals-1-decision').selectOption('retire');
  await frame.locator('#review-goals-1-reason').fill('No longer relevant after the move');
  await frame.getByRole('button', { name: 'Save review' }).click();
  await frame.locator('#review-saved').waitFor();

  const reviews = await until(async () => {
    const r = (await tableUnder('Reviews', 'Decision')).filter((x) => x.Client === 'DEMO-02');
    return r.length === goals ? r : null;
  }, 'the Reviews rows of DEMO-02');
  const retired = reviews.find((r) => r.Decision === 'retire')!;
  const goalRows = await tableUnder('Goals', 'Goal ID');
  expect(goalRows.find((r) => r['Goal ID'] === retired['Goal ID'])?.Status).toBe('retired');
  const audit = await tableUnder('Audit', 'Action');
  expect(audit.some((r) => r.Client === 'DEMO-02' && /active → retired/.test(r.Summary))).toBe(true);
  expect(g.errors).toEqual([]);
});

test('rebuilding the review charts twice leaves one set, and each measure chart plots its cutoff line', async () => {
  const charts = async () => (await getState(preview)).sheets.find((s) => s.name === 'Review')?.charts ?? [];
  const before = await charts();
  expect(before.length).toBeGreaterThan(0);
  await clickMenu(g.page, 'Rebuild review charts');
  await clickMenu(g.page, 'Rebuild review charts');
  const after = await until(async () => {
    const c = await charts();
    return c.length === before.length ? c : null;
  }, 'one set of review charts');
  const titles = after.map((c) => String((c.options as Record<string, unknown>).title ?? ''));
  expect(new Set(titles).size).toBe(titles.length);
  const phq = after.find((c) => /PHQ-9/.test(String((c.options as Record<string, unknown>).title)));
  expect(phq).toBeDefined();
  // The cutoff is a constant-value series: the range holds dates, the totals and at least one constant column, and the
  // constant series are lines with no points, and the cut-off is the dashed one.
  const [from, to] = String(phq!.ranges?.[0] ?? '').replace(/^.*!/, '').split(':').map((a) => a.replace(/\d+/g, ''));
  expect(columnNumber(to) - columnNumber(from) + 1).toBeGreaterThanOrEqual(3);
  const series = (phq!.options as Record<string, unknown>).series as Record<string, { lineWidth: number; pointSize: number; lineDashStyle?: number[] }>;
  expect(Object.values(series).some((s) => s.pointSize === 0 && s.lineWidth > 0 && !s.lineDashStyle)).toBe(true);
  expect(Object.values(series).some((s) => s.pointSize === 0 && s.lineDashStyle)).toBe(true);
  expect(JSON.stringify(phq!.options)).toMatch(/viewWindow/);
  expect(g.errors).toEqual([]);
});
