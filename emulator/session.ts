// Session and User: the configurable active/effective user, the script time zone and locale.
import type { Ctx } from './ctx';
import { Emulated } from './not-emulated';

export class User extends Emulated implements Pick<GoogleAppsScript.Base.User, 'getEmail'> {
  readonly _cls = 'User';
  constructor(readonly _email: string) {
    super();
  }
  getEmail(): string {
    return this._email;
  }
}

export class Session extends Emulated implements Pick<GoogleAppsScript.Base.Session, 'getActiveUser' | 'getEffectiveUser' | 'getScriptTimeZone' | 'getActiveUserLocale'> {
  readonly _cls = 'Session';
  constructor(
    readonly _ctx: Ctx,
    readonly _scriptTimeZone: string,
  ) {
    super();
  }
  /** In a simple trigger or custom function run by someone other than the owner, Apps Script returns '' for the active user (consumer accounts); the emulator does too. */
  getActiveUser(): GoogleAppsScript.Base.User {
    const m = this._ctx.mode;
    const notOwner = this._ctx.wb.user.toLowerCase() !== this._ctx.wb.owner.toLowerCase();
    const hidden = notOwner && (m.kind === 'custom' || (m.kind === 'trigger' && m.authMode !== 'FULL'));
    return new User(hidden ? '' : this._ctx.wb.user) as unknown as GoogleAppsScript.Base.User;
  }
  getEffectiveUser(): GoogleAppsScript.Base.User {
    return new User(this._ctx.wb.user) as unknown as GoogleAppsScript.Base.User;
  }
  getScriptTimeZone(): string {
    return this._scriptTimeZone;
  }
  getActiveUserLocale(): string {
    return 'en_GB';
  }
}
