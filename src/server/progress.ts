// Sidebar ▸ Progress: buildProgressReport reads one client's goals, ratings, reviews, sessions and measures, has core write the plain-language report, and writes the printable "Progress <code>" tab with its charts.
import * as z from 'zod/mini';
import { DEFAULT_ALERT_SETTINGS } from '../core/alerts';
import type { InstrumentDefinition } from '../core/instruments/schema';
import { fieldErrors } from '../core/messages';
import { buildProgressReport as buildReport, progressReportInputSchema, type ProgressMeasureRow, type ProgressRating } from '../core/progress-report';
import { reviewStanding } from '../core/review-cadence';
import type { Book } from '../sheets/book';
import { AUDIT, RATINGS, REVIEWS } from '../sheets/layout';
import { progressSheetName, progressTables, writeProgressSheet } from '../sheets/progress-sheet';
import { clientRecords, clientRowOf, isLive, readGoals, readSessions } from '../sheets/records';
import { lastReview, readClientReviewRows } from '../sheets/review-records';
import { cellNumber, cellText } from '../sheets/values';
import type { ProgressReportData, ProgressReportInput, Result } from '../contract';
import { withDocumentLock } from './lock';
import { alreadySaved, invalid, ok } from './validate';

/** The Ratings tab's rating scale as its validation states it (the Review tab's chart reads the same). */
function ratingScale(): [number, number] {
  const v = RATINGS.columns.find((c) => c.key === 'rating')?.validation;
  return v?.kind === 'number' ? [v.min, v.max] : [0, 10];
}

/** A client's goal levels and ratings: live Ratings rows and, when the tab exists, the Reviews rows (levels given at goal reviews). */
function readRatings(book: Book, code: string): ProgressRating[] {
  const tabs = [book.tab(RATINGS), ...(book.hasTab(REVIEWS.name) ? [book.tab(REVIEWS)] : [])];
  return tabs.flatMap((tab) =>
    clientRecords(book, tab, code).map(({ values: v }) => ({
      client: cellText(v.client),
      goalId: cellText(v.goalId),
      session: cellNumber(v.session),
      date: book.iso(v.date),
      rating: cellNumber(v.rating),
      gasLevel: cellNumber(v.gasLevel),
      voided: isLive(v) ? '' : cellText(v.voided),
    })),
  );
}

/** Each enabled instrument that has a tab, with this client's rows of it (clientRecords: their rows only). */
function readMeasures(book: Book, code: string): { def: InstrumentDefinition; rows: ProgressMeasureRow[] }[] {
  const settings = book.settings();
  const out: { def: InstrumentDefinition; rows: ProgressMeasureRow[] }[] = [];
  for (const id of settings.instruments) {
    const def = book.find(id);
    if (def.noTotal || !book.hasTab(def.name)) continue;
    const rows = clientRecords(book, book.instrument(id, settings), code).map(({ values: v }) => ({ client: cellText(v.client), date: book.iso(v.date), session: cellNumber(v.session), total: cellNumber(v.total), voided: cellText(v.voided) }));
    out.push({ def, rows });
  }
  return out;
}

/** Builds (or rebuilds) the client's progress report tab; all or nothing, one Audit row; a clinic's own tab of that name is refused. */
export function buildProgressReport(input: ProgressReportInput): Result<ProgressReportData> {
  const parsed = z.safeParse(progressReportInputSchema, input);
  if (!parsed.success) return invalid(fieldErrors(parsed));
  const req = parsed.data;
  const code = req.clientCode;
  return withDocumentLock((book) => {
    const found = clientRowOf(book, code);
    if ('error' in found) return invalid({ clientCode: found.error });
    book.tab(AUDIT);
    const settings = book.settings();
    const sessions = readSessions(book, code);
    const report = buildReport({
      clientCode: code,
      date: book.today(),
      goals: readGoals(book, code).map(({ goal: g }) => ({ id: g.id, clientCode: g.clientCode, title: g.title, status: g.status, statusDate: g.statusDate, anchors: g.anchors, baseline: g.baseline })),
      ratings: readRatings(book, code),
      measures: readMeasures(book, code),
      // readSessions keeps only this client's live rows.
      sessions: sessions.map((s) => ({ client: code, number: s.number, date: s.date, attended: s.attended, voided: '' })),
      review: reviewStanding(sessions, lastReview(readClientReviewRows(book, code), code), settings.reviewEvery),
      nextSteps: req.nextSteps,
      // The same method and score options as Supervision's change categories (core alerts.ts defaults).
      settings: { reliableChangeMethod: DEFAULT_ALERT_SETTINGS.reliableChangeMethod, scoreOptions: settings.options },
      ratingScale: ratingScale(),
    });
    const name = progressSheetName(report.clientCode);
    const data = { sheetName: name, lines: report.lines.map((l) => l.text), charts: report.measures.length + (report.ratings.length ? 1 : 0) };
    // A retry of a build that landed (its reply lost) writes nothing again: Audit is read only when the report's tab exists.
    if (book.hasTab(name) && book.priorRun().some((e) => e.action === 'buildProgressReport' && e.client.toLowerCase() === code.toLowerCase())) {
      return ok({ ...data, rebuilt: true }, alreadySaved(`the "${name}" tab`));
    }
    const defs = new Map(report.measures.map((m) => [m.instrumentId, book.find(m.instrumentId)]));
    const written = writeProgressSheet(book.ss, report, progressTables(report, defs, settings.options), book.journal);
    if (!written.ok) return { ok: false, message: written.message, errors: {} };
    book.audit({ action: 'buildProgressReport', client: code, entity: written.sheetName, summary: `Progress report ${written.rebuilt ? 'rebuilt' : 'built'} for ${report.date}: ${report.goalsShown} goal(s), ${report.measures.length} measure(s), ${written.charts} chart(s), ${report.achieved} goal(s) achieved` });
    written.finish();
    return ok({ ...data, rebuilt: written.rebuilt, charts: written.charts });
  }, req.requestId);
}
