// Preview benchmarks (npm run bench):
//   sidebar_first_render_ms — median over 7 loads, in headless Debian chromium, from page.goto(<preview>/sidebar) until the
//     sidebar is first interactive. "Interactive" here means: the first enabled button (or other enabled control) inside
//     the sidebar's #app is visible, which is when the app has rendered and a person could act. The real dist/Sidebar.html
//     is served by the preview server with its google.script.run shim, so its bootstrap calls reach the emulator.
//   preview_start_ms — median over 3 starts, from spawning `node scripts/start.mjs --reset --no-build` (PORT on a free port,
//     state in a temporary file via ATTAIN_PREVIEW_STATE) until GET / first answers 200; includes the seeding, not the build
//     (issue 14: bench.mjs has built dist/ already). The seed cache is off (ATTAIN_SEED_CACHE=off): every start seeds.
//   preview_reset_ms — the same, median over 3 starts, with the seeding this code made earlier today kept in a temporary seed
//     cache (one start fills it first): what `npm start -- --reset` costs after the first seeding of the day.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser } from '../../kit/browser';
import { startPreview } from '../../preview/server';

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

async function sidebarFirstRender(root: string, tmp: string, runs: number): Promise<number> {
  const preview = await startPreview({ port: 0, stateFile: path.join(tmp, 'sidebar-bench.json'), reset: true, root });
  const browser = await launchBrowser();
  try {
    const times: number[] = [];
    // One warm-up load (disk cache, JIT), then the measured ones, each in a fresh context (nothing cached).
    for (let i = 0; i <= runs; i += 1) {
      const context = await browser.newContext({ viewport: { width: 300, height: 700 } });
      // No request interception here (it would slow every load); the sidebar's Content-Security-Policy already blocks
      // anything off this machine, and the browser tests check that nothing is attempted.
      const page = await context.newPage();
      const t0 = performance.now();
      await page.goto(`${preview.url}/sidebar`);
      await page.locator(INTERACTIVE).first().waitFor({ state: 'visible', timeout: 30000 });
      const ms = performance.now() - t0;
      if (i > 0) times.push(ms);
      await context.close();
    }
    return median(times);
  } finally {
    await browser.close();
    await preview.close();
  }
}

async function previewStart(root: string, tmp: string, seedCache: string): Promise<number> {
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
  try {
    const deadline = Date.now() + 120000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`start.mjs exited early (${child.exitCode}):\n${output}`);
      if (Date.now() > deadline) throw new Error(`start.mjs did not serve / within 120 s:\n${output}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/`);
        await res.text();
        if (res.status === 200) break;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    return performance.now() - t0;
  } finally {
    child.kill('SIGTERM');
    const code = await Promise.race([exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 10000))]);
    if (code === 'timeout') child.kill('SIGKILL');
  }
}

export async function run(report: Report, ctx: { dist: unknown; root: string }): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'attain-bench-'));
  try {
    report('sidebar_first_render_ms', Math.round((await sidebarFirstRender(ctx.root, tmp, 7)) * 10) / 10, 'ms');
    const starts: number[] = [];
    for (let i = 0; i < 3; i += 1) starts.push(await previewStart(ctx.root, tmp, 'off'));
    report('preview_start_ms', Math.round(median(starts)), 'ms');
    const kept = path.join(tmp, 'seed-cache');
    await previewStart(ctx.root, tmp, kept);
    const resets: number[] = [];
    for (let i = 0; i < 3; i += 1) resets.push(await previewStart(ctx.root, tmp, kept));
    report('preview_reset_ms', Math.round(median(resets)), 'ms');
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
