// Browser tests across screens: user text renders as text (no markup injection), keyboard-only use with visible focus, and axe-core finding no serious or critical violations.
import type { Page } from 'playwright-core';
import type { RecordSessionInput } from '../../../src/contract';
import { clientDetail, fakeServer, goal, invalid } from './fixtures';
import { expectClean, goTo, seriousViolations, type Sidebar, sidebarSuite } from './harness';

jest.setTimeout(90000);

const suite = sidebarSuite();
let s: Sidebar | undefined;

const XSS = '<img src=x onerror=alert(1)>';

/** What the focused element must be: an id, or a button's exact text, or a button whose text includes a string. */
type Want = { id: string } | { button: string } | { buttonIncludes: string };

/** Presses Tab until the focused element matches `want`; fails after `max` presses. */
async function tabTo(page: Page, want: Want, max = 120): Promise<number> {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press('Tab');
    const hit = await page.evaluate((w) => {
      const el = document.activeElement;
      if (!el) return false;
      if ('id' in w) return el.id === w.id;
      if (el.tagName !== 'BUTTON') return false;
      const text = (el.textContent ?? '').trim();
      return 'button' in w ? text === w.button : text.includes(w.buttonIncludes);
    }, want);
    if (hit) return i;
  }
  throw new Error(`Tab never reached ${JSON.stringify(want)}`);
}

/** The focused element shows a visible focus indicator (an outline or box shadow). */
async function focusVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return false;
    const cs = getComputedStyle(el);
    return (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) || cs.boxShadow !== 'none';
  });
}

test('user text is escaped everywhere: a goal titled like markup shows as text, with no img element and no dialog', async () => {
  const d = clientDetail('C-0142', [
    goal({ id: 'G1', title: XSS, values: '<script>alert(2)</script>' }),
    goal({ id: 'G1.O1', parentId: 'G1', title: `${XSS} objective`, behaviour: '<b>bold</b>', anchors: [XSS, 'b', 'c', 'd', 'e'], baseline: -1, importance: 2, difficulty: 2 }),
  ]);
  d.priorities = [{ goalId: 'G1', urgency: 3, importance: 3, readiness: 3, tier: '', score: 27, rank: 1 }];
  const server = fakeServer([d]);
  server.state.boot = { ...server.state.boot, clinic: `<i>${XSS}</i>` };
  server.handlers.savePlan = () => invalid(`Bad <img src=y onerror=alert(3)>`, { 'goals.0.title': `<img src=z onerror=alert(4)>` });
  s = await suite.open(server.handlers);
  const { page } = s;
  await page.getByRole('button', { name: /C-0142/ }).click();
  await page.locator('.top-client', { hasText: 'Client C-0142' }).waitFor();

  await goTo(page, 'Plan');
  await expect(page.locator('#plan-goals-0-title').inputValue()).resolves.toBe(XSS);
  await page.getByRole('button', { name: 'Save plan' }).click();
  await page.locator('#plan-goals-0-title-error').getByText('<img src=z onerror=alert(4)>').waitFor();
  await page.getByText('Bad <img src=y onerror=alert(3)>').waitFor();

  await goTo(page, 'GAS');
  await expect(page.getByLabel('−2 much less than expected').inputValue()).resolves.toBe(XSS);
  await expect(page.getByLabel('Goal to scale').locator('option').first().textContent()).resolves.toBe('Goal 1');
  // The closed drop-down shows the short label; the full (escaped) title of the goal being scaled is below it.
  await expect(page.locator('#gas-goal-hint').textContent()).resolves.toBe(`Objective 1.1: ${XSS} objective`);

  await goTo(page, 'Session');
  await page.getByLabel(`Goal 1: ${XSS}`, { exact: true }).waitFor();

  await goTo(page, 'Priorities');
  await page.locator('#priority-ranked li', { hasText: XSS }).waitFor();
  await page.locator('legend', { hasText: XSS }).first().waitFor();

  await goTo(page, 'Clients');
  await page.getByText(`<i>${XSS}</i>`).waitFor();
  await expect(page.locator('img, b, i').count()).resolves.toBe(0);
  await expect(page.evaluate(() => document.body.innerHTML.includes('<img'))).resolves.toBe(false);
  expectClean(s);
});

