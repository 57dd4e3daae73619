// The preview page's script (one file, long because its handlers share the page's live state: view, selection, the edit in progress, menus): switches tabs, shows formulas, edits cells through the emulator, runs menu items, hosts the sidebar panel and refreshes the grid after every change (its own, the sidebar's, or another window's).
import { cellA1 } from '../src/sheets/a1';
import { renderMenus } from './page';
import { defaultSheet, renderGrid, renderTabs, type SpreadsheetView, type UiView } from './render';

interface PageData {
  view: SpreadsheetView;
  ui: UiView;
  active: string;
}

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

const data = JSON.parse($('preview-data').textContent ?? '{}') as PageData;
let view = data.view;
let ui = data.ui;
let active = data.active;
let selected = { row: 1, col: 1 };
let editing: { td: HTMLTableCellElement; input: HTMLInputElement } | null = null;
let refreshing: Promise<void> | null = null;

const gridPanel = $('grid-panel');
const formula = $<HTMLInputElement>('formula-input');
const nameBox = $('name-box');
const status = $('status');
const sidebarPanel = $('sidebar-panel');
const sidebarFrame = $<HTMLIFrameElement>('sidebar-frame');
const menuButton = $<HTMLButtonElement>('menu-extensions');
const menuPop = $('menu-extensions-pop');
const dialog = $<HTMLDialogElement>('alert-dialog');

function say(text: string): void {
  status.textContent = text;
}

async function post<T>(url: string, body: unknown): Promise<T> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const reply = (await res.json()) as T & { ok?: boolean; message?: string };
  if (!res.ok && reply.ok !== false) throw new Error(reply.message ?? `HTTP ${res.status}`);
  return reply;
}

function sheet() {
  return view.sheets.find((s) => s.name === active);
}

function cellAt(row: number, col: number) {
  return sheet()?.rows[row - 1]?.[col - 1];
}

function tdAt(row: number, col: number): HTMLTableCellElement | null {
  return gridPanel.querySelector<HTMLTableCellElement>(`td[data-r="${row}"][data-c="${col}"]`);
}

/** Shows a cell's formula (or value) in the formula bar, as Sheets does on selection; hover previews without selecting. */
function showInBar(row: number, col: number): void {
  const cell = cellAt(row, col);
  nameBox.textContent = cellA1(row, col);
  if (document.activeElement !== formula) formula.value = cell?.f ?? cell?.v ?? '';
}

function select(row: number, col: number, focus = true): void {
  const prev = tdAt(selected.row, selected.col);
  if (prev) {
    prev.tabIndex = -1;
    prev.removeAttribute('aria-selected');
  }
  selected = { row: Math.max(1, row), col: Math.max(1, col) };
  const td = tdAt(selected.row, selected.col);
  if (td) {
    td.tabIndex = 0;
    td.setAttribute('aria-selected', 'true');
    if (focus) td.focus({ preventScroll: false });
  }
  showInBar(selected.row, selected.col);
}

function renderActive(): void {
  const s = sheet();
  const scroll = { top: gridPanel.scrollTop, left: gridPanel.scrollLeft };
  gridPanel.innerHTML = s ? renderGrid(view, s, selected) : '<p class="empty">This spreadsheet has no tabs.</p>';
  gridPanel.setAttribute('aria-label', active);
  gridPanel.scrollTop = scroll.top;
  gridPanel.scrollLeft = scroll.left;
  $('tabbar').innerHTML = renderTabs(view, active);
  showInBar(selected.row, selected.col);
}

