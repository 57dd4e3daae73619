// The chosen client is remembered per user and per spreadsheet (rememberClient, read back by getBootstrap), and getTemplate hands the sidebar one template of the library.
import { createEmulator } from '../../../emulator';
import { bundledTemplates } from '../../../src/core/template-library';
import { client, measure, ok, setUp } from '../../../kit/workbook';

interface Boot {
  lastClient?: string;
  templates?: { id: string; title: string; description: string }[];
}

test('a reopened sidebar gets the client this user chose last in this spreadsheet', () => {
  const em = setUp();
  ok(em.run('addClient', client('C-0001')));
  ok(em.run('addClient', client('C-0002')));
  expect(ok<Boot>(em.run('getBootstrap')).lastClient).toBeUndefined();
  ok(em.run('rememberClient', 'C-0002'));
  expect(ok<Boot>(em.run('getBootstrap')).lastClient).toBe('C-0002');
});

test('remembering writes no cell and no document property: only this user\u2019s own store', () => {
  const em = setUp();
  ok(em.run('addClient', client('C-0001')));
  const before = em.exportState();
  const cost = measure(em, () => ok(em.run('rememberClient', 'C-0001')));
  expect(cost.write).toBe(0);
  const after = em.exportState();
  expect(after.sheets).toEqual(before.sheets);
  expect(after.properties.document).toEqual(before.properties.document);
  expect(Object.values(after.properties.user).some((store) => Object.values(store).includes('C-0001'))).toBe(true);
});

test('another user of the same spreadsheet does not get my client', () => {
  const em = setUp();
  ok(em.run('addClient', client('C-0001')));
  ok(em.run('rememberClient', 'C-0001'));
  const colleague = createEmulator({ state: em.exportState(), user: 'colleague@example.org', owner: 'clinician@example.org' });
  expect(ok<Boot>(colleague.run('getBootstrap')).lastClient).toBeUndefined();
});

test('a remembered client no longer on the Clients tab is not offered', () => {
  const em = setUp();
  ok(em.run('addClient', client('C-0001')));
  ok(em.run('rememberClient', 'C-0999'));
  expect(ok<Boot>(em.run('getBootstrap')).lastClient).toBeUndefined();
});

test('rememberClient refuses a blank code with a field message', () => {
  const em = setUp();
  const r = em.run('rememberClient', '  ') as { ok: boolean; errors: Record<string, string> };
  expect(r.ok).toBe(false);
  expect(r.errors.code).toMatch(/Expected a client code/);
});

test('the Bootstrap lists every template; getTemplate answers the chosen one as the library holds it', () => {
  const em = setUp();
  const boot = ok<Boot>(em.run('getBootstrap'));
  expect(boot.templates?.map((t) => t.id)).toEqual(bundledTemplates().map((t) => t.id));
  expect(ok(em.run('getTemplate', 'panic-disorder'))).toEqual(JSON.parse(JSON.stringify(bundledTemplates().find((t) => t.id === 'panic-disorder'))));
  const unknown = em.run('getTemplate', 'no-such') as { ok: boolean; errors: Record<string, string> };
  expect(unknown.ok).toBe(false);
  expect(unknown.errors.id).toMatch(/panic-disorder/);
});
