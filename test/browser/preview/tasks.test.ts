// Tasks between sessions through the preview in a real browser: two tasks set at a session, marked at the next one from "From last time", and their completion on the Review tab (the sheet's own formulas).
import type { Browser, Frame } from 'playwright-core';
import type { Preview } from '../../../preview/server';
import { cleanup, clickMenu, guardedPage, launchBrowser, sidebarFrame, tempStateFile, until, type Guarded } from '../../../kit/browser';
import { getState, postJson, startTestPreview } from './helpers';

jest.setTimeout(900000);

let browser: Browser;
let preview: Preview;
let stateFile: string;
let g: Guarded;
const CODE = 'TK-01';

beforeAll(async () => {
  stateFile = tempStateFile('tasks');
  // One after the other: seeding the demo clinic keeps this process busy, and a browser launched alongside can time out.
  browser = await launchBrowser();
  preview = await startTestPreview(stateFile, { reset: true });
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

async function go(frame: Frame, screen: string, heading: RegExp): Promise<void> {
  await frame.locator('.nav button', { hasText: new RegExp(`^${screen}$`) }).click();
  await frame.getByRole('heading', { name: heading }).waitFor();
}

/** The Review tab's "Tasks between sessions" rows with a goal, as shown values (header row 7, data from row 8). */
async function taskBlock(): Promise<Record<string, string>[]> {
  const s = (await getState(preview)).sheets.find((x) => x.name === 'Review')!;
  const first = s.rows[2].findIndex((c) => c.v === 'Tasks between sessions');
  if (first < 0) return [];
  const header = s.rows[6].slice(first, first + 8).map((c) => c.v);
  return s.rows
    .slice(7, 7 + 12)
    .map((r) => Object.fromEntries(header.map((h, i) => [h, r[first + i]?.v ?? ''])))
    .filter((r) => r['Goal ID'] !== '');
}

test('set two tasks at a session, mark them at the next one, see their completion on the Review tab', async () => {
  const { page } = g;
  await page.goto(preview.url);
  await clickMenu(page, 'Open Attain');
  const frame = await sidebarFrame(page);

  await frame.getByRole('button', { name: 'Add client' }).click();
  await frame.getByLabel(/Client code/).fill(CODE);
  await frame.getByLabel(/^Clinician/).fill('clinician.a@demo.invalid');
  await frame.getByLabel(/Modality/).selectOption({ index: 1 });
  await frame.getByRole('button', { name: 'Save new client' }).click();
  await frame.getByText(`Added client ${CODE}`).waitFor();
  await frame.locator('.client-list button', { hasText: CODE }).first().click();
  await frame.locator('.top-client', { hasText: CODE }).waitFor();
  await go(frame, 'Plan', new RegExp(`Plan for ${CODE}`));
  await frame.getByLabel('Start from a template').selectOption('generalized-anxiety');
  await frame.getByRole('button', { name: 'Fill from template' }).click();
  await frame.getByText(/Filled from/).waitFor();
  await frame.getByRole('button', { name: 'Save plan' }).click();
  await until(async () => (await getState(preview)).sheets.find((s) => s.name === 'Goals')!.rows.some((r) => r[2]?.v === CODE), 'the plan rows');

  // Session 1: two tasks until next time, one for each of the first two objectives.
  await go(frame, 'Session', new RegExp(`Session for ${CODE}`));
  await frame.getByLabel('Date').fill('2026-11-03');
  const objectives = frame.locator('#session-until-next-time .task-goal.outline-objective');
  await objectives.nth(0).getByRole('button', { name: 'Add a task' }).click();
  await frame.locator('#session-newTasks-0-text').fill('Worry time for 15 minutes at 6 pm each day');
  await objectives.nth(1).getByRole('button', { name: 'Add a task' }).click();
  await frame.locator('#session-newTasks-1-text').fill('Relax');
  await frame.locator('#session-newTasks-1-smart').getByText(/Say when/).waitFor();
  await frame.locator('#session-newTasks-1-text').fill('Breathing exercise for 5 minutes before bed every night');
  await frame.getByLabel('Event note').fill('Agreed two tasks');
  await frame.getByRole('button', { name: 'Save session' }).click();
  await frame.locator('#session-saved').getByText('Saved session 1').waitFor();
  await frame.locator('#session-saved').getByText('0 tasks marked, 2 set until next time').waitFor();

  // Session 2: both come back under "From last time"; one tap each.
  await frame.getByLabel('Date').fill('2026-11-10');
  const from = frame.locator('#session-from-last-time');
  await from.getByText('Worry time for 15 minutes at 6 pm each day').waitFor();
  await frame.getByRole('group', { name: 'Worry time for 15 minutes at 6 pm each day' }).getByRole('button', { name: 'Done', exact: true }).click();
  await frame.getByRole('group', { name: 'Breathing exercise for 5 minutes before bed every night' }).getByRole('button', { name: 'Not done', exact: true }).click();
  await frame.getByRole('button', { name: 'Save session' }).click();
  await frame.locator('#session-saved').getByText('Saved session 2').waitFor();
  await frame.locator('#session-saved').getByText('2 tasks marked, 0 set until next time').waitFor();
  expect(await frame.locator('#session-from-last-time').count()).toBe(0);

  const tasks = (await getState(preview)).sheets.find((s) => s.name === 'Tasks')!;
  const mine = tasks.rows.filter((r) => r[0]?.v === CODE);
  expect(mine.map((r) => [r[1].v, r[7].v, r[8].v])).toEqual([
    ['S1-T1', 'done', '2'],
    ['S1-T2', 'not done', '2'],
  ]);

  // The Review tab, with the client chosen in B1 as a clinician would: one done of two reviewed.
  const r = await postJson<{ ok: boolean }>(preview, '/edit', { sheet: 'Review', row: 1, col: 2, input: CODE });
  expect(r.body).toMatchObject({ ok: true });
  await until(async () => (await taskBlock()).some((x) => x.Done === '1'), 'the Review tab\u2019s task completion');
  const block = await taskBlock();
  const withTasks = block.filter((x) => x.Done !== '0' || x['Not done'] !== '0');
  expect(withTasks.map((x) => [x.Done, x.Partly, x['Not done'], x.Open, x.Completion])).toEqual([
    ['1', '0', '0', '0', '100%'],
    ['0', '0', '1', '0', '0%'],
  ]);
  expect(g.blocked).toEqual([]);
  expect(g.errors).toEqual([]);
});
