// Driving the local preview from a browser (tests, screenshots, bench): Debian chromium through playwright-core, pages whose every request off this machine is blocked and recorded, the add-on menu, the sidebar frame, temporary state files.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Frame, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];

export function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Expected chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** A state file in a fresh temporary folder, for a preview that must not touch .attain-preview.json; cleanup() removes it. */
export function tempStateFile(label: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `attain-preview-${label}-`));
  return path.join(dir, 'state.json');
}

export function cleanup(stateFile: string): void {
  fs.rmSync(path.dirname(stateFile), { recursive: true, force: true });
}

export interface Guarded {
  context: BrowserContext;
  page: Page;
  /** Requests that tried to leave this machine (all were aborted). */
  blocked: string[];
  /** Uncaught errors and console errors, from the page and its sidebar frame. */
  errors: string[];
}

const isLocal = (url: string): boolean => {
  if (url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('about:')) return true;
  const host = new URL(url).hostname;
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
};

export async function guardedPage(browser: Browser, viewport = { width: 1400, height: 900 }): Promise<Guarded> {
  const context = await browser.newContext({ viewport });
  const blocked: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    blocked.push(url);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return { context, page, blocked, errors };
}

/** Opens Extensions ▸ (add-on) ▸ label and clicks it. */
export async function clickMenu(page: Page, label: string): Promise<void> {
  await page.getByRole('button', { name: 'Extensions' }).click();
  const sub = page.locator('#menu-extensions-pop .has-sub').first();
  await sub.click();
  await page.locator('#menu-extensions-pop').getByRole('menuitem', { name: label, exact: true }).click();
}

/** Polls `fn` until it returns something truthy (no fixed sleeps: short polls up to a deadline). */
export async function until<T>(fn: () => T | Promise<T>, what: string, timeoutMs = 20000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v as NonNullable<T>;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The sidebar's frame once the panel is open and the shim is in place. */
export async function sidebarFrame(page: Page): Promise<Frame> {
  await page.locator('#sidebar-panel').waitFor({ state: 'visible' });
  const frame = await until(() => page.frames().find((f) => f.parentFrame() === page.mainFrame() && new URL(f.url()).pathname === '/sidebar'), 'the sidebar frame');
  await frame.waitForFunction(() => typeof (window as unknown as { google?: { script?: unknown } }).google?.script === 'object');
  return frame;
}
