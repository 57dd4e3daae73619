// Formula-safe text and misread codes on the built bundle: plan text reads back as typed through read→save cycles under either
// Sheets apostrophe behaviour, in plain-text and General columns; a numeric-looking code typed by hand is named, never silently mismatched.
import { createEmulator, type Emulator } from '../../../emulator';
import { client, longGoal, objective, ok } from '../../../kit/workbook';

type Result = { ok: boolean; errors?: Record<string, string>; data?: { warnings?: string[] } };
type Goal = { id: string; parentId: string; title: string; values: string; behaviour: string; measure: string };

const TEXTS = { title: '- walk daily', values: '=1+1', behaviour: '+44 7700', measure: "'quoted" };
const HEADERS = { title: 'Goal', values: 'Why it matters', behaviour: 'Behaviour', measure: 'Measure' };

function workbook(mode: 'keep' | 'strip', format: '@' | 'General'): Emulator {
  const em = createEmulator({ apostropheInTextCells: mode });
  em.run('setupSpreadsheet');
  ok(em.run('addClient', client('C-0001')));
  if (format === 'General') {
    // A column someone reformatted by hand: the add-on must still write text that is never a formula there.
    const goals = em.spreadsheet.getSheetByName('Goals')!;
    const header = goals.getRange(1, 1, 1, goals.getLastColumn()).getValues()[0];
    for (const h of Object.values(HEADERS)) goals.getRange(2, header.indexOf(h) + 1, 20, 1).setNumberFormat('General');
  }
  return em;
}

/** The four text cells of the Goals rows as stored, and their formulas. */
function cells(em: Emulator): { values: unknown[][]; formulas: string[][] } {
  const goals = em.spreadsheet.getSheetByName('Goals')!;
  const header = goals.getRange(1, 1, 1, goals.getLastColumn()).getValues()[0];
  const at = Object.values(HEADERS).map((h) => header.indexOf(h));
  const block = goals.getRange(2, 1, goals.getLastRow() - 1, goals.getLastColumn());
  return { values: block.getValues().map((r) => at.map((c) => r[c])), formulas: block.getFormulas().map((r) => at.map((c) => r[c])) };
}

describe.each([
  ['keep', '@'],
  ['strip', '@'],
  ['keep', 'General'],
  ['strip', 'General'],
] as const)('plan text with apostrophes %s in plain-text cells, written to %s columns', (mode, format) => {
  test('reads back as typed through two read→save cycles: never a formula, never a visible apostrophe, no growth', () => {
    const em = workbook(mode, format);
    // The one text no single write keeps under both behaviours: its own leading apostrophe. A plain-text cell that strips
    // apostrophes drops it on the first save (and it never comes back or grows); everywhere else it is kept.
    const own = mode === 'strip' && format === '@' ? 'quoted' : "'quoted";
    const want = { ...TEXTS, measure: own };
    let reply = ok<{ goals: Goal[] }>(em.run('savePlan', { clientCode: 'C-0001', goals: [longGoal('new-1', TEXTS), objective(1, 'new-1', TEXTS)] }));
    for (let cycle = 0; cycle < 3; cycle++) {
      const read = ok<{ goals: Goal[] }>(em.run('getClient', 'C-0001')).goals;
      for (const g of read) expect({ title: g.title, values: g.values, behaviour: g.behaviour, measure: g.measure }).toEqual(want);
      const stored = cells(em);
      expect(stored.values).toEqual([Object.values(want), Object.values(want)]);
      expect(stored.formulas.flat().every((f) => f === '')).toBe(true);
      expect(em.formulaErrors()).toEqual([]);
      // Save what was read, as the sidebar does after opening the client.
      const texts = (g: Goal) => ({ title: g.title, values: g.values, behaviour: g.behaviour, measure: g.measure });
      const goals = [longGoal('', { ...texts(read[0]), id: read[0].id }), objective(1, read[0].id, { ...texts(read[1]), id: read[1].id })];
      reply = ok<{ goals: Goal[] }>(em.run('savePlan', { clientCode: 'C-0001', goals }));
    }
    expect(reply.goals.map((g) => g.title)).toEqual([TEXTS.title, TEXTS.title]);
  });
});

describe('a client code Sheets misreads, typed by hand on the Clients tab', () => {
  test.each([
    ['a plain-text cell', '@', '0142'],
    ['a General cell (Sheets stores the number 142)', 'General', '142'],
  ])('in %s: addClient names the row and the fix; sessions for it are refused with the reason', (_where, format, shown) => {
    const em = createEmulator();
    em.run('setupSpreadsheet');
    ok(em.run('addClient', client('C-0001')));
    const clients = em.spreadsheet.getSheetByName('Clients')!;
    clients.getRange('A3').setNumberFormat(format);
    em.edit('Clients', 3, 1, '0142');
    const r = em.run('addClient', client('C-0002')) as Result;
    expect(r.ok).toBe(true);
    expect(r.data?.warnings).toContain(
      `Expected client codes Sheets cannot read as a number, date or TRUE/FALSE; Clients row 3 holds "${shown}", which Sheets reads as the number 142, so formulas matching it by code (Review, alerts, instrument tabs) find nothing. Give that row a code with a letter, such as "C-${shown}", on the Clients tab and in its rows on the other tabs`,
    );
    const session = em.run('recordSession', { clientCode: shown, date: '2026-01-12', clinician: 'Dr Rivera', attended: true, note: '', ratings: [], measures: [] }) as Result;
    expect(session.ok).toBe(false);
    expect(session.errors?.clientCode).toBe(`Expected a client code with at least one letter that Sheets cannot read as a number, date or TRUE/FALSE (e.g. "C-0142"); got "${shown}", which Sheets reads as the number 142`);
  });
});
