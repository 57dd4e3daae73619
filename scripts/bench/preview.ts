// Preview benchmarks (npm run bench):
//   sidebar_first_render_ms — median over 7 loads, in headless Debian chromium, of the page's own clock (performance.now(), whose
//     origin is the navigation's start) at the first animation frame in which the sidebar is interactive. "Interactive" means:
//     the first enabled button (or other enabled control) inside the sidebar's #app is in the page with a non-empty box, which
//     is when the app has rendered and a person could act. Taken in the page, as the browser's own paint timings are, so it is
//     what a person waits for and not Playwright's round trips (below). The real dist/Sidebar.html is served by the preview
//     server (npm start, in its own process) with its google.script.run shim, so its Bootstrap call reaches the emulator and is
//     inside the figure.
//   sidebar_goto_interactive_ms — the same loads timed from outside: from page.goto until Playwright's locator sees the control
//     visible. It adds the harness's own waits (goto waits for the load event, then each locator check is a round trip to the
//     browser), so it is higher; kept to compare with figures before 2026-12-03, which were this measure.
//   preview_start_ms — median over 3 starts, from spawning `node scripts/start.mjs --reset --no-build` (PORT on a free port,
//     state in a temporary file via ATTAIN_PREVIEW_STATE) until GET / first answers 200; includes the seeding, not the build
//     (issue 14: bench.mjs has built dist/ already). The seed cache is off (ATTAIN_SEED_CACHE=off): every start seeds.
//   preview_first_answer_ms — the same starts, until GET / first answers at all: npm start listens before it seeds and
//     answers 503 with a page saying how far seeding has got, so this is how soon a person sees the preview respond.
//   preview_reset_ms — the same, median over 3 starts, with the seeding this code made earlier today kept in a temporary seed
//     cache (one start fills it first): what `npm start -- --reset` costs after the first seeding of the day.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser } from '../../kit/browser';

type Report = (name: string, value: number, unit: string) => void;

/** The sidebar's first interactive element, as defined above. */
export const INTERACTIVE = '#app :is(button, select, input, textarea, a[href]):enabled';

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Runs in the page before its own scripts: stamps __attainInteractiveAt at the first frame with an interactive control. */
function stampInteractive(selector: string): void {
  const w = window as unknown as { __attainInteractiveAt?: number };
  let asked = false;
  const shown = (): boolean =>
    [...document.querySelectorAll(selector)].some((e) => {
      const r = e.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden';
    });
  const observer = new MutationObserver(() => {
    if (asked || !shown()) return;
    asked = true;
    observer.disconnect();
    // The frame that paints it: its callbacks run just before that paint.
    requestAnimationFrame(() => (w.__attainInteractiveAt = performance.now()));
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
}

/** Median in-page and median outside times to interactive, over `runs` loads after one warm-up. */
async function sidebarFirstRender(url: string, runs: number): Promise<{ inPage: number; outside: number }> {
  const browser = await launchBrowser();
  try {
    const inPage: number[] = [];
    const outside: number[] = [];
    // One warm-up load (disk cache, JIT), then the measured ones, each in a fresh context (nothing cached).
    for (let i = 0; i <= runs; i += 1) {
      const context = await browser.newContext({ viewport: { width: 300, height: 700 } });
      await context.addInitScript(stampInteractive, INTERACTIVE);
      // No request interception here (it would slow every load); the sidebar's Content-Security-Policy already blocks
      // anything off this machine, and the browser tests check that nothing is attempted.
      const page = await context.newPage();
      const t0 = performance.now();
      await page.goto(`${url}/sidebar`);
      await page.locator(INTERACTIVE).first().waitFor({ state: 'visible', timeout: 30000 });
      const ms = performance.now() - t0;
      await page.waitForFunction(() => (window as unknown as { __attainInteractiveAt?: number }).__attainInteractiveAt !== undefined, null, { timeout: 30000 });
      const stamped = await page.evaluate(() => (window as unknown as { __attainInteractiveAt: number }).__attainInteractiveAt);
      if (i > 0) {
        outside.push(ms);
        inPage.push(stamped);
      }
      await context.close();
    }
    return { inPage: median(inPage), outside: median(outside) };
  } finally {
    await browser.close();
  }
}

/** `npm start -- --reset --no-build` on a free port, as a person runs it (its own process); resolves once GET / answers 200. */
async function spawnPreview(root: string, tmp: string, seedCache: string): Promise<{ url: string; ms: number; firstAnswerMs: number; stop(): Promise<void> }> {
  const port = await freePort();
  const stateFile = path.join(tmp, `start-bench-${port}.json`);
  const t0 = performance.now();
  const child = spawn(process.execPath, [path.join(root, 'scripts', 'start.mjs'), '--reset', '--no-build'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), ATTAIN_PREVIEW_STATE: stateFile, ATTAIN_SEED_CACHE: seedCache },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stop = async (): Promise<void> => {
    child.kill('SIGTERM');
    const code = await Promise.race([exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 10000))]);
    if (code === 'timeout') child.kill('SIGKILL');
  };
  let firstAnswerMs = 0;
  try {
    const deadline = Date.now() + 120000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`start.mjs exited early (${child.exitCode}):\n${output}`);
      if (Date.now() > deadline) throw new Error(`start.mjs did not serve / within 120 s:\n${output}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/`);
        await res.text();
        if (firstAnswerMs === 0) firstAnswerMs = performance.now() - t0;
        if (res.status === 200) break;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    return { url: `http://127.0.0.1:${port}`, ms: performance.now() - t0, firstAnswerMs, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

/** One timed start, then stopped. */
async function previewStart(root: string, tmp: string, seedCache: string): Promise<{ ms: number; firstAnswerMs: number }> {
  const p = await spawnPreview(root, tmp, seedCache);
  await p.stop();
  return { ms: p.ms, firstAnswerMs: p.firstAnswerMs };
}

export async function run(report: Report, ctx: { dist: unknown; root: string }): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'attain-bench-'));
  try {
    const starts: { ms: number; firstAnswerMs: number }[] = [];
    for (let i = 0; i < 3; i += 1) starts.push(await previewStart(ctx.root, tmp, 'off'));
    const kept = path.join(tmp, 'seed-cache');
    await previewStart(ctx.root, tmp, kept);
    const resets: number[] = [];
    for (let i = 0; i < 3; i += 1) resets.push((await previewStart(ctx.root, tmp, kept)).ms);
    // The sidebar against a preview in its own process, as npm start runs it (in this process, Playwright's work would delay its answers).
    const preview = await spawnPreview(ctx.root, tmp, kept);
    try {
      const sidebar = await sidebarFirstRender(preview.url, 7);
      report('sidebar_first_render_ms', Math.round(sidebar.inPage * 10) / 10, 'ms');
      report('sidebar_goto_interactive_ms', Math.round(sidebar.outside * 10) / 10, 'ms');
    } finally {
      await preview.stop();
    }
    report('preview_start_ms', Math.round(median(starts.map((x) => x.ms))), 'ms');
    report('preview_first_answer_ms', Math.round(median(starts.map((x) => x.firstAnswerMs))), 'ms');
    report('preview_reset_ms', Math.round(median(resets)), 'ms');
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
