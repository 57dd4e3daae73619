// The emulator's public API (one file, as long as the API it wires): createEmulator() loads dist/Code.js into a bare V8 context whose globals are emulated Apps Script services, and exposes run/trigger/edit/view/exportState/formulaErrors and call counts.
import fs from 'node:fs';
import path from 'node:path';
import type vm from 'node:vm';
import { cellA1 } from '../src/sheets/a1';
import { CacheService } from './cache';
import { countCall, createCalls, type Calls, type Kind } from './counts';
import { Faults, type FaultOptions } from './faults';
import { conditionProblems } from './conditional-formats';
import { Ctx, type ExecMode, type UiRecord } from './ctx';
import { parseEntry } from './entry';
import { AuthMode, ChartsEnums } from './enums';
import { HtmlService } from './html';
import { LockService, type LockKind, type LockState } from './lock';
import { Emulated, raw as rawObj, realmError, toRealm, wrap, type Env, type Realm } from './not-emulated';
import { PropertiesService, type PropertyStores } from './properties';
import { Session, User } from './session';
import { missingScope } from './scopes';
import { Spreadsheet, SpreadsheetApp } from './spreadsheet';
import { exportState, importState, type EmulatorState } from './state';
import { instantOfSerial, isValidTimeZone } from './time';
import { Ui } from './ui';
import { Logger, makeConsole, Utilities } from './utilities';
import { passesValidation } from './validation';
import { buildView, type PreviewView } from './view';
import { createBareContext, illegalRunValue, loadBundle } from './vm';
import { Workbook } from './workbook';

export type { CallCounts, Calls, Kind } from './counts';
export type { FaultOptions } from './faults';
export type { EmulatorState } from './state';
export type { PreviewView, PreviewSheet, PreviewCell } from './view';
export type { ChartSpec } from './charts';
export type { UiRecord } from './ctx';

/** The repository root: the nearest folder above this file holding src/server/entrypoints.json (also when bundled elsewhere). */
export const REPO_ROOT = ((): string => {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'src', 'server', 'entrypoints.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(__dirname, '..');
  }
})();

export interface EmulatorOptions {
  /** Folder holding Code.js (and *.html, appsscript.json); default <repo>/dist. */
  distDir?: string;
  /** A document saved with exportState(). */
  state?: EmulatorState;
  /** The person using the add-on (active and effective user). */
  user?: string;
  /** The spreadsheet's owner; defaults to the user. */
  owner?: string;
  /** The spreadsheet's time zone; default 'Europe/London'. */
  timeZone?: string;
  /** Throw from the write call when a formula has a parse error or unknown function/name (default true). */
  strictFormulas?: boolean;
  /**
   * When formulas are evaluated: 'lazy' (default) at the first read after writes, and only as far as the read tab needs; 'eager'
   * after every write, as the emulator did before. Reads return the same values either way (the eager mode is the reference).
   */
  evaluation?: 'lazy' | 'eager';
  /** Whether a plain-text ("@") cell keeps a leading apostrophe written to it: 'keep' (default, pessimistic) or 'strip'. */
  apostropheInTextCells?: 'strip' | 'keep';
  /** Custom function names; default: the "custom" entries of src/server/entrypoints.json. */
  customFunctions?: string[];
  /** Title recorded for createAddonMenu() (Sheets shows the add-on's name under Extensions). */
  addonMenuTitle?: string;
  /** Clock for cache expiry (ms since epoch). */
  now?: () => number;
  /** The OAuth scopes the user granted; default: the manifest's oauthScopes (a list without one is a user who unticked it). */
  scopes?: string[];
}

