// The "Set up this spreadsheet" menu action: creates or migrates Attain's tabs under the document lock and says what it did.
import { setupWorkbook, type SetupReport } from '../sheets/setup';
import { BUSY_MESSAGE, takeDocumentLock } from './lock';

/** Menu: idempotent setup; a second run changes nothing. Returns the report (also shown as a toast). */
export function setupSpreadsheet(): SetupReport {
  const lock = takeDocumentLock();
  if (!lock) {
    // A menu action has no reply object: the message is shown as the error dialog (and a toast), never Apps Script's raw "Lock timeout".
    SpreadsheetApp.getActiveSpreadsheet().toast(BUSY_MESSAGE, 'Attain', 8);
    throw new Error(BUSY_MESSAGE);
  }
  try {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const { settings: _settings, ...report } = setupWorkbook(ss);
    const parts = [
      report.createdTabs.length ? `created ${report.createdTabs.join(', ')}` : '',
      report.addedColumns.length ? `added columns ${report.addedColumns.map((a) => `${a.tab}: ${a.headers.join(', ')}`).join('; ')}` : '',
      report.addedSettings.length ? `added ${report.addedSettings.length} setting(s)` : '',
    ].filter(Boolean);
    ss.toast(parts.length ? `Attain: ${parts.join('; ')}.` : 'Attain: everything was already set up; nothing changed.', 'Attain', 8);
    return report;
  } finally {
    SpreadsheetApp.flush();
    lock.releaseLock();
  }
}
