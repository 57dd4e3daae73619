// Browser tests of Session entry: PHQ-9 live total and band, the item-9 safety warning beside item 9, the recordSession payload and saved summary, item errors, GAS levels at review, and the questions asked before saving (blank item 9, same date, empty session).
import type { Page } from 'playwright-core';
import type { RecordSessionInput } from '../../../src/contract';
import { clientDetail, fakeServer, invalid, TODAY, withCadence } from './fixtures';
import { expectClean, goTo, seriousViolations, type Sidebar, sidebarSuite } from './harness';

jest.setTimeout(60000);

const suite = sidebarSuite();
let s: Sidebar | undefined;

async function openSession(page: Page, code = 'C-0142') {
  await page.getByRole('button', { name: new RegExp(code) }).click();
  await page.locator('.top-client', { hasText: `Client ${code}` }).waitFor();
  await goTo(page, 'Session');
  await page.getByRole('heading', { name: `Session for ${code}` }).waitFor();
}

async function answerPhq9(page: Page, answers: number[]) {
  const toggle = page.locator('#session-measures-phq9-toggle');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  for (let i = 0; i < answers.length; i++) await page.locator(`#session-measures-phq9-items-${i}`).selectOption(String(answers[i]));
}

test('PHQ-9: live total and band; item 9 ≥ 1 shows a prominent safety warning; save sends the payload and shows what was saved', async () => {
  const server = fakeServer();
  s = await suite.open(server.handlers);
  const { page } = s;
  await openSession(page);
  await page.getByText('This will be session 3.').waitFor();
  await expect(page.getByLabel('Date').inputValue()).resolves.toBe(TODAY);
  await expect(page.getByLabel('Clinician').inputValue()).resolves.toBe('Dr Rivera');

  // Item labels come from the Bootstrap as given.
  await page.locator('#session-measures-phq9-toggle').click();
  await page.getByLabel('1. Little interest or pleasure in doing things').waitFor();

  const total = page.locator('#session-measures-phq9-total');
  await answerPhq9(page, [2, 2, 1, 1]);
  await total.getByText(/5 items still to answer/).waitFor();
  await answerPhq9(page, [2, 2, 1, 1, 1, 1, 1, 1, 0]);
  await total.getByText('Total: 10 · Moderate').waitFor();
  await expect(page.locator('.safety').count()).resolves.toBe(0);

  await page.locator('#session-measures-phq9-items-8').selectOption('1');
  await total.getByText('Total: 11 · Moderate').waitFor();
  // The warning sits under item 9 itself, in the definition's words (the tab's Safety flag column says the same).
  const warning = page.locator('#session-measures-phq9-items-8-safety');
  await expect(warning.getAttribute('role')).resolves.toBe('alert');
  await warning.getByText('⚠ PHQ-9 item 9 (self-harm thoughts) endorsed: review risk now.').waitFor();
  await warning.getByText(/follow your clinic’s risk procedure/).waitFor();
  await expect(page.locator('#session-measures-phq9-items-8').getAttribute('aria-describedby')).resolves.toContain('session-measures-phq9-items-8-safety');
  const item9 = (await page.locator('#session-measures-phq9-items-8').boundingBox())!;
  const warned = (await warning.boundingBox())!;
  expect(warned.y).toBeGreaterThan(item9.y);
  expect(warned.y - (item9.y + item9.height)).toBeLessThan(40);

  await page.getByLabel('Walk after lunch').selectOption('6');
  await page.getByLabel('Phone a friend').selectOption('3');
  await page.getByLabel('Event note').fill('Started a new job');
  await page.getByRole('button', { name: 'Save session' }).click();
  const input = (await s.waitForCall('recordSession')).args[0] as RecordSessionInput;
  expect(input).toEqual({
    clientCode: 'C-0142',
    date: TODAY,
    clinician: 'Dr Rivera',
    attended: true,
    note: 'Started a new job',
    ratings: [
      { goalId: 'G1.O1', rating: 6, gasLevel: null },
      { goalId: 'G1.O2', rating: 3, gasLevel: null },
    ],
    measures: [{ instrument: 'phq9', items: [2, 2, 1, 1, 1, 1, 1, 1, 1] }],
    requestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
  });

  const saved = page.locator('#session-saved');
  await saved.getByText('Saved session 3').waitFor();
  await saved.getByText('2 goal ratings').waitFor();
  await saved.getByText('PHQ-9: total 11 (Moderate)').waitFor();
  await saved.getByText('⚠ PHQ-9 item 9 (self-harm thoughts) endorsed: review risk now.').waitFor();
  await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('session-saved');
  // A fresh form for the next session; the session count moved on.
  await page.getByText('This will be session 4.').waitFor();
  await expect(page.getByLabel('Event note').inputValue()).resolves.toBe('');
  // One round trip: the reply carries the updated client, so nothing is fetched again after the save.
  const save = s.calls.findIndex((c) => c.name === 'recordSession');
  expect(s.calls.slice(save).map((c) => c.name)).toEqual(['recordSession']);
  expectClean(s);
});

