// Repair for "Check this spreadsheet": re-runs setup's idempotent path when something setup makes is missing, rewrites Attain's formula into the computed cells the check found broken, re-applies lost validations and clears typed cells that block a spill column (through the journal), then checks again and writes one Audit row.
import { BUILT_IN_INSTRUMENTS } from '../../core/instruments/registry';
import type { InstrumentDefinition } from '../../core/instruments/schema';
import { columnLetters } from '../a1';
import type { Book } from '../book';
import type { JournalEntry } from '../journal';
import { rowsText } from '../journal';
import { AUDIT } from '../layout';
import { setupWorkbook } from '../setup';
import { writeRows, type Tab } from '../table';
import { dataValidation } from '../validation';
import { cellsText, type CellRepair } from './layout';
import { inspectWorkbook, type CheckOutcome } from './run';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface Repaired {
  formulaCells: number;
  validationCells: number;
  /** Typed cells cleared from spill columns (their values are listed in the Audit row). */
  clearedCells: number;
  /** Grid cells freed by deleting empty columns right of Attain's tabs (only past the size warning). */
  trimmedCells: number;
  createdTabs: string[];
  addedColumns: number;
  addedSettings: number;
  protections: number;
}

export interface RepairOutcome {
  repaired: Repaired;
  summary: string;
  check: CheckOutcome;
}

export const NOTHING_REPAIRED: Repaired = { formulaCells: 0, validationCells: 0, clearedCells: 0, trimmedCells: 0, createdTabs: [], addedColumns: 0, addedSettings: 0, protections: 0 };

/** Runs of consecutive sheet rows: [first, count] pairs from ascending rows. */
export function rowRuns(rows: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const r of rows) {
    const last = out[out.length - 1];
    if (last && last[0] + last[1] === r) last[1]++;
    else out.push([r, 1]);
  }
  return out;
}

/**
 * How to take back what setup adds, for a repair that fails later: the tabs it created are deleted, the protections it added
 * removed (counted by description), the document properties put back. Columns and settings rows it appended stay (setup
 * would add them again; they hold no data). Costs one getSheets, two protection lists with their descriptions, one property read.
 */
function setupUndo(ss: Spreadsheet): JournalEntry {
  const type = SpreadsheetApp.ProtectionType;
  const sheetIds = new Set(ss.getSheets().map((s) => s.getSheetId()));
  const protections = () => [...ss.getProtections(type.RANGE), ...ss.getProtections(type.SHEET)];
  const had = new Map<string, number>();
  for (const p of protections()) had.set(p.getDescription(), (had.get(p.getDescription()) ?? 0) + 1);
  const props = PropertiesService.getDocumentProperties();
  const before = props.getProperties();
  return {
    what: 'what set-up added (tabs, protections)',
    undo: () => {
      for (const s of ss.getSheets()) if (!sheetIds.has(s.getSheetId())) ss.deleteSheet(s);
      const seen = new Map<string, number>();
      for (const p of protections()) {
        const d = p.getDescription();
        seen.set(d, (seen.get(d) ?? 0) + 1);
        if ((seen.get(d) as number) > (had.get(d) ?? 0)) p.remove();
      }
      props.setProperties(before, true);
    },
  };
}

/** Rewrites Attain's formula into one run of a computed column's data rows (a narrowed writeRows, as setup's fillFormulas does); the journal puts back what the cells held. */
function rewriteFormulas(book: Book, c: CellRepair, first: number, count: number): void {
  const b = c.block;
  const at = b.cols.get(c.col.key) as number;
  const range = b.sheet.getRange(first, at, count, 1);
  // A formula is put back as its text, anything else as its value (what the check read).
  const held = Array.from({ length: count }, (_, i) => [b.formulas[first - 2 + i]?.[at - 1] || (b.values[first - 2 + i]?.[at - 1] ?? '')]);
  book.journal.record({ what: `${rowsText(b.layout.name, first, count)}, column ${c.col.header}`, undo: () => range.setValues(held) });
  const narrowed: Tab = { layout: { ...b.layout, columns: [c.col] }, sheet: b.sheet, cols: b.cols, missing: [], width: b.header.length };
  writeRows(narrowed, first, Array.from({ length: count }, () => ({})));
}

/** Re-applies a column's data validation to one run of data rows; the journal puts back the rules the check read. */
function revalidate(book: Book, c: CellRepair, first: number, count: number): void {
  const b = c.block;
  const at = b.cols.get(c.col.key) as number;
  const range = b.sheet.getRange(first, at, count, 1);
  const held = Array.from({ length: count }, (_, i) => [b.rules[first - 2 + i]?.[at - 1] ?? null]);
  book.journal.record({ what: `${rowsText(b.layout.name, first, count)}, validation of ${c.col.header}`, undo: () => range.setDataValidations(held) });
  range.setDataValidation(dataValidation(c.col.validation!, c.col.note));
}

/** How many cleared cells the Audit row lists with their values (a whole column pasted as values is counted beyond that). */
const MAX_AUDITED = 200;

/**
 * Clears one spill column's typed cells (each run of rows below row 1; never another column) and writes back a lost header
 * formula; the journal puts back what each cell held. Returns "PHQ-9 V3 \"x\"" for the Audit row, so nothing typed is lost.
 */
