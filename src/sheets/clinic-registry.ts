// The workbook's instruments: the built-ins plus the Instruments tab's valid definitions, with the tab names no clinic instrument may take.
import { BUILT_IN_INSTRUMENTS, createRegistry, type Registry } from '../core/instruments/registry';
import type { InstrumentDefinition } from '../core/instruments/schema';
import type { TabLayout } from './columns';
import { INDEX_TAB } from './index-tab';
import { FIXED_TABS } from './layout';
import { REVIEW_TAB } from './review-dashboard';
import { HELPER_TAB, SUPERVISION_TAB } from './supervision-tab';
import { CODES_TAB } from './client-keys';
import { readClinicInstruments, type ClinicInstruments } from './instruments-tab';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Tab names Attain uses itself: a clinic instrument's tab may not take one. */
export const RESERVED_TAB_NAMES: readonly string[] = [...FIXED_TABS.map((l) => l.name), SUPERVISION_TAB, REVIEW_TAB, HELPER_TAB, CODES_TAB, INDEX_TAB];

/** The Instruments tab (or none) read in one block. */
export function readWorkbookInstruments(sheet: Sheet | null): ClinicInstruments {
  return readClinicInstruments(sheet, RESERVED_TAB_NAMES);
}

/** Built-ins first, then the clinic's valid definitions (their names never clash: the parser refuses a taken name). */
export function allInstruments(clinic: ClinicInstruments): readonly InstrumentDefinition[] {
  return clinic.definitions.length ? [...BUILT_IN_INSTRUMENTS, ...clinic.definitions] : BUILT_IN_INSTRUMENTS;
}

/** A registry over the built-ins and the clinic's definitions. */
export function workbookRegistry(clinic: ClinicInstruments): Registry {
  return createRegistry(allInstruments(clinic));
}

/** An instrument tab built from a clinic definition: the hidden index leaves it out (its size is the clinic's), so actions read its header row. */
export function isClinicLayout(layout: TabLayout): boolean {
  return layout.instrument !== undefined && !BUILT_IN_INSTRUMENTS.includes(layout.instrument);
}

/** Whether Settings enables an instrument the built-ins do not have: only then is the Instruments tab worth reading. */
export function enablesClinicInstrument(raw: Readonly<Record<string, unknown>>): boolean {
  const builtIn = new Set(BUILT_IN_INSTRUMENTS.map((d) => `instrument.${d.id}`));
  return Object.keys(raw).some((k) => k.startsWith('instrument.') && !builtIn.has(k) && (raw[k] === true || String(raw[k]).toUpperCase() === 'TRUE'));
}
