// The preview grid's markup: the view types, tab bar, grids with display values and embedded charts (page.ts wraps them in the page).
// Pure string functions (no Node, no DOM): the server renders the first paint, the page script re-renders with them.
import type { PreviewCell } from '../emulator/view';
import { cellA1, columnLetters } from '../src/sheets/a1';
import { chartSvg } from './chart';
import { chartData, type ChartSpecLike, type Grid } from './chart-data';
import { escapeHtml } from './escape';

/** One cell of emulator.view(): the display value, and the formula, format, note or error when there is one. */
export type CellView = PreviewCell;

export interface SheetView {
  name: string;
  hidden: boolean;
  frozenRows: number;
  frozenColumns: number;
  tabColor: string | null;
  columnWidths: number[];
  maxRows?: number;
  maxColumns?: number;
  hiddenRows?: number[];
  hiddenColumns?: number[];
  rows: CellView[][];
  charts: ChartSpecLike[];
  protections: unknown[];
}

export interface SpreadsheetView {
  name: string;
  title?: string;
  timeZone: string;
  activeSheet?: string | null;
  sheets: SheetView[];
}

/** The view without each tab's trailing blank rows (formatted but empty rows look the same as the blank rows drawn past the data). */
export function compactView(view: SpreadsheetView): SpreadsheetView {
  return {
    ...view,
    sheets: view.sheets.map((s) => {
      let last = s.rows.length;
      while (last > Math.max(0, s.frozenRows) && s.rows[last - 1].every((c) => c.v === '' && !c.f && !c.note && !c.err)) last -= 1;
      return last === s.rows.length ? s : { ...s, rows: s.rows.slice(0, last) };
    }),
  };
}

export type MenuItem = { label: string; fn: string } | 'separator';
export interface Menu {
  title: string;
  items: MenuItem[];
}

/** What the page needs besides the grid: the menus, the sidebar, and a counter that moves on every change. */
export interface UiView {
  version: number;
  menus: Menu[];
  sidebar: { title: string } | null;
  /** Moves each time the add-on shows a sidebar, so the page reloads the panel even when one was already open. */
  sidebarSerial?: number;
  alerts: string[];
  /** Spreadsheet.toast() messages, oldest first. */
  toasts?: string[];
}

export const ROW_HEIGHT = 21;
export const HEADER_WIDTH = 46;
export const DEFAULT_COLUMN_WIDTH = 100;
/** Blank rows and columns drawn past the data, so there is room to type. */
export const EXTRA_ROWS = 10;
export const EXTRA_COLUMNS = 3;
/** Rows drawn at most per tab; a larger tab says how many more it holds. */
export const MAX_ROWS = 2000;
/** Hidden rows and columns are drawn this thin, as Sheets leaves a marker where they are. */
export const HIDDEN_SIZE = 4;