test('an item error from the server (measures.phq9.items.3) shows beside that item, and answers are kept', async () => {
  const server = fakeServer();
  server.handlers.recordSession = () => invalid('1 answer needs attention.', { 'measures.phq9.items.3': 'PHQ-9 item 4 must be a whole number from 0 to 3; got 7' });
  s = await suite.open(server.handlers);
  const { page } = s;
  await openSession(page);
  await answerPhq9(page, [1, 1, 1, 2, 1, 1, 0, 0, 0]);
  await page.getByRole('button', { name: 'Save session' }).click();
  const err = page.locator('#session-measures-phq9-items-3-error');
  await err.getByText('PHQ-9 item 4 must be a whole number from 0 to 3; got 7').waitFor();
  const item4 = page.locator('#session-measures-phq9-items-3');
  await expect(item4.getAttribute('aria-invalid')).resolves.toBe('true');
  await expect(item4.getAttribute('aria-describedby')).resolves.toContain('session-measures-phq9-items-3-error');
  await page.getByRole('alert').filter({ hasText: '1 answer needs attention.' }).waitFor();
  await expect(item4.inputValue()).resolves.toBe('2');
  await expect(page.locator('#session-measures-phq9-items-0').inputValue()).resolves.toBe('1');
  // Only the answered instrument was sent; errors are keyed by instrument id, so nothing is mapped back.
  const input = (await s.waitForCall('recordSession')).args[0] as RecordSessionInput;
  expect(input.measures.map((m) => m.instrument)).toEqual(['phq9']);
  expectClean(s);
});

test('an error keyed by an instrument id shows under that instrument, whatever was sent before it', async () => {
  const server = fakeServer();
  server.handlers.recordSession = () => invalid('Check GAD-7.', { 'measures.gad7.items.0': 'GAD-7 item 1 is wrong' });
  s = await suite.open(server.handlers);
  const { page } = s;
  await openSession(page);
  await page.locator('#session-measures-gad7-toggle').click();
  await page.locator('#session-measures-gad7-items-0').selectOption('3');
  await page.getByRole('button', { name: 'Save session' }).click();
  await page.locator('#session-measures-gad7-items-0-error').getByText('GAD-7 item 1 is wrong').waitFor();
  await expect(page.locator('#session-measures-phq9-items-0-error').count()).resolves.toBe(0);
  expectClean(s);
});

test('no review is due when the next session number is a multiple of 4 but only 2 sessions were attended: the server rule, not number % 4', async () => {
  const base = clientDetail();
  const d = withCadence({ ...base, sessions: [...base.sessions, { number: 3, date: '2026-10-15', attended: false, note: '' }], client: { ...base.client, sessions: 3 } });
  expect(d.reviewDue).toBe(false);
  s = await suite.open(fakeServer([d]).handlers);
  const { page } = s;
  await openSession(page);
  await page.getByText('This will be session 4.').waitFor();
  await expect(page.locator('#session-review').textContent()).resolves.toBe('Review: At session 4. 2 attended sessions since the start; the next review is due in 2 attended sessions (every 4).');
  await expect(page.getByLabel('GAS: Objective 1.1: Walk after lunch').count()).resolves.toBe(0);
  expectClean(s);
});

