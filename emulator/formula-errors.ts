// Formula errors as Sheets shows them: the cell's error text (#DIV/0!, #REF! …) and its tooltip message, from HyperFormula's error types.
import type { DetailedCellError } from 'hyperformula';

/** Sheets' displayed error text for each HyperFormula error type. */
export const SHEETS_ERROR_TEXT: Record<string, string> = {
  DIV_BY_ZERO: '#DIV/0!',
  NA: '#N/A',
  NAME: '#NAME?',
  NUM: '#NUM!',
  REF: '#REF!',
  VALUE: '#VALUE!',
  ERROR: '#ERROR!',
  CYCLE: '#REF!',
  SPILL: '#REF!',
  LIC: '#ERROR!',
};

export function errorText(e: DetailedCellError): string {
  return SHEETS_ERROR_TEXT[e.type] ?? e.value;
}

/** Sheets' tooltip text for an error cell (the message the preview shows). */
export function errorMessage(e: DetailedCellError): string {
  if (e.type === 'CYCLE') return 'Circular dependency detected. To resolve with iterative calculation, see File > Settings.';
  if (e.type === 'SPILL') return 'Array result was not expanded because it would overwrite data.';
  if (e.type === 'ERROR' && /^Parsing error/.test(e.message)) return 'Formula parse error.';
  if (e.type === 'NAME') {
    const m = /^Function name (.+) not recognized\.$/.exec(e.message);
    if (m) return `Unknown function: '${m[1]}'.`;
    const n = /^Named expression (.+) not recognized\.$/.exec(e.message);
    if (n) return `Unknown range name: '${n[1]}'.`;
  }
  return e.message;
}
