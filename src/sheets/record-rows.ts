// Correct, never erase in the workbook: a client's rows of a record tab (Sessions, Ratings, an instrument tab) with their identity and Voided cell, and the one write that marks a row voided.
import type { Book } from './book';
import { recordsAt, rowsOf } from './records';
import { lastRowOf, overwriteRows, type Tab } from './table';
import { cellNumber, cellText } from './values';

/** A row of a record tab as the amend actions match it: identity (client, date, session, goal, Source) and the Voided cell. */
export interface StoredRecord {
  row: number;
  client: string;
  date: string;
  session: number | null;
  goalId: string;
  voided: string;
  /** The Source cell: the form response an imported measure came from ('' otherwise, and on tabs without the column). */
  source: string;
  /** The row's cells by layout key, as read. */
  values: Record<string, unknown>;
}

/** Every row of one client in a record tab, voided ones included (one read of the client column, one of the rows' span). */
export function readClientRecords(book: Book, tab: Tab, code: string): StoredRecord[] {
  const rows = rowsOf(tab, 'client', code, lastRowOf(tab));
  return recordsAt(tab, rows).map(({ row, values: v }) => ({
    row,
    client: cellText(v.client),
    date: book.iso(v.date),
    session: cellNumber(v.session),
    goalId: cellText(v.goalId),
    voided: cellText(v.voided),
    source: cellText(v.source),
    values: v,
  }));
}

/** Writes one row's Voided cell and nothing else (the journal restores `before` if the action fails later). */
export function markVoided(tab: Tab, row: number, text: string, before: string): void {
  const only: Tab = { ...tab, layout: { ...tab.layout, columns: tab.layout.columns.filter((c) => c.key === 'voided') } };
  overwriteRows(only, row, [{ voided: text }], [{ voided: before }]);
}
