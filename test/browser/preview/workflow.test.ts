// A clinician's first week in the real sidebar on the preview: add a client, a plan from a template, a GAS scale edit,
// three sessions with PHQ-9 and GAD-7; the tabs then hold exactly those rows, user text stays text, a bad item writes nothing.
import type { Browser, Frame } from 'playwright-core';
import type { Preview } from '../../../preview/server';
import { scoreItems } from '../../../src/core/instruments/score';
import { PHQ9 } from '../../../src/core/instruments/phq9';
import { GAD7 } from '../../../src/core/instruments/gad7';
import { cleanup, clickMenu, guardedPage, launchBrowser, sidebarFrame, tempStateFile, until, type Guarded } from '../../../kit/browser';
import { getState, startTestPreview } from './helpers';

jest.setTimeout(180000);

let browser: Browser;
let preview: Preview;
let stateFile: string;
let g: Guarded;
const CODE = 'WF-01';
const XSS = '<img src=x onerror=alert(1)>';
const NOTE = '=IMPORTRANGE("x","A1")';

beforeAll(async () => {
  stateFile = tempStateFile('workflow');
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

type Row = Record<string, string>;
async function rows(sheet: string): Promise<{ rows: Row[]; formulas: (string | undefined)[][] }> {
  const s = (await getState(preview)).sheets.find((x) => x.name === sheet)!;
  const header = s.rows[0].map((c) => c.v);
  const body = s.rows.slice(1).filter((r) => r.some((c) => c.v !== ''));
  return { rows: body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]?.v ?? '']))), formulas: body.map((r) => r.map((c) => c.f)) };
}

async function go(frame: Frame, screen: string, heading: RegExp): Promise<void> {
  await frame.locator('.nav button', { hasText: new RegExp(`^${screen}$`) }).click();
  await frame.getByRole('heading', { name: heading }).waitFor();
}

const PHQ = [
  [2, 2, 1, 2, 1, 1, 1, 0, 0],
  [1, 2, 1, 1, 1, 1, 0, 0, 0],
  [1, 1, 1, 0, 1, 0, 0, 0, 0],
];
const GAD = [
  [2, 2, 1, 1, 1, 1, 0],
  [1, 1, 1, 1, 1, 0, 0],
  [1, 0, 1, 0, 1, 0, 0],
];

