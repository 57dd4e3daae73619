// Setup and migration: creates missing tabs, columns and settings rows, never deleting, reordering or overwriting anything already there.
import { BUILT_IN_INSTRUMENTS } from '../core/instruments/registry';
import type { InstrumentDefinition } from '../core/instruments/schema';
import type { ColumnSpec, RowRefs, TabLayout } from './columns';
import { problemText, type DefinitionProblem } from '../core/instruments/clinic-definition';
import { CLIENTS, FIXED_TABS, INSTRUMENTS, instrumentTab, SCHEMA_VERSION, SETTINGS } from './layout';
import { isClinicLayout, readWorkbookInstruments } from './clinic-registry';
import { NO_CLINIC_INSTRUMENTS } from './instruments-tab';
import { APPLIED_PROPERTY, appliedText, appliesAtSetup, parseApplied, parseSettings, settingRows, type Settings } from './settings';
import { bindTab, formatBlock, LayoutError, readColumns, readHeader, refsFor, sheetsByName, spillHeaders, verifiedTab, writeRows, type Tab } from './table';
import { dataValidation } from './validation';
import { ensureHeaderProtection, ensureProtections, PROTECTION_PROPERTY, PROTECTION_SET_BY_PROPERTY, TAB_PREFIX, type Strictness } from './protect';
import { afterConfirmation, decideMode, RELAX_PROMPT, RELAX_TITLE, type ProtectionMode } from './protection-mode';
import { columnLetters } from './a1';
import { effectiveUserEmail } from './scopes';
import { CODES_TAB, isCodesTab } from './client-keys';
import { ensureCodesTab, ensureSupervision, HELPER_TAB, isAlertsHelperTab, isSupervisionTab, SUPERVISION_TAB } from './supervision-tab';
import { ensureIndex } from './index-tab';
import { ensureReviewTab, isReviewTab, REVIEW_TAB } from './review-dashboard';
import { isVoidGuarded, voidGuard } from './instrument-layout';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const SCHEMA_PROPERTY = 'attain.schemaVersion';

export interface SetupReport {
  schemaVersion: number;
  previousVersion: number;
  createdTabs: string[];
  addedColumns: { tab: string; headers: string[] }[];
  addedSettings: string[];
  protectedTabs: string[];
  /** The protection mode applied by this run (it can differ from Settings: see notes). */
  protectionMode: ProtectionMode;
  /** Protections added, changed (mode, range or editors) or removed by this run. */
  protectionsChanged: number;
  /** Settings whose Applied value this run changed (protection mode, supervisors, measures in use), by key. */
  appliedSettings: string[];
  /** What the person running setup must know: why strict was kept, who may relax it. */
  notes: string[];
}

/** Asks the person running setup a yes/no question (the menu passes Ui.alert); without one, setup never relaxes strict. */
export type Confirm = (title: string, prompt: string) => boolean;

const HEADER_BACKGROUND = '#e8eaed';

/** Header cells, notes, bold, background and widths for columns placed at `firstCol`… (new tab or appended columns); a spill column's header is its formula. */
function writeHeaders(sheet: Sheet, firstCol: number, cols: readonly ColumnSpec[], refs?: RowRefs): void {
  const range = sheet.getRange(1, firstCol, 1, cols.length);
  range.setValues([cols.map((c) => (c.spill && refs ? c.spill(refs) : c.header))]);
  range.setNotes([cols.map((c) => c.note)]);
  range.setFontWeight('bold');
  range.setBackground(HEADER_BACKGROUND);
  // Adjacent columns of equal width share one call.
  for (let i = 0; i < cols.length; ) {
    let j = i;
    while (j + 1 < cols.length && cols[j + 1].width === cols[i].width) j++;
    const w = cols[i].width;
    if (w) sheet.setColumnWidths(firstCol + i, j - i + 1, w);
    i = j + 1;
  }
  // Working columns are hidden, one call per run of them.
  for (let i = 0; i < cols.length; ) {
    if (!cols[i].hidden) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < cols.length && cols[j + 1].hidden) j++;
    sheet.hideColumns(firstCol + i, j - i + 1);
    i = j + 1;
  }
}

