// Protections: description, editors, warning-only, and writes by a user who may not edit.
import { createEmulator } from '../../../emulator';
import { FAKE_CUSTOM, fakeDist, fakeEmulator } from './fixture';

const dist = fakeDist();
const asUser = (user: string, state?: ReturnType<ReturnType<typeof fakeEmulator>['exportState']>) =>
  createEmulator({ distDir: dist, customFunctions: FAKE_CUSTOM, user, owner: 'owner@clinic.org', state });

describe('protections', () => {
  test('a new protection lists the owner and the protecting user; removeEditors keeps the owner', () => {
    const emu = asUser('lead@clinic.org');
    const p = emu.spreadsheet.getSheets()[0].getRange('A1:B2').protect().setDescription('Scores');
    expect(p.getEditors().map((u) => u.getEmail()).sort()).toEqual(['lead@clinic.org', 'owner@clinic.org']);
    p.addEditor('lead@clinic.org');
    p.removeEditors(p.getEditors());
    p.setDomainEdit(false);
    expect(p.getEditors().map((u) => u.getEmail())).toEqual(['owner@clinic.org']);
    expect(p.getDescription()).toBe('Scores');
    expect(p.canEdit()).toBe(false);
  });

  test('a user who is not an editor cannot write to a protected range', () => {
    const owner = asUser('owner@clinic.org');
    const p = owner.spreadsheet.getSheets()[0].getRange('A1:B2').protect();
    p.removeEditors(['owner@clinic.org']);
    p.setDomainEdit(false);
    const other = asUser('therapist@elsewhere.org', owner.exportState());
    const sh = other.spreadsheet.getSheets()[0];
    expect(() => sh.getRange('B2').setValue(1)).toThrow(
      'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
    );
    sh.getRange('C3').setValue(1);
    expect(sh.getRange('B2').canEdit()).toBe(false);
  });

  test('a warning-only protection lets everyone write', () => {
    const owner = asUser('owner@clinic.org');
    const p = owner.spreadsheet.getSheets()[0].protect().setWarningOnly(true);
    expect(p.isWarningOnly()).toBe(true);
    const other = asUser('therapist@elsewhere.org', owner.exportState());
    other.spreadsheet.getSheets()[0].getRange('A1').setValue('ok');
    expect(other.spreadsheet.getSheets()[0].getProtections(SpreadsheetAppEnum(other).ProtectionType.SHEET)[0].isWarningOnly()).toBe(true);
  });

  test('an added editor can write', () => {
    const owner = asUser('owner@clinic.org');
    owner.spreadsheet.getSheets()[0].getRange('A1').protect().addEditor('therapist@elsewhere.org').setDomainEdit(false);
    const other = asUser('therapist@elsewhere.org', owner.exportState());
    other.spreadsheet.getSheets()[0].getRange('A1').setValue('ok');
    expect(other.spreadsheet.getSheets()[0].getRange('A1').getValue()).toBe('ok');
  });
});

function SpreadsheetAppEnum(emu: ReturnType<typeof fakeEmulator>): GoogleAppsScript.Spreadsheet.SpreadsheetApp {
  return emu.services.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
}
