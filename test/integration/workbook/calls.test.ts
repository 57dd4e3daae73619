// Calls per action do not grow with the caseload: the same action on 10 and 2,000 clients (the five-year clinic's caseload) makes exactly the same service calls.
import { caseload, client, fiveGoalPlan, measure, ok, session } from '../../../kit/workbook';

// Each cell the search for a client's code finds costs lookups (its tab, its row): they follow where that client's code shows
// (its rows, Audit, dashboards), so logs are compared without them.
const HIT_LOOKUPS = new Set(['Range.getGridId', 'Range.getRow']);
const io = (log: string[]) => log.filter((c) => !HIT_LOOKUPS.has(c));

const small = caseload(10);
// 2,000 clients, not 10,000: the same proof (a read of whole columns would show at any size), at a fraction of the emulator's
// formula work; `npm run bench` still prints the 10,000-client figures (io_calls_*_10000, cells_read_*_10000).
const big = caseload(2_000);

describe('service calls per action are the same on 10 and 2,000 clients', () => {
  test('addClient', () => {
    const a = measure(small.em, () => ok(small.em.run('addClient', client('C-NEW1'))));
    const b = measure(big.em, () => ok(big.em.run('addClient', client('C-NEW1'))));
    expect(b.log).toEqual(a.log);
    // Index read (positions and last rows) and its formulas (the guard: every index row still live on its own tab), Clients codes,
    // Clients append, Audit append: no getLastRow.
    expect([a.read, a.write]).toEqual([3, 2]);
    expect(a.counted).toBe(5);
  });

  test('savePlan', () => {
    ok(small.em.run('addClient', client('C-PLAN')));
    ok(big.em.run('addClient', client('C-PLAN')));
    const a = measure(small.em, () => ok(small.em.run('savePlan', fiveGoalPlan('C-PLAN'))));
    const b = measure(big.em, () => ok(big.em.run('savePlan', fiveGoalPlan('C-PLAN'))));
    expect(io(b.log)).toEqual(io(a.log));
    expect(a.write).toBe(2); // Goals once (five rows in one block), Audit once
    // 9 reads: the index and its formulas (the guard), one search for the client's code (TextFinder), the client's Clients row, the
    // Goals ids (a new goal's id must be unique in the tab), then the returned ClientDetail read for this client only after the write
    // (the search again, Clients row, Settings for the review cadence, the new Goals rows; no sessions, ratings, priorities or reviews
    // yet): no getClient or getBootstrap after. Was 12: Clients codes and each tab's client column were read whole. Now 8: Settings
    // comes with the index (its mirror there).
    expect([a.read, a.counted]).toEqual([8, 10]);
  });

  test('recordSession (5 goals, PHQ-9 and GAD-7)', () => {
    const a = measure(small.em, () => ok(small.em.run('recordSession', session('C-TEST', small.goalIds))));
    const b = measure(big.em, () => ok(big.em.run('recordSession', session('C-TEST', big.goalIds))));
    expect(io(b.log)).toEqual(io(a.log));
    expect(a.write).toBe(5); // Sessions, Ratings, PHQ-9, GAD-7, Audit: each touched tab written once
    // Reads: the index (every tab's positions and last row), Clients codes, Goals ids, Settings, then this client's Sessions, Goals,
    // Ratings and Priorities rows, Clients row and Reviews for the ClientDetail the action answers with (was 4 reads, then the sidebar
    // called getClient, 10, and getBootstrap, 4: three round trips, 23 calls; then one round trip, 14 calls) — and one more, the
    // index's formulas: the guard that every index row is still a live formula on its own tab (not pasted as values, not
    // following a renamed tab). One read guards all five appended tabs; checking each target block would cost five.
    // Now 6 (was 10): one spreadsheet-wide search for the client's code (TextFinder) replaces the whole Clients-code, Goals-id and
    // per-tab client columns; then the index (2), Settings and this client's Clients, Goals and Sessions rows (it has no ratings,
    // priorities or reviews yet: a tab where the code is not found is not read). Now 5: Settings comes with the index read (the
    // index mirrors the Settings tab; the action reads Settings itself only when that mirror is not live).
    expect(a.read).toBe(5);
    // Every read comes before the first write (a read after a write would flush the pending writes in Apps Script).
    expect(a.log.lastIndexOf('Range.getValues')).toBeLessThan(a.log.indexOf('Range.setValues'));
    expect(a.log.filter((c) => c.endsWith('.getLastRow'))).toEqual([]);
    expect(a.format + a.structure).toBe(0);
  });

  test('the sidebar\u2019s request id costs a routine session nothing: Audit is read for a retry only when one is possible', () => {
    const plain = measure(small.em, () => ok(small.em.run('recordSession', session('C-TEST', small.goalIds, { date: '2026-03-02' }))));
    const withId = measure(small.em, () => ok(small.em.run('recordSession', session('C-TEST', small.goalIds, { date: '2026-03-09', requestId: 'r-routine-0001' }))));
    expect(io(withId.log)).toEqual(io(plain.log));
    // The same date again (as a retry would be): one more read, Audit's last rows.
    const sameDay = measure(small.em, () => ok(small.em.run('recordSession', session('C-TEST', small.goalIds, { date: '2026-03-09', requestId: 'r-routine-0002' }))));
    expect(sameDay.read).toBe(plain.read + 1);
  });

  test('getBootstrap: every client\u2019s badges cost one read of the hidden alerts tab, the same on 10 and 2,000 clients', () => {
    const a = measure(small.em, () => ok(small.em.run('getBootstrap')));
    const b = measure(big.em, () => ok(big.em.run('getBootstrap')));
    expect(b.log).toEqual(a.log);
    // Was 19 calls, 5 reads: the alerts tab adds its lookup, its range and one read (columns A to Review, one block).
    // Then 22 → 25: the client this user chose last here (the user's property store, the spreadsheet's id as its key, one value), no cell read.
    // Then 25 → 23, 5 reads: Settings comes with the index (its mirror there), not from its own tab (its range and read).
    expect([a.total, a.read, a.counted]).toEqual([23, 5, 5]);
    expect(a.log.slice(-7, -1)).toEqual(['Spreadsheet.getSheetByName', 'Sheet.getRange', 'Range.getValues', 'PropertiesService.getUserProperties', 'Spreadsheet.getId', 'Properties.getProperty']);
  });

  test('getClient: "Last time" costs one read, the client\u2019s row of the alerts tab, the same on 10 and 2,000 clients', () => {
    // A client within the alerts tab's rows in both workbooks (setup ran before the bulk clients were written).
    const a = measure(small.em, () => ok(small.em.run('getClient', 'C-00005')));
    const b = measure(big.em, () => ok(big.em.run('getClient', 'C-00005')));
    expect(b.log).toEqual(a.log);
    // Was 34 calls, 12 reads: + the document's properties (which measures setup applied: 2 calls, no sheet read), the tab's lookup,
    // the row's range and its one read. Then 13 reads; now 9: one search for the code replaces the Clients codes and each tab's client
    // column, and the Clients row is read once (index 2, search, Clients, Settings, Sessions, Goals, Ratings rows, alerts row).
    // Now 8: Settings comes with the index (its mirror there).
    expect([a.read, a.counted]).toEqual([8, 8]);
    expect(a.log.slice(-5)).toEqual(['PropertiesService.getDocumentProperties', 'Properties.getProperties', 'Spreadsheet.getSheetByName', 'Sheet.getRange', 'Range.getValues']);
  });

  test('acknowledging last time\u2019s safety flag costs a session save nothing', () => {
    const plain = measure(small.em, () => ok(small.em.run('recordSession', session('C-TEST', small.goalIds, { date: '2026-03-16' }))));
    const ack = measure(small.em, () => ok(small.em.run('recordSession', session('C-TEST', small.goalIds, { date: '2026-03-23', acknowledgedFlags: [{ instrument: 'PHQ-9', date: '2026-03-16' }] }))));
    expect(io(ack.log)).toEqual(io(plain.log));
  });

  test('recordSession reads about as many cells on 2,000 clients as on 10: its client\u2019s rows, not whole columns', () => {
    const a = measure(small.em, () => ok(small.em.run('recordSession', session('C-TEST', small.goalIds, { date: '2026-04-06' }))));
    const b = measure(big.em, () => ok(big.em.run('recordSession', session('C-TEST', big.goalIds, { date: '2026-04-06' }))));
    // Before (whole client, goal-id and session columns) the big workbook's figure was hundreds of times the 10-client one.
    expect(b.cells).toBeLessThanOrEqual(1.5 * a.cells);
  });

  test('correct or void: the session list, a void, a correction and a status change make the same calls on 10 and 2,000 clients', () => {
    type Rec = { kind: string; instrument: string; row: number; date: string; session: number; goalId: string };
    const refOf = (r: Rec) => ({ kind: r.kind, instrument: r.instrument || null, row: r.row, date: r.date, session: r.session, goalId: r.goalId || null });
    const amend = (w: typeof small) => {
      ok(w.em.run('recordSession', session('C-TEST', w.goalIds, { date: '2026-04-06' })));
      const n = ok<{ sessions: { number: number; date: string }[] }>(w.em.run('getClient', 'C-TEST')).sessions.find((x) => x.date === '2026-04-06')!.number;
      const list = measure(w.em, () => ok(w.em.run('getSessionRecords', 'C-TEST', n)));
      const recs = ok<{ records: Rec[] }>(w.em.run('getSessionRecords', 'C-TEST', n)).records;
      const phq = recs.find((r) => r.kind === 'measure' && r.instrument === 'phq9')!;
      const rating = recs.find((r) => r.kind === 'rating')!;
      const voided = measure(w.em, () => ok(w.em.run('voidRecord', { clientCode: 'C-TEST', record: refOf(phq), reason: 'wrong client' })));
      const corrected = measure(w.em, () => ok(w.em.run('correctRecord', { clientCode: 'C-TEST', record: refOf(rating), reason: 'misheard', correction: { rating: 9 } })));
      const status = measure(w.em, () => ok(w.em.run('setClientStatus', { clientCode: 'C-TEST', status: 'paused' })));
      ok(w.em.run('setClientStatus', { clientCode: 'C-TEST', status: 'active' }));
      return { list, voided, corrected, status };
    };
    const a = amend(small);
    const b = amend(big);
    // The same calls but the search's per-hit lookups (where a code shows differs: dashboards, Audit), as for recordSession.
    for (const k of ['list', 'voided', 'corrected', 'status'] as const) expect([k, io(b[k].log)]).toEqual([k, io(a[k].log)]);
    // A void writes the Voided cell and Audit; a correction also appends the corrected row; a status change, the Status cell and Audit.
    expect([a.voided.write, a.corrected.write, a.status.write]).toEqual([2, 3, 2]);
    // Every read comes before the first write.
    for (const m of [a.voided, a.corrected, a.status]) expect(m.log.lastIndexOf('Range.getValues')).toBeLessThan(m.log.indexOf('Range.setValues'));
  });

  test('recordSession with tasks: marking last time\u2019s and setting new ones costs two writes more than a session without, and no read more; the same on 10 and 2,000 clients', () => {
    const tasks = (w: typeof small, from: number) => [
      { goalId: w.goalIds[from], text: 'Walk to the park after lunch, 3 times' },
      { goalId: w.goalIds[from + 1], text: 'Phone a friend on Sunday evening once' },
    ];
    const run = (w: typeof small) => {
      const n = ok<{ sessionNumber: number }>(w.em.run('recordSession', session('C-TEST', w.goalIds, { date: '2026-05-11', newTasks: tasks(w, 0) }))).sessionNumber;
      const marked = measure(w.em, () => ok(w.em.run('recordSession', session('C-TEST', w.goalIds, { date: '2026-05-18', taskOutcomes: [{ taskId: `S${n}-T1`, outcome: 'done' }, { taskId: `S${n}-T2`, outcome: 'partly' }], newTasks: tasks(w, 2) }))));
      // The same client a week later, its new tasks still open, saving a session that marks and sets none.
      const plain = measure(w.em, () => ok(w.em.run('recordSession', session('C-TEST', w.goalIds, { date: '2026-05-25' }))));
      return { plain, marked };
    };
    const a = run(small);
    const b = run(big);
    expect(io(b.marked.log)).toEqual(io(a.marked.log));
    // The client's Tasks rows are one block read with its other rows whenever it has any ("From last time" needs them; a client
    // with none costs no read); marking and setting add two writes: the new tasks appended, last time's outcomes written into their
    // rows (Apps Script writes one rectangle per call, and the two are apart on the tab).
    expect([a.marked.read - a.plain.read, a.marked.write - a.plain.write]).toEqual([0, 2]);
  });

  test('buildProgressReport makes the same calls on 10 and 2,000 clients', () => {
    const a = measure(small.em, () => ok(small.em.run('buildProgressReport', { clientCode: 'C-TEST', nextSteps: 'Keep the activity diary' })));
    const b = measure(big.em, () => ok(big.em.run('buildProgressReport', { clientCode: 'C-TEST', nextSteps: 'Keep the activity diary' })));
    expect(io(b.log)).toEqual(io(a.log));
    expect(b.cells).toBeLessThanOrEqual(1.5 * a.cells);
  });

  test('the 2,000-client workbook really holds 2,000 clients', () => {
    const boot = ok<{ clients: unknown[] }>(big.em.run('getBootstrap'));
    expect(boot.clients.length).toBeGreaterThanOrEqual(2_000);
  });
});
