// Data validation and conditional format rules: the builders (local JS, not counted) and the built rules, stored as plain specs.
import type { Ctx } from './ctx';
import { SpreadsheetAppEnums } from './enums';
import { Emulated, enumKey, isDate } from './not-emulated';
import { normalizeColor } from './range';
import type { ConditionalFormatSpec, DataValidationSpec, GridRange } from './workbook';
import { isGrid } from './workbook';

type GDV = GoogleAppsScript.Spreadsheet.DataValidation;
type GDVB = GoogleAppsScript.Spreadsheet.DataValidationBuilder;

function emptyDv(): DataValidationSpec {
  return { criteria: '', args: [], allowInvalid: true, helpText: null };
}

function cloneArgs(args: unknown[]): unknown[] {
  return args.map((a) => (isGrid(a) ? { ...a } : isDate(a) ? new Date(a.getTime()) : Array.isArray(a) ? [...a] : a));
}

/** Criteria values as Apps Script returns them: ranges as Range objects. */
function outArgs(ctx: Ctx, args: unknown[]): unknown[] {
  return args.map((a) => (isGrid(a) ? ctx.rangeOfGrid(a) : a));
}

export class DataValidation extends Emulated implements Pick<GDV, 'copy' | 'getAllowInvalid' | 'getCriteriaType' | 'getCriteriaValues' | 'getHelpText'> {
  readonly _cls = 'DataValidation';
  constructor(
    readonly _ctx: Ctx,
    readonly _spec: DataValidationSpec,
  ) {
    super();
  }
  copy(): GDVB {
    return new DataValidationBuilder(this._ctx, { ...this._spec, args: cloneArgs(this._spec.args) }) as unknown as GDVB;
  }
  getAllowInvalid(): boolean {
    return this._spec.allowInvalid;
  }
  getCriteriaType(): GoogleAppsScript.Spreadsheet.DataValidationCriteria {
    return SpreadsheetAppEnums.DataValidationCriteria[this._spec.criteria] as unknown as GoogleAppsScript.Spreadsheet.DataValidationCriteria;
  }
  getCriteriaValues(): unknown[] {
    return outArgs(this._ctx, this._spec.args);
  }
  getHelpText(): string {
    return this._spec.helpText as string;
  }
}

type DvbMethods =
  | 'build' | 'copy' | 'getAllowInvalid' | 'getCriteriaType' | 'getCriteriaValues' | 'getHelpText' | 'requireCheckbox' | 'requireDate'
  | 'requireDateAfter' | 'requireDateBefore' | 'requireDateBetween' | 'requireDateOnOrAfter' | 'requireDateOnOrBefore' | 'requireDateEqualTo'
  | 'requireFormulaSatisfied' | 'requireNumberBetween' | 'requireNumberEqualTo' | 'requireNumberGreaterThan' | 'requireNumberGreaterThanOrEqualTo'
  | 'requireNumberLessThan' | 'requireNumberLessThanOrEqualTo' | 'requireNumberNotBetween' | 'requireNumberNotEqualTo' | 'requireTextContains'
  | 'requireTextDoesNotContain' | 'requireTextEqualTo' | 'requireTextIsEmail' | 'requireTextIsUrl' | 'requireValueInList' | 'requireValueInRange'
  | 'setAllowInvalid' | 'setHelpText' | 'withCriteria';