test('GAS levels are asked for when a review is due (the server says so), and sent with the ratings', async () => {
  const base = clientDetail();
  const extra = [
    { number: 3, date: '2026-10-15', attended: false, note: '' },
    { number: 4, date: '2026-10-22', attended: true, note: '' },
    { number: 5, date: '2026-10-29', attended: true, note: '' },
  ];
  const d = withCadence({ ...base, sessions: [...base.sessions, ...extra], client: { ...base.client, sessions: 5 } });
  expect(d.reviewDue).toBe(true);
  const server = fakeServer([d]);
  s = await suite.open(server.handlers);
  const { page } = s;
  await openSession(page);
  await page.locator('#session-review', { hasText: 'Review: Due. 4 attended sessions since the start; reviews are due every 4.' }).waitFor();
  await page.getByLabel('GAS: Objective 1.1: Walk after lunch').selectOption('1');
  await page.getByLabel('Client attended').uncheck();
  await page.getByRole('button', { name: 'Save session' }).click();
  const input = (await s.waitForCall('recordSession')).args[0] as RecordSessionInput;
  expect(input.attended).toBe(false);
  expect(input.ratings).toEqual([{ goalId: 'G1.O1', rating: null, gasLevel: 1 }]);
  expect(input.measures).toEqual([]);
  expectClean(s);
});

test('a thrown failure keeps every answer and says so plainly', async () => {
  const server = fakeServer();
  server.handlers.recordSession = () => {
    throw new Error('Service Spreadsheets timed out');
  };
  s = await suite.open(server.handlers);
  const { page } = s;
  await openSession(page);
  await answerPhq9(page, [0, 1, 2]);
  await page.getByLabel('Event note').fill('Note kept');
  await page.getByRole('button', { name: 'Save session' }).click();
  await page.getByRole('alert').filter({ hasText: 'Could not reach the spreadsheet' }).waitFor();
  await expect(page.locator('#session-measures-phq9-items-2').inputValue()).resolves.toBe('2');
  await expect(page.getByLabel('Event note').inputValue()).resolves.toBe('Note kept');
  expectClean(s);
});

test('a save whose reply was lost is sent again with the same request id, the server\u2019s notice is shown, and the next save has a new id', async () => {
  const server = fakeServer();
  const record = server.handlers.recordSession as (input: RecordSessionInput) => { ok: boolean };
  const ids: string[] = [];
  let landed: { ok: boolean } | undefined;
  server.handlers.recordSession = (input: RecordSessionInput) => {
    ids.push(String(input.requestId));
    // The first attempt reaches the spreadsheet but its reply is lost: the sidebar sees a failure.
    if (ids.length === 1) {
      landed = record(input);
      throw new Error('NetworkError: the connection to the spreadsheet was lost');
    }
    return ids.length === 2 ? { ...landed!, notice: 'This save had already reached the spreadsheet (session 3 of C-0142); nothing was written twice.' } : record(input);
  };
  s = await suite.open(server.handlers);
  const { page } = s;
  await openSession(page);
  await page.getByLabel('Event note').fill('Phone session');
  await page.getByRole('button', { name: 'Save session' }).click();
  await page.getByText(/connection to the spreadsheet was lost/).waitFor();
  await page.getByRole('button', { name: 'Save session' }).click();
  await page.getByRole('status').filter({ hasText: 'This save had already reached the spreadsheet' }).waitFor();
  await page.getByRole('button', { name: 'Save session' }).click();
  for (let i = 0; i < 300 && ids.length < 3; i++) await page.waitForTimeout(100);
  expect(ids).toHaveLength(3);
  expect(ids[0]).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  expect(ids[1]).toBe(ids[0]);
  expect(ids[2]).not.toBe(ids[0]);
});

