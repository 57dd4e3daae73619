// The local preview server behind `npm start`: one emulated clinic spreadsheet (test/emulator running dist/Code.js),
// a page that shows its tabs, charts and add-on menu, and the real dist/Sidebar.html with a google.script.run shim.
// Binds 127.0.0.1 only; state lives in one JSON file and survives restarts.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import * as esbuild from 'esbuild';
import { createEmulator, type Emulator, type EmulatorState } from '../../test/emulator';
import { compactView, renderPage, type Menu, type SpreadsheetView, type UiView } from './render';
import { seedEmulator, SEED_TIME_ZONE, SEED_USER } from './seed';

export interface PreviewOptions {
  /** 0 picks a free port. Default 8080. */
  port?: number;
  /** Default 127.0.0.1; the preview never listens on other interfaces unless told. */
  host?: string;
  /** Where the spreadsheet is kept between runs. Default <root>/.attain-preview.json. */
  stateFile?: string;
  /** Ignore (and delete) the saved state and seed a fresh demo clinic. */
  reset?: boolean;
  /** The built add-on. Default <root>/dist. */
  distDir?: string;
  /** The repository root. Default: two folders up from this file (also right for its bundled copy in .cache/ts). */
  root?: string;
  /** Progress lines (seeding, state problems). Default: silent. */
  log?: (line: string) => void;
}

export interface Preview {
  url: string;
  port: number;
  /** True when this start seeded a fresh demo clinic (no saved state, a reset, or an unreadable state file). */
  seeded: boolean;
  stateFile: string;
  readonly emulator: Emulator;
  close(): Promise<void>;
}

const MAX_BODY = 2 * 1024 * 1024;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Top-level functions google.script.run may reach: every function Code.js declares, less private (`_`) names and services. */
function exposedFunctions(emulator: Emulator): string[] {
  const ctx = emulator.context as unknown as Record<string, unknown>;
  const services = new Set(Object.keys(emulator.services ?? {}));
  return Object.getOwnPropertyNames(ctx)
    .filter((n) => !n.endsWith('_') && !services.has(n) && !n.startsWith('__') && typeof ctx[n] === 'function')
    .filter((n) => /^[A-Za-z_$][\w$]*$/.test(n))
    .sort();
}

function readState(file: string): EmulatorState | null {
  if (!fs.existsSync(file)) return null;
  return JSON.parse(fs.readFileSync(file, 'utf8')) as EmulatorState;
}