const CSS_COLOR = /^(#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,20}|rgba?\([\d\s.,%]+\))$/;
const safeColor = (c: string | null | undefined): string | null => (c && CSS_COLOR.test(c.trim()) ? c.trim() : null);
const NUMERIC = /^[-+]?[\d,]*\.?\d+(e[-+]?\d+)?%?$/i;

/** The tabs in spreadsheet order; hidden tabs are listed last and marked, so their rows can still be looked at. */
export function renderTabs(view: SpreadsheetView, active: string): string {
  const order = [...view.sheets.filter((s) => !s.hidden), ...view.sheets.filter((s) => s.hidden)];
  return order
    .map((s) => {
      const selected = s.name === active;
      const color = safeColor(s.tabColor);
      return (
        `<button type="button" role="tab" class="tab${s.hidden ? ' tab-hidden' : ''}" data-sheet="${escapeHtml(s.name)}" aria-selected="${selected}" tabindex="${selected ? 0 : -1}"` +
        ` aria-controls="grid-panel"${color ? ` style="--tab-color:${color}"` : ''}>${escapeHtml(s.name)}${s.hidden ? ' <span class="tab-note">(hidden)</span>' : ''}</button>`
      );
    })
    .join('');
}

function columnWidths(sheet: SheetView, cols: number): number[] {
  const hidden = new Set(sheet.hiddenColumns ?? []);
  const out: number[] = [];
  for (let c = 0; c < cols; c += 1) {
    const w = sheet.columnWidths?.[c];
    out.push(hidden.has(c + 1) ? HIDDEN_SIZE : typeof w === 'number' && w > 0 ? Math.min(w, 1200) : DEFAULT_COLUMN_WIDTH);
  }
  return out;
}

/** Where an embedded chart sits: its anchor cell plus offsets, as Sheets places it over the grid. */
export function chartPlacement(spec: ChartSpecLike, widths: number[], hiddenRows: readonly number[] = []): { top: number; left: number } {
  const p = (spec.position ?? {}) as Record<string, unknown>;
  const n = (v: unknown, d: number): number => (typeof v === 'number' && Number.isFinite(v) ? v : d);
  const row = n(p.anchorRow ?? p.row, 1);
  const col = n(p.anchorColumn ?? p.anchorCol ?? p.column ?? p.col, 1);
  let left = HEADER_WIDTH;
  for (let c = 1; c < col; c += 1) left += widths[c - 1] ?? DEFAULT_COLUMN_WIDTH;
  let top = ROW_HEIGHT;
  for (let r = 1; r < row; r += 1) top += hiddenRows.includes(r) ? HIDDEN_SIZE : ROW_HEIGHT;
  return { top: top + n(p.offsetY, 0), left: left + n(p.offsetX, 0) };
}

/** What a cell shows: its display value; a checkbox as a box; a drop-down with its arrow. */
function cellContent(cell: CellView | undefined): string {
  if (!cell) return '';
  if (cell.checkbox && (cell.v === 'TRUE' || cell.v === 'FALSE' || cell.v === '')) return `<span class="box" aria-hidden="true">${cell.v === 'TRUE' ? '☑' : '☐'}</span>`;
  const text = escapeHtml(cell.v);
  // The arrow opens the list (client.ts); keyboard users press Enter or Alt+↓ on the cell instead.
  return cell.dropdown ? `${text}<span class="arrow" aria-hidden="true" title="Choose from the list">▾</span>` : text;
}

/** Tooltip text of a cell: its formula, note and error, one per line. */
export function cellTitle(cell: CellView | undefined): string {
  if (!cell) return '';
  return [cell.f, cell.err ? `Error: ${cell.err}` : '', cell.note ? `Note: ${cell.note}` : ''].filter(Boolean).join('\n');
}

/** One tab as a grid (role="grid") with column letters and row numbers, plus its charts drawn from their specs. */
export function renderGrid(view: SpreadsheetView, sheet: SheetView, selected: { row: number; col: number } = { row: 1, col: 1 }): string {
  const dataCols = Math.max(0, ...sheet.rows.map((r) => r.length));
  // Blank room to type in past the data, but never past the sheet's own size.
  const cols = Math.min(dataCols + EXTRA_COLUMNS, Math.max(dataCols, sheet.maxColumns ?? Infinity));
  const allRows = Math.min(sheet.rows.length + EXTRA_ROWS, Math.max(sheet.rows.length, sheet.maxRows ?? Infinity));
  const rows = Math.min(allRows, MAX_ROWS);
  const widths = columnWidths(sheet, cols);
  const frozenRows = Math.max(0, sheet.frozenRows | 0);
  const hiddenRows = new Set(sheet.hiddenRows ?? []);
  const hiddenCols = new Set(sheet.hiddenColumns ?? []);
  const frozenCols = Math.max(0, sheet.frozenColumns | 0);
  const lefts: number[] = [];
  let acc = HEADER_WIDTH;
  for (const w of widths) {
    lefts.push(acc);
    acc += w;
  }
  const total = acc;
  const out: string[] = [];
  out.push(`<div class="grid-inner" style="width:${total}px">`);
  out.push(`<table class="grid" role="grid" aria-label="${escapeHtml(sheet.name)}" aria-rowcount="${allRows + 1}" aria-colcount="${cols + 1}" data-sheet="${escapeHtml(sheet.name)}" style="width:${total}px">`);
  out.push(`<colgroup><col style="width:${HEADER_WIDTH}px">${widths.map((w) => `<col style="width:${w}px">`).join('')}</colgroup>`);
  out.push('<thead><tr class="col-heads"><th class="corner" scope="col"><span class="sr-only">Row</span></th>');
  for (let c = 1; c <= cols; c += 1) {
    const sticky = c <= frozenCols ? ` sticky-col" style="left:${lefts[c - 1]}px` : '';
    const hid = hiddenCols.has(c) ? ` hidden-col" title="Column ${columnLetters(c)} is hidden` : '';
    out.push(`<th scope="col" class="col-head${sticky}${hid}">${hiddenCols.has(c) ? '' : columnLetters(c)}</th>`);
  }
  out.push('</tr></thead><tbody>');
  for (let r = 1; r <= rows; r += 1) {
    const frozen = r <= frozenRows;
    const rowStyle = frozen ? ` style="top:${ROW_HEIGHT * r}px"` : '';
    const hiddenRow = hiddenRows.has(r);
    out.push(
      `<tr class="${frozen ? 'frozen-row' : ''}${frozen && r === frozenRows ? ' frozen-last' : ''}${hiddenRow ? ' hidden-row' : ''}"${rowStyle}>` +
        `<th scope="row" class="row-head"${hiddenRow ? ` title="Row ${r} is hidden"` : ''}>${hiddenRow ? '' : r}</th>`,
    );
    const line = sheet.rows[r - 1] ?? [];
    for (let c = 1; c <= cols; c += 1) {
      const cell = line[c - 1];
      const classes = ['cell'];
      const style: string[] = [];
      if (cell?.f) classes.push('has-formula');
      if (cell?.err) classes.push('err');
      if (cell?.note) classes.push('has-note');
      if (cell?.bold) classes.push('bold');
      if (cell?.wrap) classes.push('wrap');
      if (cell?.checkbox) classes.push('checkbox');
      if (cell?.dropdown) classes.push('dropdown');
      if (hiddenCols.has(c)) classes.push('hidden-col');
      const align = cell?.align?.toLowerCase();
      if (align === 'center' || align === 'right' || align === 'left') classes.push(`align-${align}`);
      else if (cell && NUMERIC.test(cell.v.trim())) classes.push('num');
      const color = safeColor(cell?.color);
      if (color && color.toLowerCase() !== '#000000') style.push(`color:${color}`);
      if (c <= frozenCols) {
        classes.push('sticky-col');
        style.push(`left:${lefts[c - 1]}px`);
      }
      if (c === frozenCols) classes.push('frozen-last-col');
      const bg = safeColor(cell?.bg);
      if (bg && bg.toLowerCase() !== '#ffffff') style.push(`background:${bg}`);
      const isSel = r === selected.row && c === selected.col;
      const title = cellTitle(cell);
      out.push(
        `<td role="gridcell" class="${classes.join(' ')}" data-r="${r}" data-c="${c}" tabindex="${isSel ? 0 : -1}"` +
          `${isSel ? ' aria-selected="true"' : ''}${title ? ` title="${escapeHtml(title)}"` : ''}${style.length ? ` style="${style.join(';')}"` : ''}` +
          `${cell?.checkbox ? ` aria-checked="${cell.v === 'TRUE'}"` : ''}${cell?.dropdown ? ' aria-haspopup="listbox"' : ''} aria-label="${cellA1(r, c)}${cell?.v ? ` ${escapeHtml(cell.v)}` : ''}">${cellContent(cell)}</td>`,
      );
    }
    out.push('</tr>');
  }
  out.push('</tbody></table>');
  if (allRows > rows) out.push(`<p class="more-rows">${allRows - rows} more rows are not drawn.</p>`);
  // Charts float over the grid at their anchor cells, as in Sheets.
  const lookup = (name: string | null): Grid | null => view.sheets.find((s) => s.name === name)?.rows ?? null;
  sheet.charts.forEach((spec, i) => {
    const { top, left } = chartPlacement(spec, widths, sheet.hiddenRows ?? []);
    let svg: string;
    try {
      svg = chartSvg(chartData(spec, sheet.name, lookup), `chart-${i}`);
    } catch (e) {
      svg = `<p class="chart-error" role="alert">This chart could not be drawn: ${escapeHtml((e as Error).message)}</p>`;
    }
    out.push(`<figure class="chart-box" data-chart="${i}" style="top:${top}px;left:${left}px">${svg}</figure>`);
  });
  out.push('</div>');
  return out.join('');
}

/** The first visible tab, or the first tab. */
export function defaultSheet(view: SpreadsheetView): string {
  const active = view.sheets.find((s) => s.name === view.activeSheet && !s.hidden);
  return (active ?? view.sheets.find((s) => !s.hidden) ?? view.sheets[0])?.name ?? '';
}
