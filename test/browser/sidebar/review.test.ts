// Browser tests of the Review and Discharge screens: the cadence, walking each goal with prefilled levels, reasons required, the saveReview payload, milestones, the relapse-prevention plan form, escaping, keyboard and axe.
import type { Page } from 'playwright-core';
import { applyReview } from '../../../src/core/review';
import type { RelapsePreventionPlanInput, SaveReviewInput } from '../../../src/contract';
import { clientDetail, fakeServer, goal, invalid, TODAY, withCadence } from './fixtures';
import { expectClean, seriousViolations, type Sidebar, sidebarSuite } from './harness';

jest.setTimeout(90000);

const suite = sidebarSuite();
let s: Sidebar | undefined;

const XSS = '<img src=x onerror=alert(1)>';

/** C-0142 with four sessions (a review is due) and a latest rating for the first objective. */
function dueClient() {
  const { reviewDue: _due, reviewOverdue: _overdue, review: _review, ...d } = clientDetail();
  // Four attended sessions: the client's own cadence (core's rule) says a review is due, as startReview will.
  return withCadence({ ...d, sessions: [1, 2, 3, 4].map((n) => ({ number: n, date: `2026-10-0${n}`, attended: true, note: '' })), latestGas: [{ goalId: 'G1.O1', level: 0, rating: 6 }] });
}

async function open(page: Page, screen: 'Review' | 'Discharge', heading: string) {
  await page.getByRole('button', { name: /C-0142/ }).click();
  await page.locator('.top-client', { hasText: 'Client C-0142' }).waitFor();
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: screen, exact: true }).click();
  await page.getByRole('heading', { name: heading }).waitFor();
}

test('walks each goal with prefilled levels, requires a reason unless continuing, saves the expected payload and shows the milestone', async () => {
  const d = dueClient();
  const server = fakeServer([d]);
  s = await suite.open(server.handlers);
  const { page } = s;
  await open(page, 'Review', 'Goal review for C-0142');
  await expect(page.locator('#review-cadence').textContent()).resolves.toBe('Review: Due. 4 attended sessions since the start; reviews are due every 4.');
  await expect(page.locator('fieldset legend').allTextContents()).resolves.toEqual(['Goal 1: Get back into a daily routine', 'Objective 1.1: Walk after lunch', 'Objective 1.2: Phone a friend']);
  // Prefilled from the latest ratings; the chosen level's anchor is spelled out below the level (a closed select cannot wrap).
  await expect(page.locator('#review-goals-1-gasLevel').inputValue()).resolves.toBe('0');
  await expect(page.locator('#review-goals-1-rating').inputValue()).resolves.toBe('6');
  await expect(page.locator('#review-goals-0-gasLevel').inputValue()).resolves.toBe('');
  await expect(page.locator('#review-goals-1-gasLevel option:checked').textContent()).resolves.toBe('0 expected outcome');
  await expect(page.locator('#review-goals-1-gasLevel-hint').textContent()).resolves.toBe('0: 5 walks a week');

  await page.locator('#review-goals-0-decision').selectOption('continue');
  await page.locator('#review-goals-1-decision').selectOption('achieved');
  await page.locator('#review-goals-2-decision').selectOption('modify');
  await page.getByRole('button', { name: 'Save review' }).click();
  await page.locator('#review-goals-1-reason-error').getByText('Give a reason for "achieved".').waitFor();
  await page.locator('#review-goals-2-reason-error').waitFor();
  await expect(page.locator('#review-goals-0-reason-error').count()).resolves.toBe(0);
  expect(s.callsTo('saveReview')).toHaveLength(0);

  await page.locator('#review-goals-0-gasLevel').selectOption('1');
  await page.locator('#review-goals-0-rating').selectOption('7');
  await page.locator('#review-goals-1-reason').fill('Walks most days now');
  await page.locator('#review-goals-2-reason').fill('Too much at once');
  await page.locator('#review-goals-2-gasLevel').selectOption('-1');
  await expect(page.locator('#review-goals-2-revisedObjective').inputValue()).resolves.toBe('Phone a friend');
  await page.locator('#review-goals-2-revisedObjective').fill('Phone a friend once a week');
  await page.getByRole('button', { name: 'Save review' }).click();
  const input = (await s.waitForCall('saveReview')).args[0] as SaveReviewInput;
  expect(input).toEqual({
    clientCode: 'C-0142',
    date: TODAY,
    sessionNumber: 4,
    goals: [
      { goalId: 'G1', decision: 'continue', gasLevel: 1, rating: 7 },
      { goalId: 'G1.O1', decision: 'achieved', reason: 'Walks most days now', gasLevel: 0, rating: 6 },
      { goalId: 'G1.O2', decision: 'modify', reason: 'Too much at once', gasLevel: -1, rating: null, revisedObjective: 'Phone a friend once a week' },
    ],
    requestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
  });
  const gas = applyReview(d.goals, input, { rho: 0.3 }).gas!;
  await page.locator('#review-saved').getByText('Review saved').waitFor();
  await expect(page.locator('#review-milestones li').allTextContents()).resolves.toEqual(['★ Walk after lunch']);
  await expect(page.locator('#review-t').textContent()).resolves.toBe(`GAS T-score ${gas.tScore.toFixed(1)}, change from baseline ${gas.change! >= 0 ? '+' : '−'}${Math.abs(gas.change!).toFixed(1)}.`);
  await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('review-saved');
  await expect(page.locator('#review-cadence').textContent()).resolves.toMatch(/^Review: At session/);
  expect(await seriousViolations(page)).toEqual([]);
  expectClean(s);
});

