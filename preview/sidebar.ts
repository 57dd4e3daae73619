// The sidebar as the preview serves it: the real dist/Sidebar.html with the google.script.run shim (shim.ts, bundled) injected first in <head>, and the functions the shim may call.
import fs from 'node:fs';
import type { Emulator } from '../emulator';

/** Top-level functions google.script.run may reach: every function Code.js declares, less private (`_`) names and services. */
export function exposedFunctions(emulator: Emulator): string[] {
  const ctx = emulator.context as unknown as Record<string, unknown>;
  const services = new Set(Object.keys(emulator.services ?? {}));
  return Object.getOwnPropertyNames(ctx)
    .filter((n) => !n.endsWith('_') && !services.has(n) && !n.startsWith('__') && typeof ctx[n] === 'function')
    .filter((n) => /^[A-Za-z_$][\w$]*$/.test(n))
    .sort();
}

/** The built sidebar file, read afresh on each request (as HtmlService serves it), with the shim ahead of the app's own script. */
export function sidebarHtml(sidebarFile: string, functions: string[], shimJs: string): string {
  const html = fs.readFileSync(sidebarFile, 'utf8');
  const config = JSON.stringify({ functions }).replace(/</g, '\\u003c');
  const shim = `<script>window.__ATTAIN_PREVIEW__=${config};</script>\n<script>${shimJs.replace(/<\/script/gi, '<\\/script')}</script>\n`;
  const at = html.search(/<head[^>]*>/i);
  if (at < 0) return shim + html;
  const end = html.indexOf('>', at) + 1;
  return html.slice(0, end) + '\n' + shim + html.slice(end);
}
