// Correct or void reaches every row a clinician can get wrong: a PHQ-9 imported from a form (Session blank) is listed, voided — its safety alert going with it — and corrected keeping its Source, so importing again never brings it back; a clinic instrument's row is listed, voided and corrected with its own definition.
import * as fs from 'fs';
import * as path from 'path';
import type { Emulator } from '../../../emulator';
import type { AmendRecordData, FormImportData, RecordView, SessionRecordsData } from '../../../src/contract';
import { clinicId } from '../../../src/core/instruments/clinic-definition';
import { bulkRows, client, fiveGoalPlan, formResponses, headerCols, ok, session, setSetting, setUp, tabRows } from '../../../kit/workbook';
import { stateDiff } from '../state-diff';

jest.setTimeout(300_000);

type Failed = { ok: false; message: string; errors: Record<string, string> };

const ITEM9 = 'PHQ-9 item 9 (self-harm thoughts) endorsed: review risk now';
const TAB = 'Form Responses 1';

const table = tabRows;

const records = (em: Emulator, code: string, n: number | null) => ok<SessionRecordsData>(em.run('getSessionRecords', code, n)).records;
const refOf = (r: RecordView) => ({ kind: r.kind, instrument: r.instrument || null, row: r.row, date: r.date, session: r.session, goalId: r.goalId || null, ...(r.source ? { source: r.source } : {}) });
const alertsOf = (em: Emulator) => String(table(em, 'Attain alerts').find((r) => r.Client === 'C-0001')!.Alerts);
const supervisionOf = (em: Emulator) => String(table(em, 'Supervision', 3).find((r) => r.Client === 'C-0001')!.Alerts);

/** C-0001 with session 1 (PHQ-9 item 9 = 0) on 2026-01-12, then a PHQ-9 completed on a form on 2026-11-23 answering item 9 with 2, imported. */
function formClinic(): Emulator {
  const em = setUp();
  ok(em.run('addClient', client('C-0001')));
  const ids = ok<{ goals: { id: string }[] }>(em.run('savePlan', fiveGoalPlan('C-0001'))).goals.map((g) => g.id);
  ok(em.run('recordSession', session('C-0001', ids)));
  setSetting(em, 'forms.links', `${TAB} = PHQ-9`);
  formResponses(em, TAB, [{ at: '2026-11-23 09:30:00', code: 'C-0001', answers: [2, 2, 2, 1, 1, 2, 1, 1, 2] }]);
  expect(ok<FormImportData>(em.run('importFormResponses', {})).links[0].imported).toBe(1);
  return em;
}

describe('a PHQ-9 completed on a form, imported by mistake, voided', () => {
  const em = formClinic();
  const listed = records(em, 'C-0001', null);

  test('"Completed on a form" lists it: no session, its Source, said in plain words', () => {
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ kind: 'measure', instrument: 'phq9', date: '2026-11-23', session: null });
    expect(listed[0].source).toMatch(/^form:Form Responses 1!2 @ /);
    expect(listed[0].summary).toMatch(/^PHQ-9 of 2026-11-23 \(completed on a form\), total 14, items 2 2 2 1 1 2 1 1 2 —$/);
  });

  test("session 1's list never offers it, and the form list never offers the session's PHQ-9", () => {
    const s1 = records(em, 'C-0001', 1).filter((r) => r.kind === 'measure' && r.instrument === 'phq9');
    expect(s1).toHaveLength(1);
    expect(s1[0].row).not.toBe(listed[0].row);
    expect(listed.some((r) => r.row === s1[0].row)).toBe(false);
  });

  test('before: its item 9 answer raises the safety alert', () => {
    expect(alertsOf(em)).toContain(`Safety: ${ITEM9}`);
    expect(supervisionOf(em)).toContain(`Safety: ${ITEM9}`);
  });

  test('voiding it marks its Voided cell, and the safety alert is gone from the alerts tab and Supervision', () => {
    const r = ok<AmendRecordData>(em.run('voidRecord', { clientCode: 'C-0001', record: refOf(listed[0]), reason: 'client typed the wrong code' }));
    expect(r.voidedRow).toBe(listed[0].row);
    expect(table(em, 'PHQ-9')[listed[0].row - 2].Voided).toBe(r.voided);
    expect(alertsOf(em)).not.toContain('Safety');
    expect(supervisionOf(em)).not.toContain('Safety');
  });

  test('the Audit row says a form response was voided, naming its Source and that it stays imported', () => {
    const audit = table(em, 'Audit').pop()!;
    expect(audit.Action).toBe('voidRecord');
    expect(String(audit.Summary)).toMatch(/^Voided PHQ-9 completed on a form \(2026-11-23\): client typed the wrong code; PHQ-9 of 2026-11-23 \(completed on a form\), total 14, .*\(imported from form:Form Responses 1!2 @ .*; the row keeps this Source, so importing again does not bring the response back\) → voided$/);
  });

  test('the form list no longer offers it', () => {
    expect(records(em, 'C-0001', null)).toEqual([]);
  });

  test('importing again brings nothing back and changes nothing', () => {
    const before = em.exportState();
    const again = ok<FormImportData>(em.run('importFormResponses', {}));
    expect(again.links[0].imported).toBe(0);
    expect(again.links[0].rejected.map((x) => x.reason)).toEqual([expect.stringMatching(/^already imported/)]);
    expect(stateDiff(before, em.exportState())).toEqual([]);
  });
});

