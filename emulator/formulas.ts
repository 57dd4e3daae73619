// The HyperFormula bridge: one engine per emulated spreadsheet (sheet names = tab names), Attain's custom functions as a plugin that calls into the bundle, spills sized from real results, and formula-error bookkeeping.
import {
  ArraySize,
  CellError,
  DetailedCellError,
  EmptyValue,
  ErrorType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type CellValue,
  type RawCellContent,
  type SimpleCellAddress,
} from 'hyperformula';
import { SHEETS_ERROR_TEXT } from './formula-errors';
import { isDate } from './not-emulated';

/**
 * ROW as Sheets has it: inside ARRAYFORMULA, ROW(range) is the column of the range's row numbers (HyperFormula gives only the
 * first row). Registered after the built-ins, so it replaces theirs; a cell or no argument behaves as before.
 */
function rowArrayPlugin(): ReturnType<typeof HyperFormula.getAllFunctionPlugins>[number] {
  const builtIn = HyperFormula.getAllFunctionPlugins().find((p) => 'ROW' in p.implementedFunctions)!;
  type RowAst = { args: { type: string; expression?: unknown }[] };
  type Evaluator = { evaluateAst(a: unknown, s: unknown): unknown; row(ast: unknown, state: unknown): unknown };
  class SheetsRow extends (builtIn as unknown as new (...a: unknown[]) => Evaluator) {
    row(ast: RowAst, state: { arraysFlag?: boolean }): unknown {
      let arg = ast.args[0] as { type: string; expression?: unknown } | undefined;
      while (arg && arg.type === 'PARENTHESIS') arg = arg.expression as typeof arg;
      if (arg && state.arraysFlag && ['CELL_RANGE', 'COLUMN_RANGE', 'ROW_RANGE'].includes(arg.type)) {
        const v = this.evaluateAst(arg, state);
        if (v instanceof SimpleRangeValue) {
          const top = v.range ? v.range.start.row : 0;
          return SimpleRangeValue.onlyNumbers(v.data.map((_, r) => [top + r + 1]));
        }
      }
      return super.row(ast, state);
    }
  }
  (SheetsRow as unknown as { implementedFunctions: unknown }).implementedFunctions = { ROW: builtIn.implementedFunctions.ROW };
  return SheetsRow as unknown as ReturnType<typeof HyperFormula.getAllFunctionPlugins>[number];
}

/**
 * INDEX as Sheets costs it: the one addressed cell of a referenced range is read, not the whole range (HyperFormula copies every
 * cell of the range first, so a per-row INDEX over a whole column made evaluation quadratic in the tab's rows). Values are the
 * ones the built-in gives: the same cell read the same way; a range given as values (an array, a spill) goes to the built-in.
 */
function lazyIndexPlugin(): ReturnType<typeof HyperFormula.getAllFunctionPlugins>[number] {
  const builtIn = HyperFormula.getAllFunctionPlugins().find((p) => 'INDEX' in p.implementedFunctions)!;
  type Graph = { getCellValue(a: SimpleCellAddress): unknown };
  type Lazy = { _data?: unknown; range?: { start: SimpleCellAddress }; dependencyGraph?: Graph; width(): number; height(): number };
  type Run = (args: unknown[], state: unknown, meta: unknown, fn: (r: Lazy, row: number, col: number) => unknown) => unknown;
  type Plugin = { runFunction: Run; metadata(n: string): unknown; index(ast: unknown, state: unknown): unknown };
  class SheetsIndex extends (builtIn as unknown as new (...a: unknown[]) => Plugin) {
    index(ast: { args: unknown[] }, state: unknown): unknown {
      return this.runFunction(ast.args, state, this.metadata('INDEX'), (range, row, col) => {
        // The built-in's checks and messages, in its order.
        if (col < 1 || row < 1) return new CellError(ErrorType.VALUE, 'Argument cannot be less than 1.');
        if (col > range.width() || row > range.height()) return new CellError(ErrorType.NUM, 'Value too large.');
        if (range._data === undefined && range.range && range.dependencyGraph) {
          const { start } = range.range;
          const v = range.dependencyGraph.getCellValue({ sheet: start.sheet, row: start.row + row - 1, col: start.col + col - 1 });
          return v instanceof SimpleRangeValue ? new CellError(ErrorType.VALUE, 'Cell range not allowed.') : v;
        }
        const data = (range as unknown as { data: unknown[][] }).data;
        return data?.[row - 1]?.[col - 1] ?? data?.[0]?.[0] ?? new CellError(ErrorType.VALUE, 'Cell range expected.');
      });
    }
  }
  (SheetsIndex as unknown as { implementedFunctions: unknown }).implementedFunctions = { INDEX: builtIn.implementedFunctions.INDEX };
  return SheetsIndex as unknown as ReturnType<typeof HyperFormula.getAllFunctionPlugins>[number];
}

/**
 * A formula that reads a range another formula already reads is linked to that range's vertex alone. HyperFormula re-linked
 * every cell of the range to the vertex for each new formula (and searched the vertex's edge list for each), so writing a
 * formula over a whole column cost the column's length: setup's per-client alert rows over a five-year tab took minutes.
 * The vertex's own links were made when it was created and are kept up to date as cells come and go, so values do not change.
 */
function sharedRangesOnce(hf: HyperFormula): void {
  type Vertex = { idInGraph?: number };
  type Range = { start: SimpleCellAddress; end: SimpleCellAddress; addresses: unknown };
  type Dg = {
    processCellDependencies(deps: unknown[], end: Vertex): void;
    getRange(start: SimpleCellAddress, end: SimpleCellAddress): Vertex | undefined;
    graph: { hasNode(v: Vertex): boolean; addEdge(from: Vertex, to: Vertex): void };
  };
  const dg = (hf as unknown as { dependencyGraph?: Dg }).dependencyGraph;
  if (!dg || typeof dg.processCellDependencies !== 'function' || typeof dg.getRange !== 'function')
    throw new Error('Expected HyperFormula 3.x internals (dependencyGraph.processCellDependencies, getRange); got none. Update sharedRangesOnce in emulator/formulas.ts for this HyperFormula version');
  const original = dg.processCellDependencies.bind(dg);
  dg.processCellDependencies = (deps, end) => {
    const rest: unknown[] = [];
    const known: Vertex[] = [];
    for (const dep of deps) {
      const r = dep as Partial<Range>;
      const vertex = r.start && r.end && typeof r.addresses === 'function' ? dg.getRange(r.start, r.end) : undefined;
      if (vertex && dg.graph.hasNode(vertex)) known.push(vertex);
      else rest.push(dep);
    }
    original(rest, end);
    for (const v of known) dg.graph.addEdge(v, end);
  };
}

