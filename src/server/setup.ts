// The "Set up this spreadsheet" menu action: creates or migrates Attain's tabs under the document lock and says what it did.
import { BUILT_IN_INSTRUMENTS } from '../core/instruments/registry';
import { setupWorkbook, type SetupReport } from '../sheets/setup';
import { plainScopeError } from '../sheets/scopes';
import { BUSY_MESSAGE, takeDocumentLock } from './lock';

/** Menu: idempotent setup; a second run changes nothing. Returns the report (also shown as a toast). */
export function setupSpreadsheet(): SetupReport {
  try {
    return setUp();
  } catch (err) {
    throw plainScopeError(err); // the menu shows the error as it is thrown: a missing scope must read plainly
  }
}

function setUp(): SetupReport {
  const lock = takeDocumentLock();
  if (!lock) {
    // A menu action has no reply object: the message is shown as the error dialog (and a toast), never Apps Script's raw "Lock timeout".
    SpreadsheetApp.getActiveSpreadsheet().toast(BUSY_MESSAGE, 'Attain', 8);
    throw new Error(BUSY_MESSAGE);
  }
  try {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    // Relaxing strict protection asks first (Yes relaxes, anything else keeps strict); sheets code gets the question as a callback.
    const confirm = (title: string, prompt: string): boolean => {
      const ui = SpreadsheetApp.getUi();
      return ui.alert(title, prompt, ui.ButtonSet.YES_NO) === ui.Button.YES;
    };
    const { settings: _settings, ...report } = setupWorkbook(ss, BUILT_IN_INSTRUMENTS, confirm);
    const parts = [
      report.createdTabs.length ? `created ${report.createdTabs.join(', ')}` : '',
      report.addedColumns.length ? `added columns ${report.addedColumns.map((a) => `${a.tab}: ${a.headers.join(', ')}`).join('; ')}` : '',
      report.addedSettings.length ? `added ${report.addedSettings.length} setting(s)` : '',
      report.protectionsChanged ? `${report.protectionMode} protection applied to ${report.protectionsChanged} protected range(s) or tab(s)${report.protectionMode === 'strict' ? ' (editors: the owner, you, who set strict and the supervisors)' : ''}` : '',
      report.appliedSettings.length ? `applied ${report.appliedSettings.length} changed setting(s)` : '',
    ].filter(Boolean);
    const done = parts.length ? `Attain: ${parts.join('; ')}.` : report.notes.length ? 'Attain: nothing else changed.' : 'Attain: everything was already set up; nothing changed.';
    ss.toast([done, ...report.notes].join(' '), 'Attain', 8);
    // A kept strict mode is something the person asked to change: say it where it cannot be missed.
    if (report.notes.length) SpreadsheetApp.getUi().alert('Attain setup', report.notes.join('\n\n'), SpreadsheetApp.getUi().ButtonSet.OK);
    return report;
  } finally {
    SpreadsheetApp.flush();
    lock.releaseLock();
  }
}