/** Fetches the spreadsheet and the UI again and redraws, keeping the tab, selection and scroll. */
function refresh(): Promise<void> {
  if (refreshing) return refreshing;
  refreshing = (async () => {
    try {
      const [v, u] = await Promise.all([fetch('/state?compact=1').then((r) => r.json()), fetch('/ui').then((r) => r.json())]);
      view = v as SpreadsheetView;
      const alertsBefore = ui.alerts.length;
      const toastsBefore = ui.toasts?.length ?? 0;
      const sidebarBefore = ui.sidebar;
      const serialBefore = ui.sidebarSerial;
      ui = u as UiView;
      if (!view.sheets.some((s) => s.name === active)) active = defaultSheet(view);
      if (!editing) renderActive();
      menuPop.innerHTML = renderMenus(ui.menus);
      if (ui.sidebar && (!sidebarBefore || ui.sidebarSerial !== serialBefore)) openPanel(ui.sidebar.title, true);
      else if (!ui.sidebar && sidebarBefore) closePanel(false);
      if (ui.alerts.length > alertsBefore) showAlert(ui.alerts.slice(alertsBefore).join('\n\n'));
      if ((ui.toasts?.length ?? 0) > toastsBefore) showToast(ui.toasts?.[ui.toasts.length - 1] ?? '');
      document.body.dataset.version = String(ui.version);
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

// ---- Tabs ----
$('tabbar').addEventListener('click', (e) => {
  const tab = (e.target as HTMLElement).closest<HTMLButtonElement>('button[role="tab"]');
  if (!tab) return;
  switchTab(tab.dataset.sheet ?? '');
});
$('tabbar').addEventListener('keydown', (e) => {
  if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
  const tabs = [...$('tabbar').querySelectorAll<HTMLButtonElement>('button[role="tab"]')];
  const i = tabs.findIndex((t) => t.dataset.sheet === active);
  const next = tabs[(i + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
  if (next) {
    switchTab(next.dataset.sheet ?? '');
    $('tabbar').querySelector<HTMLButtonElement>('button[aria-selected="true"]')?.focus();
  }
});

function switchTab(name: string): void {
  if (!name || name === active) return;
  cancelEdit();
  active = name;
  selected = { row: 1, col: 1 };
  gridPanel.scrollTop = 0;
  gridPanel.scrollLeft = 0;
  renderActive();
  const u = new URL(window.location.href);
  u.searchParams.set('tab', name);
  history.replaceState(null, '', u);
}

// ---- Grid: select, show formula, edit ----
gridPanel.addEventListener('mouseover', (e) => {
  const td = (e.target as HTMLElement).closest<HTMLTableCellElement>('td[data-r]');
  if (td) showInBar(Number(td.dataset.r), Number(td.dataset.c));
});
gridPanel.addEventListener('mouseleave', () => showInBar(selected.row, selected.col));
gridPanel.addEventListener('click', (e) => {
  const td = (e.target as HTMLElement).closest<HTMLTableCellElement>('td[data-r]');
  if (!td || td.contains(editing?.input ?? null)) return;
  select(Number(td.dataset.r), Number(td.dataset.c));
  // A checkbox cell toggles on click, as in Sheets; a drop-down cell's arrow opens its list.
  if ((e.target as HTMLElement).closest('.box')) toggleCheckbox(Number(td.dataset.r), Number(td.dataset.c));
  if ((e.target as HTMLElement).closest('.arrow')) openDropdown(Number(td.dataset.r), Number(td.dataset.c));
});

function toggleCheckbox(row: number, col: number): void {
  const cell = cellAt(row, col);
  if (cell?.checkbox) void commit(row, col, cell.v === 'TRUE' ? 'FALSE' : 'TRUE');
}
gridPanel.addEventListener('focusin', (e) => {
  const td = (e.target as HTMLElement).closest<HTMLTableCellElement>('td[data-r]');
  if (td && !editing) {
    const r = Number(td.dataset.r);
    const c = Number(td.dataset.c);
    if (r !== selected.row || c !== selected.col) select(r, c, false);
    else showInBar(r, c);
  }
});
gridPanel.addEventListener('dblclick', (e) => {
  const td = (e.target as HTMLElement).closest<HTMLTableCellElement>('td[data-r]');
  if (td) startEdit(td);
});
gridPanel.addEventListener('keydown', (e) => {
  if (editing) return;
  const td = (e.target as HTMLElement).closest<HTMLTableCellElement>('td[data-r]');
  if (!td) return;
  const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
  if (e.key in moves && !e.altKey) {
    e.preventDefault();
    const [dr, dc] = moves[e.key];
    if (tdAt(selected.row + dr, selected.col + dc)) select(selected.row + dr, selected.col + dc);
  } else if ((e.key === 'Enter' || (e.key === 'ArrowDown' && e.altKey)) && cellAt(selected.row, selected.col)?.dropdown) {
    e.preventDefault();
    openDropdown(selected.row, selected.col);
  } else if (e.key === 'Enter' || e.key === 'F2') {
    e.preventDefault();
    startEdit(td);
  } else if (e.key === ' ' && cellAt(selected.row, selected.col)?.checkbox) {
    e.preventDefault();
    toggleCheckbox(selected.row, selected.col);
  } else if (e.key === 'Delete' || e.key === 'Backspace') {
    e.preventDefault();
    void commit(selected.row, selected.col, '');
  } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
    e.preventDefault();
    startEdit(td, e.key);
  }
});

// ---- Drop-downs: a list-validation cell (a value list or a range) offers its options, as Sheets' drop-down does ----
let dropdown: { row: number; col: number; pop: HTMLElement } | null = null;

/** Opens the list under the cell; choosing an option writes it exactly as typing it would (commit → emulator.edit). */
function openDropdown(row: number, col: number): void {
  closeDropdown(false);
  cancelEdit();
  const cell = cellAt(row, col);
  const td = tdAt(row, col);
  if (!cell?.dropdown || !td) return;
  select(row, col, false);
  const pop = document.createElement('div');
  pop.className = 'dropdown-pop';
  pop.id = 'dropdown-pop';
  pop.setAttribute('role', 'listbox');
  pop.setAttribute('aria-label', `Choose a value for ${cellA1(row, col)}`);
  for (const o of cell.dropdown) {
    const opt = document.createElement('div');
    opt.setAttribute('role', 'option');
    opt.tabIndex = -1;
    opt.textContent = o;
    opt.dataset.value = o;
    opt.setAttribute('aria-selected', String(o === cell.v));
    pop.append(opt);
  }
  if (cell.dropdown.length === 0) pop.innerHTML = '<p class="dropdown-empty">The list is empty: its range has no values yet.</p>';
  const rect = td.getBoundingClientRect();
  pop.style.top = `${Math.round(rect.bottom)}px`;
  pop.style.left = `${Math.round(rect.left)}px`;
  pop.style.minWidth = `${Math.round(rect.width)}px`;
  document.body.append(pop);
  td.setAttribute('aria-expanded', 'true');
  td.setAttribute('aria-controls', pop.id);
  dropdown = { row, col, pop };
  (pop.querySelector<HTMLElement>('[aria-selected="true"]') ?? pop.querySelector<HTMLElement>('[role="option"]') ?? pop).focus();
  pop.addEventListener('click', (e) => {
    const opt = (e.target as HTMLElement).closest<HTMLElement>('[role="option"]');
    if (opt) chooseOption(opt.dataset.value ?? '');
  });
  pop.addEventListener('keydown', (e) => {
    const opts = [...pop.querySelectorAll<HTMLElement>('[role="option"]')];
    const i = opts.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      opts[Math.max(0, Math.min(opts.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1)))]?.focus();
    } else if ((e.key === 'Enter' || e.key === ' ') && i >= 0) {
      e.preventDefault();
      chooseOption(opts[i].dataset.value ?? '');
    } else if (e.key === 'Escape' || e.key === 'Tab') {
      e.preventDefault();
      closeDropdown(true);
    }
  });
}

function chooseOption(value: string): void {
  if (!dropdown) return;
  const { row, col } = dropdown;
  closeDropdown(false);
  void commit(row, col, value);
}

function closeDropdown(refocus: boolean): void {
  if (!dropdown) return;
  const { row, col, pop } = dropdown;
  dropdown = null;
  pop.remove();
  const td = tdAt(row, col);
  td?.removeAttribute('aria-expanded');
  td?.removeAttribute('aria-controls');
  if (refocus) select(row, col);
}

document.addEventListener('mousedown', (e) => {
  if (dropdown && !dropdown.pop.contains(e.target as Node) && !(e.target as HTMLElement).closest('.arrow')) closeDropdown(false);
});
gridPanel.addEventListener('scroll', () => closeDropdown(false));

function startEdit(td: HTMLTableCellElement, initial?: string): void {
  cancelEdit();
  const row = Number(td.dataset.r);
  const col = Number(td.dataset.c);
  select(row, col, false);
  const cell = cellAt(row, col);
  const input = document.createElement('input');
  input.type = 'text';
  input.className = 'cell-editor';
  input.setAttribute('aria-label', `Edit ${cellA1(row, col)}`);
  input.value = initial ?? cell?.f ?? cell?.v ?? '';
  td.classList.add('editing');
  td.append(input);
  // A drop-down cell offers its list (the emulator still refuses a value outside it, as Sheets does).
  if (cell?.dropdown?.length) {
    const list = document.createElement('datalist');
    list.id = 'cell-options';
    for (const o of cell.dropdown) list.append(new Option(o, o));
    td.append(list);
    input.setAttribute('list', list.id);
  }
  editing = { td, input };
  input.focus();
  input.setSelectionRange(input.value.length, input.value.length);
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === 'Tab') {
      e.preventDefault();
      const next = e.key === 'Enter' ? { row: row + 1, col } : { row, col: col + (e.shiftKey ? -1 : 1) };
      const value = input.value;
      cancelEdit();
      void commit(row, col, value, next);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      cancelEdit();
      select(row, col);
    }
  });
  input.addEventListener('blur', () => {
    if (editing?.input !== input) return;
    const value = input.value;
    cancelEdit();
    if (value !== (cell?.f ?? cell?.v ?? '')) void commit(row, col, value);
  });
}