/** C-0142 whose last session (2 on 2026-10-08) endorsed PHQ-9 item 9, as getClient answers with it. */
function flaggedDetail() {
  const d = clientDetail();
  d.lastTime = {
    session: 2,
    date: '2026-10-08',
    measures: [
      { instrument: 'PHQ-9', session: 2, date: '2026-10-08', total: 14, band: 'Moderate', change: -4, reliableChange: 'No reliable change' },
      { instrument: 'GAD-7', session: 1, date: '2026-10-01', total: 9, band: 'Mild', change: null, reliableChange: '' },
    ],
    flags: [{ instrument: 'PHQ-9', session: 2, date: '2026-10-08', text: 'PHQ-9 item 9 (self-harm thoughts) endorsed: review risk now' }],
    alerts: ['Safety: PHQ-9 item 9 (self-harm thoughts) endorsed: review risk now'],
  };
  return d;
}

test('"Last time" opens the screen: last session, each measure’s score with band and change, the review cadence in the Review screen’s words', async () => {
  s = await suite.open(fakeServer([flaggedDetail()]).handlers);
  const { page } = s;
  await openSession(page);
  const last = page.locator('#session-last');
  await last.getByRole('heading', { name: 'Last time' }).waitFor();
  await last.getByText('Session 2, 2026-10-08.').waitFor();
  await last.getByText('PHQ-9 14 (Moderate), 2026-10-08 · change −4 · No reliable change').waitFor();
  await last.getByText('GAD-7 9 (Mild), 2026-10-01', { exact: true }).waitFor();
  await last.getByText('Review: At session 4. 2 attended sessions since the start; the next review is due in 2 attended sessions (every 4).').waitFor();
  expectClean(s);
});

test('last time’s safety flag stays at the top until acknowledged; a save without it asks first; the acknowledgement is sent with the save', async () => {
  s = await suite.open(fakeServer([flaggedDetail()]).handlers);
  const { page } = s;
  await openSession(page);
  const flag = page.locator('#session-last-flags');
  await expect(flag.getAttribute('role')).resolves.toBe('alert');
  await flag.getByText('PHQ-9, 2026-10-08: PHQ-9 item 9 (self-harm thoughts) endorsed: review risk now.').waitFor();
  // Above the form: the first thing on the screen after its heading.
  const above = await page.evaluate(() => {
    const f = document.getElementById('session-last-flags')!;
    return f.compareDocumentPosition(document.getElementById('session-form')!) & Node.DOCUMENT_POSITION_FOLLOWING;
  });
  expect(above).toBeTruthy();

  // Saving without acknowledging asks first, and sends nothing (a session that records something: an empty one is refused).
  await page.getByLabel('Event note').fill('Reviewed the safety plan');
  await page.getByRole('button', { name: 'Save session' }).click();
  const ask = page.locator('#session-ask');
  await ask.getByText('Last time’s safety flag is not acknowledged.').waitFor();
  await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('session-ask');
  expect(s.callsTo('recordSession')).toHaveLength(0);
  // The flag, "Last time" and the question pass axe-core (no serious or critical violation).
  await expect(seriousViolations(page)).resolves.toEqual([]);
  await ask.getByRole('button', { name: 'Back to the flag' }).click();
  await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('session-last-ack');
  await expect(ask.count()).resolves.toBe(0);

  await page.getByLabel('I have reviewed risk with the client').check();
  await page.getByRole('button', { name: 'Save session' }).click();
  const input = (await s.waitForCall('recordSession')).args[0] as RecordSessionInput;
  expect(input.acknowledgedFlags).toEqual([{ instrument: 'PHQ-9', date: '2026-10-08' }]);
  await page.locator('#session-saved').getByText('Saved session 3').waitFor();
  // Acknowledged, and the new session had no PHQ-9 flag: the flag is no longer shown.
  await expect(flag.count()).resolves.toBe(0);
  expectClean(s);
});

test('saving without acknowledging (after the question) sends no acknowledgement, and the flag stays on show', async () => {
  s = await suite.open(fakeServer([flaggedDetail()]).handlers);
  const { page } = s;
  await openSession(page);
  await page.getByLabel('Event note').fill('Brief check-in');
  await page.getByRole('button', { name: 'Save session' }).click();
  await page.getByRole('button', { name: 'Save without acknowledging' }).click();
  const input = (await s.waitForCall('recordSession')).args[0] as RecordSessionInput;
  expect(input.acknowledgedFlags).toBeUndefined();
  await page.locator('#session-saved').getByText('Saved session 3').waitFor();
  await page.locator('#session-last-flags').getByText(/PHQ-9, 2026-10-08: PHQ-9 item 9/).waitFor();
  await expect(page.getByLabel('I have reviewed risk with the client').isChecked()).resolves.toBe(false);
  expectClean(s);
});