test('keyboard only: Tab reaches the controls with a visible focus, Enter and Space activate them, and a session saves', async () => {
  const server = fakeServer();
  s = await suite.open(server.handlers);
  const { page } = s;
  await page.getByRole('heading', { name: 'Clients' }).waitFor();

  await tabTo(page, { id: 'nav-clients' });
  await expect(focusVisible(page)).resolves.toBe(true);
  await tabTo(page, { buttonIncludes: 'C-0142' });
  await expect(focusVisible(page)).resolves.toBe(true);
  await page.keyboard.press('Enter');
  await page.locator('.top-client', { hasText: 'Client C-0142' }).waitFor();

  // Navigation by keyboard: Shift+Tab back to the nav, then Enter on "Session"; focus lands on the screen heading.
  await page.locator('#nav-plan').focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('nav-session');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Session for C-0142' }).waitFor();
  await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('session-h');

  await tabTo(page, { id: 'session-date' });
  await expect(focusVisible(page)).resolves.toBe(true);
  await tabTo(page, { id: 'session-ratings-G1-rating' });
  await expect(focusVisible(page)).resolves.toBe(true);
  for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowDown');
  await expect(page.locator('#session-ratings-G1-rating').inputValue()).resolves.toBe('7');

  await tabTo(page, { id: 'session-measures-phq9-toggle' });
  await expect(focusVisible(page)).resolves.toBe(true);
  await page.keyboard.press('Space');
  await expect(page.locator('#session-measures-phq9-toggle').getAttribute('aria-expanded')).resolves.toBe('true');
  await tabTo(page, { id: 'session-measures-phq9-items-0' });
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.locator('#session-measures-phq9-total').getByText(/Total: —/).waitFor();

  await tabTo(page, { id: 'session-note' });
  await page.keyboard.type('Typed by keyboard');
  await tabTo(page, { button: 'Save session' });
  await expect(focusVisible(page)).resolves.toBe(true);
  await page.keyboard.press('Enter');
  const input = (await s.waitForCall('recordSession')).args[0] as RecordSessionInput;
  expect(input.note).toBe('Typed by keyboard');
  expect(input.ratings[0]).toEqual({ goalId: 'G1', rating: 7, gasLevel: null });
  expect(input.measures[0].items[0]).toBe(1);
  // Item 9 was left blank: the question takes focus, and Enter answers it.
  await page.locator('#session-measures-phq9-confirmUnanswered').waitFor();
  await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('session-measures-phq9-confirmUnanswered');
  await expect(focusVisible(page)).resolves.toBe(true);
  await page.keyboard.press('Enter');
  await page.locator('#session-saved').waitFor();
  expectClean(s);
});

test('keyboard only: Add client opens with Enter, the form submits with Enter, and GAS/Plan/Priorities primary buttons are reachable', async () => {
  const server = fakeServer();
  s = await suite.open(server.handlers);
  const { page } = s;
  await page.getByRole('heading', { name: 'Clients' }).waitFor();
  await tabTo(page, { button: 'Add client' });
  await page.keyboard.press('Enter');
  // Focus moves into the code field.
  await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('client-code');
  await page.keyboard.type('K-77');
  await tabTo(page, { id: 'client-clinician' });
  await page.keyboard.type('Dr Rivera');
  await tabTo(page, { id: 'client-modality' });
  await page.keyboard.press('ArrowDown');
  await tabTo(page, { button: 'Save new client' });
  await page.keyboard.press('Enter');
  const added = await s.waitForCall('addClient');
  expect(added.args[0]).toMatchObject({ code: 'K-77', clinician: 'Dr Rivera', modality: 'CBT' });
  await page.locator('.top-client', { hasText: 'Client K-77' }).waitFor();

  await page.locator('#nav-clients').focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Plan for K-77' }).waitFor();
  await tabTo(page, { button: 'Save plan' });
  for (const [nav, heading, button] of [
    ['nav-gas', 'GAS scales for K-77', 'Save GAS scale'],
    ['nav-priorities', 'Priorities for K-77', 'Save priorities'],
  ] as const) {
    await page.locator(`#${nav}`).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: heading }).waitFor();
    await tabTo(page, { button });
    await expect(focusVisible(page)).resolves.toBe(true);
  }
  expectClean(s);
});

