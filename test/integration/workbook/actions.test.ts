// Each sidebar action on the built bundle: the exact rows it writes, field errors with nothing written, text that never becomes a formula, the Audit trail.
import type { Emulator } from '../../../emulator';
import type { ClientDetail } from '../../../src/contract';
import { client, fiveGoalPlan, objective, longGoal, ok, serial, session, setUp } from '../../../kit/workbook';

type Result = { ok: boolean; message?: string; errors?: Record<string, string>; data?: unknown };

/** A tab's data rows as a reader sees them: up to the hidden working columns ("Order: …", instrument tabs), which are not the row's data. */
function rows(em: Emulator, name: string): unknown[][] {
  const s = em.spreadsheet.getSheetByName(name)!;
  const last = s.getLastRow();
  const header = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0].map(String);
  const width = header.some((h) => h.startsWith('Order: ')) ? header.findIndex((h) => h.startsWith('Order: ')) : header.length;
  return last < 2 ? [] : s.getRange(2, 1, last - 1, width).getValues();
}

function formulas(em: Emulator, name: string, row: number): string[] {
  const s = em.spreadsheet.getSheetByName(name)!;
  return s.getRange(row, 1, 1, s.getLastColumn()).getFormulas()[0];
}

/** Runs an action that must be refused: the whole document (cells, formats, properties) is unchanged. */
function refused(em: Emulator, name: string, ...args: unknown[]): Record<string, string> {
  const before = JSON.stringify(em.exportState());
  const r = em.run(name, ...args) as Result;
  expect(r.ok).toBe(false);
  expect(JSON.stringify(em.exportState())).toBe(before);
  return r.errors ?? {};
}

const day = (iso: string) => new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))));

describe('addClient', () => {
  const em = setUp();

  test('appends one Clients row (active) and one Audit row', () => {
    const data = ok<{ code: string; status: string; warnings: string[] }>(em.run('addClient', { code: 'C-0142', clinician: 'Dr Rivera', startDate: '2026-01-05', modality: 'CBT' }));
    expect(data).toMatchObject({ code: 'C-0142', status: 'active', sessions: 0, lastSession: '', warnings: [] });
    // The last column is "Code is not a name", left blank for a code that does not look like a name.
    expect(rows(em, 'Clients')).toEqual([['C-0142', 'Dr Rivera', day('2026-01-05'), 'active', 'CBT', '']]);
    const audit = rows(em, 'Audit');
    expect(audit).toHaveLength(1);
    expect(audit[0].slice(1, 5)).toEqual(['clinician@example.org', 'addClient', 'C-0142', 'Clients row 2']);
    expect(audit[0][0]).toBeInstanceOf(Date);
  });

  test('a code that looks like a name is refused unless the clinician confirms it is not a name, and the confirmation is kept', () => {
    expect(refused(em, 'addClient', client('JaneSmith')).code).toMatch(/"JaneSmith" looks like a name/);
    ok(em.run('addClient', { ...client('JaneSmith'), notAName: true }));
    expect(rows(em, 'Clients').find((r) => r[0] === 'JaneSmith')![5]).toBe(true);
  });

  test('a code already in use (any case), a bad code or a bad date writes nothing and names the field', () => {
    expect(refused(em, 'addClient', client('c-0142'))).toEqual({ code: 'Expected a client code not already in use (codes are compared ignoring case); got "c-0142", which is taken on Clients row 2. Choose another code' });
    expect(Object.keys(refused(em, 'addClient', { code: 'a b', clinician: '', startDate: '2026-02-30', modality: 'CBT' })).sort()).toEqual(['clinician', 'code', 'startDate']);
  });

  // Codes are COUNTIFS/MATCH criteria, and Sheets compares a criterion that reads as a number as a number: "0142" would match no text cell.
  test('a code Sheets reads as a number, date or boolean writes nothing and says why', () => {
    expect(refused(em, 'addClient', client('0142'))).toEqual({ code: 'Expected a client code with at least one letter that Sheets cannot read as a number, date or TRUE/FALSE (e.g. "C-0142"); got "0142", which Sheets reads as the number 142' });
    for (const code of ['12-3', '1e5', '2026-01-02', 'TRUE']) expect(refused(em, 'addClient', client(code)).code).toMatch(/^Expected a client code with at least one letter/);
  });
});

