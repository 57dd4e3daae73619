// Browser harness for the sidebar: Debian chromium via playwright-core, the built dist/Sidebar.html at a fake https origin (every other request aborted and recorded), a fake google.script.run (the build's screens part behind getSidebarScreens) and axe-core.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { screensScript } from '../../../src/server/sidebar-screens';

const ROOT = path.resolve(__dirname, '..', '..', '..');
export const SIDEBAR_HTML = path.join(ROOT, 'dist', 'Sidebar.html');
export const SIDEBAR_SCREENS_HTML = path.join(ROOT, 'dist', 'SidebarScreens.html');
const AXE = path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
export const ORIGIN = 'https://sidebar.test/';

export const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];

/** A server function fake: gets the (JSON-copied) arguments, returns the value (JSON-copied back); throwing calls the failure handler. */
export type Handler = (...args: any[]) => unknown; // eslint-disable-line @typescript-eslint/no-explicit-any
export type Handlers = Record<string, Handler>;

export interface RpcCall {
  name: string;
  args: unknown[];
}

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: LAUNCH_ARGS });
}

/**
 * Runs in the page before the app: window.google.script.run is a Proxy like Apps Script's — withSuccessHandler,
 * withFailureHandler and withUserObject chain; any other name calls the server. Date, function and DOM arguments
 * (nested too) are refused with a thrown error, as Apps Script refuses them; results arrive asynchronously, as JSON copies.
 */
function installFakeGoogle(): void {
  type Fn = (...a: unknown[]) => void;
  const w = window as unknown as Record<string, unknown>;
  // Looked up per call: the exposed binding is installed by playwright alongside this script.
  const rpc = (name: string, argsJson: string) => (w.__attainRpc as (n: string, a: string) => Promise<string>)(name, argsJson);
  const illegal = (v: unknown, seen: unknown[] = []): string | null => {
    if (v instanceof Date) return 'Date';
    if (typeof v === 'function') return 'function';
    if (typeof Node !== 'undefined' && v instanceof Node) return 'DOM node';
    if (v && typeof v === 'object') {
      if (seen.indexOf(v) >= 0) return 'circular object';
      seen.push(v);
      for (const k of Object.keys(v)) {
        const bad = illegal((v as Record<string, unknown>)[k], seen);
        if (bad) return bad;
      }
    }
    return null;
  };
  const runner = (success: Fn | null, failure: Fn | null, user: unknown): unknown =>
    new Proxy(
      {},
      {
        get(_t, prop: string) {
          if (prop === 'withSuccessHandler') return (f: Fn) => runner(f, failure, user);
          if (prop === 'withFailureHandler') return (f: Fn) => runner(success, f, user);
          if (prop === 'withUserObject') return (u: unknown) => runner(success, failure, u);
          if (typeof prop !== 'string' || prop === 'then') return undefined;
          return (...args: unknown[]) => {
            const bad = illegal(args);
            if (bad) {
              // Apps Script refuses the call at once, throwing in the caller; the test records it and fails.
              const message = `Failed due to illegal value in property: ${bad} passed to ${prop}`;
              void rpc('__illegal', JSON.stringify([prop, message]));
              throw new Error(message);
            }
            // undefined inside arrays becomes null, as in Apps Script
            const json = JSON.stringify(args);
            rpc(prop, json).then(
              (answer) => {
                const a = JSON.parse(answer) as { ok: boolean; value?: unknown; message?: string };
                setTimeout(() => {
                  if (a.ok) success?.(a.value === undefined ? undefined : JSON.parse(JSON.stringify(a.value)), user);
                  else failure?.(new Error(a.message), user);
                }, 5);
              },
              (e: unknown) => setTimeout(() => failure?.(new Error(String(e)), user), 5),
            );
          };
        },
      },
    );
  w.google = {
    script: {
      run: runner(null, null, undefined),
      host: { close() {}, setHeight() {}, setWidth() {}, editor: { focus() {} }, origin: 'https://docs.google.com' },
    },
  };
}

export interface Sidebar {
  page: Page;
  context: BrowserContext;
  calls: RpcCall[];
  /** Calls refused for an illegal argument (Date, function …). */
  illegal: string[];
  blocked: string[];
  pageErrors: string[];
  consoleErrors: string[];
  dialogs: string[];
  handlers: Handlers;
  /** The recorded calls to one server function. */
  callsTo(name: string): RpcCall[];
  /** Waits until `name` has been called `count` times; returns that call. */
  waitForCall(name: string, count?: number): Promise<RpcCall>;
  close(): Promise<void>;
}

