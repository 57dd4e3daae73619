// Loads the built dist/ artefacts into a bare V8 context whose only globals are Apps Script stand-ins that record every use.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

export const ROOT = path.resolve(__dirname, '..', '..');
export const DIST = path.join(ROOT, 'dist');

export interface Entry {
  name: string;
  kind: 'trigger' | 'menu' | 'rpc' | 'custom';
  label?: string;
}

export const ENTRIES: Entry[] = JSON.parse(fs.readFileSync(path.join(ROOT, 'src/server/entrypoints.json'), 'utf8')).entries;

export function readDist(name: string): string {
  const file = path.join(DIST, name);
  if (!fs.existsSync(file)) throw new Error(`Expected ${file}; run npm run build first`);
  return fs.readFileSync(file, 'utf8');
}

export const SERVICE_NAMES = ['SpreadsheetApp', 'HtmlService', 'PropertiesService', 'CacheService', 'LockService', 'Session', 'Utilities', 'Charts', 'Logger', 'ScriptApp'];

/** A stand-in service: any property read is recorded, and calling through it returns another recorder. */
export function recorder(name: string, log: string[]): unknown {
  const fn = function () {};
  return new Proxy(fn, {
    get(_t, prop) {
      if (prop === Symbol.toPrimitive || prop === 'then') return undefined;
      log.push(`${name}.${String(prop)}`);
      return recorder(`${name}.${String(prop)}`, log);
    },
    apply() {
      log.push(`${name}()`);
      return recorder(`${name}()`, log);
    },
  });
}

/** Evaluates Code.js as a classic script in a fresh context; `services` replaces the recorders by name. */
export function loadCode(services: Record<string, unknown> = {}, log: string[] = []): vm.Context {
  const globals: Record<string, unknown> = { console };
  for (const name of SERVICE_NAMES) globals[name] = recorder(name, log);
  Object.assign(globals, services);
  const ctx = vm.createContext(globals);
  vm.runInContext(readDist('Code.js'), ctx, { filename: 'Code.js' });
  return ctx;
}
