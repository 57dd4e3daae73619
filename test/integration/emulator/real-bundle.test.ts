// The built dist/Code.js runs in the emulator: menu from onOpen in AuthMode.NONE, sidebar, and every declared custom function registered.
import { createEmulator, declaredCustomFunctions } from '../../../emulator';

describe('the built bundle (npm run build first)', () => {
  test('onOpen in AuthMode.NONE builds a menu whose items are top-level functions', () => {
    const emu = createEmulator();
    emu.trigger('onOpen', { authMode: 'NONE' });
    const items = emu.ui.menus.flatMap((m) => m.items).filter((i) => i !== 'separator') as { label: string; fn: string }[];
    expect(items.length).toBeGreaterThan(0);
    for (const it of items) expect(typeof (emu.context as Record<string, unknown>)[it.fn]).toBe('function');
  });

  test('showSidebar opens dist/Sidebar.html', () => {
    const emu = createEmulator();
    emu.run('showSidebar');
    expect(emu.ui.sidebar?.html).toContain('<');
  });

  test('every declared custom function is a top-level function of the bundle and callable from a formula', () => {
    const emu = createEmulator();
    const g = emu.context as Record<string, unknown>;
    const missing = declaredCustomFunctions().filter((n) => typeof g[n] !== 'function');
    expect(missing).toEqual([]);
    const sh = emu.spreadsheet.getSheets()[0];
    for (const [i, name] of declaredCustomFunctions().entries()) {
      // Any result (a value or the function's own #ERROR! for bad input) is fine; #NAME? would mean it is not registered.
      sh.getRange(i + 1, 1).setFormula(`=${name}(1)`);
      expect(sh.getRange(i + 1, 1).getValue()).not.toBe('#NAME?');
    }
    expect(emu.formulaErrors()).toEqual([]);
  });
});
