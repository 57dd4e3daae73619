// Sidebar actions for the caseload: getBootstrap (everything the sidebar opens with), addClient, getClient and rememberClient (the chosen client, per user and spreadsheet); clientDetail builds the client reply every save returns.
import { addClientSchema } from '../core/caseload-inputs';
import { codeLooksLikeName, nameLikeCodeMessage } from '../core/client-code';
import { BUILT_IN_INSTRUMENTS } from '../core/instruments/registry';
import type { InstrumentDefinition } from '../core/instruments/schema';
import type { GoalRow } from '../core/plan-rows';
import { reviewStanding } from '../core/review-cadence';
import { Book } from '../sheets/book';
import { AUDIT, CLIENTS } from '../sheets/layout';
import { appendClient, clientCodes, clientRowOf, duplicateCodeMessage, latestRatings, misreadCodeMessage, readClient, readClients, readGoals, readPriorities, readSessions, sessionStats, type ClientRecord, type SessionRecord } from '../sheets/records';
import { lastReview, readClientReviewRows } from '../sheets/review-records';
import { isOpenTask, readTasks, type TaskRecord } from '../sheets/task-rows';
import { APPLIED_PROPERTY, parseApplied, parseSettings, pendingSetup, type Settings } from '../sheets/settings';
import { isSetUp } from '../sheets/setup';
import type { AddClientInput, Bootstrap, ClientDetail, ClientSummary, InstrumentSummary, Result, TaskView } from '../contract';
import { caseloadAlerts, lastTime } from './last-time';
import { answering, withDocumentLock } from './lock';
import { alreadySaved, invalid, ok, parse } from './validate';
import { templateSummaries } from './templates';

/** What the sidebar shows for an instrument: its range, the item wording where the licence allows, and the clinic's band choices. */
export function instrumentSummary(def: InstrumentDefinition, settings: Settings): InstrumentSummary {
  const labels = def.itemText?.items ?? def.items.labels ?? Array.from({ length: def.items.count }, (_, i) => `Item ${i + 1}`);
  const summary: InstrumentSummary = { id: def.id, name: def.name, items: def.items.count, min: def.items.min, max: def.items.max, itemLabels: [...labels], bandOptions: { ...(settings.options[def.id] ?? {}) } };
  // The sidebar knows the built-ins; a clinic's definition travels with its summary.
  if (!BUILT_IN_INSTRUMENTS.includes(def)) summary.definition = def;
  return summary;
}

/** The reply's summary of a stored client, with its session count and latest session date. */
export function clientSummary(c: ClientRecord, sessions: number, lastSession: string): ClientSummary {
  return { code: c.code, clinician: c.clinician, startDate: c.startDate, status: c.status, modality: c.modality, sessions, lastSession };
}

/**
 * Where the chosen client is remembered: the user's own properties, keyed by this spreadsheet's id. User properties, not the
 * document's keyed by user: private to the clinician, no user key to obtain (and none that rotates), no other editor's entry to read.
 */
const rememberedKey = (book: Book): string => `attain.lastClient.${book.ss.getId()}`;

/** Remembers `code` as this user's chosen client in this spreadsheet (a reopened sidebar starts there); writes no cell. */
export function rememberClient(code: string): Result<{ code: string }> {
  if (typeof code !== 'string' || code.trim() === '' || code.length > 100) return invalid({ code: `Expected a client code; got ${JSON.stringify(code)}. Choose a client from the list` }, 'The chosen client was not remembered.');
  return answering(() => {
    PropertiesService.getUserProperties().setProperty(rememberedKey(new Book()), code.trim());
    return ok({ code: code.trim() });
  });
}

