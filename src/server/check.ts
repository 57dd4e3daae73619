// "Check this spreadsheet": the sidebar's checkSpreadsheet (a CheckReport under the document lock) and the menu item that shows its summary.
import { BUILT_IN_INSTRUMENTS } from '../core/instruments/registry';
import { checkWorkbook } from '../sheets/check/run';
import type { CheckReport, Result } from '../contract';
import { withDocumentLock } from './lock';
import { ok } from './validate';

/** Sidebar: checks layout, computed values and the platform; writes one Audit row (and a temporary probe tab it removes). */
export function checkSpreadsheet(): Result<CheckReport> {
  return withDocumentLock((book) => ok<CheckReport>(checkWorkbook(book, BUILT_IN_INSTRUMENTS)));
}

/** Menu: runs the check and shows its summary in an alert (the sidebar's Check screen lists every problem with its fix). */
export function checkSpreadsheetFromMenu(): Result<CheckReport> {
  const result = checkSpreadsheet();
  const ui = SpreadsheetApp.getUi();
  const first = result.ok ? result.data.problems[0] : undefined;
  const text = !result.ok ? `The check could not run: ${result.message}` : `${result.data.summary}${first ? `\n\nFirst: ${first.tab} ${first.where}: ${first.problem} Fix: ${first.fix}\n\nAll of them: Open Attain ▸ Check.` : ''}`;
  ui.alert('Attain check', text, ui.ButtonSet.OK);
  return result;
}
