// The real dist/Sidebar.html inside the preview: opened from the menu, used like a clinician would, checked with axe,
// and its google.script.run shim held to Apps Script's semantics. Every request off this machine fails the test.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Frame } from 'playwright-core';
import type { Preview } from '../../../preview/server';
import { cleanup, clickMenu, guardedPage, launchBrowser, sidebarFrame, tempStateFile, until, type Guarded } from '../../../kit/browser';
import { getState, getUi, ROOT, startTestPreview } from './helpers';

jest.setTimeout(180000); // a preview start seeds through the emulator (about 32 s alone on 2 cores)

let browser: Browser;
let preview: Preview;
let stateFile: string;
let g: Guarded;

beforeAll(async () => {
  stateFile = tempStateFile('sidebar');
  [browser, preview] = await Promise.all([launchBrowser(), startTestPreview(stateFile, { reset: true })]);
});

afterAll(async () => {
  await browser?.close();
  await preview?.close();
  if (stateFile) cleanup(stateFile);
});

beforeEach(async () => {
  g = await guardedPage(browser);
});

afterEach(async () => {
  await g.context.close();
  expect(g.blocked).toEqual([]);
});

async function openSidebar(): Promise<Frame> {
  await g.page.goto(preview.url);
  // A sidebar a previous test left open is shown again by the page's first refresh, and Open Attain then reloads it: wait for that
  // reload, or the frame found could be the first load's, navigated away under the test.
  await g.page.waitForFunction(() => document.body.dataset.version !== undefined);
  const before = await g.page.locator('#sidebar-frame').getAttribute('src');
  await clickMenu(g.page, 'Open Attain');
  const src = String(
    await (
      await g.page.waitForFunction((b) => {
        const now = document.getElementById('sidebar-frame')?.getAttribute('src') ?? '';
        return now.startsWith('/sidebar') && now !== b ? now : false;
      }, before)
    ).jsonValue(),
  );
  // The frame has left the first load once its URL is the new one.
  for (const deadline = Date.now() + 30000; !g.page.frames().some((f) => f.url().endsWith(src)); ) {
    if (Date.now() > deadline) throw new Error(`Expected the sidebar frame to load ${src}; it did not within 30 s`);
    await new Promise((r) => setTimeout(r, 25));
  }
  const frame = await sidebarFrame(g.page);
  await frame.locator('#app button:enabled').first().waitFor();
  return frame;
}

const clientCodes = async (): Promise<string[]> => {
  const view = await getState(preview);
  return view.sheets.flatMap((s) => s.rows.flatMap((r) => r.map((c) => c.v))).filter((v) => /^DEMO-\d+$|^TEST-\d+$/.test(v));
};

test('Open Attain shows the real sidebar, 300 px wide, and acting in it writes the emulated spreadsheet', async () => {
  const { page } = g;
  const frame = await openSidebar();
  expect(g.errors).toEqual([]);
  const width = await page.locator('#sidebar-frame').evaluate((el) => el.getBoundingClientRect().width);
  expect(width).toBe(300);
  expect((await getUi(preview)).sidebar).not.toBeNull();
  // The served document is dist/Sidebar.html itself, with only the shim added in front.
  const served = await (await fetch(`${preview.url}/sidebar`)).text();
  const built = fs.readFileSync(path.join(ROOT, 'dist', 'Sidebar.html'), 'utf8');
  expect(served.replace(/\n<script>window\.__ATTAIN_PREVIEW__=[\s\S]*?<\/script>\n<script>[\s\S]*?<\/script>\n/, '')).toBe(built);

  // Pick a seeded client.
  await frame.getByRole('button', { name: /DEMO-04/ }).click();
  await expect(frame.getByRole('button', { name: /DEMO-04/ }).getAttribute('aria-pressed')).resolves.toBe('true');

  // Add a client through the form; the row lands on the spreadsheet and the grid refreshes by itself.
  const versionBefore = Number(await page.locator('body').getAttribute('data-version'));
  await frame.getByRole('button', { name: 'Add client' }).click();
  await frame.getByLabel(/Client code/).fill('TEST-77');
  const clinician = frame.getByLabel(/Clinician/);
  if ((await clinician.evaluate((el) => el.tagName)) === 'SELECT') await clinician.selectOption({ index: 1 });
  else await clinician.fill('clinician.b@demo.invalid');
  const modality = frame.getByLabel(/Modality/);
  if ((await modality.count()) > 0) await modality.selectOption({ index: 1 });
  await frame.getByRole('button', { name: 'Save new client' }).click();
  await frame.getByText('Added client TEST-77').waitFor();
  expect(await clientCodes()).toContain('TEST-77');
  await until(async () => Number(await page.locator('body').getAttribute('data-version')) > versionBefore, 'the page to pick up the change');
  expect(g.errors).toEqual([]);
});