/** The sidebar's opening data; before setup it answers with defaults and no clients (reading no tabs). */
export function getBootstrap(): Result<Bootstrap> {
  return answering(() => {
    const book = new Book();
    // One read of the document's properties serves both "set up?" and the settings setup last applied.
    const props = PropertiesService.getDocumentProperties().getProperties();
    const setUp = isSetUp(props);
    const settings = setUp ? book.settings() : parseSettings({});
    let clients: ClientSummary[] = [];
    if (setUp) {
      const stats = sessionStats(book);
      const records = readClients(book);
      // Risk first: each client's badges from the hidden alerts tab (one read), the rules Supervision shows.
      const alerts = caseloadAlerts(book, records, settings, props);
      clients = records.map((c) => {
        const s = stats.get(c.code.toLowerCase());
        const a = alerts.get(c.row);
        return { ...clientSummary(c, s?.sessions ?? 0, s?.last ?? ''), ...(a ? { alerts: a } : {}) };
      });
    }
    const clinicians = [...new Set(clients.map((c) => c.clinician).filter(Boolean))].sort();
    // The client this user chose last time here, if still a client (three calls whatever the caseload: id, store, value).
    const remembered = setUp ? (PropertiesService.getUserProperties().getProperty(rememberedKey(book)) ?? '').toLowerCase() : '';
    const lastClient = remembered === '' ? undefined : clients.find((c) => c.code.toLowerCase() === remembered)?.code;
    return ok({
      clinic: settings.clinic,
      isSetUp: setUp,
      reviewEvery: settings.reviewEvery,
      rho: settings.rho,
      clinicians,
      clients,
      instruments: settings.instruments.map((id) => instrumentSummary(book.find(id), settings)),
      today: book.today(),
      // The Settings already read, against what setup recorded (one DocumentProperties call, no sheet read).
      pendingSetup: setUp ? pendingSetup(settings.raw, parseApplied(props[APPLIED_PROPERTY] ?? null)) : [],
      ...(lastClient ? { lastClient } : {}),
      templates: templateSummaries(),
    });
  });
}

/** Adds a client row (status active) and an Audit row; a code already in use, or not a code, writes nothing. */
export function addClient(input: AddClientInput): Result<ClientSummary> {
  const parsed = parse(addClientSchema, input);
  if (!parsed.ok) return invalid(parsed.errors);
  const c = parsed.value;
  // Codes, not names: a name-like code is refused unless the clinician confirms it is not a name (then recorded on Clients and Audit).
  const looksLike = codeLooksLikeName(c.code);
  if (looksLike && c.notAName !== true) return invalid({ code: nameLikeCodeMessage(c.code, looksLike) });
  const confirmed = looksLike !== null;
  const warnings: string[] = [];
  return withDocumentLock((book) => {
    const { codes, rows, duplicates, misread, lastRow } = clientCodes(book, true);
    // A retry of this very save whose first attempt landed (its reply lost): the client is there; answer as then, write nothing.
    if (codes.has(c.code.toLowerCase()) && book.priorRun().some((e) => e.action === 'addClient' && e.client.toLowerCase() === c.code.toLowerCase())) {
      return ok({ code: c.code, clinician: c.clinician, startDate: c.startDate, status: 'active' as const, modality: c.modality, sessions: 0, lastSession: '', warnings }, alreadySaved(`client ${c.code}, Clients row ${rows.get(c.code.toLowerCase())}`));
    }
    // Case-blind: "c-0002" is refused when "C-0002" exists, and the existing spelling is named.
    if (codes.has(c.code.toLowerCase())) {
      const dup = duplicates.get(c.code.toLowerCase());
      const taken = `Expected a client code not already in use (codes are compared ignoring case); got "${c.code}", which is taken on Clients row ${rows.get(c.code.toLowerCase())}. Choose another code`;
      return invalid({ code: dup ? `${taken}. ${duplicateCodeMessage(dup)}` : taken });
    }
    // Codes typed twice by hand elsewhere on the tab do not block a new client, but the answer names them and the fix.
    for (const dup of duplicates.values()) warnings.push(duplicateCodeMessage(dup));
    // So are hand-typed codes Sheets reads as a number, date or boolean: every formula matching them by code misses them.
    for (const m of misread) warnings.push(misreadCodeMessage(m));
    book.tab(AUDIT); // opened before the first write, so a broken Audit tab stops the action before anything is saved
    if (confirmed && !book.tab(CLIENTS).cols.has('notAName')) {
      return invalid({ code: `Expected a "Code is not a name" column on the Clients tab to record that ${JSON.stringify(c.code)} is not a name; this spreadsheet has none. Run Extensions ▸ Attain ▸ Set up this spreadsheet (it adds the column), or use a clinic code such as "C-0142"` });
    }
    const row = appendClient(book, { code: c.code, clinician: c.clinician, startDate: c.startDate, status: 'active', modality: c.modality, notAName: confirmed }, lastRow);
    const note = confirmed ? `; the clinician confirmed the code, which looks like ${looksLike}, is not a name` : '';
    book.audit({ action: 'addClient', client: c.code, entity: `Clients row ${row}`, summary: `Added client ${c.code} (clinician ${c.clinician}, start ${c.startDate}, status active)${note}` });
    return ok({ code: c.code, clinician: c.clinician, startDate: c.startDate, status: 'active' as const, modality: c.modality, sessions: 0, lastSession: '', warnings });
  }, c.requestId);
}

