// The formulas a five-year workbook holds, generated without building it (no engine could evaluate today's design at that size): each data row's computed columns as an action writes them, the alerts helper and Supervision at setup's capacity, and the demo's other formulas (Review, index, Settings) counted against five-year tabs — the input of the static formula cost (kit/formula-cost.ts).
import type { EmulatorState } from '../emulator';
import { BUILT_IN_INSTRUMENTS } from '../src/core/instruments/registry';
import { columnLetters } from '../src/sheets/a1';
import type { TabLayout } from '../src/sheets/columns';
import { CLIENTS, FIXED_TABS, instrumentTab, REVIEWS, SESSIONS, SETTINGS, TASKS } from '../src/sheets/layout';
import { DEFAULT_INSTRUMENTS, settingRows } from '../src/sheets/settings';
import { HELPER_TAB, helperBlock, helperCapacity, REVIEWS_HEADERS, SELECTOR, sourceTab, SUPERVISION_TAB, supervisionBlock } from '../src/sheets/supervision-tab';
import { CODES_TAB, codesListFormula } from '../src/sheets/client-keys';
import { colRef } from '../src/sheets/alert-formulas';
import { fiveYearClinic, type Clinic } from './five-year-clinic';
import { costInputOf, type FormulaCell } from './formula-cost';

/** 1-based positions by layout key, in layout order (how setup lays out a fresh tab). */
const positions = (layout: TabLayout) => new Map(layout.columns.map((c, i) => [c.key, i + 1] as const));

/** One computed column's formula on every row 2 … last, as the row's action (or setup's fill) writes it; a spill column's in its header cell. */
function rowFormulas(layout: TabLayout, last: number, out: FormulaCell[]): void {
  const at = positions(layout);
  const letters = (k: string) => columnLetters(at.get(k)!);
  for (const c of layout.columns) {
    // A spill column: one formula, in its header cell, as setup writes it.
    if (c.spill) out.push({ sheet: layout.name, formula: c.spill({ row: 1, col: letters, cell: (k) => `${letters(k)}1`, has: (k) => at.has(k) }) });
    if (!c.formula) continue;
    for (let row = 2; row <= last; row++) out.push({ sheet: layout.name, formula: c.formula({ row, col: letters, cell: (k) => `${letters(k)}${row}`, has: (k) => at.has(k) }) });
  }
}

/**
 * The five-year workbook's formula cells, each tab's used rows and its data cells. `demo` (the seeded preview's state) gives the
 * formulas whose number does not grow with the clinic (the Review tab's, the index's, Settings' status column); their references
 * are counted against the five-year tabs' rows.
 */
export function fiveYearFormulas(demo: EmulatorState, clinic: Clinic = fiveYearClinic()): { formulas: FormulaCell[]; usedRows: Map<string, number>; dataCells: number; capacity: number } {
  const usedRows = new Map<string, number>();
  for (const [name, tab] of Object.entries(clinic.tabs)) usedRows.set(name.toLowerCase(), tab.rows.length + 1);
  const defs = BUILT_IN_INSTRUMENTS.filter((d) => DEFAULT_INSTRUMENTS.includes(d.id) && d.name in clinic.tabs);
  const formulas: FormulaCell[] = [];
  const generated = new Set<string>();
  // Tabs the clinic has rows for (a tab it leaves empty, such as Settings, keeps the demo's formulas below).
  for (const layout of [...FIXED_TABS, ...defs.map((d) => instrumentTab(d))].filter((l) => l.name in clinic.tabs)) {
    rowFormulas(layout, usedRows.get(layout.name.toLowerCase())!, formulas);
    generated.add(layout.name.toLowerCase());
  }

  // The alerts helper and Supervision, as setup writes them for this many clients.
  const capacity = helperCapacity(clinic.tabs.Clients.rows.length);
  const settingsValue = columnLetters(positions(SETTINGS).get('value')!);
  const keys = settingRows().map((r) => r.key);
  const ref = (key: string) => `'${SETTINGS.name}'!$${settingsValue}$${keys.indexOf(key) + 2}`;
  const reviewCols = new Map(Object.entries(REVIEWS_HEADERS).map(([k, h]) => [k, REVIEWS.columns.findIndex((c) => c.header === h) + 1] as const));
  const src = {
    clients: sourceTab(CLIENTS.name, positions(CLIENTS)),
    sessions: sourceTab(SESSIONS.name, positions(SESSIONS)),
    reviews: sourceTab(REVIEWS.name, new Map([...reviewCols].filter(([, v]) => v > 0))),
    tasks: sourceTab(TASKS.name, positions(TASKS)),
    instruments: defs.map((def) => ({ def, options: {}, tab: sourceTab(def.name, positions(instrumentTab(def))) })),
    settings: { reviewEvery: ref('review.everySessions'), notOnTrack: ref('alerts.notOnTrackSession'), plateau: ref('alerts.plateauWindow'), measureOverdue: ref('alerts.measureOverdue') },
    selector: SELECTOR,
  };
  // The hidden codes tab the key columns number clients by: one formula, as many used rows as clients.
  formulas.push({ sheet: CODES_TAB, formula: codesListFormula(colRef(src.clients, 'code'), capacity) });
  usedRows.set(CODES_TAB.toLowerCase(), clinic.tabs.Clients.rows.length);
  generated.add(CODES_TAB.toLowerCase());
  const helper = helperBlock(src, capacity);
  for (const row of helper.rows.slice(1)) for (const f of row) if (f.startsWith('=')) formulas.push({ sheet: HELPER_TAB, formula: f });
  for (const row of supervisionBlock(helper.cols, capacity, src).rows) for (const f of row) if (f.startsWith('=')) formulas.push({ sheet: SUPERVISION_TAB, formula: f });
  usedRows.set(HELPER_TAB.toLowerCase(), capacity + 1);
  usedRows.set(SUPERVISION_TAB.toLowerCase(), capacity + 3);
  generated.add(HELPER_TAB.toLowerCase());
  generated.add(SUPERVISION_TAB.toLowerCase());

  // Everything else the demo holds, whose count does not follow the clinic's rows.
  const rest = costInputOf(demo);
  for (const f of rest.formulas) if (!generated.has(f.sheet.toLowerCase())) formulas.push(f);
  for (const [name, n] of rest.usedRows) if (!usedRows.has(name)) usedRows.set(name, n);
  return { formulas, usedRows, dataCells: clinic.dataCells, capacity };
}