export interface Emulator {
  context: vm.Context;
  services: Record<string, unknown>;
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  calls: Calls;
  ui: UiRecord;
  /** Logger.log and console output of the bundle. */
  logs: string[];
  run(name: string, ...args: unknown[]): unknown;
  trigger(name: 'onOpen' | 'onInstall' | 'onEdit', e?: object): unknown;
  edit(sheet: string, row: number, col: number, input: string): void;
  /** Runs the function behind a recorded menu item (by its label), as clicking it would. */
  clickMenu(label: string): unknown;
  /** Simulates another execution holding (or releasing) a lock, so tryLock fails and waitLock times out. */
  holdLockElsewhere(kind: LockKind, held: boolean): void;
  /** Makes the n-th later call of some kinds throw (fault injection; null disarms). Host calls (em.spreadsheet) count too. */
  failCalls(opts: FaultOptions | null): void;
  /** Queues the buttons a person will press for the next Ui.alert calls ('YES', 'NO', 'OK', 'CANCEL', 'CLOSE'), in order. */
  answerAlerts(...buttons: string[]): void;
  view(): PreviewView;
  exportState(): EmulatorState;
  formulaErrors(): { sheet: string; a1: string; formula: string; error: string }[];
  /** Milliseconds the formula engine has spent evaluating since this emulator was made (everything is evaluated first). */
  evaluationMs(): number;
}

/** The custom-function names Attain declares (src/server/entrypoints.json, kind "custom"). */
export function declaredCustomFunctions(): string[] {
  const file = path.join(REPO_ROOT, 'src', 'server', 'entrypoints.json');
  const entries = JSON.parse(fs.readFileSync(file, 'utf8')).entries as { name: string; kind: string }[];
  return entries.filter((e) => e.kind === 'custom').map((e) => e.name);
}

class ChartsService extends Emulated {
  readonly _cls = 'Charts';
  readonly ChartType = ChartsEnums.ChartType;
  readonly ChartHiddenDimensionStrategy = ChartsEnums.ChartHiddenDimensionStrategy;
  readonly ChartMergeStrategy = ChartsEnums.ChartMergeStrategy;
  readonly Position = ChartsEnums.Position;
  readonly PointStyle = ChartsEnums.PointStyle;
  readonly CurveStyle = ChartsEnums.CurveStyle;
}

class ScriptAppService extends Emulated {
  readonly _cls = 'ScriptApp';
  readonly AuthMode = AuthMode;
}

const SPREADSHEET_CLASSES = new Set(['Spreadsheet', 'Sheet', 'Range', 'Protection', 'NamedRange']);
const ALLOWED_IN_NONE = new Set(['Ui', 'Menu', 'Utilities', 'Logger', 'Charts', 'HtmlOutput', 'User', 'DataValidationBuilder', 'ConditionalFormatRuleBuilder']);

function qualified(cls: string, method: string): string {
  return `${SPREADSHEET_CLASSES.has(cls) ? 'SpreadsheetApp.' : ''}${cls}.${method}`;
}

/** Apps Script's execution rules: AuthMode.NONE reaches no user data; custom functions cannot change the document or show UI. */
function checkPermission(mode: ExecMode, cls: string, method: string, kind: Kind | null): void {
  if (mode.kind === 'trigger' && mode.authMode === 'NONE') {
    const ok = ALLOWED_IN_NONE.has(cls) || (cls === 'SpreadsheetApp' && method === 'getUi') || (cls === 'Session' && method === 'getActiveUserLocale');
    if (!ok) throw new Error(`You do not have permission to call ${qualified(cls, method)} (the trigger runs in AuthMode.NONE: the add-on is not yet in use in this document).`);
  }
  if (mode.kind === 'custom') {
    const changes = kind === 'write' || kind === 'format' || kind === 'structure' || (kind === 'chart' && method !== 'getCharts');
    if (changes || cls === 'Ui' || cls === 'Menu' || (cls === 'SpreadsheetApp' && method === 'getUi'))
      throw new Error(`You do not have permission to call ${qualified(cls, method)}`);
  }
}

