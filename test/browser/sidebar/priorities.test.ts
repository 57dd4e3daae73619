// Browser tests of the Priority matrix: live ranking (DBT tier first, then product, stable), the 5×5 grid, loading saved priorities, savePriorities payload and errors.
import type { Page } from 'playwright-core';
import type { SavePrioritiesInput } from '../../../src/contract';
import { clientDetail, fakeServer, invalid } from './fixtures';
import { expectClean, goTo, type Sidebar, sidebarSuite } from './harness';

jest.setTimeout(60000);

const suite = sidebarSuite();
let s: Sidebar | undefined;

async function openPriorities(page: Page) {
  await page.getByRole('button', { name: /C-0142/ }).click();
  await page.locator('.top-client', { hasText: 'Client C-0142' }).waitFor();
  await goTo(page, 'Priorities');
  await page.getByRole('heading', { name: 'Priorities for C-0142' }).waitFor();
}

async function rate(page: Page, i: number, u: number, imp: number, r: number, tier = '') {
  await page.locator(`#priority-items-${i}-urgency`).selectOption(String(u));
  await page.locator(`#priority-items-${i}-importance`).selectOption(String(imp));
  await page.locator(`#priority-items-${i}-readiness`).selectOption(String(r));
  await page.locator(`#priority-items-${i}-tier`).selectOption(tier);
}

// Each ranked line reads "Rank 1 · Objective 1.1: Walk after lunch …"; the titles, in rank order.
const rankedTitles = (page: Page) => page.locator('#priority-ranked ol li .ranked-title').allTextContents();

test('ranks live: tier first, then the product; a safety target is never out-ranked; the grid places each goal', async () => {
  const server = fakeServer();
  s = await suite.open(server.handlers);
  const { page } = s;
  await openPriorities(page);
  await page.getByText(/Safety targets \(life-threatening\) always come first/).waitFor();

  await rate(page, 0, 5, 5, 5);
  await expect(rankedTitles(page)).resolves.toEqual(['Get back into a daily routine']);
  await page.getByText('Not yet rated: Objective 1.1, Objective 1.2.').waitFor();
  await rate(page, 1, 3, 3, 3, 'quality-of-life');
  await expect(rankedTitles(page)).resolves.toEqual(['Walk after lunch', 'Get back into a daily routine']);
  await rate(page, 2, 1, 2, 3, 'life-threatening');
  await expect(rankedTitles(page)).resolves.toEqual(['Phone a friend', 'Walk after lunch', 'Get back into a daily routine']);

  // Same tier: the product decides, ties keep the list order.
  await page.locator('#priority-items-2-tier').selectOption('quality-of-life');
  await page.locator('#priority-items-0-tier').selectOption('quality-of-life');
  await expect(rankedTitles(page)).resolves.toEqual(['Get back into a daily routine', 'Walk after lunch', 'Phone a friend']);
  await page.locator('#priority-items-2-urgency').selectOption('3');
  await page.locator('#priority-items-2-importance').selectOption('3');
  await expect(rankedTitles(page)).resolves.toEqual(['Get back into a daily routine', 'Walk after lunch', 'Phone a friend']);

  const cell = (u: number, i: number) => page.locator(`#priority-grid td[data-u="${u}"][data-i="${i}"]`);
  await expect(cell(5, 5).textContent()).resolves.toBe('1');
  await expect(cell(3, 3).textContent()).resolves.toBe('1.1 1.2');
  await expect(cell(1, 2).textContent()).resolves.toBe('');

  await page.getByRole('button', { name: 'Save priorities' }).click();
  const input = (await s.waitForCall('savePriorities')).args[0] as SavePrioritiesInput;
  expect(input).toEqual({
    clientCode: 'C-0142',
    items: [
      { goalId: 'G1', urgency: 5, importance: 5, readiness: 5, tier: 'quality-of-life' },
      { goalId: 'G1.O1', urgency: 3, importance: 3, readiness: 3, tier: 'quality-of-life' },
      { goalId: 'G1.O2', urgency: 3, importance: 3, readiness: 3, tier: 'quality-of-life' },
    ],
    requestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
  });
  await page.getByText('Saved priorities for 3 goals.').waitFor();
  expectClean(s);
});

test('loads saved priorities and shows a server error beside the field', async () => {
  const d = clientDetail();
  d.priorities = [{ goalId: 'G1.O1', urgency: 4, importance: 2, readiness: 5, tier: 'therapy-interfering', score: 40, rank: 1 }];
  const server = fakeServer([d]);
  server.handlers.savePriorities = () => invalid('Check the ratings.', { 'items.0.readiness': 'readiness must be a whole number from 1 to 5; got 9' });
  s = await suite.open(server.handlers);
  const { page } = s;
  await openPriorities(page);
  await expect(page.locator('#priority-items-1-urgency').inputValue()).resolves.toBe('4');
  await expect(page.locator('#priority-items-1-tier').inputValue()).resolves.toBe('therapy-interfering');
  await expect(rankedTitles(page)).resolves.toEqual(['Walk after lunch']);
  await page.getByRole('button', { name: 'Save priorities' }).click();
  // Only the rated goal was sent, so "items.0" is goal #2 on screen.
  await page.locator('#priority-items-1-readiness-error').getByText(/got 9/).waitFor();
  await expect(page.locator('#priority-items-1-readiness').inputValue()).resolves.toBe('5');
  expectClean(s);
});
