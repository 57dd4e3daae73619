// Platform limits the emulator enforces with Sheets' / Apps Script's own messages.
import { fakeEmulator } from './fixture';

describe('platform limits', () => {
  test('setValues with the wrong number of rows fails with Sheets message', () => {
    const range = fakeEmulator().spreadsheet.getSheets()[0].getRange('A1:B3');
    expect(() => range.setValues([[1, 2], [3, 4]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 3.',
    );
  });

  test('setValues with the wrong number of columns fails with Sheets message', () => {
    const range = fakeEmulator().spreadsheet.getSheets()[0].getRange('A1:B2');
    expect(() => range.setValues([[1, 2, 3], [4, 5, 6]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.',
    );
  });

  test('a cell holds at most 50,000 characters', () => {
    const range = fakeEmulator().spreadsheet.getSheets()[0].getRange('A1');
    range.setValue('x'.repeat(50000));
    expect(() => range.setValue('x'.repeat(50001))).toThrow('Your input contains more than the maximum of 50000 characters in a single cell.');
  });

  test('a spreadsheet holds at most 10 million cells', () => {
    const ss = fakeEmulator().spreadsheet;
    const sheet = ss.getSheets()[0];
    sheet.insertRowsAfter(1000, 383000); // 384,000 rows × 26 columns = 9,984,000 cells
    expect(() => ss.insertSheet('More')).toThrow('This action would increase the number of cells in the workbook above the limit of 10000000 cells.');
    expect(() => sheet.insertColumnsAfter(26, 1)).toThrow('above the limit of 10000000 cells');
  });

  test('a property value is at most 9 KB', () => {
    const props = (fakeEmulator().services.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getDocumentProperties();
    props.setProperty('ok', 'x'.repeat(9 * 1024));
    expect(() => props.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow('Argument too large: value');
    expect(props.getProperty('big')).toBeNull();
  });

  test('a cache value is at most 100 KB and a key at most 250 characters', () => {
    const cache = (fakeEmulator().services.CacheService as GoogleAppsScript.Cache.CacheService).getScriptCache();
    cache.put('ok', 'x'.repeat(100 * 1024));
    expect(() => cache.put('big', 'x'.repeat(100 * 1024 + 1))).toThrow('Argument too large: value');
    expect(() => cache.put('k'.repeat(251), 'v')).toThrow('Argument too large: key');
  });

  test('google.script.run rejects a Date argument, also nested', () => {
    const emu = fakeEmulator();
    expect(() => emu.run('echo', new Date())).toThrow('Failed due to illegal value in property: 0');
    expect(() => emu.run('echo', { when: [new Date()] })).toThrow('Failed due to illegal value in property: 0');
    expect(() => emu.run('echo', { f: () => 1 })).toThrow('Failed due to illegal value in property: f');
  });

  test('a server function returning a Date is reported, since the client would never hear back', () => {
    expect(() => fakeEmulator().run('today')).toThrow(/returned a value google.script.run cannot send/);
  });
});
