// The preview's state file and lifecycle: changes survive a restart, reset starts fresh, `node scripts/start.mjs` serves
// and stops cleanly on SIGINT and SIGTERM, and the HTTP surface refuses what it should. One browser for the page check.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { cleanup, guardedPage, launchBrowser, tempStateFile, until } from '../../../kit/browser';
import { getState, postJson, ROOT, startTestPreview } from './helpers';

// Three preview starts (about 32 s each alone on 2 cores, seeding through the emulator) plus the checks between them.
jest.setTimeout(300000);

let browser: Browser;
const files: string[] = [];
/** Every preview a test started, closed after all (close() is idempotent), so a failing test leaves no server behind. */
const opened: { close(): Promise<void> }[] = [];
const children: import('node:child_process').ChildProcess[] = [];
const fresh = (label: string): string => {
  const f = tempStateFile(label);
  files.push(f);
  return f;
};

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await Promise.all(opened.map((p) => p.close()));
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await browser?.close();
  for (const f of files) cleanup(f);
});

const hasCode = async (url: string, code: string): Promise<boolean> => JSON.stringify(await (await fetch(`${url}/state`)).json()).includes(`"${code}"`);

test('state persists across a restart, and reset seeds afresh', async () => {
  const stateFile = fresh('persist');
  const first = await startTestPreview(stateFile);
  opened.push(first);
  expect(first.seeded).toBe(true);
  expect(fs.existsSync(stateFile)).toBe(true);
  const boot = (await postJson<{ ok: boolean; value: { data: { clinicians: string[]; today: string } } }>(first, '/rpc', { name: 'getBootstrap', args: [] })).body;
  expect(boot.ok).toBe(true);
  const add = await postJson<{ ok: boolean; value: { ok: boolean } }>(first, '/rpc', {
    name: 'addClient',
    args: [{ code: 'KEEP-01', clinician: boot.value.data.clinicians[0], startDate: '2026-11-20', modality: 'CBT' }],
  });
  expect(add.body).toMatchObject({ ok: true, value: { ok: true } });
  const edit = await postJson<{ ok: boolean }>(first, '/edit', { sheet: (await getState(first)).sheets[0].name, row: 3, col: 4, input: 'kept note' });
  expect(edit.body.ok).toBe(true);
  await first.close();

  // Restart on the same file: the client and the edit are still there, nothing re-seeded.
  const second = await startTestPreview(stateFile);
  opened.push(second);
  expect(second.seeded).toBe(false);
  expect(await hasCode(second.url, 'KEEP-01')).toBe(true);
  expect((await getState(second)).sheets[0].rows[2][3]?.v).toBe('kept note');
  // The page shows it too.
  const g = await guardedPage(browser);
  await g.page.goto(second.url);
  // The page opens on the spreadsheet's active tab (the seed leaves the Review tab active), so go to the edited one.
  const edited = (await getState(second)).sheets[0].name;
  await g.page.locator(`#tabbar [role="tab"][data-sheet="${edited}"]`).click();
  await g.page.locator(`#grid-panel table[data-sheet="${edited}"]`).waitFor();
  await expect(g.page.locator('td[data-r="3"][data-c="4"]').textContent()).resolves.toBe('kept note');
  await g.context.close();
  expect(g.blocked).toEqual([]);
  expect(g.errors).toEqual([]);
  await second.close();

  // Reset: back to the demo clinic only.
  const third = await startTestPreview(stateFile, { reset: true });
  opened.push(third);
  expect(third.seeded).toBe(true);
  expect(await hasCode(third.url, 'KEEP-01')).toBe(false);
  expect(await hasCode(third.url, 'DEMO-01')).toBe(true);
  await third.close();
  expect(await hasCode(third.url, 'DEMO-01').then(() => 'answered', () => 'closed')).toBe('closed');
});

test('an unreadable state file is set aside, not lost, and the preview starts fresh', async () => {
  const stateFile = fresh('corrupt');
  fs.writeFileSync(stateFile, '{ not json');
  const lines: string[] = [];
  const p = await startTestPreview(stateFile, { log: (l) => lines.push(l) });
  opened.push(p);
  expect(p.seeded).toBe(true);
  const aside = fs.readdirSync(path.dirname(stateFile)).filter((f) => f.includes('.unreadable-'));
  expect(aside).toHaveLength(1);
  expect(fs.readFileSync(path.join(path.dirname(stateFile), aside[0]), 'utf8')).toBe('{ not json');
  expect(lines.join('\n')).toContain('starting fresh');
  await p.close();
});

