// view(): the workbook as plain JSON for the browser preview — display strings, formulas, colours, notes, errors, charts and protections per sheet.
import { chartCategories, type ChartSpec } from './charts';
import { chartSpec, protectionOut, type ProtectionState } from './state';
import { customFormulaRule, ruleMatches } from './conditional-formats';
import { dropdownOptions } from './validation';
import type { Workbook } from './workbook';
import type { SheetModel } from './model';

export interface PreviewCell {
  v: string;
  f?: string;
  bg?: string;
  bold?: boolean;
  note?: string;
  err?: string;
  color?: string;
  align?: string;
  wrap?: boolean;
  checkbox?: boolean;
  dropdown?: string[];
}

export interface PreviewSheet {
  name: string;
  hidden: boolean;
  frozenRows: number;
  frozenColumns: number;
  tabColor: string | null;
  maxRows: number;
  maxColumns: number;
  /** Width in pixels of each shown column (index 0 = column A); 100 unless set. */
  columnWidths: number[];
  hiddenRows: number[];
  hiddenColumns: number[];
  rows: PreviewCell[][];
  /** Each chart's spec plus how many categories Sheets draws from its ranges (charts.ts chartCategories). */
  charts: (ChartSpec & { categories: number })[];
  protections: ProtectionState[];
}

export interface PreviewView {
  name: string;
  title: string;
  timeZone: string;
  activeSheet: string | null;
  sheets: PreviewSheet[];
}

/** The shown block: content, formats and frozen panes, at least 1×1, never beyond the sheet. */
function extent(wb: Workbook, sm: SheetModel): { rows: number; cols: number } {
  const { lastRow, lastCol } = wb.lastRowCol(sm);
  let rows = Math.max(lastRow, sm.frozenRows, 1);
  let cols = Math.max(lastCol, sm.frozenCols, 1);
  for (const [r, m] of sm.fmt) {
    rows = Math.max(rows, r);
    for (const c of m.keys()) cols = Math.max(cols, c);
  }
  return { rows: Math.min(rows, sm.maxRows), cols: Math.min(cols, sm.maxCols) };
}

export function buildView(wb: Workbook, active: SheetModel | null): PreviewView {
  // Range-based drop-downs read their range once per view, however many cells share the rule.
  const lists = new Map<string, string[]>();
  return {
    name: wb.name,
    title: wb.name,
    timeZone: wb.timeZone,
    activeSheet: active?.name ?? null,
    sheets: wb.sheets.map((sm) => {
      const { rows, cols } = extent(wb, sm);
      // Each custom-formula rule is parsed once per view; the other rules test the cell's own value.
      const rules = sm.conditionalFormats.map((cf) => ({ cf, custom: customFormulaRule(wb, sm, cf) }));
      const grid: PreviewCell[][] = [];
      for (let r = 1; r <= rows; r++) {
        const row: PreviewCell[] = [];
        for (let c = 1; c <= cols; c++) {
          const cell: PreviewCell = { v: wb.display(sm, r, c) };
          const f = wb.formula(sm, r, c);
          if (f) cell.f = f;
          const fmt = wb.fmtAt(sm, r, c);
          if (fmt?.bg) cell.bg = fmt.bg;
          if (fmt?.fw === 'bold') cell.bold = true;
          if (fmt?.note) cell.note = fmt.note;
          if (fmt?.fc) cell.color = fmt.fc;
          if (fmt?.ha) cell.align = fmt.ha;
          if (fmt?.wrap) cell.wrap = true;
          if (fmt?.dv?.criteria === 'CHECKBOX') cell.checkbox = true;
          const options = fmt?.dv ? dropdownOptions(wb, fmt.dv, lists) : null;
          if (options) cell.dropdown = options;
          const err = wb.errorMessageAt(sm, r, c);
          if (err !== undefined) cell.err = err;
          // Conditional formats: the first matching boolean rule wins, as in Sheets.
          for (const { cf, custom } of rules) {
            if (!cf.ranges.some((g) => r >= g.row && r < g.row + g.numRows && c >= g.col && c < g.col + g.numCols)) continue;
            if (custom ? custom.matches(r, c) : ruleMatches(cf, wb.value(sm, r, c)) === true) {
              if (cf.format.background) cell.bg = cf.format.background;
              if (cf.format.fontColor) cell.color = cf.format.fontColor;
              if (cf.format.bold) cell.bold = true;
              break;
            }
          }
          row.push(cell);
        }
        grid.push(row);
      }
      return {
        name: sm.name,
        hidden: sm.hidden,
        frozenRows: sm.frozenRows,
        frozenColumns: sm.frozenCols,
        tabColor: sm.tabColor,
        maxRows: sm.maxRows,
        maxColumns: sm.maxCols,
        columnWidths: Array.from({ length: cols }, (_, i) => sm.colWidths.get(i + 1) ?? 100),
        hiddenRows: [...sm.hiddenRows].sort((a, b) => a - b),
        hiddenColumns: [...sm.hiddenCols].sort((a, b) => a - b),
        rows: grid,
        charts: sm.charts.map((m) => ({ ...chartSpec(wb, m), categories: chartCategories(wb, m) })),
        protections: sm.protections.map((p) => protectionOut(wb, p)),
      };
    }),
  };
}
