// The printable "Relapse prevention <code>" sheet: core's relapse-prevention sections laid out in one wide, wrapped column with bold headings; only a sheet Attain made is ever overwritten.
import { RELAPSE_PREVENTION_HEADINGS, type PrintSection } from '../core/relapse-prevention';
import { safeText } from './values';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Wide enough for a line of about 90 characters on an A4 or Letter page. */
export const RELAPSE_PREVENTION_WIDTH = 640;

export const relapsePreventionSheetName = (code: string) => `Relapse prevention ${code}`;

/** The sheet's cells, top to bottom: each section's heading (bold), its lines as bullets, a blank row between sections. */
export function relapsePreventionCells(sections: readonly PrintSection[]): { text: string; bold: boolean }[] {
  const out: { text: string; bold: boolean }[] = [];
  sections.forEach((s, i) => {
    if (i > 0) out.push({ text: '', bold: false });
    out.push({ text: s.heading, bold: true });
    // The title section's lines (client, date) are labels, not a list.
    for (const line of s.lines) out.push({ text: s.heading === RELAPSE_PREVENTION_HEADINGS.title ? line : `• ${line}`, bold: false });
  });
  return out;
}

/** Whether an existing sheet is one Attain generated for this client (A1 is the title, A2 names the client). */
function isGenerated(sheet: Sheet, code: string): boolean {
  const [[a1], [a2]] = sheet.getRange(1, 1, 2, 1).getValues();
  return a1 === RELAPSE_PREVENTION_HEADINGS.title && String(a2).trim().toLowerCase() === `client: ${code.toLowerCase()}`;
}

export type WriteResult = { ok: true; sheetName: string; rebuilt: boolean } | { ok: false; message: string };

/**
 * Writes the plan to "Relapse prevention <code>": a new sheet, or the one an earlier run made (cleared first). A sheet of that
 * name that Attain did not make is left alone. One write for the values, one call per format (text, bold, wrap, width).
 */
export function writeRelapsePreventionSheet(ss: Spreadsheet, code: string, sections: readonly PrintSection[]): WriteResult {
  const name = relapsePreventionSheetName(code);
  let sheet = ss.getSheetByName(name);
  const rebuilt = sheet !== null;
  if (sheet) {
    if (!isGenerated(sheet, code)) return { ok: false, message: `Expected "${name}" to be a relapse-prevention plan Attain made; it holds something else, so it was left as it is. Rename that tab, then build the plan again.` };
    sheet.clear();
  } else {
    sheet = ss.insertSheet(name);
  }
  const cells = relapsePreventionCells(sections);
  const n = cells.length;
  if (n > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), n - sheet.getMaxRows());
  const block = sheet.getRange(1, 1, n, 1);
  // Plain text first, so a phone number or a date-like line is kept exactly as typed.
  block.setNumberFormat('@');
  block.setValues(cells.map((c) => [safeText(c.text)]));
  block.setFontWeights(cells.map((c) => [c.bold ? 'bold' : 'normal']));
  block.setWrap(true);
  sheet.setColumnWidth(1, RELAPSE_PREVENTION_WIDTH);
  sheet.activate();
  return { ok: true, sheetName: name, rebuilt };
}