/** The manifest's oauthScopes, or null without the field (Apps Script then detects the scopes from the code: every call is allowed). */
function manifestScopes(file: string): string[] | null {
  const scopes = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')).oauthScopes : undefined;
  if (scopes === undefined) return null;
  if (!(Array.isArray(scopes) && scopes.every((s) => typeof s === 'string')))
    throw new Error(`Expected ${file} oauthScopes to be an array of scope URLs; got ${JSON.stringify(scopes)}. Fix the manifest (appsscript.json) and rebuild.`);
  return scopes;
}

/** Apps Script refuses a call none of whose scopes (emulator/scopes.ts) is granted; tests' own calls (host) and custom functions (no authorisation) are not checked. */
function checkScope(mode: ExecMode, cls: string, method: string, granted: ReadonlySet<string> | null): void {
  if (!granted || mode.kind === 'host' || mode.kind === 'custom') return;
  const refused = missingScope(cls, method, qualified(cls, method), granted);
  if (refused) throw new Error(refused);
}

export function createEmulator(opts: EmulatorOptions = {}): Emulator {
  const distDir = path.resolve(opts.distDir ?? path.join(REPO_ROOT, 'dist'));
  const codeFile = path.join(distDir, 'Code.js');
  if (!fs.existsSync(codeFile)) throw new Error(`Expected ${codeFile}; run npm run build first`);
  const code = fs.readFileSync(codeFile, 'utf8');
  const user = opts.user ?? 'clinician@example.org';
  const owner = opts.owner ?? opts.state?.spreadsheet.owner ?? user;
  const timeZone = opts.timeZone ?? 'Europe/London';
  if (!isValidTimeZone(timeZone)) throw new Error(`Invalid time zone: ${timeZone}`);
  let scriptTimeZone = timeZone;
  const manifest = path.join(distDir, 'appsscript.json');
  if (fs.existsSync(manifest)) {
    const tz = JSON.parse(fs.readFileSync(manifest, 'utf8')).timeZone;
    if (typeof tz === 'string') scriptTimeZone = tz;
  }
  // Granted scopes: what the test says the user allowed, else the manifest's explicit oauthScopes (null: detected, all allowed).
  const listed = opts.scopes ?? manifestScopes(manifest);
  const granted = listed ? new Set(listed) : null;

  const wb = new Workbook('1EmulatedSpreadsheetId0000000000000000000000', 'Attain (emulated)', timeZone, owner, user, opts.strictFormulas ?? true);
  if (opts.apostropheInTextCells) wb.apostropheInTextCells = opts.apostropheInTextCells;
  if (opts.evaluation) wb.evaluation = opts.evaluation;
  const ctx = new Ctx(wb, distDir);
  if (opts.addonMenuTitle) ctx.addonMenuTitle = opts.addonMenuTitle;
  const calls = createCalls();
  ctx.cellsRead = (n) => (calls.cells += n);
  const faults = new Faults();
  const stores: PropertyStores = { document: {}, script: {}, user: {} };
  const locks: LockState = { held: new Set(), elsewhere: new Set() };

  const before = (cls: string, method: string, kind: Kind | null) => {
    checkPermission(ctx.mode, cls, method, kind);
    checkScope(ctx.mode, cls, method, granted);
    faults.check(kind);
    if (kind) countCall(calls, kind, `${cls}.${method}`);
  };
  const { context, realm, json: ctxJSON } = createBareContext();
  const ctxEnv: Env = { realm, before };
  const hostEnv: Env = { realm: { Date, Error, Array } as Realm, before };

  const ui = new Ui(ctx);
  const spreadsheet = new Spreadsheet(ctx);
  ctx.spreadsheet = spreadsheet;
  const raw: Record<string, object> = {
    SpreadsheetApp: new SpreadsheetApp(ctx, ui),
    HtmlService: new HtmlService(ctx),
    PropertiesService: new PropertiesService(ctx, stores),
    CacheService: new CacheService(ctx, opts.now),
    LockService: new LockService(ctx, locks),
    Session: new Session(ctx, scriptTimeZone),
    Utilities: new Utilities(ctx),
    Charts: new ChartsService(),
    Logger: new Logger(ctx),
    ScriptApp: new ScriptAppService(),
  };
  const services: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) services[k] = wrap(v, ctxEnv);
  services.console = makeConsole(ctx);
  Object.assign(context, services);

  /** Runs one execution (or a nested one) in a mode; locks are released when the outermost ends, as in Apps Script. */
  const exec = <T>(mode: ExecMode, fn: () => T): T => {
    const prev = ctx.mode;
    ctx.mode = mode;
    try {
      return fn();
    } finally {
      ctx.mode = prev;
      if (prev.kind === 'host') locks.held.clear();
    }
  };

  loadBundle(context, code, 'Code.js');
  const g = context as Record<string, unknown>;
  const customNames = (opts.customFunctions ?? declaredCustomFunctions()).filter((n) => typeof g[n] === 'function');
  wb.initEngine(customNames);
  wb.customHost = {
    invoke: (name, args) =>
      exec({ kind: 'custom', name }, () => {
        const fn = g[name];
        if (typeof fn !== 'function') throw new Error(`Unknown function: ${name}`);
        return (fn as (...a: unknown[]) => unknown)(...(toRealm(args, ctxEnv) as unknown[]));
      }),
    isDateCell: () => false,
    dateOfSerial: (serial) => new realm.Date(instantOfSerial(serial, wb.timeZone)),
    serialOfDate: () => 0,
  };

  if (opts.state) {
    importState(wb, opts.state, stores);
    spreadsheet._active = (opts.state.spreadsheet.activeSheet && wb.sheetByName(opts.state.spreadsheet.activeSheet)) || null;
  } else {
    wb.addSheet('Sheet1', 0);
  }

  const topLevel = (name: string): ((...a: unknown[]) => unknown) => {
    if (typeof name !== 'string' || name.endsWith('_') || typeof g[name] !== 'function') throw new Error(`Script function not found: ${name}`);
    return g[name] as (...a: unknown[]) => unknown;
  };

  const runAs = (mode: ExecMode, fn: () => unknown): unknown => {
    try {
      return exec(mode, fn);
    } catch (e) {
      throw realmError(e, hostEnv);
    }
  };

  const emulator: Emulator = {
    context,
    services,
    spreadsheet: wrap(spreadsheet, hostEnv) as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet,
    calls,
    ui: ctx.ui,
    logs: ctx.logs,

    run(name, ...args) {
      const fn = topLevel(name);
      const bad = illegalRunValue(args);
      if (bad !== null) throw new Error(`Failed due to illegal value in property: ${bad}`);
      const copied = ctxJSON.parse(JSON.stringify(args, (_k, v) => (v === undefined ? null : v))) as unknown[];
      const result = runAs({ kind: 'run', name }, () => fn(...copied));
      const badOut = illegalRunValue(result);
      if (badOut !== null)
        throw new Error(`${name} returned a value google.script.run cannot send (a Date or function at property ${badOut}); in Apps Script neither the success nor the failure handler would fire`);
      return result === undefined ? undefined : JSON.parse(JSON.stringify(result));
    },

    trigger(name, e = {}) {
      const fn = topLevel(name);
      const given = (e as { authMode?: unknown }).authMode;
      const mode = String(given ?? (name === 'onInstall' ? 'FULL' : 'LIMITED')) as 'NONE' | 'LIMITED' | 'FULL';
      if (!['NONE', 'LIMITED', 'FULL'].includes(mode)) throw new Error(`Unknown authMode ${mode}`);
      const event: Record<string, unknown> = { ...e, authMode: AuthMode[mode] };
      // Objects handed in from the host (emulator.spreadsheet, a range) are re-wrapped for the bundle's realm; an email becomes a User.
      for (const [k, v] of Object.entries(event)) {
        const r = rawObj(v);
        if (r instanceof Emulated) event[k] = wrap(r, ctxEnv);
      }
      if (typeof event.user === 'string') event.user = wrap(new User(event.user), ctxEnv);
      if (mode !== 'NONE' && !('source' in event)) event.source = wrap(spreadsheet, ctxEnv);
      if (mode !== 'NONE' && !('user' in event)) event.user = wrap(new User(wb.user), ctxEnv);
      return runAs({ kind: 'trigger', name, authMode: mode }, () => fn(event));
    },

    edit(sheetName, row, col, input) {
      const sm = wb.sheetByName(sheetName);
      if (!sm) throw new Error(`No sheet named ${sheetName}`);
      if (row < 1 || col < 1 || row > sm.maxRows || col > sm.maxCols) throw new Error('The coordinates of the cell are outside the sheet.');
      const text = String(input);
      const oldDisplay = wb.display(sm, row, col);
      const dv = wb.fmtAt(sm, row, col)?.dv;
      if (dv && !dv.allowInvalid && !text.startsWith('=')) {
        const parsed = parseEntry(text, wb.fmtAt(sm, row, col)?.nf, wb.apostropheInTextCells).content;
        const value = typeof parsed === 'string' && parsed.startsWith("'") ? parsed.slice(1) : parsed;
        if (!passesValidation(ctx, dv, value ?? ''))
          throw new Error(`There was a problem: the data you entered in cell ${sm.name}!${cellA1(row, col)} violates the data validation rules set on this cell.${dv.helpText ? ' ' + dv.helpText : ''}`);
      }
      wb.writeBlock(sm, row, col, [[text]], 'value');
      if (typeof g.onEdit === 'function') {
        const range = wrap(ctx.range(sm, row, col, 1, 1), ctxEnv);
        const event: Record<string, unknown> = { authMode: AuthMode.LIMITED, source: wrap(spreadsheet, ctxEnv), range, user: wrap(new User(wb.user), ctxEnv) };
        if (!text.startsWith('=')) event.value = text;
        if (oldDisplay !== '') event.oldValue = oldDisplay;
        runAs({ kind: 'trigger', name: 'onEdit', authMode: 'LIMITED' }, () => (g.onEdit as (e: unknown) => unknown)(event));
      }
    },

    clickMenu(label) {
      for (const m of ctx.ui.menus)
        for (const it of m.items)
          if (it !== 'separator' && it.label === label) {
            const fn = topLevel(it.fn);
            return runAs({ kind: 'run', name: it.fn }, () => fn());
          }
      throw new Error(`No menu item labelled ${JSON.stringify(label)}; recorded: ${ctx.ui.menus.flatMap((m) => m.items.filter((i) => i !== 'separator').map((i) => (i as { label: string }).label)).join(', ')}`);
    },

    failCalls(opts) {
      faults.arm(opts);
    },

    holdLockElsewhere(kind, held) {
      if (held) locks.elsewhere.add(kind);
      else locks.elsewhere.delete(kind);
    },

    answerAlerts(...buttons) {
      for (const b of buttons) if (!['YES', 'NO', 'OK', 'CANCEL', 'CLOSE'].includes(b)) throw new Error(`Expected a Ui.Button name (YES, NO, OK, CANCEL or CLOSE); got ${JSON.stringify(b)}`);
      ctx.ui.answers.push(...buttons);
    },

    view() {
      return buildView(wb, spreadsheet._activeModel());
    },

    exportState() {
      return exportState(wb, stores, spreadsheet._active);
    },

    formulaErrors() {
      return [...wb.formulaProblems(), ...wb.sheets.flatMap((sm) => conditionProblems(wb, sm))];
    },

    evaluationMs() {
      wb.engine.fresh();
      return wb.engine.evaluationMs;
    },
  };
  return emulator;
}
