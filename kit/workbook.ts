// Workbook builders shared by the integration tests and the bench (kit/: outside test/, so scripts may use them): a set-up emulator, valid inputs, caseloads of any size written in bulk, and what an action costs (service calls by kind, script runs).
import { createEmulator, declaredCustomFunctions, type Emulator, type EmulatorState } from '../emulator';

export type Row = Record<string, unknown>;

export function emulator(state?: EmulatorState): Emulator {
  return createEmulator(state ? { state } : {});
}

/** A freshly set-up workbook. */
export function setUp(): Emulator {
  const em = emulator();
  em.run('setupSpreadsheet');
  return em;
}

export function ok<T = Record<string, unknown>>(result: unknown): T {
  const r = result as { ok: boolean; data?: T; message?: string; errors?: unknown };
  if (!r || r.ok !== true) throw new Error(`Expected ok:true; got ${JSON.stringify(r)}`);
  return r.data as T;
}

export const client = (code: string, clinician = 'Dr Rivera') => ({ code, clinician, startDate: '2026-01-05', modality: 'CBT' });

/** A valid short-term objective under `parentId`. */
export function objective(i: number, parentId: string, over: Row = {}): Row {
  return {
    id: '',
    parentId,
    title: `Walk outside for 20 minutes (${i})`,
    horizon: 'short',
    type: 'process',
    domain: 'behavioral',
    category: 'mood',
    modality: 'CBT',
    values: 'Being there for my family',
    behaviour: `Walks outside (${i})`,
    measure: 'Minutes walked, from the diary',
    target: '20 minutes',
    frequency: '3 times a week',
    deadline: '2026-03-01',
    anchors: ['No walks', 'One walk a week', 'Three walks a week', 'Four walks a week', 'Daily walks'],
    baseline: -1,
    importance: 2,
    difficulty: 1,
    status: 'active',
    statusReason: '',
    ...over,
  };
}

/** A valid long-term goal with a temporary id objectives can point at. */
export function longGoal(tempId: string, over: Row = {}): Row {
  return objective(0, '', { id: tempId, horizon: 'long', title: 'Get back to seeing friends', ...over });
}

/** One long-term goal with four objectives: five Goals rows. */
export function fiveGoalPlan(code: string): Row {
  return { clientCode: code, goals: [longGoal('new-1'), objective(1, 'new-1'), objective(2, 'new-1'), objective(3, 'new-1'), objective(4, 'new-1')] };
}

export function session(code: string, goalIds: string[], over: Row = {}): Row {
  return {
    clientCode: code,
    date: '2026-01-12',
    clinician: 'Dr Rivera',
    attended: true,
    note: 'Went well',
    ratings: goalIds.map((goalId, i) => ({ goalId, rating: 4 + i, gasLevel: -1 })),
    measures: [
      { instrument: 'phq9', items: [1, 2, 1, 0, 1, 2, 1, 0, 0] },
      { instrument: 'gad7', items: [1, 1, 2, 1, 0, 1, 1] },
    ],
    // Tests of other behaviour record several sessions on this one date: the same-date question has tests of its own.
    confirmSameDate: true,
    ...over,
  };
}

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function sheet(em: Emulator, name: string): Sheet {
  const s = em.spreadsheet.getSheetByName(name);
  if (!s) throw new Error(`Expected a tab ${name}`);
  return s;
}

/** A tab as objects keyed by its header row (row `headerRow`), rows with a first cell only. */
export function tabRows(em: Emulator, name: string, headerRow = 1): Record<string, unknown>[] {
  const v = sheet(em, name).getDataRange().getValues();
  const h = v[headerRow - 1].map(String);
  return v.slice(headerRow).filter((r) => r[0] !== '').map((r) => Object.fromEntries(h.map((k, i) => [k, r[i]])));
}

