// EmulatorState: the whole emulated document as JSON (cells, formats, rules, protections, charts, names, properties), and loading it back exactly.
import { DetailedCellError, type RawCellContent } from 'hyperformula';
import { cellA1, parseA1 } from '../src/sheets/a1';
import type { ChartSpec } from './charts';
import type { PropertyStores } from './properties';
import { absoluteRef } from './spreadsheet';
import { instantOfSerial, serialOfInstant } from './time';
import { isDate } from './not-emulated';
import type { Workbook } from './workbook';
import type { CellFmt, ChartModel, ConditionalFormatSpec, DataValidationSpec, GridRange, ProtectionModel, SheetModel } from './model';
import { isGrid } from './model';

export type StateValue = number | string | boolean | { type: 'date'; iso: string };
export type StateArg = StateValue | string[] | { type: 'range'; a1: string } | null;

/** A cell as JSON: its A1 address, value or formula, and its formats (CellFmt, with the validation's arguments as StateArgs). */
export interface CellState extends Omit<CellFmt, 'dv'> {
  a1: string;
  v?: StateValue;
  f?: string;
  dv?: Omit<DataValidationSpec, 'args'> & { args: StateArg[] };
}

export interface ProtectionState {
  type: 'RANGE' | 'SHEET';
  range: string | null;
  description: string;
  editors: string[];
  domainEdit: boolean;
  warningOnly: boolean;
  unprotected: string[];
  rangeName: string | null;
}

export interface ConditionalFormatState {
  ranges: string[];
  condition: { type: string; values: StateArg[] } | null;
  gradient: ConditionalFormatSpec['gradient'];
  format: ConditionalFormatSpec['format'];
}

export interface SheetState {
  sheetId: number;
  name: string;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  frozenColumns: number;
  hidden: boolean;
  tabColor: string | null;
  columnWidths: Record<string, number>;
  rowHeights: Record<string, number>;
  hiddenRows: number[];
  hiddenColumns: number[];
  cells: CellState[];
  conditionalFormats: ConditionalFormatState[];
  charts: ChartSpec[];
  protections: ProtectionState[];
}

export interface EmulatorState {
  version: 1;
  spreadsheet: { id: string; name: string; timeZone: string; owner: string; activeSheet: string | null };
  sheets: SheetState[];
  namedRanges: { name: string; range: string }[];
  properties: PropertyStores;
  nextChartId: number;
}

function dateOut(d: Date): { type: 'date'; iso: string } {
  return { type: 'date', iso: d.toISOString() };
}

function argOut(wb: Workbook, a: unknown): StateArg {
  if (isGrid(a)) return { type: 'range', a1: wb.gridA1(a) };
  if (isDate(a)) return dateOut(a);
  if (Array.isArray(a)) return a.map(String);
  return a as StateArg;
}

function gridIn(wb: Workbook, a1: string): GridRange {
  const ref = parseA1(a1);
  const sm = ref.sheet === undefined ? undefined : wb.sheetByName(ref.sheet);
  if (!sm) throw new Error(`State refers to a missing sheet: ${a1}`);
  const endRow = ref.endRow ?? sm.maxRows;
  const endCol = ref.endCol ?? sm.maxCols;
  return { sheet: sm, row: ref.startRow as number, col: ref.startCol as number, numRows: endRow - (ref.startRow as number) + 1, numCols: endCol - (ref.startCol as number) + 1 };
}

function argIn(wb: Workbook, a: StateArg): unknown {
  if (a && typeof a === 'object' && !Array.isArray(a)) {
    if (a.type === 'range') return gridIn(wb, a.a1);
    if (a.type === 'date') return new Date(a.iso);
  }
  return Array.isArray(a) ? [...a] : a;
}

function chartOut(wb: Workbook, m: ChartModel): ChartSpec {
  return { chartId: m.chartId, type: m.type, ranges: m.ranges.map((g) => wb.gridA1(g)), options: JSON.parse(JSON.stringify(m.options)), position: { ...m.position }, hiddenDimensionStrategy: m.hiddenDimensionStrategy, mergeStrategy: m.mergeStrategy, numHeaders: m.numHeaders, transposeRowsAndColumns: m.transposeRowsAndColumns };
}

export function protectionOut(wb: Workbook, p: ProtectionModel): ProtectionState {
  return { type: p.type, range: p.range ? wb.gridA1(p.range) : null, description: p.description, editors: [...p.editors], domainEdit: p.domainEdit, warningOnly: p.warningOnly, unprotected: p.unprotected.map((g) => wb.gridA1(g)), rangeName: p.rangeName };
}

export function chartSpec(wb: Workbook, m: ChartModel): ChartSpec {
  return chartOut(wb, m);
}

