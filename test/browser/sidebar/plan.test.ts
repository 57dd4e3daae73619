// Browser tests of the Plan editor and the GAS builder: template fill, live SMART hints, savePlan payload and error placement, weight and T-score preview.
import type { Page } from 'playwright-core';
import { gasTScore } from '../../../src/core/gas';
import type { SavePlanInput } from '../../../src/contract';
import { fakeServer, invalid, TODAY } from './fixtures';
import { expectClean, goTo, type Sidebar, sidebarSuite } from './harness';

jest.setTimeout(60000);

const suite = sidebarSuite();
let s: Sidebar | undefined;

async function openClient(page: Page, code: string) {
  await page.getByRole('button', { name: new RegExp(code) }).click();
  await page.locator('.top-client', { hasText: `Client ${code}` }).waitFor();
}

test('a template fills the editor; a vague objective gets a SMART hint; save sends every objective', async () => {
  const server = fakeServer();
  s = await suite.open(server.handlers);
  const { page } = s;
  await openClient(page, 'C-0200');
  await goTo(page, 'Plan');
  await page.getByRole('heading', { name: 'Plan for C-0200' }).waitFor();

  await page.getByLabel('Start from a template').selectOption('depression-behavioural-activation');
  await page.getByRole('button', { name: 'Fill from template' }).click();
  // The Bootstrap lists the templates; the chosen one comes from the server (the library is not inlined in the sidebar).
  expect((await s.waitForCall('getTemplate')).args).toEqual(['depression-behavioural-activation']);
  await page.getByText(/Filled from “Depression: behavioural activation”/).waitFor();

  const firstObjective = page.locator('#plan-goals-0-objectives-0-title');
  await expect(firstObjective.inputValue()).resolves.toBe('Keep an hour-by-hour activity and mood diary');
  // Template deadlines are weeks from the client's start date (2026-10-01 + 2 weeks).
  await expect(page.locator('#plan-goals-0-objectives-0-deadline').inputValue()).resolves.toBe('2026-10-15');
  await expect(page.locator('#plan-goals-0-objectives-0-target').inputValue()).resolves.toBe('5 days per week');

  // Make the objective vague: the core's SMART check names the problem beside it.
  const smart = page.locator('#plan-goals-0-objectives-0-smart');
  await firstObjective.fill('Feel better');
  await page.locator('#plan-goals-0-objectives-0-behaviour').fill('');
  await smart.getByText(/"feel better"/i).waitFor();
  await smart.getByText(/Add the observable behaviour/).waitFor();
  await expect(firstObjective.getAttribute('aria-describedby')).resolves.toContain('plan-goals-0-objectives-0-smart');
  // Add a behaviour back: that hint goes, the vague-wording one stays.
  await page.locator('#plan-goals-0-objectives-0-behaviour').fill('Walks to the shop and back');
  await smart.getByText(/Add the observable behaviour/).waitFor({ state: 'detached' });
  await smart.getByText(/"feel better"/i).waitFor();

  await page.getByRole('button', { name: 'Save plan' }).click();
  const call = await s.waitForCall('savePlan');
  const input = call.args[0] as SavePlanInput;
  expect(input.clientCode).toBe('C-0200');
  expect(input.templateId).toBe('depression-behavioural-activation');
  const longs = input.goals.filter((g) => g.horizon === 'long');
  const shorts = input.goals.filter((g) => g.horizon === 'short');
  expect(longs.length).toBeGreaterThan(0);
  expect(shorts.length).toBeGreaterThan(longs.length - 1);
  // New goals carry temporary "new-…" ids so their objectives can point at them.
  expect(input.goals[0]).toMatchObject({ parentId: '', horizon: 'long' });
  expect(input.goals[0].id).toMatch(/^new-/);
  expect(input.goals[1].id).toMatch(/^new-/);
  expect(input.goals[1].parentId).toBe(input.goals[0].id);
  expect(input.goals[1]).toMatchObject({ horizon: 'short', title: 'Feel better', behaviour: 'Walks to the shop and back', deadline: '2026-10-15', baseline: -2, importance: 2, difficulty: 1 });
  expect(input.goals[1].anchors[2]).toBe('5 diary days in the week');
  await page.getByText(/Saved the plan for C-0200/).waitFor();
  // The reloaded plan carries the saved ids, so saving again updates rather than adds.
  await page.locator('#plan-goals-0-h .tag', { hasText: 'saved' }).waitFor();
  await expect(page.locator('#plan-goals-0-objectives-0-title').inputValue()).resolves.toBe('Feel better');
  await page.getByRole('button', { name: 'Save plan' }).click();
  const again = (await s.waitForCall('savePlan', 2)).args[0] as SavePlanInput;
  expect(again.goals.slice(0, 3).map((g) => g.id)).toEqual(['C-0200.G1', 'C-0200.G1.O1', 'C-0200.G1.O2']);
  expect(again.goals[1].parentId).toBe('C-0200.G1');
  // The saved plan came back with savePlan's answer: no extra getClient round trip.
  expect(s.callsTo('getClient')).toHaveLength(1);
  expectClean(s);
});