test('keyboard only: every field of a goal is reachable in order and Enter on Save shows the errors; axe finds nothing serious', async () => {
  const server = fakeServer([dueClient()]);
  s = await suite.open(server.handlers);
  const { page } = s;
  await open(page, 'Review', 'Goal review for C-0142');
  expect(await seriousViolations(page)).toEqual([]);
  await page.locator('#review-goals-0-decision').selectOption('retire');
  await page.locator('#review-goals-1-decision').selectOption('modify');
  expect(await seriousViolations(page)).toEqual([]);
  await page.locator('#review-date').focus();
  const order: string[] = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => document.activeElement?.id || (document.activeElement?.textContent ?? '').trim());
    order.push(id);
    if (id === 'Save review') break;
  }
  expect(order.filter((x) => x.startsWith('review-goals-'))).toEqual([
    'review-goals-0-gasLevel',
    'review-goals-0-rating',
    'review-goals-0-decision',
    'review-goals-0-reason',
    'review-goals-1-gasLevel',
    'review-goals-1-rating',
    'review-goals-1-decision',
    'review-goals-1-reason',
    'review-goals-1-revisedObjective',
    'review-goals-2-gasLevel',
    'review-goals-2-rating',
    'review-goals-2-decision',
    'review-goals-2-reason',
  ]);
  await page.keyboard.press('Enter');
  await page.locator('#review-errors').waitFor();
  await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('review-errors');
  await expect(page.locator('#review-errors li').allTextContents()).resolves.toEqual(['Goal 1 › Reason: Give a reason for "retire".', 'Objective 1.1 › Reason: Give a reason for "modify".', 'Objective 1.2 › Decision: Choose a decision: continue, modify, retire or achieved.']);
  // Each error is a button that moves focus to its field.
  await page.locator('#review-errors li button').first().press('Enter');
  await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('review-goals-0-reason');
  expect(s.callsTo('saveReview')).toHaveLength(0);
  expectClean(s);
});

