// The Proxy around every emulated object: counts calls, checks execution permissions, moves values between realms, and throws `not emulated: Class.method` for anything unknown.
import { kindOf, type Kind } from './counts';

/** The constructors of the realm a caller lives in (the vm context of Code.js, or the test's own). */
export interface Realm {
  Date: DateConstructor;
  Error: ErrorConstructor;
  Array: ArrayConstructor;
}

/** How one set of proxies talks to its caller: which realm it returns values in, and what runs before each call. */
export interface Env {
  realm: Realm;
  before(cls: string, method: string, kind: Kind | null): void;
}

/** Base of every emulated class: the Apps Script class name drives the error messages and the call kinds. */
export abstract class Emulated {
  abstract readonly _cls: string;
}

// Names that JS machinery probes on any object (promises, jest, util.inspect, JSON); reading them must stay harmless.
const PROBES = new Set(['then', 'toJSON', 'asymmetricMatch', '$$typeof', 'nodeType', 'tagName', 'inspect', 'constructor', 'prototype', 'toString', 'valueOf', '@@__IMMUTABLE_ITERABLE__@@', '@@__IMMUTABLE_RECORD__@@', '_isMockFunction', 'nodeName', 'length', 'name', 'call', 'apply', 'bind']);

const rawOf = new WeakMap<object, object>();
const proxyCache = new WeakMap<object, Map<Env, object>>();

export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

/** A function that throws `not emulated: name` when called, and also when anything is read from it. */
export function notEmulated(name: string, env?: Env): unknown {
  const fail = () => {
    const msg = `not emulated: ${name}`;
    throw env ? new env.realm.Error(msg) : new Error(msg);
  };
  return new Proxy(function notEmulatedMethod() {}, {
    apply: fail,
    construct: fail,
    get(_t, prop) {
      if (typeof prop === 'symbol' || PROBES.has(prop)) return undefined;
      return fail();
    },
  });
}

/** The emulated object behind a proxy (or the value itself). */
export function raw<T>(v: T): T {
  if (v !== null && (typeof v === 'object' || typeof v === 'function')) {
    const r = rawOf.get(v as object);
    if (r) return r as T;
  }
  return v;
}

function unwrapArg(a: unknown): unknown {
  if (a === null || typeof a !== 'object') return a;
  const r = rawOf.get(a);
  if (r) return r;
  if (Array.isArray(a) && a.length > 0 && a.some((x) => x !== null && typeof x === 'object' && rawOf.has(x))) return a.map(unwrapArg);
  return a;
}

/** Values leaving the emulator: emulated objects get proxies, Dates are re-made in the caller's realm (deeply in arrays). */
export function toRealm(v: unknown, env: Env, depth = 0): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (v instanceof Emulated) return wrap(v, env);
  if (isDate(v)) return v instanceof env.realm.Date ? v : new env.realm.Date((v as Date).getTime());
  if (Array.isArray(v) && depth < 4) {
    const out = new env.realm.Array(v.length);
    for (let i = 0; i < v.length; i++) out[i] = toRealm(v[i], env, depth + 1);
    return out;
  }
  return v;
}

/** Errors leaving the emulator are Errors of the caller's realm, named like Apps Script's. */
export function realmError(e: unknown, env: Env): Error {
  if (e instanceof env.realm.Error) return e;
  const msg = e instanceof Error || (e && typeof (e as Error).message === 'string') ? (e as Error).message : String(e);
  const err = new env.realm.Error(msg);
  err.name = 'Exception';
  return err;
}

/** The proxy the outside world sees for one emulated object. */
export function wrap<T extends object>(target: T, env: Env): T {
  if (rawOf.has(target)) return target;
  let byEnv = proxyCache.get(target);
  if (!byEnv) proxyCache.set(target, (byEnv = new Map()));
  const hit = byEnv.get(env);
  if (hit) return hit as T;
  const cls = (target as unknown as Emulated)._cls ?? 'Object';
  const methods = new Map<string, unknown>();
  const proxy = new Proxy(target, {
    get(t, prop) {
      if (typeof prop === 'symbol') return Reflect.get(t, prop);
      if (prop.startsWith('_')) return PROBES.has(prop) ? undefined : notEmulated(`${cls}.${prop}`, env);
      if (!(prop in t)) return PROBES.has(prop) ? undefined : notEmulated(`${cls}.${prop}`, env);
      const v = Reflect.get(t, prop);
      if (typeof v !== 'function' || prop === 'constructor') return v;
      let m = methods.get(prop);
      if (!m) {
        const kind = kindOf(cls, prop);
        m = function (this: unknown, ...args: unknown[]) {
          try {
            env.before(cls, prop, kind);
            return toRealm((v as (...a: unknown[]) => unknown).apply(t, args.map(unwrapArg)), env);
          } catch (e) {
            throw realmError(e, env);
          }
        };
        methods.set(prop, m);
      }
      return m;
    },
    set(_t, prop) {
      throw new env.realm.Error(`not emulated: assigning ${cls}.${String(prop)}`);
    },
  });
  rawOf.set(proxy, target);
  byEnv.set(env, proxy);
  return proxy;
}

/** One value of an Apps Script enum: prints as its name, like the real ones. */
export class EnumValue {
  constructor(
    readonly enumName: string,
    readonly key: string,
    readonly ordinalValue: number,
  ) {}
  toString(): string {
    return this.key;
  }
  toJSON(): string {
    return this.key;
  }
  name(): string {
    return this.key;
  }
  ordinal(): number {
    return this.ordinalValue;
  }
}

/** An enum object whose unknown members throw instead of reading as undefined. */
export function makeEnum(enumName: string, keys: string[]): Record<string, EnumValue> {
  const values: Record<string, EnumValue> = {};
  keys.forEach((k, i) => (values[k] = new EnumValue(enumName, k, i)));
  Object.freeze(values);
  return new Proxy(values, {
    get(t, prop) {
      if (typeof prop === 'symbol' || prop in t) return Reflect.get(t, prop);
      if (PROBES.has(prop)) return undefined;
      throw new Error(`not emulated: ${enumName}.${prop}`);
    },
  });
}

/** The key of an enum value however it arrives (EnumValue, its name, or a real Apps Script-style string). */
export function enumKey(v: unknown): string {
  if (v instanceof EnumValue) return v.key;
  if (typeof v === 'string') return v;
  if (v && typeof (v as { toString?: unknown }).toString === 'function') return String(v);
  throw new Error(`Invalid argument: expected an enum value, got ${typeof v}`);
}

/** The key of an enum argument that must be one of `values`' keys; otherwise `Invalid argument: name (KEY)`. */
export function enumKeyIn(v: unknown, values: object, name: string): string {
  const key = enumKey(v);
  if (!(key in values)) throw new Error(`Invalid argument: ${name} (${key})`);
  return key;
}
