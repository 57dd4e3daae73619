// The preview page's markup: tab bar, grids with display values, embedded charts and the add-on menu.
// Pure string functions (no Node, no DOM): the server renders the first paint, the page script re-renders with them.
import { a1, columnLetter } from './a1';
import { chartData, chartSvg, type ChartSpecLike, type Grid } from './chart';
import { escapeHtml } from './escape';

/** One cell of emulator.view(): the display value, and the formula, format, note or error when there is one. */
export interface CellView {
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
  return cell.dropdown ? `${text}<span class="arrow" aria-hidden="true">▾</span>` : text;
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
    const hid = hiddenCols.has(c) ? ` hidden-col" title="Column ${columnLetter(c)} is hidden` : '';
    out.push(`<th scope="col" class="col-head${sticky}${hid}">${hiddenCols.has(c) ? '' : columnLetter(c)}</th>`);
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
          `${cell?.checkbox ? ` aria-checked="${cell.v === 'TRUE'}"` : ''} aria-label="${a1(r, c)}${cell?.v ? ` ${escapeHtml(cell.v)}` : ''}">${cellContent(cell)}</td>`,
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

/** Extensions ▸ (add-on title) ▸ items, built from emulator.ui.menus after onOpen. */
export function renderMenus(menus: Menu[]): string {
  if (menus.length === 0) return '<p class="menu-empty" role="none">No add-on menu: onOpen added none.</p>';
  return menus
    .map((m, mi) => {
      const items = m.items
        .map((it) =>
          it === 'separator'
            ? '<div class="menu-sep" role="separator"></div>'
            : `<button type="button" role="menuitem" class="menu-item" data-fn="${escapeHtml(it.fn)}" tabindex="-1">${escapeHtml(it.label)}</button>`,
        )
        .join('');
      return (
        `<div class="submenu-wrap"><button type="button" role="menuitem" class="menu-item has-sub" aria-haspopup="menu" aria-expanded="false" aria-controls="submenu-${mi}" tabindex="-1">${escapeHtml(m.title)}<span aria-hidden="true" class="chev">▸</span></button>` +
        `<div class="menu-pop submenu" id="submenu-${mi}" role="menu" aria-label="${escapeHtml(m.title)}" hidden>${items}</div></div>`
      );
    })
    .join('');
}

/** A JSON value as text that is safe inside <script type="application/json">. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** The first visible tab, or the first tab. */
export function defaultSheet(view: SpreadsheetView): string {
  const active = view.sheets.find((s) => s.name === view.activeSheet && !s.hidden);
  return (active ?? view.sheets.find((s) => !s.hidden) ?? view.sheets[0])?.name ?? '';
}

/** The whole page: menu bar, formula bar, grid, sidebar panel, tab bar; the page script takes over from the embedded data. */
export function renderPage(view: SpreadsheetView, ui: UiView, activeSheet?: string): string {
  const active = activeSheet && view.sheets.some((s) => s.name === activeSheet) ? activeSheet : defaultSheet(view);
  const sheet = view.sheets.find((s) => s.name === active);
  const title = view.title || view.name || 'Untitled spreadsheet';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — Attain preview</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/preview.css">
<script src="/client.js" defer></script>
</head>
<body>
<header class="app-bar">
  <div class="doc">
    <span class="doc-icon" aria-hidden="true"></span>
    <div>
      <h1 class="doc-title">${escapeHtml(title)}</h1>
      <nav class="menubar" aria-label="Menu bar">
        <div class="menu-root">
          <button type="button" id="menu-extensions" class="menubar-item" aria-haspopup="menu" aria-expanded="false" aria-controls="menu-extensions-pop">Extensions</button>
          <div class="menu-pop" id="menu-extensions-pop" role="menu" aria-label="Extensions" hidden>${renderMenus(ui.menus)}</div>
        </div>
      </nav>
    </div>
  </div>
  <p class="preview-badge">Local preview: an emulated spreadsheet, not Google Sheets</p>
</header>
<div class="formula-bar">
  <output id="name-box" class="name-box" aria-label="Selected cell">A1</output>
  <span class="fx" aria-hidden="true">fx</span>
  <input id="formula-input" class="formula-input" type="text" autocomplete="off" spellcheck="false" aria-label="Contents of the selected cell (Enter saves)">
</div>
<div class="workspace">
  <main class="sheet-area" id="grid-panel" role="tabpanel" aria-label="${escapeHtml(active)}" tabindex="-1">${sheet ? renderGrid(view, sheet) : '<p class="empty">This spreadsheet has no tabs.</p>'}</main>
  <aside class="sidebar-panel" id="sidebar-panel" aria-labelledby="sidebar-title"${ui.sidebar ? '' : ' hidden'}>
    <div class="sidebar-head"><h2 id="sidebar-title">${escapeHtml(ui.sidebar?.title ?? 'Attain')}</h2><button type="button" id="sidebar-close" class="icon-btn" aria-label="Close sidebar">✕</button></div>
    <iframe id="sidebar-frame" title="Attain sidebar"${ui.sidebar ? ' src="/sidebar"' : ''}></iframe>
  </aside>
</div>
<footer class="tab-strip">
  <div class="tabbar" role="tablist" aria-label="Sheets" id="tabbar">${renderTabs(view, active)}</div>
  <p class="status" id="status" role="status" aria-live="polite"></p>
</footer>
<div class="toast" id="toast" role="status" aria-live="polite" hidden><span id="toast-text"></span><button type="button" class="icon-btn" id="toast-close" aria-label="Dismiss">✕</button></div>
<dialog id="alert-dialog" class="alert-dialog" aria-labelledby="alert-title" aria-describedby="alert-text">
  <h2 id="alert-title">${escapeHtml(title)}</h2>
  <p id="alert-text"></p>
  <form method="dialog"><button type="submit" class="btn-primary" id="alert-ok">OK</button></form>
</dialog>
<script type="application/json" id="preview-data">${jsonForScript({ view, ui, active })}</script>
</body>
</html>
`;
}
