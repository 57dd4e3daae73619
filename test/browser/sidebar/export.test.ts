// Browser tests of the Export screen: the CSV is built in the sidebar from getOutcomes' rows (core's outcomesCsv), offered as a Blob download and as read-only text; keyboard and axe.
import { fakeServer, TODAY } from './fixtures';
import { expectClean, seriousViolations, type Sidebar, sidebarSuite } from './harness';

jest.setTimeout(60000);

const suite = sidebarSuite();
let s: Sidebar | undefined;

const DEFAULT_CSV = [
  'Client code,Date,Instrument,Total,Band,GAS T-score',
  'C-0142,2026-10-01,PHQ-9,14,Moderate,',
  'C-0142,2026-10-08,PHQ-9,9,Mild,',
  'C-0142,2026-10-08,GAS,,,45.56',
  'C-0200,2026-10-02,GAD-7,6,Mild,',
  '',
].join('\r\n');

const ALL_CSV = [
  'Client code,Date,Session,Instrument,Total,Band,GAS T-score,GAS change',
  'C-0142,2026-10-01,1,PHQ-9,14,Moderate,,',
  'C-0142,2026-10-08,2,PHQ-9,9,Mild,,',
  'C-0142,2026-10-08,2,GAS,,,45.56,8.12',
  'C-0200,2026-10-02,1,GAD-7,6,Mild,,',
  '',
].join('\r\n');

test('needs no client; keyboard Enter builds the CSV from the server rows; the text and the download hold the same CSV', async () => {
  const server = fakeServer();
  s = await suite.open(server.handlers);
  const { page } = s;
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('heading', { name: 'Export outcomes' }).waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Build the CSV' }).focus();
  await page.keyboard.press('Enter');
  await s.waitForCall('getOutcomes');
  await page.locator('#export-csv').waitFor();
  // The textarea keeps CR LF as typed text normalises it; compare its exact value.
  await expect(page.locator('#export-csv').evaluate((t) => (t as HTMLTextAreaElement).value.replace(/\r?\n/g, '\r\n'))).resolves.toBe(DEFAULT_CSV);
  await expect(page.locator('#export-csv').getAttribute('readonly')).resolves.not.toBeNull();
  await expect(page.locator('#export-summary').textContent()).resolves.toBe('4 rows from 2 clients. Left out 1 client whose code looks like a name.');
  const link = page.locator('#export-download');
  await expect(link.getAttribute('download')).resolves.toBe(`attain-outcomes-${TODAY}.csv`);
  const href = (await link.getAttribute('href'))!;
  expect(href).toMatch(/^blob:/);
  await expect(page.evaluate(async (u) => (await fetch(u)).text(), href)).resolves.toBe(DEFAULT_CSV);

  // The wider column set, chosen by keyboard (Space on the checkbox): the CSV is rebuilt in place.
  await page.locator('#export-all').focus();
  await page.keyboard.press('Space');
  await expect(page.locator('#export-csv').evaluate((t) => (t as HTMLTextAreaElement).value.replace(/\r?\n/g, '\r\n'))).resolves.toBe(ALL_CSV);
  // A new object URL replaces (and revokes) the first one.
  await page.waitForFunction((old) => document.getElementById('export-download')?.getAttribute('href') !== old, href);
  const href2 = (await link.getAttribute('href'))!;
  await expect(page.evaluate(async (u) => fetch(u).then(() => 'readable', () => 'revoked'), href)).resolves.toBe('revoked');
  await expect(page.evaluate(async (u) => (await fetch(u)).text(), href2)).resolves.toBe(ALL_CSV);
  expect(s.callsTo('getOutcomes')).toHaveLength(1);
  expect(await seriousViolations(page)).toEqual([]);
  expectClean(s);
});

test('a row core refuses (a code that is not a code) shows the reason instead of a CSV; a server answer of ok:false is shown', async () => {
  const server = fakeServer();
  let n = 0;
  server.handlers.getOutcomes = () => {
    n++;
    if (n === 1) return { ok: false, message: 'Expected a tab named "Reviews"; there is none.', errors: {} };
    return { ok: true, data: { rows: [{ clientCode: '<b>Jane Smith</b>', date: '2026-10-01', session: 1, instrument: 'PHQ-9', total: 3, band: 'Minimal' }], clients: 1, skipped: 0, today: TODAY } };
  };
  s = await suite.open(server.handlers);
  const { page } = s;
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('button', { name: 'Build the CSV' }).click();
  await page.getByText('Expected a tab named "Reviews"; there is none.').waitFor();
  await page.getByRole('button', { name: 'Build the CSV' }).click();
  await page.getByText(/The CSV could not be built: Expected a client code/).waitFor();
  await expect(page.locator('#export-csv').count()).resolves.toBe(0);
  await expect(page.locator('b').count()).resolves.toBe(0);
  expectClean(s);
});