/** Parts of a client an action has already read (or just written), so clientDetail does not read them again. */
export interface KnownParts {
  /** The client's Clients row number. */
  row?: number;
  sessions?: readonly SessionRecord[];
  goals?: readonly GoalRow[];
  latest?: ReadonlyMap<string, { level: number | null; rating: number | null; session: number }>;
  settings?: Settings;
  /** The client's last review, when the action knows it (saveReview just wrote it). */
  lastReview?: { session: number; date: string } | null;
  /** The client's Tasks rows, when the action read them (recordSession). */
  tasks?: readonly TaskRecord[];
}

/** Everything a client reply is built from. */
export interface ClientParts {
  client: ClientRecord;
  sessions: readonly SessionRecord[];
  goals: readonly GoalRow[];
  latest: ReadonlyMap<string, { level: number | null; rating: number | null; session: number }>;
  priorities: ClientDetail['priorities'];
  reviewEvery: number;
  lastReview: { session: number; date: string } | null;
  tasks: readonly TaskRecord[];
}

/** Reads what `known` does not hold, only this client's rows (so an action can read everything before its first write). Null when the code is not on the Clients tab. */
export function readClientParts(book: Book, code: string, known: KnownParts = {}): ClientParts | null {
  const client = readClient(book, code, known.row);
  if (!client) return null;
  return {
    client,
    sessions: known.sessions ?? readSessions(book, code),
    goals: known.goals ?? readGoals(book, code).map((g) => g.goal),
    latest: known.latest ?? latestRatings(book, code),
    priorities: readPriorities(book, code).map(({ row: _row, ...p }) => p),
    reviewEvery: (known.settings ?? book.settings()).reviewEvery,
    lastReview: known.lastReview !== undefined ? known.lastReview : lastReview(readClientReviewRows(book, code), code),
    tasks: known.tasks ?? readTasks(book, code),
  };
}

/** A task as the sidebar shows it. */
export const taskView = (t: TaskRecord): TaskView => ({ taskId: t.taskId, goalId: t.goalId, task: t.task, setSession: t.setSession, setDate: t.setDate, due: t.due });

/** The reply: goals, sessions, priorities, the latest GAS level and rating per goal, and the review cadence (core's rule). */
export function detailOf(p: ClientParts): ClientDetail {
  const review = reviewStanding(p.sessions, p.lastReview, p.reviewEvery);
  const lastDate = p.sessions.reduce((d, s) => (s.date > d ? s.date : d), '');
  return {
    client: clientSummary(p.client, p.sessions.length, lastDate),
    goals: [...p.goals],
    sessions: p.sessions.map((s) => ({ number: s.number, date: s.date, attended: s.attended, note: s.note })),
    priorities: p.priorities,
    latestGas: p.goals.map((g) => ({ goalId: g.id, level: p.latest.get(g.id)?.level ?? null, rating: p.latest.get(g.id)?.rating ?? null })),
    reviewDue: review.due,
    reviewOverdue: review.overdue,
    review,
    // Only when there are some: a client without tasks gets the reply it got before the Tasks tab existed.
    ...(p.tasks.some(isOpenTask) ? { openTasks: p.tasks.filter(isOpenTask).map(taskView) } : {}),
  };
}

/** Everything about one client, reading only this client's rows; null when the code is not on the Clients tab. */
export function clientDetail(book: Book, code: string, known: KnownParts = {}): ClientDetail | null {
  const parts = readClientParts(book, code, known);
  return parts ? detailOf(parts) : null;
}

export function getClient(code: string): Result<ClientDetail> {
  if (typeof code !== 'string' || code.trim() === '') return invalid({ code: `Expected a client code; got ${JSON.stringify(code)}. Choose a client from the list` });
  return answering(() => {
    const book = new Book();
    const found = clientRowOf(book, code.trim());
    if ('error' in found && found.duplicate) return invalid({ code: found.error }, `Client "${code.trim()}" is on more than one Clients row.`);
    const settings = 'row' in found ? book.settings() : undefined;
    const detail = 'row' in found ? clientDetail(book, code.trim(), { row: found.row, settings }) : null;
    if (detail && 'row' in found && settings) {
      // "Last time" for the Session screen: this client's row of the alerts tab (one read); the properties say which measures setup applied.
      const last = lastTime(book, { row: found.row, code: detail.client.code }, detail.sessions, settings, PropertiesService.getDocumentProperties().getProperties());
      if (last) detail.lastTime = last;
    }
    return detail ? ok(detail) : invalid({ code: `Expected a client on the Clients tab; got "${code}", which is not there` }, `No client "${code}".`);
  });
}
