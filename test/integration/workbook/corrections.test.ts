// Correct, never erase (issue 13): voidRecord and correctRecord mark the row in Voided and append the corrected row, the alerts tab, Supervision and the server's reads then ignore the voided row, a retry writes nothing, a row moved by hand is found by its identity or refused, and setClientStatus pauses, reactivates and discharges.
import type { Emulator } from '../../../emulator';
import type { AmendRecordData, ClientDetail, ClientSummary, RecordSessionData, SessionRecordsData } from '../../../src/contract';
import { client, fiveGoalPlan, headerCols, ok, session, setUp, tabRows } from '../../../kit/workbook';
import { columnLetters } from '../../../src/sheets/a1';
import { stateDiff } from '../state-diff';

jest.setTimeout(300_000);

type Failed = { ok: false; message: string; errors: Record<string, string> };

const ITEM9 = 'PHQ-9 item 9 (self-harm thoughts) endorsed: review risk now';

/** C-0001 with a five-goal plan, session 1 (PHQ-9 item 9 = 0) and session 2 on 2026-01-19 (PHQ-9 item 9 = 2). */
function clinic(): { em: Emulator; ids: string[] } {
  const em = setUp();
  ok(em.run('addClient', client('C-0001')));
  const ids = ok<{ goals: { id: string }[] }>(em.run('savePlan', fiveGoalPlan('C-0001'))).goals.map((g) => g.id);
  ok<RecordSessionData>(em.run('recordSession', session('C-0001', ids)));
  ok<RecordSessionData>(em.run('recordSession', session('C-0001', ids, { date: '2026-01-19', measures: [{ instrument: 'phq9', items: [2, 2, 2, 1, 1, 2, 1, 1, 2] }] })));
  return { em, ids };
}

const table = tabRows;

const alertsOf = (em: Emulator) => table(em, 'Attain alerts').find((r) => r.Client === 'C-0001')!;
const supervisionOf = (em: Emulator) => table(em, 'Supervision', 3).find((r) => r.Client === 'C-0001');
const records = (em: Emulator, n: number) => ok<SessionRecordsData>(em.run('getSessionRecords', 'C-0001', n)).records;
const refOf = (r: SessionRecordsData['records'][number]) => ({ kind: r.kind, instrument: r.instrument || null, row: r.row, date: r.date, session: r.session, goalId: r.goalId || null });
const cellAt = (em: Emulator, tab: string, header: string, row: number) => em.spreadsheet.getSheetByName(tab)!.getRange(`${columnLetters(headerCols(em, tab).get(header)!)}${row}`).getValue();

