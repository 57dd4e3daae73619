// The printable "Relapse prevention <code>" sheet: core's relapse-prevention sections laid out in one wide, wrapped column with bold headings; only a sheet Attain made is ever overwritten.
import { RELAPSE_PREVENTION_HEADINGS, type PrintSection } from '../core/relapse-prevention';
import type { Journal } from './journal';
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

export type WriteResult = { ok: true; sheetName: string; rebuilt: boolean; finish: () => void } | { ok: false; message: string };

/**
 * Writes the plan to "Relapse prevention <code>". A first plan is written into a new tab of that name. A rebuild is written
 * into a fresh tab beside the earlier plan, which stays untouched until `finish` (called after the Audit row) swaps them, so
 * a failure at any step leaves the earlier plan as it was. Each step records its undo in the journal. A tab of that name that
 * Attain did not make is left alone. One write for the values, one call per format (text, bold, wrap, width).
 */
export function writeRelapsePreventionSheet(ss: Spreadsheet, code: string, sections: readonly PrintSection[], journal?: Journal): WriteResult {
  const name = relapsePreventionSheetName(code);
  const old = ss.getSheetByName(name);
  if (old && !isGenerated(old, code)) return { ok: false, message: `Expected "${name}" to be a relapse-prevention plan Attain made; it holds something else, so it was left as it is. Rename that tab, then build the plan again.` };
  const fresh = old ? `${name} (rebuilding)` : name;
  const leftover = old ? ss.getSheetByName(fresh) : null;
  // A fresh tab a failed rebuild could not remove is Attain's own scratch tab: replaced, never a reason to refuse.
  if (leftover) ss.deleteSheet(leftover);
  // insertSheet makes the new tab the active one: an undo gives the user back the tab they were on.
  const active = ss.getActiveSheet();
  const sheet = ss.insertSheet(fresh, old ? old.getIndex() : ss.getNumSheets());
  journal?.record({
    what: `the "${fresh}" tab`,
    undo: () => {
      ss.deleteSheet(sheet);
      active?.activate();
    },
  });
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
  const finish = () => {
    if (old) {
      // Renames first (each undoable), the earlier plan's deletion last: nothing can fail after it.
      old.setName(`${name} (previous)`);
      journal?.record({ what: `the earlier "${name}" tab, renamed`, undo: () => old.setName(name) });
      sheet.setName(name);
      journal?.record({ what: `the new "${name}" tab, renamed`, undo: () => sheet.setName(fresh) });
      ss.deleteSheet(old);
    }
    sheet.activate();
  };
  return { ok: true, sheetName: name, rebuilt: old !== null, finish };
}
