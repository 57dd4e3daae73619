// The "Rebuild review charts" menu action: rewrites the Review tab's helper tables in place and recreates its charts, exactly one set.
import { Book } from '../sheets/book';
import { CLIENTS, FIXED_TABS, GOALS, RATINGS, SESSIONS, SETTINGS } from '../sheets/layout';
import { REVIEW_TAB, reviewSources, syncReviewTab } from '../sheets/review-dashboard';
import type { Tab } from '../sheets/table';
import type { Result } from '../contract';
import { withDocumentLock } from './lock';
import { ok } from './validate';

export interface RebuildReport {
  charts: number;
  createdTab: boolean;
  addedBlocks: string[];
}

/** Menu: idempotent; running it twice leaves one set of charts. Says what it did in a toast (or why it could not). */
export function rebuildReviewCharts(): Result<RebuildReport> {
  const result = withDocumentLock(() => {
    const book = new Book();
    const settings = book.settings();
    const layouts = [SETTINGS, CLIENTS, GOALS, SESSIONS, RATINGS, ...FIXED_TABS.filter((l) => (l.key === 'reviews' || l.key === 'tasks') && book.hasTab(l.name))];
    const tabs: Tab[] = layouts.map((l) => book.tab(l));
    for (const id of settings.instruments) if (book.hasTab(book.find(id).name)) tabs.push(book.instrument(id, settings));
    const existing = book.ss.getSheetByName(REVIEW_TAB);
    const r = syncReviewTab(book.ss, existing, reviewSources(tabs, settings), true, existing ? 0 : book.ss.getSheets().length);
    return ok({ charts: r.charts ?? 0, createdTab: r.created, addedBlocks: r.addedBlocks });
  });
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  ss.toast(result.ok ? `Attain: ${result.data.charts} review chart(s) rebuilt${result.data.createdTab ? ' on a new Review tab' : ''}.` : `Attain: ${result.message}`, 'Attain', 8);
  return result;
}
