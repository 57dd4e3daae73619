// The document lock around every write, and all-or-nothing: one execution at a time edits the workbook, and an action that fails part-way undoes what it wrote before answering.
import { Book } from '../sheets/book';
import { LayoutError } from '../sheets/table';
import { scopeMessage } from '../sheets/scopes';
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
 * Runs `fn` holding the document lock, with a Book whose journal records every write (and `requestId`, the sidebar save's id,
 * kept on its Audit rows). A busy lock or a missing tab/column becomes {ok:false} with the reason. Any failure after a
 * write began (a protected range, a deleted tab, a service error, a bug) undoes what the action wrote and answers plainly:
 * nothing saved, or exactly what stayed when an undo failed too. Pending writes are flushed inside, so a write Sheets
 * refuses only at flush is undone as well.
 */
export function withDocumentLock<T>(fn: (book: Book) => Result<T>, requestId = ''): Result<T> {
  const lock = takeDocumentLock();
  if (!lock) return { ok: false, message: BUSY_MESSAGE, errors: {} };
  let book: Book | null = null;
  try {
    // Strict protections: refuse before the first write rather than fail half-way.
    const refused = writeRefusal();
    if (refused) return { ok: false, message: refused, errors: {} };
    book = new Book();
    book.request = requestId;
    const result = fn(book);
    // A refusal after a write would be a bug; its writes are undone all the same.
    if (!result.ok && book.journal.size) return failedPartWay(book, new Error(result.message));
    SpreadsheetApp.flush();
    return result;
  } catch (err) {
    if (err instanceof LayoutError && (!book || book.journal.size === 0)) return { ok: false, message: err.message, errors: {} };
    return failedPartWay(book, err);
  } finally {
    lock.releaseLock();
  }
}

/** Undoes the action's writes (newest first) and says what happened: nothing saved, or which rows stayed. */
function failedPartWay(book: Book | null, err: unknown): Result<never> {
  const reason = reasonOf(err);
  console.error(`Attain: an action failed and was undone: ${reason}`);
  const { undone, kept } = book ? book.journal.undo() : { undone: [], kept: [] };
  try {
    SpreadsheetApp.flush();
  } catch {
    // The undo's writes are already applied or reported as kept; a failing flush adds nothing the user can act on.
  }
  if (kept.length === 0) {
    const back = undone.length ? ` Attain had begun writing (${undone.join(', ')}) and put those cells back as they were.` : '';
    return { ok: false, message: `Nothing was saved: ${reason}.${back} Fix the cause, then save again: saving again is safe.`, errors: {} };
  }
  const back = undone.length ? ` These were put back as they were: ${undone.join(', ')}.` : '';
  return {
    ok: false,
    message: `Saving stopped part-way: ${reason}. These were saved and could not be undone: ${kept.join(', ')}.${back} Check those rows (File ▸ Version history shows the change) and remove them before saving again, or the save will be there twice.`,
    errors: {},
  };
}

/** A failure in words: Sheets' own message, with what a protected range means for the user. */
function reasonOf(err: unknown): string {
  const scope = scopeMessage(err);
  if (scope) return scope.replace(/\.\s*$/, ''); // a scope the user did not grant: what it is for and how to allow it
  const message = (err instanceof Error ? err.message : String(err)).replace(/^Exception:\s*/, '').replace(/\.\s*$/, '');
  if (/protected cell or object/i.test(message)) return `a range Attain writes to is protected and you may not edit it (${message}). Ask the spreadsheet's owner to let you edit it, or to remove that protection`;
  return message;
}

/** Read-only actions: layout problems are answered, not thrown. */
export function answering<T>(fn: () => Result<T>): Result<T> {
  try {
    return fn();
  } catch (err) {
    if (err instanceof LayoutError) return { ok: false, message: err.message, errors: {} };
    const scope = scopeMessage(err);
    if (scope) return { ok: false, message: scope, errors: {} }; // a scope the user unticked, in plain words
    throw err;
  }
}
