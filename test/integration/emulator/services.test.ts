// Properties, cache, lock and session behave like Apps Script's.
import { fakeEmulator } from './fixture';

describe('services', () => {
  test('properties are strings and survive per store', () => {
    const ps = fakeEmulator().services.PropertiesService as GoogleAppsScript.Properties.PropertiesService;
    ps.getDocumentProperties().setProperties({ a: '1', b: 2 as unknown as string });
    expect(ps.getDocumentProperties().getProperties()).toEqual({ a: '1', b: '2' });
    ps.getDocumentProperties().deleteProperty('a');
    expect(ps.getDocumentProperties().getProperty('a')).toBeNull();
    expect(ps.getScriptProperties().getProperty('b')).toBeNull();
  });

  test('cache entries expire', () => {
    let now = 1_000_000;
    const cache = (fakeEmulator({ now: () => now }).services.CacheService as GoogleAppsScript.Cache.CacheService).getDocumentCache()!;
    cache.put('k', 'v', 60);
    cache.putAll({ a: '1', b: '2' });
    expect(cache.getAll(['k', 'a', 'zz'])).toEqual({ k: 'v', a: '1' });
    now += 61_000;
    expect(cache.get('k')).toBeNull();
    expect(cache.get('a')).toBe('1');
  });

  test('waitLock throws when another execution holds the lock', () => {
    const emu = fakeEmulator();
    const lock = (emu.services.LockService as GoogleAppsScript.Lock.LockService).getDocumentLock();
    expect(lock.tryLock(100)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    lock.releaseLock();
    emu.holdLockElsewhere('document', true);
    expect(lock.tryLock(100)).toBe(false);
    expect(() => lock.waitLock(1000)).toThrow('Lock timeout: another process was holding the lock for too long.');
  });

  test('Session reports the configured user and the manifest time zone', () => {
    const s = fakeEmulator({ user: 'sam@clinic.org' }).services.Session as GoogleAppsScript.Base.Session;
    expect(s.getActiveUser().getEmail()).toBe('sam@clinic.org');
    expect(s.getEffectiveUser().getEmail()).toBe('sam@clinic.org');
    expect(s.getScriptTimeZone()).toBe('Europe/London');
  });
});
