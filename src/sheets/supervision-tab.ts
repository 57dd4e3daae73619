// The Supervision tab and its hidden helper ("Attain alerts"): per-client alert formulas, a risk-ordered client list filtered by clinician, per-clinician totals, band and safety colours.
import { findInstrument } from '../core/instruments/registry';
import { CODES_MARK, CODES_TAB, codesListFormula } from './client-keys';
import { colRef, helperColumns, type AlertSources, type HelperColumn, type SourceTab } from './alert-formulas';
import { RISK_WORDS } from '../core/alerts';
import { columnLetters, str } from './formulas';
import { readColumns, readHeader, headerMap, type Tab } from './table';
import type { Settings } from './settings';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const SUPERVISION_TAB = 'Supervision';
export const HELPER_TAB = 'Attain alerts';
/** The review flow's tab, read by header name (Client, Session, T-score, Change from baseline). */
export const REVIEWS_TAB = 'Reviews';
export const REVIEWS_HEADERS: Record<string, string> = { client: 'Client', date: 'Date', session: 'Session', goalId: 'Goal ID', decision: 'Decision', reason: 'Reason', gasLevel: 'GAS level', rating: 'Rating', revised: 'Revised objective', tScore: 'T-score', change: 'Change from baseline', keyLive: 'Order: live' };

/** Helper rows grow in blocks, keeping at least MIN_FREE rows beyond the clients (setup adds a block when needed). */
const BLOCK = 100;
const MIN_FREE = 20;

/** The helper's and Supervision's rows for a Clients tab of `clientRows` rows (setup's rule, when it makes them afresh). */
export const helperCapacity = (clientRows: number): number => Math.ceil((clientRows + MIN_FREE) / BLOCK) * BLOCK;
/** First client row of the Supervision list; rows 1–3 hold the selector, the capacity warning and the headers. */
const FIRST = 4;
const CLINICIAN_ROWS = 30;
export const SELECTOR = `'${SUPERVISION_TAB}'!$B$1`;

const SUPERVISION_CAPTION = 'Pick a clinician in B1 to filter';

/** Whether a tab's A1:C1 is the Supervision tab Attain wrote (A1 "Clinician", C1 its caption), not a clinic's own tab of that name. */
export function isSupervisionTab(row1: readonly unknown[]): boolean {
  return row1[0] === 'Clinician' && String(row1[2] ?? '').startsWith(SUPERVISION_CAPTION);
}

/** Whether a tab's A1:C1 is the hidden helper Attain wrote (its first headers), not a clinic's own tab called "Attain alerts". */
export function isAlertsHelperTab(row1: readonly unknown[]): boolean {
  return row1[0] === 'Client' && row1[1] === 'Clinician' && row1[2] === 'Sessions';
}

const COLOURS = { safety: '#ea9999', deterioration: '#fce5cd', severe: '#e06666', moderate: '#f9cb9c', mild: '#fff2cc' };

/** The Supervision tab's first columns, visible beside a 300 px sidebar; the other display columns follow in the helper's order. */
const LEADING = ['client', 'risk', 'alerts'];
/** Column widths in pixels by display key (alerts wrap in a wide column, e-mail addresses fit); others DEFAULT_WIDTH. */
const WIDTHS: Record<string, number> = { client: 110, risk: 120, alerts: 360, clinician: 200, lastDate: 100 };
const DEFAULT_WIDTH = 110;
const TOTALS_WIDTHS = [200, 80, 110, 110, 130];

/** Display columns in Supervision order: LEADING first, then the rest as the helper lists them. */
export function displayOrder(cols: readonly HelperColumn[]): HelperColumn[] {
  const display = cols.filter((c) => c.display);
  const lead = LEADING.map((k) => display.find((c) => c.key === k)).filter((c): c is HelperColumn => !!c);
  return [...lead, ...display.filter((c) => !LEADING.includes(c.key))];
}

/** A source tab's columns by layout key (letters from 1-based positions). */
export function sourceTab(name: string, cols: ReadonlyMap<string, number>): SourceTab {
  return {
    name,
    has: (k) => cols.has(k),
    col: (k) => {
      const at = cols.get(k);
      if (at === undefined) throw new Error(`Expected a "${k}" column in the "${name}" tab`);
      return columnLetters(at);
    },
  };
}

