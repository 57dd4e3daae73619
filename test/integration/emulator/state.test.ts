// exportState() → createEmulator({ state }) restores the document exactly.
import { fakeEmulator } from './fixture';

test('state round trip keeps values, formulas, formats, rules, protections, charts, properties and views', () => {
  const emu = fakeEmulator({ strictFormulas: true });
  const ss = emu.spreadsheet;
  const sh = ss.getSheetByName('Sheet1')!;
  sh.getRange('A1:C2').setValues([['Name', 'Date', 'Score'], ['Ann', new Date('2026-01-05T09:30:00Z'), 12.5]]);
  sh.getRange('D2').setFormula('=C2*2');
  sh.getRange('E1').setFormula('=SQUARES(2)');
  sh.getRange('A1:C1').setFontWeight('bold').setBackground('#eeeeee');
  sh.getRange('C2').setNumberFormat('0.0').setNote('baseline');
  sh.getRange('A2').setDataValidation(SpreadsheetAppLike(emu).newDataValidation().requireValueInList(['Ann', 'Bob']).setAllowInvalid(false).build());
  sh.setConditionalFormatRules([SpreadsheetAppLike(emu).newConditionalFormatRule().whenNumberGreaterThan(10).setBackground('#ff0000').setRanges([sh.getRange('C2:C10')]).build()]);
  sh.getRange('A1:C1').protect().setDescription('headers').setWarningOnly(true);
  sh.insertChart(sh.newChart().addRange(sh.getRange('A1:C2')).asColumnChart().setTitle('Scores').setPosition(5, 2, 0, 0).build());
  sh.setFrozenRows(1);
  sh.setColumnWidth(1, 180);
  const hidden = ss.insertSheet('_calc');
  hidden.getRange('A1').setFormula('=Sheet1!C2+1');
  hidden.hideSheet();
  ss.setNamedRange('Scores', sh.getRange('C2:C10'));
  (emu.services.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getDocumentProperties().setProperty('settings', '{"v":1}');

  const state = emu.exportState();
  const json = JSON.parse(JSON.stringify(state));
  const again = fakeEmulator({ state: json });
  expect(again.exportState()).toEqual(state);
  expect(again.view()).toEqual(emu.view());
  const sh2 = again.spreadsheet.getSheetByName('Sheet1')!;
  expect(sh2.getRange('B2').getValue()).toEqual(new Date('2026-01-05T09:30:00Z'));
  expect(sh2.getRange('D2').getValue()).toBe(25);
  expect(again.spreadsheet.getSheetByName('_calc')!.getRange('A1').getValue()).toBe(13.5);
  expect(state.sheets[0].cells.find((c) => c.a1 === 'B2')!.v).toEqual({ type: 'date', iso: '2026-01-05T09:30:00.000Z' });
});

function SpreadsheetAppLike(emu: ReturnType<typeof fakeEmulator>): GoogleAppsScript.Spreadsheet.SpreadsheetApp {
  return emu.services.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
}
