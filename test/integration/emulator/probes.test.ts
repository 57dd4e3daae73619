// The platform probes of "Check this spreadsheet" (src/sheets/probes.ts), run against the emulator itself: each must-hold probe gives the answer the emulator's assumption states, and each observe probe records the side the emulator models (both sides where an option switches it).
import { createEmulator, type Emulator } from '../../../emulator';
import { PROBES, runProbes, type ProbeEnv } from '../../../src/sheets/probes';

/** The probes' environment over the emulator's own services (host calls), in a new tab as the check makes one. */
function envOf(em: Emulator): ProbeEnv {
  const g = em.context as unknown as { Utilities: GoogleAppsScript.Utilities.Utilities; Session: GoogleAppsScript.Base.Session };
  const sheet = em.spreadsheet.insertSheet('Attain probe test', em.spreadsheet.getSheets().length);
  sheet.hideSheet();
  return {
    sheet,
    timeZone: em.spreadsheet.getSpreadsheetTimeZone(),
    formatDate: (d, tz, p) => g.Utilities.formatDate(d, tz, p),
    effectiveEmail: () => g.Session.getEffectiveUser().getEmail(),
  };
}

const observed = (em: Emulator) => Object.fromEntries(runProbes(envOf(em)).map((r) => [r.id, r]));

test('every probe names what it tests and the emulator assumption it checks; ids are unique', () => {
  expect(new Set(PROBES.map((p) => p.id)).size).toBe(PROBES.length);
  for (const p of PROBES) {
    expect(p.tests.length).toBeGreaterThan(20);
    expect(p.assumption).toMatch(/emulator\//);
    expect(p.expected.length).toBe(p.kind === 'must-hold' ? 1 : 2);
  }
});

test('the whole list passes against the emulator with its defaults (the pessimistic sides observed)', () => {
  const r = observed(createEmulator({}));
  expect(Object.values(r).filter((x) => !x.passed)).toEqual([]);
  expect(r['apostrophe-text-cell'].observed).toBe('kept');
  expect(r['apostrophe-general-cell'].observed).toBe('dropped');
  expect(r['countif-numeric-text'].observed).toBe('0');
  expect(r['date-serial-zone'].observed).toBe('2026-01-15, 2026-03-29, 2026-07-15, 2026-10-25');
  // Found in the hidden probe tab: the code with spaces and in other case; not the longer code or a cell that mentions it.
  expect(r['text-finder-scope'].observed).toBe('A');
  // The index's copy of Settings: a 0 stays 0, a blank reads "" (not 0), a ticked and an unticked box stay true and false.
  expect(r['settings-mirror'].observed).toBe('0 | "" | true | false');
  // Host calls are not scope-checked: the configured user's address.
  expect(r['effective-user-email'].observed).toBe('available');
});

test('the other side of each switchable assumption is recorded too, and still passes', () => {
  const r = observed(createEmulator({ apostropheInTextCells: 'strip', timeZone: 'America/New_York' }));
  expect(Object.values(r).filter((x) => !x.passed)).toEqual([]);
  expect(r['apostrophe-text-cell'].observed).toBe('dropped');
  expect(r['date-serial-zone'].observed).toBe('2026-01-15, 2026-03-29, 2026-07-15, 2026-10-25');
});

test('an answer outside the expected ones fails, naming what came', () => {
  const em = createEmulator({});
  const broken = PROBES.map((p) => (p.id === 'date-serial-zone' ? { ...p, run: () => '2026-01-14' } : p));
  const r = runProbes(envOf(em), broken).find((x) => x.id === 'date-serial-zone');
  expect(r).toMatchObject({ passed: false, observed: '2026-01-14', expected: '2026-01-15, 2026-03-29, 2026-07-15, 2026-10-25' });
});