test('the HTTP surface: JSON only, local host names only, private functions and non-menu functions refused', async () => {
  const p = await startTestPreview(fresh('http'));
  opened.push(p);
  try {
    const post = (route: string, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) => fetch(`${p.url}${route}`, { method: 'POST', headers, body });
    expect((await post('/rpc', '{"name":"getBootstrap","args":[]}', { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await post('/rpc', 'nope')).status).toBe(400);
    expect((await post('/rpc', '{"name":"getBootstrap"}')).status).toBe(400);
    expect(await (await post('/rpc', '{"name":"seed_","args":[]}')).json()).toMatchObject({ ok: false, message: expect.stringContaining('seed_') });
    expect((await post('/menu', '{"fn":"getBootstrap"}')).status).toBe(400);
    expect((await post('/edit', '{"sheet":"x","row":0,"col":1,"input":"a"}')).status).toBe(400);
    expect((await fetch(`${p.url}/nowhere`)).status).toBe(404);
    expect((await fetch(`${p.url}/rpc`)).status).toBe(405);
    // A page elsewhere cannot post, and a re-pointed host name is refused.
    expect(await rawStatus(p.port, 'POST', '/rpc', { 'content-type': 'application/json', origin: 'http://evil.example' }, '{"name":"getBootstrap","args":[]}')).toBe(403);
    expect(await rawStatus(p.port, 'GET', '/state', { host: `attacker.example:${p.port}` })).toBe(403);
    expect(await rawStatus(p.port, 'GET', '/state', { host: `localhost:${p.port}` })).toBe(200);
    // The page forbids loading anything from elsewhere.
    const page = await fetch(`${p.url}/`);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await page.text()).not.toMatch(/https?:\/\/(?!127\.0\.0\.1|localhost|www\.w3\.org\/2000\/svg)/);
  } finally {
    await p.close();
  }
});

/** A request with headers fetch() would not let us set (Host, Origin); resolves with the status. */
function rawStatus(port: number, method: string, route: string, headers: Record<string, string>, body?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: route, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Runs `node scripts/start.mjs --no-build` on a free port; resolves with its URL once it prints one. */
function spawnStart(stateFile: string, extra: string[] = []) {
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'start.mjs'), '--no-build', ...extra], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', ATTAIN_PREVIEW_STATE: stateFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const url = until(() => {
    if (child.exitCode !== null) throw new Error(`start.mjs exited: ${out}`);
    return /Attain preview: (http:\/\/\S+)/.exec(out)?.[1];
  }, 'start.mjs to print its URL', 60000);
  return { child, exit, url, output: () => out };
}

test('npm start (scripts/start.mjs) serves the page, keeps state, and exits 0 on SIGINT and SIGTERM', async () => {
  const stateFile = fresh('start');
  const a = spawnStart(stateFile, ['--reset']);
  const url = (await a.url).replace('localhost', '127.0.0.1');
  const res = await fetch(`${url}/`);
  expect(res.status).toBe(200);
  expect(await res.text()).toContain('Extensions');
  expect(a.output()).toContain('Seeded a demo clinic');
  a.child.kill('SIGINT');
  expect(await a.exit).toEqual({ code: 0, signal: null });
  expect(JSON.parse(fs.readFileSync(stateFile, 'utf8'))).toBeTruthy();

  const b = spawnStart(stateFile);
  await b.url;
  expect(b.output()).toContain('Loaded the saved spreadsheet');
  b.child.kill('SIGTERM');
  expect(await b.exit).toEqual({ code: 0, signal: null });

  const bad = spawn(process.execPath, [path.join(ROOT, 'scripts', 'start.mjs'), '--no-such-flag'], { cwd: ROOT, stdio: 'ignore' });
  children.push(bad);
  expect(await new Promise((r) => bad.once('exit', r))).toBe(2);
});
