// Test-only set-up for the preview's browser tests: a preview server in-process on a free port, and its JSON endpoints read
// back (the browser itself is driven through kit/browser.ts, shared with the screenshots and the bench).
import path from 'node:path';
import { startPreview, type Preview, type PreviewOptions } from '../../../preview/server';
import type { SpreadsheetView, UiView } from '../../../preview/render';

export const ROOT = path.resolve(__dirname, '..', '..', '..');

export async function startTestPreview(stateFile: string, more: Partial<PreviewOptions> = {}): Promise<Preview> {
  return startPreview({ port: 0, stateFile, reset: false, root: ROOT, ...more });
}

export async function getJson<T>(preview: Preview, p: string): Promise<T> {
  const res = await fetch(`${preview.url}${p}`);
  if (!res.ok) throw new Error(`GET ${p}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

export async function postJson<T>(preview: Preview, p: string, body: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${preview.url}${p}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as T };
}

export const getState = (preview: Preview): Promise<SpreadsheetView> => getJson<SpreadsheetView>(preview, '/state');
export const getUi = (preview: Preview): Promise<UiView> => getJson<UiView>(preview, '/ui');

/** All cells of a sheet as {a1 → cell}. */
export function cellsOf(view: SpreadsheetView, sheet: string): Map<string, { v: string; f?: string; err?: string; row: number; col: number }> {
  const s = view.sheets.find((x) => x.name === sheet);
  const out = new Map<string, { v: string; f?: string; err?: string; row: number; col: number }>();
  s?.rows.forEach((r, ri) =>
    r.forEach((c, ci) => {
      out.set(`${ri + 1}:${ci + 1}`, { ...c, row: ri + 1, col: ci + 1 });
    }),
  );
  return out;
}
