// Browser tests of the Check screen: reachable from the navigation without a client, runs checkSpreadsheet once, shows the summary, every problem with its fix and the probes; server text is rendered only as text; Repair is offered for repairable problems behind a confirmation saying what it does; axe finds nothing serious.
import type { CheckReport, RepairReport, Result } from '../../../src/contract';
import { fakeServer } from './fixtures';
import { seriousViolations, type Sidebar, sidebarSuite } from './harness';

jest.setTimeout(60000);

const suite = sidebarSuite();
let s: Sidebar | undefined;

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
  s = await suite.open({ ...server.handlers, checkSpreadsheet: (): Result<CheckReport> => ({ ok: true, data: REPORT }) });
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

const REPAIRABLE: CheckReport = {
  ...REPORT,
  problems: [
    { ...REPORT.problems[0], repair: 'formulas' },
    { area: 'layout', tab: 'Attain index', where: '', problem: 'Expected the hidden index tab "Attain index"; the spreadsheet has none (deleted or renamed).', fix: 'Run Set up.', repair: 'setup' },
    { area: 'layout', tab: 'Sessions', where: 'row 1', problem: 'Expected the header "Event note" in row 1; it is not there (renamed or deleted).', fix: 'If renamed, type "Event note" back.' },
  ],
  counts: { layout: 3, values: 0, platform: 0 },
  repair: { problems: 2, formulaCells: 1, formulaColumns: ['Goals Weight'], validationCells: 0, clearedCells: 0, trimmedCells: 0, setup: true },
};

const AFTER: RepairReport = {
  repaired: { formulaCells: 1, validationCells: 0, clearedCells: 0, trimmedCells: 0, createdTabs: ['Attain index'], addedColumns: 0, addedSettings: 0, protections: 0 },
  summary: 'Repair: 1 formula cell(s) rewritten (Goals Weight); created Attain index. After it: 1 problem(s): layout 1, values 0, platform 0.',
  check: { ...REPAIRABLE, problems: [REPAIRABLE.problems[2]], counts: { layout: 1, values: 0, platform: 0 }, summary: '1 problem(s): layout 1, values 0, platform 0.', repair: { problems: 0, formulaCells: 0, formulaColumns: [], validationCells: 0, clearedCells: 0, trimmedCells: 0, setup: false } },
};

test('Repair: offered only for repairable problems, says what it will do before it runs, sends a request id, then shows what it repaired and the new report', async () => {
  const server = fakeServer();
  s = await suite.open({ ...server.handlers, checkSpreadsheet: (): Result<CheckReport> => ({ ok: true, data: REPAIRABLE }), repairSpreadsheet: (): Result<RepairReport> => ({ ok: true, data: AFTER }) });
  const { page } = s;
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Check', exact: true }).click();
  await page.getByRole('button', { name: 'Check now' }).click();
  await page.locator('#check-summary').waitFor();
  const items = await page.locator('.check-list li').allTextContents();
  expect(items.slice(0, 3).map((t) => t.endsWith('(Repair fixes this.)'))).toEqual([true, true, false]);
  await page.getByRole('button', { name: 'Repair 2 problems…' }).click();
  await expect(page.locator('#repair-promise').textContent()).resolves.toBe(
    'Repair rewrites Attain\'s formulas in 1 cell of column Goals Weight, re-runs set-up (it adds only what is missing, and applies any setting waiting for setup); it does not change anything typed in input columns. Problems not marked "Repair fixes this" stay as they are.',
  );
  expect(s.callsTo('repairSpreadsheet')).toEqual([]);
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Repair now' }).click();
  const call = await s.waitForCall('repairSpreadsheet');
  expect((call.args[0] as { requestId: string }).requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  await page.locator('#repair-summary').waitFor();
  await expect(page.locator('#repair-summary').textContent()).resolves.toBe(AFTER.summary);
  await expect(page.locator('#check-summary').textContent()).resolves.toBe(AFTER.check.summary);
  // Nothing left that Repair can fix: no button.
  await expect(page.getByRole('button', { name: /^Repair/ }).count()).resolves.toBe(0);
});

test('Repair: Cancel closes the confirmation without calling the server; a clean report offers no Repair', async () => {
  const server = fakeServer();
  let report = REPAIRABLE;
  s = await suite.open({ ...server.handlers, checkSpreadsheet: (): Result<CheckReport> => ({ ok: true, data: report }) });
  const { page } = s;
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Check', exact: true }).click();
  await page.getByRole('button', { name: 'Check now' }).click();
  await page.getByRole('button', { name: 'Repair 2 problems…' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.locator('#repair-promise').count()).resolves.toBe(0);
  expect(s.callsTo('repairSpreadsheet')).toEqual([]);
  report = AFTER.check;
  await page.getByRole('button', { name: 'Check again' }).click();
  await s.waitForCall('checkSpreadsheet', 2);
  await page.locator('#check-summary', { hasText: AFTER.check.summary }).waitFor();
  await expect(page.getByRole('button', { name: /^Repair/ }).count()).resolves.toBe(0);
});
