// Attain's search for a client code (src/sheets/code-finder.ts) over the emulated TextFinder: the code's own cells in any tab, any case, spaces around it; never a longer code, a mention, or a look-alike.
import { createEmulator } from '../../../emulator';
import { codeFinder, codePattern } from '../../../src/sheets/code-finder';

function spreadsheet(rows: string[][]): GoogleAppsScript.Spreadsheet.Spreadsheet {
  const em = createEmulator({});
  const sheet = em.spreadsheet.insertSheet('Rows');
  sheet.getRange(1, 1, rows.length, rows[0].length).setValues(rows);
  sheet.hideSheet();
  return em.spreadsheet;
}

const found = (ss: GoogleAppsScript.Spreadsheet.Spreadsheet, code: string) => codeFinder(ss, code).findAll().map((r) => r.getA1Notation());

test('finds the code whole, in any case and with spaces around it, on a hidden tab', () => {
  const ss = spreadsheet([['C-1', 'c-1'], ['  C-1 ', 'x']]);
  expect(found(ss, 'C-1')).toEqual(['A1', 'B1', 'A2']);
});

test('never a longer code that contains it, nor a cell that mentions it', () => {
  const ss = spreadsheet([['C-10', 'about C-1'], ['XC-1', 'C-1']]);
  expect(found(ss, 'C-1')).toEqual(['B2']);
});

test('a code with pattern characters is matched as the text it is', () => {
  const ss = spreadsheet([['A.1', 'AB1'], ['A+1', 'AA1']]);
  expect(found(ss, 'A.1')).toEqual(['A1']);
  expect(found(ss, 'A+1')).toEqual(['A2']);
  expect(codePattern(' (x) ')).toBe('\\s*\\(x\\)\\s*');
});
