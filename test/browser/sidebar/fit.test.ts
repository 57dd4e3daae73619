// The sidebar at 300 px: no control cuts its text on any screen, the save bar stays in view on a long plan, focus lands on confirmations (never on <body>), the chosen client survives a reopen, and objectives sit under their goal on every screen.
import type { Page } from 'playwright-core';
import { CLINICIANS } from '../../../preview/seed-data';
import type { ClientDetail } from '../../../src/contract';
import { clientDetail, fakeServer, goal, withCadence } from './fixtures';
import { expectClean, seriousViolations, type Sidebar, sidebarSuite } from './harness';

jest.setTimeout(120000);

const suite = sidebarSuite();
let s: Sidebar | undefined;

const nav = (page: Page, label: string) => page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: label, exact: true }).click();

async function choose(page: Page, code: string) {
  await page.getByRole('button', { name: new RegExp(code) }).first().click();
  await page.locator('.top-client', { hasText: `Client ${code}` }).waitFor();
}

/**
 * Every visible control whose text does not fit: inputs, buttons, labels and legends that scroll (scrollWidth > clientWidth),
 * and drop-downs with an option wider than the closed select shows (measured in the select's own font, less its padding and arrow).
 */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const name = (el: Element) => `${el.tagName.toLowerCase()}#${el.id || '?'} "${(el.textContent || (el as HTMLInputElement).value || '').trim().slice(0, 40)}"`;
    const ctx = document.createElement('canvas').getContext('2d')!;
    const visible = (el: HTMLElement) => el.offsetParent !== null && el.getClientRects().length > 0;
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('#app input:not([type=checkbox]):not([type=radio]), #app button, #app label, #app legend, #app h2, #app h3, #app textarea'))) {
      // Screen-reader-only text is clipped on purpose.
      if (!visible(el) || el.closest('.sr-only')) continue;
      if (el.scrollWidth > el.clientWidth + 1) out.push(`${name(el)}: ${el.scrollWidth} > ${el.clientWidth}`);
    }
    for (const el of Array.from(document.querySelectorAll<HTMLSelectElement>('#app select'))) {
      if (!visible(el)) continue;
      const cs = getComputedStyle(el);
      ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
      const room = el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 20;
      for (const o of Array.from(el.options)) {
        const w = ctx.measureText(o.text).width;
        if (w > room) out.push(`select#${el.id} option "${o.text}": ${Math.round(w)} > ${Math.round(room)}`);
      }
    }
    if (document.documentElement.scrollWidth > window.innerWidth) out.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} > ${window.innerWidth}`);
    return out;
  });
}

/** A client whose rows put goal 2 before goal 1's objectives, with long titles, a clinician e-mail and a GAS scale. */
function crampedClient(): ClientDetail {
  const d = clientDetail('C-0142');
  const [g1, o1, o2] = d.goals;
  const g2 = goal({ id: 'G2', title: 'Feel less anxious in social situations at work and with friends', clientCode: 'C-0142' });
  return withCadence({ ...d, client: { ...d.client, clinician: CLINICIANS[0] }, goals: [g1, g2, o1, o2] });
}

test('no control cuts its text at 300 px, on any screen', async () => {
  const server = fakeServer([crampedClient(), clientDetail('C-0200', [])]);
  server.state.boot = { ...server.state.boot, clinicians: [...CLINICIANS] };
  s = await suite.open(server.handlers);
  const { page } = s;
  const problems: Record<string, string[]> = {};
  const check = async (screen: string) => {
    const found = await overflowing(page);
    if (found.length) problems[screen] = found;
  };
  await page.getByRole('heading', { name: 'Clients' }).waitFor();
  await page.getByRole('button', { name: 'Add client' }).click();
  await page.getByLabel('Client code').fill('C-0301');
  await page.getByLabel('Clinician').fill(CLINICIANS[0]);
  await check('Clients');
  await choose(page, 'C-0142');

  await nav(page, 'Plan');
  await page.getByRole('heading', { name: 'Plan for C-0142' }).waitFor();
  await check('Plan');
  await nav(page, 'GAS');
  await page.getByRole('heading', { name: /GAS/ }).first().waitFor();
  await page.locator('#gas-goal').selectOption({ index: 1 });
  await check('GAS');
  await nav(page, 'Session');
  await page.getByRole('heading', { name: 'Session for C-0142' }).waitFor();
  await expect(page.getByLabel('Clinician').inputValue()).resolves.toBe(CLINICIANS[0]);
  await page.getByLabel(/Record GAS levels today/).check();
  await page.locator('#session-measures-phq9-toggle').click();
  await check('Session');
  await nav(page, 'Priorities');
  await page.getByRole('heading', { name: 'Priorities for C-0142' }).waitFor();
  await page.locator('#priority-items-0-urgency').selectOption('5');
  await check('Priorities');
  await nav(page, 'Review');
  await page.locator('#review-form').waitFor();
  await check('Review');
  await nav(page, 'Discharge');
  await page.locator('#discharge-h').waitFor();
  await check('Discharge');
  await nav(page, 'Progress');
  await page.locator('#progress-h').waitFor();
  await check('Progress');
  await nav(page, 'Export');
  await page.locator('#export-h').waitFor();
  await check('Export');
  expect(problems).toEqual({});
  expectClean(s);
});

test('on a long plan the Save button and the save\u2019s answer stay in view at the bottom', async () => {
  const server = fakeServer();
  s = await suite.open(server.handlers);
  const { page } = s;
  await choose(page, 'C-0200');
  await nav(page, 'Plan');
  await page.getByLabel('Start from a template').selectOption('dbt-stage-1');
  await page.getByRole('button', { name: 'Fill from template' }).click();
  await page.getByText(/Filled from/).waitFor();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  expect(height).toBeGreaterThan(700 * 5);
  const save = page.getByRole('button', { name: 'Save plan' });
  const inView = async () => {
    const box = (await save.boundingBox())!;
    return box.y >= 0 && box.y + box.height <= 700 ? true : `Save plan at y ${Math.round(box.y)}–${Math.round(box.y + box.height)}, scrolled to ${await page.evaluate(() => window.scrollY)}`;
  };
  await expect(inView()).resolves.toBe(true);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
  await expect(inView()).resolves.toBe(true);
  await save.click();
  const saved = page.getByText(/Saved the plan for C-0200/);
  await saved.waitFor();
  const box = (await saved.boundingBox())!;
  expect(box.y + box.height).toBeLessThanOrEqual(700);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expectClean(s);
});

test('after adding a client, focus is on the confirmation, not lost to the page', async () => {
  const server = fakeServer();
  s = await suite.open(server.handlers);
  const { page } = s;
  await page.getByRole('button', { name: 'Add client' }).click();
  await page.getByLabel('Client code').fill('C-0301');
  await page.getByLabel('Clinician').fill('Dr Rivera');
  await page.getByRole('button', { name: 'Save new client' }).click();
  await page.getByText('Added client C-0301. It is now selected.').waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'client-added');
  await expect(page.locator('#client-added').getAttribute('role')).resolves.toBe('status');
  await page.locator('.top-client', { hasText: 'Client C-0301' }).waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  expectClean(s);
});

test('a reopened sidebar starts on the client chosen last time', async () => {
  const server = fakeServer();
  s = await suite.open(server.handlers);
  await choose(s.page, 'C-0200');
  expect((await s.waitForCall('rememberClient')).args).toEqual(['C-0200']);
  const again = await suite.open(server.handlers);
  await again.page.locator('.top-client', { hasText: 'Client C-0200' }).waitFor();
  await expect(again.page.getByRole('button', { name: /C-0200/ }).getAttribute('aria-pressed')).resolves.toBe('true');
  expectClean(again);
});

test('objective 1.1 sits under goal 1 (not after goal 2) on Session, Review and Priorities; ranks read "Rank n"', async () => {
  const server = fakeServer([crampedClient()]);
  s = await suite.open(server.handlers);
  const { page } = s;
  const expected = ['Goal 1', 'Objective 1.1', 'Objective 1.2', 'Goal 2'];
  await choose(page, 'C-0142');

  await nav(page, 'Session');
  await page.getByRole('heading', { name: 'Session for C-0142' }).waitFor();
  const ratingLabels = await page.locator('label[for^="session-ratings-"]').allTextContents();
  expect(ratingLabels.map((l) => l.split(':')[0])).toEqual(expected);

  await nav(page, 'Review');
  await page.locator('#review-form').waitFor();
  expect((await page.locator('#review-form legend').allTextContents()).map((l) => l.split(':')[0])).toEqual(expected);

  await nav(page, 'Priorities');
  await page.getByRole('heading', { name: 'Priorities for C-0142' }).waitFor();
  expect((await page.locator('#priority-form legend').allTextContents()).map((l) => l.split(':')[0])).toEqual(expected);
  await page.locator('#priority-items-3-urgency').selectOption('5');
  await page.locator('#priority-items-3-importance').selectOption('5');
  await page.locator('#priority-items-3-readiness').selectOption('5');
  await page.locator('#priority-ranked li').getByText('Rank 1 · Goal 2:').waitFor();
  await page.getByText('Not yet rated: Goal 1, Objective 1.1, Objective 1.2.').waitFor();
  expectClean(s);
});
