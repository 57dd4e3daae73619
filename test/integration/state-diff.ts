// Test helper: what differs between two whole-workbook states, as short lines ("Sessions!A6: '' → 'C-0001'"), so a failing "nothing changed" names the cells instead of printing the workbook.
import type { EmulatorState } from '../../emulator';

type Cell = { a1: string } & Record<string, unknown>;

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
    const cells = (s: typeof x) => new Map((s.cells as Cell[]).map((c) => [c.a1, JSON.stringify({ ...c, a1: undefined })]));
    const cx = cells(x);
    const cy = cells(y);
    for (const a1 of new Set([...cx.keys(), ...cy.keys()])) if (cx.get(a1) !== cy.get(a1)) out.push(`${name}!${a1}: ${cx.get(a1) ?? '∅'} → ${cy.get(a1) ?? '∅'}`);
    const rest = (s: typeof x) => JSON.stringify({ ...s, cells: undefined });
    if (rest(x) !== rest(y)) out.push(`${name}: sheet properties differ: ${rest(x).slice(0, 300)} → ${rest(y).slice(0, 300)}`);
  }
  // nextChartId is an id counter, not content: Sheets never reuses a chart id, so a chart made and undone leaves it advanced unseen.
  const meta = (s: EmulatorState) => JSON.stringify({ ...s, sheets: undefined, nextChartId: undefined });
  if (meta(a) !== meta(b)) out.push(`document: ${meta(a).slice(0, 400)} → ${meta(b).slice(0, 400)}`);
  return out;
}