/** Row-1 references for a header row laid out as `headers` (a spill column's formula names the columns it reads). */
function headerRefs(layout: TabLayout, headers: readonly unknown[]): RowRefs {
  return refsFor(bindTab(layout, null as unknown as Sheet, headers), 1);
}

/**
 * The order columns just added to an instrument tab: the change columns' existing formulas are rewritten to read them (the criteria
 * formulas compared rows with rows); a value typed by hand stays.
 */
function rewriteChangeFormulas(tab: Tab, lastRow: number): void {
  if (lastRow < 2) return;
  for (const c of tab.layout.columns.filter((x) => (x.key === 'change' || x.key === 'rc') && x.formula && tab.cols.has(x.key))) {
    const range = tab.sheet.getRange(2, tab.cols.get(c.key) as number, lastRow - 1, 1);
    const formulas = range.getFormulas();
    if (!formulas.some(([f]) => f.startsWith('='))) continue;
    const values = range.getValues();
    range.setValues(formulas.map(([f], i) => [f.startsWith('=') ? (c.formula as (r: RowRefs) => string)(refsFor(tab, i + 2)) : values[i][0]]));
  }
}

/** Adds columns so the sheet has at least `needed` of them. */
function ensureColumns(sheet: Sheet, needed: number): void {
  const max = sheet.getMaxColumns();
  if (needed > max) sheet.insertColumnsAfter(max, needed - max);
}

/**
 * A tab setup has just created gets exactly its layout's columns (one read, then an insert or a delete): Sheets counts every cell
 * of the grid against its 10 million (Ratings at five-year size is 250,000 rows × 26 default columns = 6.5 million, 1.75 million
 * with its 7), and every row an append adds carries the tab's whole width.
 */
function fitColumns(sheet: Sheet, width: number): void {
  const max = sheet.getMaxColumns();
  if (width > max) sheet.insertColumnsAfter(max, width - max);
  else if (max > width) sheet.deleteColumns(width + 1, max - width);
}

/** Fills a newly added computed column for rows that already hold data, so old rows get the formula too. */
function fillFormulas(tab: Tab, cols: readonly ColumnSpec[], lastRow: number): void {
  const computed = cols.filter((c) => c.formula);
  if (!computed.length || lastRow < 2) return;
  const only = new Set(computed.map((c) => c.key));
  const narrowed: Tab = { ...tab, layout: { ...tab.layout, columns: tab.layout.columns.filter((c) => only.has(c.key)) } };
  writeRows(narrowed, 2, Array.from({ length: lastRow - 1 }, () => ({})));
}

/**
 * The Voided column just added: each existing formula of a column a voided row blanks (instrument totals, subscales, flag) is wrapped
 * in the void guard, keeping the rest of its text (a row written under other Settings keeps its formula); values typed by hand stay.
 */
function guardVoidedFormulas(tab: Tab, lastRow: number): void {
  if (lastRow < 2) return;
  const voided = columnLetters(tab.cols.get('voided') as number);
  for (const c of tab.layout.columns.filter((x) => x.formula && isVoidGuarded(x.key) && tab.cols.has(x.key))) {
    const range = tab.sheet.getRange(2, tab.cols.get(c.key) as number, lastRow - 1, 1);
    const formulas = range.getFormulas();
    if (!formulas.some(([f]) => f.startsWith('='))) continue;
    // A cell without a formula (blank, or typed by hand) keeps its value: setFormulas would blank it, so write the values back for those.
    const values = range.getValues();
    range.setValues(formulas.map(([f], i) => [f.startsWith('=') ? voidGuard(f, `${voided}${i + 2}`) : values[i][0]]));
  }
}

/**
 * Makes one tab match its layout: a missing tab is created; missing columns are appended after the last header;
 * existing cells, notes, formats, validations, user columns and row order are left exactly as they are.
 */
