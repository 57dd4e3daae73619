// OAuth scopes per Apps Script method (any one of a row's scopes suffices), each row with the reference page it was read from, and Apps Script's error when none of them is granted.

const DOCS = 'https://developers.google.com/apps-script/reference';
export const SCOPE = {
  sheetsCurrent: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  sheets: 'https://www.googleapis.com/auth/spreadsheets',
  ui: 'https://www.googleapis.com/auth/script.container.ui',
  email: 'https://www.googleapis.com/auth/userinfo.email',
} as const;

/** One row: a class's method ('*': every method of the class without its own row) and the scopes that allow it ([]: none needed). */
export interface ScopeRow {
  cls: string;
  method: string;
  scopes: readonly string[];
  /** The reference page whose "Authorization" section lists these scopes (or lists none). */
  doc: string;
}

const SHEETS = [SCOPE.sheetsCurrent, SCOPE.sheets];
// Every Spreadsheet-service method lists "spreadsheets.currentonly or spreadsheets" under Authorization, builders included.
const SHEET_CLASSES: [string, string][] = [
  ['Spreadsheet', 'spreadsheet'],
  ['Sheet', 'sheet'],
  ['Range', 'range'],
  ['TextFinder', 'text-finder'],
  ['Protection', 'protection'],
  ['NamedRange', 'named-range'],
  ['EmbeddedChart', 'embedded-chart'],
  ['EmbeddedChartBuilder', 'embedded-chart-builder'],
  ['ContainerInfo', 'container-info'],
  ['ConditionalFormatRule', 'conditional-format-rule'],
  ['ConditionalFormatRuleBuilder', 'conditional-format-rule-builder'],
  ['BooleanCondition', 'boolean-condition'],
  ['DataValidation', 'data-validation'],
  ['DataValidationBuilder', 'data-validation-builder'],
];
// Services whose reference pages list no Authorization section for the methods Attain calls.
const NO_SCOPE_CLASSES: [string, string][] = [
  ['PropertiesService', 'properties/properties-service'],
  ['Properties', 'properties/properties'],
  ['LockService', 'lock/lock-service'],
  ['Lock', 'lock/lock'],
  ['CacheService', 'cache/cache-service'],
  ['Cache', 'cache/cache'],
  ['Utilities', 'utilities/utilities'],
  ['Logger', 'base/logger'],
  ['HtmlService', 'html/html-service'],
  ['HtmlOutput', 'html/html-output'],
  ['Menu', 'base/menu'],
  ['User', 'base/user'],
  ['Charts', 'charts/charts'],
  ['ChartOptions', 'charts/chart-options'],
  ['ScriptApp', 'script/script-app'],
];

export const SCOPE_TABLE: readonly ScopeRow[] = [
  { cls: 'SpreadsheetApp', method: '*', scopes: SHEETS, doc: `${DOCS}/spreadsheet/spreadsheet-app` },
  { cls: 'SpreadsheetApp', method: 'getActiveSpreadsheet', scopes: SHEETS, doc: `${DOCS}/spreadsheet/spreadsheet-app#getActiveSpreadsheet()` },
  // getUi works in AuthMode.NONE (onOpen builds the menu before any authorisation), so it needs no scope.
  { cls: 'SpreadsheetApp', method: 'getUi', scopes: [], doc: `${DOCS}/spreadsheet/spreadsheet-app#getUi()` },
  ...SHEET_CLASSES.map(([cls, page]): ScopeRow => ({ cls, method: '*', scopes: SHEETS, doc: `${DOCS}/spreadsheet/${page}` })),
  // Sidebars and dialogs show web content: script.container.ui ("Display and run third-party web content in prompts and sidebars").
  { cls: 'Ui', method: 'showSidebar', scopes: [SCOPE.ui], doc: `${DOCS}/base/ui#showSidebar(Object)` },
  { cls: 'Ui', method: 'showModalDialog', scopes: [SCOPE.ui], doc: `${DOCS}/base/ui#showModalDialog(Object,String)` },
  { cls: 'Ui', method: 'showModelessDialog', scopes: [SCOPE.ui], doc: `${DOCS}/base/ui#showModelessDialog(Object,String)` },
  { cls: 'Ui', method: '*', scopes: [], doc: `${DOCS}/base/ui` },
  { cls: 'Session', method: 'getActiveUser', scopes: [SCOPE.email], doc: `${DOCS}/base/session#getActiveUser()` },
  { cls: 'Session', method: 'getEffectiveUser', scopes: [SCOPE.email], doc: `${DOCS}/base/session#getEffectiveUser()` },
  { cls: 'Session', method: '*', scopes: [], doc: `${DOCS}/base/session` },
  ...NO_SCOPE_CLASSES.map(([cls, page]): ScopeRow => ({ cls, method: '*', scopes: [], doc: `${DOCS}/${page}` })),
];

const BY_KEY = new Map(SCOPE_TABLE.map((r) => [`${r.cls}.${r.method}`, r]));

/** The row for a method: its own, else its class's '*' row; throws when the table has neither (add the row, with its reference page). */
export function scopeRow(cls: string, method: string): ScopeRow {
  const row = BY_KEY.get(`${cls}.${method}`) ?? BY_KEY.get(`${cls}.*`);
  if (!row) throw new Error(`Expected a row for ${cls}.${method} (or ${cls}.*) in emulator/scopes.ts; found none. Add it with the scopes its Apps Script reference page lists under "Authorization".`);
  return row;
}

/** Apps Script's message for a call none of whose scopes is granted: one scope plain, several as "(a || b)". */
export function scopeError(qualifiedName: string, scopes: readonly string[]): string {
  const needed = scopes.length === 1 ? scopes[0] : `(${scopes.join(' || ')})`;
  return `You do not have permission to call ${qualifiedName}. Required permissions: ${needed}`;
}

/** The error message when none of the method's scopes is granted, else null. */
export function missingScope(cls: string, method: string, qualifiedName: string, granted: ReadonlySet<string>): string | null {
  const { scopes } = scopeRow(cls, method);
  if (scopes.length === 0 || scopes.some((s) => granted.has(s))) return null;
  return scopeError(qualifiedName, scopes);
}
