// Protection: description, editors (add/remove/get, canEdit), domain edit, warning-only, unprotected ranges — the platform rule that the owner always stays an editor.
import type { Ctx } from './ctx';
import { Emulated } from './not-emulated';
import { SpreadsheetAppEnums } from './enums';
import { User } from './session';
import type { ProtectionModel } from './model';

type GProtection = GoogleAppsScript.Spreadsheet.Protection;
type ProtectionMethods =
  | 'addEditor' | 'addEditors' | 'canDomainEdit' | 'canEdit' | 'getDescription' | 'getEditors' | 'getProtectionType' | 'getRange'
  | 'getRangeName' | 'getUnprotectedRanges' | 'isWarningOnly' | 'remove' | 'removeEditor' | 'removeEditors' | 'setDescription'
  | 'setDomainEdit' | 'setRange' | 'setUnprotectedRanges' | 'setWarningOnly';

function emailOf(v: unknown): string {
  if (typeof v === 'string') {
    if (!/^[^@\s]+@[^@\s]+$/.test(v)) throw new Error(`Invalid email: ${v}`);
    return v.toLowerCase();
  }
  if (v instanceof User) return v._email.toLowerCase();
  throw new Error('Invalid argument: expected an email address or a User');
}

export class Protection extends Emulated implements Pick<GProtection, ProtectionMethods> {
  readonly _cls = 'Protection';
  constructor(
    readonly _ctx: Ctx,
    readonly _p: ProtectionModel,
  ) {
    super();
  }

  private self(): GProtection {
    return this as unknown as GProtection;
  }

  private alive(): ProtectionModel {
    if (this._p.removed) throw new Error('This protection has been removed.');
    return this._p;
  }

  /** Only editors of the protection (or the owner) may change it. */
  private mutable(): ProtectionModel {
    const p = this.alive();
    if (this._ctx.mode.kind === 'custom' || (this._ctx.mode.kind === 'trigger' && this._ctx.mode.authMode !== 'FULL'))
      throw new Error('You do not have permission to change protections from a simple trigger or custom function.');
    if (!this._ctx.wb.userCanEdit({ ...p, warningOnly: false }) && !p.warningOnly) throw new Error(`You do not have permission to change this protection.`);
    return p;
  }

  addEditor(emailOrUser: string | GoogleAppsScript.Base.User): GProtection {
    const p = this.mutable();
    const e = emailOf(emailOrUser);
    if (!p.editors.includes(e)) p.editors.push(e);
    return this.self();
  }
  addEditors(emailAddresses: string[]): GProtection {
    for (const e of emailAddresses) this.addEditor(e);
    return this.self();
  }
  removeEditor(emailOrUser: string | GoogleAppsScript.Base.User): GProtection {
    return this.removeEditors([emailOrUser] as string[]);
  }
  /** The owner cannot be removed (Sheets keeps them silently). */
  removeEditors(users: (string | GoogleAppsScript.Base.User)[]): GProtection {
    const p = this.mutable();
    if (!Array.isArray(users)) throw new Error('Invalid argument: removeEditors expects an array');
    const drop = new Set(users.map(emailOf));
    const owner = this._ctx.wb.owner.toLowerCase();
    p.editors = p.editors.filter((e) => e === owner || !drop.has(e));
    return this.self();
  }
  getEditors(): GoogleAppsScript.Base.User[] {
    return this.alive().editors.map((e) => new User(e) as unknown as GoogleAppsScript.Base.User);
  }
  canEdit(): boolean {
    return this._ctx.wb.userCanEdit(this.alive());
  }
  canDomainEdit(): boolean {
    return this.alive().domainEdit;
  }
  setDomainEdit(editable: boolean): GProtection {
    this.mutable().domainEdit = !!editable;
    return this.self();
  }
  getDescription(): string {
    return this.alive().description;
  }
  setDescription(description: string): GProtection {
    this.mutable().description = String(description);
    return this.self();
  }
  isWarningOnly(): boolean {
    return this.alive().warningOnly;
  }
  /** Warning-only protections keep no editor list of their own in Sheets; the list is kept here but not enforced. */
  setWarningOnly(warningOnly: boolean): GProtection {
    this.mutable().warningOnly = !!warningOnly;
    return this.self();
  }
  getProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType {
    return SpreadsheetAppEnums.ProtectionType[this.alive().type] as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;
  }
  getRange(): GoogleAppsScript.Spreadsheet.Range {
    const p = this.alive();
    const g = p.range ?? { sheet: p.sheet, row: 1, col: 1, numRows: p.sheet.maxRows, numCols: p.sheet.maxCols };
    return this._ctx.rangeOfGrid(g) as unknown as GoogleAppsScript.Spreadsheet.Range;
  }
  setRange(range: GoogleAppsScript.Spreadsheet.Range): GProtection {
    const p = this.mutable();
    if (p.type !== 'RANGE') throw new Error('Only range protections can change their range.');
    const g = this._ctx.gridOf(range);
    if (g.sheet !== p.sheet) throw new Error('The range must be on the same sheet as the protection.');
    p.range = g;
    return this.self();
  }
  getRangeName(): string | null {
    return this.alive().rangeName;
  }
  getUnprotectedRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return this.alive().unprotected.map((g) => this._ctx.rangeOfGrid(g) as unknown as GoogleAppsScript.Spreadsheet.Range);
  }
  setUnprotectedRanges(ranges: GoogleAppsScript.Spreadsheet.Range[]): GProtection {
    const p = this.mutable();
    if (p.type !== 'SHEET') throw new Error('Unprotected ranges only apply to sheet protections.');
    p.unprotected = ranges.map((r) => this._ctx.gridOf(r));
    return this.self();
  }
  remove(): void {
    const p = this.mutable();
    p.removed = true;
    p.sheet.protections = p.sheet.protections.filter((x) => x !== p);
  }
}
