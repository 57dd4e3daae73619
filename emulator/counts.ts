// Call accounting: which kind each emulated method counts as, and the live counters (emulator.calls).

export type Kind = 'read' | 'write' | 'format' | 'structure' | 'chart' | 'lookup' | 'other';
export const KINDS: Kind[] = ['read', 'write', 'format', 'structure', 'chart', 'lookup', 'other'];

export type CallCounts = Record<Kind, number> & { total: number };
/** `cells`: cells transferred by reads (each getValues-like read counts its block, a TextFinder.findAll its matches). */
export type Calls = CallCounts & { reset(): void; log: string[]; cells: number };

/** Per class: the kind of a method not listed (null = local JS, never counted) and the listed exceptions. */
interface ClassKinds {
  default: Kind | null;
  methods?: Record<string, Kind | null>;
}

const RANGE_READ = [
  'getValues', 'getValue', 'getFormulas', 'getFormula', 'getDisplayValues', 'getDisplayValue', 'getNotes', 'getNote',
  'getDataValidations', 'getDataValidation', 'getNumberFormats', 'getNumberFormat', 'getBackgrounds', 'getBackground',
  'getFontWeights', 'getFontWeight', 'getFontColors', 'getFontColor', 'getWraps', 'getWrap', 'getHorizontalAlignments',
  'getHorizontalAlignment', 'isBlank', 'canEdit', 'getProtections',
];
const RANGE_WRITE = ['setValues', 'setValue', 'setFormulas', 'setFormula', 'clearContent', 'clear', 'check', 'uncheck'];
const RANGE_LOOKUP = [
  'getRow', 'getColumn', 'getNumRows', 'getNumColumns', 'getLastRow', 'getLastColumn', 'getA1Notation', 'getSheet',
  'offset', 'getCell', 'getHeight', 'getWidth', 'getRowIndex', 'getColumnIndex', 'getDataRegion', 'createTextFinder', 'getGridId',
];
const SHEET_READ = [
  'getLastRow', 'getLastColumn', 'getMaxRows', 'getMaxColumns', 'getFrozenRows', 'getFrozenColumns', 'isSheetHidden',
  'getConditionalFormatRules', 'getColumnWidth', 'getRowHeight', 'getProtections', 'getTabColor', 'isColumnHiddenByUser',
  'isRowHiddenByUser', 'getNamedRanges',
];
const SHEET_WRITE = ['appendRow', 'clear', 'clearContents'];
const SHEET_FORMAT = [
  'setFrozenRows', 'setFrozenColumns', 'setColumnWidth', 'setColumnWidths', 'setRowHeight', 'setRowHeights',
  'setConditionalFormatRules', 'clearConditionalFormatRules', 'protect', 'setTabColor', 'clearFormats', 'clearNotes',
];
const SHEET_STRUCTURE = [
  'insertRows', 'insertRowsBefore', 'insertRowsAfter', 'insertRowBefore', 'insertRowAfter', 'deleteRow', 'deleteRows',
  'insertColumns', 'insertColumnsBefore', 'insertColumnsAfter', 'insertColumnBefore', 'insertColumnAfter', 'deleteColumn',
  'deleteColumns', 'hideSheet', 'showSheet', 'hideColumns', 'showColumns', 'hideRows', 'showRows', 'setName',
];
const SHEET_CHART = ['insertChart', 'updateChart', 'removeChart', 'getCharts'];

function table(entries: [string[], Kind | null][]): Record<string, Kind | null> {
  const out: Record<string, Kind | null> = {};
  for (const [names, kind] of entries) for (const n of names) out[n] = kind;
  return out;
}

export const CLASS_KINDS: Record<string, ClassKinds> = {
  SpreadsheetApp: {
    default: 'lookup',
    methods: table([
      [['getUi', 'flush'], 'other'],
      [['newDataValidation', 'newConditionalFormatRule'], null],
    ]),
  },
  Spreadsheet: {
    default: 'lookup',
    methods: table([
      [['insertSheet', 'deleteSheet', 'setNamedRange', 'removeNamedRange', 'rename', 'setSpreadsheetTimeZone', 'moveActiveSheet'], 'structure'],
      [['getProtections', 'getOwner', 'getEditors', 'getNamedRanges'], 'read'],
      [['toast'], 'other'],
    ]),
  },
  Sheet: {
    default: 'lookup',
    methods: table([
      [SHEET_READ, 'read'],
      [SHEET_WRITE, 'write'],
      [SHEET_FORMAT, 'format'],
      [SHEET_STRUCTURE, 'structure'],
      [SHEET_CHART, 'chart'],
      [['newChart'], null],
    ]),
  },
  Range: {
    default: 'format',
    methods: table([
      [RANGE_READ, 'read'],
      [RANGE_WRITE, 'write'],
      [RANGE_LOOKUP, 'lookup'],
    ]),
  },
  // findAll asks the server; the option setters are counted too (pessimistic: Google does not say they are local).
  TextFinder: { default: 'other', methods: table([[['findAll', 'findNext', 'findPrevious', 'getCurrentMatch'], 'read'], [['replaceAllWith', 'replaceWith'], 'write']]) },
  NamedRange: { default: 'lookup', methods: table([[['remove', 'setName', 'setRange'], 'structure']]) },
  Protection: {
    default: 'format',
    methods: table([
      [['getDescription', 'getEditors', 'canEdit', 'canDomainEdit', 'isWarningOnly', 'getProtectionType', 'getRange', 'getRangeName', 'getUnprotectedRanges'], 'read'],
    ]),
  },
  // Builders, built values and plain handles are local JavaScript objects in Apps Script too: never counted.
  EmbeddedChartBuilder: { default: null },
  EmbeddedChart: { default: null },
  ChartOptions: { default: null },
  ContainerInfo: { default: null },
  DataValidationBuilder: { default: null },
  DataValidation: { default: null },
  ConditionalFormatRuleBuilder: { default: null },
  ConditionalFormatRule: { default: null },
  BooleanCondition: { default: null },
  User: { default: null },
  HtmlOutput: { default: null },
  Menu: { default: null, methods: { addToUi: 'other' } },
  Ui: { default: 'other', methods: { createAddonMenu: null, createMenu: null } },
  HtmlService: { default: 'other' },
  PropertiesService: { default: 'other' },
  Properties: { default: 'other' },
  CacheService: { default: 'other' },
  Cache: { default: 'other' },
  LockService: { default: 'other' },
  Lock: { default: 'other' },
  Session: { default: 'other' },
  Utilities: { default: 'other' },
  Logger: { default: 'other' },
  Charts: { default: null },
  ScriptApp: { default: 'other' },
};

export function kindOf(cls: string, method: string): Kind | null {
  const k = CLASS_KINDS[cls];
  if (!k) throw new Error(`emulator bug: class ${cls} has no entry in CLASS_KINDS`);
  if (k.methods && Object.prototype.hasOwnProperty.call(k.methods, method)) return k.methods[method];
  return k.default;
}

export function createCalls(): Calls {
  const calls = {
    read: 0, write: 0, format: 0, structure: 0, chart: 0, lookup: 0, other: 0, total: 0,
    log: [] as string[],
    cells: 0,
    reset() {
      for (const k of KINDS) calls[k] = 0;
      calls.total = 0;
      calls.cells = 0;
      calls.log.length = 0;
    },
  };
  return calls;
}

export function countCall(calls: Calls, kind: Kind, name: string): void {
  calls[kind]++;
  calls.total++;
  calls.log.push(name);
}
