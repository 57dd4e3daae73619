// Custom-formula conditional formats as Sheets applies them (relative to the rule range's top-left, TRUE only, own tab only) and the drop-downs of list rules, as view() gives them to the preview.
import type { Emulator } from '../../../emulator';
import { fakeEmulator } from './fixture';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
const RED = '#ff0000';

function app(emu: Emulator): GoogleAppsScript.Spreadsheet.SpreadsheetApp {
  return emu.services.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
}

/** A tab whose column C holds a status per row 2–5, and a rule `formula` over `a1`. */
function withRule(formula: string, a1: string, opts: { strictFormulas?: boolean } = {}): { emu: Emulator; sheet: Sheet } {
  const emu = fakeEmulator(opts);
  const sheet = emu.spreadsheet.getSheetByName('Sheet1')!;
  sheet.getRange('A1:C5').setValues([
    ['Code', 'Score', 'Status'],
    ['C1', 3, 'ok'],
    ['C2', 9, 'alert'],
    ['C3', 12, 'ok'],
    ['C4', 1, 'alert'],
  ]);
  sheet.setConditionalFormatRules([app(emu).newConditionalFormatRule().whenFormulaSatisfied(formula).setBackground(RED).setRanges([sheet.getRange(a1)]).build()]);
  return { emu, sheet };
}

/** The view's background of each cell of rows 2–5, columns A–C (null where none). */
function backgrounds(emu: Emulator): (string | null)[][] {
  const rows = emu.view().sheets.find((s) => s.name === 'Sheet1')!.rows;
  return [1, 2, 3, 4].map((r) => [0, 1, 2].map((c) => rows[r]?.[c]?.bg ?? null));
}

describe('custom-formula conditional formats', () => {
  test('a column-absolute, row-relative reference colours each whole row of a multi-column range by its own row', () => {
    const { emu } = withRule('=$C2="alert"', 'A2:C5');
    expect(backgrounds(emu)).toEqual([
      [null, null, null],
      [RED, RED, RED],
      [null, null, null],
      [RED, RED, RED],
    ]);
  });

  test('a fully relative reference moves with both row and column from the top-left cell', () => {
    // Written for A2 (the top-left), B2 means "the cell one column to the right": A-cells test B (scores), B-cells test C (text); rows follow too.
    const { emu } = withRule('=AND(ISNUMBER(B2),B2>5)', 'A2:B5');
    expect(backgrounds(emu).map((r) => r.slice(0, 2))).toEqual([
      [null, null],
      [RED, null],
      [RED, null],
      [null, null],
    ]);
  });

  test('an absolute reference is the same cell for every cell of the range', () => {
    const { emu } = withRule('=$B$3=9', 'A2:C5');
    expect(backgrounds(emu).flat().every((bg) => bg === RED)).toBe(true);
  });

  test('the colours follow the current values: an edit recomputes them', () => {
    const { emu } = withRule('=$C2="alert"', 'A2:C5');
    emu.edit('Sheet1', 2, 3, 'alert');
    expect(backgrounds(emu)[0]).toEqual([RED, RED, RED]);
  });

  test('only TRUE formats: a number, text or error result does not', () => {
    for (const formula of ['=$B2', '=$C2', '=1/0']) {
      const { emu } = withRule(formula, 'A2:C5');
      expect(backgrounds(emu).flat().every((bg) => bg === null)).toBe(true);
    }
  });

  test('the first matching rule wins over a later one', () => {
    const emu = fakeEmulator();
    const sheet = emu.spreadsheet.getSheetByName('Sheet1')!;
    sheet.getRange('A2').setValue(5);
    const rule = (f: string, bg: string) => app(emu).newConditionalFormatRule().whenFormulaSatisfied(f).setBackground(bg).setRanges([sheet.getRange('A2:A3')]).build();
    sheet.setConditionalFormatRules([rule('=A2>1', RED), rule('=A2>0', '#00ff00')]);
    expect(emu.view().sheets[0].rows[1][0].bg).toBe(RED);
  });

  test('a direct reference to another tab is refused by a strict emulator, with the fix in the message (Sheets wants INDIRECT there)', () => {
    const emu = fakeEmulator();
    emu.spreadsheet.insertSheet('Other').getRange('A1').setValue('alert');
    const sheet = emu.spreadsheet.getSheetByName('Sheet1')!;
    const rule = app(emu).newConditionalFormatRule().whenFormulaSatisfied("=Other!$A$1=\"alert\"").setBackground(RED).setRanges([sheet.getRange('A1:A3')]).build();
    expect(() => sheet.setConditionalFormatRules([rule])).toThrow(/refers to another tab.*INDIRECT.*helper column/);
  });

  test('with strictFormulas off, an other-tab rule never colours and is listed by formulaErrors()', () => {
    const emu = fakeEmulator({ strictFormulas: false });
    emu.spreadsheet.insertSheet('Other').getRange('A1').setValue('alert');
    const sheet = emu.spreadsheet.getSheetByName('Sheet1')!;
    sheet.setConditionalFormatRules([app(emu).newConditionalFormatRule().whenFormulaSatisfied('=Other!$A$1="alert"').setBackground(RED).setRanges([sheet.getRange('A1:A3')]).build()]);
    expect(emu.view().sheets.find((s) => s.name === 'Sheet1')!.rows[0][0].bg).toBeUndefined();
    expect(emu.formulaErrors()).toEqual([expect.objectContaining({ sheet: 'Sheet1', a1: 'A1:A3 (conditional format)', error: expect.stringMatching(/another tab/) })]);
  });

  test('relative references over several ranges are refused (no document says which top-left they follow); absolute ones are not', () => {
    const emu = fakeEmulator();
    const sheet = emu.spreadsheet.getSheetByName('Sheet1')!;
    const rule = (f: string) => app(emu).newConditionalFormatRule().whenFormulaSatisfied(f).setBackground(RED).setRanges([sheet.getRange('A2:A5'), sheet.getRange('C2:C5')]).build();
    expect(() => sheet.setConditionalFormatRules([rule('=$B2>5')])).toThrow(/2 ranges/);
    expect(() => sheet.setConditionalFormatRules([rule('=$B$2>5')])).not.toThrow();
  });

  test('an unknown function in a rule is refused like one in a cell', () => {
    const emu = fakeEmulator();
    const sheet = emu.spreadsheet.getSheetByName('Sheet1')!;
    const rule = app(emu).newConditionalFormatRule().whenFormulaSatisfied('=REGEXMATCH(A1,"x")').setBackground(RED).setRanges([sheet.getRange('A1:A3')]).build();
    expect(() => sheet.setConditionalFormatRules([rule])).toThrow(/REGEXMATCH/);
  });
});