test('a blank item 9 is asked about beside item 9; "Save without item 9" resends with the confirmation and saves', async () => {
  s = await suite.open(fakeServer().handlers);
  const { page } = s;
  await openSession(page);
  await answerPhq9(page, [1, 1, 1, 1, 1, 1, 1, 1]);
  await page.getByRole('button', { name: 'Save session' }).click();
  const yes = page.getByRole('button', { name: 'Save without item 9' });
  await yes.waitFor();
  // The question is under item 9, item 9 is described by it, and focus is on its answer.
  const question = page.locator('#session-measures-phq9-confirmUnanswered-question');
  await question.getByText(/PHQ-9 item 9, its safety question; it is blank/).waitFor();
  await expect(page.locator('#session-measures-phq9-items-8').getAttribute('aria-describedby')).resolves.toContain('session-measures-phq9-confirmUnanswered-message');
  await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('session-measures-phq9-confirmUnanswered');
  // Said once: the summary near Save points to the question instead of repeating it.
  await page.locator('#session-errors').getByText('One question to answer before saving: it is beside what it asks about.').waitFor();
  await expect(page.getByText(/its safety question; it is blank/).count()).resolves.toBe(1);
  const item9 = await page.locator('#session-measures-phq9-items-8').boundingBox();
  const box = await question.boundingBox();
  expect(box!.y - (item9!.y + item9!.height)).toBeLessThan(120);
  expect(box!.y).toBeGreaterThan(item9!.y);
  await yes.click();
  await page.locator('#session-saved').getByText('Saved session 3').waitFor();
  await page.locator('#session-saved').getByText('Saved without PHQ-9 item 9 (not asked): ask it next session.').waitFor();
  const sent = s.calls.filter((c) => c.name === 'recordSession').map((c) => (c.args[0] as RecordSessionInput).measures[0]);
  expect(sent.map((m) => m.confirmUnanswered)).toEqual([undefined, true]);
  expect(sent[1].items[8]).toBeNull();
  expectClean(s);
});

test('a date that already has a session is asked about beside the date; confirming resends with confirmSameDate', async () => {
  s = await suite.open(fakeServer().handlers);
  const { page } = s;
  await openSession(page);
  await page.getByLabel('Date').fill('2026-10-08');
  await page.getByLabel('Event note').fill('Second contact that day');
  await page.getByRole('button', { name: 'Save session' }).click();
  const yes = page.getByRole('button', { name: 'Save another session on 2026-10-08' });
  await yes.waitFor();
  await page.locator('#session-confirmSameDate-question').getByText(/already has session 2 on 2026-10-08/).waitFor();
  await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('session-confirmSameDate');
  await expect(page.getByLabel('Date').getAttribute('aria-describedby')).resolves.toContain('session-confirmSameDate-message');
  await expect(page.locator('#session-saved').count()).resolves.toBe(0);
  await yes.click();
  await page.locator('#session-saved').getByText('Saved session 3').waitFor();
  const sent = s.calls.filter((c) => c.name === 'recordSession').map((c) => c.args[0] as RecordSessionInput);
  expect(sent.map((x) => x.confirmSameDate)).toEqual([undefined, true]);
  expect(sent[1].note).toBe('Second contact that day');
  expectClean(s);
});

test('Save pressed again after a save sends an empty session, which the server refuses in plain words', async () => {
  s = await suite.open(fakeServer().handlers);
  const { page } = s;
  await openSession(page);
  await page.getByLabel('Event note').fill('Brief check-in');
  await page.getByRole('button', { name: 'Save session' }).click();
  await page.locator('#session-saved').getByText('Saved session 3').waitFor();
  await page.getByRole('button', { name: 'Save session' }).click();
  await page.getByRole('alert').filter({ hasText: /Nothing to save: this session has no goal rating/ }).waitFor();
  await page.getByText('This will be session 4.').waitFor();
  expectClean(s);
});
