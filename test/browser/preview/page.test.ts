// The preview page in a real browser: the add-on menu, the seeded tabs with computed values, a cell edit that recomputes
// a formula, and charts drawn from their recorded specs. Every request off this machine is blocked and fails the test.
import type { Browser } from 'playwright-core';
import type { Preview } from '../../../preview/server';
import type { Menu } from '../../../preview/render';
import { cellA1 } from '../../../src/sheets/a1';
import { cleanup, clickMenu, guardedPage, launchBrowser, tempStateFile, until, type Guarded } from '../../../kit/browser';
import { getState, getUi, startTestPreview } from './helpers';

jest.setTimeout(180000); // a preview start seeds through the emulator (about 32 s alone on 2 cores)

let browser: Browser;
let preview: Preview;
let stateFile: string;
let g: Guarded;

beforeAll(async () => {
  stateFile = tempStateFile('page');
  [browser, preview] = await Promise.all([launchBrowser(), startTestPreview(stateFile, { reset: true })]);
});

afterAll(async () => {
  await browser?.close();
  await preview?.close();
  if (stateFile) cleanup(stateFile);
});

beforeEach(async () => {
  g = await guardedPage(browser);
});

afterEach(async () => {
  await g.context.close();
  expect(g.blocked).toEqual([]);
  expect(g.errors).toEqual([]);
});

async function openTab(name: string): Promise<void> {
  await g.page.getByRole('tab', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).click();
  await g.page.locator(`table.grid[data-sheet="${name}"]`).waitFor();
}

test('shows the add-on menu and the seeded tabs with their computed values', async () => {
  const { page } = g;
  await page.goto(preview.url);
  const view = await getState(preview);
  const ui = await getUi(preview);

  // Every tab of the emulated spreadsheet is in the tab bar, visible ones first.
  const tabs = await page.getByRole('tab').allTextContents();
  expect(tabs.map((t) => t.replace(/\s*\(hidden\)$/, ''))).toEqual([...view.sheets.filter((s) => !s.hidden), ...view.sheets.filter((s) => s.hidden)].map((s) => s.name));
  expect(view.sheets.length).toBeGreaterThan(1);

  // Extensions ▸ Attain lists exactly the items onOpen added.
  const menus = ui.menus as Menu[];
  expect(menus.length).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Extensions' }).click();
  await page.locator('#menu-extensions-pop').getByRole('menuitem', { name: menus[0].title, exact: true }).click();
  const labels = menus[0].items.filter((i) => i !== 'separator').map((i) => (i as { label: string }).label);
  expect(labels).toContain('Open Attain');
  await expect(page.locator('#submenu-0 [role="menuitem"]').allTextContents()).resolves.toEqual(labels);
  await page.keyboard.press('Escape');
  await expect(page.locator('#menu-extensions-pop').isHidden()).resolves.toBe(true);

  // Running a menu item runs its function in the emulator; what it tells the user (here a toast) is shown.
  await clickMenu(page, 'Set up this spreadsheet');
  await page.locator('#toast').waitFor({ state: 'visible' });
  const toasts = (await getUi(preview)).toasts ?? [];
  expect(toasts.length).toBeGreaterThan(0);
  await expect(page.locator('#toast-text').textContent()).resolves.toBe(toasts[toasts.length - 1]);

  // The seeded clients are on the spreadsheet, and formula cells show computed values (no errors anywhere).
  const text = JSON.stringify(view);
  for (const code of ['DEMO-01', 'DEMO-04', 'DEMO-05']) expect(text).toContain(code);
  const formulaCells = view.sheets.flatMap((s) => s.rows.flatMap((r, ri) => r.map((c, ci) => ({ sheet: s, c, row: ri + 1, col: ci + 1 })))).filter((x) => x.c.f);
  expect(formulaCells.length).toBeGreaterThan(0);
  expect(formulaCells.filter((x) => x.c.err)).toEqual([]);
  const shown = formulaCells.find((x) => x.c.v !== '' && !x.sheet.hidden) ?? formulaCells.find((x) => x.c.v !== '');
  expect(shown).toBeDefined();
  await openTab(shown!.sheet.name);
  const td = page.locator(`td[data-r="${shown!.row}"][data-c="${shown!.col}"]`);
  await expect(td.textContent()).resolves.toBe(shown!.c.v);
  // The formula shows on hover (title and formula bar) and on focus.
  await expect(td.getAttribute('title')).resolves.toContain(shown!.c.f);
  await td.hover();
  await expect(page.locator('#formula-input').inputValue()).resolves.toBe(shown!.c.f);
  await expect(page.locator('#name-box').textContent()).resolves.toBe(cellA1(shown!.row, shown!.col));
});

