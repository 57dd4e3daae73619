// Hand edits to the shape Attain gave the workbook (issue 11, Deliver 2, 3, 7): a title or blank row above a header, a deleted
// header row, an Attain header name in two columns, a clinic's own tab of an Attain name. Setup and the actions refuse with a
// message naming the tab, the row and the fix, and the whole workbook (every cell, note, format, validation, protection,
// property) is exactly as before; the fix the message names then works.
import type { Emulator } from '../../../emulator';
import { client, emulator, fiveGoalPlan, ok, session, setUp } from '../../../kit/workbook';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function tab(em: Emulator, name: string): Sheet {
  const s = em.spreadsheet.getSheetByName(name);
  if (!s) throw new Error(`Expected a tab ${name}`);
  return s;
}

/** Runs `fn` (setup, which throws, or an action, which answers ok:false) and returns its message; fails when it succeeded. */
function refusal(fn: () => unknown): string {
  let r: unknown;
  try {
    r = fn();
  } catch (e) {
    return (e as Error).message;
  }
  const res = r as { ok?: boolean; message?: string };
  if (res && res.ok === false) return String(res.message);
  throw new Error(`Expected a refusal; got ${JSON.stringify(r).slice(0, 300)}`);
}

/** Asserts `fn` is refused with a message matching every pattern, and that the whole workbook is unchanged. */
function refusedUnchanged(em: Emulator, fn: () => unknown, ...patterns: RegExp[]): string {
  const before = JSON.stringify(em.exportState());
  const message = refusal(fn);
  for (const p of patterns) expect(message).toMatch(p);
  expect(JSON.stringify(em.exportState())).toBe(before);
  return message;
}

const setup = (em: Emulator) => () => em.run('setupSpreadsheet');

/** A set-up workbook with two clients, C-0001 with a plan and a session. */
function withCaseload(): { em: Emulator; goalIds: string[] } {
  const em = setUp();
  ok(em.run('addClient', client('C-0001')));
  ok(em.run('addClient', client('C-0002')));
  const plan = ok<{ goals: { id: string }[] }>(em.run('savePlan', fiveGoalPlan('C-0001')));
  const goalIds = plan.goals.map((g) => g.id);
  ok(em.run('recordSession', session('C-0001', goalIds)));
  return { em, goalIds };
}