describe('list drop-downs in view()', () => {
  test('a range rule offers the range’s current values, blanks left out, each once, and follows edits of the range', () => {
    const emu = fakeEmulator();
    const list = emu.spreadsheet.insertSheet('Clients');
    list.getRange('A1:A5').setValues([['Code'], ['DEMO-01'], [''], ['DEMO-02'], ['DEMO-01']]);
    const sheet = emu.spreadsheet.getSheetByName('Sheet1')!;
    sheet.getRange('B1').setDataValidation(app(emu).newDataValidation().requireValueInRange(list.getRange('A2:A'), true).build());
    const b1 = () => emu.view().sheets.find((s) => s.name === 'Sheet1')!.rows[0][1];
    expect(b1().dropdown).toEqual(['DEMO-01', 'DEMO-02']);
    emu.edit('Clients', 6, 1, 'DEMO-03');
    expect(b1().dropdown).toEqual(['DEMO-01', 'DEMO-02', 'DEMO-03']);
  });

  test('a value list offers its values; a rule built with showDropdown false offers none', () => {
    const emu = fakeEmulator();
    const sheet = emu.spreadsheet.getSheetByName('Sheet1')!;
    sheet.getRange('A1').setDataValidation(app(emu).newDataValidation().requireValueInList(['Yes', 'No']).build());
    sheet.getRange('A2').setDataValidation(app(emu).newDataValidation().requireValueInList(['Yes', 'No'], false).build());
    const rows = emu.view().sheets[0].rows;
    expect(rows[0][0].dropdown).toEqual(['Yes', 'No']);
    expect(rows[1][0].dropdown).toBeUndefined();
  });

  test('choosing an option is an edit: the cell takes it and formulas that read it recompute', () => {
    const emu = fakeEmulator();
    const sheet = emu.spreadsheet.getSheetByName('Sheet1')!;
    sheet.getRange('A1').setDataValidation(app(emu).newDataValidation().requireValueInList(['Yes', 'No']).setAllowInvalid(false).build());
    sheet.getRange('C1').setFormula('=IF(A1="Yes",1,0)');
    emu.edit('Sheet1', 1, 1, emu.view().sheets[0].rows[0][0].dropdown![0]);
    expect(sheet.getRange('C1').getValue()).toBe(1);
  });
});