function cancelEdit(): void {
  if (!editing) return;
  const { td, input } = editing;
  editing = null;
  input.remove();
  td.querySelector('datalist')?.remove();
  td.classList.remove('editing');
}

/** Sends one typed cell to the emulator (emulator.edit), then redraws with the recomputed values. */
async function commit(row: number, col: number, input: string, next?: { row: number; col: number }): Promise<void> {
  say(`Saving ${cellA1(row, col)}…`);
  try {
    const reply = await post<{ ok: boolean; message?: string }>('/edit', { sheet: active, row, col, input });
    if (!reply.ok) {
      say('');
      showAlert(reply.message ?? 'That edit was not saved.');
    } else {
      say(`Saved ${cellA1(row, col)}.`);
    }
  } catch (e) {
    say('');
    showAlert(`That edit was not saved: ${(e as Error).message}`);
  }
  if (next) selected = { row: Math.max(1, next.row), col: Math.max(1, next.col) };
  await refresh();
  select(selected.row, selected.col);
}

formula.addEventListener('keydown', (e) => {
  if (e.key === 'Enter') {
    e.preventDefault();
    const { row, col } = selected;
    void commit(row, col, formula.value).then(() => formula.blur());
  } else if (e.key === 'Escape') {
    e.preventDefault();
    formula.value = cellAt(selected.row, selected.col)?.f ?? cellAt(selected.row, selected.col)?.v ?? '';
    select(selected.row, selected.col);
  }
});

