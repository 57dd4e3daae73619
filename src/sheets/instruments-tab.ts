// The Instruments tab: its layout from the clinic row format (clinic-columns.ts), and reading it in one block into valid definitions and problems by row and field.
import { CLINIC_COLUMNS, CLINIC_KEYS } from '../core/instruments/clinic-columns';
import { parseClinicInstruments, type ClinicRow, type DefinitionProblem } from '../core/instruments/clinic-definition';
import type { InstrumentDefinition } from '../core/instruments/schema';
import type { ColumnSpec, TabLayout } from './columns';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const INSTRUMENTS_TAB = 'Instruments';

const WIDE = new Set(['subscales', 'bands', 'cutoff', 'reliableChange', 'safety', 'source', 'wording']);

/** Each column's note: what it holds, whether it may stay blank, and an example to copy. */
function instrumentColumn(key: (typeof CLINIC_KEYS)[number]): ColumnSpec {
  const c = CLINIC_COLUMNS[key];
  const need = c.required ? 'Required.' : 'May stay blank.';
  return {
    key,
    header: c.header,
    note: `${c.holds} ${need} Example: ${c.example}. One row per instrument; a row with a problem is never used (Extensions ▸ Attain ▸ Check this spreadsheet lists it). See the README, "Clinic-defined instruments".`,
    // Plain text, so "1-5" stays a list of items and "10" is read as typed, never as a date or number format.
    kind: 'text',
    width: key === 'name' ? 140 : WIDE.has(key) ? 260 : 110,
  };
}

/** One row per clinic-defined instrument; the columns and their order are clinic-columns.ts's. */
export const INSTRUMENTS: TabLayout = {
  key: 'instruments',
  name: INSTRUMENTS_TAB,
  columns: CLINIC_KEYS.map(instrumentColumn),
};

export interface ClinicInstruments {
  /** Valid definitions, in row order; an invalid row is never among them. */
  definitions: InstrumentDefinition[];
  problems: DefinitionProblem[];
}

export const NO_CLINIC_INSTRUMENTS: ClinicInstruments = { definitions: [], problems: [] };

/**
 * The tab's values (row 1 its header, as read) → rows keyed by the format's headers, each with its sheet row. Columns are found
 * by header text (ignoring case and surrounding spaces), so a clinic may reorder them or add its own.
 */
export function clinicRowsOf(values: readonly (readonly unknown[])[]): ClinicRow[] {
  if (!values.length) return [];
  const byHeader = new Map<string, number>();
  values[0].forEach((h, i) => {
    const k = String(h ?? '').trim().toLowerCase();
    if (k && !byHeader.has(k)) byHeader.set(k, i);
  });
  const at = CLINIC_KEYS.map((k) => [CLINIC_COLUMNS[k].header, byHeader.get(CLINIC_COLUMNS[k].header.toLowerCase())] as const);
  return values.slice(1).map((r, i) => {
    const cells: Record<string, unknown> = {};
    for (const [header, c] of at) if (c !== undefined) cells[header] = r[c];
    return { row: i + 2, cells };
  });
}

/** Definitions and problems from the tab's values; `reserved` are the workbook's own tab names, which no instrument may take. */
export function clinicInstrumentsOf(values: readonly (readonly unknown[])[], reserved: readonly string[]): ClinicInstruments {
  return parseClinicInstruments(clinicRowsOf(values), { reserved });
}

/** The tab read in one block (its used range, header included); no tab, no instruments. */
export function readClinicInstruments(sheet: Sheet | null, reserved: readonly string[]): ClinicInstruments {
  if (!sheet) return NO_CLINIC_INSTRUMENTS;
  return clinicInstrumentsOf(sheet.getDataRange().getValues(), reserved);
}