describe('savePlan', () => {
  const em = setUp();
  ok(em.run('addClient', client('C-0001')));
  ok(em.run('addClient', client('C-0002')));
  let ids: string[] = [];

  test('adds five Goals rows with ids, parents, the weight formula and today as status date', () => {
    const d = ok<{ goals: { id: string; parentId: string; weight: number; statusDate: string }[] }>(em.run('savePlan', fiveGoalPlan('C-0001')));
    ids = d.goals.map((g) => g.id);
    expect(ids).toEqual(['C-0001.G1', 'C-0001.G1.O1', 'C-0001.G1.O2', 'C-0001.G1.O3', 'C-0001.G1.O4']);
    expect(d.goals.map((g) => g.parentId)).toEqual(['', 'C-0001.G1', 'C-0001.G1', 'C-0001.G1', 'C-0001.G1']);
    expect(d.goals.every((g) => g.weight === 2)).toBe(true);
    const goals = rows(em, 'Goals');
    expect(goals).toHaveLength(5);
    expect(formulas(em, 'Goals', 2)[24]).toBe('=IF(AND(ISNUMBER(W2),ISNUMBER(X2)),W2*X2,"")');
    expect(rows(em, 'Audit').pop()!.slice(2, 6)).toEqual(['savePlan', 'C-0001', 'Goals', 'Plan saved: 5 added; 0 updated']);
  });

  test('updates rows in place, records a status change before → after, adds a new objective at the end', () => {
    const plan = fiveGoalPlan('C-0001') as { goals: Record<string, unknown>[] };
    const goals: Record<string, unknown>[] = plan.goals.map((g, i) => ({ ...g, id: ids[i], parentId: i === 0 ? '' : ids[0] }));
    goals[2] = { ...goals[2], status: 'achieved', statusReason: 'Walking daily now' };
    const d = ok<{ goals: { id: string; status: string }[] }>(em.run('savePlan', { clientCode: 'C-0001', goals: [...goals, objective(9, ids[0])] }));
    expect(d.goals.map((g) => g.id)).toEqual([...ids, 'C-0001.G1.O5']);
    const sheet = rows(em, 'Goals');
    expect(sheet).toHaveLength(6);
    expect(sheet[2][25]).toBe('achieved');
    expect(rows(em, 'Audit').pop()![5]).toBe('Plan saved: 1 added; 1 updated; C-0001.G1.O2 status active → achieved (Walking daily now)');
  });

  test('invalid plans write nothing and name each field', () => {
    const bad = fiveGoalPlan('C-0001') as { goals: Record<string, unknown>[] };
    bad.goals[1] = { ...bad.goals[1], anchors: ['same', 'same', 'x', 'y', 'z'], importance: 7 };
    bad.goals[2] = { ...bad.goals[2], status: 'retired', statusReason: '' };
    expect(refused(em, 'savePlan', bad)).toEqual({
      'goals.1.importance': 'Expected importance as a whole number 0–3; got 7',
    });
    const bad2 = fiveGoalPlan('C-0001') as { goals: Record<string, unknown>[] };
    bad2.goals[1] = { ...bad2.goals[1], anchors: ['same', 'same', 'x', 'y', 'z'] };
    bad2.goals[2] = { ...bad2.goals[2], status: 'retired', statusReason: '' };
    bad2.goals[3] = { ...bad2.goals[3], parentId: 'nowhere' };
    expect(refused(em, 'savePlan', bad2)).toEqual({
      'goals.1.anchors.1': 'Expected the -1 anchor to differ from the -2 anchor; got the same text',
      'goals.2.statusReason': 'Expected a reason for status "retired" (why it was retired); got a blank',
      'goals.3.parentId': 'Expected the id of a long-term goal in this plan; got "nowhere"',
    });
    expect(refused(em, 'savePlan', { clientCode: 'C-0002', goals: [{ ...longGoal(''), id: ids[0] }] })).toEqual({ 'goals.0.id': `Expected a goal of client C-0002; got "${ids[0]}", which belongs to C-0001` });
    expect(refused(em, 'savePlan', { ...fiveGoalPlan('C-9999') })).toEqual({ clientCode: 'Expected a client on the Clients tab; got "C-9999", which is not there. Add the client first' });
  });

  test('user text can never become a formula: a leading =, +, - or @ is kept as text', () => {
    const plan = { clientCode: 'C-0002', goals: [longGoal('new-1', { title: '=IMPORTRANGE("x","A1")', values: '+44 family' }), objective(1, 'new-1', { behaviour: '-walk', measure: '@diary' })] };
    const d = ok<{ goals: { title: string; values: string; behaviour: string; measure: string }[] }>(em.run('savePlan', plan));
    expect(d.goals[0].title).toBe('=IMPORTRANGE("x","A1")');
    expect(d.goals[0].values).toBe('+44 family');
    expect(d.goals[1].behaviour).toBe('-walk');
    expect(d.goals[1].measure).toBe('@diary');
    const last = rows(em, 'Goals').length + 1;
    expect(formulas(em, 'Goals', last - 1)[5]).toBe('');
    expect(em.formulaErrors()).toEqual([]);
  });
});

