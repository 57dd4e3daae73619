// A1 notation: column letters, parsing "Sheet!A1:B2" / "A:A" / "1:3" and formatting ranges back, as Sheets writes them.

export const MAX_COLUMNS = 18278;

export function columnLetters(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Sheet names are quoted in A1 when they are not plain identifiers (as Sheets does). */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^[A-Za-z]{1,3}[0-9]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** A parsed A1 reference; open ends (A:A, 1:1, A2:B) are undefined and filled from the sheet's size by the caller. */
export interface A1Ref {
  sheet?: string;
  startRow?: number;
  startCol?: number;
  endRow?: number;
  endCol?: number;
}

const CELL = /^\$?([A-Za-z]{0,3})\$?([0-9]*)$/;

export function parseA1(input: string): A1Ref {
  let text = input.trim();
  const ref: A1Ref = {};
  const bang = text.lastIndexOf('!');
  if (bang >= 0) {
    let sheet = text.slice(0, bang);
    if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    ref.sheet = sheet;
    text = text.slice(bang + 1);
  }
  const parts = text.split(':');
  if (parts.length > 2 || text === '') throw new Error('Range not found');
  const a = CELL.exec(parts[0]);
  const b = parts.length === 2 ? CELL.exec(parts[1]) : a;
  if (!a || !b || (a[1] === '' && a[2] === '') || (b[1] === '' && b[2] === '')) throw new Error('Range not found');
  const num = (s: string) => (s === '' ? undefined : Number(s));
  const col = (s: string) => (s === '' ? undefined : columnNumber(s));
  if (parts.length === 1 && (a[1] === '' || a[2] === '')) throw new Error('Range not found');
  ref.startCol = col(a[1]);
  ref.startRow = num(a[2]);
  ref.endCol = col(b[1]);
  ref.endRow = num(b[2]);
  // "A:B" or "A2:B" style open ranges start at row 1 when the row is missing on the left.
  if (ref.startRow === undefined) ref.startRow = 1;
  if (ref.startCol === undefined) ref.startCol = 1;
  if (ref.startRow === 0 || ref.endRow === 0) throw new Error('Range not found');
  return ref;
}

export function cellA1(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

export function rangeA1(row: number, col: number, numRows: number, numCols: number): string {
  const a = cellA1(row, col);
  return numRows === 1 && numCols === 1 ? a : `${a}:${cellA1(row + numRows - 1, col + numCols - 1)}`;
}