describe('voiding the PHQ-9 with item 9 = 2', () => {
  const { em } = clinic();
  const phq = records(em, 2).find((r) => r.kind === 'measure' && r.instrument === 'phq9')!;

  test('before: the alerts tab and Supervision carry the safety alert', () => {
    expect(String(alertsOf(em).Alerts)).toContain(`Safety: ${ITEM9}`);
    expect(String(supervisionOf(em)!.Alerts)).toContain(`Safety: ${ITEM9}`);
  });

  test('marks the row in Voided in plain words, keeps its items, and blanks its total and flag', () => {
    const r = ok<AmendRecordData>(em.run('voidRecord', { clientCode: 'C-0001', record: refOf(phq), reason: 'entered on the wrong client' }));
    expect(r.voidedRow).toBe(phq.row);
    expect(r.voided).toMatch(/^Voided \d{4}-\d{2}-\d{2} by .+: entered on the wrong client$/);
    expect(cellAt(em, 'PHQ-9', 'Voided', phq.row)).toBe(r.voided);
    // Client, Date, Session, then items 1–9: item 9 is column 12.
    expect(em.spreadsheet.getSheetByName('PHQ-9')!.getRange(phq.row, 12).getValue()).toBe(2);
    expect(cellAt(em, 'PHQ-9', 'Total', phq.row)).toBe('');
    expect(cellAt(em, 'PHQ-9', 'Safety flag', phq.row)).toBe('');
  });

  test('the safety alert is gone from the alerts tab and Supervision; the latest PHQ-9 is the live one', () => {
    expect(String(alertsOf(em).Alerts)).not.toContain('Safety');
    expect(String(supervisionOf(em)!.Alerts)).not.toContain('Safety');
    expect(alertsOf(em)['PHQ-9 latest']).toBe(8);
  });

  test('the session list no longer offers the voided row', () => {
    expect(records(em, 2).some((r) => r.row === phq.row && r.kind === 'measure')).toBe(false);
  });

  test('a retry writes nothing and says the void had already landed', () => {
    const before = em.exportState();
    const again = em.run('voidRecord', { clientCode: 'C-0001', record: refOf(phq), reason: 'entered on the wrong client' }) as { ok: true; notice?: string };
    expect(again.ok).toBe(true);
    expect(again.notice).toMatch(/had already reached the spreadsheet/);
    expect(stateDiff(before, em.exportState())).toEqual([]);
  });

  test('voiding it again for another reason is refused on the record, naming what the row already says', () => {
    const r = em.run('voidRecord', { clientCode: 'C-0001', record: refOf(phq), reason: 'another reason' }) as Failed;
    expect(r.ok).toBe(false);
    expect(r.errors.record).toMatch(/already marked "Voided/);
  });
});

describe('voiding a session', () => {
  const { em } = clinic();
  const s2 = records(em, 2).find((r) => r.kind === 'session')!;

  test('lowers the attended count on the alerts tab and in the client reply, and changes only Voided and Audit', () => {
    expect(alertsOf(em).Sessions).toBe(2);
    const before = em.exportState();
    const auditRows = em.spreadsheet.getSheetByName('Audit')!.getLastRow();
    const r = ok<AmendRecordData>(em.run('voidRecord', { clientCode: 'C-0001', record: refOf(s2), reason: 'pressed Save twice' }));
    expect(r.detail.sessions.map((s) => s.number)).toEqual([1]);
    expect(alertsOf(em).Sessions).toBe(1);
    const changed = stateDiff(before, em.exportState()).map((l) => l.slice(0, l.indexOf(': ')));
    const voidedCell = `Sessions!${columnLetters(headerCols(em, 'Sessions').get('Voided')!)}${s2.row}`;
    expect(changed.filter((a) => !a.startsWith(`Audit!`))).toEqual([voidedCell]);
    expect(new Set(changed.filter((a) => a.startsWith('Audit!')).map((a) => a.replace(/^Audit![A-Z]+/, ''))).size).toBe(1);
    expect(changed.some((a) => a.endsWith(String(auditRows + 1)))).toBe(true);
    expect(ok<ClientDetail>(em.run('getClient', 'C-0001')).client.sessions).toBe(1);
  });
});

describe('correcting a rating', () => {
  const { em, ids } = clinic();
  const rating = records(em, 2).find((r) => r.kind === 'rating' && r.goalId === ids[1])!;
  const input = { clientCode: 'C-0001', record: refOf(rating), reason: 'misheard the client', correction: { rating: 9, gasLevel: 1 } };

  test('voids the old row, appends the corrected one, and the client reply shows the corrected rating', () => {
    const last = em.spreadsheet.getSheetByName('Ratings')!.getLastRow();
    const r = ok<AmendRecordData>(em.run('correctRecord', input));
    expect(r.correctedRow).toBe(last + 1);
    expect(r.voided).toMatch(new RegExp(`^Corrected \\d{4}-\\d{2}-\\d{2} by .+: misheard the client; see row ${last + 1}$`));
    expect(cellAt(em, 'Ratings', 'Rating (0–10)', last + 1)).toBe(9);
    expect(cellAt(em, 'Ratings', 'Voided', last + 1)).toBe('');
    expect(r.detail.latestGas.find((g) => g.goalId === ids[1])).toEqual({ goalId: ids[1], level: 1, rating: 9 });
    expect(ok<ClientDetail>(em.run('getClient', 'C-0001')).latestGas.find((g) => g.goalId === ids[1])).toEqual({ goalId: ids[1], level: 1, rating: 9 });
    const audit = table(em, 'Audit').pop()!;
    expect(audit.Action).toBe('correctRecord');
    expect(String(audit.Summary)).toMatch(/rating 5, GAS level -1 → Goal .*: rating 9, GAS level 1 \(row \d+\)$/);
  });

  test('a retry writes nothing', () => {
    const before = em.exportState();
    expect((em.run('correctRecord', input) as { ok: boolean }).ok).toBe(true);
    expect(stateDiff(before, em.exportState())).toEqual([]);
  });
});

describe('a row moved by hand', () => {
  test('is found by its identity (client, date, session, goal) and the right row is voided', () => {
    const { em, ids } = clinic();
    const rating = records(em, 1).find((r) => r.kind === 'rating' && r.goalId === ids[0])!;
    // A clinician inserts a row above it by hand: the record now sits one row lower.
    em.spreadsheet.getSheetByName('Ratings')!.insertRowsBefore(2, 1);
    const r = ok<AmendRecordData>(em.run('voidRecord', { clientCode: 'C-0001', record: refOf(rating), reason: 'wrong goal' }));
    expect(r.voidedRow).toBe(rating.row + 1);
    expect(cellAt(em, 'Ratings', 'Goal ID', rating.row + 1)).toBe(ids[0]);
    expect(cellAt(em, 'Ratings', 'Voided', rating.row + 1)).toMatch(/^Voided /);
  });

  test('whose identity no longer matches any row is refused on the record, and nothing is written', () => {
    const { em } = clinic();
    const s1 = records(em, 1).find((r) => r.kind === 'session')!;
    const before = em.exportState();
    const r = em.run('voidRecord', { clientCode: 'C-0001', record: { ...refOf(s1), date: '2025-12-31' }, reason: 'wrong date' }) as Failed;
    expect(r.ok).toBe(false);
    expect(r.errors.record).toMatch(/no row of C-0001 on the "Sessions" tab holds it now/);
    expect(stateDiff(before, em.exportState())).toEqual([]);
  });
});

describe('client status', () => {
  const { em } = clinic();

  test('pausing takes the client off Supervision and writes Audit before → after; reactivating brings them back', () => {
    const paused = ok<ClientSummary>(em.run('setClientStatus', { clientCode: 'C-0001', status: 'paused', reason: 'travelling' }));
    expect(paused.status).toBe('paused');
    expect(supervisionOf(em)).toBeUndefined();
    expect(String(table(em, 'Audit').pop()!.Summary)).toBe('Status active → paused: travelling');
    ok(em.run('setClientStatus', { clientCode: 'C-0001', status: 'active' }));
    expect(supervisionOf(em)).toBeDefined();
  });

  test('discharging sets the Clients status; the same status again writes nothing', () => {
    ok(em.run('setClientStatus', { clientCode: 'C-0001', status: 'discharged' }));
    expect(table(em, 'Clients').find((r) => r['Client code'] === 'C-0001')!.Status).toBe('discharged');
    const before = em.exportState();
    ok(em.run('setClientStatus', { clientCode: 'C-0001', status: 'discharged' }));
    expect(stateDiff(before, em.exportState())).toEqual([]);
  });
});

describe('a workbook set up before the Voided column', () => {
  test('setup adds it and wraps the existing Total and Safety flag formulas in the void guard, keeping the rest of each formula', () => {
    const { em } = clinic();
    const sheet = em.spreadsheet.getSheetByName('PHQ-9')!;
    const cols = headerCols(em, 'PHQ-9');
    const [t, f, v, src] = ['Total', 'Safety flag', 'Voided', 'Source'].map((h) => cols.get(h)!);
    const guarded = [2, 3].map((r) => [t, f].map((c) => sheet.getRange(r, c).getFormula()));
    // An older workbook: no Voided header (nor the later Source beside it), and formulas without the guard.
    const unguard = (x: string) => x.replace(/^=IF\([A-Z]+\d+<>"","",(.*)\)$/, '=$1');
    for (const r of [2, 3]) for (const c of [t, f]) sheet.getRange(r, c).setFormula(unguard(sheet.getRange(r, c).getFormula()));
    // Every header from Voided on (Source and the later order columns with it) blank, as before those columns existed.
    const width = sheet.getLastColumn();
    sheet.getRange(1, v, 1, width - v + 1).setValues([new Array(width - v + 1).fill('')]);
    expect(src).toBe(v + 1);
    expect(sheet.getRange(2, t).getFormula()).not.toMatch(/<>""/);
    em.run('setupSpreadsheet');
    expect(sheet.getRange(1, v).getValue()).toBe('Voided');
    expect([2, 3].map((r) => [t, f].map((c) => sheet.getRange(r, c).getFormula()))).toEqual(guarded);
    expect(em.formulaErrors()).toEqual([]);
  });
});