describe('recordSession', () => {
  const em = setUp();
  ok(em.run('addClient', client('C-0001')));
  ok(em.run('addClient', client('C-0002')));
  const ids = ok<{ goals: { id: string }[] }>(em.run('savePlan', fiveGoalPlan('C-0001'))).goals.map((g) => g.id);
  const other = ok<{ goals: { id: string }[] }>(em.run('savePlan', fiveGoalPlan('C-0002'))).goals.map((g) => g.id);

  test('appends one Sessions row, one Ratings row per rated goal, one row per measure with formulas, and an Audit row', () => {
    const { detail, ...r } = ok<{ sessionNumber: number; saved: unknown; detail: ClientDetail }>(em.run('recordSession', session('C-0001', ids, { note: '=IMPORTRANGE("x","A1")' })));
    // The reply carries the client as the session leaves them, equal to what getClient reads back (no second call needed);
    // getClient adds "Last time" (one read of the alerts tab), which a save's reply leaves out so a save reads no more.
    const { lastTime, ...read } = ok<ClientDetail>(em.run('getClient', 'C-0001'));
    expect(detail).toEqual(read);
    expect(detail.lastTime).toBeUndefined();
    expect(lastTime?.session).toBe(1);
    expect(detail.sessions).toEqual([{ number: 1, date: '2026-01-12', attended: true, note: '=IMPORTRANGE("x","A1")' }]);
    expect(detail.latestGas).toEqual(ids.map((goalId, i) => ({ goalId, level: -1, rating: 4 + i })));
    expect([detail.client.sessions, detail.client.lastSession, detail.reviewDue, detail.review.sessionsSince]).toEqual([1, '2026-01-12', false, 1]);
    expect(r).toEqual({
      sessionNumber: 1,
      saved: {
        ratings: 5,
        measures: [
          { instrument: 'phq9', total: 8, band: 'Mild', flag: '' },
          { instrument: 'gad7', total: 7, band: 'Mild', flag: '' },
        ],
      },
    });
    // The last cell is Voided (blank: the row counts).
    expect(rows(em, 'Sessions')).toEqual([['C-0001', day('2026-01-12'), 1, 'Dr Rivera', true, '=IMPORTRANGE("x","A1")', '']]);
    expect(formulas(em, 'Sessions', 2)[5]).toBe('');
    expect(rows(em, 'Ratings')).toEqual(ids.map((id, i) => ['C-0001', 1, day('2026-01-12'), id, 4 + i, -1, '']));
    const phq = rows(em, 'PHQ-9');
    // A first administration: change 0, reliable change blank (issue 13).
    // The last two cells: Voided (S) and Source (T, a form response's key; blank for a session's row).
    expect(phq).toEqual([['C-0001', day('2026-01-12'), 1, 1, 2, 1, 0, 1, 2, 1, 0, 0, '', 8, 'Mild', '', 0, '', '', '']]);
    // The total is blank on a voided row (Voided is column S).
    expect(formulas(em, 'PHQ-9', 2)[13]).toBe('=IF(S2<>"","",IF(COUNT(D2:L2)=9,SUM(D2:L2),""))');
    expect(rows(em, 'GAD-7')[0].slice(10)).toEqual([7, 'Mild', 0, '', '', '']);
    expect(rows(em, 'Audit').pop()!.slice(2, 5)).toEqual(['recordSession', 'C-0001', 'Session 1']);
    expect(em.formulaErrors()).toEqual([]);
  });

  test('the next session is numbered 2, change from first and reliable change compute, and item 9 raises the safety flag', () => {
    const r = ok<{ sessionNumber: number; saved: { measures: { flag: string }[] } }>(
      em.run('recordSession', session('C-0001', ids, { date: '2026-01-19', measures: [{ instrument: 'phq9', items: [0, 0, 0, 0, 0, 0, 0, 0, 1] }] })),
    );
    expect(r.sessionNumber).toBe(2);
    expect(r.saved.measures[0].flag).toMatch(/item 9/);
    expect(rows(em, 'PHQ-9')[1].slice(13)).toEqual([1, 'None/minimal', 'PHQ-9 item 9 (self-harm thoughts) endorsed: review risk now', -7, 'Reliable improvement', '', '']);
    expect(rows(em, 'Audit').pop()![5]).toMatch(/SAFETY: PHQ-9 item 9/);
  });

  test('out-of-range items, unknown or foreign goals and a missing tab write nothing and name the field', () => {
    const bad = session('C-0001', ids, { measures: [{ instrument: 'phq9', items: [0, 1, 2, 7, 0, 0, 0, 0, 0] }] });
    // Errors are keyed by instrument id and goal id (as sent), whatever the order of the lists.
    expect(refused(em, 'recordSession', bad)).toEqual({ 'measures.phq9.items.3': 'Expected PHQ-9 item 4 as a whole number from 0 to 3; got 7. Correct the answer or leave it blank' });
    expect(refused(em, 'recordSession', session('C-0001', [ids[0], other[0], 'C-0001.G9']))).toEqual({
      [`ratings.${other[0]}.goalId`]: `Expected a goal of client C-0001; got "${other[0]}", which belongs to C-0002`,
      'ratings.C-0001.G9.goalId': 'Expected a goal of client C-0001; got "C-0001.G9", which is not on the Goals tab',
    });
    expect(refused(em, 'recordSession', session('C-0001', [], { measures: [{ instrument: 'pcl5', items: new Array(20).fill(0) }] }))['measures.pcl5.instrument']).toMatch(/Expected a "PCL-5" tab/);
    expect(refused(em, 'recordSession', session('C-0001', [], { measures: [{ instrument: 'gad7', items: [1, 1] }] }))).toEqual({ 'measures.gad7.items': 'Expected 7 GAD-7 item values; got 2. Send one value (or null) per item' });
    expect(Object.keys(refused(em, 'recordSession', { ...session('C-0001', ids), date: '12/01/2026', attended: 'yes', ratings: [{ goalId: ids[0], rating: 11, gasLevel: 3 }] })).sort()).toEqual(['attended', 'date', `ratings.${ids[0]}.gasLevel`, `ratings.${ids[0]}.rating`]);
    expect(refused(em, 'recordSession', session('C-0001', [ids[0], ids[0]]))).toEqual({ [`ratings.${ids[0]}.goalId`]: `Expected each goal rated once per session; got "${ids[0]}" again. Keep one rating for it` });
  });

  test('incomplete measures store blanks and leave the computed columns blank', () => {
    ok(em.run('recordSession', session('C-0002', [], { measures: [{ instrument: 'gad7', items: [1, null, 1, 1, 1, 1, 1] }] })));
    expect(rows(em, 'GAD-7').pop()!.slice(3)).toEqual([1, '', 1, 1, 1, 1, 1, '', '', '', '', '', '']);
  });
});

