// Questionnaires clients fill in themselves (issue 15): a linked Form responses tab is previewed and imported into PHQ-9 rows — the batch imports exactly one row, the safety alert first and four reasons listed, nothing else changed — twice imports nothing new, and the responses tab is never touched.
import type { Emulator } from '../../../emulator';
import type { CheckReport, FormImportData } from '../../../src/contract';
import { client, formResponses, type FormRow, headerCols, ok, setSetting, setUp, tabRows } from '../../../kit/workbook';
import { stateDiff } from '../state-diff';

jest.setTimeout(300_000);

const ITEM9 = 'PHQ-9 item 9 (self-harm thoughts) endorsed: review risk now';
const TAB = 'Form Responses 1';

const table = tabRows;
const responsesTab = (em: Emulator) => JSON.stringify(em.exportState().sheets.find((s) => s.name === TAB));

/** C-0001 and C-0002 on Clients, the form linked in Settings, and C-0001's first response already imported. */
function clinic(): Emulator {
  const em = setUp();
  ok(em.run('addClient', client('C-0001')));
  ok(em.run('addClient', client('C-0002')));
  setSetting(em, 'forms.links', `${TAB} = PHQ-9`);
  formResponses(em, TAB, [{ at: '2026-11-23 09:30:00', code: 'C-0001', answers: [1, 1, 1, 1, 1, 1, 1, 1, 0] }]);
  expect(ok<FormImportData>(em.run('importFormResponses', {})).links[0].imported).toBe(1);
  return em;
}

/**
 * The batch, as Google Forms appended it below the response imported last week (the duplicate: already imported): one valid
 * response, one with an unknown code, one with an item out of range, and one answering PHQ-9 item 9 with 2 that cannot be imported yet
 * (item 4 left blank) — so exactly one row imports, its safety alert comes first, and four responses are listed with their reasons.
 */
const BATCH: FormRow[] = [
  { at: '2026-11-30 10:00:00', code: 'c-0002 ', answers: [2, 2, 1, 1, 0, 1, 1, 0, 0] },
  { at: '2026-11-30 10:05:00', code: 'X-0999', answers: [1, 1, 1, 1, 1, 1, 1, 1, 0] },
  { at: '2026-11-30 10:10:00', code: 'C-0001', answers: [1, 1, '7', 1, 1, 1, 1, 1, 0] },
  { at: '2026-11-30 10:15:00', code: 'C-0001', answers: [3, 3, 2, '', 2, 3, 2, 2, 2] },
];

