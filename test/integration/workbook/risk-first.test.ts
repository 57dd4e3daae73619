// Risk first on the demo clinic (issue 13): the Clients list's badges are the alerts tab's (Supervision's) for every client, getClient's "Last time" carries DEMO-05's item-9 flag in its words, the acknowledgement lands in Audit, and a missing alerts tab shows no badges and no error.
import type { Emulator } from '../../../emulator';
import { SEED_USER } from '../../../preview/seed';
import { seededDemo } from '../../../preview/seed-cache';
import { ALERT_ORDER } from '../../../src/core/alerts';
import { ALERT_LABELS } from '../../../src/sheets/alert-formulas';
import type { Bootstrap, ClientDetail, RecordSessionData } from '../../../src/contract';
import { ok } from '../../../kit/workbook';

jest.setTimeout(900000); // seeding the demo clinic through the emulator takes 30 s alone, minutes on a shared machine

const CODES = ['DEMO-01', 'DEMO-02', 'DEMO-03', 'DEMO-04', 'DEMO-05', 'DEMO-06'];
const ITEM9 = 'PHQ-9 item 9 (self-harm thoughts) endorsed: review risk now';

let em: Emulator;

beforeAll(() => {
  em = seededDemo().emulator;
});

/** A tab as objects keyed by its header row (row `headerRow`), rows with a first cell only. */
function table(name: string, headerRow = 1): Record<string, unknown>[] {
  const v = em.spreadsheet.getSheetByName(name)!.getDataRange().getValues();
  const h = v[headerRow - 1].map(String);
  return v.slice(headerRow).filter((r) => r[0] !== '').map((r) => Object.fromEntries(h.map((k, i) => [k, r[i]])));
}

/** Supervision shows active clients only: with the clinician selector blank, one row per active client. */
function supervision(): Map<string, Record<string, unknown>> {
  return new Map(table('Supervision', 3).map((r) => [String(r.Client), r]));
}

describe('the Clients list: badges from the alerts tab', () => {
  test('every demo client carries the alerts and review words of its Supervision row and of its alerts-tab row', () => {
    const boot = ok<Bootstrap>(em.run('getBootstrap'));
    const sup = supervision();
    const helper = new Map(table('Attain alerts').map((r) => [String(r.Client), r]));
    expect(boot.clients.map((c) => c.code)).toEqual(CODES);
    for (const c of boot.clients) {
      const row = sup.get(c.code)!;
      expect([c.code, c.alerts?.alerts.join('; ')]).toEqual([c.code, String(row.Alerts)]);
      expect([c.code, c.alerts?.review]).toEqual([c.code, String(row.Review)]);
      expect([c.code, c.alerts?.alerts.join('; '), c.alerts?.review]).toEqual([c.code, String(helper.get(c.code)!.Alerts), String(helper.get(c.code)!.Review)]);
      // The kinds are the Alerts cell's labels, in the rules' order (safety first).
      const kinds = ALERT_ORDER.filter((k) => String(row.Alerts).split('; ').some((p) => p === ALERT_LABELS[k] || p.startsWith(`${ALERT_LABELS[k]}: `)));
      expect([c.code, c.alerts?.kinds]).toEqual([c.code, kinds]);
    }
  });

  test('DEMO-05 leads with the safety badge in the flag’s words; DEMO-04 shows reliable deterioration', () => {
    const boot = ok<Bootstrap>(em.run('getBootstrap'));
    const by = new Map(boot.clients.map((c) => [c.code, c]));
    expect(by.get('DEMO-05')!.alerts!.kinds[0]).toBe('safety');
    expect(by.get('DEMO-05')!.alerts!.alerts[0]).toBe(`Safety: ${ITEM9}`);
    expect(by.get('DEMO-04')!.alerts!.kinds).toContain('reliable-deterioration');
    expect(by.get('DEMO-04')!.alerts!.kinds).not.toContain('safety');
  });
});

describe('getClient: "Last time"', () => {
  test('DEMO-05: the last session, its PHQ-9 flag in the tab’s words, and each measure’s last score, band and reliable change as its tab wrote them', () => {
    const d = ok<ClientDetail>(em.run('getClient', 'DEMO-05'));
    const last = d.lastTime!;
    expect([last.session, last.date]).toEqual([12, '2026-11-20']);
    expect(last.flags).toEqual([{ instrument: 'PHQ-9', session: 12, date: '2026-11-20', text: ITEM9 }]);
    expect(last.alerts[0]).toBe(`Safety: ${ITEM9}`);
    for (const tab of ['PHQ-9', 'GAD-7']) {
      const rows = table(tab).filter((r) => r.Client === 'DEMO-05');
      const latest = rows[rows.length - 1];
      const m = last.measures.find((x) => x.instrument === tab)!;
      expect([m.session, m.total, m.band, m.change, m.reliableChange]).toEqual([latest.Session, latest.Total, latest.Band, latest['Change from first'], latest['Reliable change']]);
    }
  });

  test('DEMO-04 (no flag): no safety flag, and a reliable deterioration on PHQ-9 as its tab says', () => {
    const last = ok<ClientDetail>(em.run('getClient', 'DEMO-04')).lastTime!;
    expect(last.flags).toEqual([]);
    expect(last.measures.find((m) => m.instrument === 'PHQ-9')!.reliableChange).toBe('Reliable deterioration');
  });
});

describe('acknowledging last time’s flag', () => {
  test('the save’s Audit row records which flag was acknowledged; a save without it records none', () => {
    const session = { clientCode: 'DEMO-05', clinician: SEED_USER, attended: true, note: 'Reviewed the safety plan', ratings: [], measures: [] };
    ok<RecordSessionData>(em.run('recordSession', { ...session, date: '2026-11-27', acknowledgedFlags: [{ instrument: 'PHQ-9', date: '2026-11-20' }] }));
    const audit = table('Audit');
    expect(String(audit[audit.length - 1].Summary)).toMatch(/; safety flag of 2026-11-20 \(PHQ-9\) acknowledged$/);
    ok<RecordSessionData>(em.run('recordSession', { ...session, date: '2026-11-28' }));
    const after = table('Audit');
    expect(String(after[after.length - 1].Summary)).not.toMatch(/acknowledged/);
  });

  test('an acknowledgement that is not a flag {instrument, date} is refused with a field error and nothing is written', () => {
    const before = table('Sessions').length;
    const r = em.run('recordSession', { clientCode: 'DEMO-05', date: '2026-12-11', clinician: SEED_USER, attended: true, note: '', ratings: [], measures: [], acknowledgedFlags: [{ instrument: 'PHQ-9', date: 'last week' }] }) as { ok: boolean; errors: Record<string, string> };
    expect(r.ok).toBe(false);
    expect(Object.keys(r.errors)).toEqual(['acknowledgedFlags.0.date']);
    expect(table('Sessions')).toHaveLength(before);
  });
});

describe('without the alerts tab (setup not run since it went)', () => {
  test('the list has no badges, "Last time" is left out, and neither action fails', () => {
    em.spreadsheet.deleteSheet(em.spreadsheet.getSheetByName('Attain alerts')!);
    const boot = ok<Bootstrap>(em.run('getBootstrap'));
    expect(boot.clients.map((c) => c.alerts)).toEqual(CODES.map(() => undefined));
    const d = ok<ClientDetail>(em.run('getClient', 'DEMO-05'));
    expect(d.lastTime).toBeUndefined();
    expect(d.client.code).toBe('DEMO-05');
  });
});
