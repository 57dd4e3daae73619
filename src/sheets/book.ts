// One action's view of the spreadsheet: tabs opened once per execution (one getSheets, one header read per tab), the time zone, settings, the Audit rows and the journal of what the action wrote.
import { findInstrument } from '../core/instruments/registry';
import type { InstrumentDefinition } from '../core/instruments/schema';
import type { TabLayout } from './columns';
import { allInstruments, enablesClinicInstrument, readWorkbookInstruments, workbookRegistry } from './clinic-registry';
import { INSTRUMENTS_TAB, type ClinicInstruments } from './instruments-tab';
import { AUDIT, FIXED_TABS, instrumentTab, SETTINGS } from './layout';
import { coveredWidth, INDEX_TAB, parseIndex, parseSettingsMirror, type IndexedTab } from './index-tab';
import { BUILT_IN_INSTRUMENTS } from '../core/instruments/registry';
import { parseSettings, type Settings } from './settings';
import { effectiveUserEmail } from './scopes';
import { codeFinder } from './code-finder';
import { Journal } from './journal';
import { appendRows, col, lastRowOf, openTab, readColumns, type Tab } from './table';
import { cellToIso, dateCellToIso, wallTimeToSerial, zoneOffsetMs } from './values';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface AuditEntry {
  action: string;
  client: string;
  entity: string;
  summary: string;
}

/** A Settings column's header as setup writes it. */
const headerOf = (key: string): string => SETTINGS.columns.find((c) => c.key === key)?.header ?? '';

/** Lives for one server call only: nothing here outlasts the execution, so nothing can go stale. */
export class Book {
  readonly ss: Spreadsheet;
  /** Every append and overwrite this action made, with its undo (tabs opened here share it). */
  readonly journal = new Journal();
  /** The sidebar save's request id ('' for none): kept on its Audit rows, so a retry of a save that landed is recognised. */
  request = '';
  private sheets = new Map<string, Sheet | null>();
  private tabs = new Map<string, Tab>();
  private zone: string | null = null;

  constructor(ss?: Spreadsheet) {
    this.ss = ss ?? SpreadsheetApp.getActiveSpreadsheet();
  }

  /** The spreadsheet's time zone (dates are shown and entered in it). */
  timeZone(): string {
    if (this.zone === null) this.zone = this.ss.getSpreadsheetTimeZone();
    return this.zone;
  }

  /** Today as YYYY-MM-DD in the spreadsheet's time zone. */
  today(): string {
    return this.wallNow().slice(0, 10);
  }

  private now: string | null = null;

  /** Now as YYYY-MM-DD HH:mm:ss in the spreadsheet's zone, read once per execution: today's date and the Audit time share one call. */
  private wallNow(): string {
    if (this.now === null) this.now = Utilities.formatDate(new Date(), this.timeZone(), 'yyyy-MM-dd HH:mm:ss');
    return this.now;
  }

  private offsetMs: number | null = null;

  /**
   * A Date cell as YYYY-MM-DD in the spreadsheet's zone; serials and ISO text pass through.
   * One formatDate call per execution gives the zone's offset; rounding to the nearest day absorbs daylight-saving differences,
   * so reading 10,000 dates costs one service call, not 10,000.
   */
  iso(v: unknown): string {
    const offset = this.zoneOffset();
    return cellToIso(v, (d) => dateCellToIso(d, offset));
  }

  /** The spreadsheet zone's offset from UTC now, in milliseconds (one formatDate per execution). */
  zoneOffset(): number {
    if (this.offsetMs === null) this.offsetMs = zoneOffsetMs(Utilities.formatDate(new Date(), this.timeZone(), 'Z'));
    return this.offsetMs;
  }

  /** A sheet by name, looked up once per execution (one lookup per tab the action touches, however many tabs exist). */
  private sheet(name: string): Sheet | null {
    const k = name.toLowerCase();
    if (!this.sheets.has(k)) this.sheets.set(k, this.ss.getSheetByName(name));
    return this.sheets.get(k) ?? null;
  }

  /** Forgets the tabs, sheets and index positions looked up so far: after setup ran inside this action (Repair), tabs may be new. */
  reopen(): void {
    this.sheets.clear();
    this.tabs.clear();
    this.positions = null;
    this.memos.clear();
  }

  hasTab(name: string): boolean {
    return this.sheet(name) !== null;
  }

  private positions: Map<string, IndexedTab> | null = null;
  /** Settings' rows as the index mirrors them (read with the index), or null without a live mirror. */
  private mirror: unknown[][] | null = null;