type CriterionLambda = (cell: unknown) => boolean;
interface CriterionBuilderLike {
  parseCriterion(raw: unknown, helper: unknown): { operator: string; value: unknown } | undefined;
  fromCellValue(raw: unknown, helper: unknown): { raw: unknown; lambda: CriterionLambda } | undefined;
}

/**
 * Criteria as Sheets reads them (COUNTIF(S), SUMIF(S), AVERAGEIF, MINIFS, MAXIFS, the D-functions): a criterion that parses as a
 * number or date compares as a number and never matches a text cell, so COUNTIFS(A:A,"0142") over the text "0142" is 0 (Google's
 * COUNTIF help: text ranges need a string criterion). HyperFormula also converts the text cells and would count it; this wraps
 * each numeric criterion's test so a text cell is never equal (and always not-equal). Booleans and ordering already agree.
 */
function sheetsCriteria(hf: HyperFormula): void {
  const builder = (hf as unknown as { _evaluator?: { interpreter?: { criterionBuilder?: CriterionBuilderLike } } })._evaluator?.interpreter?.criterionBuilder;
  if (!builder || typeof builder.parseCriterion !== 'function' || typeof builder.fromCellValue !== 'function')
    throw new Error('Expected HyperFormula 3.x internals (evaluator.interpreter.criterionBuilder); got none. Update sheetsCriteria in emulator/formulas.ts for this HyperFormula version');
  const original = builder.fromCellValue.bind(builder);
  builder.fromCellValue = (raw, helper) => {
    const built = original(raw, helper);
    const c = built && builder.parseCriterion(raw, helper);
    if (!built || !c || typeof c.value !== 'number') return built;
    const inner = built.lambda;
    if (c.operator === 'EQUAL') return { raw, lambda: (cell) => typeof cell !== 'string' && inner(cell) };
    if (c.operator === 'NOT_EQUAL') return { raw, lambda: (cell) => typeof cell === 'string' || inner(cell) };
    return built;
  };
}

export interface Addr {
  sheet: number;
  row: number; // 0-based, HyperFormula's
  col: number;
}

export interface CustomHost {
  /** Calls the bundle's top-level function; returns its result or throws what it threw. */
  invoke(name: string, args: unknown[]): unknown;
  /** True when the cell holds a date (its number format is a date format): the argument then arrives as a Date. */
  isDateCell(sheet: number, row: number, col: number): boolean;
  /** A Date (in the bundle's realm) for a serial number. */
  dateOfSerial(serial: number): unknown;
  /** The serial number for a Date returned by a custom function. */
  serialOfDate(d: Date): number;
}

/** Names the engine defines for itself (not user named ranges). */
export const BOOLEAN_NAMES = ['TRUE', 'FALSE'];

/** Formulas both engines accept but compute differently: refused like unknown functions, so workbook formulas stay portable. */
const DIVERGENT: [RegExp, string][] = [
  [/\bTEXT\s*\([^;]*"[^"]*%[^"]*"\s*\)/i, 'TEXT with a percent format differs: HyperFormula does not multiply by 100'],
  // Sheets: "If 0 is given for row or column, the whole column or row is returned" (support.google.com/docs/answer/3098242).
  [/\bINDEX\s*\((?:[^()]|\([^()]*\))*?,\s*0\s*(?:,|\))/i, 'INDEX with a row or column of 0 differs: Sheets returns the whole column or row, HyperFormula #VALUE! ("Argument cannot be less than 1")'],
];

