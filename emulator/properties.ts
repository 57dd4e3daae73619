// PropertiesService: document, script and user stores with Apps Script's limits (9 KB per value, 500 KB per store); values are strings.
import type { Ctx } from './ctx';
import { Emulated } from './not-emulated';

type GProps = GoogleAppsScript.Properties.Properties;

export const MAX_PROPERTY_VALUE_BYTES = 9 * 1024;
export const MAX_PROPERTY_STORE_BYTES = 500 * 1024;

function bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

export class Properties extends Emulated implements Pick<GProps, 'getProperty' | 'setProperty' | 'setProperties' | 'getProperties' | 'deleteProperty' | 'deleteAllProperties' | 'getKeys'> {
  readonly _cls = 'Properties';
  constructor(
    readonly _store: Record<string, string>,
    readonly _label: string,
  ) {
    super();
  }
  private self(): GProps {
    return this as unknown as GProps;
  }
  private check(next: Record<string, string>): void {
    for (const [k, v] of Object.entries(next)) {
      if (bytes(v) > MAX_PROPERTY_VALUE_BYTES) throw new Error('Argument too large: value');
      if (bytes(k) > MAX_PROPERTY_VALUE_BYTES) throw new Error('Argument too large: key');
    }
    const total = Object.entries(next).reduce((n, [k, v]) => n + bytes(k) + bytes(v), 0);
    if (total > MAX_PROPERTY_STORE_BYTES) throw new Error('You have exceeded the property storage quota. Please remove some properties and try again.');
  }
  getProperty(key: string): string | null {
    return Object.prototype.hasOwnProperty.call(this._store, key) ? this._store[key] : null;
  }
  setProperty(key: string, value: string): GProps {
    if (typeof key !== 'string' || key === '') throw new Error('Invalid argument: key');
    if (value === null || value === undefined) throw new Error("The parameters (String,null) don't match the method signature for PropertiesService.Properties.setProperty.");
    const next = { ...this._store, [key]: String(value) };
    this.check(next);
    this._store[key] = String(value);
    return this.self();
  }
  setProperties(properties: Record<string, unknown>, deleteAllOthers?: boolean): GProps {
    const base = deleteAllOthers ? {} : { ...this._store };
    for (const [k, v] of Object.entries(properties)) base[k] = String(v);
    this.check(base);
    for (const k of Object.keys(this._store)) delete this._store[k];
    Object.assign(this._store, base);
    return this.self();
  }
  getProperties(): Record<string, string> {
    return { ...this._store };
  }
  getKeys(): string[] {
    return Object.keys(this._store);
  }
  deleteProperty(key: string): GProps {
    delete this._store[key];
    return this.self();
  }
  deleteAllProperties(): GProps {
    for (const k of Object.keys(this._store)) delete this._store[k];
    return this.self();
  }
}

export interface PropertyStores {
  document: Record<string, string>;
  script: Record<string, string>;
  user: Record<string, Record<string, string>>;
}

export class PropertiesService extends Emulated implements Pick<GoogleAppsScript.Properties.PropertiesService, 'getDocumentProperties' | 'getScriptProperties' | 'getUserProperties'> {
  readonly _cls = 'PropertiesService';
  constructor(
    readonly _ctx: Ctx,
    readonly _stores: PropertyStores,
  ) {
    super();
  }
  getDocumentProperties(): GProps {
    return new Properties(this._stores.document, 'document') as unknown as GProps;
  }
  getScriptProperties(): GProps {
    return new Properties(this._stores.script, 'script') as unknown as GProps;
  }
  /** In a custom function the user store is the owner's (Apps Script rule). */
  getUserProperties(): GProps {
    const who = (this._ctx.mode.kind === 'custom' ? this._ctx.wb.owner : this._ctx.wb.user).toLowerCase();
    const store = (this._stores.user[who] ??= {});
    return new Properties(store, 'user') as unknown as GProps;
  }
}
