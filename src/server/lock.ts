// The document lock around every write: one execution at a time edits the workbook, and edits are flushed before the lock is released.
import { LayoutError } from '../sheets/table';
import type { Result } from '../contract';
import { writeRefusal } from './permissions';

/** How long an action waits for another one to finish before telling the user to try again. */
export const LOCK_WAIT_MS = 20000;

/** What every entry point answers when another execution holds the lock (setup included). */
export const BUSY_MESSAGE = `Another Attain action is still running (waited ${LOCK_WAIT_MS / 1000} s for the spreadsheet). Nothing was saved; try again in a moment.`;

/** The document lock once held, or null when another execution kept it for LOCK_WAIT_MS (Apps Script's "Lock timeout" is never shown). */
export function takeDocumentLock(): GoogleAppsScript.Lock.Lock | null {
  const lock = LockService.getDocumentLock();
  try {
    lock.waitLock(LOCK_WAIT_MS);
    return lock;
  } catch {
    return null;
  }
}

/**
 * Runs `fn` holding the document lock. A busy lock or a missing tab/column becomes {ok:false} with the reason;
 * anything else is a bug and is thrown, so the sidebar's failure handler shows it.
 */
export function withDocumentLock<T>(fn: () => Result<T>): Result<T> {
  const lock = takeDocumentLock();
  if (!lock) return { ok: false, message: BUSY_MESSAGE, errors: {} };
  try {
    // Strict protections: refuse before the first write rather than fail half-way.
    const refused = writeRefusal();
    if (refused) return { ok: false, message: refused, errors: {} };
    return fn();
  } catch (err) {
    if (err instanceof LayoutError) return { ok: false, message: err.message, errors: {} };
    throw err;
  } finally {
    SpreadsheetApp.flush();
    lock.releaseLock();
  }
}

/** Read-only actions: layout problems are answered, not thrown. */
export function answering<T>(fn: () => Result<T>): Result<T> {
  try {
    return fn();
  } catch (err) {
    if (err instanceof LayoutError) return { ok: false, message: err.message, errors: {} };
    throw err;
  }
}