export function ensureTab(ss: Spreadsheet, sheets: Map<string, Sheet>, layout: TabLayout, report: SetupReport, headers?: ReadonlyMap<string, unknown[]>): Tab {
  let sheet = sheets.get(layout.name.toLowerCase());
  if (!sheet) {
    sheet = ss.insertSheet(layout.name, sheets.size);
    sheets.set(layout.name.toLowerCase(), sheet);
    fitColumns(sheet, layout.columns.length);
    writeHeaders(sheet, 1, layout.columns, headerRefs(layout, layout.columns.map((c) => c.header)));
    sheet.setFrozenRows(1);
    const tab = bindTab(layout, sheet, layout.columns.map((c) => c.header));
    formatBlock(tab, 2, sheet.getMaxRows() - 1);
    report.createdTabs.push(layout.name);
    return tab;
  }
  let header = headers?.get(layout.name.toLowerCase()) ?? readHeader(sheet);
  // Only a verified header is extended: a moved, doubled or foreign row 1 stops here (verifyBeforeSetup has said so already).
  let existing = verifiedTab(layout, sheet, header, true);
  if (existing.missing.some((c) => c.spill)) {
    // A blocked spill shows an error, not its header: row 1's formulas (read only then) find it, so no second column is appended.
    const found = spillHeaders(layout, header, sheet.getRange(1, 1, 1, Math.max(1, header.length)).getFormulas()[0]);
    if (found.blocked.length) {
      header = found.header;
      existing = { ...verifiedTab(layout, sheet, header, true), blockedSpills: new Set(found.blocked.map((b) => b.col.key)) };
      for (const b of found.blocked) report.notes.push(`The "${layout.name}" tab's working column "${b.col.header}" (${columnLetters(b.at)}) shows an error: cells typed below its header block it, so ${b.col.key.startsWith('key') ? 'the alerts miss this tab' : 'Change from first is blank there'}. Check this spreadsheet names them; its Repair clears them.`);
    }
  }
  if (existing.missing.length === 0) return existing;
  // A missing column goes after the last non-empty header cell, never in the middle.
  let lastHeader = header.length;
  while (lastHeader > 0 && String(header[lastHeader - 1] ?? '').trim() === '') lastHeader--;
  const firstNew = lastHeader + 1;
  ensureColumns(sheet, lastHeader + existing.missing.length);
  const after = [...header.slice(0, lastHeader), ...existing.missing.map((c) => c.header)];
  writeHeaders(sheet, firstNew, existing.missing, headerRefs(layout, after));
  const tab = bindTab(layout, sheet, after);
  const maxRows = sheet.getMaxRows();
  formatBlock(tab, 2, maxRows - 1, new Set(existing.missing.map((c) => c.key)));
  fillFormulas(tab, existing.missing, sheet.getLastRow());
  if (existing.missing.some((c) => c.key === 'voided')) guardVoidedFormulas(tab, sheet.getLastRow());
  if (existing.missing.some((c) => c.key === 'orderFirst')) rewriteChangeFormulas(tab, sheet.getLastRow());
  report.addedColumns.push({ tab: layout.name, headers: existing.missing.map((c) => c.header) });
  return tab;
}

/** Settings rows by key; missing keys are appended with their defaults (values a clinic changed stay as they are). */
function ensureSettings(
  ss: Spreadsheet,
  sheets: Map<string, Sheet>,
  instruments: readonly InstrumentDefinition[],
  report: SetupReport,
  headers?: ReadonlyMap<string, unknown[]>,
  defaults: Record<string, unknown> = {},
): { tab: Tab; raw: Record<string, unknown>; versionRow: number; rowOf: Map<string, number> } {
  const tab = ensureTab(ss, sheets, SETTINGS, report, headers);
  const lastRow = tab.sheet.getLastRow();
  const { key, value } = readColumns(tab, ['key', 'value'], lastRow);
  const raw: Record<string, unknown> = {};
  const rowOf = new Map<string, number>();
  key.forEach((k, i) => {
    const name = String(k ?? '').trim();
    if (name && !rowOf.has(name)) {
      rowOf.set(name, i + 2);
      raw[name] = value[i];
    }
  });
  const add = settingRows(instruments).filter((r) => !rowOf.has(r.key));
  if (add.length) {
    const first = Math.max(2, lastRow + 1);
    const rows = add.map((r) => ({ setting: r.label, value: r.key === 'schema.version' ? SCHEMA_VERSION : r.key in defaults ? defaults[r.key] : r.value, about: r.about, key: r.key }));
    const needRows = first + rows.length - 1 - tab.sheet.getMaxRows();
    if (needRows > 0) tab.sheet.insertRowsAfter(tab.sheet.getMaxRows(), needRows);
    writeRows(tab, first, rows);
    // Each value cell gets its own rule (a checkbox, a list, a number range, or none).
    const valueCol = tab.cols.get('value') as number;
    add.forEach((r, i) => {
      if (r.validation) tab.sheet.getRange(first + i, valueCol).setDataValidation(dataValidation(r.validation, r.about));
    });
    add.forEach((r, i) => {
      rowOf.set(r.key, first + i);
      raw[r.key] = rows[i].value;
    });
    report.addedSettings.push(...add.map((r) => r.key));
  }
  return { tab, raw, versionRow: rowOf.get('schema.version') as number, rowOf };
}