function numKeyed(m: Map<number, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of [...m].sort((a, b) => a[0] - b[0])) out[String(k)] = v;
  return out;
}

/** A cell's format keys, saved and loaded in this order. */
const FORMAT_KEYS = ['nf', 'note', 'bg', 'fw', 'fc', 'wrap', 'ha'] as const;

/** A "row:col" key as one sortable number, row-major. */
function rowMajor(key: string): number {
  const [r, c] = key.split(':').map(Number);
  return r * 100000 + c;
}

export function exportState(wb: Workbook, stores: PropertyStores, activeSheet: SheetModel | null): EmulatorState {
  const sheets: SheetState[] = wb.sheets.map((sm) => {
    const cells = new Map<string, CellState>();
    const cell = (r: number, c: number): CellState => {
      const key = `${r}:${c}`;
      let s = cells.get(key);
      if (!s) cells.set(key, (s = { a1: cellA1(r, c) }));
      return s;
    };
    const hf = wb.engine.hf;
    const formulas = hf.getSheetFormulas(sm.eid);
    const values = hf.getSheetValues(sm.eid);
    values.forEach((row, r) =>
      row.forEach((v, c) => {
        const f = formulas[r]?.[c];
        if (f !== undefined) {
          cell(r + 1, c + 1).f = f;
          return;
        }
        if (v === null || v === undefined || v instanceof DetailedCellError) return;
        // Spilled results of array formulas are not contents of their own.
        if (hf.isCellPartOfArray({ sheet: sm.eid, row: r, col: c })) return;
        if (typeof v === 'number' && wb.isDateCell(sm, r + 1, c + 1)) cell(r + 1, c + 1).v = dateOut(new Date(instantOfSerial(v, wb.timeZone)));
        else cell(r + 1, c + 1).v = v as StateValue;
      }),
    );
    for (const [r, cols] of sm.fmt)
      for (const [c, f] of cols) {
        const s = cell(r, c);
        // Keys in one fixed order (the order formats were set is not kept by a saved and loaded document).
        for (const k of FORMAT_KEYS) if (f[k] !== undefined) (s as unknown as Record<string, unknown>)[k] = f[k];
        const dv = f.dv;
        if (dv) s.dv = { criteria: dv.criteria, args: dv.args.map((a) => argOut(wb, a)), allowInvalid: dv.allowInvalid, helpText: dv.helpText };
      }
    return {
      sheetId: sm.sheetId,
      name: sm.name,
      maxRows: sm.maxRows,
      maxColumns: sm.maxCols,
      frozenRows: sm.frozenRows,
      frozenColumns: sm.frozenCols,
      hidden: sm.hidden,
      tabColor: sm.tabColor,
      columnWidths: numKeyed(sm.colWidths),
      rowHeights: numKeyed(sm.rowHeights),
      hiddenRows: [...sm.hiddenRows].sort((a, b) => a - b),
      hiddenColumns: [...sm.hiddenCols].sort((a, b) => a - b),
      // Row-major order, from the keys (parsing each A1 inside the sort made it most of an export's time).
      cells: [...cells].map(([k, c]) => ({ at: rowMajor(k), c })).sort((a, b) => a.at - b.at).map((x) => x.c),
      conditionalFormats: sm.conditionalFormats.map((cf) => ({ ranges: cf.ranges.map((g) => wb.gridA1(g)), condition: cf.condition ? { type: cf.condition.type, values: cf.condition.values.map((a) => argOut(wb, a)) } : null, gradient: cf.gradient ? JSON.parse(JSON.stringify(cf.gradient)) : null, format: { ...cf.format } })),
      charts: sm.charts.map((m) => chartOut(wb, m)),
      protections: sm.protections.map((p) => protectionOut(wb, p)),
    };
  });
  return {
    version: 1,
    spreadsheet: { id: wb.id, name: wb.name, timeZone: wb.timeZone, owner: wb.owner, activeSheet: activeSheet?.name ?? null },
    sheets,
    namedRanges: [...wb.namedRanges].map(([name, g]) => ({ name, range: wb.gridA1(g) })),
    properties: JSON.parse(JSON.stringify(stores)),
    nextChartId: wb.nextChartId,
  };
}

