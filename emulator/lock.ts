// LockService: document/script/user locks for one execution at a time; another execution's hold can be simulated; waitLock throws Apps Script's timeout error.
import type { Ctx } from './ctx';
import { Emulated } from './not-emulated';

type GLock = GoogleAppsScript.Lock.Lock;
export type LockKind = 'document' | 'script' | 'user';

export interface LockState {
  held: Set<LockKind>;
  /** Locks "another execution" holds (tests simulate contention with emulator.holdLockElsewhere). */
  elsewhere: Set<LockKind>;
}

export class Lock extends Emulated implements Pick<GLock, 'tryLock' | 'waitLock' | 'releaseLock' | 'hasLock'> {
  readonly _cls = 'Lock';
  constructor(
    readonly _state: LockState,
    readonly _kind: LockKind,
  ) {
    super();
  }
  private timeout(ms: unknown): number {
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) throw new Error('Invalid argument: timeoutInMillis');
    return ms;
  }
  tryLock(timeoutInMillis: number): boolean {
    this.timeout(timeoutInMillis);
    if (this._state.elsewhere.has(this._kind)) return false;
    this._state.held.add(this._kind);
    return true;
  }
  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) throw new Error('Lock timeout: another process was holding the lock for too long.');
  }
  releaseLock(): void {
    this._state.held.delete(this._kind);
  }
  hasLock(): boolean {
    return this._state.held.has(this._kind);
  }
}

export class LockService extends Emulated implements Pick<GoogleAppsScript.Lock.LockService, 'getDocumentLock' | 'getScriptLock' | 'getUserLock'> {
  readonly _cls = 'LockService';
  constructor(
    readonly _ctx: Ctx,
    readonly _state: LockState,
  ) {
    super();
  }
  getDocumentLock(): GLock {
    return new Lock(this._state, 'document') as unknown as GLock;
  }
  getScriptLock(): GLock {
    return new Lock(this._state, 'script') as unknown as GLock;
  }
  getUserLock(): GLock {
    return new Lock(this._state, 'user') as unknown as GLock;
  }
}