/** The dashboards by name, with how to recognise Attain's own (its first row). */
const DASHBOARDS: readonly { name: string; what: string; ours: (row1: readonly unknown[]) => boolean }[] = [
  { name: SUPERVISION_TAB, what: 'supervision dashboard', ours: isSupervisionTab },
  { name: REVIEW_TAB, what: 'review dashboard', ours: isReviewTab },
  { name: HELPER_TAB, what: 'alerts helper (the hidden tab behind Supervision)', ours: isAlertsHelperTab },
  { name: CODES_TAB, what: 'codes tab (the hidden client codes behind the alerts)', ours: isCodesTab },
];

/**
 * Every check setup needs, before its first write (all or nothing): each existing Attain tab's header is where Attain put it
 * (row 1, each Attain name once), and each existing dashboard carries Attain's first row. A clinic's own tab of the same name,
 * a moved or doubled header stops setup with one LayoutError listing every problem; nothing is written.
 * Returns the header rows read (lower-case tab name → row 1), so setup does not read them twice.
 */
function verifyBeforeSetup(
  sheets: Map<string, Sheet>,
  instruments: readonly InstrumentDefinition[],
): { headers: Map<string, unknown[]>; raw: Record<string, unknown>; modeRow: number | null; instruments: readonly InstrumentDefinition[]; clinicProblems: DefinitionProblem[] } {
  const problems: string[] = [];
  const headers = new Map<string, unknown[]>();
  const verify = (layout: TabLayout): Tab | null => {
    const sheet = sheets.get(layout.name.toLowerCase());
    if (!sheet) return null;
    const header = readHeader(sheet);
    headers.set(layout.name.toLowerCase(), header);
    try {
      return verifiedTab(layout, sheet, header, true);
    } catch (e) {
      if (!(e instanceof LayoutError)) throw e;
      problems.push(e.message);
      return null;
    }
  };
  // The enabled measures decide which instrument tabs setup touches: read them as setup will.
  const raw: Record<string, unknown> = {};
  let modeRow: number | null = null;
  const settingsTab = verify(SETTINGS);
  if (settingsTab && settingsTab.cols.has('key') && settingsTab.cols.has('value')) {
    const { key, value } = readColumns(settingsTab, ['key', 'value']);
    key.forEach((k, i) => {
      const name = String(k ?? '').trim();
      if (name && !(name in raw)) raw[name] = value[i];
      if (name === 'protection.mode' && modeRow === null) modeRow = i + 2;
    });
  }
  // The clinic's own measures (Instruments tab, one block read) can be enabled like built-ins; an invalid row is never among them.
  const instrumentsTab = verify(INSTRUMENTS);
  const clinic = instrumentsTab ? readWorkbookInstruments(instrumentsTab.sheet) : NO_CLINIC_INSTRUMENTS;
  const all = clinic.definitions.length ? [...instruments, ...clinic.definitions] : instruments;
  const settings = parseSettings(raw, all);
  for (const layout of FIXED_TABS) if (layout !== SETTINGS && layout !== INSTRUMENTS) verify(layout);
  for (const def of all) if (settings.instruments.includes(def.id)) verify(instrumentTab(def, settings.options[def.id]));
  for (const d of DASHBOARDS) {
    const sheet = sheets.get(d.name.toLowerCase());
    if (!sheet || d.ours(sheet.getRange(1, 1, 1, 3).getValues()[0])) continue;
    problems.push(
      `The "${sheet.getName()}" tab is not Attain's ${d.what} (its row 1 is not the one Attain writes); nothing was written. If it is the clinic's own tab, rename it (for example "${d.name} (clinic)") and run Set up again: Attain will make its own "${d.name}" tab. If it is Attain's and its first row was changed, restore it (Edit ▸ Undo, or File ▸ Version history) or delete the tab, then run Set up again.`,
    );
  }
  if (problems.length === 1) throw new LayoutError(problems[0]);
  if (problems.length) throw new LayoutError(`Set up changed nothing; ${problems.length} tabs need a fix first:\n${problems.map((p) => `• ${p}`).join('\n')}`);
  return { headers, raw, modeRow, instruments: all, clinicProblems: clinic.problems };
}

