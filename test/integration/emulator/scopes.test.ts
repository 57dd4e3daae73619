// Scopes (issue 12): every entry point works under exactly the manifest's oauthScopes, a call without its scope throws Apps Script's message, each scope-table row names its reference page, and a user who unticked a scope reads a plain message.
import fs from 'node:fs';
import path from 'node:path';
import { createEmulator, REPO_ROOT, type Emulator } from '../../../emulator';
import { SCOPE, SCOPE_TABLE, scopeError, scopeRow } from '../../../emulator/scopes';
import { client, fiveGoalPlan, headerCols, ok, session } from '../../../kit/workbook';
import { fakeDist } from './fixture';

const MANIFEST = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'appsscript.json'), 'utf8')) as { oauthScopes: string[] };
const ENTRIES = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'src', 'server', 'entrypoints.json'), 'utf8')) as { entries: { name: string; kind: string }[] }).entries;
const LEAD = 'lead@clinic.org';
const OWNER = 'owner@clinic.org';
/** Apps Script's refusal for a scope, and Attain's plain version of it. */
const REFUSED = /do not have permission|not sufficient to call|Required permissions|Attain needs permission/;

type Result = { ok: boolean; message?: string; data?: Record<string, unknown> };

/** What an entry point said: its thrown message, or its reply's message ('' when it answered ok or returned no Result). */
function said(fn: () => unknown): string {
  try {
    const r = fn() as Result | undefined;
    return r && typeof r === 'object' && r.ok === false ? String(r.message ?? '') : '';
  } catch (e) {
    return (e as Error).message;
  }
}

function without(scope: string): string[] {
  return MANIFEST.oauthScopes.filter((s) => s !== scope);
}

/** Set up by LEAD (not the owner), with one client, a five-goal plan and a session: the sidebar's day so far. */
function scriptedDay(em: Emulator): string[] {
  em.trigger('onOpen', { authMode: 'NONE' });
  em.trigger('onOpen', { authMode: 'LIMITED' });
  em.run('setupSpreadsheet');
  ok(em.run('addClient', client('C-0001')));
  const ids = ok<{ goals: { id: string }[] }>(em.run('savePlan', fiveGoalPlan('C-0001'))).goals.map((g) => g.id);
  for (const date of ['2026-01-12', '2026-01-19', '2026-01-26', '2026-02-02']) ok(em.run('recordSession', session('C-0001', ids, { date })));
  return ids;
}

