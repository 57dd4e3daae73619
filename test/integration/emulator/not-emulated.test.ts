// Anything the emulator does not implement fails loudly instead of reading as undefined.
import { fakeEmulator } from './fixture';

describe('not emulated', () => {
  test('an unknown Range method throws "not emulated: Range.getRichTextValues"', () => {
    const range = fakeEmulator().spreadsheet.getSheets()[0].getRange('A1');
    expect(() => range.getRichTextValues()).toThrow('not emulated: Range.getRichTextValues');
  });

  test('an unknown service method called from the bundle throws inside the bundle realm', () => {
    const emu = fakeEmulator();
    const r = emu.context as { SpreadsheetApp: { openById(id: string): unknown } };
    expect(() => r.SpreadsheetApp.openById('x')).toThrow('not emulated: SpreadsheetApp.openById');
  });

  test('an unknown enum member throws instead of being undefined', () => {
    const emu = fakeEmulator();
    const app = emu.services.SpreadsheetApp as { ProtectionType: Record<string, unknown> };
    expect(app.ProtectionType.RANGE).toBeDefined();
    expect(() => app.ProtectionType.CELL).toThrow('not emulated: ProtectionType.CELL');
  });

  test('the bundle context has no Node or web globals', () => {
    const emu = fakeEmulator();
    const g = emu.context as Record<string, unknown>;
    for (const name of ['require', 'process', 'Buffer', 'setTimeout', 'fetch', 'URL', 'TextEncoder', 'module', 'global'])
      expect(typeof g[name]).toBe('undefined');
    for (const name of ['SpreadsheetApp', 'HtmlService', 'PropertiesService', 'CacheService', 'LockService', 'Session', 'Utilities', 'Charts', 'Logger', 'console'])
      expect(g[name]).toBeDefined();
  });
});
