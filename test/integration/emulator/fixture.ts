// A small stand-in for dist/: a Code.js of plain top-level functions (menu, sidebar, RPCs, custom functions, onEdit) plus Sidebar.html and appsscript.json.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createEmulator, type Emulator, type EmulatorOptions } from '../../../emulator';

export const FAKE_CODE = String.raw`
function onOpen(e) {
  SpreadsheetApp.getUi().createAddonMenu().addItem('Open Attain', 'showSidebar').addSeparator().addItem('Set up workbook', 'setupWorkbook').addToUi();
}
function onInstall(e) { onOpen(e); }
function showSidebar() {
  var html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Attain');
  SpreadsheetApp.getUi().showSidebar(html);
}
function getAppInfo() {
  return { name: 'Attain', sheets: SpreadsheetApp.getActiveSpreadsheet().getSheets().map(function (s) { return s.getName(); }) };
}
function echo(x) { return x; }
function fail(msg) { throw new Error(msg); }
function today() { return new Date(); }
function secret_() { return 'hidden'; }
function setupWorkbook() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var sh = ss.insertSheet('Scores');
  sh.getRange(1, 1, 1, 3).setValues([['Client', 'Score', 'Double']]).setFontWeight('bold');
  sh.getRange(2, 1, 3, 2).setValues([['A', 1], ['B', 2], ['C', 3]]);
  sh.getRange('C2').setFormula('=DOUBLE(B2:B4)');
  sh.setFrozenRows(1);
  return sh.getLastRow();
}
function readBack() {
  var v = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sheet1').getRange('A1').getValue();
  return { isDate: v instanceof Date, type: typeof v };
}
function DOUBLE(x) {
  if (Array.isArray(x)) return x.map(function (r) { return r.map(function (v) { return v === '' ? '' : v * 2; }); });
  return x * 2;
}
function SQUARES(n) {
  var out = [];
  for (var i = 1; i <= n; i++) out.push([i, i * i]);
  return out;
}
function FAIL(msg) { throw new Error(msg); }
function KIND(x) {
  if (x instanceof Date) return 'date';
  if (Array.isArray(x)) return 'array:' + x.length + 'x' + x[0].length;
  return x === '' ? 'blank' : typeof x;
}
function WRITER(x) {
  SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sheet1').getRange('Z1').setValue(x);
  return 1;
}
function onEdit(e) {
  if (e.range.getColumn() === 1) e.range.offset(0, 1).setValue('seen ' + e.value);
}
`;

export const FAKE_CUSTOM = ['DOUBLE', 'SQUARES', 'FAIL', 'KIND', 'WRITER'];

export function fakeDist(code = FAKE_CODE, files: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attain-emu-'));
  fs.writeFileSync(path.join(dir, 'Code.js'), code);
  fs.writeFileSync(path.join(dir, 'Sidebar.html'), '<!doctype html><html><body><div id="app">Attain sidebar</div></body></html>');
  fs.writeFileSync(path.join(dir, 'appsscript.json'), JSON.stringify({ timeZone: 'Europe/London', runtimeVersion: 'V8' }));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

let shared: string | null = null;

/** An emulator over the fake bundle (one temp dist shared by all tests of a file). */
export function fakeEmulator(opts: EmulatorOptions = {}): Emulator {
  if (!shared) shared = fakeDist();
  return createEmulator({ distDir: shared, customFunctions: FAKE_CUSTOM, ...opts });
}
