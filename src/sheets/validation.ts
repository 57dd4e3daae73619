// Data-validation rules built from a layout column's Validation data (reject bad input typed by hand; the note doubles as help text).
import type { Validation } from './columns';

/** The Sheets rule for one constrained column; invalid entries are rejected with the column's note as help. */
export function dataValidation(v: Validation, help: string): GoogleAppsScript.Spreadsheet.DataValidation {
  const b = SpreadsheetApp.newDataValidation();
  switch (v.kind) {
    case 'list':
      b.requireValueInList([...v.values], true);
      break;
    case 'number':
      b.requireNumberBetween(v.min, v.max);
      break;
    case 'checkbox':
      b.requireCheckbox();
      break;
    case 'date':
      b.requireDate();
      break;
  }
  return b.setAllowInvalid(false).setHelpText(help).build();
}
