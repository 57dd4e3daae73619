// No collateral damage: on the seeded demo clinic, with a clinic's own column typed at the end of every tab, each sidebar save changes exactly the cells its screen owns, appends its rows and one Audit row, and nothing else in the whole workbook.
import { createEmulator, type Emulator, type EmulatorState } from '../../../emulator';
import { SEED_TIME_ZONE, SEED_USER } from '../../../preview/seed';
import { seededDemo } from '../../../preview/seed-cache';
import { headerCols, ok } from '../../../kit/workbook';
import { columnLetters } from '../../../src/sheets/a1';
import type { ClientDetail, GoalView, SavePlanInput, StartReviewData } from '../../../src/contract';
import { stateDiff } from '../state-diff';

jest.setTimeout(300_000); // seeding the demo clinic through the emulator takes about 40 s on 2 cores

const CLINIC_TABS = ['Clients', 'Goals', 'Sessions', 'Ratings', 'Priorities', 'Reviews', 'PHQ-9', 'GAD-7'];

/** The demo clinic, plus a "Clinic note" column a clinic typed after the last header of each record tab, filled on every row. */
function demo(): EmulatorState {
  const em = seededDemo().emulator;
  for (const name of CLINIC_TABS) {
    const sheet = em.spreadsheet.getSheetByName(name)!;
    const col = sheet.getLastColumn() + 1;
    if (col > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), 1);
    const rows = sheet.getLastRow();
    sheet.getRange(1, col, rows, 1).setValues([['Clinic note'], ...Array.from({ length: rows - 1 }, (_, i) => [`typed by the clinic, row ${i + 2}`])]);
  }
  return em.exportState();
}

const state = demo();
const open = (): Emulator => createEmulator({ state, user: SEED_USER, timeZone: SEED_TIME_ZONE });
const detailOf = (em: Emulator, code: string) => ok<ClientDetail>(em.run('getClient', code));

/** A Goals-tab goal as savePlan takes it: the stored fields, without those the server derives. */
const asInput = (g: GoalView): SavePlanInput['goals'][number] => {
  const { clientCode: _c, weight: _w, statusDate: _d, ...row } = g;
  return row as SavePlanInput['goals'][number];
};

/** The A1 address of a cell by header name (as the tab holds it). */
function cell(em: Emulator, tab: string, header: string, row: number): string {
  const c = headerCols(em, tab).get(header);
  if (c === undefined) throw new Error(`Expected a column "${header}" on ${tab}`);
  return `${columnLetters(c)}${row}`;
}

/** Sheet row of a goal id on the Goals tab. */
function goalRow(em: Emulator, id: string): number {
  const sheet = em.spreadsheet.getSheetByName('Goals')!;
  const ids = sheet.getRange(1, 1, sheet.getLastRow(), 1).getValues().map((r) => String(r[0]));
  return ids.indexOf(id) + 1;
}

/**
 * Runs one save and sorts what changed: cells of rows appended below each tab's last row, the one new Audit row, sheets added,
 * and everything else (which must be exactly the cells the screen owns).
 */
function run(name: string, input: unknown, em = open()): { other: string[]; appended: Map<string, number>; audit: string[]; added: string[]; em: Emulator } {
  const before = em.exportState();
  const last = new Map(before.sheets.map((s) => [s.name, em.spreadsheet.getSheetByName(s.name)?.getLastRow() ?? 0]));
  ok(em.run(name, input));
  const lines = stateDiff(withoutActiveSheet(before), withoutActiveSheet(em.exportState()));
  const appended = new Map<string, number>();
  const audit: string[] = [];
  const added: string[] = [];
  const other: string[] = [];
  for (const line of lines) {
    const m = /^(.+?)!([A-Z]+)(\d+): /.exec(line);
    if (!m) {
      if (/: added$/.test(line)) added.push(line.replace(/: added$/, ''));
      else other.push(line);
      continue;
    }
    const [, tab, , row] = m;
    if (Number(row) <= (last.get(tab) ?? 0)) other.push(line);
    else if (tab === 'Audit') audit.push(line);
    else appended.set(tab, (appended.get(tab) ?? 0) + 1);
  }
  return { other: other.sort(), appended, audit, added, em };
}