  /**
   * Every layout's column positions and last row from the hidden index (two reads per execution, values and formulas of the
   * used range, so an index of any earlier size reads safely); empty when there is no index or it is of an older layout.
   * The index is never trusted blindly: a row whose cells are no longer live formulas on its own tab (pasted as values,
   * references that followed a renamed tab, a deleted tab) is left out, and that tab falls back to its header row and
   * getLastRow, which see the sheet as it is. The formulas read is the one guard for every tab an action appends to.
   */
  private indexed(layouts: readonly TabLayout[]): Map<string, IndexedTab> {
    if (this.positions) return this.positions;
    const sheet = this.sheet(INDEX_TAB);
    if (!sheet) return (this.positions = new Map());
    const range = sheet.getDataRange();
    const [values, formulas] = [range.getValues(), range.getFormulas()];
    this.positions = parseIndex(values, layouts, formulas);
    this.mirror = parseSettingsMirror(values, formulas);
    return this.positions;
  }

  /**
   * The tab for a layout, opened once per execution. Column positions come from the index's live MATCH formulas;
   * a tab the index does not cover completely (renamed header, new layout before setup) falls back to reading its header row.
   */
  tab(layout: TabLayout): Tab {
    const hit = this.tabs.get(layout.key);
    if (hit) return hit;
    const sheet = this.sheet(layout.name);
    const indexed = sheet ? this.indexed(knownLayouts(layout)).get(layout.name) : undefined;
    const tab: Tab = sheet && indexed ? { layout, sheet, cols: indexed.cols, missing: [], width: coveredWidth(indexed), lastRow: indexed.lastRow ?? undefined } : openTab(this.ss, layout, sheet);
    tab.journal = this.journal;
    this.tabs.set(layout.key, tab);
    return tab;
  }

  private memos = new Map<string, { writes: number; value: unknown }>();

  /** `fn`'s answer, computed once per key until this action writes (its journal grows): reads its steps share are made once. */
  memo<T>(key: string, fn: () => T): T {
    const writes = this.journal.size;
    const hit = this.memos.get(key);
    if (hit && hit.writes === writes) return hit.value as T;
    const value = fn();
    this.memos.set(key, { writes, value });
    return value;
  }

  /**
   * The rows, per tab (its sheet id), of every cell that holds `code` as Attain compares codes (whole cell, any case, spaces
   * around it allowed): one spreadsheet-wide TextFinder, then each found cell's tab id and row (two lookups of the found
   * range's own coordinates). One search per action until it writes.
   */
  rowsWith(code: string): Map<number, number[]> {
    const want = code.trim();
    return this.memo(`rowsWith:${want.toLowerCase()}`, () => {
      const rows = new Map<number, number[]>();
      if (!want) return rows;
      for (const cell of codeFinder(this.ss, want).findAll()) {
        const id = cell.getGridId();
        const list = rows.get(id) ?? [];
        list.push(cell.getRow());
        rows.set(id, list);
      }
      for (const [id, list] of rows) rows.set(id, [...new Set(list)].sort((a, b) => a - b));
      return rows;
    });
  }

  /** A tab's sheet id (the key of rowsWith's answer), asked once per tab per action. */
  sheetIdOf(tab: Tab): number {
    const known = this.sheetIds.get(tab.layout.name);
    if (known !== undefined) return known;
    const id = tab.sheet.getSheetId();
    this.sheetIds.set(tab.layout.name, id);
    return id;
  }

  private sheetIds = new Map<string, number>();

  /** The sheet id of the tab named `name` without opening it (two lookups, no read), or null when there is no such tab. */
  sheetIdNamed(name: string): number | null {
    const known = this.sheetIds.get(name);
    if (known !== undefined) return known;
    const sheet = this.ss.getSheetByName(name);
    if (!sheet) return null;
    const id = sheet.getSheetId();
    this.sheetIds.set(name, id);
    return id;
  }

  /** The tab of an instrument (by registry id, built-in or the clinic's), with the clinic's band and cut-off choices. */
  instrument(id: string, settings?: Settings): Tab {
    const def = this.find(id);
    return this.tab(instrumentTab(def, settings?.options[def.id]));
  }

  private clinic: ClinicInstruments | null = null;

  /** The Instruments tab's valid definitions and problems, read in one block once per execution (no tab: none). */
  clinicInstruments(): ClinicInstruments {
    if (!this.clinic) this.clinic = readWorkbookInstruments(this.sheet(INSTRUMENTS_TAB));
    return this.clinic;
  }

