// The bare V8 context that runs dist/Code.js: only the Apps Script services as globals (no require, process, Buffer, timers, fetch, URL, TextEncoder), plus google.script.run's argument rules.
import vm from 'node:vm';
import { isDate, type Realm } from './not-emulated';

export const SERVICE_GLOBALS = ['SpreadsheetApp', 'HtmlService', 'PropertiesService', 'CacheService', 'LockService', 'Session', 'Utilities', 'Charts', 'Logger', 'ScriptApp', 'console'] as const;

/** A fresh context and the constructors of its realm (its own Date, Error, Array). */
export function createBareContext(): { context: vm.Context; realm: Realm; json: JSON } {
  const context = vm.createContext({}, { name: 'Apps Script (emulated)', codeGeneration: { strings: true, wasm: false } });
  const realm = vm.runInContext('({ Date: Date, Error: Error, Array: Array })', context) as Realm;
  const json = vm.runInContext('JSON', context) as JSON;
  return { context, realm, json };
}

export function loadBundle(context: vm.Context, code: string, filename = 'Code.js'): void {
  vm.runInContext(code, context, { filename });
}

/**
 * google.script.run's rule: arguments and results are primitives, plain objects and arrays of them;
 * a Date, a function or a DOM node anywhere inside fails ("Failed due to illegal value in property: …").
 */
export function illegalRunValue(v: unknown, path: string[] = [], seen = new Set<unknown>()): string | null {
  if (typeof v === 'function') return path[path.length - 1] ?? '0';
  if (v === null || typeof v !== 'object') return null;
  if (isDate(v)) return path[path.length - 1] ?? '0';
  if (seen.has(v)) return null;
  seen.add(v);
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const bad = illegalRunValue(v[i], [...path, String(i)], seen);
      if (bad !== null) return bad;
    }
    return null;
  }
  const proto = Object.getPrototypeOf(v);
  if (proto !== null && Object.getPrototypeOf(proto) !== null) return path[path.length - 1] ?? '0';
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    const bad = illegalRunValue(x, [...path, k], seen);
    if (bad !== null) return bad;
  }
  return null;
}
