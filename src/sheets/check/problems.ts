// What "Check this spreadsheet" reports: one problem (area, tab, where, what, fix, whether Repair fixes it), rows gathered into ranges, and the fix texts shared by the layout checks.
import { columnLetters } from '../a1';

/** Same shape as the contract's CheckProblem (sheets may not import the contract; the server passes it through). */
export interface Problem {
  area: 'layout' | 'values' | 'platform';
  tab: string;
  where: string;
  problem: string;
  fix: string;
  /** What Repair does about it: re-run setup's idempotent path, rewrite Attain's formulas, re-apply validations, or delete empty columns at Attain tabs' right edge; absent when only a person can fix it. */
  repair?: 'setup' | 'formulas' | 'validation' | 'trim';
}

/** The repair for anything setup makes when it is missing (tabs, columns, settings rows, index, protections): setup is safe to re-run. */
export const RERUN_SETUP = 'Run Extensions ▸ Attain ▸ Set up this spreadsheet (safe to re-run: it adds only what is missing).';
/** Why re-running setup is not the repair for a row's cells. */
export const NOT_SETUP = 'Set up does not rewrite existing rows.';

/** "rows 4–6, 9" from sheet row numbers (sorted, distinct). */
export function rowRanges(rows: readonly number[]): string {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(j === i ? `${sorted[i]}` : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return `${sorted.length === 1 ? 'row' : 'rows'} ${parts.join(', ')}`;
}

/** "column Total (M)": the header and its letter. */
export function columnText(header: string, col: number): string {
  return `column ${header} (${columnLetters(col)})`;
}

/** A cell's value for a message: blank, a number, or quoted text. */
export function shown(v: unknown): string {
  if (v === '' || v === null || v === undefined) return 'blank';
  if (typeof v === 'number') return String(Math.round(v * 1e6) / 1e6);
  if (Object.prototype.toString.call(v) === '[object Date]') return 'a date';
  return JSON.stringify(String(v));
}

/** Groups items by a key, keeping the order keys first appear in. */
export function groupBy<T>(items: readonly T[], key: (t: T) => string): T[][] {
  const m = new Map<string, T[]>();
  for (const t of items) {
    const k = key(t);
    const list = m.get(k);
    if (list) list.push(t);
    else m.set(k, [t]);
  }
  return [...m.values()];
}
