// Clinic-defined instruments on the built bundle: setup makes the Instruments tab (never taking over a clinic's own), a valid row enabled in Settings gets a tab with the built-ins' formulas, an invalid row is reported by row and column and harms nothing else.
import * as fs from 'fs';
import * as path from 'path';
import type { Emulator } from '../../../emulator';
import { CLINIC_COLUMNS, CLINIC_HEADERS } from '../../../src/core/instruments/clinic-columns';
import { clinicId, parseClinicInstruments } from '../../../src/core/instruments/clinic-definition';
import { instrumentColumns } from '../../../src/sheets/instrument-layout';
import { bulkRows, client, emulator, fiveGoalPlan, headerCols, ok, session, setUp } from '../../../kit/workbook';

const ROOT = path.join(__dirname, '..', '..', '..');
const example = (file: string): Record<string, unknown> => JSON.parse(fs.readFileSync(path.join(ROOT, 'templates', 'instruments', file), 'utf8')).cells;
const PHQ_JT = example('phq9-jacobson-truax.json');
const JT_ID = clinicId(String(PHQ_JT.Name));

const sheet = (em: Emulator, name: string) => em.exportState().sheets.find((s) => s.name === name);
const cell = (em: Emulator, name: string, a1: string) => sheet(em, name)?.cells.find((c) => c.a1 === a1);

/** The Settings row of a key: its row number and value. */
function setting(em: Emulator, key: string): { row: number; value: unknown } | null {
  const s = sheet(em, 'Settings')!;
  const keyCell = s.cells.find((c) => /^D\d+$/.test(c.a1) && c.v === key);
  if (!keyCell) return null;
  const row = Number(keyCell.a1.slice(1));
  return { row, value: s.cells.find((c) => c.a1 === `B${row}`)?.v };
}

/** Ticks "Use …" of an instrument in Settings, as a person would. */
function enable(em: Emulator, id: string): void {
  const at = setting(em, `instrument.${id}`);
  if (!at) throw new Error(`No Settings row instrument.${id}`);
  em.edit('Settings', at.row, 2, 'TRUE');
}

/** A workbook set up, with these Instruments rows typed, set up again (so their "Use" rows exist). */
function withRows(rows: Record<string, unknown>[]): Emulator {
  const em = setUp();
  bulkRows(em, 'Instruments', rows);
  em.run('setupSpreadsheet');
  return em;
}

describe('the Instruments tab', () => {
  const em = setUp();

  test('setup creates it with the row format as its header, each column noted, and no rows', () => {
    const s = sheet(em, 'Instruments')!;
    const header = CLINIC_HEADERS.map((_, i) => s.cells.find((c) => c.a1 === `${String.fromCharCode(65 + i)}1`));
    expect(header.map((c) => c?.v)).toEqual(CLINIC_HEADERS);
    expect(s.cells.filter((c) => /^[A-Z]+[2-9]\d*$/.test(c.a1) && c.v !== '' && c.v !== undefined && c.v !== null)).toEqual([]);
  });

  test("each header's note says what the column holds and gives its example", () => {
    const note = cell(em, 'Instruments', 'I1')?.note ?? '';
    expect(note).toContain(CLINIC_COLUMNS.bands.holds);
    expect(note).toContain(CLINIC_COLUMNS.bands.example);
  });

  test("a clinic's own tab called Instruments is never taken over: setup stops and writes nothing", () => {
    const own = emulator();
    const ss = own.spreadsheet;
    const mine = ss.insertSheet('Instruments');
    mine.getRange(1, 1, 2, 2).setValues([
      ['Instrument', 'Serial number'],
      ['Cello', 'X-12'],
    ]);
    const before = JSON.stringify(own.exportState().sheets.find((s) => s.name === 'Instruments'));
    expect(() => own.run('setupSpreadsheet')).toThrow(/"Instruments" tab/);
    expect(JSON.stringify(own.exportState().sheets.find((s) => s.name === 'Instruments'))).toBe(before);
  });
});

describe('a valid clinic instrument', () => {
  const em = withRows([PHQ_JT]);

  test('setup adds its "Use" row to Settings, unticked like an optional built-in', () => {
    expect(setting(em, `instrument.${JT_ID}`)?.value).toBe(false);
    expect(sheet(em, String(PHQ_JT.Name))).toBeUndefined();
  });

  test('once ticked, setup creates its tab with the same columns and native formulas a built-in gets', () => {
    enable(em, JT_ID);
    em.run('setupSpreadsheet');
    const cols = headerCols(em, String(PHQ_JT.Name));
    expect([...cols.keys()].slice(0, 13)).toEqual(['Client', 'Date', 'Session', ...Array.from({ length: 9 }, (_, i) => `Item ${i + 1}`), 'Total']);
    expect(cols.has('Band')).toBe(true);
    expect(cols.has('Safety flag')).toBe(true);
    expect(cols.has('Reliable change')).toBe(true);
  });

  test('its header is the one instrument-layout.ts builds from its definition, column for column', () => {
    const def = parseClinicInstruments([{ row: 2, cells: PHQ_JT }]).definitions[0];
    const built = instrumentColumns(def).map((c) => c.header);
    expect([...headerCols(em, String(PHQ_JT.Name)).keys()].slice(0, built.length)).toEqual(built);
  });
});