describe('the manifest scopes suffice: every entry point under exactly appsscript.json oauthScopes', () => {
  const em = createEmulator({ user: LEAD, owner: OWNER, scopes: MANIFEST.oauthScopes });
  const ids = scriptedDay(em);
  // Arguments for the entry points that take some; the others are called bare (a refusal other than a scope is fine there).
  const args: Record<string, unknown[]> = {
    getClient: ['C-0001'],
    rememberClient: ['C-0001'],
    getTemplate: ['panic-disorder'],
    addClient: [client('C-0002')],
    savePlan: [fiveGoalPlan('C-0002')],
    recordSession: [session('C-0001', ids, { date: '2026-02-09' })],
    savePriorities: [{ clientCode: 'C-0001', items: ids.slice(0, 2).map((goalId) => ({ goalId, urgency: 3, importance: 3, readiness: 3, tier: '' })) }],
    startReview: ['C-0001'],
    saveReview: [{ clientCode: 'C-0001', date: '2026-02-10', sessionNumber: 5, goals: ids.map((goalId) => ({ goalId, decision: 'continue', gasLevel: 0, rating: 7 })) }],
    buildRelapsePreventionPlan: [{ clientCode: 'C-0001', date: '2026-02-11', whatHelped: ['Walking'], warningSigns: ['Cancelling plans'], copingStrategies: ['Diary'], ifTheyReturn: ['Book a review'], contacts: [{ who: 'GP', how: '0800 1' }] }],
    GAS_TSCORE: [[[0, 1, -1]], [[1, 2, 1]], 0.3],
    MEASURE_SCORE: ['phq9', [[1, 2, 1, 0, 1, 2, 1, 0, 0]]],
  };
  const expectOk = new Set(['getAppInfo', 'getBootstrap', 'getClient', 'rememberClient', 'getTemplate', 'addClient', 'savePlan', 'recordSession', 'savePriorities', 'startReview', 'saveReview', 'buildRelapsePreventionPlan', 'getOutcomes']);

  test.each(ENTRIES.filter((e) => e.kind !== 'trigger').map((e) => [e.name, e.kind]))('%s (%s) meets no permission refusal', (name) => {
    const message = said(() => em.run(name, ...(args[name] ?? [])));
    expect(message).not.toMatch(REFUSED);
    if (expectOk.has(name)) expect(message).toBe('');
  });

  test('onOpen and onInstall build the menu in every auth mode', () => {
    for (const authMode of ['NONE', 'LIMITED', 'FULL']) {
      expect(said(() => em.trigger('onOpen', { authMode }))).toBe('');
      expect(said(() => em.trigger('onInstall', { authMode }))).toBe('');
    }
    expect(em.ui.menus.length).toBeGreaterThan(0);
  });

  test('the sidebar opens (script.container.ui) and every Audit row names the person who saved (userinfo.email)', () => {
    em.clickMenu('Open Attain');
    expect(em.ui.sidebar?.title).toBe('Attain');
    const audit = em.spreadsheet.getSheetByName('Audit')!;
    const users = audit.getRange(2, headerCols(em, 'Audit').get('User')!, audit.getLastRow() - 1, 1).getValues().map((r) => r[0]);
    expect(users.length).toBeGreaterThanOrEqual(6);
    expect(new Set(users)).toEqual(new Set([LEAD]));
  });

  test('strict mode keeps the person running setup (not the owner) an editor of every Attain protection', () => {
    const settings = em.spreadsheet.getSheetByName('Settings')!;
    const row = settings.getRange(1, 4, settings.getLastRow(), 1).getValues().map((r) => r[0]).indexOf('protection.mode') + 1;
    em.edit('Settings', row, 2, 'strict');
    em.run('setupSpreadsheet');
    const strict = em.exportState().sheets.flatMap((s) => s.protections).filter((p) => p.description.startsWith('Attain') && !p.warningOnly);
    expect(strict.length).toBeGreaterThan(0);
    expect(strict.every((p) => p.editors.includes(LEAD))).toBe(true);
    expect(said(() => em.run('recordSession', session('C-0001', ids, { date: '2026-02-16' })))).toBe('');
  });
});

describe('a call without its scope throws Apps Script\'s permission error', () => {
  const code = `
function who() { return Session.getEffectiveUser().getEmail(); }
function locale() { return Session.getActiveUserLocale(); }
function sheets() { return SpreadsheetApp.getActiveSpreadsheet().getName(); }
function sidebar() { SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput('<p>x</p>')); }
function onOpen() { SpreadsheetApp.getUi().createAddonMenu().addItem('Open', 'sidebar').addToUi(); }`;
  const manifest = (scopes: string[]) => JSON.stringify({ timeZone: 'Europe/London', runtimeVersion: 'V8', oauthScopes: scopes });

  test('the manifest without userinfo.email: Session.getEffectiveUser is refused, naming the scope; the locale needs none', () => {
    const em = createEmulator({ distDir: fakeDist(code, { 'appsscript.json': manifest([SCOPE.sheetsCurrent, SCOPE.ui]) }), customFunctions: [] });
    expect(() => em.run('who')).toThrow(scopeError('Session.getEffectiveUser', [SCOPE.email]));
    expect(() => em.run('who')).toThrow('You do not have permission to call Session.getEffectiveUser. Required permissions: https://www.googleapis.com/auth/userinfo.email');
    expect(em.run('locale')).toBe('en_GB');
  });

  test('the spreadsheet scopes are either-or, and the message lists them as Apps Script does', () => {
    const em = createEmulator({ distDir: fakeDist(code, { 'appsscript.json': manifest([SCOPE.ui]) }), customFunctions: [] });
    expect(() => em.run('sheets')).toThrow(
      'You do not have permission to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: (https://www.googleapis.com/auth/spreadsheets.currentonly || https://www.googleapis.com/auth/spreadsheets)',
    );
    expect(createEmulator({ distDir: fakeDist(code, { 'appsscript.json': manifest([SCOPE.sheets]) }), customFunctions: [] }).run('sheets')).toBe('Attain (emulated)');
    // Tests' own reads through em.spreadsheet are the host's, never refused.
    expect(em.spreadsheet.getName()).toBe('Attain (emulated)');
  });

  test('the `scopes` option is a user who unticked one: showSidebar needs script.container.ui, the menu needs nothing', () => {
    const em = createEmulator({ distDir: fakeDist(code, { 'appsscript.json': manifest(MANIFEST.oauthScopes) }), customFunctions: [], scopes: without(SCOPE.ui) });
    expect(() => em.trigger('onOpen', { authMode: 'NONE' })).not.toThrow();
    expect(() => em.run('sidebar')).toThrow('You do not have permission to call Ui.showSidebar. Required permissions: https://www.googleapis.com/auth/script.container.ui');
  });

  test('a manifest without oauthScopes has its scopes detected from the code: nothing is refused', () => {
    const em = createEmulator({ distDir: fakeDist(code), customFunctions: [] });
    expect(em.run('who')).toBe('clinician@example.org');
  });
});

