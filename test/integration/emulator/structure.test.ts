// Inserting and deleting rows, columns and sheets moves formulas' references as Sheets does.
import { fakeEmulator } from './fixture';

function setup() {
  const emu = fakeEmulator();
  const sh = emu.spreadsheet.getSheetByName('Sheet1')!;
  sh.getRange('A1:A3').setValues([[1], [2], [3]]);
  sh.getRange('B1').setFormula('=SUM(A1:A3)');
  return { emu, sh };
}

describe('structure', () => {
  test('insertRows before the data shifts formulas down', () => {
    const { sh } = setup();
    sh.insertRows(1, 2);
    expect(sh.getRange('B3').getFormula()).toBe('=SUM(A3:A5)');
    expect(sh.getRange('B3').getValue()).toBe(6);
    expect(sh.getMaxRows()).toBe(1002);
  });

  test('insertRowsAfter inside a referenced block widens the reference', () => {
    const { sh } = setup();
    sh.insertRowsAfter(1, 1);
    expect(sh.getRange('B1').getFormula()).toBe('=SUM(A1:A4)');
    sh.getRange('A2').setValue(10);
    expect(sh.getRange('B1').getValue()).toBe(16);
  });

  test('deleteRow shrinks references and moves formats', () => {
    const { sh } = setup();
    sh.getRange('A3').setBackground('#FF0000');
    sh.deleteRow(2);
    expect(sh.getRange('B1').getFormula()).toBe('=SUM(A1:A2)');
    expect(sh.getRange('B1').getValue()).toBe(4);
    expect(sh.getRange('A2').getBackground()).toBe('#ff0000');
  });

  test('insertColumns shifts formulas right', () => {
    const { sh } = setup();
    sh.insertColumns(1);
    expect(sh.getRange('C1').getFormula()).toBe('=SUM(B1:B3)');
    expect(sh.getMaxColumns()).toBe(27);
  });

  test('deleting a referenced sheet turns references into #REF!', () => {
    const { emu, sh } = setup();
    const other = emu.spreadsheet.insertSheet('Other');
    other.getRange('A1').setValue(5);
    sh.getRange('C1').setFormula('=Other!A1');
    emu.spreadsheet.deleteSheet(other);
    expect(sh.getRange('C1').getValue()).toBe('#REF!');
  });

  test('a new spreadsheet has one Sheet1 of 1000 rows by 26 columns', () => {
    const sh = fakeEmulator().spreadsheet.getSheets();
    expect(sh.map((s) => [s.getName(), s.getMaxRows(), s.getMaxColumns()])).toEqual([['Sheet1', 1000, 26]]);
  });

  test('hidden sheets: the last visible sheet cannot be hidden', () => {
    const emu = fakeEmulator();
    const data = emu.spreadsheet.insertSheet('_data');
    data.hideSheet();
    expect(data.isSheetHidden()).toBe(true);
    expect(() => emu.spreadsheet.getSheetByName('Sheet1')!.hideSheet()).toThrow("You can't hide all the sheets in a document.");
  });

  test('getRange outside the sheet fails with Sheets message', () => {
    const sh = fakeEmulator().spreadsheet.getSheets()[0];
    expect(() => sh.getRange(1001, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sh.getRange(0, 1)).toThrow('The starting row of the range is too small.');
  });
});

describe('renaming a sheet', () => {
  test('rewrites references to it in every formula, as Sheets does; a new sheet with the old name is not referenced', () => {
    const { emu, sh } = setup();
    const other = emu.spreadsheet.insertSheet('Other');
    other.getRange('A1').setFormula('=SUM(Sheet1!A1:A3)');
    sh.setName('Sheet1 2025');
    expect(other.getRange('A1').getFormula().replace(/'/g, '')).toBe('=SUM(Sheet1 2025!A1:A3)');
    const fresh = emu.spreadsheet.insertSheet('Sheet1');
    fresh.getRange('A1').setValue(100);
    expect(other.getRange('A1').getValue()).toBe(6);
  });
});
