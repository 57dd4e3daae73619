// Conditional format rules: the builder (local JS, not counted), the built rule stored as a plain spec, and whether a value matches its condition (as the preview draws it).
import type { Ctx } from './ctx';
import { SpreadsheetAppEnums } from './enums';
import type { ConditionFormula, FormulaProblem } from './formulas';
import type { ConditionalFormatSpec, SheetModel } from './model';
import { Emulated, enumKey, enumKeyIn } from './not-emulated';
import { normalizeColor } from './range';
import { passesNumberCriteria } from './validation';
import type { Workbook } from './workbook';
type GCFR = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
type GCFRB = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;

function emptyCf(): ConditionalFormatSpec {
  return { ranges: [], condition: null, gradient: null, format: {} };
}

function cloneCf(s: ConditionalFormatSpec): ConditionalFormatSpec {
  return { ranges: s.ranges.map((g) => ({ ...g })), condition: s.condition ? { type: s.condition.type, values: [...s.condition.values] } : null, gradient: s.gradient ? JSON.parse(JSON.stringify(s.gradient)) : null, format: { ...s.format } };
}

export class BooleanCondition extends Emulated {
  readonly _cls = 'BooleanCondition';
  constructor(readonly _spec: ConditionalFormatSpec) {
    super();
  }
  getCriteriaType(): GoogleAppsScript.Spreadsheet.BooleanCriteria {
    return SpreadsheetAppEnums.BooleanCriteria[(this._spec.condition as { type: string }).type] as unknown as GoogleAppsScript.Spreadsheet.BooleanCriteria;
  }
  getCriteriaValues(): unknown[] {
    return [...(this._spec.condition as { values: unknown[] }).values];
  }
  getBackground(): string | null {
    return this._spec.format.background ?? null;
  }
  getFontColor(): string | null {
    return this._spec.format.fontColor ?? null;
  }
  getBold(): boolean | null {
    return this._spec.format.bold ?? null;
  }
  getItalic(): boolean | null {
    return this._spec.format.italic ?? null;
  }
  getStrikethrough(): boolean | null {
    return this._spec.format.strikethrough ?? null;
  }
  getUnderline(): boolean | null {
    return this._spec.format.underline ?? null;
  }
}

export class ConditionalFormatRule extends Emulated implements Pick<GCFR, 'copy' | 'getRanges' | 'getBooleanCondition'> {
  readonly _cls = 'ConditionalFormatRule';
  constructor(
    readonly _ctx: Ctx,
    readonly _spec: ConditionalFormatSpec,
  ) {
    super();
  }
  copy(): GCFRB {
    return new ConditionalFormatRuleBuilder(this._ctx, cloneCf(this._spec)) as unknown as GCFRB;
  }
  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return this._spec.ranges.map((g) => this._ctx.rangeOfGrid(g) as unknown as GoogleAppsScript.Spreadsheet.Range);
  }
  getBooleanCondition(): GoogleAppsScript.Spreadsheet.BooleanCondition | null {
    return this._spec.condition ? (new BooleanCondition(this._spec) as unknown as GoogleAppsScript.Spreadsheet.BooleanCondition) : null;
  }
}

type CfbMethods =
  | 'build' | 'copy' | 'getRanges' | 'setBackground' | 'setBold' | 'setFontColor' | 'setItalic' | 'setStrikethrough' | 'setUnderline' | 'setRanges'
  | 'whenCellEmpty' | 'whenCellNotEmpty' | 'whenFormulaSatisfied' | 'whenNumberBetween' | 'whenNumberEqualTo' | 'whenNumberGreaterThan'
  | 'whenNumberGreaterThanOrEqualTo' | 'whenNumberLessThan' | 'whenNumberLessThanOrEqualTo' | 'whenNumberNotBetween' | 'whenNumberNotEqualTo'
  | 'whenTextContains' | 'whenTextDoesNotContain' | 'whenTextEndsWith' | 'whenTextEqualTo' | 'whenTextStartsWith' | 'withCriteria'
  | 'setGradientMaxpoint' | 'setGradientMinpoint' | 'setGradientMaxpointWithValue' | 'setGradientMinpointWithValue' | 'setGradientMidpointWithValue';

