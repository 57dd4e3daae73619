// TextFinder (Spreadsheet/Sheet/Range.createTextFinder): findAll over display values, partial and case-blind by default, plain text unless told; the only search method Attain uses.
import type { Ctx } from './ctx';
import type { SheetModel } from './model';
import { Emulated } from './not-emulated';

type GRange = GoogleAppsScript.Spreadsheet.Range;

/** Where a finder looks: whole sheets (a spreadsheet's, hidden ones included, or one sheet's), or one block. */
export type FinderScope = { sheets: () => SheetModel[] } | { sheet: SheetModel; row: number; col: number; numRows: number; numCols: number };

const stripMarks = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '');

export class TextFinder extends Emulated implements Pick<GoogleAppsScript.Spreadsheet.TextFinder, 'findAll' | 'matchCase' | 'matchEntireCell' | 'useRegularExpression' | 'matchFormulaText' | 'ignoreDiacritics'> {
  readonly _cls = 'TextFinder';
  private caseSensitive = false;
  private entire = false;
  private regex = false;
  private formulaText = false;
  private noMarks = false;

  constructor(
    readonly _ctx: Ctx,
    readonly _scope: FinderScope,
    readonly _text: string,
  ) {
    super();
    if (typeof _text !== 'string' || _text === '') throw new Error('Invalid argument: findText (expected text that is not empty)');
  }

  matchCase(b: boolean): GoogleAppsScript.Spreadsheet.TextFinder {
    this.caseSensitive = Boolean(b);
    return this.self();
  }
  matchEntireCell(b: boolean): GoogleAppsScript.Spreadsheet.TextFinder {
    this.entire = Boolean(b);
    return this.self();
  }
  useRegularExpression(b: boolean): GoogleAppsScript.Spreadsheet.TextFinder {
    this.regex = Boolean(b);
    return this.self();
  }
  matchFormulaText(b: boolean): GoogleAppsScript.Spreadsheet.TextFinder {
    this.formulaText = Boolean(b);
    return this.self();
  }
  ignoreDiacritics(b: boolean): GoogleAppsScript.Spreadsheet.TextFinder {
    this.noMarks = Boolean(b);
    return this.self();
  }

  private self(): GoogleAppsScript.Spreadsheet.TextFinder {
    return this as unknown as GoogleAppsScript.Spreadsheet.TextFinder;
  }

  /** Whether a cell's text matches: partial or whole cell, case-blind unless matchCase, plain text unless useRegularExpression (JavaScript's syntax stands in for Google's RE2). */
  private matcher(): (text: string) => boolean {
    const fold = (s: string) => {
      const t = this.noMarks ? stripMarks(s) : s;
      return this.caseSensitive ? t : t.toLowerCase();
    };
    if (this.regex) {
      const re = new RegExp(this.entire ? `^(?:${this._text})$` : this._text, this.caseSensitive ? 'u' : 'iu');
      return (text) => re.test(this.noMarks ? stripMarks(text) : text);
    }
    const want = fold(this._text);
    // Whole-cell matching compares the cell's whole text, surrounding spaces included (not documented: the pessimistic side).
    return this.entire ? (text) => fold(text) === want : (text) => fold(text).includes(want);
  }

  /** Every matching cell, sheet by sheet in tab order, row by row; each found cell counts as one cell read. */
  findAll(): GRange[] {
    const match = this.matcher();
    const wb = this._ctx.wb;
    const out: GRange[] = [];
    const search = (sm: SheetModel, row: number, col: number, numRows: number, numCols: number) => {
      const values = wb.engine.sheetValues(sm.eid);
      const formulas = this.formulaText ? wb.engine.sheetFormulas(sm.eid) : null;
      const lastRow = Math.min(row + numRows - 1, values.length);
      for (let r = row; r <= lastRow; r++) {
        const line = values[r - 1] ?? [];
        const lastCol = Math.min(col + numCols - 1, Math.max(line.length, formulas?.[r - 1]?.length ?? 0));
        for (let c = col; c <= lastCol; c++) {
          const f = formulas?.[r - 1]?.[c - 1];
          const v = line[c - 1];
          if (f === undefined && (v === null || v === undefined || v === '')) continue;
          const text = f !== undefined ? f : typeof v === 'string' ? v : wb.display(sm, r, c);
          if (match(text)) out.push(this._ctx.range(sm, r, c, 1, 1) as unknown as GRange);
        }
      }
    };
    const scope = this._scope;
    if ('sheets' in scope) for (const sm of scope.sheets()) search(sm, 1, 1, sm.maxRows, sm.maxCols);
    else search(scope.sheet.live(), scope.row, scope.col, scope.numRows, scope.numCols);
    this._ctx.cellsRead(out.length);
    return out;
  }
}
