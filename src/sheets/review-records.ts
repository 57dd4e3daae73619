// The Reviews tab read back (every review row or one client's, the last review of a client, GAS points per review) and Audit rows appended in one block.
import type { GasPoint } from '../core/review';
import type { Book } from './book';
import { REVIEWS } from './layout';
import { clientRecords } from './records';
import { readColumns } from './table';
import { cellNumber, cellText } from './values';

export interface ReviewRow {
  client: string;
  date: string;
  session: number;
  tScore: number | null;
  change: number | null;
}

/** Every Reviews row (one read); none when the tab is not there yet (a workbook set up before reviews existed). */
export function readReviewRows(book: Book): ReviewRow[] {
  if (!book.hasTab(REVIEWS.name)) return [];
  const c = readColumns(book.tab(REVIEWS), ['client', 'date', 'session', 'tScore', 'gasChange']);
  const out: ReviewRow[] = [];
  c.client.forEach((v, i) => {
    const client = cellText(v);
    const session = cellNumber(c.session[i]);
    if (client && session !== null) out.push({ client, date: book.iso(c.date[i]), session, tScore: cellNumber(c.tScore[i]), change: cellNumber(c.gasChange[i]) });
  });
  return out;
}

/** One client's Reviews rows (their rows only: clientRecords); none when the tab is not there yet. */
export function readClientReviewRows(book: Book, code: string): ReviewRow[] {
  if (!book.hasTab(REVIEWS.name)) return [];
  const out: ReviewRow[] = [];
  for (const { values: v } of clientRecords(book, book.tab(REVIEWS), code)) {
    const client = cellText(v.client);
    const session = cellNumber(v.session);
    if (client && session !== null) out.push({ client, date: book.iso(v.date), session, tScore: cellNumber(v.tScore), change: cellNumber(v.gasChange) });
  }
  return out;
}

/** The latest review of a client (highest session, then latest row), or null. */
export function lastReview(rows: readonly ReviewRow[], code: string): ReviewRow | null {
  const want = code.toLowerCase();
  let best: ReviewRow | null = null;
  for (const r of rows) if (r.client.toLowerCase() === want && (!best || r.session >= best.session)) best = r;
  return best;
}

/** GAS results per client (lower-case code): one point per review that has a T-score, in sheet order. */
export function gasPointsByClient(rows: readonly ReviewRow[]): Map<string, GasPoint[]> {
  const out = new Map<string, GasPoint[]>();
  const seen = new Set<string>();
  for (const r of rows) {
    const k = r.client.toLowerCase();
    const id = `${k}\u0000${r.date}\u0000${r.session}`;
    if (r.tScore === null || seen.has(id)) continue;
    seen.add(id);
    const list = out.get(k) ?? [];
    list.push({ date: r.date, session: r.session, tScore: r.tScore, change: r.change });
    out.set(k, list);
  }
  return out;
}

/** Appends several Audit rows with one write: same time, user and action. */
export function auditRows(book: Book, action: string, client: string, entries: readonly { entity: string; summary: string }[]): void {
  book.audit(entries.map((e) => ({ action, client, ...e })));
}
