// The local preview server behind `npm start` (which listens at once and shows how far seeding has got until the spreadsheet is ready): wires the state file (state.ts), change tracking (tracker.ts), the sidebar with its shim (sidebar.ts) and the HTTP routes (routes.ts) around one emulated clinic spreadsheet (emulator/ running dist/Code.js). Binds 127.0.0.1 only.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo, Socket } from 'node:net';
import { REPO_ROOT, type Emulator } from '../emulator';
import { bundleScripts, readCss } from './assets';
import { createRoutes } from './routes';
import { SEED_USER, type SeedProgress } from './seed';
import { exposedFunctions, sidebarHtml } from './sidebar';
import { messageOf, openSpreadsheet, stateSaver } from './state';
import { createTracker } from './tracker';

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
  /** The repository root. Default: the emulator's REPO_ROOT (found from this file, also from its bundled copy in .cache/ts). */
  root?: string;
  /** Progress lines (seeding, state problems). Default: silent. */
  log?: (line: string) => void;
  /**
   * Listen before opening the spreadsheet (npm start): until it is ready every request gets a page saying how far seeding has
   * got (503, reloading itself each second), and `listening` is told the address. Default: listen once ready.
   */
  listenFirst?: boolean;
  listening?: (url: string) => void;
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

/** What the port answers while the spreadsheet opens: how far seeding has got, as a page that reloads itself (503: not ready yet). */
function seedingPage(progress: () => SeedProgress | null): http.RequestListener {
  return (req, res) => {
    const p = progress();
    const text = p ? `Seeding the demo clinic: step ${p.done} of ${p.of}…` : 'Opening the spreadsheet…';
    const page = (req.headers.accept ?? '').includes('text/html');
    res.writeHead(503, { 'Content-Type': page ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8', 'Retry-After': '1', 'Cache-Control': 'no-store' });
    res.end(
      page
        ? `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="1"><title>Attain preview: starting</title></head><body><p>${text}</p><p>This page reloads itself; the spreadsheet opens as soon as it is ready.</p></body></html>`
        : JSON.stringify({ starting: true, message: text }),
    );
  };
}

/** Starts the preview; resolves once it serves the spreadsheet, with its address and a close() that saves and stops it. */
export async function startPreview(opts: PreviewOptions = {}): Promise<Preview> {
  const root = opts.root ?? REPO_ROOT;
  const distDir = opts.distDir ?? path.join(root, 'dist');
  const stateFile = path.resolve(opts.stateFile ?? path.join(root, '.attain-preview.json'));
  const log = opts.log ?? (() => {});
  const sidebarFile = path.join(distDir, 'Sidebar.html');
  for (const f of ['Code.js', 'Sidebar.html']) {
    if (!fs.existsSync(path.join(distDir, f))) throw new Error(`Expected ${path.join(distDir, f)}; run npm run build first`);
  }

  // The page's script and the sidebar shim bundle in esbuild's own process while the emulator starts and seeds.
  const scripts = bundleScripts(root);
  scripts.catch(() => {}); // awaited below
  await new Promise((r) => setImmediate(r)); // let the requests reach esbuild before the synchronous seeding starts
  const css = readCss(root);

  let boundPort = opts.port ?? 8080;
  const host = opts.host ?? '127.0.0.1';
  let progress: SeedProgress | null = null;
  // Until the spreadsheet is open, the port (when already listening) answers with the seeding page; then with the preview's routes.
  let handler: http.RequestListener = seedingPage(() => progress);
  const server = http.createServer((req, res) => handler(req, res));
  // Node closes an idle kept-alive socket after 5 s; a server busy past that (the emulator computes synchronously) can close one the
  // client is just reusing, which the client sees as ECONNRESET. Sockets are tracked and closed on shutdown, so a long timeout costs nothing.
  server.keepAliveTimeout = 120_000;
  const sockets = new Set<Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  let url = '';
  const listen = async (): Promise<void> => {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(boundPort, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    boundPort = (server.address() as AddressInfo).port;
    url = `http://${host.includes(':') ? `[${host}]` : host}:${boundPort}`;
  };
  if (opts.listenFirst) {
    await listen();
    opts.listening?.(url);
  }

  const opening = openSpreadsheet({ stateFile, distDir, reset: opts.reset, log, progress: (p) => (progress = p) });
  const { emulator, seeded } = await opening.catch((e: unknown) => {
    // Already listening: stop, so the caller's error is the only outcome.
    server.close();
    for (const s of sockets) s.destroy();
    throw e;
  });
  // Opening the file runs the simple trigger, which builds Extensions ▸ Attain.
  let openError: string | null = null;
  try {
    emulator.trigger('onOpen', { authMode: 'LIMITED', source: emulator.spreadsheet, user: SEED_USER });
  } catch (e) {
    openError = messageOf(e);
    log(`onOpen failed: ${openError}`);
  }
  const functions = exposedFunctions(emulator);
  const { clientJs, shimJs } = await scripts;
  emulator.calls.reset(); // what seeding and onOpen did is already in the state: count from here on

  const saver = stateSaver(stateFile, emulator, log);
  const tracker = createTracker(emulator, openError, () => saver.changed());
  if (seeded) {
    saver.changed();
    saver.save();
  }

  handler = createRoutes({ emulator, tracker, functions, clientJs, css, sidebarHtml: () => sidebarHtml(sidebarFile, functions, shimJs), port: () => boundPort, log });
  if (!opts.listenFirst) await listen();

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
          tracker.sync();
          saver.save();
          server.close(() => resolve());
          // Keep-alive and polling connections would otherwise hold the server open.
          for (const s of sockets) s.destroy();
        });
      }
      return closed;
    },
  };
}