// ---- Menu: Extensions ▸ add-on ▸ items ----
function setMenu(open: boolean): void {
  menuPop.hidden = !open;
  menuButton.setAttribute('aria-expanded', String(open));
  if (!open) {
    for (const sub of menuPop.querySelectorAll<HTMLElement>('.submenu')) sub.hidden = true;
    for (const b of menuPop.querySelectorAll<HTMLElement>('.has-sub')) b.setAttribute('aria-expanded', 'false');
  }
}

function openSub(button: HTMLElement, focusFirst: boolean): void {
  const sub = document.getElementById(button.getAttribute('aria-controls') ?? '');
  if (!sub) return;
  sub.hidden = false;
  button.setAttribute('aria-expanded', 'true');
  if (focusFirst) sub.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
}

menuButton.addEventListener('click', () => {
  const open = menuPop.hidden !== false;
  setMenu(open);
  if (open) {
    const first = menuPop.querySelector<HTMLElement>('[role="menuitem"]');
    if (first?.classList.contains('has-sub')) openSub(first, false);
    first?.focus();
  }
});
menuButton.addEventListener('keydown', (e) => {
  if (e.key === 'ArrowDown') {
    e.preventDefault();
    setMenu(true);
    menuPop.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }
});
menuPop.addEventListener('mouseover', (e) => {
  const b = (e.target as HTMLElement).closest<HTMLElement>('.has-sub');
  if (b) openSub(b, false);
});
menuPop.addEventListener('click', (e) => {
  const item = (e.target as HTMLElement).closest<HTMLButtonElement>('[role="menuitem"]');
  if (!item) return;
  if (item.classList.contains('has-sub')) {
    openSub(item, true);
    return;
  }
  const fn = item.dataset.fn;
  setMenu(false);
  menuButton.focus();
  if (fn) void runMenu(fn, item.textContent ?? fn);
});
menuPop.addEventListener('keydown', (e) => {
  const items = [...menuPop.querySelectorAll<HTMLElement>('[role="menuitem"]')].filter((el) => el.offsetParent !== null);
  const i = items.indexOf(document.activeElement as HTMLElement);
  const current = document.activeElement as HTMLElement;
  if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    e.preventDefault();
    items[(i + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
  } else if (e.key === 'ArrowRight' && current.classList.contains('has-sub')) {
    e.preventDefault();
    openSub(current, true);
  } else if (e.key === 'ArrowLeft') {
    const sub = current.closest<HTMLElement>('.submenu');
    if (sub) {
      e.preventDefault();
      const owner = menuPop.querySelector<HTMLElement>(`[aria-controls="${sub.id}"]`);
      sub.hidden = true;
      owner?.setAttribute('aria-expanded', 'false');
      owner?.focus();
    }
  } else if (e.key === 'Escape') {
    e.preventDefault();
    setMenu(false);
    menuButton.focus();
  }
});
document.addEventListener('click', (e) => {
  if (!menuPop.hidden && !(e.target as HTMLElement).closest('.menu-root')) setMenu(false);
});

/** Runs a menu item's function in the emulator; its ui.alert text and errors show as a dialog, as in Sheets. */
async function runMenu(fn: string, label: string): Promise<void> {
  say(`Running ${label}…`);
  try {
    const reply = await post<{ ok: boolean; message?: string; alerts?: string[] }>('/menu', { fn });
    say(reply.ok ? `Ran ${label}.` : '');
    const before = ui.alerts.length;
    await refresh();
    // refresh() shows new alerts itself; an error is shown here.
    if (!reply.ok) showAlert(`${label}: ${reply.message ?? 'failed'}`);
    else if (ui.alerts.length === before && reply.alerts?.length) showAlert(reply.alerts.join('\n\n'));
  } catch (e) {
    say('');
    showAlert(`${label} failed: ${(e as Error).message}`);
  }
}

// Spreadsheet.toast(): a note in the corner that goes away by itself, as in Sheets.
let toastTimer: ReturnType<typeof setTimeout> | undefined;
function showToast(text: string): void {
  $('toast-text').textContent = text;
  $('toast').hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => ($('toast').hidden = true), 8000);
}
$('toast-close').addEventListener('click', () => ($('toast').hidden = true));

