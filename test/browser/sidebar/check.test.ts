// Browser tests of the Check screen: reachable from the navigation without a client, runs checkSpreadsheet once, shows the summary, every problem with its fix and the probes; server text is rendered only as text; axe finds nothing serious.
import type { Browser } from 'playwright-core';
import type { CheckReport, Result } from '../../../src/contract';
import { fakeServer } from './fixtures';
import { launch, openSidebar, seriousViolations, type Sidebar } from './harness';

jest.setTimeout(60000);

let browser: Browser;
let s: Sidebar | undefined;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await s?.close();
  s = undefined;
});

const REPORT: CheckReport = {
  checkedAt: '2026-11-20 10:00:00',
  tabs: 10,
  rows: 45,
  cellsCompared: 10,
  counts: { layout: 1, values: 1, platform: 0 },
  problems: [
    { area: 'layout', tab: 'Goals', where: 'column Weight (Y), row 3', problem: 'Expected the formula; found a typed value (first: 2 in row 3).', fix: 'Copy the formula down from a row that has it.' },
    { area: 'values', tab: 'PHQ-9', where: 'column Total (M), row 2', problem: 'Expected 8; the sheet shows "<img src=x onerror=alert(1)>".', fix: 'Copy the formula down.' },
  ],
  moreProblems: 0,
  probes: [{ id: 'countif-numeric-text', tests: 'COUNTIF over "0142"', assumption: 'emulator/formulas.ts', kind: 'observe', expected: '0 or 1', observed: '0 (not matched)', passed: true }],
  summary: '2 problems: 1 layout problem, 1 value mismatch, 0 platform probes failed.',
};

test('needs no client; Check now runs checkSpreadsheet and lists the summary, each problem with its fix, and the probes, as text', async () => {
  const server = fakeServer();
  s = await openSidebar(browser, { ...server.handlers, checkSpreadsheet: (): Result<CheckReport> => ({ ok: true, data: REPORT }) });
  const { page } = s;
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Check', exact: true }).click();
  await page.getByRole('heading', { name: 'Check this spreadsheet' }).waitFor();
  await page.getByRole('button', { name: 'Check now' }).click();
  await s.waitForCall('checkSpreadsheet');
  await page.locator('#check-summary').waitFor();
  await expect(page.locator('#check-summary').textContent()).resolves.toBe(REPORT.summary);
  const items = await page.locator('.check-list li').allTextContents();
  expect(items[0]).toBe('Goals, column Weight (Y), row 3: Expected the formula; found a typed value (first: 2 in row 3).Fix: Copy the formula down from a row that has it.');
  expect(items[1]).toContain('"<img src=x onerror=alert(1)>"');
  expect(items[2]).toBe('Noted COUNTIF over "0142": 0 (not matched)');
  await expect(page.locator('img').count()).resolves.toBe(0);
  expect(await seriousViolations(page)).toEqual([]);
});