describe('savePriorities and getClient', () => {
  const em = setUp();
  ok(em.run('addClient', client('C-0001')));
  const ids = ok<{ goals: { id: string }[] }>(em.run('savePlan', fiveGoalPlan('C-0001'))).goals.map((g) => g.id);

  test('writes one Priorities row per goal with score and rank formulas; DBT tier outranks the score', () => {
    const d = ok<{ priorities: { goalId: string; score: number; rank: number }[] }>(
      em.run('savePriorities', {
        clientCode: 'C-0001',
        items: [
          { goalId: ids[0], urgency: 5, importance: 5, readiness: 5, tier: '' },
          { goalId: ids[1], urgency: 1, importance: 2, readiness: 3, tier: 'life-threatening' },
          { goalId: ids[2], urgency: 3, importance: 3, readiness: 3, tier: '' },
        ],
      }),
    );
    expect(d.priorities.map((p) => [p.goalId, p.score, p.rank])).toEqual([
      [ids[0], 125, 2],
      [ids[1], 6, 1],
      [ids[2], 27, 3],
    ]);
    expect(rows(em, 'Priorities')).toHaveLength(3);
    // Saving again updates the same rows.
    ok(em.run('savePriorities', { clientCode: 'C-0001', items: [{ goalId: ids[2], urgency: 5, importance: 5, readiness: 5, tier: 'therapy-interfering' }] }));
    expect(rows(em, 'Priorities')).toHaveLength(3);
    expect(rows(em, 'Priorities').map((r) => r[8])).toEqual([3, 1, 2]);
    expect(em.formulaErrors()).toEqual([]);
  });

  test('getClient returns goals, sessions, priorities and latest GAS; an unknown code is a field error', () => {
    ok(em.run('recordSession', session('C-0001', ids)));
    const d = ok<{ client: { sessions: number; lastSession: string }; goals: unknown[]; sessions: unknown[]; latestGas: { goalId: string; level: number; rating: number }[] }>(em.run('getClient', 'C-0001'));
    expect(d.client).toMatchObject({ sessions: 1, lastSession: '2026-01-12' });
    expect(d.goals).toHaveLength(5);
    expect(d.sessions).toEqual([{ number: 1, date: '2026-01-12', attended: true, note: 'Went well' }]);
    expect(d.latestGas[0]).toEqual({ goalId: ids[0], level: -1, rating: 4 });
    expect((em.run('getClient', 'C-0404') as Result).errors).toEqual({ code: 'Expected a client on the Clients tab; got "C-0404", which is not there' });
  });

  test('getBootstrap lists clients with session counts and enabled instruments; getTemplate hands over one template', () => {
    const b = ok<{ clients: { code: string; sessions: number }[]; instruments: { id: string }[]; today: string }>(em.run('getBootstrap'));
    expect(b.clients).toEqual([expect.objectContaining({ code: 'C-0001', sessions: 1, lastSession: '2026-01-12' })]);
    expect(b.instruments.map((i) => i.id)).toEqual(['phq9', 'gad7']);
    expect(b.today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // Code.js (loaded by every custom-function cell) lists templates by title only; getTemplate reads the body from Templates.html.
    expect(ok<{ id: string }>(em.run('getTemplate', 'depression-behavioural-activation')).id).toBe('depression-behavioural-activation');
  });

  test('dates are stored as date serials whatever the spreadsheet time zone', () => {
    expect(em.spreadsheet.getSheetByName('Sessions')!.getRange('B2').getFormula()).toBe('');
    expect(serial('2026-01-12')).toBe(46034);
  });
});

describe('columns are mapped by header name, live', () => {
  test('a column the user inserted in the middle is skipped and kept; a renamed header asks for setup and writes nothing', () => {
    const em = setUp();
    ok(em.run('addClient', client('C-0001')));
    const ids = ok<{ goals: { id: string }[] }>(em.run('savePlan', fiveGoalPlan('C-0001'))).goals.map((g) => g.id);
    const sessions = em.spreadsheet.getSheetByName('Sessions')!;
    sessions.insertColumnBefore(2);
    sessions.getRange('B1').setValue('Room');
    ok(em.run('recordSession', session('C-0001', ids)));
    expect(sessions.getRange('A2:G2').getValues()[0]).toEqual(['C-0001', '', day('2026-01-12'), 1, 'Dr Rivera', true, 'Went well']);
    em.spreadsheet.getSheetByName('Ratings')!.getRange('E1').setValue('Score');
    const r = em.run('recordSession', session('C-0001', ids)) as Result;
    expect(r.ok).toBe(false);
    expect(r.message).toBe('Expected the column "Rating (0–10)" in the "Ratings" tab; the header row has none. Run Extensions ▸ Attain ▸ Set up this spreadsheet.');
    expect(sessions.getLastRow()).toBe(2);
  });
});