test('objectives are limited to five per goal and a new plan can be written by hand', async () => {
  const server = fakeServer();
  s = await suite.open(server.handlers);
  const { page } = s;
  await openClient(page, 'C-0200');
  await goTo(page, 'Plan');
  await page.locator('#plan-goals-0-title').fill('Sleep through the night');
  const add = page.getByRole('button', { name: 'Add objective to goal 1' });
  for (let i = 0; i < 4; i++) await add.click();
  await expect(page.locator('[id^="plan-goals-0-objectives-"][id$="-title"]').count()).resolves.toBe(5);
  await page.getByText('At most 5 objectives.').waitFor();
  await expect(add.getAttribute('aria-disabled')).resolves.toBe('true');
  // A keyboard press on the disabled button adds nothing.
  await add.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('[id^="plan-goals-0-objectives-"][id$="-title"]').count()).resolves.toBe(5);
  await page.getByRole('button', { name: 'Remove objective 1.5' }).click();
  await expect(page.locator('[id^="plan-goals-0-objectives-"][id$="-title"]').count()).resolves.toBe(4);
  expectClean(s);
});

test('server errors show beside the matching objective field (nested and flat paths) and nothing typed is lost', async () => {
  const server = fakeServer();
  server.handlers.savePlan = () =>
    invalid('2 fields need attention.', {
      'goals.0.objectives.1.deadline': 'Expected a deadline from 1900-01-01 to 2100-12-31 as YYYY-MM-DD; got empty text ""',
      'goals.1.measure': 'Expected a measure (how the behaviour is counted or rated); got empty text ""',
    });
  s = await suite.open(server.handlers);
  const { page } = s;
  await openClient(page, 'C-0142');
  await goTo(page, 'Plan');
  await page.locator('#plan-goals-0-objectives-1-deadline').fill('');
  await page.locator('#plan-goals-0-objectives-1-measure').fill('');
  await page.locator('#plan-goals-0-objectives-0-title').fill('Walk after lunch, every weekday');
  await page.getByRole('button', { name: 'Save plan' }).click();
  await page.locator('#plan-goals-0-objectives-1-deadline-error').getByText(/Expected a deadline/).waitFor();
  // "goals.1" in the flat list is the first objective of goal 1.
  await page.locator('#plan-goals-0-objectives-0-measure-error').getByText(/Expected a measure/).waitFor();
  await page.getByRole('alert').filter({ hasText: '2 fields need attention.' }).waitFor();
  await expect(page.locator('#plan-goals-0-objectives-0-title').inputValue()).resolves.toBe('Walk after lunch, every weekday');
  // The summary's entry moves focus to the field.
  await page.getByRole('button', { name: /Deadline: Expected a deadline/ }).click();
  await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('plan-goals-0-objectives-1-deadline');
  expectClean(s);
});

