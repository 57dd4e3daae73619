// TextFinder as the emulator models it (emulator/text-finder.ts): partial and case-blind by default, whole cell and case on request, plain text unless told, display values, hidden tabs searched; findAll counts as one read and its matches as cells read.
import { createEmulator, type Emulator } from '../../../emulator';

/** A workbook with two tabs (one hidden) holding codes that contain one another, in other case and with spaces. */
function book(): Emulator {
  const em = createEmulator({});
  const ss = em.spreadsheet;
  const a = ss.insertSheet('Visible');
  a.getRange(1, 1, 5, 2).setValues([
    ['Client', 'Note'],
    ['C-1', 'about C-1'],
    ['C-10', ''],
    [' c-1 ', ''],
    ['C.1', ''],
  ]);
  const b = ss.insertSheet('Hidden');
  b.getRange(1, 1, 2, 1).setValues([['Client'], ['C-1']]);
  b.hideSheet();
  return em;
}

const where = (hits: GoogleAppsScript.Spreadsheet.Range[]) => hits.map((r) => `${r.getSheet().getName()}!${r.getA1Notation()}`);

test('by default a spreadsheet-wide search is partial and case-blind, and sees hidden tabs', () => {
  const em = book();
  expect(where(em.spreadsheet.createTextFinder('c-1').findAll())).toEqual(['Visible!A2', 'Visible!B2', 'Visible!A3', 'Visible!A4', 'Hidden!A2']);
});

test('whole-cell matching compares the whole text, surrounding spaces included', () => {
  const em = book();
  expect(where(em.spreadsheet.createTextFinder('C-1').matchEntireCell(true).findAll())).toEqual(['Visible!A2', 'Hidden!A2']);
});

test('matchCase keeps case; plain text treats regular-expression characters literally', () => {
  const em = book();
  expect(where(em.spreadsheet.getSheetByName('Visible')!.createTextFinder('c-1').matchCase(true).findAll())).toEqual(['Visible!A4']);
  expect(where(em.spreadsheet.createTextFinder('C.1').findAll())).toEqual(['Visible!A5']);
  expect(where(em.spreadsheet.createTextFinder('C.1').useRegularExpression(true).matchEntireCell(true).findAll())).toEqual(['Visible!A2', 'Visible!A5', 'Hidden!A2']);
});

test('a range finder searches only its block', () => {
  const em = book();
  expect(where(em.spreadsheet.getSheetByName('Visible')!.getRange('A3:A5').createTextFinder('C-1').findAll())).toEqual(['Visible!A3', 'Visible!A4']);
});

test('a formula cell is searched by the value it shows, unless matchFormulaText', () => {
  const em = book();
  const sheet = em.spreadsheet.getSheetByName('Hidden')!;
  sheet.getRange('B1').setFormula('=UPPER("x-9")');
  expect(where(em.spreadsheet.createTextFinder('X-9').findAll())).toEqual(['Hidden!B1']);
  expect(where(em.spreadsheet.createTextFinder('UPPER').findAll())).toEqual([]);
  expect(where(em.spreadsheet.createTextFinder('UPPER').matchFormulaText(true).findAll())).toEqual(['Hidden!B1']);
});

test('findAll is one read; its matches count as cells read, as a getValues block counts its cells', () => {
  const em = book();
  em.calls.reset();
  em.spreadsheet.createTextFinder('C-1').findAll();
  expect([em.calls.read, em.calls.cells]).toEqual([1, 5]);
  em.spreadsheet.getSheetByName('Visible')!.getRange(2, 1, 3, 2).getValues();
  expect([em.calls.read, em.calls.cells]).toEqual([2, 11]);
});

test('a found cell knows its tab by id: getGridId is the tab\u2019s getSheetId', () => {
  const em = book();
  const hidden = em.spreadsheet.getSheetByName('Hidden')!;
  const ids = em.spreadsheet.createTextFinder('C-1').matchEntireCell(true).findAll().map((r) => r.getGridId());
  expect(ids).toEqual([em.spreadsheet.getSheetByName('Visible')!.getSheetId(), hidden.getSheetId()]);
});