/** Fills an empty workbook from a state (sheets first, then names, then contents, so cross-sheet formulas resolve). */
export function importState(wb: Workbook, state: EmulatorState, stores: PropertyStores): void {
  if (!state || state.version !== 1) throw new Error('Unsupported emulator state (expected version 1)');
  wb.id = state.spreadsheet.id;
  wb.name = state.spreadsheet.name;
  wb.timeZone = state.spreadsheet.timeZone;
  state.sheets.forEach((s, i) => {
    const sm = wb.addSheet(s.name, i, s.maxRows, s.maxColumns, s.sheetId);
    sm.frozenRows = s.frozenRows;
    sm.frozenCols = s.frozenColumns;
    sm.hidden = s.hidden;
    sm.tabColor = s.tabColor;
    sm.colWidths = new Map(Object.entries(s.columnWidths).map(([k, v]) => [Number(k), v]));
    sm.rowHeights = new Map(Object.entries(s.rowHeights).map(([k, v]) => [Number(k), v]));
    sm.hiddenRows = new Set(s.hiddenRows);
    sm.hiddenCols = new Set(s.hiddenColumns);
  });
  for (const n of state.namedRanges) {
    const g = gridIn(wb, n.range);
    wb.namedRanges.set(n.name, g);
    wb.engine.hf.addNamedExpression(n.name, `=${absoluteRef(g)}`);
  }
  for (const s of state.sheets) {
    const sm = wb.sheetByName(s.name) as SheetModel;
    for (const c of s.cells) {
      const ref = parseA1(c.a1);
      const r = ref.startRow as number;
      const col = ref.startCol as number;
      const fmt: CellFmt = {};
      for (const k of FORMAT_KEYS) if (c[k] !== undefined) (fmt as Record<string, unknown>)[k] = c[k];
      if (c.dv) fmt.dv = { criteria: c.dv.criteria, args: c.dv.args.map((a) => argIn(wb, a)), allowInvalid: c.dv.allowInvalid, helpText: c.dv.helpText } as DataValidationSpec;
      if (Object.keys(fmt).length) wb.setFmt(sm, r, col, fmt);
    }
  }
  // Each row's runs of adjacent cells in one write, outside a batch: HyperFormula's batch re-walks every earlier write on each
  // write (quadratic in cells). Blank cells are never written: writing one inside a spill's predicted area would shrink it.
  const hf = wb.engine.hf;
  hf.suspendEvaluation();
  for (const s of state.sheets) {
    const sm = wb.sheetByName(s.name) as SheetModel;
    let run: { row: number; col: number; cells: RawCellContent[] } | null = null;
    const flush = () => {
      if (run) hf.setCellContents({ sheet: sm.eid, row: run.row, col: run.col }, [run.cells]);
      run = null;
    };
    for (const c of s.cells) {
      const ref = parseA1(c.a1);
      let content: RawCellContent = null;
      if (c.f !== undefined) content = c.f;
      else if (c.v !== undefined) {
        const v = c.v;
        if (typeof v === 'object') content = serialOfInstant(Date.parse(v.iso), wb.timeZone);
        else if (typeof v === 'string') content = "'" + v;
        else content = v;
      }
      if (content === null) continue;
      const row = (ref.startRow as number) - 1;
      const col = (ref.startCol as number) - 1;
      const r = run as { row: number; col: number; cells: RawCellContent[] } | null;
      if (r && r.row === row && r.col + r.cells.length === col) r.cells.push(content);
      else {
        flush();
        run = { row, col, cells: [content] };
      }
    }
    flush();
  }
  hf.resumeEvaluation();
  wb.engine.settle();
  for (const s of state.sheets) {
    const sm = wb.sheetByName(s.name) as SheetModel;
    sm.conditionalFormats = s.conditionalFormats.map((cf) => ({ ranges: cf.ranges.map((a) => gridIn(wb, a)), condition: cf.condition ? { type: cf.condition.type, values: cf.condition.values.map((a) => argIn(wb, a)) } : null, gradient: cf.gradient ? JSON.parse(JSON.stringify(cf.gradient)) : null, format: { ...cf.format } }));
    sm.charts = s.charts.map((c) => ({ chartId: c.chartId, type: c.type, ranges: c.ranges.map((a) => gridIn(wb, a)), options: JSON.parse(JSON.stringify(c.options)), position: { ...c.position }, hiddenDimensionStrategy: c.hiddenDimensionStrategy, mergeStrategy: c.mergeStrategy, numHeaders: c.numHeaders, transposeRowsAndColumns: c.transposeRowsAndColumns }));
    sm.protections = s.protections.map((p) => ({ type: p.type, sheet: sm, range: p.range ? gridIn(wb, p.range) : null, description: p.description, editors: [...p.editors], domainEdit: p.domainEdit, warningOnly: p.warningOnly, unprotected: p.unprotected.map((a) => gridIn(wb, a)), rangeName: p.rangeName, removed: false }));
  }
  wb.nextChartId = state.nextChartId;
  stores.document = { ...state.properties.document };
  stores.script = { ...state.properties.script };
  stores.user = JSON.parse(JSON.stringify(state.properties.user));
}