  /** Every instrument this workbook knows: the built-ins, then the clinic's valid definitions. */
  instruments(): readonly InstrumentDefinition[] {
    return allInstruments(this.clinicInstruments());
  }

  /** An instrument by id, name or alias: a built-in without reading anything, else the clinic's (one read of the Instruments tab). */
  find(name: unknown): InstrumentDefinition {
    try {
      return findInstrument(name);
    } catch (builtInError) {
      if (typeof name !== 'string' || !this.clinicInstruments().definitions.length) throw builtInError;
      return workbookRegistry(this.clinicInstruments()).find(name);
    }
  }

  /** The Settings tab as typed settings: from the index's mirror when it shows all of it, else one read of the tab. */
  settings(): Settings {
    const tab = this.tab(SETTINGS);
    const { key, value } = this.mirroredSettings(tab) ?? readColumns(tab, ['key', 'value'], lastRowOf(tab));
    const raw: Record<string, unknown> = {};
    key.forEach((k, i) => {
      const name = String(k ?? '').trim();
      if (name && !(name in raw)) raw[name] = value[i];
    });
    // The Instruments tab is read only when Settings enables one of its measures: a clinic without any reads nothing more.
    return parseSettings(raw, enablesClinicInstrument(raw) ? this.instruments() : BUILT_IN_INSTRUMENTS);
  }

  /**
   * Settings' key and value columns from the index's mirror: only when the tab's positions and last row came from the index's
   * live row, the mirror covers both columns and every used row, and its row 1 shows their headers there (so it is Settings'
   * own cells, in place, not a blocked or stale spill). Otherwise null, and the tab is read.
   */
  private mirroredSettings(tab: Tab): { key: unknown[]; value: unknown[] } | null {
    const indexed = this.positions?.get(tab.layout.name);
    const rows = this.mirror;
    if (!indexed || !rows || indexed.lastRow === null || indexed.lastRow > rows.length) return null;
    const [k, v] = [tab.cols.get('key'), tab.cols.get('value')];
    if (k === undefined || v === undefined || rows[0][k - 1] !== headerOf('key') || rows[0][v - 1] !== headerOf('value')) return null;
    const body = rows.slice(1, indexed.lastRow);
    return { key: body.map((r) => r[k - 1]), value: body.map((r) => r[v - 1]) };
  }

  /**
   * Appends Audit rows (one write): time, the effective user (userinfo.email; '' only where Apps Script hides it), action, client,
   * entity, summary and this save's request id.
   */
  audit(entries: AuditEntry | readonly AuditEntry[]): void {
    // Without userinfo.email (unticked on Google's consent screen) this throws a plain message: an Audit row must name its user.
    const user = effectiveUserEmail();
    const time = wallTimeToSerial(this.wallNow());
    const list = Array.isArray(entries) ? entries : [entries as AuditEntry];
    appendRows(
      this.tab(AUDIT),
      list.map((e) => ({ time, user, ...e, request: this.request })),
    );
  }

  /**
   * The Audit rows an earlier run of this save's request wrote (a retry of a save that landed, its reply lost), or [] when
   * there is none, no request id, or no Request column yet. One read of the last RETRY_WINDOW Audit rows: a retry comes
   * within minutes, so the rows it looks for are near the end, and the read does not grow with the Audit tab.
   */
  priorRun(): AuditEntry[] {
    if (!this.request) return [];
    const tab = this.tab(AUDIT);
    if (!tab.cols.has('request')) return [];
    const last = lastRowOf(tab);
    if (last < 2) return [];
    const first = Math.max(2, last - RETRY_WINDOW + 1);
    const keys = ['action', 'client', 'entity', 'summary', 'request'] as const;
    const at = keys.map((k) => col(tab, k));
    const left = Math.min(...at);
    const block = tab.sheet.getRange(first, left, last - first + 1, Math.max(...at) - left + 1).getValues();
    const cell = (r: unknown[], k: number) => String(r[at[k] - left] ?? '');
    return block.filter((r) => cell(r, 4) === this.request).map((r) => ({ action: cell(r, 0), client: cell(r, 1), entity: cell(r, 2), summary: cell(r, 3) }));
  }
}

/** How many of Audit's last rows a retry's request id is looked for in. */
export const RETRY_WINDOW = 200;

/** Layouts the index may describe: the fixed tabs, every registry instrument, and the one asked for. */
function knownLayouts(extra: TabLayout): TabLayout[] {
  return [extra, ...FIXED_TABS, ...BUILT_IN_INSTRUMENTS.map((d) => instrumentTab(d))];
}
