// The printable "Relapse prevention <code>" sheet: core's relapse-prevention sections laid out in one wide, wrapped column with bold headings; only a sheet Attain made is ever overwritten.
import { RELAPSE_PREVENTION_HEADINGS, type PrintSection } from '../core/relapse-prevention';
import { madeFor, openGeneratedTab } from './generated-tab';
import type { Journal } from './journal';
import { safeText } from './values';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

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

export type WriteResult = { ok: true; sheetName: string; rebuilt: boolean; finish: () => void } | { ok: false; message: string };

/**
 * Writes the plan to "Relapse prevention <code>". A first plan is written into a new tab of that name. A rebuild is written
 * into a fresh tab beside the earlier plan, which stays untouched until `finish` (called after the Audit row) swaps them, so
 * a failure at any step leaves the earlier plan as it was. Each step records its undo in the journal. A tab of that name that
 * Attain did not make is left alone. One write for the values, one call per format (text, bold, wrap, width).
 */
export function writeRelapsePreventionSheet(ss: Spreadsheet, code: string, sections: readonly PrintSection[], journal?: Journal): WriteResult {
  const name = relapsePreventionSheetName(code);
  const tab = openGeneratedTab(ss, name, (t) => madeFor(t, RELAPSE_PREVENTION_HEADINGS.title, code), 'a relapse-prevention plan', 'build the plan again', journal);
  if (!tab.ok) return tab;
  const { sheet } = tab;
  const cells = relapsePreventionCells(sections);
  const n = cells.length;
  if (n > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), n - sheet.getMaxRows());
  const block = sheet.getRange(1, 1, n, 1);
  // Plain text first, so a phone number or a date-like line is kept exactly as typed.
  block.setNumberFormat('@');
  block.setValues(cells.map((c) => [safeText(c.text, true)]));
  block.setFontWeights(cells.map((c) => [c.bold ? 'bold' : 'normal']));
  block.setWrap(true);
  sheet.setColumnWidth(1, RELAPSE_PREVENTION_WIDTH);
  return { ok: true, sheetName: name, rebuilt: tab.rebuilt, finish: tab.finish };
}
