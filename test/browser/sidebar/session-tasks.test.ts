// Browser tests of tasks between sessions on the Session screen: "From last time" with one tap per outcome, "Until next time" per goal with the live what / when / how-often hint, the recordSession payload, user text shown as text.
import type { RecordSessionInput } from '../../../src/contract';
import { clientDetail, fakeServer } from './fixtures';
import { expectClean, goTo, type Sidebar, sidebarSuite } from './harness';

jest.setTimeout(60000);

const suite = sidebarSuite();
let s: Sidebar | undefined;

afterEach(() => {
  if (s) expectClean(s);
  s = undefined;
});

function withTasks() {
  const d = clientDetail();
  return {
    ...d,
    openTasks: [
      { taskId: 'S2-T1', goalId: 'G1.O1', task: 'Walk to the park after lunch, 3 times', setSession: 2, setDate: '2026-10-08', due: '' },
      { taskId: 'S2-T2', goalId: 'G1.O2', task: '<b>Call</b> Sam on Sunday evening', setSession: 2, setDate: '2026-10-08', due: '2026-10-20' },
    ],
  };
}

async function openSession(sidebar: Sidebar) {
  const { page } = sidebar;
  await page.getByRole('button', { name: /C-0142/ }).click();
  await page.locator('.top-client', { hasText: 'Client C-0142' }).waitFor();
  await goTo(page, 'Session');
  await page.getByRole('heading', { name: 'Session for C-0142' }).waitFor();
}

test('"From last time" lists each open task with its goal; one tap marks an outcome, a second tap unmarks it; user text stays text', async () => {
  s = await suite.open(fakeServer([withTasks()]).handlers);
  await openSession(s);
  const from = s.page.locator('#session-from-last-time');
  await from.getByText('Walk to the park after lunch, 3 times').waitFor();
  await from.getByText('Walk after lunch · set at session 2').waitFor();
  await from.getByText('<b>Call</b> Sam on Sunday evening').waitFor();
  await expect(from.locator('b').count()).resolves.toBe(0);
  const done = s.page.getByRole('group', { name: 'Walk to the park after lunch, 3 times' }).getByRole('button', { name: 'Done', exact: true });
  await done.click();
  await expect(done.getAttribute('aria-pressed')).resolves.toBe('true');
  await done.click();
  await expect(done.getAttribute('aria-pressed')).resolves.toBe('false');
});

test('"Until next time" adds tasks per goal, shows the hint while a task is vague, and the save sends outcomes and new tasks', async () => {
  s = await suite.open(fakeServer([withTasks()]).handlers);
  await openSession(s);
  const { page } = s;
  await page.getByRole('group', { name: 'Walk to the park after lunch, 3 times' }).getByRole('button', { name: 'Done', exact: true }).click();
  await page.getByRole('group', { name: '<b>Call</b> Sam on Sunday evening' }).getByRole('button', { name: 'Partly' }).click();
  await page.locator('#session-add-task-G1-O1').click();
  const text = page.locator('#session-newTasks-0-text');
  await text.fill('Relax more');
  const hint = page.locator('#session-newTasks-0-smart');
  await hint.getByText(/Say when/).waitFor();
  await hint.getByText(/Say how often/).waitFor();
  await text.fill('Walk to the shop after breakfast every day');
  await expect(hint.locator('li').count()).resolves.toBe(0);
  await page.getByLabel('Event note').fill('Reviewed tasks');
  await page.getByRole('button', { name: 'Save session' }).click();
  const input = (await s.waitForCall('recordSession')).args[0] as RecordSessionInput;
  expect(input.taskOutcomes).toEqual([
    { taskId: 'S2-T1', outcome: 'done' },
    { taskId: 'S2-T2', outcome: 'partly' },
  ]);
  expect(input.newTasks).toEqual([{ goalId: 'G1.O1', text: 'Walk to the shop after breakfast every day' }]);
});

test('a client without open tasks has no "From last time" section', async () => {
  s = await suite.open(fakeServer().handlers);
  await openSession(s);
  await s.page.locator('#session-until-next-time').waitFor();
  await expect(s.page.locator('#session-from-last-time').count()).resolves.toBe(0);
});
