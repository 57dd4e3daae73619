// Dates: real Date values in and out of cells, display values by number format, Utilities.formatDate in real time zones.
import { fakeEmulator } from './fixture';

describe('dates and display values', () => {
  test('a Date written to a cell reads back as a Date', () => {
    const sh = fakeEmulator().spreadsheet.getSheets()[0];
    const d = new Date('2026-06-15T10:00:00Z');
    sh.getRange('A1').setValue(d);
    const v = sh.getRange('A1').getValue();
    expect(v).toBeInstanceOf(Date);
    expect((v as Date).toISOString()).toBe(d.toISOString());
    expect(sh.getRange('A1').getDisplayValue()).toBe('15/06/2026 11:00:00');
  });

  test('the bundle receives Dates of its own realm', () => {
    const emu = fakeEmulator();
    emu.spreadsheet.getSheets()[0].getRange('A1').setValue(new Date('2026-06-15T00:00:00Z'));
    expect(emu.run('readBack')).toEqual({ isDate: true, type: 'object' });
  });

  test('a date number format turns a serial into a date', () => {
    const sh = fakeEmulator().spreadsheet.getSheets()[0];
    sh.getRange('A1').setValue(46000).setNumberFormat('yyyy-mm-dd');
    expect(sh.getRange('A1').getDisplayValue()).toBe('2025-12-09');
    expect(sh.getRange('A1').getValue()).toEqual(new Date('2025-12-09T00:00:00Z'));
  });

  test('number formats display as Sheets does', () => {
    const sh = fakeEmulator().spreadsheet.getSheets()[0];
    const r = sh.getRange('A1:F1');
    r.setValues([[3.14159, 3.14159, 3.14159, 0.256, 42, 46000]]);
    r.setNumberFormats([['0', '0.0', '0.00', '0.0%', '@', 'dd/mm/yyyy']]);
    expect(r.getDisplayValues()).toEqual([['3', '3.1', '3.14', '25.6%', '42', '09/12/2025']]);
  });

  test('typed text is parsed like Sheets: numbers, percentages, dates, booleans, apostrophe text', () => {
    const emu = fakeEmulator();
    const sh = emu.spreadsheet.getSheets()[0];
    emu.edit('Sheet1', 1, 3, '007');
    emu.edit('Sheet1', 2, 3, '50%');
    emu.edit('Sheet1', 3, 3, '01/02/2026');
    emu.edit('Sheet1', 4, 3, 'true');
    emu.edit('Sheet1', 5, 3, "'007");
    expect(sh.getRange('C1:C5').getValues()).toEqual([[7], [0.5], [new Date('2026-02-01T00:00:00Z')], [true], ['007']]);
    expect(sh.getRange('C1:C5').getDisplayValues()).toEqual([['7'], ['50%'], ['01/02/2026'], ['TRUE'], ['007']]);
  });

  test('a plain-text ("@") cell parses nothing: a formula, number or date stays the text written', () => {
    const sh = fakeEmulator().spreadsheet.getSheets()[0];
    sh.getRange('A1:A4').setNumberFormat('@');
    sh.getRange('A1:A4').setValues([['=1+1'], ['- walk daily'], ['+44 7700'], ['0142']]);
    expect(sh.getRange('A1:A4').getValues()).toEqual([['=1+1'], ['- walk daily'], ['+44 7700'], ['0142']]);
    expect(sh.getRange('A1:A4').getFormulas()).toEqual([[''], [''], [''], ['']]);
  });

  test.each([
    ['keep', "'- walk daily"],
    ['strip', '- walk daily'],
  ] as const)('apostropheInTextCells %s: a leading apostrophe written to a plain-text cell reads %j; other cells never store it', (mode, stored) => {
    const sh = fakeEmulator({ apostropheInTextCells: mode }).spreadsheet.getSheets()[0];
    sh.getRange('A1').setNumberFormat('@');
    sh.getRange('A1:B1').setValues([["'- walk daily", "'- walk daily"]]);
    expect(sh.getRange('A1:B1').getValues()).toEqual([[stored, '- walk daily']]);
  });

  test('Utilities.formatDate uses real time zones and Java pattern letters', () => {
    const u = fakeEmulator().services.Utilities as GoogleAppsScript.Utilities.Utilities;
    const d = new Date('2026-07-01T23:30:00Z');
    expect(u.formatDate(d, 'Europe/London', 'yyyy-MM-dd HH:mm:ss EEE z')).toBe('2026-07-02 00:30:00 Thu BST');
    expect(u.formatDate(d, 'America/New_York', "EEEE d MMMM yyyy 'at' h:mm a XXX")).toBe('Wednesday 1 July 2026 at 7:30 PM -04:00');
    expect(u.formatDate(new Date('2026-01-15T12:00:00Z'), 'Europe/London', 'dd/MM/yy Z')).toBe('15/01/26 +0000');
  });
});
