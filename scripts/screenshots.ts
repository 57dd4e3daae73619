// npm run screenshots: PNGs of the sidebar screens, the Review and Supervision dashboards, the progress report, tasks between sessions, the form import and the risk-first views (Clients badges, Session's "Last time", Supervision's coloured rows), taken from the local preview.
import fs from 'node:fs';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { startPreview } from '../preview/server';
import { clickMenu, guardedPage, launchBrowser, sidebarFrame, tempStateFile, cleanup } from '../kit/browser';

async function showTab(page: Page, name: string): Promise<boolean> {
  const tab = page.locator(`#tabbar [role="tab"][data-sheet="${name}"]`);
  if ((await tab.count()) === 0) return false;
  await tab.click();
  await page.locator(`#grid-panel table[data-sheet="${name}"]`).waitFor();
  return true;
}

async function sidebarScreen(frame: Frame, label: string): Promise<boolean> {
  const nav = frame.locator('.nav button', { hasText: new RegExp(`^${label}$`) });
  if ((await nav.count()) === 0 || !(await nav.first().isEnabled())) return false;
  await nav.first().click();
  await frame.locator('main h2, main h1').first().waitFor();
  return true;
}

/** Takes every screenshot; `root` is the repository (this file runs bundled from .cache/). */
export async function run(root: string): Promise<string[]> {
  const OUT = path.join(root, 'docs', 'screenshots');
  fs.mkdirSync(OUT, { recursive: true });
  const stateFile = tempStateFile('screenshots');
  const preview = await startPreview({ port: 0, stateFile, reset: true, root });
  const browser = await launchBrowser();
  const saved: string[] = [];
  const shot = async (page: Page, name: string, target?: { screenshot: Page['screenshot'] }) => {
    const file = path.join(OUT, `${name}.png`);
    await (target ?? page).screenshot({ path: file });
    saved.push(file);
  };
  try {
    const g = await guardedPage(browser, { width: 1440, height: 900 });
    const { page } = g;
    // The Review dashboard follows its selector cell (B1): choose the deteriorating demo client, as a clinician would.
    await fetch(`${preview.url}/edit`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sheet: 'Review', row: 1, col: 2, input: 'DEMO-04' }) });
    await page.goto(preview.url);
    for (const tab of ['Review', 'Supervision']) if (await showTab(page, tab)) await shot(page, `dashboard-${tab.toLowerCase()}`);
    // The demo clinic's progress report (seeded for DEMO-01): the tab a client keeps.
    if (await showTab(page, 'Progress DEMO-01')) await shot(page, 'report-progress');
    // Risk first: Supervision's top rows, safety red and deterioration amber (custom-formula conditional formats).
    if (await showTab(page, 'Supervision')) {
      const box = await page.locator('#grid-panel').boundingBox();
      if (box) await page.screenshot({ path: path.join(OUT, 'risk-supervision.png'), clip: { x: box.x, y: box.y, width: Math.min(box.width, 1100), height: Math.min(box.height, 330) } });
      saved.push(path.join(OUT, 'risk-supervision.png'));
    }
    await clickMenu(page, 'Open Attain');
    const frame = await sidebarFrame(page);
    const panel = page.locator('#sidebar-frame');
    await frame.locator('.client-list button').first().waitFor();
    await shot(page, 'sidebar-clients', panel);
    // Risk first: the client list with its alert badges (safety first).
    await frame.locator('.client-list .badge').first().waitFor();
    await shot(page, 'risk-clients', panel);
    await frame.locator('.client-list button', { hasText: 'DEMO-05' }).first().click();
    await frame.locator('.top-client', { hasText: 'DEMO-05' }).waitFor();
    for (const label of ['Plan', 'GAS', 'Session', 'Priorities', 'Review', 'Discharge', 'Progress', 'Export']) {
      if (!(await sidebarScreen(frame, label))) continue;
      await shot(page, `sidebar-${label.toLowerCase()}`, panel);
      // Risk first: DEMO-05's session opens with "Last time" (scores, bands, the safety flag still to acknowledge).
      if (label === 'Session') {
        const last = frame.locator('.last-time').first();
        await last.waitFor();
        await last.scrollIntoViewIfNeeded();
        await shot(page, 'risk-session-last-time', panel);
      }
    }
    // The client in the loop: DEMO-01's session opens with last week's tasks and ends with new ones; the Forms screen reads the demo's waiting responses.
    await sidebarScreen(frame, 'Clients');
    await frame.locator('.client-list button', { hasText: 'DEMO-01' }).first().click();
    await frame.locator('.top-client', { hasText: 'DEMO-01' }).waitFor();
    if (await sidebarScreen(frame, 'Session')) {
      for (const [id, name] of [['#session-from-last-time', 'sidebar-session-tasks'], ['#session-until-next-time', 'sidebar-session-until-next-time']]) {
        const part = frame.locator(id);
        if ((await part.count()) === 0) continue;
        if (name === 'sidebar-session-until-next-time') {
          // A vague task, as first typed: the live hint asks for what, when and how often.
          await part.locator('button', { hasText: 'Add a task' }).first().click();
          await part.locator('input[type="text"], textarea').first().fill('Be more active');
          await part.locator('.smart-hints').first().waitFor();
          await part.locator('.smart-hints').first().scrollIntoViewIfNeeded();
        } else await part.scrollIntoViewIfNeeded();
        await shot(page, name, panel);
      }
    }
    if (await sidebarScreen(frame, 'Forms')) {
      await frame.locator('#import-preview').click();
      await frame.locator('#import-summary').waitFor();
      await shot(page, 'sidebar-forms', panel);
    }
    if (g.blocked.length) throw new Error(`The preview tried to leave this machine: ${g.blocked.join(', ')}`);
    await g.context.close();
  } finally {
    await browser.close();
    await preview.close();
    cleanup(stateFile);
  }
  return saved;
}