test('a GAS-field error on the plan screen points at the objective\'s "Edit GAS scale" button, which opens the builder on it', async () => {
  const server = fakeServer();
  // Flat index 2 is objective 1.2 (rows: goal 1, objective 1.1, objective 1.2).
  server.handlers.savePlan = () => invalid('Nothing was saved: 1 field needs attention.', { 'goals.2.anchors.1': 'Expected the -1 anchor as text; got a blank' });
  s = await suite.open(server.handlers);
  const { page } = s;
  await openClient(page, 'C-0142');
  await goTo(page, 'Plan');
  await page.getByRole('button', { name: 'Save plan' }).click();
  await page.locator('#plan-goals-0-objectives-1-gas-error').getByText(/Expected the -1 anchor as text/).waitFor();
  await expect(page.locator('#plan-goals-0-objectives-1-gas').getAttribute('aria-describedby')).resolves.toContain('plan-goals-0-objectives-1-gas-error');
  // One problem, one message: beside its field; the summary names the field and moves focus there.
  await page.getByRole('alert').getByRole('button', { name: /Anchor 2$/ }).click();
  await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('plan-goals-0-objectives-1-gas');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'GAS scales for C-0142' }).waitFor();
  await expect(page.getByLabel('Goal to scale').inputValue()).resolves.toBe('0.1');
  await expect(page.getByLabel('0 expected outcome').inputValue()).resolves.toBe('Two calls a week');
  expectClean(s);
});

test('GAS builder: weight and T-score preview update live, and the scale saves with the plan', async () => {
  const server = fakeServer();
  s = await suite.open(server.handlers);
  const { page } = s;
  await openClient(page, 'C-0142');
  await goTo(page, 'GAS');
  await page.getByRole('heading', { name: 'GAS scales for C-0142' }).waitFor();
  await expect(page.getByLabel('Goal to scale').inputValue()).resolves.toBe('0.0');
  for (const label of ['−2 much less than expected', '−1 less than expected', '0 expected outcome', '+1 more than expected', '+2 much more than expected']) {
    await page.getByLabel(label, { exact: true }).waitFor();
  }
  await expect(page.getByLabel('0 expected outcome').inputValue()).resolves.toBe('5 walks a week');

  const weight = page.locator('#gas-weight');
  await weight.getByText('2 × 2 = 4').waitFor();
  // Baseline T over both objectives (−1 weight 4, −2 weight 3).
  const t = (levels: number[]) => gasTScore(levels, [4, 3], { rho: 0.3 }).toFixed(1);
  await expect(page.locator('#gas-t-baseline').textContent()).resolves.toBe(t([-1, -2]));
  await expect(page.locator('#gas-t-this').textContent()).resolves.toBe(t([0, -2]));
  await expect(page.locator('#gas-t-every').textContent()).resolves.toBe('50.0');

  await page.getByLabel('Importance (client)').selectOption('3');
  await page.getByLabel('Difficulty (clinician)').selectOption('3');
  await weight.getByText('3 × 3 = 9').waitFor();
  const t9 = (levels: number[]) => gasTScore(levels, [9, 3], { rho: 0.3 }).toFixed(1);
  await page.locator('#gas-t-baseline', { hasText: t9([-1, -2]) }).waitFor();
  await page.getByLabel('Preview level').selectOption('2');
  await page.locator('#gas-t-this', { hasText: t9([2, -2]) }).waitFor();
  await page.locator('#gas-t-every', { hasText: t9([2, 2]) }).waitFor();

  await page.getByLabel('+2 much more than expected').fill('Walks every day, including weekends');
  await page.getByRole('button', { name: 'Save GAS scale' }).click();
  const input = (await s.waitForCall('savePlan')).args[0] as SavePlanInput;
  const o1 = input.goals.find((g) => g.id === 'G1.O1')!;
  expect(o1).toMatchObject({ parentId: 'G1', importance: 3, difficulty: 3, baseline: -1 });
  expect(o1.anchors).toEqual(['No walks', '1–2 walks a week', '5 walks a week', '6 walks a week', 'Walks every day, including weekends']);
  expect(JSON.stringify(input)).not.toContain('"weight"');
  await page.getByText(/Saved the GAS scale/).waitFor();
  // The draft is shared: the plan editor shows nothing lost.
  await goTo(page, 'Plan');
  await page.locator('#plan-goals-0-objectives-0-title').waitFor();
  expect(TODAY).toBe('2026-11-20');
  expectClean(s);
});
