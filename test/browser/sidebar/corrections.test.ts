// Browser tests of correct, never erase at 300 px: the Session screen's "Correct or void" list, a reason required before the confirmation, the void sent with the record's identity, a questionnaire completed on a form listed and voided, and pausing a client from the Clients screen.
import type { AmendRecordData, ClientSummary, RecordView, SessionRecordsData, SetClientStatusInput, VoidRecordInput } from '../../../src/contract';
import { clientDetail, fakeServer, ok } from './fixtures';
import { expectClean, goTo, seriousViolations, type Sidebar, sidebarSuite } from './harness';

jest.setTimeout(60000);

const suite = sidebarSuite();
let s: Sidebar | undefined;

const PHQ9: RecordView = { kind: 'measure', instrument: 'phq9', instrumentName: 'PHQ-9', row: 7, date: '2026-10-08', session: 2, goalId: '', goalTitle: '', items: [2, 2, 2, 1, 1, 2, 1, 1, 2], total: 14, summary: 'PHQ-9 total 14, items 2 2 2 1 1 2 1 1 2' };
const SESSION2: RecordView = { kind: 'session', instrument: '', instrumentName: '', row: 3, date: '2026-10-08', session: 2, goalId: '', goalTitle: '', attended: true, note: '', summary: 'Session 2, 2026-10-08, attended' };
const SOURCE = 'form:Form Responses 1!2 @ 2026-11-23T09:30:00Z C-0142';
const FORM_PHQ9: RecordView = { kind: 'measure', instrument: 'phq9', instrumentName: 'PHQ-9', row: 12, date: '2026-11-23', session: null, source: SOURCE, goalId: '', goalTitle: '', items: [2, 2, 2, 1, 1, 2, 1, 1, 2], total: 14, summary: 'PHQ-9 of 2026-11-23 (completed on a form), total 14, items 2 2 2 1 1 2 1 1 2' };

function server() {
  const base = fakeServer();
  const handlers = {
    ...base.handlers,
    getSessionRecords: (code: string, session: number | null) => ok<SessionRecordsData>({ clientCode: code, session, records: session === 2 ? [SESSION2, PHQ9] : session === null ? [FORM_PHQ9] : [] }),
    voidRecord: (input: VoidRecordInput) => ok<AmendRecordData>({ voidedRow: input.record.row, voided: `Voided 2026-11-20 by a@clinic.org: ${input.reason}`, detail: clientDetail() }),
    setClientStatus: (input: SetClientStatusInput) => ok<ClientSummary>({ ...clientDetail().client, status: input.status }),
  };
  return handlers;
}

test('voiding a measure: choose the session, the record, a reason (required), confirm; the void carries the record as shown', async () => {
  s = await suite.open(server());
  const { page } = s;
  await page.getByRole('button', { name: /^C-0142/ }).click();
  await goTo(page, 'Session');
  await page.getByText('Correct or void a past record').click();
  await page.getByLabel('Past session').selectOption('2');
  expect((await s.waitForCall('getSessionRecords')).args).toEqual(['C-0142', 2]);
  await page.getByRole('button', { name: 'Correct or void PHQ-9' }).click();

  // No reason: asked for beside the field, nothing sent.
  await page.getByRole('button', { name: 'Void…' }).click();
  await page.getByText(/Expected a reason \(why the record is wrong\)/).waitFor();
  await expect(page.getByLabel('Reason (required)').evaluate((el) => el === document.activeElement)).resolves.toBe(true);
  expect(s.callsTo('voidRecord')).toHaveLength(0);

  await page.getByLabel('Reason (required)').fill('entered on the wrong client');
  await page.getByRole('button', { name: 'Void…' }).click();
  // The confirmation takes focus and fits 300 px.
  const confirm = page.getByRole('alertdialog');
  await expect(confirm.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
  await expect(confirm.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).resolves.toBe(true);
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Yes, void it' }).click();
  const call = await s.waitForCall('voidRecord');
  expect(call.args).toEqual([{ clientCode: 'C-0142', record: { kind: 'measure', instrument: 'phq9', row: 7, date: '2026-10-08', session: 2, goalId: null }, reason: 'entered on the wrong client', requestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/) }]);
  await page.getByText(/^Voided: PHQ-9 total 14/).waitFor();
  expectClean(s);
});

test('voiding a questionnaire completed on a form: "Completed on a form" lists it; the void carries no session and its Source', async () => {
  s = await suite.open(server());
  const { page } = s;
  await page.getByRole('button', { name: /^C-0142/ }).click();
  await goTo(page, 'Session');
  await page.getByText('Correct or void a past record').click();
  await page.getByLabel('Past session').selectOption({ label: 'Completed on a form (no session)' });
  expect((await s.waitForCall('getSessionRecords')).args).toEqual(['C-0142', null]);
  await page.getByRole('list', { name: 'Measures completed on a form' }).waitFor();
  await page.getByRole('button', { name: 'Correct or void PHQ-9 of 2026-11-23' }).click();
  await page.getByLabel('Reason (required)').fill('client typed the wrong code');
  await page.getByRole('button', { name: 'Void…' }).click();
  await page.getByRole('button', { name: 'Yes, void it' }).click();
  const call = await s.waitForCall('voidRecord');
  expect(call.args).toEqual([{ clientCode: 'C-0142', record: { kind: 'measure', instrument: 'phq9', row: 12, date: '2026-11-23', session: null, goalId: null, source: SOURCE }, reason: 'client typed the wrong code', requestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/) }]);
  await page.getByText(/^Voided: PHQ-9 of 2026-11-23 \(completed on a form\)/).waitFor();
  expectClean(s);
});

test('pausing the chosen client from the Clients screen asks first, then sends the status', async () => {
  s = await suite.open(server());
  const { page } = s;
  await page.getByRole('button', { name: /^C-0142/ }).click();
  await page.getByRole('button', { name: 'Pause this client' }).click();
  await expect(page.getByRole('alertdialog').evaluate((el) => el === document.activeElement)).resolves.toBe(true);
  await page.getByRole('button', { name: 'Yes, pause' }).click();
  const call = await s.waitForCall('setClientStatus');
  expect(call.args).toEqual([{ clientCode: 'C-0142', status: 'paused', reason: '', requestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/) }]);
  await page.getByText('C-0142 is now paused.').waitFor();
  await page.getByRole('button', { name: 'Reactivate this client' }).waitFor();
  expectClean(s);
});