const fromTab = (t: Tab) => sourceTab(t.layout.name, t.cols);

/** Where the formulas read from: the tabs setup just made sure of, the Settings value cells, and the Reviews tab's headers (documented order when absent). */
function sources(sheets: Map<string, Sheet>, tabs: readonly Tab[], settings: Settings): AlertSources {
  const byKey = new Map(tabs.map((t) => [t.layout.key, t]));
  const settingsTab = byKey.get('settings')!;
  const keys = readColumns(settingsTab, ['key'], settingsTab.sheet.getLastRow()).key.map((k) => String(k ?? '').trim());
  const value = columnLetters(settingsTab.cols.get('value')!);
  const ref = (key: string) => `'${settingsTab.layout.name}'!$${value}$${keys.indexOf(key) + 2}`;
  const reviews = sheets.get(REVIEWS_TAB.toLowerCase());
  const found = reviews ? headerMap(readHeader(reviews)) : new Map<string, number>();
  const reviewCols = new Map(Object.entries(REVIEWS_HEADERS).map(([k, h], i) => [k, found.get(h.toLowerCase()) ?? (reviews ? 0 : i + 1)] as const));
  return {
    clients: fromTab(byKey.get('clients')!),
    sessions: fromTab(byKey.get('sessions')!),
    reviews: sourceTab(REVIEWS_TAB, new Map([...reviewCols].filter(([, v]) => v > 0))),
    ...(byKey.get('tasks') ? { tasks: fromTab(byKey.get('tasks')!) } : {}),
    // Enabled instruments in registry order (built-ins, then the clinic's), each with the definition its tab was built from.
    instruments: settings.instruments
      .map((id) => byKey.get(`instrument:${id}`))
      .filter((t): t is Tab => t !== undefined)
      .map((t) => {
        const def = t.layout.instrument ?? findInstrument(t.layout.key.slice('instrument:'.length));
        return { def, options: settings.options[def.id] ?? {}, tab: fromTab(t) };
      }),
    settings: { reviewEvery: ref('review.everySessions'), notOnTrack: ref('alerts.notOnTrackSession'), plateau: ref('alerts.plateauWindow'), measureOverdue: ref('alerts.measureOverdue') },
    selector: SELECTOR,
  };
}

function ensureSize(sheet: Sheet, rows: number, cols: number): void {
  if (sheet.getMaxRows() < rows) sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
  if (sheet.getMaxColumns() < cols) sheet.insertColumnsAfter(sheet.getMaxColumns(), cols - sheet.getMaxColumns());
}

/** A formula as Sheets stores it: quotes around a plain tab name dropped ('Clients'!$A:$A → Clients!$A:$A). */
const stored = (f: string) => f.replace(/'([A-Za-z_][A-Za-z0-9_]*)'!/g, '$1!');

/** Whether a block already holds exactly these contents (formulas compared as formulas, constants as values). */
function same(sheet: Sheet, want: readonly (readonly string[])[]): boolean {
  if (sheet.getMaxRows() < want.length || sheet.getMaxColumns() < want[0].length) return false;
  const range = sheet.getRange(1, 1, want.length, want[0].length);
  const formulas = range.getFormulas();
  const values = range.getValues();
  return want.every((r, i) => r.every((w, j) => (w.startsWith('=') ? stored(formulas[i][j]) === stored(w) : formulas[i][j] === '' && (w === '' || values[i][j] === w))));
}

/**
 * Writes a block from A1 in column runs. A spill column is written only down to its formula row (`spill` maps column → row index),
 * so the cells its array result flows into stay empty rather than holding "" (which would block the spill).
 */
function writeBlock(sheet: Sheet, rows: readonly (readonly string[])[], spill: ReadonlyMap<number, number>, fromRow = 0): void {
  const width = rows[0].length;
  for (let j = 0; j < width; ) {
    if (spill.has(j)) {
      const last = spill.get(j)!;
      if (last >= fromRow) sheet.getRange(fromRow + 1, j + 1, last - fromRow + 1, 1).setValues(rows.slice(fromRow, last + 1).map((r) => [r[j]]));
      j++;
      continue;
    }
    let k = j;
    while (k + 1 < width && !spill.has(k + 1)) k++;
    sheet.getRange(fromRow + 1, j + 1, rows.length - fromRow, k - j + 1).setValues(rows.slice(fromRow).map((r) => r.slice(j, k + 1)));
    j = k + 1;
  }
}