test('the sidebar has no serious or critical axe violations', async () => {
  const frame = await openSidebar();
  await frame.addScriptTag({ content: fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') });
  const run = async () =>
    frame.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
      const r = await axe.run(document, { resultTypes: ['violations'] });
      return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    });
  expect(await run()).toEqual([]);
  // And with a client chosen and the new-client form open.
  await frame.getByRole('button', { name: /DEMO-01/ }).click();
  await frame.getByRole('button', { name: 'Add client' }).click();
  expect(await run()).toEqual([]);
});

test('google.script.run in the sidebar behaves as in Apps Script', async () => {
  const frame = await openSidebar();
  // A server function that fails, and its message straight from the emulator.
  const failing: [string, unknown[]][] = [
    ['getClient', ['NOPE-00']],
    ['MEASURE_SCORE', ['not-an-instrument', [[1]]]],
    ['GAS_TSCORE', ['x']],
    ['addClient', [null]],
  ];
  let expectedFailure: { name: string; args: unknown[]; message: string } | null = null;
  for (const [name, args] of failing) {
    try {
      preview.emulator.run(name, ...args);
    } catch (e) {
      expectedFailure = { name, args, message: (e as Error).message };
      break;
    }
  }
  expect(expectedFailure).not.toBeNull();

  const result = await frame.evaluate(async (fail) => {
    type Runner = Record<string, (...a: unknown[]) => unknown>;
    const run = (window as unknown as { google: { script: { run: Runner & { withSuccessHandler(f: unknown): Runner & { withFailureHandler(f: unknown): Runner & { withUserObject(o: unknown): Runner } } } } } }).google.script.run;
    const out: Record<string, unknown> = {};
    // Asynchronous: the call returns undefined at once and the handler runs later, with a JSON copy and the user object.
    let sync = true;
    const success = await new Promise<unknown[]>((resolve) => {
      const ret = run
        .withSuccessHandler((v: unknown, u: unknown) => resolve([v, u, sync]))
        .withFailureHandler((e: Error) => resolve(['failed', e.message, sync]))
        .withUserObject({ tag: 'u1' })
        .getBootstrap();
      out.returned = ret === undefined ? 'undefined' : typeof ret;
      sync = false;
    });
    out.success = success;
    // Failure: an Error whose message is the server's, with the user object.
    out.failure = await new Promise<unknown[]>((resolve) => {
      const r = run
        .withSuccessHandler(() => resolve(['succeeded']))
        .withFailureHandler((e: Error, u: unknown) => resolve([e instanceof Error, e.message, u]))
        .withUserObject(7);
      r[fail.name](...fail.args);
    });
    // Dates and functions are refused at the call, nested ones too.
    const thrown = (f: () => void): string => {
      try {
        f();
        return 'no error';
      } catch (e) {
        return (e as Error).message;
      }
    };
    out.date = thrown(() => run.getBootstrap(new Date()));
    out.nestedDate = thrown(() => run.getBootstrap({ when: [new Date()] }));
    out.fn = thrown(() => run.getBootstrap(() => 1));
    // Private names (ending "_") and names the script lacks are not there at all.
    out.privateType = typeof run['showSidebar_'];
    out.unknownType = typeof run['noSuchFunction'];
    out.publicType = typeof run['getBootstrap'];
    // Each with…Handler gives a new runner; google.script.run itself keeps no handler.
    out.independent = (run.withSuccessHandler(() => undefined) as unknown) !== run;
    return out;
  }, expectedFailure!);

  expect(result.returned).toBe('undefined');
  const [value, userObject, calledSync] = result.success as [Record<string, unknown>, unknown, boolean];
  expect(calledSync).toBe(false);
  expect(userObject).toEqual({ tag: 'u1' });
  expect(value).toEqual(JSON.parse(JSON.stringify(preview.emulator.run('getBootstrap'))));
  expect(result.failure).toEqual([true, expectedFailure!.message, 7]);
  expect(result.date).toMatch(/illegal value/i);
  expect(result.nestedDate).toMatch(/illegal value in property: 0\.when\.0/);
  expect(result.fn).toMatch(/illegal value/i);
  expect(result.privateType).toBe('undefined');
  expect(result.unknownType).toBe('undefined');
  expect(result.publicType).toBe('function');
  expect(result.independent).toBe(true);

  // The server refuses private names even when asked directly.
  const direct = await fetch(`${preview.url}/rpc`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'onOpen_', args: [] }) });
  expect(await direct.json()).toMatchObject({ ok: false });
});

test('google.script.host.close() closes the panel', async () => {
  const { page } = g;
  const frame = await openSidebar();
  await frame.evaluate(() => (window as unknown as { google: { script: { host: { close(): void } } } }).google.script.host.close());
  await page.locator('#sidebar-panel').waitFor({ state: 'hidden' });
  await until(async () => (await getUi(preview)).sidebar === null, 'the server to record the sidebar as closed');
  // Reopening from the menu works again.
  await clickMenu(page, 'Open Attain');
  await sidebarFrame(page);
});