describe('a clinic instrument in use', () => {
  const em = withRows([PHQ_JT, { ...PHQ_JT, Name: 'Broken scale', Bands: '0 Low; 10 Mid; 5 High' }]);
  enable(em, JT_ID);
  em.run('setupSpreadsheet');
  const name = String(PHQ_JT.Name);
  const items = [3, 3, 2, 2, 2, 1, 1, 1, 1]; // total 16: Moderately severe, item 9 endorsed

  test('MEASURE_SCORE, MEASURE_BAND and MEASURE_FLAG accept its name (any spelling) and score it as the core does', () => {
    expect(em.run('MEASURE_SCORE', name, [items])).toBe(16);
    expect(em.run('MEASURE_BAND', 'phq 9 jt', 16)).toBe('Moderately severe');
    expect(String(em.run('MEASURE_FLAG', name, [items]))).toBe('Item 9 endorsed: review risk today');
  });

  test('RELIABLE_CHANGE and CHANGE_CATEGORY use its Jacobson–Truax threshold (5.06 points) and cut-off', () => {
    expect(em.run('RELIABLE_CHANGE', name, 20, 15)).toBe('No reliable change');
    expect(em.run('RELIABLE_CHANGE', name, 20, 14)).toBe('Reliable improvement');
    expect(em.run('CHANGE_CATEGORY', name, 20, 4)).toBe('Recovered');
  });

  test('a name whose row has a problem is refused with that row and column named', () => {
    expect(() => em.run('MEASURE_SCORE', 'Broken scale', [items])).toThrow(/Row 3 · Bands: expected rising lower edges/);
  });

  test('the sidebar receives it among the enabled instruments, with its definition for live scoring', () => {
    const boot = ok<{ instruments: { id: string; name: string; definition?: { id: string } }[] }>(em.run('getBootstrap'));
    const mine = boot.instruments.find((i) => i.id === JT_ID);
    expect(mine?.name).toBe(name);
    expect(mine?.definition?.id).toBe(JT_ID);
    expect(boot.instruments.find((i) => i.id === 'phq9')?.definition).toBeUndefined();
  });

  test('recordSession saves it: the reply gives the core total, band and flag, and its tab row computes the same', () => {
    const code = 'C-0200';
    ok(em.run('addClient', client(code)));
    const plan = ok<{ goals: { id: string }[] }>(em.run('savePlan', fiveGoalPlan(code)));
    const saved = ok<{ saved: { measures: { instrument: string; total: number | null; band: string; flag: string }[] } }>(
      em.run('recordSession', session(code, plan.goals.map((g) => g.id), { measures: [{ instrument: JT_ID, items }], confirmUnanswered: undefined })),
    );
    expect(saved.saved.measures).toEqual([{ instrument: JT_ID, total: 16, band: 'Moderately severe', flag: 'Item 9 endorsed: review risk today' }]);
    const tab = em.spreadsheet.getSheetByName(name)!;
    const cols = headerCols(em, name);
    const last = tab.getLastRow();
    const at = (h: string) => tab.getRange(last, cols.get(h)!).getValue();
    expect([at('Client'), at('Total'), at('Band'), at('Safety flag')]).toEqual([code, 16, 'Moderately severe', 'Item 9 endorsed: review risk today']);
  });

  test('Review charts it and Supervision reads it: both are generated from the enabled instruments', () => {
    const review = sheet(em, 'Review')!;
    expect(review.cells.some((c) => typeof c.v === 'string' && c.v.includes(name))).toBe(true);
    expect(review.charts?.some((c) => JSON.stringify(c).includes(name))).toBe(true);
    const helper = sheet(em, 'Attain alerts')!;
    expect(helper.cells.some((c) => typeof c.f === 'string' && c.f.includes(`'${name}'!`))).toBe(true);
  });
});

describe('an invalid clinic instrument', () => {
  const bad = { ...PHQ_JT, Name: 'Broken scale', Bands: '0 Low; 10 Mid; 5 High' };
  const em = withRows([bad, example('wsas.json')]);

  test('is never offered in Settings; the valid row beside it is', () => {
    expect(setting(em, `instrument.${clinicId('Broken scale')}`)).toBeNull();
    expect(setting(em, `instrument.${clinicId('WSAS clinic')}`)).not.toBeNull();
  });

  test('"Check this spreadsheet" names its row and column, what was expected and what came', () => {
    const report = ok<{ problems: { tab: string; where: string; problem: string }[] }>(em.run('checkSpreadsheet'));
    const mine = report.problems.filter((p) => p.tab === 'Instruments');
    expect(mine).toEqual([expect.objectContaining({ where: 'row 2, column Bands', problem: expect.stringContaining('rising lower edges; got 5 after 10') })]);
  });

  test('nothing else stops working: a session with the built-ins records as before', () => {
    const code = 'C-0100';
    ok(em.run('addClient', client(code)));
    const plan = ok<{ goals: { id: string }[] }>(em.run('savePlan', fiveGoalPlan(code)));
    ok(em.run('recordSession', session(code, plan.goals.map((g) => g.id))));
  });
});