function openSheet(ss: Spreadsheet, sheets: Map<string, Sheet>, name: string): { sheet: Sheet; fresh: boolean } {
  const found = sheets.get(name.toLowerCase());
  if (found) return { sheet: found, fresh: false };
  const sheet = ss.insertSheet(name, sheets.size);
  sheets.set(name.toLowerCase(), sheet);
  return { sheet, fresh: true };
}

/** Rows of clients the helper (and the codes tab) hold: what the helper has, grown by a block when the clients come near it. */
function alertsCapacity(helper: Sheet | null, clients: Sheet): number {
  const have = helper ? helper.getMaxRows() - 1 : 0;
  const need = Math.max(0, clients.getLastRow() - 1) + MIN_FREE;
  return have >= need ? have : helperCapacity(need - MIN_FREE);
}

/**
 * Creates or refreshes the hidden codes tab (client-keys.ts) right after the Clients tab, so the key columns setup adds next read a
 * tab that exists. Rewritten only when its formula or size differs from what the clients call for.
 */
export function ensureCodesTab(ss: Spreadsheet, sheets: Map<string, Sheet>, clients: Tab): void {
  const codes = openSheet(ss, sheets, CODES_TAB);
  const capacity = alertsCapacity(sheets.get(HELPER_TAB.toLowerCase()) ?? null, clients.sheet);
  const want = [[codesListFormula(colRef(fromTab(clients), 'code'), capacity), CODES_MARK]];
  // The codes formula sorts every row of the Clients tab: as many as the codes tab's, so it fills the tab.
  if (clients.sheet.getMaxRows() < capacity) clients.sheet.insertRowsAfter(clients.sheet.getMaxRows(), capacity - clients.sheet.getMaxRows());
  if (!codes.fresh && codes.sheet.getMaxRows() === capacity && same(codes.sheet, want)) return;
  // Three columns: every dashboard is recognised by its A1:C1.
  ensureSize(codes.sheet, capacity, 3);
  if (codes.sheet.getMaxRows() > capacity) codes.sheet.deleteRows(capacity + 1, codes.sheet.getMaxRows() - capacity);
  if (codes.sheet.getMaxColumns() > 3) codes.sheet.deleteColumns(4, codes.sheet.getMaxColumns() - 3);
  codes.sheet.getRange(1, 1, 1, 2).setValues(want);
  if (codes.fresh) codes.sheet.hideSheet();
}

/** The helper tab: headers, then one row of formulas per Clients row up to the capacity. */
export function helperBlock(src: AlertSources, capacity: number): { cols: HelperColumn[]; rows: string[][] } {
  const cols = helperColumns(src, 2, capacity);
  const rows = [cols.map((c) => c.header)];
  for (let r = 2; r <= capacity + 1; r++) rows.push((r === 2 ? cols : helperColumns(src, r, capacity)).map((c) => c.formula));
  return { cols, rows };
}

