// The shared state every emulated object reaches: the workbook, object caches (so identities hold), the UI record, logs and execution mode.
import type { Workbook } from './workbook';
import type { SheetModel, GridRange, ProtectionModel } from './model';
import { Sheet } from './sheet';
import { Range } from './range';
import { Protection } from './protections';
import type { Spreadsheet } from './spreadsheet';

export interface UiRecord {
  menus: { title: string; items: ({ label: string; fn: string } | 'separator')[] }[];
  sidebar: { title: string; html: string } | null;
  dialogs: { title: string; html: string; modal: boolean }[];
  alerts: string[];
  toasts: string[];
  /** Answers queued by a test for the next alerts (YES, NO, OK, CANCEL, CLOSE), used first in first out; empty → the first button. */
  answers: string[];
}

/** What is running: the emulator's own tests/host code, a google.script.run call, a trigger (with its auth mode) or a custom function. */
export type ExecMode = { kind: 'host' } | { kind: 'run'; name: string } | { kind: 'trigger'; name: string; authMode: 'NONE' | 'LIMITED' | 'FULL' } | { kind: 'custom'; name: string };

export class Ctx {
  private readonly sheetObjs = new WeakMap<SheetModel, Sheet>();
  private readonly protectionObjs = new WeakMap<ProtectionModel, Protection>();
  spreadsheet!: Spreadsheet;
  readonly ui: UiRecord = { menus: [], sidebar: null, dialogs: [], alerts: [], toasts: [], answers: [] };
  readonly logs: string[] = [];
  mode: ExecMode = { kind: 'host' };
  addonMenuTitle = 'Attain';
  /** Adds to the cells-read counter (emulator.calls.cells); set by createEmulator. */
  cellsRead: (n: number) => void = () => {};

  constructor(
    readonly wb: Workbook,
    readonly distDir: string,
  ) {}

  sheetObj(sm: SheetModel): Sheet {
    let s = this.sheetObjs.get(sm);
    if (!s) this.sheetObjs.set(sm, (s = new Sheet(this, sm)));
    return s;
  }

  protectionObj(p: ProtectionModel): Protection {
    let o = this.protectionObjs.get(p);
    if (!o) this.protectionObjs.set(p, (o = new Protection(this, p)));
    return o;
  }

  /** A range, checked against the sheet's size with Sheets' messages. */
  range(sm: SheetModel, row: number, col: number, numRows: number, numCols: number): Range {
    for (const [v, what] of [[row, 'row'], [col, 'column'], [numRows, 'numRows'], [numCols, 'numColumns']] as const)
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`Invalid argument: ${what} (${String(v)})`);
    if (row < 1) throw new Error('The starting row of the range is too small.');
    if (col < 1) throw new Error('The starting column of the range is too small.');
    if (numRows < 1) throw new Error('The number of rows in the range must be at least 1.');
    if (numCols < 1) throw new Error('The number of columns in the range must be at least 1.');
    if (row + numRows - 1 > sm.maxRows || col + numCols - 1 > sm.maxCols) throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    return new Range(this, sm, Math.floor(row), Math.floor(col), Math.floor(numRows), Math.floor(numCols));
  }

  rangeOfGrid(g: GridRange): Range {
    return new Range(this, g.sheet, g.row, g.col, g.numRows, g.numCols);
  }

  gridOf(r: unknown, what = 'range'): GridRange {
    if (!(r instanceof Range)) throw new Error(`Invalid argument: ${what} (expected a Range)`);
    return { sheet: r._sheet, row: r._row, col: r._col, numRows: r._numRows, numCols: r._numCols };
  }

  /** A new protection: its editors start as the owner and the user who protects, as Sheets does. */
  protect(sm: SheetModel, range: GridRange | null): Protection {
    const editors = [...new Set([this.wb.owner, this.wb.user].map((e) => e.toLowerCase()))];
    const p: ProtectionModel = { type: range ? 'RANGE' : 'SHEET', sheet: sm, range, description: '', editors, domainEdit: true, warningOnly: false, unprotected: [], rangeName: null, removed: false };
    sm.protections.push(p);
    return this.protectionObj(p);
  }
}
