// Export: getOutcomes returns the de-identified rows (codes only: a name-like code not confirmed is left out) (core csv.ts outcomeRows: client code, date, session, instrument, total, band, GAS T-score); the sidebar builds the CSV itself.
import type { MeasurePoint } from '../core/measure-series';
import { outcomeRows } from '../core/csv';
import { codeExportable } from '../core/client-code';
import { isLiveRow } from '../core/corrections';
import { Book } from '../sheets/book';
import { readClients } from '../sheets/records';
import { gasPointsByClient, readReviewRows } from '../sheets/review-records';
import { readColumns } from '../sheets/table';
import { cellNumber, cellText } from '../sheets/values';
import type { OutcomeRow, OutcomesData, Result } from '../contract';
import { answering } from './lock';
import { ok } from './validate';

/** Every client's outcomes: one read per enabled instrument tab (client, date, session, total), one of Reviews, one of Clients. */
export function getOutcomes(): Result<OutcomesData> {
  return answering(() => {
    const book = new Book();
    const settings = book.settings();
    const clients = readClients(book);
    const measures = new Map<string, Record<string, MeasurePoint[]>>();
    for (const id of settings.instruments) {
      const name = book.find(id).name;
      if (!book.hasTab(name)) continue;
      const tab = book.instrument(id, settings);
      // A subscale-only instrument has no total column; its rows export without a total.
      const keys = ['client', 'date', 'session', ...(tab.cols.has('total') ? ['total'] : []), ...(tab.cols.has('voided') ? ['voided'] : [])];
      const c = readColumns(tab, keys);
      c.client.forEach((v, i) => {
        // A voided row is kept in the tab but never exported (core's isLiveRow).
        if (c.voided && !isLiveRow(cellText(c.voided[i]))) return;
        const code = cellText(v).toLowerCase();
        const session = cellNumber(c.session[i]);
        const date = book.iso(c.date[i]);
        // A row without a session number or date cannot be placed in time; the export leaves it out.
        if (!code || session === null || !Number.isInteger(session) || session < 1 || !date) return;
        const byName = measures.get(code) ?? {};
        (byName[name] ??= []).push({ date, session, total: c.total ? cellNumber(c.total[i]) : null });
        measures.set(code, byName);
      });
    }
    const gas = gasPointsByClient(readReviewRows(book));
    const rows: OutcomeRow[] = [];
    let skipped = 0;
    let exported = 0;
    for (const { code, notAName } of clients) {
      // A code that is not a code's shape, or looks like a name and was never confirmed not to be one, never leaves the workbook.
      if (!codeExportable(code, notAName)) {
        skipped++;
        continue;
      }
      const k = code.toLowerCase();
      const mine = outcomeRows(code, measures.get(k) ?? {}, gas.get(k) ?? [], settings.options, (n) => book.find(n)) as OutcomeRow[];
      // "N rows from M clients" counts the clients whose rows are in the export, not every client on the tab.
      if (mine.length) exported++;
      rows.push(...mine);
    }
    return ok({ rows, clients: exported, skipped, today: book.today() });
  });
}
