// Menus from onOpen (also in AuthMode.NONE), the sidebar from dist/Sidebar.html, alerts.
import { createEmulator } from '../../../emulator';
import { fakeDist, fakeEmulator } from './fixture';

describe('ui and html', () => {
  test('onOpen in AuthMode.NONE records the add-on menu', () => {
    const emu = fakeEmulator();
    emu.trigger('onOpen', { authMode: 'NONE' });
    expect(emu.ui.menus).toEqual([{ title: 'Attain', items: [{ label: 'Open Attain', fn: 'showSidebar' }, 'separator', { label: 'Set up workbook', fn: 'setupWorkbook' }] }]);
  });

  test('AuthMode.NONE refuses spreadsheet and properties access', () => {
    const code = `function onOpen(e) { PropertiesService.getDocumentProperties().getProperty('x'); }`;
    const emu = createEmulator({ distDir: fakeDist(code), customFunctions: [] });
    expect(() => emu.trigger('onOpen', { authMode: 'NONE' })).toThrow(/You do not have permission to call PropertiesService.getDocumentProperties/);
    expect(() => emu.trigger('onOpen', { authMode: 'LIMITED' })).not.toThrow();
  });

  test('showSidebar reads dist/Sidebar.html and records title and html', () => {
    const emu = fakeEmulator();
    emu.trigger('onOpen');
    emu.clickMenu('Open Attain');
    expect(emu.ui.sidebar).toEqual({ title: 'Attain', html: expect.stringContaining('Attain sidebar') });
  });

  test('createHtmlOutputFromFile throws when the dist file is missing', () => {
    const html = fakeEmulator().services.HtmlService as GoogleAppsScript.HTML.HtmlService;
    expect(() => html.createHtmlOutputFromFile('Dialog')).toThrow('No HTML file named Dialog was found.');
    expect(html.createHtmlOutput('<b>x</b>').setTitle('T').getContent()).toBe('<b>x</b>');
  });

  test('alert is recorded and answered OK', () => {
    const emu = fakeEmulator();
    const ui = (emu.services.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getUi();
    expect(String(ui.alert('Saved', 'Goals saved.', ui.ButtonSet.OK))).toBe('OK');
    expect(emu.ui.alerts).toEqual(['Saved: Goals saved.']);
  });

  test('alert answers with the buttons a test queued, in order, then the first button; a button the set lacks throws', () => {
    const emu = fakeEmulator();
    const ui = (emu.services.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getUi();
    emu.answerAlerts('NO', 'CLOSE');
    expect(String(ui.alert('Relax?', 'Sure?', ui.ButtonSet.YES_NO))).toBe('NO');
    expect(String(ui.alert('Relax?', 'Sure?', ui.ButtonSet.YES_NO))).toBe('CLOSE');
    expect(String(ui.alert('Relax?', 'Sure?', ui.ButtonSet.YES_NO))).toBe('YES');
    emu.answerAlerts('YES');
    expect(() => ui.alert('Saved', 'Goals saved.', ui.ButtonSet.OK)).toThrow('The queued answer YES is not a button of ButtonSet.OK (OK); queue one of those or CLOSE.');
    expect(() => emu.answerAlerts('MAYBE')).toThrow('Expected a Ui.Button name (YES, NO, OK, CANCEL or CLOSE); got "MAYBE"');
  });

  test('run refuses private and unknown functions and passes the server error message', () => {
    const emu = fakeEmulator();
    expect(() => emu.run('secret_')).toThrow('Script function not found: secret_');
    expect(() => emu.run('nope')).toThrow('Script function not found: nope');
    expect(() => emu.run('fail', 'Client not found')).toThrow('Client not found');
    expect(emu.run('echo', { a: [1, undefined, 'x'] })).toEqual({ a: [1, null, 'x'] });
    expect(emu.run('getAppInfo')).toEqual({ name: 'Attain', sheets: ['Sheet1'] });
  });
});