/** Header → 1-based column of a tab. */
export function headerCols(em: Emulator, name: string): Map<string, number> {
  const s = sheet(em, name);
  const h = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0];
  return new Map(h.map((v, i) => [String(v), i + 1]));
}

/** Writes rows (objects keyed by header) below the last row in one setValues, growing the sheet first: how the bench builds big caseloads. */
export function bulkRows(em: Emulator, name: string, rows: Record<string, unknown>[]): void {
  if (!rows.length) return;
  const s = sheet(em, name);
  const cols = headerCols(em, name);
  const width = Math.max(...cols.values());
  const first = s.getLastRow() + 1;
  const need = first + rows.length - 1 - s.getMaxRows();
  if (need > 0) s.insertRowsAfter(s.getMaxRows(), need + 200);
  const data = rows.map((r) => {
    const out: unknown[] = new Array(width).fill('');
    for (const [k, v] of Object.entries(r)) {
      const c = cols.get(k);
      if (c === undefined) throw new Error(`No column ${k} in ${name}`);
      out[c - 1] = v;
    }
    return out;
  });
  s.getRange(first, 1, data.length, width).setValues(data);
}

/** Day serial of an ISO date (what the workbook stores in date cells). */
export function serial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000);
}

/**
 * A set-up workbook with `n` clients, each with a five-row plan, one session, its ratings and a PHQ-9 and GAD-7 row,
 * written in bulk (values only); client "C-TEST" is added through the API with its plan, ready for the measured action.
 */
export function caseload(n: number): { em: Emulator; goalIds: string[] } {
  const em = setUp();
  const codes = Array.from({ length: n }, (_, i) => `C-${String(i + 1).padStart(5, '0')}`);
  bulkRows(em, 'Clients', codes.map((c) => ({ 'Client code': c, Clinician: 'Dr Bulk', 'Start date': serial('2025-06-01'), Status: 'active', Modality: 'CBT' })));
  const goals: Row[] = [];
  for (const c of codes) {
    goals.push({ 'Goal ID': `${c}.G1`, 'Parent ID': '', Client: c, Horizon: 'long', Goal: 'Goal', Status: 'active' });
    for (let o = 1; o <= 4; o++) goals.push({ 'Goal ID': `${c}.G1.O${o}`, 'Parent ID': `${c}.G1`, Client: c, Horizon: 'short', Goal: 'Objective', Status: 'active' });
  }
  bulkRows(em, 'Goals', goals);
  bulkRows(em, 'Sessions', codes.map((c) => ({ Client: c, Date: serial('2025-06-08'), Session: 1, Clinician: 'Dr Bulk', Attended: true })));
  bulkRows(em, 'Ratings', codes.map((c) => ({ Client: c, Session: 1, Date: serial('2025-06-08'), 'Goal ID': `${c}.G1`, 'Rating (0–10)': 3, 'GAS level': -1 })));
  const items = (k: number) => Object.fromEntries(Array.from({ length: k }, (_, i) => [`Item ${i + 1}`, 1]));
  bulkRows(em, 'PHQ-9', codes.map((c) => ({ Client: c, Date: serial('2025-06-08'), Session: 1, ...items(9) })));
  bulkRows(em, 'GAD-7', codes.map((c) => ({ Client: c, Date: serial('2025-06-08'), Session: 1, ...items(7) })));
  ok(em.run('addClient', client('C-TEST')));
  const detail = ok<{ goals: { id: string }[] }>(em.run('savePlan', fiveGoalPlan('C-TEST')));
  return { em, goalIds: detail.goals.map((g) => g.id) };
}

/** Service calls of one action, by kind; `counted` is read + write + format + structure (the budget's kinds); `cells` the cells its reads transferred. */
export function measure(em: Emulator, fn: () => unknown): { total: number; counted: number; read: number; write: number; format: number; structure: number; cells: number; log: string[] } {
  em.calls.reset();
  fn();
  const c = em.calls;
  return { total: c.total, counted: c.read + c.write + c.format + c.structure, read: c.read, write: c.write, format: c.format, structure: c.structure, cells: c.cells, log: [...c.log] };
}

