// The preview's HTTP routes: the page, its script and stylesheet, the sidebar, the spreadsheet and UI as JSON, and the POSTs that run an rpc, an edit or a menu item; only this machine's own host names, JSON bodies only.
import type http from 'node:http';
import type { Emulator } from '../emulator';
import { renderPage } from './page';
import { compactView, type Menu } from './render';
import { messageOf } from './state';
import type { Tracker } from './tracker';

const MAX_BODY = 2 * 1024 * 1024;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
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
function allowedHost(req: http.IncomingMessage, port: number): boolean {
  const h = String(req.headers.host ?? '').toLowerCase();
  const ok = [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];
  if (!ok.includes(h)) return false;
  const origin = req.headers.origin;
  if (origin && origin !== 'null' && !ok.some((o) => origin.toLowerCase() === `http://${o}`)) return false;
  return true;
}

export interface RouteDeps {
  emulator: Emulator;
  tracker: Tracker;
  /** The functions google.script.run may call. */
  functions: string[];
  clientJs: string;
  css: string;
  /** The sidebar page with the shim injected. */
  sidebarHtml(): string;
  /** The port the server listens on (known once it listens). */
  port(): number;
  log(line: string): void;
}

/** The server's request listener: each route, and errors answered as {ok: false, message} with their HTTP status. */
export function createRoutes(deps: RouteDeps): http.RequestListener {
  const { emulator, tracker, functions } = deps;

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!allowedHost(req, deps.port())) throw new HttpError(403, 'Forbidden: the preview answers only http://127.0.0.1 and http://localhost');
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const route = `${req.method} ${url.pathname}`;
    switch (route) {
      case 'GET /':
      case 'HEAD /':
        return send(res, 200, 'text/html; charset=utf-8', renderPage(compactView(tracker.currentView().view), tracker.uiView(), url.searchParams.get('tab') ?? undefined), { 'content-security-policy': PAGE_CSP });
      case 'GET /client.js':
        return send(res, 200, 'text/javascript; charset=utf-8', deps.clientJs);
      case 'GET /preview.css':
        return send(res, 200, 'text/css; charset=utf-8', deps.css);
      case 'GET /sidebar':
        return send(res, 200, 'text/html; charset=utf-8', deps.sidebarHtml(), { 'content-security-policy': SIDEBAR_CSP });
      case 'GET /state': {
        const v = tracker.currentView();
        // ?compact=1 (the page): trailing blank rows left out; otherwise emulator.view() whole.
        return url.searchParams.get('compact') === '1' ? send(res, 200, 'application/json; charset=utf-8', v.compact) : json(res, 200, v.view);
      }
      case 'GET /ui':
        tracker.sync();
        return json(res, 200, tracker.uiView());
      case 'POST /rpc': {
        const body = (await readBody(req)) as { name?: unknown; args?: unknown };
        if (!body || typeof body.name !== 'string' || !Array.isArray(body.args)) throw new HttpError(400, 'Expected {"name": string, "args": array}');
        if (body.name.endsWith('_') || !functions.includes(body.name)) {
          return json(res, 200, { ok: false, message: `Script function not found: ${body.name}` });
        }
        const name = body.name;
        const args = body.args;
        try {
          const value = tracker.step(() => emulator.run(name, ...args));
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
          tracker.step(() => emulator.edit(sheet, row as number, col as number, input), true);
          return json(res, 200, { ok: true, version: tracker.version });
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
          tracker.step(() => emulator.run(fn));
          return json(res, 200, { ok: true, alerts: emulator.ui.alerts.slice(alertsBefore), sidebar: !!emulator.ui.sidebar, version: tracker.version });
        } catch (e) {
          return json(res, 200, { ok: false, message: messageOf(e), alerts: emulator.ui.alerts.slice(alertsBefore), sidebar: !!emulator.ui.sidebar, version: tracker.version });
        }
      }
      case 'POST /sidebar/close': {
        await readBody(req);
        tracker.step(() => {
          emulator.ui.sidebar = null;
        });
        return json(res, 200, { ok: true, version: tracker.version });
      }
      default:
        if (['GET /state', 'GET /ui', 'POST /rpc', 'POST /edit', 'POST /menu'].some((r) => r.endsWith(` ${url.pathname}`))) throw new HttpError(405, `${req.method} is not allowed on ${url.pathname}`);
        throw new HttpError(404, `Not found: ${url.pathname}`);
    }
  }

  return (req, res) => {
    handle(req, res).catch((e: unknown) => {
      const status = e instanceof HttpError ? e.status : 500;
      if (status === 500) deps.log(`Error on ${req.method} ${req.url}: ${e instanceof Error ? e.stack : String(e)}`);
      if (!res.headersSent) json(res, status, { ok: false, message: messageOf(e) });
      else res.end();
    });
  };
}
