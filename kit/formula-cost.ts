// Static formula cost: how many cells the references of a workbook's formulas cover, counted by fixed rules (below), as an estimate of what Sheets must scan that no formula engine's timing can blur.
//
// Counting rules (issue 14, Deliver 4), applied to every formula cell:
//  1. A single-cell reference covers 1 cell; a bounded range covers its rows × columns.
//  2. A whole-column (`C:C`, `C:E`) or open-ended (`C2:C`) range covers the referenced tab's used rows from its first
//     row (at least 0) × its columns: what Sheets must look at grows with the tab, whatever the grid's size.
//  3. The range argument of INDEX (its first argument, when that argument is one plain reference) counts 1: INDEX reads
//     one cell by position.
//  4. The lookup range of a binary search counts ⌈log₂(size)⌉ (at least 1): MATCH with match type 1 or −1 (or omitted,
//     which means 1) and XLOOKUP with search mode 2 or −2, when that argument is one plain reference.
//  5. Every other reference counts in full each time it is written (XLOOKUP's result range too: conservative), whatever
//     function holds it; a reference inside a nested call is counted by that call's rules.
//  6. A formula that spills counts once (its cell), like any other formula cell: FILTER(Ratings!E:E, Ratings!A:A=$B$1) costs
//     Ratings' used rows twice, whatever the number of rows it spills; the spilled cells are not formula cells, and a cell
//     reading them (a whole column of its own tab, a bounded range, INDEX) counts by rules 1–5.
// Conditional formats and validations are not formula cells and are not counted.
import type { EmulatorState } from '../emulator';

export interface FormulaCell {
  /** The tab holding the formula (unqualified references point at it). */
  sheet: string;
  formula: string;
}

export interface FormulaCost {
  formulaCells: number;
  /** Cells the references cover, by the rules above. */
  refCells: number;
  /** References that are whole-column or open-ended (rule 2). */
  openRefs: number;
  /** refCells by the tab holding the formula. */
  bySheet: Record<string, number>;
}

interface Ref {
  sheet: string;
  startCol: number;
  endCol: number;
  /** null: whole column (`C:C`). */
  startRow: number | null;
  /** null: open-ended (`C2:C`, `C:C`). */
  endRow: number | null;
}

type Token = { kind: 'fn'; name: string } | { kind: 'open' | 'close' | 'comma' | 'brace-open' | 'brace-close' | 'other'; text: string } | { kind: 'ref'; ref: Ref; text: string };

const colNumber = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

// A reference: optional sheet ('Quoted name'! or Bare!), then A1, A1:B2, A:B or A2:B.
const REF = /^(?:'((?:[^']|'')+)'!|([A-Za-z_][A-Za-z0-9_.]*)!)?\$?([A-Z]{1,3})(\$?\d+)?(?::\$?([A-Z]{1,3})(\$?\d+)?)?(?![A-Za-z0-9_(])/;

/** Splits a formula into function calls, parentheses, commas, references and everything else (strings skipped). */
export function tokens(formula: string, sheet: string): Token[] {
  const out: Token[] = [];
  let i = formula.startsWith('=') ? 1 : 0;
  while (i < formula.length) {
    const rest = formula.slice(i);
    const ch = formula[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < formula.length && !(formula[j] === '"' && formula[j + 1] !== '"')) j += formula[j] === '"' ? 2 : 1;
      out.push({ kind: 'other', text: formula.slice(i, j + 1) });
      i = j + 1;
      continue;
    }
    const fn = /^([A-Za-z_][A-Za-z0-9_.]*)\(/.exec(rest);
    if (fn) {
      out.push({ kind: 'fn', name: fn[1].toUpperCase() });
      i += fn[0].length;
      continue;
    }
    const m = REF.exec(rest);
    if (m && (m[4] !== undefined || m[5] !== undefined)) {
      const tab = m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? sheet);
      const r1 = m[4] ? Number(m[4].replace('$', '')) : null;
      const r2 = m[5] ? (m[6] ? Number(m[6].replace('$', '')) : null) : r1;
      const c1 = colNumber(m[3]);
      const c2 = m[5] ? colNumber(m[5]) : c1;
      out.push({ kind: 'ref', ref: { sheet: tab, startCol: Math.min(c1, c2), endCol: Math.max(c1, c2), startRow: r1, endRow: r2 }, text: m[0] });
      i += m[0].length;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(rest);
    if (word) {
      out.push({ kind: 'other', text: word[0] });
      i += word[0].length;
      continue;
    }
    const kind = ch === '(' ? 'open' : ch === ')' ? 'close' : ch === ',' || ch === ';' ? 'comma' : ch === '{' ? 'brace-open' : ch === '}' ? 'brace-close' : 'other';
    out.push({ kind, text: ch } as Token);
    i += 1;
  }
  return out;
}

