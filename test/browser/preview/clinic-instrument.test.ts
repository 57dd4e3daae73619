// A clinic-defined measure through the preview, in a real browser: typed on the Instruments tab, enabled in Settings, shown in the Session screen with a live total and band, saved, and charted on the Review tab.
import * as fs from 'fs';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import type { Preview } from '../../../preview/server';
import { CLINIC_HEADERS } from '../../../src/core/instruments/clinic-columns';
import { clinicId } from '../../../src/core/instruments/clinic-definition';
import { cleanup, clickMenu, guardedPage, launchBrowser, sidebarFrame, tempStateFile, until, type Guarded } from '../../../kit/browser';
import { getState, postJson, ROOT, startTestPreview } from './helpers';

jest.setTimeout(600000); // the preview seeds a five-year demo clinic first

let browser: Browser;
let preview: Preview;
let stateFile: string;
let g: Guarded;
const CELLS = JSON.parse(fs.readFileSync(path.join(ROOT, 'templates', 'instruments', 'wsas.json'), 'utf8')).cells as Record<string, unknown>;
const NAME = String(CELLS.Name);
const ID = clinicId(NAME);
const ITEMS = [3, 2, 2, 2, 3]; // total 12: "Significant functional impairment" (10–20)

beforeAll(async () => {
  stateFile = tempStateFile('clinic-instrument');
  [browser, preview] = await Promise.all([launchBrowser(), startTestPreview(stateFile, { reset: true })]);
  g = await guardedPage(browser);
  g.page.on('dialog', (d) => {
    g.errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
});

afterAll(async () => {
  await g?.context.close();
  await browser?.close();
  await preview?.close();
  if (stateFile) cleanup(stateFile);
});

type Sheet = Awaited<ReturnType<typeof getState>>['sheets'][number];
const sheetOf = async (name: string): Promise<Sheet | undefined> => (await getState(preview)).sheets.find((s) => s.name === name);

/** Types into a cell as a person would in the grid. */
async function type(sheet: string, row: number, col: number, input: string): Promise<void> {
  const r = await postJson<{ ok: boolean; message?: string }>(preview, '/edit', { sheet, row, col, input });
  expect(r.body).toMatchObject({ ok: true });
}

/** Runs Set up from the menu and waits until the document has moved on. */
async function setUp(done: () => Promise<boolean>, what: string): Promise<void> {
  await clickMenu(g.page, 'Set up this spreadsheet');
  await until(done, what, 60000);
}

test('a measure typed on the Instruments tab and enabled in Settings gets its tab, a live total and band in the Session screen, its saved row and a Review chart', async () => {
  const { page } = g;
  await page.goto(preview.url);
  // The demo clinic may predate the Instruments tab: Set up adds it (and touches nothing else).
  await setUp(async () => !!(await sheetOf('Instruments')), 'the Instruments tab');

  // Define the measure: one row, column by column, from the example in templates/instruments.
  const header = (await sheetOf('Instruments'))!.rows[0].map((c) => c.v);
  expect(header.slice(0, CLINIC_HEADERS.length)).toEqual(CLINIC_HEADERS);
  for (const [h, v] of Object.entries(CELLS)) await type('Instruments', 2, header.indexOf(h) + 1, String(v));

  // Set up offers it in Settings; tick it and set up again: its tab appears.
  const useRow = async () => (await sheetOf('Settings'))!.rows.findIndex((r) => r.some((c) => c.v === `instrument.${ID}`));
  await setUp(async () => (await useRow()) > 0, `the "Use ${NAME}" row in Settings`);
  const settingsHeader = (await sheetOf('Settings'))!.rows[0].map((c) => c.v);
  await type('Settings', (await useRow()) + 1, settingsHeader.indexOf('Value') + 1, 'TRUE');
  await setUp(async () => !!(await sheetOf(NAME)), `the ${NAME} tab`);

  // Record a session with it in the sidebar: the live total and band come before saving.
  await clickMenu(page, 'Open Attain');
  const frame = await sidebarFrame(page);
  // A client with no safety flag from last time (the list puts flagged clients first; their save asks to acknowledge first).
  await frame.locator('.client-list button', { hasText: 'DEMO-01' }).first().click();
  await frame.locator('.top-client').waitFor();
  await frame.locator('.nav button', { hasText: /^Session$/ }).click();
  const toggle = frame.locator(`#session-measures-${ID}-toggle`);
  await toggle.waitFor();
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  for (let i = 0; i < ITEMS.length; i++) await frame.locator(`#session-measures-${ID}-items-${i}`).selectOption(String(ITEMS[i]));
  await frame.locator(`#session-measures-${ID}-total`).getByText('Total: 12 · Significant functional impairment').waitFor();

  // Save: its row on its own tab with the same total and band, and the Review tab charts it.
  const code = 'DEMO-01';
  await frame.getByRole('button', { name: 'Save session' }).click();
  await frame.locator('#session-saved').getByText(/Saved session \d+/).waitFor({ timeout: 300000 });
  // The measure's tab was made by this test: the one row with a client is the one just saved.
  const tab = (await sheetOf(NAME))!;
  const head = tab.rows[0].map((c) => c.v);
  const saved = tab.rows.slice(1).filter((r) => String(r[head.indexOf('Client')]?.v ?? '') !== '').map((r) => r.map((c) => c.v));
  expect(saved.map((row) => [row[head.indexOf('Client')], String(row[head.indexOf('Total')]), row[head.indexOf('Band')]])).toEqual([[code, '12', 'Significant functional impairment']]);
  await clickMenu(page, 'Rebuild review charts');
  await until(async () => ((await sheetOf('Review'))?.charts ?? []).some((c) => JSON.stringify(c.options ?? {}).includes(NAME)), `a Review chart of ${NAME}`, 120000);
  expect(g.errors).toEqual([]);
});
