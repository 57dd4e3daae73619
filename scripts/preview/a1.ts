// A1 notation helpers shared by the preview server, its page script and the chart renderer (no Node, no DOM).

/** 1 → "A", 27 → "AA". */
export function columnLetter(col: number): string {
  let n = col;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "AA" → 27. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** (1, 1) → "A1". */
export function a1(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

/** A parsed range; rows and columns 1-based and inclusive; an open end (A:A, 2:2) is null. */
export interface A1Range {
  sheet: string | null;
  r1: number;
  c1: number;
  r2: number | null;
  c2: number | null;
}

/** Parses "A1:C13", "'Client chart'!B2:B", "Scores!A:A" or "C5". Throws on anything else. */
export function parseA1(ref: string): A1Range {
  let sheet: string | null = null;
  let body = ref.trim();
  const bang = body.lastIndexOf('!');
  if (bang >= 0) {
    sheet = body.slice(0, bang);
    body = body.slice(bang + 1);
    if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  }
  const parts = body.replace(/\$/g, '').split(':');
  if (parts.length < 1 || parts.length > 2) throw new Error(`Expected an A1 range such as A1:C13, got "${ref}"`);
  const cell = /^([A-Za-z]*)(\d*)$/;
  const m1 = cell.exec(parts[0]);
  const m2 = cell.exec(parts[1] ?? parts[0]);
  if (!m1 || !m2 || (!m1[1] && !m1[2]) || (!m2[1] && !m2[2])) throw new Error(`Expected an A1 range such as A1:C13, got "${ref}"`);
  return {
    sheet,
    r1: m1[2] ? Number(m1[2]) : 1,
    c1: m1[1] ? columnIndex(m1[1]) : 1,
    r2: m2[2] ? Number(m2[2]) : null,
    c2: m2[1] ? columnIndex(m2[1]) : null,
  };
}
