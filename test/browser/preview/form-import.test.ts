// Form responses through the preview, in a real browser (issue 15): the demo clinic's linked responses tab waits to be imported, and the batch imported from the sidebar's Forms screen gives exactly one row, the safety alert first, four reasons listed, and nothing else changed.
import type { Browser } from 'playwright-core';
import type { Preview } from '../../../preview/server';
import { cleanup, clickMenu, guardedPage, launchBrowser, sidebarFrame, tempStateFile, type Guarded } from '../../../kit/browser';
import { formResponses } from '../../../kit/workbook';
import { stateDiff } from '../../integration/state-diff';
import { getState, postJson, startTestPreview } from './helpers';

jest.setTimeout(600000); // the preview seeds its demo clinic first

let browser: Browser;
let preview: Preview;
let stateFile: string;
let g: Guarded;

beforeAll(async () => {
  stateFile = tempStateFile('form-import');
  [browser, preview] = await Promise.all([launchBrowser(), startTestPreview(stateFile, { reset: true })]);
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

const rowsOf = async (name: string) => (await getState(preview)).sheets.find((s) => s.name === name)?.rows ?? [];
const TAB = 'Form Responses 2';

test('the demo clinic has a linked responses tab with responses waiting to be imported', async () => {
  const rows = await rowsOf('Form Responses 1');
  expect(rows.length).toBeGreaterThan(2);
  const settings = await rowsOf('Settings');
  expect(settings.some((r) => r.some((c) => c.v === 'Form Responses 1 = PHQ-9'))).toBe(true);
});

test("the issue's batch from the Forms screen: exactly one row imported, the safety alert first, four reasons listed, nothing else changed", async () => {
  const em = preview.emulator;
  // An admin links a second form (typed in Settings as a person would); Google Forms writes its responses tab.
  const settings = await rowsOf('Settings');
  const header = settings[0].map((c) => c.v);
  const row = settings.findIndex((r) => r[header.indexOf('Key')]?.v === 'forms.links') + 1;
  expect((await postJson<{ ok: boolean }>(preview, '/edit', { sheet: 'Settings', row, col: header.indexOf('Value') + 1, input: `${TAB} = PHQ-9` })).body).toMatchObject({ ok: true });
  formResponses(em, TAB, [{ at: '2026-11-27 09:00:00', code: 'DEMO-02', answers: [1, 1, 1, 1, 1, 1, 1, 1, 0] }]);

  const { page } = g;
  await page.goto(preview.url);
  await clickMenu(page, 'Open Attain');
  const frame = await sidebarFrame(page);
  await frame.locator('.nav button', { hasText: /^Forms$/ }).click();
  await frame.locator('#import-preview').click();
  await frame.locator('#import-run').click();
  await frame.locator('#import-summary', { hasText: /^Imported 1 response/ }).waitFor();

  // The batch: one valid, one unknown code, one out-of-range item, the one above again (already imported), one item 9 = 2 not yet importable.
  formResponses(em, TAB, [
    { at: '2026-11-28 10:00:00', code: 'DEMO-03', answers: [2, 2, 1, 1, 0, 1, 1, 0, 0] },
    { at: '2026-11-28 10:05:00', code: 'X-0999', answers: [1, 1, 1, 1, 1, 1, 1, 1, 0] },
    { at: '2026-11-28 10:10:00', code: 'DEMO-01', answers: [1, 1, '7', 1, 1, 1, 1, 1, 0] },
    { at: '2026-11-28 10:15:00', code: 'DEMO-01', answers: [3, 3, 2, '', 2, 3, 2, 2, 2] },
  ]);
  const before = em.exportState();
  const phq = (await rowsOf('PHQ-9')).filter((r) => r[0]?.v).length;

  await frame.locator('#import-preview').click();
  await frame.locator('#import-summary', { hasText: /^Would import 1 response; 4 not imported/ }).waitFor();
  await frame.locator('#import-run').click();
  await frame.locator('#import-summary', { hasText: /^Imported 1 response; 4 not imported/ }).waitFor();

  const safety = frame.locator('#import-safety li');
  expect(await safety.count()).toBe(1);
  expect(await safety.first().textContent()).toMatch(/^SAFETY — DEMO-01, Form Responses 2 row 6 .*PHQ-9 item 9 \(self-harm thoughts\) endorsed: review risk now\. NOT imported/);
  // Safety first: it precedes the summary and every reason in the document.
  const first = await frame.evaluate(() => {
    const s = document.querySelector('#import-safety');
    const rest = document.querySelector('#import-summary');
    return !!s && !!rest && (s.compareDocumentPosition(rest) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  });
  expect(first).toBe(true);
  const reasons = await frame.locator('.import-rejected li').allTextContents();
  expect(reasons.map((r) => r.replace(/^Row (\d+) \(([^,)]*).*?\): (.*?)[:(].*$/, '$1 $2 $3').trim())).toEqual([
    '2 DEMO-02 already imported',
    '4 X-0999 client code "X-0999" is not on the Clients tab',
    '5 DEMO-01 item 3 is 7, out of range',
    '6 DEMO-01 item 4 unanswered',
  ]);

  expect((await rowsOf('PHQ-9')).filter((r) => r[0]?.v).length).toBe(phq + 1);
  const changed = new Set(stateDiff(before, em.exportState()).map((l) => l.split('!')[0]));
  expect([...changed].sort()).toEqual(['Audit', 'PHQ-9']);
  expect(g.errors).toEqual([]);
});