test('axe-core: no serious or critical violations on any screen, in normal and error states', async () => {
  const server = fakeServer();
  server.handlers.recordSession = () => invalid('1 answer needs attention.', { 'measures.phq9.items.3': 'PHQ-9 item 4 must be a whole number from 0 to 3', date: 'Expected a date' });
  s = await suite.open(server.handlers);
  const { page } = s;
  const check = async (where: string) => {
    const v = await seriousViolations(page);
    expect({ where, violations: v }).toEqual({ where, violations: [] });
  };
  await page.getByRole('heading', { name: 'Clients' }).waitFor();
  await check('clients');
  await page.getByRole('button', { name: 'Add client' }).click();
  await page.getByLabel('Client code').fill('Jane Smith');
  await page.getByText(/looks like a name \(a first and last name/).waitFor();
  await check('add client with warning');
  await page.getByRole('button', { name: /C-0142/ }).click();
  await page.locator('.top-client', { hasText: 'Client C-0142' }).waitFor();

  await goTo(page, 'Plan');
  await page.getByRole('heading', { name: 'Plan for C-0142' }).waitFor();
  await page.locator('#plan-goals-0-objectives-0-title').fill('Feel better');
  await check('plan');
  await goTo(page, 'GAS');
  await page.getByRole('heading', { name: 'GAS scales for C-0142' }).waitFor();
  await check('gas');
  await goTo(page, 'Session');
  await page.getByRole('heading', { name: 'Session for C-0142' }).waitFor();
  await page.locator('#session-measures-phq9-toggle').click();
  await page.locator('#session-measures-phq9-items-8').selectOption('2');
  await page.locator('.safety').first().waitFor();
  await check('session with safety flag');
  await page.getByRole('button', { name: 'Save session' }).click();
  await page.locator('#session-measures-phq9-items-3-error').waitFor();
  await check('session with errors');
  await goTo(page, 'Priorities');
  await page.getByRole('heading', { name: 'Priorities for C-0142' }).waitFor();
  await page.locator('#priority-items-0-urgency').selectOption('4');
  await page.locator('#priority-items-0-importance').selectOption('5');
  await page.locator('#priority-items-0-readiness').selectOption('2');
  await check('priorities');
  expectClean(s);
});

test('the page loads nothing but itself, and a failing Bootstrap shows a plain message with a retry', async () => {
  const server = fakeServer();
  let fail = true;
  const real = server.handlers.getBootstrap;
  server.handlers.getBootstrap = () => {
    if (fail) throw new Error('Authorisation is required to perform that action.');
    return real();
  };
  s = await suite.open(server.handlers);
  const { page } = s;
  await page.getByRole('alert').filter({ hasText: 'Authorisation is required' }).waitFor();
  fail = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.getByRole('heading', { name: 'Clients' }).waitFor();
  // Nothing but the document itself (and the favicon Chromium asks for on its own).
  const resources = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  expect(resources.filter((u) => !u.endsWith('/favicon.ico'))).toEqual([]);
  const html = await page.content();
  expect(html).not.toMatch(/\b(src|href)\s*=\s*["']?(https?:|\/\/)/i);
  expectClean(s);
});
