// Fault injection: make the n-th service call of chosen kinds throw (once, or from then on), as a protected range, a deleted tab or a Sheets outage would; tests use it to prove an action is all or nothing.
import type { Kind } from './counts';

export interface FaultOptions {
  /** Which kinds of call count (default: every call that changes the document: write, format, structure). */
  kinds?: Kind[];
  /** The first counted call that throws, 1-based from when the fault is armed (default 1). */
  nth?: number;
  /** How many calls throw from the n-th on (default 1; Infinity: every later one, so an undo fails too). */
  times?: number;
  /** The error's message (default: what Sheets says when a write meets a protected range). */
  message?: string;
}

/** Sheets' message for a write to a range the user may not edit. */
export const PROTECTED_MESSAGE = 'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

export class Faults {
  private plan: Required<FaultOptions> | null = null;
  private seen = 0;
  private fired = 0;

  arm(opts: FaultOptions | null): void {
    this.plan = opts ? { kinds: opts.kinds ?? ['write', 'format', 'structure'], nth: opts.nth ?? 1, times: opts.times ?? 1, message: opts.message ?? PROTECTED_MESSAGE } : null;
    this.seen = 0;
    this.fired = 0;
  }

  /** Called before every counted call: throws when the armed fault says this call fails. */
  check(kind: Kind | null): void {
    const p = this.plan;
    if (!p || !kind || !p.kinds.includes(kind)) return;
    this.seen++;
    if (this.seen < p.nth || this.fired >= p.times) return;
    this.fired++;
    throw new Error(p.message);
  }
}