/** Sheets syntax HyperFormula cannot parse, named in the parse error so the message says what to write instead. */
const UNPARSED: [RegExp, string][] = [
  [/(?<![A-Za-z0-9_$])\$?[A-Z]{1,3}\$?\d+:\$?[A-Z]{1,3}(?![A-Za-z0-9_$(])/i, 'an open-ended range (A2:A, "from row 2 to the last row") is Sheets syntax HyperFormula cannot parse; write the whole column (A:A) and leave the header out by a condition'],
  [/\)\s*:\s*INDEX\s*\(/i, 'a range built from two INDEX calls (INDEX(…):INDEX(…)) is Sheets syntax HyperFormula cannot parse'],
];

export interface FormulaProblem {
  sheet: string;
  a1: string;
  formula: string;
  error: string;
}

/** A conditional format's parsed custom formula (FormulaEngine.conditionFormula); `at` takes 0-based engine coordinates. */
export interface ConditionFormula {
  problem: string | null;
  otherSheet: boolean;
  relative: boolean;
  at(row: number, col: number): CellValue;
}

/** The HyperFormula 3 internals a fire-and-forget formula needs at a chosen cell (calculateFormula always evaluates at A1). */
interface EngineInternals {
  _cellContentParser: { parse(text: string): unknown };
  _parser: { parse(formula: string, address: SimpleCellAddress): { ast: unknown; errors: { message: string }[]; dependencies: unknown[] } };
  _exporter: { exportScalarOrRange(v: unknown): unknown };
  dependencyGraph: { getCell(a: SimpleCellAddress): unknown };
  evaluator: { runAndForget(ast: unknown, address: SimpleCellAddress, dependencies: unknown[]): unknown; recomputeFormulaVertexValue(vertex: object): unknown };
  _lazilyTransformingAstService: unknown;
  _functionRegistry: { getFunction(name: string): unknown };
  _namedExpressions: { nearestNamedExpression(name: string, sheet: number): unknown };
}

/** A dependency-graph node of HyperFormula 3 (cell, formula or range vertex), as current() walks it. */
type GraphNode = object;

interface GraphInternals {
  graph: { adjacentNodes(n: GraphNode): Set<GraphNode>; hasNode(n: GraphNode): boolean };
  verticesToRecompute(): GraphNode[];
}

/** HyperFormula 3's array formulas by corner; a blocked one holds an ErroredArray whose error is SPILL. */
interface ArrayInternals {
  arrayMapping: { arrayMapping: Map<string, { array?: { error?: { type?: string }; size?: { width: number; height: number } }; getAddress(service: unknown): SimpleCellAddress }> };
}

/** What current() has evaluated since the last write: undone before the next write or full evaluation (see current()). */
interface PartialState {
  /** Every node a pending write reaches, with the nodes it depends on among them, and its formula nodes by tab. */
  back: Map<GraphNode, GraphNode[]>;
  bySheet: Map<number, GraphNode[]>;
  reached: Set<GraphNode>;
  done: Set<GraphNode>;
  sheets: Set<number>;
  /** Each evaluated formula node's value before, so the full evaluation still sees the change and passes it on. */
  saved: { vertex: Record<string, unknown>; field: string; value: unknown }[];
}

/** HyperFormula's own date-time parser, and the characters a text it can parse is made of (its quick check, before lower-casing). */
const parseDefault = HyperFormula.defaultConfig.parseDateTime;
const MAYBE_DATE_TIME = /^[\s0-9/.\-:apmAPM]*$/;

function sizeKey(a: SimpleCellAddress): string {
  return `${a.sheet}:${a.row}:${a.col}`;
}

/** One FILTER call of one formula cell: its cell and its call's syntax tree (a formula re-entered is parsed anew, so not the node itself). */
function filterKey(ast: object, a: SimpleCellAddress): string {
  let text = astText.get(ast);
  if (text === undefined) astText.set(ast, (text = JSON.stringify(ast)));
  return `${sizeKey(a)}|${text}`;
}

/** Each syntax tree's text, once: HyperFormula never changes a tree (its row and column transformers build new ones). */
const astText = new WeakMap<object, string>();

function scalarOfInterpreterValue(v: unknown): unknown {
  if (v === EmptyValue) return '';
  if (v instanceof CellError) return SHEETS_ERROR_TEXT[v.type] ?? '#ERROR!';
  if (v !== null && typeof v === 'object' && 'val' in (v as object)) return (v as { val: number }).val;
  return v;
}

function isExtendedDate(v: unknown): boolean {
  if (v === null || typeof v !== 'object') return false;
  const name = (v as object).constructor?.name;
  return name === 'DateNumber' || name === 'DateTimeNumber';
}

export class FormulaEngine {
  /** The engine itself; use `hf`, which evaluates pending writes first (lazy evaluation, below). */
  private readonly engineHf: HyperFormula;
  /** Writes since the last evaluation: HyperFormula is suspended until something reads (see fresh()). */
  private stale = false;
  /** Evaluate after every write (createEmulator's `evaluation: 'eager'`), the reference the lazy mode is tested against. */
  eager = false;
  /** Spill sizes the custom functions actually produced, by formula cell. */
  private readonly spillSizes = new Map<string, { height: number; width: number }>();
  /** Result sizes each FILTER call actually produced, by its call (AST node) and formula cell (see filterPlugin). */
  private readonly filterSizes = new Map<string, { height: number; width: number }>();
  private readonly pending = new Map<string, SimpleCellAddress>();
  /** The formula cells whose evaluation has sized a FILTER or SORT (see presizeSpills). */
  private readonly sizedAt = new Set<string>();
  private nested = 0;
  /** Demand-driven evaluation while stale (see current()): tabs already brought up to date, and what that changed. */
  private partial: PartialState | null = null;
  /** True while current() evaluates part of the graph; a custom function or FILTER met there sends the read to a full evaluation. */
  private inPartial = false;
  private partialSpoiled = false;
  /** Milliseconds spent evaluating (full and partial evaluations, spill settling) since the engine was made: the bench's recalc figure. */
  evaluationMs = 0;
  private timing = 0;

  constructor(
    readonly customNames: string[],
    private readonly host: CustomHost,
  ) {
    const builtIns = new Set(HyperFormula.getAllFunctionPlugins().flatMap((p) => Object.keys(p.implementedFunctions)));
    for (const n of customNames) {
      if (!/^[A-Za-z][A-Za-z0-9_.]*$/.test(n) || n.endsWith('_')) throw new Error(`Custom function name ${JSON.stringify(n)} is not a valid custom function name`);
      if (builtIns.has(n.toUpperCase())) throw new Error(`Custom function ${n} clashes with a built-in function`);
    }
    // Identity translations so the parser knows the names; the implementation lives in this instance's plugin only.
    const lang = HyperFormula.getLanguage('enGB') as unknown as { functions: Record<string, string>; extendFunctions(f: Record<string, string>): void };
    const missing: Record<string, string> = {};
    for (const n of customNames) if (lang.functions[n.toUpperCase()] === undefined) missing[n.toUpperCase()] = n.toUpperCase();
    if (Object.keys(missing).length) lang.extendFunctions(missing);
    this.engineHf = HyperFormula.buildEmpty({
      licenseKey: 'gpl-v3',
      // No undo history: the emulator never undoes through HyperFormula, and keeping it made every write walk the history (most of a load's time).
      undoLimit: 0,
      functionPlugins: [...HyperFormula.getAllFunctionPlugins(), rowArrayPlugin(), lazyIndexPlugin(), this.filterPlugin(), this.customPlugin()],
      maxRows: 10_000_000,
      maxColumns: 18_278,
      // Sheets compares text case-insensitively, treats blank as 0 in arithmetic and uses 1899-12-30 as day 0.
      caseSensitive: false,
      nullDate: { year: 1899, month: 12, day: 30 },
      leapYear1900: false,
      dateFormats: ['DD/MM/YYYY', 'YYYY-MM-DD'],
      // HyperFormula tries every text it compares as a date; only digits, separators and am/pm can parse, so others skip the parser.
      parseDateTime: (text: string, dateFormat?: string, timeFormat?: string) => (MAYBE_DATE_TIME.test(text) ? parseDefault(text, dateFormat, timeFormat) : undefined),
      useArrayArithmetic: false,
      // Float rounding off (pessimistic): formulas must round at thresholds themselves, never lean on an engine's rounding (README).
      smartRounding: false,
    });
    sheetsCriteria(this.engineHf);
    sharedRangesOnce(this.engineHf);
    // HyperFormula spells the booleans as functions (TRUE()); Sheets formulas use bare TRUE/FALSE, so define them as names.
    for (const b of BOOLEAN_NAMES) this.hf.addNamedExpression(b, `=${b}()`);
  }

  private customPlugin(): ReturnType<typeof HyperFormula.getAllFunctionPlugins>[number] {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const engine = this;
    class AttainCustomFunctions extends FunctionPlugin {
      callCustom(ast: { procedureName: string; args: { type: string; reference?: { toSimpleCellAddress(a: SimpleCellAddress): SimpleCellAddress } }[] }, state: { formulaAddress: SimpleCellAddress }): unknown {
        const args = ast.args.map((a) => {
          const v = (this as unknown as { evaluateAst(a: unknown, s: unknown): unknown }).evaluateAst(a, state);
          if (v instanceof SimpleRangeValue) {
            const start = v.range?.start;
            return v.data.map((row, r) =>
              row.map((cell, c) => {
                if (start && typeof scalarOfInterpreterValue(cell) === 'number' && (isExtendedDate(cell) || engine.host.isDateCell(start.sheet, start.row + r, start.col + c)))
                  return engine.host.dateOfSerial(scalarOfInterpreterValue(cell) as number);
                return scalarOfInterpreterValue(cell);
              }),
            );
          }
          const s = scalarOfInterpreterValue(v);
          if (typeof s === 'number') {
            if (isExtendedDate(v)) return engine.host.dateOfSerial(s);
            if (a.type === 'CELL_REFERENCE' && a.reference) {
              const at = a.reference.toSimpleCellAddress(state.formulaAddress);
              if (engine.host.isDateCell(at.sheet, at.row, at.col)) return engine.host.dateOfSerial(s);
            }
          }
          return s;
        });
        if (engine.inPartial) engine.partialSpoiled = true;
        let result: unknown;
        try {
          engine.nested++;
          result = engine.host.invoke(ast.procedureName, args);
        } catch (e) {
          const msg = e && typeof (e as Error).message === 'string' ? (e as Error).message : String(e);
          return new CellError(ErrorType.ERROR, msg);
        } finally {
          engine.nested--;
        }
        const toCell = (x: unknown): unknown => {
          if (x === null || x === undefined) return EmptyValue;
          if (typeof x === 'number') return Number.isFinite(x) ? x : new CellError(ErrorType.NUM, 'Custom function returned a non-finite number');
          if (typeof x === 'string' || typeof x === 'boolean') return x;
          if (isDate(x)) {
            const serial = engine.host.serialOfDate(x);
            const wrapper = (this as unknown as { returnNumberWrapper(v: number, t: string): unknown }).returnNumberWrapper;
            return wrapper.call(this, serial, Number.isInteger(serial) ? 'NUMBER_DATE' : 'NUMBER_DATETIME');
          }
          return new CellError(ErrorType.VALUE, `Custom function returned a value Sheets cannot show: ${Object.prototype.toString.call(x)}`);
        };
        const vertex = (this as unknown as { dependencyGraph: { getCell(a: SimpleCellAddress): unknown } }).dependencyGraph.getCell(state.formulaAddress) as
          | { formula?: unknown; width?: number; height?: number; array?: unknown }
          | undefined;
        const topLevel = !!vertex && vertex.formula === ast;
        if (!Array.isArray(result)) return toCell(result);
        // A 1-D array fills a column, as in Sheets.
        const rows: unknown[][] = result.length === 0 ? [['']] : result.map((r) => (Array.isArray(r) ? r : [r]));
        const width = Math.max(1, ...rows.map((r) => r.length));
        const grid = rows.map((r) => {
          const out = r.map(toCell);
          while (out.length < width) out.push(EmptyValue);
          return out;
        });
        if (!topLevel) return SimpleRangeValue.onlyValues(grid as never);
        const have = vertex && typeof vertex.width === 'number' && 'array' in vertex ? { height: vertex.height as number, width: vertex.width } : { height: 1, width: 1 };
        const key = sizeKey(state.formulaAddress);
        if (have.height !== grid.length || have.width !== width) {
          engine.spillSizes.set(key, { height: grid.length, width });
          engine.pending.set(key, { ...state.formulaAddress });
        }
        if (have.height === 1 && have.width === 1 && !('array' in (vertex ?? {}))) return grid[0][0];
        const fitted = grid.slice(0, have.height).map((r) => r.slice(0, have.width));
        return SimpleRangeValue.onlyValues(fitted as never);
      }
      customSize(_ast: unknown, state: { formulaAddress: SimpleCellAddress }): ArraySize {
        const s = engine.spillSizes.get(sizeKey(state.formulaAddress));
        return s && (s.height > 1 || s.width > 1) ? new ArraySize(s.width, s.height) : ArraySize.scalar();
      }
    }
    const implemented: Record<string, { method: string; sizeOfResultArrayMethod: string; vectorizationForbidden: boolean }> = {};
    for (const n of this.customNames) implemented[n.toUpperCase()] = { method: 'callCustom', sizeOfResultArrayMethod: 'customSize', vectorizationForbidden: true };
    (AttainCustomFunctions as unknown as { implementedFunctions: unknown }).implementedFunctions = implemented;
    return AttainCustomFunctions as unknown as ReturnType<typeof HyperFormula.getAllFunctionPlugins>[number];
  }

  /**
   * FILTER as Sheets has it, spilling exactly its result: HyperFormula sizes a spill before evaluating (a FILTER over `C:C` as
   * the tab's height at that moment, which pads with #REF! and throws once the tab grows) and wants conditions shaped like the
   * range (so a multi-column range is #N/A). Here the conditions are columns (or rows) beside the range, and the size is the
   * one this call last produced, like a custom function's: a call whose size changed re-enters its formula (settle).
   */
  private filterPlugin(): ReturnType<typeof HyperFormula.getAllFunctionPlugins>[number] {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const engine = this;
    type Range = { data: unknown[][]; height(): number; width(): number };
    type Run = (args: unknown[], state: unknown, meta: unknown, fn: (...a: Range[]) => unknown) => unknown;
    class SheetsFilter extends FunctionPlugin {
      sheetsFilter(ast: { args: unknown[] }, state: { formulaAddress: SimpleCellAddress }): unknown {
        const self = this as unknown as { runFunction: Run; metadata(n: string): unknown; dependencyGraph: { getCell(a: SimpleCellAddress): unknown } };
        const result = self.runFunction(ast.args, state, self.metadata('FILTER'), (range, ...conds) => {
          const [h, w] = [range.height(), range.width()];
          const byRow = conds.every((c) => c.height() === h && c.width() === 1);
          const byCol = !byRow && conds.every((c) => c.width() === w && c.height() === 1);
          if (!byRow && !byCol) return new CellError(ErrorType.VALUE, `FILTER has mismatched range sizes: expected conditions of ${h} rows or ${w} columns`);
          const truthy = (v: unknown) => v === true || (typeof scalarOfInterpreterValue(v) === 'number' && scalarOfInterpreterValue(v) !== 0);
          const keep = (i: number) => conds.every((c) => truthy(byRow ? c.data[i][0] : c.data[0][i]));
          const rows = byRow ? range.data.filter((_, i) => keep(i)) : range.data.map((r) => r.filter((_, j) => keep(j)));
          if (!rows.length || !rows[0].length) return new CellError(ErrorType.NA, 'No matches are found in FILTER evaluation.');
          return SimpleRangeValue.onlyValues(rows as never);
        });
        return engine.sized(result, ast, state, self.dependencyGraph);
      }
      /**
       * SORT as Sheets has it: SORT(range, sort_column, is_ascending, …) with any number of keys, each a column of the range (1-based)
       * or a range beside it of the same height (support.google.com/docs/answer/3093150); empty cells last whichever way; otherwise
       * HyperFormula's own comparison (numbers before text, text case-blind), the one its MATCH searches with. Sized like FILTER.
       */
      sheetsSort(ast: { args: unknown[] }, state: { formulaAddress: SimpleCellAddress }): unknown {
        const self = this as unknown as { runFunction: Run; metadata(n: string): unknown; dependencyGraph: { getCell(a: SimpleCellAddress): unknown }; arithmeticHelper: { compare(a: unknown, b: unknown): number } };
        const result = self.runFunction(ast.args, state, self.metadata('SORT'), (range, ...given) => {
          const rest = given.filter((x) => x !== undefined);
          const h = range.height();
          if (h === 0 || range.width() === 0) return new CellError(ErrorType.NA, 'SORT has an empty range');
          if (rest.length % 2 === 1) return new CellError(ErrorType.NA, 'SORT expects sort_column and is_ascending in pairs');
          const keys: { col: (i: number) => unknown; up: boolean }[] = [];
          for (let k = 0; k < rest.length; k += 2) {
            const by = rest[k];
            const up = rest[k + 1] as unknown as { data: unknown[][] };
            const dir = scalarOfInterpreterValue(up.data[0][0]);
            if (by.height() === 1 && by.width() === 1 && h > 1) {
              const n = Number(scalarOfInterpreterValue(by.data[0][0]));
              if (!Number.isInteger(n) || n < 1 || n > range.width()) return new CellError(ErrorType.VALUE, `SORT has sort_column ${n}: expected a column of the range, 1 to ${range.width()}`);
              keys.push({ col: (i) => range.data[i][n - 1], up: dir === true || dir === 1 });
            } else {
              if (by.height() !== h || by.width() !== 1) return new CellError(ErrorType.VALUE, `SORT has a sort range of ${by.height()}×${by.width()}: expected one column of ${h} rows`);
              keys.push({ col: (i) => by.data[i][0], up: dir === true || dir === 1 });
            }
          }
          if (!keys.length) keys.push({ col: (i) => range.data[i][0], up: true });
          const cmp = (a: number, b: number): number => {
            for (const k of keys) {
              const [x, y] = [k.col(a), k.col(b)];
              const [ex, ey] = [x === EmptyValue, y === EmptyValue];
              if (ex || ey) {
                if (ex && ey) continue;
                return ex ? 1 : -1;
              }
              const c = self.arithmeticHelper.compare(x, y);
              if (c !== 0) return k.up ? c : -c;
            }
            return a - b;
          };
          const order = Array.from({ length: h }, (_, i) => i).sort(cmp);
          return SimpleRangeValue.onlyValues(order.map((i) => range.data[i]) as never);
        });
        return engine.sized(result, ast, state, self.dependencyGraph);
      }
      /**
       * A SORT is as large as its range: the larger of the size HyperFormula predicts for that argument (a nested FILTER's last size,
       * which may have just grown) and the size this call last produced (a whole column, which HyperFormula predicts as one cell).
       */
      sheetsSortSize(ast: { args: unknown[] }, state: { formulaAddress: SimpleCellAddress }): ArraySize {
        const self = this as unknown as { arraySizeForAst(a: unknown, s: unknown): ArraySize };
        if (!ast.args.length) return ArraySize.error();
        const size = self.arraySizeForAst(ast.args[0], { ...state, arraysFlag: true });
        const key = filterKey(ast, state.formulaAddress);
        const last = engine.filterSizes.get(key);
        const out = { width: Math.max(size.width, last?.width ?? 1), height: Math.max(size.height, last?.height ?? 1) };
        // Over a FILTER, exactly what it will produce (a SORT keeps its range's size; a FILTER's size is its last result's): kept as its
        // last size, so a FILTER that grew re-enters this formula once, not again for the SORT (settle).
        const arg = ast.args[0] as { procedureName?: string };
        if (last && arg.procedureName === 'FILTER' && size.height >= 1) engine.filterSizes.set(key, out);
        return new ArraySize(out.width, out.height);
      }
      sheetsFilterSize(ast: object, state: { formulaAddress: SimpleCellAddress }): ArraySize {
        const s = engine.filterSizes.get(filterKey(ast, state.formulaAddress));
        return s ? new ArraySize(s.width, s.height) : ArraySize.scalar();
      }
    }
    (SheetsFilter as unknown as { implementedFunctions: unknown }).implementedFunctions = {
      FILTER: {
        method: 'sheetsFilter',
        sizeOfResultArrayMethod: 'sheetsFilterSize',
        enableArrayArithmeticForArguments: true,
        parameters: [{ argumentType: 'RANGE' }, { argumentType: 'RANGE' }],
        repeatLastArgs: 1,
      },
      SORT: {
        method: 'sheetsSort',
        sizeOfResultArrayMethod: 'sheetsSortSize',
        enableArrayArithmeticForArguments: true,
        parameters: [{ argumentType: 'RANGE' }, { argumentType: 'RANGE', optionalArg: true }, { argumentType: 'RANGE', optionalArg: true }],
        repeatLastArgs: 2,
      },
    };
    return SheetsFilter as unknown as ReturnType<typeof HyperFormula.getAllFunctionPlugins>[number];
  }

  /**
   * A FILTER or SORT result sized as its spill can hold: the size this call last produced (a change is recorded, and settle re-enters
   * the formula), cut to the spill's current size until then — more would not fit (HyperFormula throws).
   */
  sized(result: unknown, ast: object, state: { formulaAddress: SimpleCellAddress }, graph: { getCell(a: SimpleCellAddress): unknown }): unknown {
    this.sizedAt.add(sizeKey(state.formulaAddress));
    if (!(result instanceof SimpleRangeValue)) return result;
    const key = filterKey(ast, state.formulaAddress);
    const had = this.filterSizes.get(key);
    const got = { height: result.height(), width: result.width() };
    if (!had || had.height !== got.height || had.width !== got.width) {
      this.filterSizes.set(key, got);
      this.pending.set(sizeKey(state.formulaAddress), { ...state.formulaAddress });
    }
    const vertex = graph.getCell(state.formulaAddress) as { array?: { size?: { height: number; width: number } } } | undefined;
    // The vertex's own size when it has one: a FILTER inside ARRAYFORMULA(IFNA(…)) can run twice before settle re-enters it, and the
    // second run's `had` is already the new size.
    const room = vertex?.array?.size ?? had ?? { height: 1, width: 1 };
    if (!vertex || !('array' in vertex) || (got.height <= room.height && got.width <= room.width)) return result;
    return SimpleRangeValue.onlyValues(result.data.slice(0, room.height).map((r) => r.slice(0, room.width)) as never);
  }

  /**
   * The engine with every write so far evaluated. Evaluation is lazy: writes and structural changes suspend HyperFormula and the
   * first read after them evaluates (then settles spills), so an action's several writes cost one recalculation, not one each;
   * reads of one tab (value, sheetValues) evaluate only what that tab needs (current()). A read returns exactly what
   * evaluating after every write would have given (formulas are pure; spills settle to the same sizes).
   */
  get hf(): HyperFormula {
    this.fresh();
    return this.engineHf;
  }

  /** Evaluates pending writes, if any (see `hf`). */
  fresh(): void {
    if (!this.stale) return;
    this.timed(() => {
      const reach = this.partial;
      this.undoPartial();
      this.presizeSpills(reach);
      this.stale = false;
      this.engineHf.resumeEvaluation();
      this.settle();
    });
  }

  /**
   * Before a full evaluation: the FILTER and SORT formulas the writes reach are evaluated alone (with what they read among the
   * reached nodes), and those whose size changed are re-entered at their new size while the engine is still suspended. Without
   * this the full evaluation runs at the old sizes and settle() runs everything that reads them again: an append grows every
   * sort of its tab, so that doubled the work. Values are put back after (undoPartial), so the full evaluation still starts from
   * the writes; a cycle, a blocked spill or a custom function among those nodes leaves it to settle() as before.
   */
  private presizeSpills(reach: PartialState | null): void {
    if (!this.sizedAt.size || this.pending.size) return;
    const service = this.internals()._lazilyTransformingAstService;
    const g = this.internals().dependencyGraph as unknown as GraphInternals;
    // The reach current() found is still the writes' (nothing was written since): only what it evaluated is forgotten.
    const p = reach ? { ...reach, done: new Set<GraphNode>(), sheets: new Set<number>(), saved: [] } : this.reachOfWrites(g);
    const spills = new Set(
      [...p.reached].filter((v) => {
        const f = v as { formula?: unknown; getAddress?(s: unknown): SimpleCellAddress };
        return 'formula' in f && typeof f.getAddress === 'function' && this.sizedAt.has(sizeKey(f.getAddress(service)));
      }),
    );
    // Only the spills no other reached spill feeds (an appended tab's sorts): one that reads another would be evaluated from
    // that one's old size here, and what reads it is little, so settle() re-entering it costs little.
    const first = [...spills].filter((v) => !this.readsAnother(p, v, spills));
    if (!first.length || this.blockedSpills().length) return;
    const restoreSizes = this.keepSizes();
    this.partial = p;
    const evaluated = this.evaluateNodes(p, first);
    this.undoPartial();
    if (!evaluated || this.partialSpoiled) return restoreSizes();
    const todo = [...this.pending.values()];
    this.pending.clear();
    this.reenter(todo);
  }

  /** The spill sizes now; the function returned puts them back and forgets pending re-entries (an evaluation given up). */
  private keepSizes(): () => void {
    const filter = new Map(this.filterSizes);
    const spill = new Map(this.spillSizes);
    return () => {
      this.filterSizes.clear();
      for (const [k, v] of filter) this.filterSizes.set(k, v);
      this.spillSizes.clear();
      for (const [k, v] of spill) this.spillSizes.set(k, v);
      this.pending.clear();
    };
  }

  /** Enters each formula again where it is, so HyperFormula sizes its array anew (the caller batches or suspends). */
  private reenter(cells: readonly SimpleCellAddress[]): void {
    for (const a of cells) {
      const f = this.engineHf.getCellFormula(a);
      if (f !== undefined) this.engineHf.setCellContents(a, f);
    }
  }

  /** Whether `spill` depends, through the reached nodes, on another of `spills`. */
  private readsAnother(p: PartialState, spill: GraphNode, spills: Set<GraphNode>): boolean {
    const seen = new Set<GraphNode>();
    const stack = [...(p.back.get(spill) ?? [])];
    while (stack.length) {
      const u = stack.pop()!;
      if (seen.has(u)) continue;
      seen.add(u);
      if (spills.has(u) && u !== spill) return true;
      for (const w of p.back.get(u) ?? []) stack.push(w);
    }
    return false;
  }

  /** Runs `fn`, adding its time to evaluationMs unless an outer call is already timing (evaluations nest). */
  private timed<T>(fn: () => T): T {
    if (this.timing++ > 0) {
      try {
        return fn();
      } finally {
        this.timing--;
      }
    }
    const t0 = performance.now();
    try {
      return fn();
    } finally {
      this.timing--;
      this.evaluationMs += performance.now() - t0;
    }
  }

  /** The engine, suspended, for a write: its evaluation waits for the next read. */
  private writing(): HyperFormula {
    this.undoPartial();
    if (!this.stale) {
      this.engineHf.suspendEvaluation();
      this.stale = true;
    }
    return this.engineHf;
  }

  /** After a write: the eager mode evaluates now. */
  private written(): void {
    if (this.eager) this.fresh();
  }

  private internals(): EngineInternals {
    return this.engineHf as unknown as EngineInternals;
  }

  /**
   * Brings one tab's values up to date without evaluating the whole workbook: of the nodes the pending writes reach, evaluates in
   * dependency order those this tab's formulas depend on (a tab nothing reached needs nothing). The rest waits for a read that
   * needs it or for the full evaluation, which still starts from the writes: the values evaluated here are put back first
   * (undoPartial), so it sees every change and passes it on as if this never ran. A cycle, a custom function (it may read any
   * cell) or a spill whose size changed among those nodes falls back to the full evaluation.
   */
  private current(sheet: number): void {
    if (!this.stale || this.inPartial) return;
    this.timed(() => this.evaluatePart(sheet));
  }

  /** current()'s work, timed there. */
  private evaluatePart(sheet: number): void {
    const hf = this.internals();
    const g = hf.dependencyGraph as unknown as GraphInternals;
    const p = (this.partial ??= this.reachOfWrites(g));
    if (p.sheets.has(sheet)) return;
    // A blocked spill may have room now: only the full evaluation re-enters it (settle).
    if (this.pending.size || this.blockedSpills().length) return this.fresh();
    const restoreSizes = this.keepSizes();
    if (!this.evaluateNodes(p, p.bySheet.get(sheet) ?? [])) return this.fresh();
    // A spill whose size changed is re-entered by settle(), which only the full evaluation runs.
    if (this.partialSpoiled || this.pending.size) {
      restoreSizes();
      return this.fresh();
    }
    p.sheets.add(sheet);
  }

  /**
   * Evaluates `starts` and the reached nodes they depend on, in dependency order, saving each value first (undoPartial puts them
   * back). False, evaluating nothing, when those nodes hold a cycle; partialSpoiled tells whether a custom function ran.
   */
  private evaluateNodes(p: PartialState, starts: readonly GraphNode[]): boolean {
    const hf = this.internals();
    const g = hf.dependencyGraph as unknown as GraphInternals;
    const need = new Set<GraphNode>();
    const stack = [...starts];
    while (stack.length) {
      const v = stack.pop()!;
      if (need.has(v) || p.done.has(v)) continue;
      need.add(v);
      for (const u of p.back.get(v) ?? []) stack.push(u);
    }
    const waiting = new Map<GraphNode, number>();
    for (const v of need) waiting.set(v, 0);
    for (const v of need) for (const d of g.graph.adjacentNodes(v)) if (need.has(d)) waiting.set(d, waiting.get(d)! + 1);
    const ready = [...need].filter((v) => waiting.get(v) === 0);
    const order: GraphNode[] = [];
    while (ready.length) {
      const v = ready.pop()!;
      order.push(v);
      for (const d of g.graph.adjacentNodes(v)) {
        if (!need.has(d)) continue;
        const n = waiting.get(d)! - 1;
        waiting.set(d, n);
        if (n === 0) ready.push(d);
      }
    }
    if (order.length !== need.size) return false;
    this.inPartial = true;
    this.partialSpoiled = false;
    try {
      for (const v of order) {
        const node = v as Record<string, unknown> & { clearCache?(): void };
        if ('formula' in node) {
          const field = 'array' in node ? 'array' : 'cachedCellValue';
          p.saved.push({ vertex: node, field, value: node[field] });
          hf.evaluator.recomputeFormulaVertexValue(node);
        } else if (typeof node.clearCache === 'function' && 'range' in node) node.clearCache();
        p.done.add(v);
      }
    } finally {
      this.inPartial = false;
    }
    return true;
  }

  /** The nodes the pending writes reach (HyperFormula's dirty nodes and their dependents), each with its precedents among them. */
  private reachOfWrites(g: GraphInternals): PartialState {
    const back = new Map<GraphNode, GraphNode[]>();
    const bySheet = new Map<number, GraphNode[]>();
    const seen = new Set<GraphNode>();
    const stack = [...g.verticesToRecompute()];
    const service = this.internals()._lazilyTransformingAstService;
    while (stack.length) {
      const v = stack.pop()!;
      // A cell written and then cleared before any full evaluation is still among the dirty nodes, but no longer in the graph.
      if (seen.has(v) || !g.graph.hasNode(v)) continue;
      seen.add(v);
      const f = v as { formula?: unknown; getAddress?(s: unknown): SimpleCellAddress };
      if ('formula' in f && typeof f.getAddress === 'function') {
        const at = f.getAddress(service).sheet;
        if (!bySheet.has(at)) bySheet.set(at, []);
        bySheet.get(at)!.push(v);
      }
      for (const d of g.graph.adjacentNodes(v)) {
        if (!back.has(d)) back.set(d, []);
        back.get(d)!.push(v);
        stack.push(d);
      }
    }
    return { back, bySheet, reached: seen, done: new Set(), sheets: new Set(), saved: [] };
  }

  /** Puts back the values current() evaluated, before a write or the full evaluation. */
  private undoPartial(): void {
    const p = this.partial;
    this.partial = null;
    if (!p) return;
    for (let i = p.saved.length - 1; i >= 0; i--) p.saved[i].vertex[p.saved[i].field] = p.saved[i].value;
  }

  /** Runs a read of values `current()` has brought up to date, past HyperFormula's refusal to read while suspended. */
  private reading<T>(sheet: number, read: () => T): T {
    this.current(sheet);
    if (!this.stale) return read();
    const hf = this.engineHf as unknown as { _evaluationSuspended: boolean };
    hf._evaluationSuspended = false;
    try {
      return read();
    } finally {
      hf._evaluationSuspended = true;
    }
  }

  /** One tab's values, evaluated only as far as that tab needs (see current()). */
  sheetValues(sheet: number): CellValue[][] {
    return this.reading(sheet, () => this.engineHf.getSheetValues(sheet));
  }

  /** One tab's formulas (no evaluation needed). */
  sheetFormulas(sheet: number): (string | undefined)[][] {
    return this.engineHf.getSheetFormulas(sheet);
  }

  /**
   * Array formulas whose spill is blocked by a cell in its way (#REF!): HyperFormula keeps one blocked until it is re-entered, while
   * Sheets expands it again as soon as the cells are free. Few (one per array formula to look at), and none in a healthy workbook.
   */
  private blockedSpills(): SimpleCellAddress[] {
    return this.arrayFormulas().filter((x) => x.blocked).map((x) => x.address);
  }

  /** Every array formula HyperFormula holds: its cell, the extent of its result, and whether a cell in its way blocks it. */
  private arrayFormulas(): { address: SimpleCellAddress; size: { width: number; height: number }; blocked: boolean }[] {
    const arrays = (this.internals().dependencyGraph as unknown as ArrayInternals).arrayMapping.arrayMapping;
    const service = this.internals()._lazilyTransformingAstService;
    return [...arrays.values()].map((v) => ({ address: { ...v.getAddress(service) }, size: v.array?.size ?? { width: 1, height: 1 }, blocked: v.array?.error?.type === 'SPILL' }));
  }

  /**
   * Re-enters custom-function formulas whose result size changed, so their spill matches the result (Sheets resizes spills), and
   * blocked spills once, so one whose cells were cleared expands again as in Sheets (one still blocked stays #REF!).
   */
  settle(): void {
    this.timed(() => this.settleSpills());
  }

  /** settle()'s work, timed there. */
  private settleSpills(): void {
    this.fresh();
    for (const a of this.blockedSpills()) this.pending.set(sizeKey(a), a);
    for (let round = 0; round < 8 && this.pending.size > 0; round++) {
      const todo = [...this.pending.values()];
      this.pending.clear();
      // One recalculation per round, not one per re-entered formula: an append grows every sort of its tab, and what reads them all is evaluated once.
      this.engineHf.batch(() => this.reenter(todo));
    }
    this.pending.clear();
  }

  addSheet(name: string): number {
    this.writing().addSheet(name);
    this.written();
    return this.sheetId(name);
  }

  sheetId(name: string): number {
    const id = this.engineHf.getSheetId(name);
    if (id === undefined) throw new Error(`emulator bug: no engine sheet ${name}`);
    return id;
  }

  removeSheet(id: number): void {
    this.writing().removeSheet(id);
    this.written();
  }

  renameSheet(id: number, name: string): void {
    this.writing().renameSheet(id, name);
    this.written();
  }

  write(sheet: number, row: number, col: number, contents: RawCellContent[][]): void {
    this.writing().setCellContents({ sheet, row, col }, contents);
    this.written();
  }

  value(sheet: number, row: number, col: number): CellValue {
    return this.reading(sheet, () => this.engineHf.getCellValue({ sheet, row, col }));
  }

  formula(sheet: number, row: number, col: number): string | undefined {
    return this.engineHf.getCellFormula({ sheet, row, col });
  }

  detailedType(sheet: number, row: number, col: number): string {
    return this.reading(sheet, () => this.engineHf.getCellValueDetailedType({ sheet, row, col }));
  }

  dims(sheet: number): { width: number; height: number } {
    // The tab's own formulas evaluated first: a FILTER or custom function among them sends this to a full evaluation, whose settled spills change the extent.
    this.current(sheet);
    return this.engineHf.getSheetDimensions(sheet);
  }

  addRows(sheet: number, index: number, n: number): void {
    if (index < this.dims(sheet).height) this.throughSpills(sheet, 'row', index, () => this.writing().addRows(sheet, [index, n]));
    this.written();
  }

  removeRows(sheet: number, index: number, n: number): void {
    if (index < this.dims(sheet).height) this.writing().removeRows(sheet, [index, n]);
    this.written();
  }

  addColumns(sheet: number, index: number, n: number): void {
    if (index < this.dims(sheet).width) this.throughSpills(sheet, 'col', index, () => this.writing().addColumns(sheet, [index, n]));
    this.written();
  }

  removeColumns(sheet: number, index: number, n: number): void {
    if (index < this.dims(sheet).width) this.writing().removeColumns(sheet, [index, n]);
    this.written();
  }

  /**
   * Runs a row or column insertion that cuts through a spill below or right of its formula cell. Sheets allows it and the array
   * fills its new extent; HyperFormula refuses ("Cannot move cell"; a removal through a spill it handles). So each such formula is
   * made scalar for the move (INDEX(…,1,1), whose references HyperFormula moves like any other's) and restored after it.
   */
  private throughSpills(sheet: number, axis: 'row' | 'col', first: number, op: () => void): void {
    const cut = this.arrayFormulas()
      .filter(({ address: a, size }) => {
        const [start, extent] = axis === 'row' ? [a.row, size.height] : [a.col, size.width];
        return a.sheet === sheet && start < first && start + extent - 1 >= first;
      })
      .map((x) => x.address);
    const wrapped = cut.map((a) => ({ a, f: this.engineHf.getCellFormula(a) })).filter((x): x is { a: SimpleCellAddress; f: string } => typeof x.f === 'string');
    if (!wrapped.length) return op();
    for (const { a, f } of wrapped) this.writing().setCellContents(a, `=INDEX(${f.slice(1)},1,1)`);
    op();
    for (const { a } of wrapped) {
      const f = this.engineHf.getCellFormula(a);
      const m = typeof f === 'string' ? /^=INDEX\(([\s\S]*),\s*1\s*,\s*1\s*\)$/.exec(f) : null;
      if (m) this.writing().setCellContents(a, `=${m[1]}`);
    }
  }

  /**
   * A conditional format's custom formula, parsed once as if typed in the top-left cell of the rule's range and evaluated at
   * each cell with its relative references moved by the cell's offset from there (Sheets' rule; emulator/README.md).
   * `problem` names what Sheets or this engine would not compute; `otherSheet` and `relative` describe its references.
   */
  conditionFormula(formula: string, sheet: number, row: number, col: number): ConditionFormula {
    const hf = this.hf as unknown as EngineInternals;
    const content = hf._cellContentParser.parse(formula) as { formula?: string };
    const none = (problem: string): ConditionFormula => ({ problem, otherSheet: false, relative: false, at: () => null });
    if (typeof content.formula !== 'string') return none(`Expected a formula starting with "=", got ${JSON.stringify(formula)}`);
    const parsed = hf._parser.parse(content.formula, { sheet, row, col });
    if (parsed.errors.length) return none(`Formula parse error: ${String(parsed.errors[0].message).split('\n')[0]}`);
    const deps = JSON.stringify(parsed.dependencies);
    const otherSheet = [...deps.matchAll(/"sheet":(\d+)/g)].some((m) => Number(m[1]) !== sheet);
    const relative = [...deps.matchAll(/"type":"([A-Z_]+)"/g)].some((m) => m[1] !== 'CELL_REFERENCE_ABSOLUTE' && m[1] !== 'ABSOLUTE');
    const at = (r: number, c: number): CellValue => {
      try {
        return hf._exporter.exportScalarOrRange(hf.evaluator.runAndForget(parsed.ast, { sheet, row: r, col: c }, parsed.dependencies)) as CellValue;
      } catch {
        // A reference moved off the sheet (or an engine failure) formats nothing, as an error result does in Sheets.
        return null;
      }
    };
    let problem: string | null = null;
    for (const [re, msg] of DIVERGENT) if (re.test(formula)) problem = `Formula computes differently in Sheets and in the emulator: ${msg}`;
    const v = problem ? null : at(row, col);
    if (v instanceof DetailedCellError && v.type === 'NAME') {
      const m = /^(?:Function name|Named expression) (.+) not recognized\.$/.exec(v.message);
      if (m && formula.toUpperCase().includes(m[1].toUpperCase())) problem = v.message;
    }
    return { problem, otherSheet, relative, at };
  }

  /**
   * True when the cell holds a parsed formula every function and name of which the engine knows (read from its syntax tree,
   * without evaluating). Anything else (a parse error, an error literal, an unknown name) is left to the evaluated check.
   */
  private knownNames(sheet: number, row: number, col: number): boolean {
    const hf = this.engineHf as unknown as EngineInternals;
    const vertex = hf.dependencyGraph.getCell({ sheet, row, col }) as { formula?: unknown; getFormula?(service: unknown): unknown } | undefined;
    if (!vertex || !('formula' in vertex) || typeof vertex.getFormula !== 'function') return false;
    const ok = (n: unknown): boolean => {
      if (n === null || typeof n !== 'object') return true;
      if (Array.isArray(n)) return n.every(ok);
      const node = n as Record<string, unknown>;
      if (node.type === 'ERROR' || node.type === 'ERROR_WITH_RAW_INPUT') return false;
      if (node.type === 'FUNCTION_CALL' && hf._functionRegistry.getFunction(String(node.procedureName)) === undefined) return false;
      if (node.type === 'NAMED_EXPRESSION' && !hf._namedExpressions.nearestNamedExpression(String(node.expressionName), sheet)) return false;
      return Object.values(node).every(ok);
    };
    return ok(vertex.getFormula(hf._lazilyTransformingAstService));
  }

  /** A formula problem the engine reports on the cell's own formula: unknown function or name, or a parse error. */
  problemAt(sheet: number, row: number, col: number): string | null {
    const f = this.formula(sheet, row, col);
    if (f === undefined) return null;
    for (const [re, msg] of DIVERGENT) if (re.test(f)) return `Formula computes differently in Sheets and in the emulator: ${msg}`;
    // Lazy evaluation stays lazy: a parsed formula whose functions and names all exist has none of the problems below.
    if (this.stale && this.knownNames(sheet, row, col)) return null;
    const v = this.value(sheet, row, col);
    if (!(v instanceof DetailedCellError)) return null;
    if (v.type === 'ERROR' && /^Parsing error/.test(v.message)) {
      const known = UNPARSED.find(([re]) => re.test(withoutStrings(f)));
      return `Formula parse error: ${known ? `${known[1]}. ` : ''}${v.message.split('\n')[0]}`;
    }
    if (v.type === 'NAME') {
      const m = /^(?:Function name|Named expression) (.+) not recognized\.$/.exec(v.message);
      if (m && f.toUpperCase().includes(m[1].toUpperCase())) return v.message;
    }
    return null;
  }
}

/** A formula with its string literals emptied, so a pattern matched against it never matches inside quoted text. */
function withoutStrings(formula: string): string {
  return formula.replace(/"(?:[^"]|"")*"/g, '""');
}
