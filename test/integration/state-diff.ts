// Test helper: what differs between two whole-workbook states, as short lines ("Sessions!A6: '' → 'C-0001'"), so a failing "nothing changed" names the cells instead of printing the workbook.
import type { EmulatorState } from '../../emulator';

type Cell = { a1: string } & Record<string, unknown>;

/** JSON with every object's keys sorted: a cell's format keys come in the order they were set, which a saved and loaded document does not keep. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.keys(x).sort().map((k) => [k, (x as Record<string, unknown>)[k]])) : x));
}

/** Differences by sheet and cell (values, formulas, formats), then in sheet properties and document properties; [] when equal. */
export function stateDiff(a: EmulatorState, b: EmulatorState): string[] {
  const out: string[] = [];
  const names = new Set([...a.sheets.map((s) => s.name), ...b.sheets.map((s) => s.name)]);
  for (const name of names) {
    const x = a.sheets.find((s) => s.name === name);
    const y = b.sheets.find((s) => s.name === name);
    if (!x || !y) {
      out.push(`${name}: ${x ? 'removed' : 'added'}`);
      continue;
    }
    const cells = (s: typeof x) => new Map((s.cells as Cell[]).map((c) => [c.a1, { ...c, a1: undefined }]));
    const cx = cells(x);
    const cy = cells(y);
    // Plain JSON first (most cells are written alike); the canonical form only where it differs, as it costs far more.
    const same = (p: object | undefined, q: object | undefined) => (p && q ? JSON.stringify(p) === JSON.stringify(q) || canonical(p) === canonical(q) : p === q);
    const text = (c: object | undefined) => (c ? canonical(c) : '∅');
    for (const a1 of new Set([...cx.keys(), ...cy.keys()])) if (!same(cx.get(a1), cy.get(a1))) out.push(`${name}!${a1}: ${text(cx.get(a1))} → ${text(cy.get(a1))}`);
    const rest = (s: typeof x) => JSON.stringify({ ...s, cells: undefined });
    if (rest(x) !== rest(y)) out.push(`${name}: sheet properties differ: ${rest(x).slice(0, 300)} → ${rest(y).slice(0, 300)}`);
  }
  // nextChartId is an id counter, not content: Sheets never reuses a chart id, so a chart made and undone leaves it advanced unseen.
  const meta = (s: EmulatorState) => JSON.stringify({ ...s, sheets: undefined, nextChartId: undefined });
  if (meta(a) !== meta(b)) out.push(`document: ${meta(a).slice(0, 400)} → ${meta(b).slice(0, 400)}`);
  return out;
}
