// Browser tests of the Clients screen: picking a client, adding one with the live name/e-mail/phone warning and the not-a-name confirmation, one message per problem, server errors and thrown failures.
import { clientDetail, fakeServer, invalid, TODAY } from './fixtures';
import { expectClean, goTo, seriousViolations, type Sidebar, sidebarSuite } from './harness';

jest.setTimeout(60000);

const suite = sidebarSuite();
let s: Sidebar | undefined;

test('lists clients from the Bootstrap and selects one', async () => {
  const server = fakeServer();
  s = await suite.open(server.handlers);
  const { page } = s;
  await page.getByRole('heading', { name: 'Clients' }).waitFor();
  const c142 = page.getByRole('button', { name: /C-0142/ });
  await expect(c142.getAttribute('aria-pressed')).resolves.toBe('false');
  await c142.click();
  await page.locator('.top-client', { hasText: 'Client C-0142' }).waitFor();
  await expect(c142.getAttribute('aria-pressed')).resolves.toBe('true');
  const call = await s.waitForCall('getClient');
  expect(call.args).toEqual(['C-0142']);

  // Unsaved work is named before another client is chosen; choosing the same client again keeps it.
  await goTo(page, 'Session');
  await page.getByLabel('Event note').fill('half-typed');
  await goTo(page, 'Clients');
  await page.getByText('Unsaved changes for C-0142 on Session.').waitFor();
  await c142.click();
  await goTo(page, 'Session');
  await expect(page.getByLabel('Event note').inputValue()).resolves.toBe('half-typed');
  expect(s.callsTo('getClient')).toHaveLength(1);
  expectClean(s);
});