/** The Supervision tab's cells except the selector (B1, the user's choice): rows 1 … capacity + 3. */
export function supervisionBlock(cols: readonly HelperColumn[], capacity: number, src: AlertSources): { rows: string[][]; display: HelperColumn[]; srcCol: number; totalsCol: number } {
  const display = displayOrder(cols);
  const srcCol = display.length + 1;
  const totalsCol = srcCol + 1;
  const width = totalsCol + 4;
  const last = capacity + 1;
  const h = (key: string) => {
    const i = cols.findIndex((c) => c.key === key);
    const l = columnLetters(i + 1);
    return `'${HELPER_TAB}'!$${l}$2:$${l}$${last}`;
  };
  const rows: string[][] = Array.from({ length: capacity + FIRST - 1 }, () => new Array<string>(width).fill(''));
  rows[0][0] = 'Clinician';
  rows[0][2] = `${SUPERVISION_CAPTION} (blank = all). Most at risk first: safety, then reliable deterioration, not on track, plateau, overdue review or measure.`;
  rows[1][0] = `=IF(COUNTIF(${colRef(src.clients, 'code')},"?*")-1>${capacity},"More clients than this tab has rows for (${capacity}): run Extensions ▸ Attain ▸ Set up this spreadsheet to include them all.","")`;
  display.forEach((c, j) => (rows[2][j] = c.header));
  const srcL = columnLetters(srcCol);
  for (let r = FIRST; r < capacity + FIRST; r++) {
    const row = rows[r - 1];
    row[srcCol - 1] = `=IFERROR(MATCH(ROW()-${FIRST - 1},${h('pos')},0),"")`;
    display.forEach((c, j) => (row[j] = `=IF($${srcL}${r}="","",INDEX(${h(c.key)},$${srcL}${r}))`));
  }
  // Per-clinician totals (core supervisionTotals): percentages blank, never #DIV/0!, when there is nothing to divide by.
  const t = totalsCol - 1;
  const N = src.settings.measureOverdue;
  rows[2].splice(t, 5, 'Clinician', 'Caseload', 'Reliably improved %', 'Review overdue %', `="Measured in last "&${N}&" sessions %"`);
  const pct = (count: string, of: string) => `=IF(${of}=0,"",ROUND(100*${count}/${of},1))`;
  const totals = (r: number, who: string) => {
    const L = (k: number) => `$${columnLetters(totalsCol + k)}${r}`;
    const mine = who ? `,${h('clinician')},${who}` : '';
    const active = `${h('active')},TRUE${mine}`;
    return [
      `=COUNTIFS(${active})`,
      pct(`COUNTIFS(${active},${h('improved')},TRUE)`, `COUNTIFS(${active},${h('hasCategory')},TRUE)`),
      pct(`COUNTIFS(${active},${h('reviewOverdue')},TRUE)`, L(1)),
      pct(`COUNTIFS(${active},${h('measured')},TRUE)`, L(1)),
    ];
  };
  rows[3].splice(t, 5, 'All clinicians', ...totals(FIRST, ''));
  // ARRAYFORMULA keeps IFERROR from cutting the list to its first name.
  rows[4][t] = `=ARRAYFORMULA(IFERROR(SORT(UNIQUE(FILTER(${h('clinician')},${h('active')},${h('clinician')}<>""))),""))`;
  for (let r = FIRST + 1; r < FIRST + 1 + CLINICIAN_ROWS && r < capacity + FIRST; r++) {
    const who = `$${columnLetters(totalsCol)}${r}`;
    totals(r, who).forEach((f, k) => (rows[r - 1][t + 1 + k] = `=IF(${who}="","",${f.slice(1)})`));
  }
  return { rows, display, srcCol, totalsCol };
}

/** Colours: a row with a safety alert red, one with a reliable deterioration amber; band cells by severity (by label, first match wins). */
function formatRules(sheet: Sheet, display: readonly HelperColumn[], srcCol: number, capacity: number): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
  const n = capacity;
  const riskL = columnLetters(display.findIndex((c) => c.key === 'risk') + 1);
  const all = sheet.getRange(FIRST, 1, n, srcCol - 1);
  const rule = () => SpreadsheetApp.newConditionalFormatRule();
  // The risk words are the most urgent kind: "Safety" rows red, "Deteriorating" (deterioration, no safety) amber.
  const rules = [
    rule().whenFormulaSatisfied(`=$${riskL}${FIRST}=${str(RISK_WORDS.safety)}`).setBackground(COLOURS.safety).setRanges([all]).build(),
    rule().whenFormulaSatisfied(`=$${riskL}${FIRST}=${str(RISK_WORDS['reliable-deterioration'])}`).setBackground(COLOURS.deterioration).setRanges([all]).build(),
  ];
  const bands = display.map((c, i) => ({ c, i })).filter(({ c }) => c.key.endsWith('.band')).map(({ i }) => sheet.getRange(FIRST, i + 1, n, 1));
  if (bands.length) {
    rules.push(rule().whenTextContains('severe').setBackground(COLOURS.severe).setRanges(bands).build());
    rules.push(rule().whenTextContains('moderate').setBackground(COLOURS.moderate).setRanges(bands).build());
    rules.push(rule().whenTextEqualTo('Clinical range').setBackground(COLOURS.moderate).setRanges(bands).build());
    rules.push(rule().whenTextContains('mild').setBackground(COLOURS.mild).setRanges(bands).build());
  }
  return rules;
}