/** Writes through a temporary file and a rename, so a crash mid-write never leaves half a state file. */
function writeAtomic(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

async function bundle(root: string, entry: string): Promise<string> {
  const out = await esbuild.build({
    entryPoints: [path.join(root, 'scripts', 'preview', entry)],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    minify: false,
    write: false,
    logLevel: 'warning',
    legalComments: 'none',
    charset: 'utf8',
  });
  return out.outputFiles[0].text;
}

function readBody(req: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const type = String(req.headers['content-type'] ?? '');
    // JSON only: a cross-site form post cannot send this type without a CORS preflight, which this server never grants.
    if (!/^application\/json\b/i.test(type)) {
      reject(new HttpError(415, 'Expected Content-Type: application/json'));
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new HttpError(413, 'Request body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null'));
      } catch {
        reject(new HttpError(400, 'Request body is not JSON'));
      }
    });
    req.on('error', reject);
  });
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Starts the preview; resolves once it is listening, with its address and a close() that saves and stops it. */
export async function startPreview(opts: PreviewOptions = {}): Promise<Preview> {
  const root = opts.root ?? path.resolve(__dirname, '..', '..');
  const distDir = opts.distDir ?? path.join(root, 'dist');
  const stateFile = path.resolve(opts.stateFile ?? path.join(root, '.attain-preview.json'));
  const log = opts.log ?? (() => {});
  const sidebarFile = path.join(distDir, 'Sidebar.html');
  for (const f of ['Code.js', 'Sidebar.html']) {
    if (!fs.existsSync(path.join(distDir, f))) throw new Error(`Expected ${path.join(distDir, f)}; run npm run build first`);
  }

  // The page's script and the sidebar shim bundle in esbuild's own process while the emulator starts and seeds.
  const assets = Promise.all([bundle(root, 'client.ts'), bundle(root, 'shim.ts')]);
  assets.catch(() => {}); // awaited below
  await new Promise((r) => setImmediate(r)); // let the requests reach esbuild before the synchronous seeding starts
  const css = fs.readFileSync(path.join(root, 'scripts', 'preview', 'preview.css'), 'utf8');

  // ---- The emulated spreadsheet: saved state, or a freshly seeded demo clinic ----
  let emulator: Emulator;
  let seeded = false;
  let saved: EmulatorState | null = null;
  if (opts.reset) {
    fs.rmSync(stateFile, { force: true });
  } else {
    try {
      saved = readState(stateFile);
    } catch (e) {
      const aside = `${stateFile}.unreadable-${Date.now()}`;
      fs.renameSync(stateFile, aside);
      log(`Could not read ${stateFile} (${messageOf(e)}); moved it to ${aside} and starting fresh.`);
    }
  }
  if (saved) {
    emulator = createEmulator({ distDir, state: saved, user: SEED_USER });
  } else {
    emulator = createEmulator({ distDir, user: SEED_USER, timeZone: SEED_TIME_ZONE });
    log('Seeding a demo clinic (fictional clients DEMO-01 …)…');
    seedEmulator(emulator);
    seeded = true;
  }
  // Opening the file runs the simple trigger, which builds Extensions ▸ Attain.
  let openError: string | null = null;
  try {
    emulator.trigger('onOpen', { authMode: 'LIMITED', source: emulator.spreadsheet, user: SEED_USER });
  } catch (e) {
    openError = messageOf(e);
    log(`onOpen failed: ${openError}`);
  }
  const functions = exposedFunctions(emulator);
  const [clientJs, shimJs] = await assets;
  emulator.calls.reset(); // what seeding and onOpen did is already in the state: count from here on

  // ---- Change tracking: a version counter the page polls, and the state file, saved shortly after each change ----
  // exportState() of a whole clinic takes a good part of a second, so it runs only after calls that changed something
  // (the emulator counts every service call by kind), and a burst of changes is saved once.
  let version = 1;
  let dirty = false;
  let saveTimer: NodeJS.Timeout | null = null;
  let viewCache: { key: number; view: SpreadsheetView; compact: string } | null = null;
  let sidebarSerial = emulator.ui.sidebar ? 1 : 0;
  let lastSidebar: unknown = emulator.ui.sidebar;

  function save(): void {
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = null;
    if (!dirty) return;
    dirty = false;
    try {
      writeAtomic(stateFile, JSON.stringify(emulator.exportState()));
    } catch (e) {
      dirty = true;
      log(`Could not save ${stateFile}: ${messageOf(e)}`);
    }
  }
  if (seeded) {
    dirty = true;
    save();
  }

  /** Whether the emulated calls since the last look changed the document (cells, formats, tabs, charts, properties). */
  function takeMutations(): boolean {
    const c = emulator.calls;
    const changed = c.write + c.format + c.structure + c.chart > 0 || c.log.some((name) => /^Properties\.(set|delete)/.test(name));
    c.reset(); // also keeps the call log from growing for as long as the preview runs
    return changed;
  }

  function markChanged(): void {
    version += 1;
    viewCache = null;
    dirty = true;
    if (!saveTimer) saveTimer = setTimeout(save, 150);
  }

  /** Runs one mutation-capable step (an rpc, a menu item, an edit) and records what it changed. */
  function step<T>(fn: () => T, alwaysChanges = false): T {
    if (takeMutations()) markChanged(); // changes made directly on emulator (tests) count too
    const uiNow = (): string => JSON.stringify([emulator.ui.menus, emulator.ui.alerts.length, emulator.ui.toasts?.length ?? 0]);
    const uiBefore = uiNow();
    try {
      return fn();
    } finally {
      if (takeMutations() || alwaysChanges) markChanged();
      if (emulator.ui.sidebar !== lastSidebar) {
        lastSidebar = emulator.ui.sidebar;
        if (emulator.ui.sidebar) sidebarSerial += 1;
        version += 1;
      } else if (uiNow() !== uiBefore) {
        version += 1;
      }
    }
  }

  /** emulator.view(), and its compact JSON for the page, computed once per change. */
  function currentView(): { view: SpreadsheetView; compact: string } {
    if (takeMutations()) markChanged();
    if (!viewCache || viewCache.key !== version) {
      const view = emulator.view() as unknown as SpreadsheetView;
      viewCache = { key: version, view, compact: JSON.stringify(compactView(view)) };
    }
    return viewCache;
  }

  function uiView(): UiView & { openError: string | null; sidebarSerial: number } {
    return {
      version,
      menus: emulator.ui.menus as Menu[],
      sidebar: emulator.ui.sidebar ? { title: emulator.ui.sidebar.title || 'Attain' } : null,
      alerts: [...emulator.ui.alerts],
      toasts: [...(emulator.ui.toasts ?? [])],
      openError,
      sidebarSerial,
    };
  }

  function sidebarHtml(): string {
    // The real built file, as HtmlService serves it, with the shim first in <head> so it exists before the app runs.
    const html = fs.readFileSync(sidebarFile, 'utf8');
    const config = JSON.stringify({ functions }).replace(/</g, '\\u003c');
    const shim = `<script>window.__ATTAIN_PREVIEW__=${config};</script>\n<script>${shimJs.replace(/<\/script/gi, '<\\/script')}</script>\n`;
    const at = html.search(/<head[^>]*>/i);
    if (at < 0) return shim + html;
    const end = html.indexOf('>', at) + 1;
    return html.slice(0, end) + '\n' + shim + html.slice(end);
  }

  // ---- HTTP ----
  let boundPort = opts.port ?? 8080;
  const host = opts.host ?? '127.0.0.1';

  function send(res: http.ServerResponse, status: number, type: string, body: string, extra: Record<string, string> = {}): void {
    res.writeHead(status, {
      'content-type': type,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      ...extra,
    });
    res.end(body);
  }
  const json = (res: http.ServerResponse, status: number, value: unknown): void => send(res, status, 'application/json; charset=utf-8', JSON.stringify(value === undefined ? null : value));

  // Nothing here may load from another origin: no CDN, no fonts, no beacons.
  const PAGE_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-src 'self'; font-src 'none'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
  const SIDEBAR_CSP = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'none'; object-src 'none'; form-action 'self'; frame-ancestors 'self'";

  /** Only this machine's own names: a page elsewhere that re-points its host name at 127.0.0.1 gets nothing. */
  function allowedHost(req: http.IncomingMessage): boolean {
    const h = String(req.headers.host ?? '').toLowerCase();
    const ok = [`127.0.0.1:${boundPort}`, `localhost:${boundPort}`, `[::1]:${boundPort}`];
    if (!ok.includes(h)) return false;
    const origin = req.headers.origin;
    if (origin && origin !== 'null' && !ok.some((o) => origin.toLowerCase() === `http://${o}`)) return false;
    return true;
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!allowedHost(req)) throw new HttpError(403, 'Forbidden: the preview answers only http://127.0.0.1 and http://localhost');
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const route = `${req.method} ${url.pathname}`;
    switch (route) {
      case 'GET /':
      case 'HEAD /':
        return send(res, 200, 'text/html; charset=utf-8', renderPage(compactView(currentView().view), uiView(), url.searchParams.get('tab') ?? undefined), { 'content-security-policy': PAGE_CSP });
      case 'GET /client.js':
        return send(res, 200, 'text/javascript; charset=utf-8', clientJs);
      case 'GET /preview.css':
        return send(res, 200, 'text/css; charset=utf-8', css);
      case 'GET /sidebar':
        return send(res, 200, 'text/html; charset=utf-8', sidebarHtml(), { 'content-security-policy': SIDEBAR_CSP });
      case 'GET /state': {
        const v = currentView();
        // ?compact=1 (the page): trailing blank rows left out; otherwise emulator.view() whole.
        return url.searchParams.get('compact') === '1' ? send(res, 200, 'application/json; charset=utf-8', v.compact) : json(res, 200, v.view);
      }
      case 'GET /ui':
        if (takeMutations()) markChanged();
        return json(res, 200, uiView());
      case 'POST /rpc': {
        const body = (await readBody(req)) as { name?: unknown; args?: unknown };
        if (!body || typeof body.name !== 'string' || !Array.isArray(body.args)) throw new HttpError(400, 'Expected {"name": string, "args": array}');
        if (body.name.endsWith('_') || !functions.includes(body.name)) {
          return json(res, 200, { ok: false, message: `Script function not found: ${body.name}` });
        }
        const name = body.name;
        const args = body.args;
        try {
          const value = step(() => emulator.run(name, ...args));
          return json(res, 200, value === undefined ? { ok: true } : { ok: true, value });
        } catch (e) {
          return json(res, 200, { ok: false, message: messageOf(e) });
        }
      }
      case 'POST /edit': {
        const body = (await readBody(req)) as { sheet?: unknown; row?: unknown; col?: unknown; input?: unknown };
        const { sheet, row, col, input } = body ?? {};
        if (typeof sheet !== 'string' || !Number.isInteger(row) || !Number.isInteger(col) || (row as number) < 1 || (col as number) < 1 || typeof input !== 'string') {
          throw new HttpError(400, 'Expected {"sheet": string, "row": integer ≥ 1, "col": integer ≥ 1, "input": string}');
        }
        try {
          step(() => emulator.edit(sheet, row as number, col as number, input), true);
          return json(res, 200, { ok: true, version });
        } catch (e) {
          return json(res, 200, { ok: false, message: messageOf(e) });
        }
      }
      case 'POST /menu': {
        const body = (await readBody(req)) as { fn?: unknown };
        const fn = body?.fn;
        const items = (emulator.ui.menus as Menu[]).flatMap((m) => m.items).filter((i): i is { label: string; fn: string } => i !== 'separator');
        if (typeof fn !== 'string' || !items.some((i) => i.fn === fn)) throw new HttpError(400, `Not an item of the add-on menu: ${String(fn)}`);
        const alertsBefore = emulator.ui.alerts.length;
        try {
          step(() => emulator.run(fn));
          return json(res, 200, { ok: true, alerts: emulator.ui.alerts.slice(alertsBefore), sidebar: !!emulator.ui.sidebar, version });
        } catch (e) {
          return json(res, 200, { ok: false, message: messageOf(e), alerts: emulator.ui.alerts.slice(alertsBefore), sidebar: !!emulator.ui.sidebar, version });
        }
      }
      case 'POST /sidebar/close': {
        await readBody(req);
        step(() => {
          emulator.ui.sidebar = null;
        });
        return json(res, 200, { ok: true, version });
      }
      default:
        if (['GET /state', 'GET /ui', 'POST /rpc', 'POST /edit', 'POST /menu'].some((r) => r.endsWith(` ${url.pathname}`))) throw new HttpError(405, `${req.method} is not allowed on ${url.pathname}`);
        throw new HttpError(404, `Not found: ${url.pathname}`);
    }
  }

  const sockets = new Set<import('node:net').Socket>();
  const server = http.createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      const status = e instanceof HttpError ? e.status : 500;
      if (status === 500) log(`Error on ${req.method} ${req.url}: ${e instanceof Error ? e.stack : String(e)}`);
      if (!res.headersSent) json(res, status, { ok: false, message: messageOf(e) });
      else res.end();
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(boundPort, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  boundPort = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${boundPort}`;

  let closed: Promise<void> | null = null;
  return {
    url,
    port: boundPort,
    seeded,
    stateFile,
    get emulator() {
      return emulator;
    },
    close() {
      if (!closed) {
        closed = new Promise<void>((resolve) => {
          if (takeMutations()) markChanged();
          save();
          server.close(() => resolve());
          // Keep-alive and polling connections would otherwise hold the server open.
          for (const s of sockets) s.destroy();
        });
      }
      return closed;
    },
  };
}