function clearSpill(book: Book, c: CellRepair): string {
  const b = c.block;
  const at = b.cols.get(c.col.key) as number;
  for (const [first, count] of rowRuns(c.rows)) {
    const range = b.sheet.getRange(first, at, count, 1);
    // A formula is put back as its text, anything else as its value (what the check read).
    const held = Array.from({ length: count }, (_, i) => [b.formulas[first - 2 + i]?.[at - 1] || (b.values[first - 2 + i]?.[at - 1] ?? '')]);
    book.journal.record({ what: `${rowsText(b.layout.name, first, count)}, column ${c.col.header}`, undo: () => range.setValues(held) });
    range.clearContent();
  }
  if (c.header) {
    const cell = b.sheet.getRange(1, at);
    const was = b.header[at - 1];
    book.journal.record({ what: `${b.layout.name} row 1, column ${c.col.header}`, undo: () => cell.setValue(was) });
    cell.setFormula(c.header);
  }
  return c.rows.length ? `${b.layout.name} ${c.col.header}: ${cellsText(b, at, c.rows, MAX_AUDITED)}` : '';
}

/** "3 formula cells (Goals Weight), 1 validation cell; set-up: created Attain index; 2 protections" or "nothing"; `cleared` lists the cells cleared with their values. */
export function repairedText(r: Repaired, formulaColumns: readonly string[], notes: readonly string[] = [], cleared: readonly string[] = []): string {
  const parts = [
    r.formulaCells ? `${r.formulaCells} formula cell(s) rewritten (${formulaColumns.join(', ')})` : '',
    r.validationCells ? `${r.validationCells} validation(s) re-applied` : '',
    r.trimmedCells ? `${r.trimmedCells} empty cell(s) freed (empty columns deleted right of Attain's columns)` : '',
    r.clearedCells ? `${r.clearedCells} typed cell(s) cleared from working columns (${cleared.join('; ')})` : '',
    r.createdTabs.length ? `created ${r.createdTabs.join(', ')}` : '',
    r.addedColumns ? `${r.addedColumns} column(s) added` : '',
    r.addedSettings ? `${r.addedSettings} setting row(s) added` : '',
    r.protections ? `${r.protections} protection(s) applied` : '',
  ].filter(Boolean);
  return `${parts.length ? parts.join('; ') : 'nothing needed repair'}.${notes.length ? ` ${notes.join(' ')}` : ''}`;
}

/**
 * Repair: what the check finds that Repair can fix, fixed in one all-or-nothing action. Setup runs only when something setup
 * makes is missing (never with a confirmation, so strict protection is never relaxed here); formulas go only into computed
 * columns' data rows the check found without them; validations only onto data rows that lost them. Input cells are never written.
 */
export function repairWorkbook(book: Book, instruments: readonly InstrumentDefinition[] = BUILT_IN_INSTRUMENTS): RepairOutcome {
  const { outcome: found, cells, trim } = inspectWorkbook(book, instruments);
  const plan = found.repair;
  // Opened before the first write, so a broken Audit tab that setup will not fix stops the repair before anything is written.
  if (!plan.setup) book.tab(AUDIT);
  const repaired: Repaired = { ...NOTHING_REPAIRED, createdTabs: [] };
  let notes: string[] = [];
  if (plan.setup || cells.length || trim.length) {
    // Undone last: a tab made and removed again (by setup, or the check's probe tab) must not leave the person's view on a tab that is gone.
    const active = book.ss.getActiveSheet();
    book.journal.record({ what: 'the tab in view', undo: () => active && book.ss.setActiveSheet(active) });
  }
  for (const s of trim) {
    // Before setup, which may append a column where these were; undone by putting the same number of (empty) columns back: they held no values or formulas.
    book.journal.record({ what: `${s.tab}, empty columns ${columnLetters(s.from)}–${columnLetters(s.from + s.count - 1)}`, undo: () => s.sheet.insertColumnsAfter(s.from - 1, s.count) });
    s.sheet.deleteColumns(s.from, s.count);
    repaired.trimmedCells += s.cells;
  }
  if (plan.setup) {
    book.journal.record(setupUndo(book.ss));
    const had = new Set(book.ss.getSheets().map((s) => s.getName()));
    const report = setupWorkbook(book.ss, instruments);
    // Setup's report leaves out the tabs it makes quietly (the hidden index, the dashboards' helper): the sheets themselves tell.
    repaired.createdTabs = book.ss.getSheets().map((s) => s.getName()).filter((n) => !had.has(n));
    repaired.addedColumns = report.addedColumns.reduce((n, a) => n + a.headers.length, 0);
    repaired.addedSettings = report.addedSettings.length;
    repaired.protections = report.protectionsChanged;
    notes = report.notes;
    book.reopen();
  }
  const cleared: string[] = [];
  for (const c of cells) {
    if (c.kind === 'spill') {
      const text = clearSpill(book, c);
      if (text) cleared.push(text);
      repaired.clearedCells += c.rows.length;
      if (c.header) repaired.formulaCells++;
      continue;
    }
    for (const [first, count] of rowRuns(c.rows)) {
      if (c.kind === 'formulas') rewriteFormulas(book, c, first, count);
      else revalidate(book, c, first, count);
      if (c.kind === 'formulas') repaired.formulaCells += count;
      else repaired.validationCells += count;
    }
  }
  // Nothing written: the first look is the report. Otherwise look again (the probes' answers do not change with a repair).
  const check = plan.setup || cells.length || trim.length ? inspectWorkbook(book, instruments, { probes: found.probes }).outcome : found;
  const summary = `Repair: ${repairedText(repaired, plan.formulaColumns, notes, cleared)} After it: ${check.summary}`;
  book.audit({ action: 'repairSpreadsheet', client: '', entity: 'workbook', summary });
  return { repaired, summary, check };
}