/** The spreadsheet's owner, or '' where there is none to ask (a shared drive). */
function ownerOf(ss: Spreadsheet): string {
  try {
    return ss.getOwner()?.getEmail() ?? '';
  } catch {
    return ''; // a shared drive has no single owner
  }
}

/** The person running setup (strict mode keeps them an editor); without userinfo.email, a plain message before any write. */
function effectiveUser(): string {
  return effectiveUserEmail();
}

/**
 * Under strict protection, someone who may not edit Attain's protected tabs cannot bring them in line (Apps Script refuses the
 * change half-way), so setup says so before its first write. One read: the spreadsheet's tab protections.
 */
function strictRefusal(ss: Spreadsheet, me: string, owner: string, supervisors: readonly string[]): string | null {
  const blocked = ss
    .getProtections(SpreadsheetApp.ProtectionType.SHEET)
    .find((p) => (p.getDescription() === `${TAB_PREFIX}Settings` || p.getDescription() === `${TAB_PREFIX}Audit`) && !p.isWarningOnly() && !p.canEdit());
  if (!blocked) return null;
  const who = `${owner || "the spreadsheet's owner"} or a supervisor${supervisors.length ? ` (${supervisors.join(', ')})` : ''}`;
  return `Set up wrote nothing: Attain's protections are strict and ${me || 'you'} may not edit them. Ask ${who} to run Extensions ▸ Attain ▸ Set up this spreadsheet, or to add you to Supervisors in Settings first.`;
}

const APPLIED_COL: ColumnSpec = {
  key: 'applied',
  header: 'Applied',
  note: 'Written by "Set up this spreadsheet": the value it applied last, for settings that only take effect at setup (protection mode, supervisors, the measures in use). Do not edit.',
  kind: 'text',
  width: 140,
};
const STATUS_COL: ColumnSpec = {
  key: 'status',
  header: 'Status',
  note: 'Computed: "Waits for setup" while a value differs from what setup applied last; run Extensions ▸ Attain ▸ Set up this spreadsheet to apply it.',
  kind: 'formula',
  width: 300,
};

/** The Status formula of one setup-only row: blank before any setup, "Applied", or "Waits for setup" naming what is in force. */
function statusFormula(key: string, row: number, valueCol: number, appliedCol: number): string {
  const v = `${columnLetters(valueCol)}${row}`;
  const a = `${columnLetters(appliedCol)}${row}`;
  const compare = `IF(IF(TRIM(${v}&"")="","(none)",TRIM(${v}&""))=${a}&"","Applied","Waits for setup (in force: "&${a}&"): run Extensions ▸ Attain ▸ Set up this spreadsheet")`;
  if (key !== 'protection.mode') return `=IF(${a}="","",${compare})`;
  return `=IF(${a}="","",IF(OR(${v}="warning",${v}="strict"),${compare},"Not a choice: type warning or strict (in force: "&${a}&")"))`;
}

