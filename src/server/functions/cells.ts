// Argument plumbing for custom functions: what Sheets passes (scalar, 2-D range, '' for blank) to and from core calls.
import { isBlank } from '../../core/numbers';

export type Cell = number | string;
export type Out = Cell | Cell[][];

/** A range arrives as rows of cells; a 1-D array (from script callers) counts as one row. */
export function toGrid(value: unknown): unknown[][] {
  if (!Array.isArray(value)) return [[value]];
  if (value.length === 0) return [];
  return Array.isArray(value[0]) ? (value as unknown[][]) : [value];
}

export function shapeOf(grid: unknown[][]): string {
  return `${grid.length}×${grid.length ? grid[0].length : 0}`;
}

/** Throws unless both ranges have the same rows and columns, naming both shapes. */
export function sameShape(a: unknown[][], b: unknown[][], aName: string, bName: string): void {
  let ok = a.length === b.length;
  for (let r = 0; ok && r < a.length; r++) ok = a[r].length === b[r].length;
  if (!ok) throw new Error(`${bName} must be the same shape as ${aName}; got ${shapeOf(b)} for ${bName} and ${shapeOf(a)} for ${aName}`);
}

/** Every cell of a grid in reading order. */
export function flatten(grid: unknown[][]): unknown[] {
  return grid.length === 1 ? grid[0] : ([] as unknown[]).concat(...grid);
}

/** A one-cell argument such as an instrument name; a range is refused. */
export function single(value: unknown, name: string): unknown {
  if (!Array.isArray(value)) return value;
  const g = toGrid(value);
  if (g.length === 1 && g[0].length === 1) return g[0][0];
  throw new Error(`${name} must be a single cell; got a ${shapeOf(g)} range`);
}

/** Omitted optional arguments arrive as undefined (or '' when skipped with a comma). */
export function omitted(value: unknown): boolean {
  return isBlank(value);
}

/**
 * Applies `fn` cell by cell: scalars in, scalar out; ranges must share one shape (scalars are reused for every cell).
 * A blank in any argument gives '' for that cell; an error names the cell's place in the range.
 */
export function elementwise(args: unknown[], names: string[], fn: (...values: unknown[]) => Cell): Out {
  let shape: unknown[][] | null = null;
  let shapeName = '';
  const grids: (unknown[][] | null)[] = args.map((a, i) => {
    if (!Array.isArray(a)) return null;
    const g = toGrid(a);
    if (shape) sameShape(shape, g, shapeName, names[i]);
    else {
      shape = g;
      shapeName = names[i];
    }
    return g;
  });
  const vals = new Array<unknown>(args.length);
  if (!shape) {
    for (let i = 0; i < args.length; i++) if (isBlank(args[i])) return '';
    return fn(...args);
  }
  const base = shape as unknown[][];
  const out: Cell[][] = new Array(base.length);
  for (let r = 0; r < base.length; r++) {
    const row: Cell[] = (out[r] = new Array(base[r].length));
    for (let c = 0; c < base[r].length; c++) {
      let blank = false;
      for (let i = 0; i < args.length; i++) {
        const g = grids[i];
        vals[i] = g ? g[r][c] : args[i];
        if (isBlank(vals[i])) blank = true;
      }
      if (blank) {
        row[c] = '';
        continue;
      }
      try {
        row[c] = fn(...vals);
      } catch (e) {
        throw new Error(`${(e as Error).message} (row ${r + 1}, column ${c + 1} of the range)`);
      }
    }
  }
  return out;
}