test('user text is escaped and a server field error shows beside its field, with the form kept', async () => {
  const d = clientDetail('C-0142', [goal({ id: 'G1', title: XSS }), goal({ id: 'G1.O1', parentId: 'G1', title: `${XSS} objective`, anchors: [XSS, 'b', 'c', 'd', 'e'], baseline: -1, importance: 2, difficulty: 2, weight: 4 })]);
  const server = fakeServer([d]);
  server.handlers.saveReview = () => invalid(`Bad <img src=y onerror=alert(3)>`, { 'goals.1.reason': '<img src=z onerror=alert(4)>', goals: 'Expected a decision for every active goal' });
  s = await suite.open(server.handlers);
  const { page } = s;
  await open(page, 'Review', 'Goal review for C-0142');
  await expect(page.locator('fieldset legend').first().textContent()).resolves.toBe(`Goal 1: ${XSS}`);
  await page.locator('#review-goals-1-gasLevel').selectOption('-2');
  await expect(page.locator('#review-goals-1-gasLevel-hint').textContent()).resolves.toBe(`−2: ${XSS}`);
  await page.locator('#review-goals-0-decision').selectOption('continue');
  await page.locator('#review-goals-1-decision').selectOption('retire');
  await page.locator('#review-goals-1-reason').fill('<b>done</b>');
  await page.getByRole('button', { name: 'Save review' }).click();
  await page.locator('#review-goals-1-reason-error').getByText('<img src=z onerror=alert(4)>').waitFor();
  await page.getByText('Bad <img src=y onerror=alert(3)>').waitFor();
  await expect(page.locator('#review-goals-1-reason').inputValue()).resolves.toBe('<b>done</b>');
  await expect(page.locator('img').count()).resolves.toBe(0);
  expectClean(s);
});

test('discharge: the relapse-prevention plan form lists achieved goals, sends one line per entry and named contacts, maps line errors, and reports the tab built', async () => {
  const d = clientDetail();
  d.goals[1] = { ...d.goals[1], status: 'achieved', statusDate: '2026-11-01', statusReason: 'Walks daily' };
  const server = fakeServer([d]);
  let first = true;
  const real = server.handlers.buildRelapsePreventionPlan;
  server.handlers.buildRelapsePreventionPlan = (input: RelapsePreventionPlanInput) => {
    if (first) {
      first = false;
      return invalid('Check the plan.', { 'whatHelped.1': 'Expected something that helped of up to 2000 characters', 'contacts.0.how': 'Expected how to reach them' });
    }
    return real(input);
  };
  s = await suite.open(server.handlers);
  const { page } = s;
  await open(page, 'Discharge', 'Relapse-prevention plan for C-0142');
  await expect(page.getByRole('list', { name: 'Goals achieved' }).locator('li').allTextContents()).resolves.toEqual(['Walk after lunch (2026-11-01)']);
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByLabel('What helped').fill('Walking after lunch\n\n  Activity diary  ');
  await page.getByLabel('Early warning signs').fill(`Staying in bed\n${XSS}`);
  await page.getByLabel('Coping strategies').fill('Phone a friend');
  await page.getByLabel('If difficulties return: what to do').fill('Restart the walking plan');
  await page.locator('#discharge-contacts-0-who').fill('GP surgery');
  await page.locator('#discharge-contacts-0-how').fill('0800 123 456');
  await page.getByRole('button', { name: 'Add a contact' }).click();
  await page.locator('#discharge-contacts-1-who').fill('Crisis line');
  await page.locator('#discharge-contacts-1-how').fill('111');
  await page.locator('#discharge-contacts-1-when').fill('Out of hours');
  await page.getByRole('button', { name: 'Build relapse-prevention plan' }).click();
  await page.locator('#discharge-whatHelped-error').getByText('Line 2: Expected something that helped of up to 2000 characters').waitFor();
  await page.locator('#discharge-contacts-0-how-error').waitFor();
  await page.getByRole('button', { name: 'Build relapse-prevention plan' }).click();
  const input = (await s.waitForCall('buildRelapsePreventionPlan', 2)).args[0] as RelapsePreventionPlanInput;
  expect(input).toEqual({
    clientCode: 'C-0142',
    date: TODAY,
    whatHelped: ['Walking after lunch', 'Activity diary'],
    warningSigns: ['Staying in bed', XSS],
    copingStrategies: ['Phone a friend'],
    ifTheyReturn: ['Restart the walking plan'],
    contacts: [
      { who: 'GP surgery', how: '0800 123 456' },
      { who: 'Crisis line', how: '111', when: 'Out of hours' },
    ],
    requestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
  });
  await page.locator('#discharge-built').getByText('Built the tab “Relapse prevention C-0142”.').waitFor();
  await expect(page.locator('img').count()).resolves.toBe(0);
  expect(await seriousViolations(page)).toEqual([]);
  expectClean(s);
});