/**
 * The lifecycle every sidebar test file shares: one chromium for the file, and every sidebar a test opens closed after
 * that test. Call it once at the top of a file; `open(handlers)` is openSidebar on that browser.
 */
export function sidebarSuite(): { open(handlers: Handlers): Promise<Sidebar> } {
  let browser: Browser | undefined;
  const opened: Sidebar[] = [];
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((x) => x.close()));
  });
  return {
    async open(handlers) {
      if (!browser) throw new Error('Expected the suite\'s browser to be running; call sidebarSuite() at the top of the test file');
      const x = await openSidebar(browser, handlers);
      opened.push(x);
      return x;
    },
  };
}

/** Opens the built sidebar in a fresh 300 × 700 context with `handlers` as the server. */
export async function openSidebar(browser: Browser, handlers: Handlers): Promise<Sidebar> {
  if (!fs.existsSync(SIDEBAR_HTML)) throw new Error(`${SIDEBAR_HTML} is missing; run node scripts/build.mjs first`);
  const html = fs.readFileSync(SIDEBAR_HTML, 'utf8');
  const context = await browser.newContext({ viewport: { width: 300, height: 700 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const s: Sidebar = {
    page,
    context,
    calls: [],
    illegal: [],
    blocked: [],
    pageErrors: [],
    consoleErrors: [],
    dialogs: [],
    handlers,
    callsTo: (name) => s.calls.filter((c) => c.name === name),
    async waitForCall(name, count = 1) {
      const deadline = Date.now() + 15000;
      while (Date.now() < deadline) {
        const got = s.callsTo(name);
        if (got.length >= count) return got[count - 1];
        await page.waitForTimeout(20);
      }
      throw new Error(`${name} was called ${s.callsTo(name).length} times, expected ${count}; calls: ${s.calls.map((c) => c.name).join(', ')}`);
    },
    close: () => context.close(),
  };
  page.on('pageerror', (e) => s.pageErrors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') s.consoleErrors.push(m.text());
  });
  page.on('dialog', (d) => {
    s.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url === ORIGIN) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    // Chromium itself asks for the origin's favicon (the page names none); answer "no content" rather than count it.
    if (url === `${ORIGIN}favicon.ico`) return route.fulfill({ status: 204, body: '' });
    s.blocked.push(url);
    return route.abort();
  });
  await page.exposeFunction('__attainRpc', async (name: string, argsJson: string) => {
    const args = JSON.parse(argsJson) as unknown[];
    if (name === '__illegal') {
      s.illegal.push(String(args[1]));
      return JSON.stringify({ ok: true });
    }
    s.calls.push({ name, args });
    // The screens part is the build's, as the server hands it over, unless a test fakes it.
    const h = s.handlers[name] ?? (name === 'getSidebarScreens' ? () => ({ ok: true, data: screensScript(fs.readFileSync(SIDEBAR_SCREENS_HTML, 'utf8')) }) : undefined);
    if (!h) return JSON.stringify({ ok: false, message: `Script function not found: ${name}` });
    try {
      const value = await h(...(JSON.parse(argsJson) as unknown[]));
      return JSON.stringify({ ok: true, value });
    } catch (e) {
      return JSON.stringify({ ok: false, message: e instanceof Error ? e.message : String(e) });
    }
  });
  await page.addInitScript(installFakeGoogle);
  await page.goto(ORIGIN);
  return s;
}

/** Problems every test must end without: page errors, blocked requests, illegal RPC arguments, dialogs (alert from injected markup). */
export function expectClean(s: Sidebar): void {
  expect({ pageErrors: s.pageErrors, blocked: s.blocked, illegal: s.illegal, dialogs: s.dialogs }).toEqual({ pageErrors: [], blocked: [], illegal: [], dialogs: [] });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Runs axe-core on the page; returns serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.addScriptTag({ content: fs.readFileSync(AXE, 'utf8') });
  const all = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => JSON.stringify(n.target)) }));
  });
  return all.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Moves through the top navigation with the mouse-free path: focus the screen's nav button and press Enter. */
export async function goTo(page: Page, label: 'Clients' | 'Plan' | 'GAS' | 'Session' | 'Priorities'): Promise<void> {
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: label, exact: true }).click();
}