/**
 * Creates or refreshes the helper and Supervision tabs. Each is rewritten only when its formulas differ from what the
 * current layout, settings rows and capacity call for, so a second setup writes nothing. Returns the tabs it (re)wrote.
 */
export function ensureSupervision(ss: Spreadsheet, sheets: Map<string, Sheet>, tabs: readonly Tab[], settings: Settings): string[] {
  const src = sources(sheets, tabs, settings);
  const clients = tabs.find((t) => t.layout.key === 'clients')!;
  const helper = openSheet(ss, sheets, HELPER_TAB);
  const capacity = alertsCapacity(helper.fresh ? null : helper.sheet, clients.sheet);
  const written: string[] = [];

  const { cols, rows } = helperBlock(src, capacity);
  if (helper.fresh || !same(helper.sheet, rows)) {
    ensureSize(helper.sheet, capacity + 1, cols.length);
    if (!helper.fresh) helper.sheet.clearContents();
    writeBlock(helper.sheet, rows, new Map([[cols.findIndex((c) => c.key === 'sorted'), 1]]));
    if (helper.fresh) {
      // The helper's row count is its capacity (read back on the next setup).
      if (helper.sheet.getMaxRows() > capacity + 1) helper.sheet.deleteRows(capacity + 2, helper.sheet.getMaxRows() - capacity - 1);
      helper.sheet.setFrozenRows(1);
      helper.sheet.hideSheet();
    }
    written.push(HELPER_TAB);
  }

  const sup = openSheet(ss, sheets, SUPERVISION_TAB);
  const block = supervisionBlock(cols, capacity, src);
  // B1 is the user's selector: never compared nor written.
  const want = block.rows.map((r, i) => (i === 0 ? r.map((v, j) => (j === 1 ? '' : v)) : r));
  const unchanged = !sup.fresh && same(sup.sheet, want);
  if (unchanged) return written;
  const width = block.rows[0].length;
  ensureSize(sup.sheet, block.rows.length, width);
  const sheet = sup.sheet;
  sheet.getRange(1, 1).setValue(block.rows[0][0]);
  sheet.getRange(1, 3).setValue(block.rows[0][2]);
  writeBlock(sheet, block.rows, new Map([[block.totalsCol - 1, FIRST]]), 1);
  const last = block.rows.length;
  sheet.getRange(1, 1, 3, width).setFontWeight('bold');
  sheet.setFrozenRows(3);
  const fmt = (col: number, f: string) => sheet.getRange(FIRST, col, last - FIRST + 1, 1).setNumberFormat(f);
  // An earlier layout's date or one-decimal format may sit on a column that now holds something else.
  sheet.getRange(FIRST, 1, last - FIRST + 1, width).setNumberFormat('General');
  block.display.forEach((c, j) => c.format && fmt(j + 1, c.format));
  for (let k = 2; k <= 4; k++) fmt(block.totalsCol + k, '0.0');
  // Every column's width and wrap is set, so a tab of an earlier layout (alerts in another column) reads as this one.
  sheet.setColumnWidths(1, width, DEFAULT_WIDTH);
  block.display.forEach((c, j) => WIDTHS[c.key] && sheet.setColumnWidth(j + 1, WIDTHS[c.key]));
  TOTALS_WIDTHS.forEach((w, k) => sheet.setColumnWidth(block.totalsCol + k, w));
  sheet.getRange(3, 1, last - 2, width).setWrap(true);
  sheet.showColumns(1, width);
  sheet.hideColumns(block.srcCol);
  const names = sheet.getRange(FIRST + 1, block.totalsCol, CLINICIAN_ROWS, 1);
  sheet.getRange(1, 2).setDataValidation(SpreadsheetApp.newDataValidation().requireValueInRange(names, true).setAllowInvalid(false).setHelpText('A clinician from the totals list, or blank for all.').build());
  sheet.setConditionalFormatRules(formatRules(sheet, block.display, block.srcCol, capacity));
  written.push(SUPERVISION_TAB);
  return written;
}
