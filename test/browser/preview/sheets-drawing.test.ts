// The preview draws what Sheets draws, in a real browser: Supervision's custom-formula row colours (red for a safety flag,
// amber for a reliable deterioration) and the Review tab's B1 drop-down (a list from a range) that changes the tab when a client is chosen.
import type { Browser, Page } from 'playwright-core';
import type { Preview } from '../../../preview/server';
import { cleanup, guardedPage, launchBrowser, tempStateFile, until, type Guarded } from '../../../kit/browser';
import { getState, startTestPreview } from './helpers';

jest.setTimeout(240000);

let browser: Browser;
let preview: Preview;
let stateFile: string;
let g: Guarded;

beforeAll(async () => {
  stateFile = tempStateFile('sheets-drawing');
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
  expect(g.errors).toEqual([]);
});

async function openTab(page: Page, name: string): Promise<void> {
  await page.locator(`#tabbar [role="tab"][data-sheet="${name}"]`).click();
  await page.locator(`#grid-panel table[data-sheet="${name}"]`).waitFor();
}

/** The drawn background of every cell of the grid row whose column A shows `code`, as [r, g, b]. */
async function rowColours(page: Page, code: string): Promise<number[][]> {
  const td = page.locator('#grid-panel td[data-c="1"]').filter({ hasText: new RegExp(`^${code}$`) });
  const row = await td.getAttribute('data-r');
  return page.locator(`#grid-panel td[data-r="${row}"]`).evaluateAll((cells) =>
    cells.slice(0, 4).map((c) => (getComputedStyle(c).backgroundColor.match(/\d+/g) ?? []).slice(0, 3).map(Number)),
  );
}

const isRed = ([r, gr, b]: number[]): boolean => r - gr > 40 && Math.abs(gr - b) < 25;
const isAmber = ([r, gr, b]: number[]): boolean => r > gr && gr - b > 15 && r - b > 30;
const isWhite = (c: number[]): boolean => c.every((x) => x === 255);

test('Supervision draws the safety client’s row red and the deteriorating client’s row amber; a row without either stays white', async () => {
  await openTab(g.page, 'Supervision');
  const safety = await rowColours(g.page, 'DEMO-05');
  expect(safety.length).toBeGreaterThan(0);
  expect(safety.every(isRed)).toBe(true);
  const deteriorating = await rowColours(g.page, 'DEMO-04');
  expect(deteriorating.every(isAmber)).toBe(true);
  expect((await rowColours(g.page, 'DEMO-01')).slice(0, 2).every(isWhite)).toBe(true);
});

test('the Review tab’s B1 drop-down lists the clients; choosing one writes it to B1 and the tab recomputes', async () => {
  await openTab(g.page, 'Review');
  const b1 = g.page.locator('#grid-panel td[data-r="1"][data-c="2"]');
  const before = await b1.innerText();
  const valuesBefore = JSON.stringify((await getState(preview)).sheets.find((s) => s.name === 'Review')!.rows.map((r) => r.slice(2).map((c) => c.v)));
  await b1.locator('.arrow').click();
  const list = g.page.getByRole('listbox', { name: 'Choose a value for B1' });
  await list.waitFor();
  const options = await list.getByRole('option').allInnerTexts();
  expect(options).toEqual(expect.arrayContaining(['DEMO-01', 'DEMO-05']));
  const other = options.find((o) => o !== before.replace('▾', '').trim())!;
  await list.getByRole('option', { name: other, exact: true }).click();
  await until(async () => (await b1.innerText()).includes(other), `B1 to show ${other}`, 150000);
  await expect(list.isVisible()).resolves.toBe(false);
  const review = (await getState(preview)).sheets.find((s) => s.name === 'Review')!;
  expect(review.rows[0][1].v).toBe(other);
  expect(JSON.stringify(review.rows.map((r) => r.slice(2).map((c) => c.v)))).not.toBe(valuesBefore);
});

test('the drop-down opens from the keyboard and Escape closes it without writing', async () => {
  await openTab(g.page, 'Review');
  const b1 = g.page.locator('#grid-panel td[data-r="1"][data-c="2"]');
  const before = await b1.innerText();
  await b1.click();
  await g.page.keyboard.press('Enter');
  const list = g.page.getByRole('listbox', { name: 'Choose a value for B1' });
  await list.waitFor();
  await g.page.keyboard.press('ArrowDown');
  await g.page.keyboard.press('Escape');
  await list.waitFor({ state: 'detached' });
  expect(await b1.innerText()).toBe(before);
  await expect(b1.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
});