export class ConditionalFormatRuleBuilder extends Emulated implements Pick<GCFRB, CfbMethods> {
  readonly _cls = 'ConditionalFormatRuleBuilder';
  constructor(
    readonly _ctx: Ctx,
    readonly _spec: ConditionalFormatSpec = emptyCf(),
  ) {
    super();
  }
  private self(): GCFRB {
    return this as unknown as GCFRB;
  }
  private when(type: string, values: unknown[]): GCFRB {
    this._spec.condition = { type, values };
    this._spec.gradient = null;
    return this.self();
  }
  private point(which: 'min' | 'mid' | 'max', color: string, type: string, value: string): GCFRB {
    this._spec.condition = null;
    if (!this._spec.gradient) this._spec.gradient = { min: null, mid: null, max: null };
    this._spec.gradient[which] = { color: normalizeColor(color), type, value };
    return this.self();
  }
  build(): GCFR {
    if (!this._spec.condition && !this._spec.gradient) throw new Error('The conditional format rule has no condition; call a when…() method before build().');
    if (this._spec.ranges.length === 0) throw new Error('The conditional format rule has no ranges; call setRanges() before build().');
    return new ConditionalFormatRule(this._ctx, cloneCf(this._spec)) as unknown as GCFR;
  }
  copy(): GCFRB {
    return new ConditionalFormatRuleBuilder(this._ctx, cloneCf(this._spec)) as unknown as GCFRB;
  }
  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return this._spec.ranges.map((g) => this._ctx.rangeOfGrid(g) as unknown as GoogleAppsScript.Spreadsheet.Range);
  }
  setRanges(ranges: GoogleAppsScript.Spreadsheet.Range[]): GCFRB {
    this._spec.ranges = ranges.map((r) => this._ctx.gridOf(r));
    return this.self();
  }
  setBackground(color: string | null): GCFRB {
    this._spec.format.background = color === null ? null : normalizeColor(color);
    return this.self();
  }
  setFontColor(color: string | null): GCFRB {
    this._spec.format.fontColor = color === null ? null : normalizeColor(color);
    return this.self();
  }
  setBold(bold: boolean | null): GCFRB {
    this._spec.format.bold = bold;
    return this.self();
  }
  setItalic(italic: boolean | null): GCFRB {
    this._spec.format.italic = italic;
    return this.self();
  }
  setStrikethrough(v: boolean | null): GCFRB {
    this._spec.format.strikethrough = v;
    return this.self();
  }
  setUnderline(v: boolean | null): GCFRB {
    this._spec.format.underline = v;
    return this.self();
  }
  setGradientMaxpoint(color: string): GCFRB {
    return this.point('max', color, 'MAX', '');
  }
  setGradientMinpoint(color: string): GCFRB {
    return this.point('min', color, 'MIN', '');
  }
  setGradientMaxpointWithValue(color: string, type: GoogleAppsScript.Spreadsheet.InterpolationType, value: string): GCFRB {
    return this.point('max', color, enumKey(type), String(value));
  }
  setGradientMidpointWithValue(color: string, type: GoogleAppsScript.Spreadsheet.InterpolationType, value: string): GCFRB {
    return this.point('mid', color, enumKey(type), String(value));
  }
  setGradientMinpointWithValue(color: string, type: GoogleAppsScript.Spreadsheet.InterpolationType, value: string): GCFRB {
    return this.point('min', color, enumKey(type), String(value));
  }
  whenCellEmpty(): GCFRB {
    return this.when('CELL_EMPTY', []);
  }
  whenCellNotEmpty(): GCFRB {
    return this.when('CELL_NOT_EMPTY', []);
  }
  whenFormulaSatisfied(formula: string): GCFRB {
    if (typeof formula !== 'string' || !formula.startsWith('=')) throw new Error('Invalid argument: formula (must start with "=")');
    return this.when('CUSTOM_FORMULA', [formula]);
  }
  whenNumberBetween(start: number, end: number): GCFRB {
    return this.when('NUMBER_BETWEEN', [start, end]);
  }
  whenNumberNotBetween(start: number, end: number): GCFRB {
    return this.when('NUMBER_NOT_BETWEEN', [start, end]);
  }
  whenNumberEqualTo(n: number): GCFRB {
    return this.when('NUMBER_EQUAL_TO', [n]);
  }
  whenNumberNotEqualTo(n: number): GCFRB {
    return this.when('NUMBER_NOT_EQUAL_TO', [n]);
  }
  whenNumberGreaterThan(n: number): GCFRB {
    return this.when('NUMBER_GREATER_THAN', [n]);
  }
  whenNumberGreaterThanOrEqualTo(n: number): GCFRB {
    return this.when('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }
  whenNumberLessThan(n: number): GCFRB {
    return this.when('NUMBER_LESS_THAN', [n]);
  }
  whenNumberLessThanOrEqualTo(n: number): GCFRB {
    return this.when('NUMBER_LESS_THAN_OR_EQUAL_TO', [n]);
  }
  whenTextContains(text: string): GCFRB {
    return this.when('TEXT_CONTAINS', [text]);
  }
  whenTextDoesNotContain(text: string): GCFRB {
    return this.when('TEXT_DOES_NOT_CONTAIN', [text]);
  }
  whenTextEndsWith(text: string): GCFRB {
    return this.when('TEXT_ENDS_WITH', [text]);
  }
  whenTextStartsWith(text: string): GCFRB {
    return this.when('TEXT_STARTS_WITH', [text]);
  }
  whenTextEqualTo(text: string): GCFRB {
    return this.when('TEXT_EQUAL_TO', [text]);
  }
  withCriteria(criteria: GoogleAppsScript.Spreadsheet.BooleanCriteria, args: unknown[]): GCFRB {
    return this.when(enumKeyIn(criteria, SpreadsheetAppEnums.BooleanCriteria, 'criteria'), [...args]);
  }
}

/** Whether a boolean rule matches a cell value (for the preview; CUSTOM_FORMULA is customFormulaRule's, relative dates are not evaluated). */
export function ruleMatches(spec: ConditionalFormatSpec, value: unknown): boolean | null {
  const c = spec.condition;
  if (!c) return null;
  const v = c.values;
  const byNumber = passesNumberCriteria(c.type, typeof value === 'number' ? value : NaN, v);
  if (byNumber !== undefined) return byNumber;
  const s = String(value ?? '').toLowerCase();
  switch (c.type) {
    case 'CELL_EMPTY':
      return value === '';
    case 'CELL_NOT_EMPTY':
      return value !== '';
    case 'TEXT_CONTAINS':
      return s.includes(String(v[0]).toLowerCase());
    case 'TEXT_DOES_NOT_CONTAIN':
      return !s.includes(String(v[0]).toLowerCase());
    case 'TEXT_EQUAL_TO':
      return s === String(v[0]).toLowerCase();
    case 'TEXT_STARTS_WITH':
      return s.startsWith(String(v[0]).toLowerCase());
    case 'TEXT_ENDS_WITH':
      return s.endsWith(String(v[0]).toLowerCase());
    default:
      return null;
  }
}


/** A custom-formula rule ready to test cells: what Sheets would refuse or this engine cannot compute, and whether a cell matches. */
export interface CustomFormulaRule {
  problem: string | null;
  /** Whether the cell (1-based) is formatted: the formula, moved from the range's top-left to the cell, gives TRUE. */
  matches(row: number, col: number): boolean;
}

/**
 * A CUSTOM_FORMULA rule of `sm` as Sheets applies it (sources in emulator/README.md, "Conditional formats"): the formula is
 * read as typed in the top-left cell of the rule's (first) range and moved to each cell like a copied formula, so `$B2`
 * keeps column B and follows the row; only TRUE formats (a number, text or error never does — Google's docs say TRUE).
 * A direct reference to another tab never matches (Sheets refuses it in conditional formats: INDIRECT is the documented
 * way, which this engine lacks), nor does a formula with relative references over several ranges (no document says which
 * top-left they follow); both are problems, listed by formulaErrors() and refused by a strict emulator.
 */
export function customFormulaRule(wb: Workbook, sm: SheetModel, spec: ConditionalFormatSpec): CustomFormulaRule | null {
  const c = spec.condition;
  if (c?.type !== 'CUSTOM_FORMULA' || spec.ranges.length === 0) return null;
  const text = String(c.values[0] ?? '');
  const top = spec.ranges[0];
  const parsed: ConditionFormula = wb.engine.conditionFormula(text, sm.eid, top.row - 1, top.col - 1);
  let problem = parsed.problem;
  if (!problem && parsed.otherSheet)
    problem = `A conditional format's custom formula refers to another tab (${text}); Google Sheets allows only the rule's own tab there ("To reference another sheet in the formula, use the INDIRECT function", support.google.com/docs/answer/78413), and INDIRECT is not emulated: compute the value on this tab (a helper column) and refer to that`;
  if (!problem && parsed.relative && spec.ranges.length > 1)
    problem = `A conditional format's custom formula with relative references is applied to ${spec.ranges.length} ranges (${text}); Google's docs do not say which range's top-left cell they follow: give the rule one range, or use absolute references ($A$1)`;
  return {
    problem,
    matches: (row, col) => !problem && parsed.at(row - 1, col - 1) === true,
  };
}

/** The problems of a tab's custom-formula rules (customFormulaRule), each at its rule's ranges, for formulaErrors() and strict writes. */
export function conditionProblems(wb: Workbook, sm: SheetModel, specs: readonly ConditionalFormatSpec[] = sm.conditionalFormats): FormulaProblem[] {
  const out: FormulaProblem[] = [];
  for (const cf of specs) {
    const p = customFormulaRule(wb, sm, cf)?.problem;
    if (p) out.push({ sheet: sm.name, a1: `${cf.ranges.map((g) => wb.gridA1(g, false)).join(',')} (conditional format)`, formula: String(cf.condition?.values[0]), error: p });
  }
  return out;
}
