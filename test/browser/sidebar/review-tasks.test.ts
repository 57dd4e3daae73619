// Browser test of the Review screen's task completion: each goal with tasks since the last review says how many were done of those reviewed, in core's words.
import { clientDetail, fakeServer, ok, reviewStart } from './fixtures';
import { expectClean, type Sidebar, sidebarSuite } from './harness';

jest.setTimeout(60000);

const suite = sidebarSuite();
let s: Sidebar | undefined;

afterEach(() => {
  if (s) expectClean(s);
  s = undefined;
});

test('a goal with tasks shows "2 of 3 done (1 partly)" and its share; a goal without tasks shows no task line', async () => {
  const d = clientDetail();
  const server = fakeServer([d]);
  const start = reviewStart(d);
  const withTasks = { ...start, goals: start.goals.map((g) => (g.goalId === 'G1.O1' ? { ...g, tasks: { done: 2, partly: 1, notDone: 0, notReviewed: 0, open: 1, share: 2 / 3 } } : g)) };
  s = await suite.open({ ...server.handlers, startReview: () => ok(withTasks) });
  const { page } = s;
  await page.getByRole('button', { name: /C-0142/ }).click();
  await page.locator('.top-client', { hasText: 'Client C-0142' }).waitFor();
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Review', exact: true }).click();
  await page.getByRole('heading', { name: 'Goal review for C-0142' }).waitFor();
  const i = withTasks.goals.findIndex((g) => g.goalId === 'G1.O1');
  await page.locator(`#review-goals-${i}-tasks`).getByText('Tasks since the last review: 2 of 3 done (1 partly) (67% done)').waitFor();
  await expect(page.locator('[id$="-tasks"]').count()).resolves.toBe(1);
});