describe('the issue batch: one valid, one unknown code, one out of range, one duplicate, one PHQ-9 item 9 = 2', () => {
  const em = clinic();
  formResponses(em, TAB, BATCH);
  const phqBefore = table(em, 'PHQ-9').length;
  const before = em.exportState();
  const responses = responsesTab(em);
  const preview = ok<FormImportData>(em.run('previewFormImport'));
  const afterPreview = em.exportState();

  test('the preview says what it understood and would import one, writing nothing', () => {
    expect(preview.done).toBe(false);
    expect(preview.links[0].understood).toEqual([
      `"${TAB}" feeds the PHQ-9 tab`,
      'Timestamp: column A "Timestamp"',
      'Client code: column B "Your client code"',
      'PHQ-9 items 1–9: C, D, E, F, G, H, I, J, K (by the item number in each question)',
    ]);
    expect(preview.links[0].importable).toBe(1);
    expect(stateDiff(before, afterPreview)).toEqual([]);
  });

  const done = ok<FormImportData>(em.run('importFormResponses', { requestId: 'form-import-0001' }));
  const after = em.exportState();

  test('exactly one row is imported', () => {
    expect(done.links[0].imported).toBe(1);
    expect(table(em, 'PHQ-9').length).toBe(phqBefore + 1);
    expect(done.summary).toMatch(/^Imported 1 response; 4 not imported/);
  });

  test('the safety alert is shown first: item 9 = 2, with why that response is not imported yet', () => {
    expect(done.safety).toHaveLength(1);
    expect(done.safety[0]).toMatch(new RegExp(`^SAFETY — C-0001, ${TAB} row 6 \\(2026-11-30 10:15\\): ${ITEM9.replace(/[()]/g, '\\$&')}\\. NOT imported \\(item 4 unanswered\\)`));
  });

  test('four reasons are listed, one per response not imported', () => {
    expect(done.links[0].rejected.map((r) => [r.row, r.code, r.reason.split(/[:(]/)[0].trim()])).toEqual([
      [2, 'C-0001', 'already imported'],
      [4, 'X-0999', 'client code "X-0999" is not on the Clients tab'],
      [5, 'C-0001', 'item 3 is 7, out of range'],
      [6, 'C-0001', 'item 4 unanswered'],
    ]);
  });

  test('the row is written as a session writes one: the code as Clients has it, the date, the items, native formulas, Session blank, Source naming the response', () => {
    const row = table(em, 'PHQ-9').at(-1)!;
    expect(row).toMatchObject({ Client: 'C-0002', Session: '', 'Item 1': 2, 'Item 9': 0, Total: 8, Band: 'Mild', 'Safety flag': '', Voided: '' });
    expect(String(row.Source)).toMatch(/^form:Form Responses 1!3 @ 2026-11-30T\d{2}:00:00Z C-0002$/);
    const sheet = em.spreadsheet.getSheetByName('PHQ-9')!;
    const last = sheet.getLastRow();
    expect(sheet.getRange(last, headerCols(em, 'PHQ-9').get('Total')!).getFormula()).toMatch(/^=IF\(/);
  });

  test('nothing else changed: only the PHQ-9 row and Audit rows, and the responses tab is untouched', () => {
    const lines = stateDiff(before, after);
    const tabs = new Set(lines.map((l) => l.split('!')[0]));
    expect([...tabs].sort()).toEqual(['Audit', 'PHQ-9']);
    expect(JSON.stringify(after.sheets.find((x) => x.name === TAB))).toBe(responses);
    const audit = table(em, 'Audit').filter((r) => r.Request === 'form-import-0001');
    expect(audit.map((r) => [r.Action, r.Client])).toEqual([['importFormResponse', 'C-0002']]);
  });

  test('running it again imports nothing new and changes nothing', () => {
    const again = ok<FormImportData>(em.run('importFormResponses', {}));
    expect(again.links[0].imported).toBe(0);
    expect(again.links[0].rejected).toHaveLength(5);
    expect(stateDiff(after, em.exportState())).toEqual([]);
  });

  test('a response fixed on its tab imports on the next run (a refused response stays available)', () => {
    const sheet = em.spreadsheet.getSheetByName(TAB)!;
    sheet.getRange('B4').setValue('C-0001');
    const next = ok<FormImportData>(em.run('importFormResponses', {}));
    expect(next.links[0].imported).toBe(1);
    expect(table(em, 'PHQ-9').at(-1)!.Client).toBe('C-0001');
  });
});

describe('a PHQ-9 item 9 answer above 0 that passes every check', () => {
  const em = clinic();
  formResponses(em, TAB, [{ at: '2026-11-30 11:00:00', code: 'C-0002', answers: [2, 2, 2, 1, 1, 2, 1, 1, 2] }]);
  const done = ok<FormImportData>(em.run('importFormResponses', {}));

  test('heads the summary as imported, and its row raises the alert as a session row does', () => {
    expect(done.safety).toEqual([`SAFETY — C-0002, ${TAB} row 3 (2026-11-30 11:00): ${ITEM9}. Imported: the PHQ-9 tab's Safety flag and the alerts show it.`]);
    expect(table(em, 'PHQ-9').at(-1)!['Safety flag']).toBe(ITEM9);
    expect(String(table(em, 'Attain alerts').find((r) => r.Client === 'C-0002')!.Alerts)).toContain(`Safety: ${ITEM9}`);
    expect(String(table(em, 'Supervision', 3).find((r) => r.Client === 'C-0002')!.Alerts)).toContain(`Safety: ${ITEM9}`);
  });
});

describe('refusals before anything is read', () => {
  test('no link in Settings: the message says where to type one', () => {
    const em = setUp();
    const r = em.run('previewFormImport') as { ok: false; message: string };
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/No form is linked yet.*Form links/);
  });

  test('a link to a tab that is not there is reported on the link, and nothing is written', () => {
    const em = setUp();
    setSetting(em, 'forms.links', 'Form Responses 9 = PHQ-9');
    const before = em.exportState();
    const r = ok<FormImportData>(em.run('importFormResponses', {}));
    expect(r.links[0].problem).toMatch(/Expected a tab named "Form Responses 9"/);
    expect(stateDiff(before, em.exportState())).toEqual([]);
  });
});

describe('Check this spreadsheet reads the links as import does', () => {
  test('a good link is no problem; a link to a missing tab and one to an unknown measure are listed under Settings ▸ Form links', () => {
    const em = clinic();
    expect(ok<CheckReport>(em.run('checkSpreadsheet')).problems.filter((p) => p.where.startsWith('Form links'))).toEqual([]);
    setSetting(em, 'forms.links', `${TAB} = PHQ-9; Form Responses 9 = PHQ-9; ${TAB}x = PHQ-10`);
    const listed = ok<CheckReport>(em.run('checkSpreadsheet')).problems.filter((p) => p.where.startsWith('Form links'));
    expect(listed.map((p) => [p.tab, p.where, p.problem])).toEqual([
      ['Settings', 'Form links: Form Responses 9', 'Expected a tab named "Form Responses 9" (the form\'s responses tab); there is none.'],
      ['Settings', `Form links: ${TAB}x`, '"PHQ-10" is not a measure Attain knows.'],
    ]);
  });
});
