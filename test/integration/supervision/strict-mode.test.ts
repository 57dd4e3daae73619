// Strict mode that holds (issue 11): the supervisor list applied on every setup, Settings protected, the mode a validated choice that
// only the owner or whoever set strict may relax (after a Yes), and Settings and the sidebar saying what waits for setup.
import { createEmulator, type Emulator, type EmulatorState } from '../../../emulator';
import { COMPUTED_PREFIX, PROTECTION_PREFIX, PROTECTION_PROPERTY, PROTECTION_SET_BY_PROPERTY, TAB_PREFIX } from '../../../src/sheets/protect';
import { RELAX_PROMPT, RELAX_TITLE } from '../../../src/sheets/protection-mode';
import { ok } from '../../../kit/workbook';

const OWNER = 'owner@clinic.org';
const LEAD = 'lead@clinic.org';
const SUP = 'sup@clinic.org';
const SUP2 = 'sup2@clinic.org';

type P = EmulatorState['sheets'][number]['protections'][number] & { sheet: string };
interface Report {
  protectionMode: string;
  protectionsChanged: number;
  appliedSettings: string[];
  notes: string[];
}

const attain = (state: EmulatorState): P[] =>
  state.sheets
    .flatMap((s) => s.protections.map((p) => ({ ...p, sheet: s.name })))
    .filter((p) => p.description.startsWith(COMPUTED_PREFIX) || p.description.startsWith(TAB_PREFIX) || p.description.startsWith(PROTECTION_PREFIX));

const as = (user: string, em: Emulator): Emulator => createEmulator({ user, owner: OWNER, state: em.exportState() });

function rowOf(em: Emulator, key: string): number {
  const s = em.spreadsheet.getSheetByName('Settings')!;
  return s.getRange(1, 4, s.getLastRow(), 1).getValues().map((r) => r[0]).indexOf(key) + 1;
}

/** A person typing into a Settings value cell (the data validation applies). */
const type = (em: Emulator, key: string, value: string) => em.edit('Settings', rowOf(em, key), 2, value);
/** A value no person could type past the validation (a paste, a script): written directly. */
const put = (em: Emulator, key: string, value: string) => em.spreadsheet.getSheetByName('Settings')!.getRange(rowOf(em, key), 2).setValue(value);
const status = (em: Emulator, key: string) => em.spreadsheet.getSheetByName('Settings')!.getRange(rowOf(em, key), 6).getValue();
const setup = (em: Emulator) => em.run('setupSpreadsheet') as Report;
const mode = (em: Emulator) => em.exportState().properties.document[PROTECTION_PROPERTY];

/** Set up by LEAD, then strict with SUP as supervisor (LEAD sets strict). */
function strictWorkbook(supervisors = SUP): Emulator {
  const em = createEmulator({ user: LEAD, owner: OWNER });
  setup(em);
  type(em, 'protection.mode', 'strict');
  type(em, 'supervisors', supervisors);
  setup(em);
  return em;
}

describe('the supervisor list is applied on every setup', () => {
  test('a supervisor removed from Settings is no longer an editor of any Attain protection after setup, and the report says so', () => {
    const em = strictWorkbook(`${SUP}, ${SUP2}`);
    expect(attain(em.exportState()).every((p) => p.editors.includes(SUP2))).toBe(true);
    type(em, 'supervisors', SUP);
    const r = setup(em);
    const ps = attain(em.exportState());
    expect(ps.length).toBeGreaterThanOrEqual(15);
    expect(ps.filter((p) => p.editors.includes(SUP2)).map((p) => p.description)).toEqual([]);
    expect(r.protectionsChanged).toBe(ps.length);
    // The toast is recorded as "title: text".
    expect(em.ui.toasts.at(-1)).toBe(`Attain: Attain: strict protection applied to ${ps.length} protected range(s) or tab(s) (editors: the owner, you, who set strict and the supervisors); applied 1 changed setting(s).`);
  });

  test('a supervisor added to Settings becomes an editor of every Attain protection after setup', () => {
    const em = strictWorkbook();
    type(em, 'supervisors', `${SUP}, ${SUP2}`);
    setup(em);
    for (const p of attain(em.exportState())) expect([p.description, [...p.editors].sort()]).toEqual([p.description, [LEAD, OWNER, SUP, SUP2].sort()]);
    // And a second run changes nothing.
    expect(setup(em).protectionsChanged).toBe(0);
  });
});

describe('Settings in strict mode', () => {
  test('the whole Settings tab is protected (owner, who set strict, supervisors) in strict mode, and unprotected again in warning', () => {
    const em = strictWorkbook();
    const tab = em.exportState().sheets.find((s) => s.name === 'Settings')!.protections.find((p) => p.description === `${TAB_PREFIX}Settings`)!;
    expect([tab.type, tab.warningOnly, [...tab.editors].sort(), tab.domainEdit]).toEqual(['SHEET', false, [LEAD, OWNER, SUP], false]);
    type(em, 'protection.mode', 'warning');
    em.answerAlerts('YES');
    setup(em);
    expect(em.exportState().sheets.find((s) => s.name === 'Settings')!.protections.map((p) => p.description)).not.toContain(`${TAB_PREFIX}Settings`);
  });

  test('someone who may not edit cannot change Settings, nor run setup: it says whom to ask and writes nothing', () => {
    const em = strictWorkbook();
    const other = as('therapist@clinic.org', em);
    const before = other.exportState();
    expect(() => other.run('setupSpreadsheet')).toThrow(`Set up wrote nothing: Attain's protections are strict and therapist@clinic.org may not edit them. Ask ${OWNER} or a supervisor (${SUP}) to run Extensions ▸ Attain ▸ Set up this spreadsheet, or to add you to Supervisors in Settings first.`);
    expect(other.exportState()).toEqual(before);
  });
});

