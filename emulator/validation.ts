// Data validation rules: the builder (local JS, not counted), the built rule stored as a plain spec, and whether a value passes it (conditional formats are in conditional-formats.ts and share its NUMBER_… criteria).
import type { Ctx } from './ctx';
import { SpreadsheetAppEnums } from './enums';
import type { DataValidationSpec, GridRange } from './model';
import { isGrid } from './model';
import { Emulated, enumKeyIn, isDate } from './not-emulated';
import type { Workbook } from './workbook';

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

function cloneSpec(spec: DataValidationSpec): DataValidationSpec {
  return { ...spec, args: cloneArgs(spec.args) };
}

/** What a built rule and its builder both answer: copy() as a new builder, and the spec's flag, criteria and values. */
abstract class DataValidationReader extends Emulated {
  constructor(
    readonly _ctx: Ctx,
    readonly _spec: DataValidationSpec,
  ) {
    super();
  }
  copy(): GDVB {
    return new DataValidationBuilder(this._ctx, cloneSpec(this._spec)) as unknown as GDVB;
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
}

export class DataValidation extends DataValidationReader implements Pick<GDV, 'copy' | 'getAllowInvalid' | 'getCriteriaType' | 'getCriteriaValues' | 'getHelpText'> {
  readonly _cls = 'DataValidation';
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

export class DataValidationBuilder extends DataValidationReader implements Pick<GDVB, DvbMethods> {
  readonly _cls = 'DataValidationBuilder';
  constructor(ctx: Ctx, spec: DataValidationSpec = emptyDv()) {
    super(ctx, spec);
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
    return new DataValidation(this._ctx, cloneSpec(this._spec)) as unknown as GDV;
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
    return this.set(enumKeyIn(criteria, SpreadsheetAppEnums.DataValidationCriteria, 'criteria'), args.map((a) => (a && typeof a === 'object' && !isDate(a) && !Array.isArray(a) ? this._ctx.gridOf(a) : a)));
  }
}

/** The NUMBER_… criteria that data validation and conditional formats share: whether `n` (NaN for a value that is not a number) meets them; undefined for other criteria. */
export function passesNumberCriteria(criteria: string, n: number, a: unknown[]): boolean | undefined {
  switch (criteria) {
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
    default:
      return undefined;
  }
}

/** Whether a typed value passes a rule (for edit(): a person's entry is rejected when allowInvalid is false). Criteria not checked here pass. */
export function passesValidation(ctx: Ctx, spec: DataValidationSpec, value: unknown): boolean {
  if (value === '' || value === null) return true;
  const a = spec.args;
  const byNumber = passesNumberCriteria(spec.criteria, typeof value === 'number' ? value : NaN, a);
  if (byNumber !== undefined) return byNumber;
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
    case 'TEXT_IS_VALID_EMAIL':
      return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(String(value));
    case 'DATE_IS_VALID_DATE':
      return isDate(value);
    default:
      return true;
  }
}

/**
 * The options a list rule's drop-down offers (null: no drop-down — not a list rule, or built with showDropdown false): a value
 * list as given; a range as its cells' current display values, in range order, blanks left out and each value once (the
 * range is read as it is now, so a formula-filled list follows its sources). `cache` shares one read per range per view.
 */
export function dropdownOptions(wb: Workbook, spec: DataValidationSpec, cache: Map<string, string[]> = new Map()): string[] | null {
  if (spec.args[1] === false) return null;
  if (spec.criteria === 'VALUE_IN_LIST') return [...(spec.args[0] as string[])];
  if (spec.criteria !== 'VALUE_IN_RANGE' || !isGrid(spec.args[0])) return null;
  const g = spec.args[0];
  if (g.sheet.deleted) return [];
  const key = wb.gridA1(g);
  const known = cache.get(key);
  if (known) return [...known];
  const { lastRow, lastCol } = wb.lastRowCol(g.sheet);
  const seen = new Set<string>();
  for (let r = g.row; r < g.row + g.numRows && r <= lastRow; r++) {
    for (let c = g.col; c < g.col + g.numCols && c <= lastCol; c++) {
      const v = wb.display(g.sheet, r, c);
      if (v !== '') seen.add(v);
    }
  }
  cache.set(key, [...seen]);
  return [...seen];
}
