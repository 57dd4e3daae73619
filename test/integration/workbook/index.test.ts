// The hidden index's last-row formulas: appends land below every used row (hand-typed ones too) without a getLastRow, and an index of the first layout is never misread.
import { client, fiveGoalPlan, measure, ok, session, setUp } from '../../../kit/workbook';

const indexRow = (em: ReturnType<typeof setUp>, tab: string) => em.spreadsheet.getSheetByName('Attain index')!.getDataRange().getValues().find((r) => r[0] === tab)!;

describe('the index knows every tab’s last used row', () => {
  test('the last row follows appends and hand-typed rows, whichever column they fill', () => {
    const em = setUp();
    expect(indexRow(em, 'Sessions')[1]).toBe(1);
    ok(em.run('addClient', client('C-0001')));
    const goals = ok<{ goals: { id: string }[] }>(em.run('savePlan', fiveGoalPlan('C-0001'))).goals.map((g) => g.id);
    ok(em.run('recordSession', session('C-0001', goals)));
    expect(indexRow(em, 'Sessions')[1]).toBe(2);
    // A row typed by hand two rows further down, with only a note (no client code).
    em.spreadsheet.getSheetByName('Sessions')!.getRange('F4').setValue('phoned to rearrange');
    expect(indexRow(em, 'Sessions')[1]).toBe(4);
  });

  test('a hand-typed row with a blank client cell is never overwritten: the next session goes below it', () => {
    const em = setUp();
    ok(em.run('addClient', client('C-0001')));
    const goals = ok<{ goals: { id: string }[] }>(em.run('savePlan', fiveGoalPlan('C-0001'))).goals.map((g) => g.id);
    const sessions = em.spreadsheet.getSheetByName('Sessions')!;
    sessions.getRange('B2:F2').setValues([[46000, 1, 'Dr Hand', true, 'typed by hand, client left blank']]);
    const calls = measure(em, () => ok(em.run('recordSession', session('C-0001', goals))));
    expect(calls.log.filter((c) => c.endsWith('.getLastRow'))).toEqual([]);
    // Client, session, clinician, attended, note (dates read back as Date objects).
    expect(sessions.getRange('A2:F3').getValues().map((r) => [r[0], ...r.slice(2)])).toEqual([
      ['', 1, 'Dr Hand', true, 'typed by hand, client left blank'],
      ['C-0001', 1, 'Dr Rivera', true, 'Went well'],
    ]);
  });

  test('an index of the first layout (positions only, no header) is ignored: actions read the header rows and append correctly', () => {
    const em = setUp();
    ok(em.run('addClient', client('C-0001')));
    const index = em.spreadsheet.getSheetByName('Attain index')!;
    // The first layout: a tab name, then positions from column B. Read as this layout it would put every column two places off.
    index.getRange(1, 1, index.getMaxRows(), index.getMaxColumns()).clearContent();
    index.getRange('A1:G1').setValues([['Clients', 1, 2, 3, 4, 5, '']]);
    ok(em.run('addClient', client('C-0002')));
    expect(em.spreadsheet.getSheetByName('Clients')!.getRange('A2:B3').getValues()).toEqual([
      ['C-0001', 'Dr Rivera'],
      ['C-0002', 'Dr Rivera'],
    ]);
    // Setup brings the index to this layout again.
    em.run('setupSpreadsheet');
    expect(index.getRange('A1').getValue()).toBe('Attain index v2');
    // Last row 3, width covered 6 (Clients' sixth column, "Code is not a name", is optional).
    expect(indexRow(em, 'Clients').slice(1, 3)).toEqual([3, 6]);
  });
});