describe('the scope table (emulator/scopes.ts)', () => {
  test('every row names its Apps Script reference page', () => {
    for (const row of SCOPE_TABLE) expect([row.cls, row.method, row.doc]).toEqual([row.cls, row.method, expect.stringMatching(/^https:\/\/developers\.google\.com\/apps-script\/reference\/[a-z-]+\/[a-z-]+(#\w+\([\w,]*\))?$/)]);
  });

  test('every scope a row asks for is one of the manifest\'s or its wider spreadsheets twin, so the table cannot drift from appsscript.json', () => {
    const known = new Set([...MANIFEST.oauthScopes, SCOPE.sheets]);
    expect(SCOPE_TABLE.flatMap((r) => r.scopes).filter((s) => !known.has(s))).toEqual([]);
  });

  test('every emulated class has a row, and a method with none throws naming the file to fix', () => {
    const dir = path.join(REPO_ROOT, 'emulator');
    const classes = new Set(fs.readdirSync(dir).filter((f) => f.endsWith('.ts')).flatMap((f) => [...fs.readFileSync(path.join(dir, f), 'utf8').matchAll(/_cls = '(\w+)'/g)].map((m) => m[1])));
    expect(classes.size).toBeGreaterThan(20);
    for (const cls of classes) expect(() => scopeRow(cls, 'anyMethod')).not.toThrow();
    expect(() => scopeRow('DriveApp', 'getFiles')).toThrow(/^Expected a row for DriveApp\.getFiles \(or DriveApp\.\*\) in emulator\/scopes\.ts; found none\./);
  });
});

describe('a user who unticked a scope reads a plain message', () => {
  const PLAIN = /^Attain needs permission to .+ Choose Extensions ▸ Attain ▸ Open Attain and allow it when Google asks/;

  test('without userinfo.email: setup stops with the plain message before writing, and a save says nothing was saved', () => {
    const granted = createEmulator({ user: LEAD, owner: OWNER });
    granted.run('setupSpreadsheet');
    ok(granted.run('addClient', client('C-0001')));
    const em = createEmulator({ user: LEAD, owner: OWNER, state: granted.exportState(), scopes: without(SCOPE.email) });
    const before = JSON.stringify(em.exportState().sheets);
    const setup = said(() => em.run('setupSpreadsheet'));
    expect(setup).toMatch(PLAIN);
    expect(setup).toContain('"See your primary Google Account email address"');
    const save = said(() => em.run('savePlan', fiveGoalPlan('C-0001')));
    expect(save).toMatch(/^Nothing was saved: Attain needs permission to record your email address/);
    expect(save).not.toMatch(/Required permissions|googleapis/);
    expect(JSON.stringify(em.exportState().sheets)).toBe(before);
    expect(ok<{ clients: unknown[] }>(em.run('getBootstrap')).clients).toHaveLength(1);
  });

  test('without the spreadsheet scope: the sidebar\'s getBootstrap answers {ok:false} plainly, and setup throws the plain message', () => {
    const em = createEmulator({ user: LEAD, owner: OWNER, scopes: without(SCOPE.sheetsCurrent) });
    const boot = em.run('getBootstrap') as Result;
    expect(boot.ok).toBe(false);
    expect(boot.message).toMatch(PLAIN);
    expect(boot.message).toContain('read and change this spreadsheet');
    expect(said(() => em.run('setupSpreadsheet'))).toMatch(PLAIN);
  });

  test('without script.container.ui: Open Attain throws the plain message', () => {
    const em = createEmulator({ user: LEAD, owner: OWNER, scopes: without(SCOPE.ui) });
    em.trigger('onOpen', { authMode: 'NONE' });
    expect(said(() => em.clickMenu('Open Attain'))).toMatch(/^Attain needs permission to show its sidebar and dialogs/);
  });
});