test('adding a client warns live when the code looks like a name, e-mail or phone number, and sends the typed fields', async () => {
  const server = fakeServer();
  s = await suite.open(server.handlers);
  const { page } = s;
  await page.getByRole('button', { name: 'Add client' }).click();
  const code = page.getByLabel('Client code');
  await expect(code.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
  await code.fill('Jane Smith');
  const warning = page.locator('#client-code-warnings');
  await warning.getByText(/looks like a name \(a first and last name/).waitFor();
  // The warning is tied to the field for screen readers.
  await expect(code.getAttribute('aria-describedby')).resolves.toContain('client-code-warnings');
  // Not a code's shape (a space): it cannot be saved anyway, so no confirmation is offered.
  await expect(page.getByLabel('This code is not a name').count()).resolves.toBe(0);

  await code.fill('jane@example.com');
  await warning.getByText(/looks like an e-mail address/).waitFor();
  await code.fill('07700 900123');
  await warning.getByText(/looks like a phone number/).waitFor();
  await code.fill('C-0300');
  await expect(warning.textContent()).resolves.toBe('');

  // Clinician: free text, with the clinic's clinicians offered.
  await expect(page.locator('#client-clinician-list option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).resolves.toEqual(['Dr Rivera', 'Sam Okafor']);
  await page.getByLabel('Clinician').fill('Sam Okafor');
  await expect(page.getByLabel('Start date').inputValue()).resolves.toBe(TODAY);
  await page.getByLabel('Modality').selectOption('ACT');
  await page.getByRole('button', { name: 'Save new client' }).click();
  const call = await s.waitForCall('addClient');
  // The save carries its request id (a retry of a lost reply writes once): 8–64 letters, digits, "-" or "_".
  expect(call.args).toEqual([{ code: 'C-0300', clinician: 'Sam Okafor', startDate: TODAY, modality: 'ACT', requestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/) }]);
  await page.getByText('Added client C-0300').waitFor();
  await page.locator('.top-client', { hasText: 'Client C-0300' }).waitFor();
  await page.getByRole('button', { name: /C-0300/ }).waitFor();
  expectClean(s);
});

test('a server error shows beside the code field and keeps what was typed; a thrown failure shows a plain message', async () => {
  const server = fakeServer();
  let fail = false;
  server.handlers.addClient = () => {
    if (fail) throw new Error('Exceeded maximum execution time');
    return invalid('Please correct the client code.', { code: 'Expected a client code of 2–20 letters, digits, "-" or "_"; got "C 1"' });
  };
  s = await suite.open(server.handlers);
  const { page } = s;
  await page.getByRole('button', { name: 'Add client' }).click();
  await page.getByLabel('Client code').fill('C 1');
  await page.getByLabel('Clinician').fill('Dr Rivera');
  await page.getByRole('button', { name: 'Save new client' }).click();
  const fieldError = page.locator('#client-code-error');
  await fieldError.getByText(/Expected a client code/).waitFor();
  await expect(page.getByLabel('Client code').getAttribute('aria-invalid')).resolves.toBe('true');
  await expect(page.getByLabel('Client code').getAttribute('aria-describedby')).resolves.toContain('client-code-error');
  await page.getByRole('alert').filter({ hasText: 'Please correct the client code.' }).waitFor();
  await expect(page.getByLabel('Client code').inputValue()).resolves.toBe('C 1');

  fail = true;
  await page.getByRole('button', { name: 'Save new client' }).click();
  await page.getByRole('alert').filter({ hasText: 'Could not reach the spreadsheet' }).waitFor();
  await page.getByText(/Exceeded maximum execution time/).waitFor();
  await expect(page.getByLabel('Client code').inputValue()).resolves.toBe('C 1');
  await expect(page.getByLabel('Clinician').inputValue()).resolves.toBe('Dr Rivera');
  expectClean(s);
});

test('settings changed since the last setup are named, with where to apply them; none, no notice', async () => {
  const server = fakeServer();
  server.state.boot = { ...server.state.boot, pendingSetup: ['Supervisors', 'Use PCL-5'] };
  s = await suite.open(server.handlers);
  const { page } = s;
  await page.getByText('Settings changed since the last setup: Supervisors, Use PCL-5. They take effect when someone runs Extensions ▸ Attain ▸ Set up this spreadsheet.').waitFor();
  await s.close();
  const clean = fakeServer();
  s = await suite.open(clean.handlers);
  await s.page.getByRole('heading', { name: 'Clients' }).waitFor();
  await expect(s.page.getByText(/Settings changed since the last setup/).count()).resolves.toBe(0);
});

test('each client shows its status and alert badges in the alerts tab’s words, most at risk first: safety, then deterioration', async () => {
  const calm = clientDetail('C-0100');
  const det = clientDetail('C-0200');
  const risk = clientDetail('C-0300');
  calm.client = { ...calm.client, alerts: { kinds: [], alerts: [], review: 'Due' } };
  det.client = { ...det.client, alerts: { kinds: ['reliable-deterioration', 'not-on-track'], alerts: ['Reliable deterioration: PHQ-9', 'Not on track: GAD-7'], review: 'At session 8' } };
  risk.client = { ...risk.client, alerts: { kinds: ['safety', 'review-overdue'], alerts: ['Safety: PHQ-9 item 9 (self-harm thoughts) endorsed: review risk now', 'Review overdue'], review: 'Overdue' } };
  const plain = clientDetail('C-0400');
  s = await suite.open(fakeServer([calm, det, risk, plain]).handlers);
  const { page } = s;
  await page.getByRole('heading', { name: 'Clients' }).waitFor();
  const buttons = page.locator('.client-list button');
  await buttons.first().waitFor();
  // The safety client first, then the deteriorating one; the rest keep the Clients tab's order.
  await expect(buttons.locator('.client-code').allTextContents()).resolves.toEqual(['C-0300', 'C-0200', 'C-0100', 'C-0400']);
  const first = buttons.nth(0);
  await expect(first.locator('.badge').allTextContents()).resolves.toEqual(['⚠ Safety: PHQ-9 item 9 (self-harm thoughts) endorsed: review risk now', 'Review overdue']);
  await expect(first.locator('.badge').first().getAttribute('class')).resolves.toContain('badge-safety');
  await expect(first.locator('.tag').textContent()).resolves.toBe('active');
  await expect(buttons.nth(1).locator('.badge').allTextContents()).resolves.toEqual(['Reliable deterioration: PHQ-9', 'Not on track: GAD-7']);
  await expect(buttons.nth(2).locator('.badge').allTextContents()).resolves.toEqual(['Review due']);
  // A client without a row on the alerts tab (setup not run since it was added) shows no badge, and nothing fails.
  await expect(buttons.nth(3).locator('.badge').count()).resolves.toBe(0);
  // The badges are part of the button's accessible name, so a screen reader hears the risk with the code.
  await page.getByRole('button', { name: /C-0300.*Safety: PHQ-9 item 9/ }).waitFor();
  await expect(seriousViolations(page)).resolves.toEqual([]);
  expectClean(s);
});

test('codes, not names: "Smith" is refused with one plain message beside the field and a summary naming the field once', async () => {
  const server = fakeServer();
  s = await suite.open(server.handlers);
  const { page } = s;
  await page.getByRole('button', { name: 'Add client' }).click();
  await page.getByLabel('Client code').fill('Smith');
  await page.getByLabel('Clinician').fill('Dr Rivera');
  await page.getByRole('button', { name: 'Save new client' }).click();
  await s.waitForCall('addClient');
  await page.locator('#client-code-error').getByText(/"Smith" looks like a name \(one capitalised word/).waitFor();
  await expect(page.getByRole('alert').textContent()).resolves.toBe('Nothing was saved. Check Client code.');
  await expect(page.getByText(/looks like a name/).count()).resolves.toBe(1);
  await expect(page.getByText(/Nothing was saved/).count()).resolves.toBe(1);
  await page.getByRole('alert').getByRole('button', { name: 'Client code' }).click();
  await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('client-code');
  expectClean(s);
});

test('codes, not names: the confirmation appears only for a name-like code, and a confirmed code is sent as confirmed and saved', async () => {
  const server = fakeServer();
  s = await suite.open(server.handlers);
  const { page } = s;
  await page.getByRole('button', { name: 'Add client' }).click();
  const code = page.getByLabel('Client code');
  await code.fill('C-0300');
  await expect(page.getByLabel('This code is not a name').count()).resolves.toBe(0);
  await code.fill('JSmith');
  const confirm = page.getByLabel('This code is not a name');
  await confirm.waitFor();
  await confirm.check();
  // A confirmation belongs to the code it was given for: changing the code clears it.
  await code.fill('J-Smith');
  await expect(confirm.isChecked()).resolves.toBe(false);
  await confirm.check();
  await page.getByLabel('Clinician').fill('Dr Rivera');
  await page.getByRole('button', { name: 'Save new client' }).click();
  const call = await s.waitForCall('addClient');
  expect(call.args[0]).toMatchObject({ code: 'J-Smith', notAName: true });
  await page.getByText('Added client J-Smith').waitFor();
  expectClean(s);
});