/** Service calls, and runs of the bundle's functions `names` (by default its custom functions; each is wrapped to count), while `fn` runs. */
export function scriptActivity(em: Emulator, fn: () => void, names: string[] = declaredCustomFunctions()): { calls: number; runs: number } {
  const g = em.context as Record<string, unknown>;
  let runs = 0;
  const saved = new Map<string, unknown>();
  for (const name of names) {
    const f = g[name];
    if (typeof f !== 'function') continue;
    saved.set(name, f);
    g[name] = (...a: unknown[]) => {
      runs++;
      return (f as (...x: unknown[]) => unknown)(...a);
    };
  }
  em.calls.reset();
  try {
    fn();
  } finally {
    for (const [k, f] of saved) g[k] = f;
  }
  return { calls: em.calls.total, runs };
}

/** PHQ-9 response options in score order [S8], as a clinic's Google Form lists them (each starting with its score, as the README advises). */
export const PHQ9_OPTIONS = ['0 – Not at all', '1 – Several days', '2 – More than half the days', '3 – Nearly every day'];

/** A form response as Google Forms writes it: when it was submitted (wall time in the sheet's zone), the code typed, and each answer (a score becomes its option text). */
export interface FormRow {
  at: string;
  code: string;
  answers: (number | string)[];
}

/** The header Google Forms writes for a PHQ-9 form made as the README says: Timestamp, the code question, one numbered question per item. */
export const PHQ9_FORM_HEADER = ['Timestamp', 'Your client code', ...Array.from({ length: 9 }, (_, i) => `${i + 1}. Over the last 2 weeks: item ${i + 1}`)];

/** Sets one Settings value by its key (what a clinic admin types in the Value column). */
export function setSetting(em: Emulator, key: string, value: unknown): void {
  const s = sheet(em, 'Settings');
  const cols = headerCols(em, 'Settings');
  const keys = s.getRange(1, cols.get('Key')!, s.getLastRow(), 1).getValues().map((r) => String(r[0]));
  const row = keys.indexOf(key) + 1;
  if (row < 1) throw new Error(`Expected a Settings row with key ${key}`);
  s.getRange(row, cols.get('Value')!).setValue(value);
}

/**
 * Appends responses to a responses tab straight into its cells, as Google Forms does (the tab made with its header on first use):
 * the Timestamp a date-time serial formatted as a date-time, the code and each answer as the text chosen.
 */
export function formResponses(em: Emulator, name: string, rows: readonly FormRow[], header: readonly string[] = PHQ9_FORM_HEADER): void {
  let s = em.spreadsheet.getSheetByName(name);
  if (!s) {
    s = em.spreadsheet.insertSheet(name);
    s.getRange(1, 1, 1, header.length).setValues([[...header]]);
  }
  if (!rows.length) return;
  const first = s.getLastRow() + 1;
  const need = first + rows.length - 1 - s.getMaxRows();
  if (need > 0) s.insertRowsAfter(s.getMaxRows(), need);
  const wall = (at: string) => {
    const [d, t = '00:00:00'] = at.split(' ');
    const [h, m, sec = 0] = t.split(':').map(Number);
    return serial(d) + (h * 3600 + m * 60 + sec) / 86400;
  };
  const data = rows.map((r) => [wall(r.at), r.code, ...r.answers.map((a) => (typeof a === 'number' && a >= 0 && a <= 3 && Number.isInteger(a) ? PHQ9_OPTIONS[a] : a))]);
  const width = Math.max(...data.map((r) => r.length));
  s.getRange(first, 1, data.length, width).setValues(data.map((r) => [...r, ...Array(width - r.length).fill('')]));
  s.getRange(first, 1, data.length, 1).setNumberFormat('dd/mm/yyyy hh:mm:ss');
}