export class DataValidationBuilder extends Emulated implements Pick<GDVB, DvbMethods> {
  readonly _cls = 'DataValidationBuilder';
  constructor(
    readonly _ctx: Ctx,
    readonly _spec: DataValidationSpec = emptyDv(),
  ) {
    super();
  }
  private set(criteria: string, args: unknown[]): GDVB {
    this._spec.criteria = criteria;
    this._spec.args = args;
    return this as unknown as GDVB;
  }
  private num(n: unknown): number {
    if (typeof n !== 'number' || !Number.isFinite(n)) throw new Error(`Invalid argument: expected a number, got ${String(n)}`);
    return n;
  }
  private date(d: unknown): Date {
    if (!isDate(d)) throw new Error('Invalid argument: expected a Date');
    return new Date(d.getTime());
  }
  build(): GDV {
    if (!this._spec.criteria) throw new Error('The data validation rule has no criteria; call a require…() method before build().');
    return new DataValidation(this._ctx, { ...this._spec, args: cloneArgs(this._spec.args) }) as unknown as GDV;
  }
  copy(): GDVB {
    return new DataValidationBuilder(this._ctx, { ...this._spec, args: cloneArgs(this._spec.args) }) as unknown as GDVB;
  }
  getAllowInvalid(): boolean {
    return this._spec.allowInvalid;
  }
  getCriteriaType(): GoogleAppsScript.Spreadsheet.DataValidationCriteria {
    return SpreadsheetAppEnums.DataValidationCriteria[this._spec.criteria] as unknown as GoogleAppsScript.Spreadsheet.DataValidationCriteria;
  }
  getCriteriaValues(): unknown[] {
    return outArgs(this._ctx, this._spec.args);
  }
  getHelpText(): string | null {
    return this._spec.helpText;
  }
  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): GDVB {
    return this.set('CHECKBOX', [checkedValue, uncheckedValue].filter((v) => v !== undefined));
  }
  requireDate(): GDVB {
    return this.set('DATE_IS_VALID_DATE', []);
  }
  requireDateAfter(date: GoogleAppsScript.Base.Date): GDVB {
    return this.set('DATE_AFTER', [this.date(date)]);
  }
  requireDateBefore(date: GoogleAppsScript.Base.Date): GDVB {
    return this.set('DATE_BEFORE', [this.date(date)]);
  }
  requireDateBetween(start: GoogleAppsScript.Base.Date, end: GoogleAppsScript.Base.Date): GDVB {
    return this.set('DATE_BETWEEN', [this.date(start), this.date(end)]);
  }
  requireDateEqualTo(date: GoogleAppsScript.Base.Date): GDVB {
    return this.set('DATE_EQUAL_TO', [this.date(date)]);
  }
  requireDateOnOrAfter(date: GoogleAppsScript.Base.Date): GDVB {
    return this.set('DATE_ON_OR_AFTER', [this.date(date)]);
  }
  requireDateOnOrBefore(date: GoogleAppsScript.Base.Date): GDVB {
    return this.set('DATE_ON_OR_BEFORE', [this.date(date)]);
  }
  requireFormulaSatisfied(formula: string): GDVB {
    if (typeof formula !== 'string' || !formula.startsWith('=')) throw new Error('Invalid argument: formula (must start with "=")');
    return this.set('CUSTOM_FORMULA', [formula]);
  }
  requireNumberBetween(start: number, end: number): GDVB {
    return this.set('NUMBER_BETWEEN', [this.num(start), this.num(end)]);
  }
  requireNumberNotBetween(start: number, end: number): GDVB {
    return this.set('NUMBER_NOT_BETWEEN', [this.num(start), this.num(end)]);
  }
  requireNumberEqualTo(n: number): GDVB {
    return this.set('NUMBER_EQUAL_TO', [this.num(n)]);
  }
  requireNumberNotEqualTo(n: number): GDVB {
    return this.set('NUMBER_NOT_EQUAL_TO', [this.num(n)]);
  }
  requireNumberGreaterThan(n: number): GDVB {
    return this.set('NUMBER_GREATER_THAN', [this.num(n)]);
  }
  requireNumberGreaterThanOrEqualTo(n: number): GDVB {
    return this.set('NUMBER_GREATER_THAN_OR_EQUAL_TO', [this.num(n)]);
  }
  requireNumberLessThan(n: number): GDVB {
    return this.set('NUMBER_LESS_THAN', [this.num(n)]);
  }
  requireNumberLessThanOrEqualTo(n: number): GDVB {
    return this.set('NUMBER_LESS_THAN_OR_EQUAL_TO', [this.num(n)]);
  }
  requireTextContains(text: string): GDVB {
    return this.set('TEXT_CONTAINS', [String(text)]);
  }
  requireTextDoesNotContain(text: string): GDVB {
    return this.set('TEXT_DOES_NOT_CONTAIN', [String(text)]);
  }
  requireTextEqualTo(text: string): GDVB {
    return this.set('TEXT_EQUAL_TO', [String(text)]);
  }
  requireTextIsEmail(): GDVB {
    return this.set('TEXT_IS_VALID_EMAIL', []);
  }
  requireTextIsUrl(): GDVB {
    return this.set('TEXT_IS_VALID_URL', []);
  }
  requireValueInList(values: string[], showDropdown?: boolean): GDVB {
    if (!Array.isArray(values) || values.length === 0) throw new Error('Invalid argument: values (a non-empty list is required)');
    return this.set('VALUE_IN_LIST', [values.map(String), showDropdown ?? true]);
  }
  requireValueInRange(range: GoogleAppsScript.Spreadsheet.Range, showDropdown?: boolean): GDVB {
    return this.set('VALUE_IN_RANGE', [this._ctx.gridOf(range), showDropdown ?? true]);
  }
  setAllowInvalid(allowInvalidData: boolean): GDVB {
    this._spec.allowInvalid = !!allowInvalidData;
    return this as unknown as GDVB;
  }
  setHelpText(helpText: string): GDVB {
    this._spec.helpText = helpText === null ? null : String(helpText);
    return this as unknown as GDVB;
  }
  withCriteria(criteria: GoogleAppsScript.Spreadsheet.DataValidationCriteria, args: unknown[]): GDVB {
    const key = enumKey(criteria);
    if (!(key in SpreadsheetAppEnums.DataValidationCriteria)) throw new Error(`Invalid argument: criteria (${key})`);
    return this.set(key, args.map((a) => (a && typeof a === 'object' && !isDate(a) && !Array.isArray(a) ? this._ctx.gridOf(a) : a)));
  }
}