test('add a client, plan from a template, edit a GAS scale, record three sessions: the tabs hold exactly those rows', async () => {
  const { page } = g;
  await page.goto(preview.url);
  await clickMenu(page, 'Open Attain');
  const frame = await sidebarFrame(page);

  // Add the client.
  await frame.getByRole('button', { name: 'Add client' }).click();
  await frame.getByLabel(/Client code/).fill(CODE);
  await frame.getByLabel(/^Clinician/).fill('clinician.a@demo.invalid');
  await frame.getByLabel(/Modality/).selectOption({ index: 1 });
  await frame.getByRole('button', { name: 'Save new client' }).click();
  await frame.getByText(`Added client ${CODE}`).waitFor();
  await frame.locator('.client-list button', { hasText: CODE }).first().click();
  await frame.locator('.top-client', { hasText: CODE }).waitFor();

  // A plan from a template, its first goal renamed to markup that must stay text.
  await go(frame, 'Plan', new RegExp(`Plan for ${CODE}`));
  await frame.getByLabel('Start from a template').selectOption('generalized-anxiety');
  await frame.getByRole('button', { name: 'Fill from template' }).click();
  // The template comes from the server (getTemplate): wait for it before editing what it fills.
  await frame.getByText(/Filled from/).waitFor();
  await frame.locator('#plan-goals-0-title').fill(XSS);
  await frame.getByRole('button', { name: 'Save plan' }).click();
  await until(async () => (await rows('Goals')).rows.some((r) => r.Client === CODE), 'the plan rows');
  expect(await frame.locator('img').count()).toBe(0);
  const goals = (await rows('Goals')).rows.filter((r) => r.Client === CODE);
  expect(goals.find((r) => r['Parent ID'] === '')?.Goal).toBe(XSS);

  // Edit one GAS anchor.
  await go(frame, 'GAS', new RegExp(`GAS scales for ${CODE}`));
  await frame.locator('fieldset textarea').nth(4).fill('Worries under 10 minutes a day, every day for 2 weeks');
  await frame.getByRole('button', { name: 'Save GAS scale' }).click();
  await until(async () => (await rows('Goals')).rows.some((r) => r.Client === CODE && Object.values(r).includes('Worries under 10 minutes a day, every day for 2 weeks')), 'the edited anchor on Goals');

  // Three sessions with PHQ-9 and GAD-7, one with a note that looks like a formula.
  await go(frame, 'Session', new RegExp(`Session for ${CODE}`));
  for (let s = 0; s < 3; s++) {
    await frame.getByLabel('Date').fill(`2026-11-0${s + 3}`);
    for (const [m, items] of [['phq9', PHQ[s]], ['gad7', GAD[s]]] as const) {
      const toggle = frame.locator(`#session-measures-${m}-toggle`);
      if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
      for (let i = 0; i < items.length; i++) await frame.locator(`#session-measures-${m}-items-${i}`).selectOption(String(items[i]));
    }
    if (s === 1) await frame.getByLabel('Event note').fill(NOTE);
    await frame.getByRole('button', { name: 'Save session' }).click();
    await frame.locator('#session-saved').getByText(`Saved session ${s + 1}`).waitFor();
  }

  const sessions = (await rows('Sessions')).rows.filter((r) => r.Client === CODE);
  expect(sessions.map((r) => r.Session)).toEqual(['1', '2', '3']);
  const noteAt = (await rows('Sessions')).rows.findIndex((r) => r.Client === CODE && r.Session === '2');
  expect((await rows('Sessions')).rows[noteAt]['Event note']).toBe(NOTE);
  expect((await rows('Sessions')).formulas[noteAt].every((f) => f === undefined || !/IMPORTRANGE/.test(f))).toBe(true);
  for (const [tab, def, items] of [['PHQ-9', PHQ9, PHQ], ['GAD-7', GAD7, GAD]] as const) {
    const got = (await rows(tab)).rows.filter((r) => r.Client === CODE);
    expect(got).toHaveLength(3);
    got.forEach((r, s) => expect(Number(r.Total)).toBe(scoreItems(def, items[s]).total));
  }
  expect(g.blocked).toEqual([]);
  expect(g.errors).toEqual([]);
});

test('a PHQ-9 item of 7 is refused with a field error through google.script.run, and nothing is written', async () => {
  const frame = await sidebarFrame(g.page);
  const before = JSON.stringify((await getState(preview)).sheets.map((s) => s.rows));
  const answer = await frame.evaluate(
    (code) =>
      new Promise((resolve, reject) => {
        const run = (window as unknown as { google: { script: { run: Record<string, (...a: unknown[]) => unknown> & { withSuccessHandler(f: unknown): { withFailureHandler(f: unknown): Record<string, (...a: unknown[]) => void> } } } } }).google.script.run;
        run
          .withSuccessHandler(resolve)
          .withFailureHandler(reject)
          .recordSession({ clientCode: code, date: '2026-11-06', clinician: 'clinician.a@demo.invalid', attended: true, note: '', ratings: [], measures: [{ instrument: 'phq9', items: [0, 0, 0, 7, 0, 0, 0, 0, 0] }] });
      }),
    CODE,
  );
  expect(answer).toMatchObject({ ok: false, errors: { 'measures.phq9.items.3': expect.stringMatching(/0 to 3.*7/) } });
  expect(JSON.stringify((await getState(preview)).sheets.map((s) => s.rows))).toBe(before);
});
