// The preview page's shell: menu bar with Extensions ▸ add-on menus, formula bar, grid, sidebar panel, tab bar and the page's embedded data.
// Pure string functions (no Node, no DOM): the server renders the first paint, the page script re-renders the menus with them.
import { escapeHtml } from './escape';
import { defaultSheet, renderGrid, renderTabs, type Menu, type SpreadsheetView, type UiView } from './render';

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