/** Whether a typed value passes a rule (for edit(): a person's entry is rejected when allowInvalid is false). Criteria not checked here pass. */
export function passesValidation(ctx: Ctx, spec: DataValidationSpec, value: unknown): boolean {
  if (value === '' || value === null) return true;
  const a = spec.args;
  const n = typeof value === 'number' ? value : NaN;
  switch (spec.criteria) {
    case 'CHECKBOX':
      return a.length === 0 ? typeof value === 'boolean' : a.some((x) => String(x) === String(value));
    case 'VALUE_IN_LIST':
      return (a[0] as string[]).some((x) => x.toLowerCase() === String(value).toLowerCase());
    case 'VALUE_IN_RANGE': {
      const g = a[0] as GridRange;
      const r = ctx.rangeOfGrid(g);
      return r.getValues().flat().some((x) => String(x).toLowerCase() === String(value).toLowerCase());
    }
    case 'NUMBER_BETWEEN':
      return n >= (a[0] as number) && n <= (a[1] as number);
    case 'NUMBER_NOT_BETWEEN':
      return !Number.isNaN(n) && !(n >= (a[0] as number) && n <= (a[1] as number));
    case 'NUMBER_EQUAL_TO':
      return n === a[0];
    case 'NUMBER_NOT_EQUAL_TO':
      return !Number.isNaN(n) && n !== a[0];
    case 'NUMBER_GREATER_THAN':
      return n > (a[0] as number);
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return n >= (a[0] as number);
    case 'NUMBER_LESS_THAN':
      return n < (a[0] as number);
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return n <= (a[0] as number);
    case 'TEXT_IS_VALID_EMAIL':
      return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(String(value));
    case 'DATE_IS_VALID_DATE':
      return isDate(value);
    default:
      return true;
  }
}

// ---- conditional formats ----------------------------------------------------------

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
    const key = enumKey(criteria);
    if (!(key in SpreadsheetAppEnums.BooleanCriteria)) throw new Error(`Invalid argument: criteria (${key})`);
    return this.when(key, [...args]);
  }
}

/** Whether a boolean rule matches a cell value (for the preview; CUSTOM_FORMULA and relative dates are not evaluated). */
export function ruleMatches(spec: ConditionalFormatSpec, value: unknown): boolean | null {
  const c = spec.condition;
  if (!c) return null;
  const v = c.values;
  const n = typeof value === 'number' ? value : NaN;
  const s = String(value ?? '').toLowerCase();
  switch (c.type) {
    case 'CELL_EMPTY':
      return value === '';
    case 'CELL_NOT_EMPTY':
      return value !== '';
    case 'NUMBER_BETWEEN':
      return n >= (v[0] as number) && n <= (v[1] as number);
    case 'NUMBER_NOT_BETWEEN':
      return !Number.isNaN(n) && !(n >= (v[0] as number) && n <= (v[1] as number));
    case 'NUMBER_EQUAL_TO':
      return n === v[0];
    case 'NUMBER_NOT_EQUAL_TO':
      return !Number.isNaN(n) && n !== v[0];
    case 'NUMBER_GREATER_THAN':
      return n > (v[0] as number);
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return n >= (v[0] as number);
    case 'NUMBER_LESS_THAN':
      return n < (v[0] as number);
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return n <= (v[0] as number);
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
