// One truth on every screen, on the seeded demo clinic: the review status the Session and Review screens show is, word for word, what the Supervision and alerts tabs show for the same client; the export counts only clients whose rows it carries, and leaves out codes that look like names.
import type { Emulator } from '../../../emulator';
import { SEED_USER } from '../../../preview/seed';
import { seededDemo } from '../../../preview/seed-cache';
import { ok } from '../../../kit/workbook';
import type { ClientDetail, OutcomesData, StartReviewData } from '../../../src/contract';
import { cadenceText } from '../../../sidebar/model/review';

jest.setTimeout(300_000); // seeding the demo clinic through the emulator takes about 40 s on 2 cores

let em: Emulator;
let codes: string[];

beforeAll(() => {
  ({ emulator: em, summary: { clients: codes } } = seededDemo());
});

/** A tab's computed values as rows keyed by the header row `headRow` (1-based), blank rows left out. */
function table(name: string, headRow: number): Record<string, string>[] {
  const view = em.view() as unknown as { sheets: { name: string; rows: { v: string }[][] }[] };
  const s = view.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`Expected a tab named ${name}`);
  const head = s.rows[headRow - 1].map((c) => c.v);
  return s.rows
    .slice(headRow)
    .filter((r) => r.some((c) => c.v !== ''))
    .map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]?.v ?? ''])));
}

describe('review due: the same words for the same client everywhere', () => {
  test('the demo has clients both overdue and not due, so the comparison covers both', () => {
    const words = codes.map((code) => ok<ClientDetail>(em.run('getClient', code)).review.words);
    expect(words).toContain('Overdue');
    expect(words.some((w) => w.startsWith('At session'))).toBe(true);
  });

  test('for every demo client, the server\u2019s words (Session and Review screens) equal the Supervision and alerts tabs\u2019 Review column', () => {
    const supervision = new Map(table('Supervision', 3).map((r) => [r.Client, r.Review]));
    const alerts = new Map(table('Attain alerts', 1).map((r) => [r.Client, r.Review]));
    for (const code of codes) {
      const detail = ok<ClientDetail>(em.run('getClient', code));
      const start = ok<StartReviewData>(em.run('startReview', code));
      const shown = { session: cadenceText(detail.review), review: cadenceText(start.cadence) };
      expect({ code, supervision: supervision.get(code), alerts: alerts.get(code), session: shown.session.split('.')[0], review: shown.review.split('.')[0] }).toEqual({
        code,
        supervision: detail.review.words,
        alerts: detail.review.words,
        session: `Review: ${detail.review.words}`,
        review: `Review: ${detail.review.words}`,
      });
    }
  });
});

describe('export counts', () => {
  test('"N rows from M clients" counts the clients whose rows are exported, not every client on the tab', () => {
    ok(em.run('addClient', { code: 'DEMO-07', clinician: SEED_USER, startDate: '2026-11-20', modality: 'CBT' }));
    const data = ok<OutcomesData>(em.run('getOutcomes'));
    expect(data.clients).toBe(new Set(data.rows.map((r) => r.clientCode)).size);
    expect(data.rows.some((r) => r.clientCode === 'DEMO-07')).toBe(false);
    expect(data.skipped).toBe(0);
  });

  test('a code that looks like a name is exported only while confirmed; unconfirmed it is left out and counted as left out', () => {
    ok(em.run('addClient', { code: 'Rowan', clinician: SEED_USER, startDate: '2026-11-20', modality: 'CBT', notAName: true }));
    ok(em.run('recordSession', { clientCode: 'Rowan', date: '2026-11-20', clinician: SEED_USER, attended: true, note: '', ratings: [], measures: [{ instrument: 'phq9', items: [1, 1, 1, 1, 1, 1, 1, 1, 0] }] }));
    const confirmed = ok<OutcomesData>(em.run('getOutcomes'));
    expect(confirmed.rows.filter((r) => r.clientCode === 'Rowan')).toHaveLength(1);
    // The clinician's confirmation taken back by hand on the Clients tab.
    const clients = em.spreadsheet.getSheetByName('Clients')!;
    const head = clients.getRange(1, 1, 1, clients.getLastColumn()).getValues()[0];
    const row = clients.getRange(1, 1, clients.getLastRow(), 1).getValues().findIndex((r) => r[0] === 'Rowan') + 1;
    clients.getRange(row, head.indexOf('Code is not a name') + 1).setValue(false);
    const after = ok<OutcomesData>(em.run('getOutcomes'));
    expect(after.rows.some((r) => r.clientCode === 'Rowan')).toBe(false);
    expect({ clients: after.clients, skipped: after.skipped }).toEqual({ clients: confirmed.clients - 1, skipped: confirmed.skipped + 1 });
  });
});
