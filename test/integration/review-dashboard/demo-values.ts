// What the Review tab displays for each client of the preview's demo clinic: the cells of its blocks (captions to the charts' tables), as shown.
import type { Emulator } from '../../../emulator';
import { CHART_LAST_ROW } from '../../../src/sheets/review-dashboard-grid';

export interface ReviewDisplay {
  /** Columns A… compared (the blocks as they were before the redesign: later columns hold the client's rows). */
  columns: number;
  /** Per client code, its non-empty displayed cells by A1 address. */
  clients: Record<string, Record<string, string>>;
}

const letters = (n: number): string => (n > 26 ? letters(Math.floor((n - 1) / 26)) : '') + String.fromCharCode(65 + ((n - 1) % 26));

/** Chooses each client in B1 (as a user would, no script) and reads the tab's displayed values in columns A…`columns`. */
export function reviewDisplay(em: Emulator, columns?: number): ReviewDisplay {
  const ss = em.spreadsheet;
  const review = ss.getSheetByName('Review')!;
  const clients = ss.getSheetByName('Clients')!;
  const codes = clients.getRange(2, 1, clients.getLastRow() - 1, 1).getValues().map((r) => String(r[0])).filter(Boolean);
  const width = columns ?? review.getLastColumn();
  const out: ReviewDisplay = { columns: width, clients: {} };
  for (const code of codes) {
    em.edit('Review', 1, 2, code);
    const cells: Record<string, string> = {};
    review.getRange(3, 1, CHART_LAST_ROW - 2, width).getDisplayValues().forEach((row, r) => row.forEach((v, c) => {
      if (v !== '') cells[`${letters(c + 1)}${r + 3}`] = v;
    }));
    out.clients[code] = cells;
  }
  return out;
}
