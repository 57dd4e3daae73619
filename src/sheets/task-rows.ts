// The Tasks tab ↔ task records of one client: read where the spreadsheet-wide search found the client (no call when it found none), new rows appended, outcomes marked in place.
import { TASK_OUTCOMES, oneOf, type TaskOutcome } from '../core/vocabularies';
import type { Book } from './book';
import { TASKS } from './layout';
import { clientRecords, isLive, rewriteRows } from './records';
import { appendRows } from './table';
import { cellNumber, cellText, isoToSerial } from './values';

/** One Tasks row as stored. */
export interface TaskRecord {
  row: number;
  /** The row's cells as read: what a failed action restores, and what marking an outcome keeps. */
  raw: Record<string, unknown>;
  taskId: string;
  goalId: string;
  task: string;
  setSession: number | null;
  setDate: string;
  /** '' = by the next session. */
  due: string;
  outcome: TaskOutcome | '';
  reviewedSession: number | null;
  note: string;
  live: boolean;
}

/** Open: live and no outcome yet (the Session screen's "From last time"). */
export const isOpenTask = (t: TaskRecord): boolean => t.live && t.outcome === '';

/**
 * This client's Tasks rows (live and voided), in sheet order. The search clientRecords shares tells first whether the client
 * has any: with none, the Tasks tab is not opened or read (only its id is looked up), so a session without tasks costs no read.
 */
export function readTasks(book: Book, code: string): TaskRecord[] {
  const want = code.trim().toLowerCase();
  const id = want ? book.sheetIdNamed(TASKS.name) : null;
  if (id === null || !(book.rowsWith(want).get(id) ?? []).some((r) => r >= 2)) return [];
  return clientRecords(book, book.tab(TASKS), code).map(({ row, values: v }) => {
    const o = cellText(v.outcome);
    return {
      row,
      raw: v,
      taskId: cellText(v.taskId),
      goalId: cellText(v.goalId),
      task: cellText(v.task),
      setSession: cellNumber(v.setSession),
      setDate: book.iso(v.setDate),
      due: cellText(v.due) === '' ? '' : book.iso(v.due),
      outcome: o === '' ? '' : oneOf(o, TASK_OUTCOMES, 'not reviewed'),
      reviewedSession: cellNumber(v.reviewedSession),
      note: cellText(v.note),
      live: isLive(v),
    };
  });
}

/** Appends the session's new tasks (one write for the block). */
export function appendTasks(book: Book, code: string, session: number, date: string, tasks: readonly { taskId: string; goalId: string; text: string; due: string }[]): void {
  if (!tasks.length) return;
  appendRows(
    book.tab(TASKS),
    tasks.map((t) => ({ client: code, taskId: t.taskId, goalId: t.goalId, task: t.text, setSession: session, setDate: isoToSerial(date), due: t.due ? isoToSerial(t.due) : '', outcome: '', reviewedSession: '', note: '' })),
  );
}

/**
 * Marks outcomes in place: each row is rewritten as read with its outcome, session and note, one write per run of consecutive
 * rows. The tasks set at one session were appended together, so marking last time's tasks is one write.
 */
export function markTasks(book: Book, marks: readonly { task: TaskRecord; outcome: TaskOutcome; session: number; note: string }[]): void {
  if (!marks.length) return;
  rewriteRows(
    book.tab(TASKS),
    marks.map(({ task, outcome, session, note }) => ({ row: task.row, values: { ...task.raw, outcome, reviewedSession: session, note: note || task.note }, before: task.raw })),
  );
}
