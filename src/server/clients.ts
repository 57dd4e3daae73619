// Sidebar actions for the caseload: getBootstrap (everything the sidebar opens with), addClient and getClient.
import { clientCodeWarnings } from '../core/plan';
import { BUILT_IN_INSTRUMENTS } from '../core/instruments/registry';
import { Book } from '../sheets/book';
import { parseSettings } from '../sheets/settings';
import { AUDIT } from '../sheets/layout';
import { isSetUp } from '../sheets/setup';
import { appendClient, clientCodes, latestRatings, readClients, readGoals, readPriorities, readSessions, sessionStats } from '../sheets/records';
import type { AddClientInput, Bootstrap, ClientDetail, ClientSummary, InstrumentSummary, Result } from './contract';
import { answering, withDocumentLock } from './lock';
import { reviewFields } from '../sheets/reviews-tab';
import { addClientSchema, invalid, ok, parse } from './validate';

/** What the sidebar shows for an instrument: its range and, where the licence allows, the item wording. */
export function instrumentSummary(id: string): InstrumentSummary {
  const def = BUILT_IN_INSTRUMENTS.find((d) => d.id === id);
  if (!def) throw new Error(`Expected a built-in instrument id; got "${id}"`);
  const labels = def.itemText?.items ?? def.items.labels ?? Array.from({ length: def.items.count }, (_, i) => `Item ${i + 1}`);
  return { id: def.id, name: def.name, items: def.items.count, min: def.items.min, max: def.items.max, itemLabels: [...labels] };
}

/** The sidebar's opening data; before setup it answers with defaults and no clients (reading no tabs). */
export function getBootstrap(): Result<Bootstrap> {
  return answering(() => {
    const book = new Book();
    const setUp = isSetUp();
    const settings = setUp ? book.settings() : parseSettings({});
    let clients: ClientSummary[] = [];
    if (setUp) {
      const stats = sessionStats(book);
      clients = readClients(book).map(({ summary }) => {
        const s = stats.get(summary.code.toLowerCase());
        return s ? { ...summary, sessions: s.sessions, lastSession: s.last } : summary;
      });
    }
    const clinicians = [...new Set(clients.map((c) => c.clinician).filter(Boolean))].sort();
    return ok({
      clinic: settings.clinic,
      isSetUp: setUp,
      reviewEvery: settings.reviewEvery,
      rho: settings.rho,
      clinicians,
      clients,
      instruments: settings.instruments.map(instrumentSummary),
      today: book.today(),
    });
  });
}

/** Adds a client row (status active) and an Audit row; a code already in use, or not a code, writes nothing. */
export function addClient(input: AddClientInput): Result<ClientSummary> {
  const parsed = parse(addClientSchema, input);
  if (!parsed.ok) return invalid(parsed.errors);
  const c = parsed.value;
  const warnings = clientCodeWarnings(c.code);
  return withDocumentLock(() => {
    const book = new Book();
    const { codes, lastRow } = clientCodes(book, true);
    if (codes.has(c.code.toLowerCase())) return invalid({ code: `Expected a client code not already in use; got "${c.code}", which is taken` });
    book.tab(AUDIT); // opened before the first write, so a broken Audit tab stops the action before anything is saved
    const row = appendClient(book, { code: c.code, clinician: c.clinician, startDate: c.startDate, status: 'active', modality: c.modality }, lastRow);
    book.audit({ action: 'addClient', client: c.code, entity: `Clients row ${row}`, summary: `Added client ${c.code} (clinician ${c.clinician}, start ${c.startDate}, status active)` });
    return ok({ code: c.code, clinician: c.clinician, startDate: c.startDate, status: 'active' as const, modality: c.modality, sessions: 0, lastSession: '', warnings });
  });
}

/** Everything about one client: goals, sessions, priorities and the latest GAS level per goal. */
export function clientDetail(book: Book, code: string): ClientDetail | null {
  const client = readClients(book).find((r) => r.summary.code.toLowerCase() === code.toLowerCase());
  if (!client) return null;
  const sessions = readSessions(book, code);
  const goals = readGoals(book, code).map((g) => g.goal);
  const latest = latestRatings(book, code);
  const priorities = readPriorities(book, code).map(({ row: _row, ...p }) => p);
  const last = sessions.reduce((d, s) => (s.date > d ? s.date : d), '');
  return {
    client: { ...client.summary, sessions: sessions.length, lastSession: last },
    goals,
    sessions: sessions.map((s) => ({ number: s.number, date: s.date, attended: s.attended, note: s.note })),
    priorities,
    latestGas: goals.map((g) => ({ goalId: g.id, level: latest.get(g.id)?.level ?? null, rating: latest.get(g.id)?.rating ?? null })),
  };
}

export function getClient(code: string): Result<ClientDetail> {
  if (typeof code !== 'string' || code.trim() === '') return invalid({ code: `Expected a client code; got ${JSON.stringify(code)}` });
  return answering(() => {
    const book = new Book();
    const detail = clientDetail(book, code.trim());
    return detail ? ok({ ...detail, ...reviewFields(book, detail.client.code, detail.sessions) }) : invalid({ code: `Expected a client on the Clients tab; got "${code}", which is not there` }, `No client "${code}".`);
  });
}
