// What one action has written so far, newest last, each with how to take it back: so an action that fails part-way leaves the workbook as it found it, or says exactly what stays.

/** One write an action made: what it was, in words a clinician can check ("Sessions row 12"), and how to undo it. */
export interface JournalEntry {
  what: string;
  undo: () => void;
}

/** What undoing gave: the writes taken back, and the ones that could not be (still in the spreadsheet). */
export interface UndoReport {
  undone: string[];
  kept: string[];
}

/** Lives for one action (one Book): every write records itself before it is made, so a write that failed half-way is undone too. */
export class Journal {
  private entries: JournalEntry[] = [];

  record(entry: JournalEntry): void {
    this.entries.push(entry);
  }

  get size(): number {
    return this.entries.length;
  }

  /** Undoes every recorded write, newest first; an undo that throws is reported as kept and the rest are still tried. Empties the journal. */
  undo(): UndoReport {
    const report: UndoReport = { undone: [], kept: [] };
    for (const e of [...this.entries].reverse()) {
      try {
        e.undo();
        report.undone.unshift(e.what);
      } catch {
        report.kept.unshift(e.what);
      }
    }
    this.entries = [];
    return report;
  }
}

/** "Sessions row 12" or "Ratings rows 40–42". */
export function rowsText(tab: string, first: number, count: number): string {
  return count === 1 ? `${tab} row ${first}` : `${tab} rows ${first}–${first + count - 1}`;
}
