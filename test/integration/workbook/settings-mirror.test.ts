// The Settings mirror on the hidden index: actions take their settings from it (one read less) only while it is live and shows
// all of Settings in place; a mirror pasted as values, blocked, renamed away or too short is passed over and Settings is read.
import type { Emulator } from '../../../emulator';
import { MIRROR_COL, MIRROR_HEIGHT } from '../../../src/sheets/index-tab';
import { measure, ok, setUp } from '../../../kit/workbook';

const tab = (em: Emulator, name: string) => em.spreadsheet.getSheetByName(name)!;

/** Types `value` into the Value cell of the Settings row whose Key is `key`, as a clinic edits Settings by hand. */
function setSetting(em: Emulator, key: string, value: unknown): void {
  const settings = tab(em, 'Settings');
  const rows = settings.getDataRange().getValues();
  const [k, v] = ['Key', 'Value'].map((h) => rows[0].indexOf(h));
  const at = rows.findIndex((r) => r[k] === key);
  if (at < 0) throw new Error(`Expected a Settings row with key ${key}`);
  settings.getRange(at + 1, v + 1).setValue(value);
}

const clinicName = (em: Emulator) => ok<{ clinic: string }>(em.run('getBootstrap')).clinic;
/** Read calls while `fn` runs. */
const reads = (em: Emulator, fn: () => unknown) => measure(em, fn).read;

describe('the Settings mirror', () => {
  test('setup writes it in row 1 of the index, beside the tab rows; it shows Settings cell for cell, blanks as blanks', () => {
    const em = setUp();
    const index = tab(em, 'Attain index');
    expect(index.getRange(1, MIRROR_COL).getFormula()).toMatch(/^=ARRAYFORMULA\(IF\('?Settings'?!\$A\$1:\$D\$100="","",/);
    const shown = index.getRange(1, MIRROR_COL, MIRROR_HEIGHT, 4).getValues();
    const settings = tab(em, 'Settings').getRange(1, 1, MIRROR_HEIGHT, 4).getValues();
    expect(shown).toEqual(settings);
    expect(em.formulaErrors()).toEqual([]);
  });

  test('an action sees a setting typed by hand through the mirror, with one read fewer than reading Settings', () => {
    const em = setUp();
    setSetting(em, 'clinic.name', 'Riverside');
    const viaMirror = reads(em, () => expect(clinicName(em)).toBe('Riverside'));
    tab(em, 'Attain index').getRange(1, MIRROR_COL).clearContent();
    setSetting(em, 'clinic.name', 'Hillside');
    const direct = reads(em, () => expect(clinicName(em)).toBe('Hillside'));
    expect(direct).toBe(viaMirror + 1);
  });

  test('an unticked box and a 0 come through the copy as they are, not as blanks (which would read as the defaults)', () => {
    const em = setUp();
    setSetting(em, 'instrument.gad7', false);
    setSetting(em, 'gas.rho', 0);
    const boot = ok<{ instruments: { id: string }[]; rho: number }>(em.run('getBootstrap'));
    expect(boot.instruments.map((i) => i.id)).not.toContain('gad7');
    expect(boot.rho).toBe(0);
  });

  test('rows inserted inside Settings stretch it (Sheets moves its references), and it stays in use', () => {
    const em = setUp();
    tab(em, 'Settings').insertRowsAfter(3, 2);
    expect(tab(em, 'Attain index').getRange(1, MIRROR_COL).getFormula()).toMatch(/\$D\$102\)\)$/);
    setSetting(em, 'clinic.name', 'Riverside');
    const r = measure(em, () => expect(clinicName(em)).toBe('Riverside'));
    tab(em, 'Attain index').getRange(1, MIRROR_COL).clearContent();
    expect(measure(em, () => clinicName(em)).read).toBe(r.read + 1);
  });

  test('a second setup leaves it as it is (writes nothing to the index)', () => {
    const em = setUp();
    const before = JSON.stringify(em.exportState().sheets.find((s) => s.name === 'Attain index'));
    em.run('setupSpreadsheet');
    expect(JSON.stringify(em.exportState().sheets.find((s) => s.name === 'Attain index'))).toBe(before);
  });

  describe('passed over, and Settings read, whenever it could be wrong', () => {
    const cases: { name: string; spoil: (em: Emulator) => void }[] = [
      {
        name: 'pasted as values (it would go on showing the old name)',
        spoil: (em) => {
          const r = tab(em, 'Attain index').getRange(1, MIRROR_COL, MIRROR_HEIGHT, 4);
          r.setValues(r.getValues());
        },
      },
      { name: 'its spill blocked by a typed cell', spoil: (em) => tab(em, 'Attain index').getRange(5, MIRROR_COL + 1).setValue('typed') },
      {
        name: 'Settings longer than the mirror (a setting below its last row)',
        spoil: (em) => {
          const s = tab(em, 'Settings');
          const rows = s.getDataRange().getValues();
          const [k, v] = ['Key', 'Value'].map((h) => rows[0].indexOf(h));
          // The clinic.name row moved below row 100: blank rows in between, as a clinic might leave them.
          const at = rows.findIndex((r) => r[k] === 'clinic.name');
          const row = rows[at];
          s.getRange(at + 1, 1, 1, row.length).clearContent();
          row[v] = 'Old name';
          s.getRange(MIRROR_HEIGHT + 5, 1, 1, row.length).setValues([row]);
        },
      },
    ];
    test.each(cases)('$name', ({ spoil }) => {
      const em = setUp();
      setSetting(em, 'clinic.name', 'Old name');
      expect(clinicName(em)).toBe('Old name');
      spoil(em);
      setSetting(em, 'clinic.name', 'New name');
      expect(clinicName(em)).toBe('New name');
    });
  });

  test('Check names a missing mirror and Repair (setup) restores it', () => {
    const em = setUp();
    tab(em, 'Attain index').getRange(1, MIRROR_COL).clearContent();
    const problems = ok<{ problems: { tab: string; where: string; repair: string }[] }>(em.run('checkSpreadsheet')).problems;
    expect(problems.filter((p) => p.tab === 'Attain index')).toEqual([expect.objectContaining({ where: expect.stringMatching(/^row 1, column [A-Z]+$/), repair: 'setup' })]);
    em.run('setupSpreadsheet');
    expect(ok<{ problems: { tab: string }[] }>(em.run('checkSpreadsheet')).problems.filter((p) => p.tab === 'Attain index')).toEqual([]);
  });
});