/**
 * The Settings tab's Applied and Status columns, after Attain's own and found by header (so a re-run adds none). They are not part
 * of the layout: actions never read them, and a workbook set up before them keeps working until its next setup. Setup writes each
 * setup-only row's Applied value (only where it changed) and its Status formula, and records the same values in DocumentProperties
 * for the sidebar. Returns the keys whose applied value changed.
 */
function ensureSettingsStatus(tab: Tab, rowOf: ReadonlyMap<string, number>, applied: Record<string, string>): string[] {
  const sheet = tab.sheet;
  const header = readHeader(sheet).map((h) => String(h ?? '').trim().toLowerCase());
  let last = header.length;
  while (last > 0 && header[last - 1] === '') last--;
  const at = (spec: ColumnSpec) => header.indexOf(spec.header.toLowerCase()) + 1;
  const missing = [APPLIED_COL, STATUS_COL].filter((c) => at(c) === 0);
  if (missing.length) {
    ensureColumns(sheet, last + missing.length);
    writeHeaders(sheet, last + 1, missing);
    missing.forEach((c, i) => (header[last + i] = c.header.toLowerCase()));
  }
  const appliedCol = at(APPLIED_COL);
  const statusCol = at(STATUS_COL);
  const valueCol = tab.cols.get('value') as number;
  const rows = [...rowOf].filter(([key]) => appliesAtSetup(key));
  if (!rows.length) return [];
  const lastRow = Math.max(...rows.map(([, r]) => r));
  // Text, so "TRUE" and "(none)" stay the text the Status formula compares against.
  if (missing.includes(APPLIED_COL)) sheet.getRange(2, appliedCol, sheet.getMaxRows() - 1, 1).setNumberFormat('@');
  const had = sheet.getRange(2, appliedCol, lastRow - 1, 1).getValues();
  const formulas = sheet.getRange(2, statusCol, lastRow - 1, 1).getFormulas();
  const changed: string[] = [];
  for (const [key, row] of rows) {
    if (String(had[row - 2][0] ?? '') !== applied[key]) {
      sheet.getRange(row, appliedCol).setValue(applied[key]);
      changed.push(key);
    }
    const f = statusFormula(key, row, valueCol, appliedCol);
    if (formulas[row - 2][0] !== f) sheet.getRange(row, statusCol).setFormula(f);
  }
  return changed;
}

/**
 * The whole setup: idempotent, so running it twice changes nothing the second time. `confirm` asks before strict is relaxed to
 * warning (the menu passes a Yes/No alert; sheets code shows no UI); it is called before the first write, and without it strict stays.
 */
