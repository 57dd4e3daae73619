// Every service call is counted by kind; builder chains are local and not counted.
import vm from 'node:vm';
import { fakeEmulator } from './fixture';

test('a sample sequence is counted by kind', () => {
  const emu = fakeEmulator();
  emu.calls.reset();
  const code = String.raw`
    (function () {
      var ss = SpreadsheetApp.getActiveSpreadsheet();                 // lookup
      var sh = ss.insertSheet('Data');                                // structure
      var r = sh.getRange('A1:B2');                                   // lookup
      r.setValues([[1, 2], [3, 4]]);                                  // write
      r.getValues();                                                  // read
      r.setNumberFormat('0.00');                                      // format
      sh.setFrozenRows(1);                                            // format
      var rule = SpreadsheetApp.newDataValidation().requireValueInList(['a', 'b']).build(); // not counted
      r.setDataValidation(rule);                                      // format
      var chart = sh.newChart().addRange(r).asLineChart().setTitle('T').build(); // not counted
      sh.insertChart(chart);                                          // chart
      PropertiesService.getDocumentProperties().setProperty('k', 'v'); // other ×2
      sh.getLastRow();                                                // read
    })();`;
  vm.runInContext(code, emu.context);
  const { read, write, format, structure, chart, lookup, other, total } = emu.calls;
  expect({ read, write, format, structure, chart, lookup, other, total }).toEqual({ read: 2, write: 1, format: 3, structure: 1, chart: 1, lookup: 2, other: 2, total: 12 });
  expect(emu.calls.log).toEqual([
    'SpreadsheetApp.getActiveSpreadsheet', 'Spreadsheet.insertSheet', 'Sheet.getRange', 'Range.setValues', 'Range.getValues',
    'Range.setNumberFormat', 'Sheet.setFrozenRows', 'Range.setDataValidation', 'Sheet.insertChart',
    'PropertiesService.getDocumentProperties', 'Properties.setProperty', 'Sheet.getLastRow',
  ]);
  emu.calls.reset();
  expect(emu.calls.total).toBe(0);
  expect(emu.calls.log).toEqual([]);
});

test('edit() is a person typing: not counted, but the onEdit it triggers is', () => {
  const emu = fakeEmulator();
  emu.calls.reset();
  emu.edit('Sheet1', 2, 1, '12');
  expect(emu.spreadsheet.getSheetByName('Sheet1')!.getRange('B2').getValue()).toBe('seen 12');
  // onEdit: e.range.getColumn (lookup), e.range.offset (lookup), setValue (write); then the assertion's own getSheetByName, getRange, getValue.
  expect(emu.calls.log.slice(0, 3)).toEqual(['Range.getColumn', 'Range.offset', 'Range.setValue']);
});