/** Cells a reference covers in full (rules 1–2); `usedRows` gives each tab's last used row, by lower-case name. */
export function refSize(ref: Ref, usedRows: ReadonlyMap<string, number>): number {
  const cols = ref.endCol - ref.startCol + 1;
  if (ref.endRow !== null && ref.startRow !== null) return (Math.abs(ref.endRow - ref.startRow) + 1) * cols;
  const used = usedRows.get(ref.sheet.toLowerCase()) ?? 0;
  const from = ref.startRow ?? 1;
  return Math.max(0, used - from + 1) * cols;
}

const isOpen = (ref: Ref) => ref.endRow === null;

interface Frame {
  name: string;
  /** Per argument: its tokens at this level (nested calls' tokens are not included). */
  args: Token[][];
  /** Per argument: whether it holds a nested call (then it is not "one plain reference"). */
  nested: boolean[];
}

/** The cost of one formula by the rules above. */
export function formulaCost(formula: string, sheet: string, usedRows: ReadonlyMap<string, number>): { cells: number; openRefs: number } {
  let cells = 0;
  let openRefs = 0;
  const full = (t: Token) => {
    if (t.kind !== 'ref') return;
    cells += refSize(t.ref, usedRows);
    if (isOpen(t.ref)) openRefs++;
  };
  const plainRef = (f: Frame, i: number): Extract<Token, { kind: 'ref' }> | null => {
    const a = (f.args[i] ?? []).filter((t) => !(t.kind === 'other' && /^\s+$/.test(t.text)));
    return !f.nested[i] && a.length === 1 && a[0].kind === 'ref' ? a[0] : null;
  };
  const literal = (f: Frame, i: number): string => (f.args[i] ?? []).map((t) => ('text' in t ? t.text : '')).join('').replace(/\s/g, '');
  const close = (f: Frame) => {
    const special = new Map<number, number>();
    if (f.name === 'INDEX' && plainRef(f, 0)) special.set(0, 1);
    const binary = (i: number) => {
      const r = plainRef(f, i);
      if (r) special.set(i, Math.max(1, Math.ceil(Math.log2(Math.max(1, refSize(r.ref, usedRows))))));
    };
    if (f.name === 'MATCH' && (f.args.length < 3 || ['1', '-1', ''].includes(literal(f, 2)))) binary(1);
    if (f.name === 'XLOOKUP' && ['2', '-2'].includes(literal(f, 5))) binary(1);
    f.args.forEach((arg, i) => {
      const s = special.get(i);
      if (s !== undefined) {
        cells += s;
        const r = plainRef(f, i)!;
        if (isOpen(r.ref)) openRefs++;
      } else arg.forEach(full);
    });
  };
  const stack: Frame[] = [{ name: '', args: [[]], nested: [false] }];
  const top = () => stack[stack.length - 1];
  for (const t of tokens(formula, sheet)) {
    if (t.kind === 'fn') {
      top().nested[top().args.length - 1] = true;
      stack.push({ name: t.name, args: [[]], nested: [false] });
    } else if (t.kind === 'open' || t.kind === 'brace-open') {
      top().nested[top().args.length - 1] = true;
      stack.push({ name: t.kind === 'open' ? '(' : '{', args: [[]], nested: [false] });
    } else if ((t.kind === 'close' || t.kind === 'brace-close') && stack.length > 1) {
      close(stack.pop()!);
    } else if (t.kind === 'comma' && top().name !== '(' && top().name !== '{' && stack.length > 1) {
      top().args.push([]);
      top().nested.push(false);
    } else top().args[top().args.length - 1].push(t);
  }
  while (stack.length) close(stack.pop()!);
  return { cells, openRefs };
}

/** The cost of every formula cell of a workbook. */
export function workbookFormulaCost(cells: readonly FormulaCell[], usedRows: ReadonlyMap<string, number>): FormulaCost {
  const out: FormulaCost = { formulaCells: 0, refCells: 0, openRefs: 0, bySheet: {} };
  for (const c of cells) {
    const { cells: n, openRefs } = formulaCost(c.formula, c.sheet, usedRows);
    out.formulaCells++;
    out.refCells += n;
    out.openRefs += openRefs;
    out.bySheet[c.sheet] = (out.bySheet[c.sheet] ?? 0) + n;
  }
  return out;
}

/** Formula cells, each tab's last used row and the data cells (non-empty, not formulas) of an emulator's saved state. */
export function costInputOf(state: EmulatorState): { formulas: FormulaCell[]; usedRows: Map<string, number>; dataCells: number } {
  const formulas: FormulaCell[] = [];
  const usedRows = new Map<string, number>();
  let dataCells = 0;
  for (const s of state.sheets) {
    let last = 0;
    for (const c of s.cells) {
      const hasValue = c.v !== undefined && c.v !== null && c.v !== '';
      if (!c.f && !hasValue) continue;
      const row = Number(/\d+$/.exec(c.a1)?.[0] ?? 0);
      if (row > last) last = row;
      if (c.f) formulas.push({ sheet: s.name, formula: c.f });
      else dataCells++;
    }
    usedRows.set(s.name.toLowerCase(), last);
  }
  return { formulas, usedRows, dataCells };
}