test('a cell edit goes through the emulator and formulas recompute', async () => {
  const { page } = g;
  await page.goto(preview.url);
  const view = await getState(preview);
  const sheet = view.sheets.find((s) => !s.hidden)!;
  // Three blank cells right of the data, so the seeded rows are left alone.
  const col = Math.max(...sheet.rows.map((r) => r.length)) + 2;
  await openTab(sheet.name);

  const typeInto = async (row: number, input: string) => {
    const cell = page.locator(`td[data-r="${row}"][data-c="${col}"]`);
    await cell.dblclick();
    const editor = page.locator('input.cell-editor');
    await editor.fill(input);
    await editor.press('Enter');
    await until(async () => ((await getState(preview)).sheets.find((s) => s.name === sheet.name)?.rows[row - 1]?.[col - 1]?.v ?? null) !== null, `${cellA1(row, col)} saved`);
  };
  await typeInto(1, '2');
  await typeInto(2, '3');
  await typeInto(3, `=${cellA1(1, col)}*10+${cellA1(2, col)}`);
  const sum = page.locator(`td[data-r="3"][data-c="${col}"]`);
  await expect(until(async () => (await sum.textContent()) === '23', 'the formula to show 23')).resolves.toBe(true);

  // Change an input through the formula bar: the dependent cell recomputes on the server and the grid redraws.
  await page.locator(`td[data-r="1"][data-c="${col}"]`).click();
  await page.locator('#formula-input').fill('7');
  await page.locator('#formula-input').press('Enter');
  await until(async () => (await sum.textContent()) === '73', 'the formula to show 73');
  const after = await getState(preview);
  const cell = after.sheets.find((s) => s.name === sheet.name)!.rows[2][col - 1];
  expect(cell).toMatchObject({ v: '73', f: `=${cellA1(1, col)}*10+${cellA1(2, col)}` });

  // Keyboard: arrows move, typing starts an edit, Escape cancels it.
  await sum.click();
  await page.keyboard.press('ArrowUp');
  await expect(page.locator('#name-box').textContent()).resolves.toBe(cellA1(2, col));
  await page.keyboard.press('9');
  await page.keyboard.press('Escape');
  await expect(page.locator(`td[data-r="2"][data-c="${col}"]`).textContent()).resolves.toBe('3');
});

test('charts are drawn as SVG from their recorded specs', async () => {
  const { page } = g;
  // A chart built with the same newChart() builder the add-on uses, on a tab of its own.
  const ss = preview.emulator.spreadsheet;
  const sheet = ss.insertSheet('Chart check');
  sheet.getRange(1, 1, 5, 3).setValues([
    ['Session', 'PHQ-9', 'GAD-7'],
    [1, 18, 12],
    [2, 15, 11],
    [3, 11, 8],
    [4, 8, 6],
  ]);
  sheet.insertChart(
    sheet
      .newChart()
      .addRange(sheet.getRange('A1:C5'))
      .asLineChart()
      .setTitle('Scores by session')
      .setXAxisTitle('Session')
      .setYAxisTitle('Score')
      .setRange(0, 27)
      .setColors(['#1a73e8', '#d93025'])
      .setOption('series', { 1: { lineWidth: 4 } })
      .setPosition(2, 5, 0, 0)
      .build(),
  );
  const spec = (await getState(preview)).sheets.find((s) => s.name === 'Chart check')!.charts[0];
  expect(spec.type).toBe('LINE');

  await page.goto(`${preview.url}/?tab=${encodeURIComponent('Chart check')}`);
  const svg = page.locator('figure.chart-box svg.chart');
  await svg.waitFor();
  await expect(svg.getAttribute('data-chart-type')).resolves.toBe('LINE');
  await expect(svg.getAttribute('data-vmin')).resolves.toBe('0');
  await expect(svg.getAttribute('data-vmax')).resolves.toBe('27');
  await expect(svg.locator('.chart-title').textContent()).resolves.toBe('Scores by session');
  await expect(svg.locator('.h-title').textContent()).resolves.toBe('Session');
  await expect(svg.locator('.v-title').textContent()).resolves.toBe('Score');
  await expect(svg.locator('polyline.line').evaluateAll((ls) => ls.map((l) => [l.getAttribute('stroke'), l.getAttribute('stroke-width')]))).resolves.toEqual([
    ['#1a73e8', '2'],
    ['#d93025', '4'],
  ]);
  await expect(svg.locator('.legend-item text').allTextContents()).resolves.toEqual(['PHQ-9', 'GAD-7']);
  await expect(svg.locator('text.tick').allTextContents()).resolves.toContain('25');
  // Anchored at E2, over the grid.
  const box = await page.locator('figure.chart-box').boundingBox();
  const e2 = await page.locator('td[data-r="2"][data-c="5"]').boundingBox();
  expect(Math.abs(box!.x - e2!.x)).toBeLessThanOrEqual(2);
  expect(Math.abs(box!.y - e2!.y)).toBeLessThanOrEqual(2);

  // Every chart the add-on itself made draws without an error.
  const view = await getState(preview);
  for (const s of view.sheets.filter((x) => x.charts.length > 0)) {
    await page.goto(`${preview.url}/?tab=${encodeURIComponent(s.name)}`);
    await expect(page.locator('figure.chart-box svg.chart').count()).resolves.toBe(s.charts.length);
    await expect(page.locator('.chart-error').count()).resolves.toBe(0);
  }
});
