// The instrument a custom function names: a built-in without reading anything, else one of this spreadsheet's valid clinic definitions (one block read of its Instruments tab per call).
import { problemText } from '../../core/instruments/clinic-definition';
import { findInstrument } from '../../core/instruments/registry';
import type { InstrumentDefinition } from '../../core/instruments/schema';
import { readWorkbookInstruments, workbookRegistry } from '../../sheets/clinic-registry';
import { INSTRUMENTS_TAB, type ClinicInstruments } from '../../sheets/instruments-tab';

/** The Instruments tab of the spreadsheet the formula is in; null where there is none to read (outside Sheets). */
function clinicInstruments(): ClinicInstruments | null {
  try {
    return readWorkbookInstruments(SpreadsheetApp.getActiveSpreadsheet().getSheetByName(INSTRUMENTS_TAB));
  } catch {
    return null; // no spreadsheet to read (a script caller, a unit test): only the built-ins are known
  }
}

/**
 * Each cell is its own execution in Sheets, so reading here once per call is reading once per execution. Sheets re-runs a
 * custom function only when its arguments change: a changed definition shows in a cell when it is recalculated (README).
 */
export function instrumentNamed(name: unknown): InstrumentDefinition {
  try {
    return findInstrument(name);
  } catch (builtInError) {
    if (typeof name !== 'string') throw builtInError;
    const clinic = clinicInstruments();
    if (!clinic) throw builtInError;
    try {
      return workbookRegistry(clinic).find(name);
    } catch (err) {
      const bad = clinic.problems.length ? ` The ${INSTRUMENTS_TAB} tab has rows not used until corrected: ${clinic.problems.slice(0, 3).map(problemText).join('; ')}${clinic.problems.length > 3 ? ' …' : ''}.` : '';
      throw new Error(`${(err as Error).message}.${bad}`);
    }
  }
}
