// A tab Attain writes whole for one client (a relapse-prevention plan, a progress report): made fresh beside the earlier one, swapped in only once the action has succeeded; a clinic's tab of that name is never touched.
import type { Journal } from './journal';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The fresh tab to write, and `finish`, which puts it in the earlier tab's place (call it after the Audit row). */
export type OpenedTab = { ok: true; sheet: Sheet; rebuilt: boolean; finish: () => void } | { ok: false; message: string };

/** Whether a tab is the one Attain made for this client: A1 is its title and A2 names the client. */
export function madeFor(sheet: Sheet, title: string, code: string): boolean {
  const [[a1], [a2]] = sheet.getRange(1, 1, 2, 1).getValues();
  return a1 === title && String(a2).trim().toLowerCase() === `client: ${code.toLowerCase()}`;
}

/**
 * Opens the tab to write `name` into: a first one is a new tab of that name; a rebuild is a fresh tab beside the earlier one,
 * which stays untouched until `finish` swaps them, so a failure at any step leaves it as it was. Each step records its undo.
 * A tab of that name that `ours` does not recognise stops the action: `what` names the document ("a progress report").
 */
export function openGeneratedTab(ss: Spreadsheet, name: string, ours: (sheet: Sheet) => boolean, what: string, again: string, journal?: Journal): OpenedTab {
  const old = ss.getSheetByName(name);
  if (old && !ours(old)) return { ok: false, message: `Expected "${name}" to be ${what} Attain made; it holds something else, so it was left as it is. Rename that tab, then ${again}.` };
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
  const finish = () => {
    if (old) {
      // Renames first (each undoable), the earlier tab's deletion last: nothing can fail after it.
      old.setName(`${name} (previous)`);
      journal?.record({ what: `the earlier "${name}" tab, renamed`, undo: () => old.setName(name) });
      sheet.setName(name);
      journal?.record({ what: `the new "${name}" tab, renamed`, undo: () => sheet.setName(fresh) });
      ss.deleteSheet(old);
    }
    sheet.activate();
  };
  return { ok: true, sheet, rebuilt: old !== null, finish };
}