describe('a PHQ-9 completed on a form, corrected', () => {
  const em = formClinic();
  const [phq] = records(em, 'C-0001', null);
  const input = { clientCode: 'C-0001', record: refOf(phq), reason: 'client misread item 9', correction: { items: [2, 2, 2, 1, 1, 2, 1, 1, 0] } };

  test('the corrected row keeps the Source and the blank Session, and the alert goes', () => {
    const r = ok<AmendRecordData>(em.run('correctRecord', input));
    const row = table(em, 'PHQ-9')[r.correctedRow! - 2];
    expect(row).toMatchObject({ Client: 'C-0001', Session: '', 'Item 9': 0, Total: 12, Voided: '', Source: phq.source });
    expect(alertsOf(em)).not.toContain('Safety');
  });

  test('the form list now offers the corrected row instead', () => {
    expect(records(em, 'C-0001', null).map((r) => [r.session, r.total, r.source])).toEqual([[null, 12, phq.source]]);
  });

  test('importing again brings nothing back', () => {
    const rows = table(em, 'PHQ-9').length;
    expect(ok<FormImportData>(em.run('importFormResponses', {})).links[0].imported).toBe(0);
    expect(table(em, 'PHQ-9')).toHaveLength(rows);
  });

  test('a retry writes nothing', () => {
    const before = em.exportState();
    expect((em.run('correctRecord', input) as { ok: boolean }).ok).toBe(true);
    expect(stateDiff(before, em.exportState())).toEqual([]);
  });
});

describe('refusals on a record without a session', () => {
  const em = formClinic();
  const [phq] = records(em, 'C-0001', null);

  test('a session row named without a session number is refused on record.session, nothing written', () => {
    const before = em.exportState();
    const r = em.run('voidRecord', { clientCode: 'C-0001', record: { ...refOf(phq), kind: 'session', instrument: null }, reason: 'x' }) as Failed;
    expect(r.ok).toBe(false);
    expect(r.errors['record.session']).toBe('Expected the session number of a session row (only a measure can be without a session); got null. Reopen the client and choose the record again');
    expect(stateDiff(before, em.exportState())).toEqual([]);
  });

  test('asking for session 0 is refused on the field, saying how to ask for the form rows', () => {
    const r = em.run('getSessionRecords', 'C-0001', 0) as Failed;
    expect(r.ok).toBe(false);
    expect(r.errors.session).toBe('Expected a session number (1, 2, 3 …), or null for the measures completed on a form; got 0. Choose a session from the list');
  });

  test('the form row named with a session number is not found: a blank Session is never a session', () => {
    const r = em.run('voidRecord', { clientCode: 'C-0001', record: { ...refOf(phq), session: 1 }, reason: 'x' }) as Failed;
    expect(r.ok).toBe(false);
    expect(r.errors.record).toMatch(/no row of C-0001 on the "PHQ-9" tab holds it now/);
  });
});

describe("a clinic instrument's row", () => {
  const cells = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'templates', 'instruments', 'phq9-jacobson-truax.json'), 'utf8')).cells as Record<string, unknown>;
  const name = String(cells.Name);
  const id = clinicId(name);
  const em = setUp();
  bulkRows(em, 'Instruments', [cells]);
  em.run('setupSpreadsheet');
  setSetting(em, `instrument.${id}`, true);
  em.run('setupSpreadsheet');
  ok(em.run('addClient', client('C-0300')));
  const ids = ok<{ goals: { id: string }[] }>(em.run('savePlan', fiveGoalPlan('C-0300'))).goals.map((g) => g.id);
  ok(em.run('recordSession', session('C-0300', ids, { measures: [{ instrument: id, items: [1, 1, 1, 1, 1, 1, 1, 1, 0] }] })));
  ok(em.run('recordSession', session('C-0300', ids, { date: '2026-01-19', measures: [{ instrument: id, items: [2, 2, 2, 2, 2, 2, 2, 2, 0] }] })));
  const mine = (n: number) => records(em, 'C-0300', n).filter((r) => r.kind === 'measure' && r.instrument === id);

  test("is listed in its session's records, named and summed by its definition", () => {
    expect(mine(1)).toEqual([expect.objectContaining({ instrumentName: name, session: 1, total: 8, items: [1, 1, 1, 1, 1, 1, 1, 1, 0] })]);
  });

  test('is voided: its Voided cell is marked', () => {
    const [row] = mine(1);
    const r = ok<AmendRecordData>(em.run('voidRecord', { clientCode: 'C-0300', record: refOf(row), reason: 'wrong client' }));
    expect(em.spreadsheet.getSheetByName(name)!.getRange(r.voidedRow, headerCols(em, name).get('Voided')!).getValue()).toBe(r.voided);
    expect(mine(1)).toEqual([]);
  });

  test('a correction out of its item range is refused beside the item, nothing written', () => {
    const [row] = mine(2);
    const before = em.exportState();
    const r = em.run('correctRecord', { clientCode: 'C-0300', record: refOf(row), reason: 'typo', correction: { items: [4, 2, 2, 2, 2, 2, 2, 2, 0] } }) as Failed;
    expect(r.ok).toBe(false);
    expect(r.errors['correction.items.0']).toMatch(/0.*3/);
    expect(stateDiff(before, em.exportState())).toEqual([]);
  });

  test('is corrected: the corrected row is on its tab with its own formulas', () => {
    const [row] = mine(2);
    const r = ok<AmendRecordData>(em.run('correctRecord', { clientCode: 'C-0300', record: refOf(row), reason: 'typo', correction: { items: [3, 2, 2, 2, 2, 2, 2, 2, 0] } }));
    const tab = em.spreadsheet.getSheetByName(name)!;
    const cols = headerCols(em, name);
    expect([tab.getRange(r.correctedRow!, cols.get('Total')!).getValue(), tab.getRange(r.correctedRow!, cols.get('Session')!).getValue()]).toEqual([17, 2]);
    expect(mine(2).map((x) => x.total)).toEqual([17]);
  });
});
