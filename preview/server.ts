// The local preview server behind `npm start`: wires the state file (state.ts), change tracking (tracker.ts), the sidebar with its shim (sidebar.ts) and the HTTP routes (routes.ts) around one emulated clinic spreadsheet (emulator/ running dist/Code.js). Binds 127.0.0.1 only.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo, Socket } from 'node:net';
import { REPO_ROOT, type Emulator } from '../emulator';
import { bundleScripts, readCss } from './assets';
import { createRoutes } from './routes';
import { SEED_USER } from './seed';
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

/** Starts the preview; resolves once it is listening, with its address and a close() that saves and stops it. */
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

  const { emulator, seeded } = openSpreadsheet({ stateFile, distDir, reset: opts.reset, log });
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

  let boundPort = opts.port ?? 8080;
  const host = opts.host ?? '127.0.0.1';
  const server = http.createServer(createRoutes({ emulator, tracker, functions, clientJs, css, sidebarHtml: () => sidebarHtml(sidebarFile, functions, shimJs), port: () => boundPort, log }));
  // Node closes an idle kept-alive socket after 5 s; a server busy past that (the emulator computes synchronously) can close one the
  // client is just reusing, which the client sees as ECONNRESET. Sockets are tracked and closed on shutdown, so a long timeout costs nothing.
  server.keepAliveTimeout = 120_000;
  const sockets = new Set<Socket>();
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
