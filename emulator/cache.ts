// CacheService: document/script/user caches with Apps Script's limits (250-character keys, 100 KB values, 6 h maximum expiry, default 10 minutes).
import type { Ctx } from './ctx';
import { Emulated } from './not-emulated';

type GCache = GoogleAppsScript.Cache.Cache;

export const MAX_CACHE_KEY_CHARS = 250;
export const MAX_CACHE_VALUE_BYTES = 100 * 1024;
export const MAX_CACHE_SECONDS = 21600;

export type CacheStore = Map<string, { value: string; expires: number }>;

export class Cache extends Emulated implements Pick<GCache, 'get' | 'put' | 'remove' | 'getAll' | 'putAll' | 'removeAll'> {
  readonly _cls = 'Cache';
  constructor(
    readonly _store: CacheStore,
    readonly _now: () => number,
  ) {
    super();
  }
  private key(k: unknown): string {
    if (typeof k !== 'string') throw new Error('Invalid argument: key');
    if (k.length > MAX_CACHE_KEY_CHARS) throw new Error('Argument too large: key');
    return k;
  }
  private value(v: unknown): string {
    if (typeof v !== 'string') throw new Error("The parameters don't match the method signature for CacheService.Cache.put.");
    if (Buffer.byteLength(v, 'utf8') > MAX_CACHE_VALUE_BYTES) throw new Error('Argument too large: value');
    return v;
  }
  private ttl(seconds: unknown): number {
    if (seconds === undefined) return 600;
    if (typeof seconds !== 'number' || !Number.isFinite(seconds)) throw new Error('Invalid argument: expirationInSeconds');
    // Apps Script silently caps at 6 hours.
    return Math.max(1, Math.min(MAX_CACHE_SECONDS, seconds));
  }
  get(key: string): string | null {
    const e = this._store.get(this.key(key));
    if (!e) return null;
    if (e.expires <= this._now()) {
      this._store.delete(key);
      return null;
    }
    return e.value;
  }
  put(key: string, value: string, expirationInSeconds?: number): void {
    const k = this.key(key);
    this._store.set(k, { value: this.value(value), expires: this._now() + this.ttl(expirationInSeconds) * 1000 });
  }
  remove(key: string): void {
    this._store.delete(this.key(key));
  }
  getAll(keys: string[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const k of keys) {
      const v = this.get(k);
      if (v !== null) out[k] = v;
    }
    return out;
  }
  putAll(values: Record<string, string>, expirationInSeconds?: number): void {
    const entries = Object.entries(values).map(([k, v]) => [this.key(k), this.value(v)] as const);
    for (const [k, v] of entries) this.put(k, v, expirationInSeconds);
  }
  removeAll(keys: string[]): void {
    for (const k of keys) this.remove(k);
  }
}

export class CacheService extends Emulated implements Pick<GoogleAppsScript.Cache.CacheService, 'getDocumentCache' | 'getScriptCache' | 'getUserCache'> {
  readonly _cls = 'CacheService';
  readonly _stores = { document: new Map() as CacheStore, script: new Map() as CacheStore, user: new Map<string, CacheStore>() };
  constructor(
    readonly _ctx: Ctx,
    readonly _now: () => number = () => Date.now(),
  ) {
    super();
  }
  getDocumentCache(): GCache {
    return new Cache(this._stores.document, this._now) as unknown as GCache;
  }
  getScriptCache(): GCache {
    return new Cache(this._stores.script, this._now) as unknown as GCache;
  }
  getUserCache(): GCache {
    const who = this._ctx.wb.user.toLowerCase();
    let s = this._stores.user.get(who);
    if (!s) this._stores.user.set(who, (s = new Map()));
    return new Cache(s, this._now) as unknown as GCache;
  }
}
