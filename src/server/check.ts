// "Check this spreadsheet": the sidebar's checkSpreadsheet (a CheckReport under the document lock), its Repair (repairSpreadsheet), and the menu item that shows the summary and offers the repair.
import * as z from 'zod/mini';
import { BUILT_IN_INSTRUMENTS } from '../core/instruments/registry';
import { requestIdField } from '../core/request-id';
import { NOTHING_REPAIRED, repairWorkbook } from '../sheets/check/repair';
import { checkWorkbook, inspectWorkbook } from '../sheets/check/run';
import { LayoutError } from '../sheets/table';
import type { AuditEntry } from '../sheets/book';
import type { CheckReport, RepairReport, RepairSpreadsheetInput, Result } from '../contract';
import { withDocumentLock } from './lock';
import { alreadySaved, invalid, ok, parse } from './validate';

const repairSchema = z.object({ requestId: requestIdField });

/** Sidebar: checks layout, computed values and the platform; writes one Audit row (and a temporary probe tab it removes). */
export function checkSpreadsheet(): Result<CheckReport> {
  return withDocumentLock((book) => ok<CheckReport>(checkWorkbook(book, BUILT_IN_INSTRUMENTS)));
}

/** Sidebar: repairs what the check finds that Repair can fix (all or nothing), checks again, writes one Audit row; a retry of a repair that landed repeats nothing. */
export function repairSpreadsheet(input: RepairSpreadsheetInput): Result<RepairReport> {
  const parsed = parse(repairSchema, input ?? {});
  if (!parsed.ok) return invalid(parsed.errors);
  return withDocumentLock((book) => {
    let prior: AuditEntry[] = [];
    try {
      prior = book.priorRun();
    } catch (e) {
      if (!(e instanceof LayoutError)) throw e; // no Audit tab to look in: no earlier run to find (Repair's setup makes it)
      book.reopen();
    }
    if (prior.some((e) => e.action === 'repairSpreadsheet')) {
      const { outcome } = inspectWorkbook(book, BUILT_IN_INSTRUMENTS);
      return ok<RepairReport>({ repaired: { ...NOTHING_REPAIRED, createdTabs: [] }, summary: 'This repair had already run; nothing was repaired twice.', check: outcome }, alreadySaved('the repair'));
    }
    return ok<RepairReport>(repairWorkbook(book, BUILT_IN_INSTRUMENTS));
  }, parsed.value.requestId);
}

/** Menu: runs the check and shows its summary in an alert; when Repair can fix some problems it asks Yes/No and runs the repair on Yes. */
export function checkSpreadsheetFromMenu(): Result<CheckReport> {
  const result = checkSpreadsheet();
  const ui = SpreadsheetApp.getUi();
  const first = result.ok ? result.data.problems[0] : undefined;
  const text = !result.ok ? `The check could not run: ${result.message}` : `${result.data.summary}${first ? `\n\nFirst: ${first.tab} ${first.where}: ${first.problem} Fix: ${first.fix}\n\nAll of them: Open Attain ▸ Check.` : ''}`;
  const repairable = result.ok ? (result.data.repair?.problems ?? 0) : 0;
  if (!repairable) {
    ui.alert('Attain check', text, ui.ButtonSet.OK);
    return result;
  }
  const ask = `${text}\n\nRepair ${repairable} problem(s) now? It re-runs set-up where something it makes is missing and rewrites Attain's formulas where they were lost (clearing typed cells that block a hidden working column, kept in the Audit row; deleting empty columns at the right of Attain's tabs when the spreadsheet nears Google Sheets' cell limit); it does not change anything typed in input columns.`;
  if (ui.alert('Attain check', ask, ui.ButtonSet.YES_NO) !== ui.Button.YES) return result;
  const repaired = repairSpreadsheet({});
  ui.alert('Attain repair', repaired.ok ? repaired.data.summary : `The repair could not run: ${repaired.message}`, ui.ButtonSet.OK);
  return repaired.ok ? ok(repaired.data.check) : result;
}
