// A1 notation, the one module for all: column letters, cells and ranges, and parsing "Sheet!A1:B2" / "A:A" / "1:3" as Sheets does (pure; the add-on, emulator and preview share it).

/** The widest sheet Sheets allows (column ZZZ). */
export const MAX_COLUMNS = 18278;

/** Column number → letters: 1 → "A", 27 → "AA". */
export function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Column letters (upper case) → number: "A" → 1, "AA" → 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** (row, col) → "A1". */
export function cellA1(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

/** A block of cells → "A1:B2", or "A1" for one cell. */
export function rangeA1(row: number, col: number, numRows: number, numCols: number): string {
  const a = cellA1(row, col);
  return numRows === 1 && numCols === 1 ? a : `${a}:${cellA1(row + numRows - 1, col + numCols - 1)}`;
}

/** Sheet names are quoted in A1 when they are not plain identifiers (as Sheets does). */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^[A-Za-z]{1,3}[0-9]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** A parsed A1 reference, 1-based and inclusive; a missing start is 1, an open end (A:A, 1:1, A2:B) is undefined and filled from the sheet's size by the caller. */
export interface A1Ref {
  sheet?: string;
  startRow: number;
  startCol: number;
  endRow?: number;
  endCol?: number;
}

const CELL = /^\$?([A-Za-z]{0,3})\$?([0-9]*)$/;

/** Parses "A1:C13", "'Client chart'!B2:B", "Scores!A:A", "2:3" or "C5" ($ allowed, letters in either case); throws "Range not found" on anything else. */
export function parseA1(input: string): A1Ref {
  let text = input.trim();
  let sheet: string | undefined;
  const bang = text.lastIndexOf('!');
  if (bang >= 0) {
    sheet = text.slice(0, bang);
    if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    text = text.slice(bang + 1);
  }
  const parts = text.split(':');
  if (parts.length > 2 || text === '') throw new Error('Range not found');
  const a = CELL.exec(parts[0]);
  const b = parts.length === 2 ? CELL.exec(parts[1]) : a;
  if (!a || !b || (a[1] === '' && a[2] === '') || (b[1] === '' && b[2] === '')) throw new Error('Range not found');
  if (parts.length === 1 && (a[1] === '' || a[2] === '')) throw new Error('Range not found');
  const num = (s: string) => (s === '' ? undefined : Number(s));
  const col = (s: string) => (s === '' ? undefined : columnNumber(s.toUpperCase()));
  // "A:B" or "2:3" style open ranges start at row or column 1 when the left side leaves it out.
  const ref: A1Ref = { startRow: num(a[2]) ?? 1, startCol: col(a[1]) ?? 1, endRow: num(b[2]), endCol: col(b[1]) };
  if (sheet !== undefined) ref.sheet = sheet;
  if (ref.startRow === 0 || ref.endRow === 0) throw new Error('Range not found');
  return ref;
}