/** A state without the active sheet: showing a new sheet (the relapse-prevention plan) is where the user is taken, not a change to the workbook. */
const withoutActiveSheet = (s: EmulatorState): EmulatorState => ({ ...s, spreadsheet: { ...s.spreadsheet, activeSheet: '' } }) as EmulatorState;

/** The changed cells' addresses ("Goals!X12"), for comparing with what the screen owns. */
const cells = (lines: string[]) => lines.map((l) => l.slice(0, l.indexOf(': '))).sort();

/** The Audit rows written: cells of exactly one new row. */
const auditRows = (audit: string[]) => new Set(audit.map((l) => /!([A-Z]+)(\d+):/.exec(l)![2])).size;

test('add client: one Clients row and one Audit row appended; no other cell changes', () => {
  const r = run('addClient', { code: 'DEMO-07', clinician: SEED_USER, startDate: '2026-11-20', modality: 'CBT' });
  expect(r.other).toEqual([]);
  expect([...r.appended.keys()]).toEqual(['Clients']);
  expect(auditRows(r.audit)).toBe(1);
});

test('add client whose code looks like a name, confirmed: the confirmation is the only extra cell of the new row', () => {
  const r = run('addClient', { code: 'Rowan', clinician: SEED_USER, startDate: '2026-11-20', modality: 'CBT', notAName: true });
  expect(r.other).toEqual([]);
  const row = r.em.spreadsheet.getSheetByName('Clients')!.getLastRow();
  expect(r.em.spreadsheet.getSheetByName('Clients')!.getRange(cell(r.em, 'Clients', 'Code is not a name', row)).getValue()).toBe(true);
  expect(auditRows(r.audit)).toBe(1);
  expect(r.audit.join('\n')).toMatch(/confirmed the code.*is not a name/);
});

test('save plan (Plan screen): only the edited field of the edited objective changes; Template, status dates and the clinic column stay', () => {
  const em = open();
  const d = detailOf(em, 'DEMO-02');
  const target = d.goals.find((g) => g.parentId !== '')!;
  const goals = d.goals.map((g) => (g.id === target.id ? { ...asInput(g), target: '25 minutes' } : asInput(g)));
  const r = run('savePlan', { clientCode: 'DEMO-02', goals }, em);
  expect(cells(r.other)).toEqual([`Goals!${cell(em, 'Goals', 'Target', goalRow(em, target.id))}`]);
  expect(r.appended.size).toBe(0);
  expect(auditRows(r.audit)).toBe(1);
});

test('save GAS scale: only the scale fields of the scaled objective change; the Template column and every other plan field stay', () => {
  const em = open();
  const d = detailOf(em, 'DEMO-01');
  const target = d.goals.find((g) => g.parentId !== '' && g.status === 'active')!;
  const anchors = [...target.anchors] as GoalView['anchors'];
  anchors[4] = 'Every day for a month, without reminders';
  // The GAS screen sends the whole draft: an unsaved Plan-screen edit of another goal is not its to save.
  const other = d.goals.find((g) => g.id !== target.id)!;
  const goals = d.goals.map((g) => (g.id === target.id ? { ...asInput(g), anchors, importance: 3 } : g.id === other.id ? { ...asInput(g), title: 'Not saved by the GAS screen' } : asInput(g)));
  const r = run('savePlan', { clientCode: 'DEMO-01', goals, only: 'gas' }, em);
  const row = goalRow(em, target.id);
  expect(cells(r.other)).toEqual([`Goals!${cell(em, 'Goals', 'GAS +2', row)}`, `Goals!${cell(em, 'Goals', 'Importance', row)}`].sort());
  expect(em.spreadsheet.getSheetByName('Goals')!.getRange(cell(em, 'Goals', 'Template', row)).getValue()).not.toBe('');
  expect(auditRows(r.audit)).toBe(1);
});