describe('the mode is a validated choice', () => {
  test('a typo with strict applied keeps strict, and the report names the cell, the value and the fix', () => {
    const em = strictWorkbook();
    put(em, 'protection.mode', 'strcit');
    const r = setup(em);
    expect(r.protectionMode).toBe('strict');
    expect(attain(em.exportState()).every((p) => !p.warningOnly)).toBe(true);
    expect(r.notes).toEqual([
      `Protection mode stays strict: Settings row ${rowOf(em, 'protection.mode')} ("Protection mode") holds "strcit", and only "warning" or "strict" count. Type strict there (or warning, to relax protections) and run Set up this spreadsheet again.`,
    ]);
    expect(em.ui.alerts.at(-1)).toBe(`Attain setup: ${r.notes[0]}`);
    expect(status(em, 'protection.mode')).toBe('Not a choice: type warning or strict (in force: strict)');
  });

  test('a deleted "Protection mode" row with strict applied keeps strict and comes back as strict', () => {
    const em = strictWorkbook();
    em.spreadsheet.getSheetByName('Settings')!.deleteRow(rowOf(em, 'protection.mode'));
    const r = setup(em);
    expect(r.protectionMode).toBe('strict');
    expect(r.notes[0]).toMatch(/^Protection mode stays strict: Settings had no "Protection mode" row \(key protection.mode\); setup has put it back with "strict"/);
    expect(em.spreadsheet.getSheetByName('Settings')!.getRange(rowOf(em, 'protection.mode'), 2).getValue()).toBe('strict');
  });

  test('a typo when strict was never applied stops setup before it writes anything', () => {
    const em = createEmulator({ user: LEAD, owner: OWNER });
    setup(em);
    put(em, 'protection.mode', 'strcit');
    const before = em.exportState();
    expect(() => em.run('setupSpreadsheet')).toThrow(`Settings row ${rowOf(em, 'protection.mode')} ("Protection mode") holds "strcit"; expected "warning" or "strict". Set up wrote nothing: type warning or strict there and run Set up this spreadsheet again.`);
    expect(em.exportState()).toEqual(before);
  });
});

describe('moving from strict to warning', () => {
  test('a supervisor who did not set strict cannot relax it: strict is kept and the report says who may', () => {
    const em = strictWorkbook();
    const sup = as(SUP, em);
    type(sup, 'protection.mode', 'warning');
    const r = setup(sup);
    expect(r.protectionMode).toBe('strict');
    expect(attain(sup.exportState()).every((p) => !p.warningOnly)).toBe(true);
    expect(r.notes).toEqual([`Protection mode stays strict: only ${OWNER} or ${LEAD} (who set strict) may relax it to warning, and this setup ran as ${SUP}. Ask them to run Set up this spreadsheet.`]);
    expect(sup.ui.alerts.filter((a) => a.startsWith(RELAX_TITLE))).toEqual([]);
    expect(mode(sup)).toBe('strict');
  });

  test('the owner relaxes only after answering Yes; No leaves every protection strict', () => {
    const em = strictWorkbook();
    const owner = as(OWNER, em);
    type(owner, 'protection.mode', 'warning');
    owner.answerAlerts('NO');
    const no = setup(owner);
    expect(owner.ui.alerts[0]).toBe(`${RELAX_TITLE}: ${RELAX_PROMPT}`);
    expect([no.protectionMode, mode(owner)]).toEqual(['strict', 'strict']);
    expect(attain(owner.exportState()).every((p) => !p.warningOnly)).toBe(true);
    expect(no.notes[0]).toMatch(/^Protection mode stays strict: relaxing to warning was not confirmed/);
    owner.answerAlerts('YES');
    const yes = setup(owner);
    expect([yes.protectionMode, mode(owner), yes.notes]).toEqual(['warning', 'warning', []]);
    expect(attain(owner.exportState()).every((p) => p.warningOnly)).toBe(true);
    expect(owner.exportState().properties.document[PROTECTION_SET_BY_PROPERTY]).toBeUndefined();
  });

  test('whoever set strict may relax it too (after Yes)', () => {
    const em = strictWorkbook();
    type(em, 'protection.mode', 'warning');
    em.answerAlerts('YES');
    expect(setup(em).protectionMode).toBe('warning');
  });
});

describe('settings that wait for setup', () => {
  test('Settings shows "Waits for setup" on a changed supervisor list, and "Applied" after setup', () => {
    const em = strictWorkbook();
    expect(status(em, 'supervisors')).toBe('Applied');
    type(em, 'supervisors', `${SUP}, ${SUP2}`);
    expect(status(em, 'supervisors')).toBe(`Waits for setup (in force: ${SUP}): run Extensions ▸ Attain ▸ Set up this spreadsheet`);
    expect(setup(em).appliedSettings).toEqual(['supervisors']);
    expect(status(em, 'supervisors')).toBe('Applied');
  });

  test("the sidebar's Bootstrap lists the settings changed since the last setup, and none after it", () => {
    const em = strictWorkbook();
    expect(ok<{ pendingSetup: string[] }>(em.run('getBootstrap')).pendingSetup).toEqual([]);
    type(em, 'supervisors', SUP2);
    type(em, 'instrument.pcl5', 'TRUE');
    expect(ok<{ pendingSetup: string[] }>(em.run('getBootstrap')).pendingSetup).toEqual(['Supervisors', 'Use PCL-5']);
    setup(em);
    expect(ok<{ pendingSetup: string[] }>(em.run('getBootstrap')).pendingSetup).toEqual([]);
  });
});