export function setupWorkbook(ss: Spreadsheet, builtIns: readonly InstrumentDefinition[] = BUILT_IN_INSTRUMENTS, confirm?: Confirm): SetupReport & { settings: Settings } {
  const props = PropertiesService.getDocumentProperties();
  const previousVersion = Number(props.getProperty(SCHEMA_PROPERTY) ?? 0) || 0;
  const sheets = sheetsByName(ss);
  // insertSheet makes each new tab the active one: the tab the user was on is given back at the end.
  const userTab = ss.getActiveSheet();
  const tabCount = sheets.size;
  const { headers, raw: found, modeRow, instruments, clinicProblems } = verifyBeforeSetup(sheets, builtIns);
  // The protection mode is decided (and asked about) before the first write: a typo stops here, a refusal writes nothing.
  const me = effectiveUser();
  const owner = ownerOf(ss);
  const applied = props.getProperty(PROTECTION_PROPERTY);
  const setBy = applied === 'strict' ? (props.getProperty(PROTECTION_SET_BY_PROPERTY) ?? '') : '';
  const facts = { value: modeRow === null ? undefined : found['protection.mode'], row: modeRow, applied, setBy, owner, me };
  let decision = decideMode(facts);
  if (decision.stop) throw new LayoutError(decision.stop);
  if (applied === 'strict') {
    const refused = strictRefusal(ss, me, owner, parseSettings(found, instruments).supervisors);
    if (refused) throw new LayoutError(refused);
  }
  if (decision.confirm) decision = afterConfirmation(decision, confirm ? confirm(RELAX_TITLE, RELAX_PROMPT) : false);
  const strict = decision.mode === 'strict';
  const report: SetupReport = {
    schemaVersion: SCHEMA_VERSION,
    previousVersion,
    createdTabs: [],
    addedColumns: [],
    addedSettings: [],
    protectedTabs: [],
    protectionMode: decision.mode,
    protectionsChanged: 0,
    appliedSettings: [],
    notes: decision.note ? [decision.note] : [],
  };
  // A clinic instrument with a problem is left out (nothing else stops); the person running setup is told which row and column.
  if (clinicProblems.length) report.notes.push(`The ${INSTRUMENTS.name} tab has ${clinicProblems.length} problem(s); those rows are not used until fixed: ${clinicProblems.slice(0, 5).map(problemText).join('; ')}${clinicProblems.length > 5 ? ' …' : ''}.`);
  // A deleted "Protection mode" row comes back with the mode in force, never with the default "warning".
  const { tab: settingsTab, raw, versionRow, rowOf } = ensureSettings(ss, sheets, instruments, report, headers, { 'protection.mode': decision.mode });
  const settings = parseSettings(raw, instruments);
  const strictness: Strictness = { strict, me, owner, setBy: strict ? setBy || me : '', supervisors: settings.supervisors };
  const layouts: TabLayout[] = FIXED_TABS.filter((t) => t !== SETTINGS);
  for (const def of instruments) if (settings.instruments.includes(def.id)) layouts.push(instrumentTab(def, settings.options[def.id]));
  const tabs = [settingsTab];
  for (const l of layouts) {
    tabs.push(ensureTab(ss, sheets, l, report, headers));
    // The key columns of the tabs after Clients read the codes tab, which reads Clients: made in between.
    if (l.key === CLIENTS.key) ensureCodesTab(ss, sheets, tabs[tabs.length - 1]);
  }
  for (const tab of tabs) if (ensureHeaderProtection(tab, strictness)) report.protectedTabs.push(tab.layout.name);
  ensureIndex(ss, sheets, tabs.filter((t) => !isClinicLayout(t.layout)));
  ensureSupervision(ss, sheets, tabs, settings);
  if (ensureReviewTab(ss, sheets, tabs, settings)) report.createdTabs.push(REVIEW_TAB);
  // After every tab exists, so the Review tab is protected on the first run too.
  report.protectionsChanged = report.protectedTabs.length + ensureProtections(tabs, sheets, strictness, { [SUPERVISION_TAB]: 'B1', [REVIEW_TAB]: 'B1' });
  // What this run applied, for the Settings Status column and the sidebar's "waits for setup" notice.
  const appliedNow: Record<string, string> = {};
  for (const key of rowOf.keys()) if (appliesAtSetup(key)) appliedNow[key] = key === 'protection.mode' ? decision.mode : appliedText(raw[key]);
  report.appliedSettings = ensureSettingsStatus(settingsTab, rowOf, appliedNow);
  const appliedJson = JSON.stringify(appliedNow);
  if (JSON.stringify(parseApplied(props.getProperty(APPLIED_PROPERTY))) !== appliedJson) props.setProperty(APPLIED_PROPERTY, appliedJson);
  // The recorded version moves only forward, and only when it differs (a second run writes nothing).
  if (settings.schemaVersion !== SCHEMA_VERSION && !report.addedSettings.includes('schema.version')) {
    settingsTab.sheet.getRange(versionRow, settingsTab.cols.get('value') as number).setValue(SCHEMA_VERSION);
  }
  if (previousVersion !== SCHEMA_VERSION) props.setProperty(SCHEMA_PROPERTY, String(SCHEMA_VERSION));
  if (sheets.size !== tabCount) ss.setActiveSheet(userTab);
  return { ...report, settings: { ...settings, schemaVersion: SCHEMA_VERSION, protectionMode: decision.mode } };
}

/** Whether setup has run here (DocumentProperties, no sheet reads); `props` when the caller has already read them all. */
export function isSetUp(props?: Readonly<Record<string, string>>): boolean {
  const version = props ? props[SCHEMA_PROPERTY] : PropertiesService.getDocumentProperties().getProperty(SCHEMA_PROPERTY);
  return Number(version ?? 0) >= 1;
}
