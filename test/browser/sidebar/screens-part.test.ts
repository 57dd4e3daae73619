// Browser tests of the screens part: the first screen renders without it, it is asked for once after the Bootstrap, and a failed load says so and can be tried again.
import fs from 'node:fs';
import { screensScript } from '../../../src/server/sidebar-screens';
import { fakeServer } from './fixtures';
import { expectClean, goTo, SIDEBAR_SCREENS_HTML, type Sidebar, sidebarSuite } from './harness';

jest.setTimeout(60000);

const suite = sidebarSuite();
let s: Sidebar | undefined;

const builtPart = () => ({ ok: true, data: screensScript(fs.readFileSync(SIDEBAR_SCREENS_HTML, 'utf8')) });

test('the Clients screen renders and is usable while the screens part has not arrived; other screens say they are loading', async () => {
  const server = fakeServer();
  s = await suite.open({ ...server.handlers, getSidebarScreens: () => new Promise(() => undefined) });
  const { page } = s;
  await page.getByRole('button', { name: /C-0142/ }).click();
  await page.locator('.top-client', { hasText: 'Client C-0142' }).waitFor();
  await s.waitForCall('getSidebarScreens');
  await goTo(page, 'Session');
  await page.getByRole('status').filter({ hasText: 'Loading Session entry…' }).waitFor();
  expectClean(s);
});

test('the Bootstrap is asked for once (as the page starts) and the part once, after it, however many screens are opened', async () => {
  const server = fakeServer();
  s = await suite.open(server.handlers);
  const { page } = s;
  await page.getByRole('button', { name: /C-0142/ }).click();
  for (const label of ['Session', 'Plan', 'GAS', 'Priorities', 'Clients', 'Session'] as const) await goTo(page, label);
  await page.getByLabel('Event note').waitFor();
  expect(s.calls.map((c) => c.name).indexOf('getBootstrap')).toBeLessThan(s.calls.map((c) => c.name).indexOf('getSidebarScreens'));
  expect(s.callsTo('getSidebarScreens')).toHaveLength(1);
  expect(s.callsTo('getBootstrap')).toHaveLength(1);
  expectClean(s);
});

test('a part that fails to load says so on the screen asked for, and Try again loads it', async () => {
  const server = fakeServer();
  let failures = 1;
  s = await suite.open({
    ...server.handlers,
    getSidebarScreens: () => {
      if (failures-- > 0) throw new Error('Service unavailable');
      return builtPart();
    },
  });
  const { page } = s;
  await page.getByRole('button', { name: /C-0142/ }).click();
  await goTo(page, 'Session');
  await page.getByText('Could not load this screen: Service unavailable').waitFor();
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.getByLabel('Event note').waitFor();
  expect(s.callsTo('getSidebarScreens')).toHaveLength(2);
  expectClean(s);
});