test('record session: Sessions, Ratings and measure rows appended, one Audit row; no existing cell changes', () => {
  const em = open();
  const d = detailOf(em, 'DEMO-03');
  const objectives = d.goals.filter((g) => g.parentId !== '' && g.status === 'active');
  const input = {
    clientCode: 'DEMO-03',
    date: '2026-11-27',
    clinician: d.client.clinician,
    attended: true,
    note: '',
    ratings: objectives.map((o) => ({ goalId: o.id, rating: 5, gasLevel: null })),
    measures: [{ instrument: 'phq9', items: [1, 1, 1, 1, 1, 1, 1, 1, 0] }],
  };
  const r = run('recordSession', input, em);
  expect(r.other).toEqual([]);
  expect([...r.appended.keys()].sort()).toEqual(['PHQ-9', 'Ratings', 'Sessions']);
  expect(auditRows(r.audit)).toBe(1);
});

test('save priorities: only the changed rating of the changed goal changes (score and rank stay formulas)', () => {
  const em = open();
  const d = detailOf(em, 'DEMO-04');
  const items = d.priorities.map((p, i) => ({ goalId: p.goalId, urgency: i === 0 ? (p.urgency === 5 ? 4 : 5) : p.urgency, importance: p.importance, readiness: p.readiness, tier: p.tier }));
  const r = run('savePriorities', { clientCode: 'DEMO-04', items }, em);
  const sheet = em.spreadsheet.getSheetByName('Priorities')!;
  const goalCol = headerCols(em, 'Priorities').get('Goal ID')!;
  const clientCol = headerCols(em, 'Priorities').get('Client')!;
  const values = sheet.getRange(1, 1, sheet.getLastRow(), sheet.getLastColumn()).getValues();
  const row = values.findIndex((v) => v[clientCol - 1] === 'DEMO-04' && v[goalCol - 1] === d.priorities[0].goalId) + 1;
  expect(cells(r.other)).toEqual([`Priorities!${cell(em, 'Priorities', 'Urgency', row)}`]);
  expect(r.appended.size).toBe(0);
  expect(auditRows(r.audit)).toBe(1);
});

test('save review: Reviews rows appended; of the Goals tab only the achieved goal\u2019s status fields change', () => {
  const em = open();
  const start = ok<StartReviewData>(em.run('startReview', 'DEMO-02'));
  const achieved = start.goals.find((g) => g.parentId !== '')!;
  const input = {
    clientCode: 'DEMO-02',
    date: start.date,
    sessionNumber: start.sessionNumber,
    goals: start.goals.map((g) => (g.goalId === achieved.goalId ? { goalId: g.goalId, decision: 'achieved', reason: 'Walking most days', gasLevel: g.gasLevel, rating: g.rating } : { goalId: g.goalId, decision: 'continue', gasLevel: g.gasLevel, rating: g.rating })),
  };
  const r = run('saveReview', input, em);
  const row = goalRow(em, achieved.goalId);
  const [status, date, reason] = ['Status', 'Status date', 'Status reason'].map((h) => `Goals!${cell(em, 'Goals', h, row)}`);
  // The status date changes only when the review is on another day than the one the status was last set.
  expect(cells(r.other).filter((c) => c !== date)).toEqual([status, reason].sort());
  expect([...r.appended.keys()]).toEqual(['Reviews']);
  // A review writes its Audit rows below the last one (one per goal change, before → after, and a summary), none elsewhere.
  expect(auditRows(r.audit)).toBeGreaterThan(1);
});

test('relapse-prevention plan: one new sheet and one Audit row; no other cell changes', () => {
  const r = run('buildRelapsePreventionPlan', { clientCode: 'DEMO-01', date: '2026-11-20', whatHelped: ['Activity diary'], warningSigns: ['Staying in bed'], copingStrategies: ['Walk after lunch'], ifTheyReturn: ['Book a review'], contacts: [{ who: 'GP surgery', how: 'Usual number' }] });
  expect(r.other).toEqual([]);
  expect(r.added).toHaveLength(1);
  expect(r.appended.size).toBe(0);
  expect(auditRows(r.audit)).toBe(1);
});
