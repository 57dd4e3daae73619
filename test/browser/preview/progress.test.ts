// Sidebar ▸ Progress through the preview, in a real browser: build DEMO-02's progress report and find its plain-language sentences and its charts (drawn, with points) on the new tab.
import type { Browser } from 'playwright-core';
import type { Preview } from '../../../preview/server';
import { cleanup, clickMenu, guardedPage, launchBrowser, sidebarFrame, tempStateFile, type Guarded } from '../../../kit/browser';
import { getState, startTestPreview } from './helpers';

jest.setTimeout(240000); // a preview start seeds the demo clinic through the emulator

let browser: Browser;
let preview: Preview;
let stateFile: string;
let g: Guarded;
const CODE = 'DEMO-02';
const TAB = `Progress ${CODE}`;

beforeAll(async () => {
  stateFile = tempStateFile('progress');
  [browser, preview] = await Promise.all([launchBrowser(), startTestPreview(stateFile, { reset: true })]);
  g = await guardedPage(browser);
});

afterAll(async () => {
  await g?.context.close();
  await browser?.close();
  await preview?.close();
  if (stateFile) cleanup(stateFile);
});

test('builds a progress report from the sidebar: the tab holds its sentences and one drawn chart per measure and of the ratings', async () => {
  const { page } = g;
  await page.goto(preview.url);
  await clickMenu(page, 'Open Attain');
  const frame = await sidebarFrame(page);
  await frame.locator('.client-list button', { hasText: CODE }).first().click();
  await frame.locator('.top-client', { hasText: CODE }).waitFor();
  await frame.locator('.nav button', { hasText: /^Progress$/ }).click();
  await frame.getByRole('heading', { name: `Progress report for ${CODE}` }).waitFor();
  await frame.getByLabel(/Next steps/).fill('<b>Walk</b> on Saturdays\n=1+1');
  await frame.getByRole('button', { name: 'Build progress report' }).click();
  const built = frame.locator('#progress-built');
  await built.waitFor();
  await expect(built.textContent()).resolves.toMatch(new RegExp(`Built the tab “${TAB}”.*File ▸ Download ▸ PDF`));
  await expect(built.locator('li', { hasText: /^Your PHQ-9 went from \d+ to \d+ over \d+ sessions/ }).count()).resolves.toBe(1);

  const view = await getState(preview);
  const sheet = view.sheets.find((s) => s.name === TAB)!;
  const columnA = sheet.rows.map((r) => r[0]?.v ?? '');
  expect(columnA.slice(0, 2)).toEqual(['Your progress report', `Client: ${CODE}`]);
  expect(columnA.some((t) => /^• Your PHQ-9 went from \d+ to \d+ over \d+ sessions/.test(t))).toBe(true);
  expect(columnA.some((t) => /^• Your GAD-7 (went from|stayed at)/.test(t))).toBe(true);
  expect(columnA).toEqual(expect.arrayContaining(['• <b>Walk</b> on Saturdays', '• =1+1']));
  expect(sheet.rows.flat().filter((c) => (c as { f?: string }).f)).toEqual([]);
  expect(sheet.charts).toHaveLength(3);

  await page.getByRole('tab', { name: new RegExp(`^${TAB}`) }).click();
  await page.locator(`table.grid[data-sheet="${TAB}"]`).waitFor();
  await expect(page.locator('figure.chart-box svg.chart').count()).resolves.toBe(3);
  await expect(page.locator('.chart-error').count()).resolves.toBe(0);
  const titles = await page.locator('figure.chart-box svg.chart .chart-title').allTextContents();
  expect(titles).toEqual(['Progress: PHQ-9 total (0–27)', 'Progress: GAD-7 total (0–21)', 'Progress: Goal ratings (0–10)']);
  expect(await page.locator('figure.chart-box svg.chart').first().locator('polyline.line').count()).toBeGreaterThan(1);
  expect(g.blocked).toEqual([]);
  expect(g.errors).toEqual([]);
});