describe('a title row inserted above a header', () => {
  test('setup and actions refuse, naming the tab, the row and the fix; nothing changes; deleting the row fixes it', () => {
    const { em, goalIds } = withCaseload();
    const goals = tab(em, 'Goals');
    goals.insertRowBefore(1);
    goals.getRange('A1').setValue('Goals — spring clinic');
    refusedUnchanged(em, setup(em), /"Goals" tab's header is in row 2, not row 1/, /Delete the row above it/, /Set up this spreadsheet again/);
    refusedUnchanged(em, () => em.run('savePlan', fiveGoalPlan('C-0002')), /"Goals" tab's header is in row 2/);
    refusedUnchanged(em, () => em.run('recordSession', session('C-0001', goalIds)), /"Goals" tab's header is in row 2/);

    goals.deleteRow(1);
    em.run('setupSpreadsheet');
    ok(em.run('savePlan', fiveGoalPlan('C-0002')));
    const status = goals.getRange(1, 1, 1, goals.getLastColumn()).getValues()[0].indexOf('Status') + 1;
    expect(goals.getRange(2, status, 10, 1).getValues().flat()).toEqual(new Array(10).fill('active'));
  });

  test('two title rows: the message counts them', () => {
    const { em } = withCaseload();
    tab(em, 'Sessions').insertRowsBefore(1, 2);
    tab(em, 'Sessions').getRange('A1').setValue('Sessions');
    refusedUnchanged(em, setup(em), /"Sessions" tab's header is in row 3, not row 1/, /Delete the 2 rows above it/);
    refusedUnchanged(em, () => em.run('recordSession', session('C-0002', [])), /"Sessions" tab's header is in row 3/);
  });
});

describe('a blank row above a header', () => {
  test('setup and addClient refuse; nothing changes', () => {
    const { em } = withCaseload();
    tab(em, 'Clients').insertRowBefore(1);
    refusedUnchanged(em, setup(em), /"Clients" tab's header is in row 2, not row 1/, /Delete the row above it/);
    refusedUnchanged(em, () => em.run('addClient', client('C-0003')), /"Clients" tab's header is in row 2/);
  });
});

describe('a deleted header row', () => {
  test("a client's row is never taken for the header: setup and addClient refuse; nothing changes", () => {
    const { em } = withCaseload();
    tab(em, 'Clients').deleteRow(1);
    refusedUnchanged(em, setup(em), /"Clients" tab's row 1 is not Attain's header/, /Version history/, /rename it/);
    refusedUnchanged(em, () => em.run('addClient', client('C-0003')), /"Clients" tab's row 1 is not Attain's header/);
  });
});

describe('an Attain header name in two columns', () => {
  test('a copy to the right of Attain\'s: setup and savePlan refuse; nothing changes', () => {
    const { em } = withCaseload();
    const goals = tab(em, 'Goals');
    const last = goals.getLastColumn();
    goals.insertColumnAfter(last);
    goals.getRange(1, last + 1).setValue('Status');
    refusedUnchanged(em, setup(em), /"Goals" tab's header \(row 1\) has "Status" in 2 columns/, /Rename the clinic's copy/);
    refusedUnchanged(em, () => em.run('savePlan', fiveGoalPlan('C-0002')), /"Goals" tab's header \(row 1\) has "Status" in 2 columns/);
  });

  test("a clinic's column with an Attain name to the left of Attain's is never written into", () => {
    const { em, goalIds } = withCaseload();
    const sessions = tab(em, 'Sessions');
    sessions.insertColumnBefore(1);
    sessions.getRange('A1:A3').setValues([['Client'], ['Alex Smith'], ['']]);
    refusedUnchanged(em, () => em.run('recordSession', session('C-0001', goalIds)), /"Sessions" tab's header \(row 1\) has "Client" in 2 columns \(A, B\)/);
    refusedUnchanged(em, setup(em), /"Sessions" tab's header \(row 1\) has "Client" in 2 columns/);
  });
});

describe("a clinic's own tab with an Attain name", () => {
  /** A spreadsheet that is not set up, with the clinic's own "Clients" tab of names and phone numbers. */
  function clinicClients(): Emulator {
    const em = emulator();
    const own = em.spreadsheet.insertSheet('Clients');
    own.getRange('A1:C3').setValues([
      ['Name', 'Phone', 'Status'],
      ['Alex Smith', '07700 900123', 'active'],
      ['Sam Jones', '07700 900456', 'waiting'],
    ]);
    return em;
  }

  test('setup refuses and suggests renaming; nothing of the workbook changes', () => {
    const em = clinicClients();
    refusedUnchanged(em, setup(em), /"Clients" tab's row 1 is not Attain's header/, /rename it \(for example "Clients \(clinic\)"\)/);
  });

  test('addClient refuses and writes nothing beside the names', () => {
    const em = clinicClients();
    refusedUnchanged(em, () => em.run('addClient', client('C-0001')), /Clients/);
  });

  test('after renaming it, setup makes its own Clients tab and the clinic\'s stays as it was', () => {
    const em = clinicClients();
    tab(em, 'Clients').setName('Clients (clinic)');
    em.run('setupSpreadsheet');
    ok(em.run('addClient', client('C-0001')));
    expect(tab(em, 'Clients (clinic)').getDataRange().getValues()).toEqual([
      ['Name', 'Phone', 'Status'],
      ['Alex Smith', '07700 900123', 'active'],
      ['Sam Jones', '07700 900456', 'waiting'],
    ]);
    expect(tab(em, 'Clients').getRange('A2').getValue()).toBe('C-0001');
  });

  test.each(['Supervision', 'Review', 'Audit', 'Attain alerts', 'Attain codes'])("the clinic's own %s tab: setup refuses; nothing changes", (name) => {
    const em = emulator();
    em.spreadsheet.insertSheet(name).getRange('A1:B2').setValues([
      ['Supervisor', 'Notes'],
      ['Dr Lee', 'Monthly, first Tuesday'],
    ]);
    refusedUnchanged(em, setup(em), new RegExp(`"${name}" tab`), /rename it/);
  });

  test('every problem is named at once, before anything is written', () => {
    const em = clinicClients();
    em.spreadsheet.insertSheet('Review').getRange('A1').setValue('Case review notes');
    refusedUnchanged(em, setup(em), /2 tabs need a fix/, /"Clients" tab's row 1/, /"Review" tab is not Attain's review dashboard/);
  });

  test('on a set-up workbook, a dashboard replaced by the clinic\'s content stops setup', () => {
    const em = setUp();
    tab(em, 'Supervision').setName('Supervision (Attain)');
    em.spreadsheet.insertSheet('Supervision').getRange('A1').setValue('Our supervision log');
    refusedUnchanged(em, setup(em), /"Supervision" tab is not Attain's supervision dashboard/);
  });

  test('an empty tab of an Attain name is no clinic content: setup writes the header into it', () => {
    const em = emulator();
    em.spreadsheet.insertSheet('Clients');
    em.run('setupSpreadsheet');
    expect(tab(em, 'Clients').getRange('A1:E1').getValues()[0]).toEqual(['Client code', 'Clinician', 'Start date', 'Status', 'Modality']);
    ok(em.run('addClient', client('C-0001')));
  });
});

describe('the index fast path', () => {
  test('an index from before doubled headers were refused (plain MATCH) is not trusted, and setup brings it up to date', () => {
    const { em } = withCaseload();
    const index = tab(em, 'Attain index');
    const values = index.getDataRange().getValues();
    const r = values.findIndex((row) => row[0] === 'Goals') + 1;
    const formulas = index.getRange(r, 4, 1, values[0].length - 3).getFormulas()[0].filter((f) => f !== '');
    expect(formulas.every((f) => /COUNTIF\(/.test(f))).toBe(true);
    const plain = formulas.map((f) => f.replace(/^=IF\(COUNTIF\([^)]*\)>1,0,(.*)\)$/, '=$1'));
    index.getRange(r, 4, 1, plain.length).setFormulas([plain]);
    const goals = tab(em, 'Goals');
    goals.insertColumnAfter(goals.getLastColumn());
    goals.getRange(1, goals.getLastColumn() + 1).setValue('Status');
    refusedUnchanged(em, () => em.run('savePlan', fiveGoalPlan('C-0002')), /"Goals" tab's header \(row 1\) has "Status" in 2 columns/);

    goals.getRange(1, goals.getLastColumn()).setValue('Status (clinic)');
    em.run('setupSpreadsheet');
    expect(index.getRange(r, 4, 1, plain.length).getFormulas()[0].every((f) => /COUNTIF\(/.test(f))).toBe(true);
    ok(em.run('savePlan', fiveGoalPlan('C-0002')));
  });
});