function showAlert(text: string): void {
  $('alert-text').textContent = text;
  if (!dialog.open) dialog.showModal();
}
dialog.addEventListener('close', () => tdAt(selected.row, selected.col)?.focus());

// ---- Sidebar panel ----
function openPanel(title: string, reload: boolean): void {
  $('sidebar-title').textContent = title;
  const wasHidden = sidebarPanel.hidden;
  sidebarPanel.hidden = false;
  if (reload || wasHidden || !sidebarFrame.getAttribute('src')) sidebarFrame.src = `/sidebar?t=${Date.now()}`;
}

function closePanel(tell: boolean): void {
  if (sidebarPanel.hidden) return;
  sidebarPanel.hidden = true;
  sidebarFrame.removeAttribute('src');
  sidebarFrame.src = 'about:blank';
  if (tell) void post('/sidebar/close', {}).then(() => refresh());
}

$('sidebar-close').addEventListener('click', () => closePanel(true));

window.addEventListener('message', (e) => {
  if (e.origin !== window.location.origin || e.source !== sidebarFrame.contentWindow) return;
  const msg = e.data as { source?: string; type?: string };
  if (msg?.source !== 'attain-preview') return;
  if (msg.type === 'close') closePanel(true);
  else if (msg.type === 'rpc') void refresh();
});

// ---- Keep up with changes made elsewhere (another window, a restart) ----
setInterval(() => {
  if (document.hidden || editing) return;
  fetch('/ui')
    .then((r) => r.json())
    .then((u: UiView) => {
      if (u.version !== ui.version) void refresh();
    })
    .catch(() => say('The preview server is not answering.'));
}, 2000);

document.body.dataset.version = String(ui.version);
document.body.dataset.ready = 'true';
showInBar(1, 1);
