// Correct, never erase: getSessionRecords (a session's live rows for the sidebar), voidRecord and correctRecord (mark the row in Voided, append the corrected row, Audit before → after, all or nothing, a retry writes nothing), and setClientStatus (pause, reactivate, discharge).
import { findRecordRow, isLiveRow, recordName, voidedText, type Correction, type RecordRef } from '../core/corrections';
import { correctRecordSchema, setClientStatusSchema, voidRecordSchema } from '../core/corrections';
import { itemProblems } from '../core/instruments/score';
import type { InstrumentDefinition } from '../core/instruments/schema';
import { Book } from '../sheets/book';
import { AUDIT, CLIENTS, RATINGS, SESSIONS } from '../sheets/layout';
import { clientRowOf, readClient, readGoals, readSessions, recordsAt } from '../sheets/records';
import { markVoided, readClientRecords, type StoredRecord } from '../sheets/record-rows';
import { effectiveUserEmail } from '../sheets/scopes';
import { appendRows, lastRowOf, overwriteRows, type Tab } from '../sheets/table';
import { cellBool, cellNumber, cellText, isoToSerial } from '../sheets/values';
import type { AmendRecordData, ClientSummary, CorrectRecordInput, RecordView, Result, SessionRecordsData, SetClientStatusInput, VoidRecordInput } from '../contract';
import { clientSummary, detailOf, readClientParts } from './clients';
import { answering, withDocumentLock } from './lock';
import { alreadySaved, invalid, itemErrors, ok, parse } from './validate';

const SETUP_AGAIN = 'Run Extensions ▸ Attain ▸ Set up this spreadsheet (it adds the Voided column), then try again';

/** The tab a record lives in, and the instrument for a measure; a field error when the instrument is unknown or its tab is missing. */
function recordTab(book: Book, ref: RecordRef): { tab: Tab; def?: InstrumentDefinition } | { error: string } {
  if (ref.kind === 'session') return { tab: book.tab(SESSIONS) };
  if (ref.kind === 'rating') return { tab: book.tab(RATINGS) };
  let def: InstrumentDefinition;
  try {
    // The workbook's registry: a built-in, or a valid definition of the clinic's Instruments tab.
    def = book.find(ref.instrument ?? '');
  } catch (err) {
    return { error: `Expected a known instrument for a measure; got ${JSON.stringify(ref.instrument ?? '')} (${(err as Error).message})` };
  }
  if (!book.hasTab(def.name)) return { error: `Expected a "${def.name}" tab; there is none, so there is no ${def.name} row to amend` };
  return { tab: book.instrument(def.id, book.settings()), def };
}

const itemKeys = (def: InstrumentDefinition) => [...Array.from({ length: def.items.count }, (_, j) => `item${j + 1}`), ...(def.extras ?? []).map((e) => `extra:${e.id}`)];

/** A row's answers as recordSession takes them: items then extras, null when blank. */
function itemsOf(def: InstrumentDefinition, v: Record<string, unknown>): (number | null)[] {
  return itemKeys(def).map((k) => cellNumber(v[k]));
}

/** One line in plain words for the list and for Audit's before → after. */
function describe(r: StoredRecord, kind: RecordRef['kind'], def?: InstrumentDefinition): string {
  const v = r.values;
  if (kind === 'session') return `Session ${r.session ?? '?'}, ${r.date}, ${cellBool(v.attended) ? 'attended' : 'not attended'}${cellText(v.note) ? `, note "${cellText(v.note)}"` : ''}`;
  if (kind === 'rating') return `Goal ${r.goalId}: rating ${cellNumber(v.rating) ?? '—'}, GAS level ${cellNumber(v.gasLevel) ?? '—'}`;
  const d = def as InstrumentDefinition;
  const total = cellNumber(v.total);
  const when = r.session === null ? ` of ${r.date} (${r.source ? 'completed on a form' : 'without a session'}),` : '';
  return `${d.name}${when} ${d.noTotal ? '' : `total ${total ?? '—'}, `}items ${itemsOf(d, v).map((x) => (x === null ? '—' : x)).join(' ')}`;
}

function viewOf(r: StoredRecord, kind: RecordRef['kind'], def: InstrumentDefinition | undefined, titles: ReadonlyMap<string, string>): RecordView {
  const v = r.values;
  const base = { kind, instrument: def?.id ?? '', instrumentName: def?.name ?? '', row: r.row, date: r.date, session: r.session, source: r.source, goalId: r.goalId, goalTitle: titles.get(r.goalId) ?? '', summary: describe(r, kind, def) };
  if (kind === 'session') return { ...base, goalId: '', goalTitle: '', attended: cellBool(v.attended), note: cellText(v.note) };
  if (kind === 'rating') return { ...base, rating: cellNumber(v.rating), gasLevel: cellNumber(v.gasLevel) };
  return { ...base, goalId: '', goalTitle: '', items: itemsOf(def as InstrumentDefinition, v), total: cellNumber(v.total) };
}

/**
 * One session's live rows (its Sessions row, its Ratings rows, one row per measure tab) for the sidebar's "Correct or void" list;
 * session null: the client's live measure rows without a session (questionnaires imported from a form).
 */
export function getSessionRecords(clientCode: string, session: number | null): Result<SessionRecordsData> {
  if (typeof clientCode !== 'string' || clientCode.trim() === '') return invalid({ clientCode: `Expected a client code; got ${JSON.stringify(clientCode)}. Choose a client from the list` });
  if (session !== null && (typeof session !== 'number' || !Number.isInteger(session) || session < 1)) {
    return invalid({ session: `Expected a session number (1, 2, 3 …), or null for the measures completed on a form; got ${JSON.stringify(session)}. Choose a session from the list` });
  }
  return answering(() => {
    const book = new Book();
    const code = clientCode.trim();
    const found = clientRowOf(book, code);
    if ('error' in found) return invalid({ clientCode: found.error });
    const settings = book.settings();
    const titles = new Map(readGoals(book, code).map((g) => [g.goal.id, g.goal.title]));
    const mine = (rows: StoredRecord[]) => rows.filter((r) => r.session === session && isLiveRow(r.voided));
    const records: RecordView[] = [];
    if (session !== null) {
      for (const r of mine(readClientRecords(book, book.tab(SESSIONS), code))) records.push(viewOf(r, 'session', undefined, titles));
      for (const r of mine(readClientRecords(book, book.tab(RATINGS), code))) records.push(viewOf(r, 'rating', undefined, titles));
    }
    for (const id of settings.instruments) {
      // The workbook's registry: an enabled clinic instrument's rows are listed like a built-in's.
      const def = book.find(id);
      if (!book.hasTab(def.name)) continue;
      for (const r of mine(readClientRecords(book, book.instrument(id, settings), code))) records.push(viewOf(r, 'measure', def, titles));
    }
    return ok({ clientCode: code, session, records });
  });
}

/** The corrected row's values from the old row and the correction, or field errors (keys under `correction.`). */
function correctedRow(old: StoredRecord, ref: RecordRef, c: Correction, def: InstrumentDefinition | undefined, errors: Record<string, string>): Record<string, unknown> {
  const v = old.values;
  if (ref.kind === 'session') {
    return { client: v.client, date: isoToSerial(c.date ?? old.date), session: v.session, clinician: v.clinician, attended: c.attended ?? cellBool(v.attended), note: c.note ?? cellText(v.note) };
  }
  if (ref.kind === 'rating') {
    const rating = c.rating !== undefined ? c.rating : cellNumber(v.rating);
    const gasLevel = c.gasLevel !== undefined ? c.gasLevel : cellNumber(v.gasLevel);
    if (rating === null && gasLevel === null) errors['correction.rating'] = 'Expected a rating or a GAS level in the correction; got neither. To remove the rating, void it instead';
    return { client: v.client, session: v.session, date: isoToSerial(old.date), goalId: v.goalId, rating: rating ?? '', gasLevel: gasLevel ?? '' };
  }
  const d = def as InstrumentDefinition;
  const items = c.items ?? itemsOf(d, v);
  Object.assign(errors, itemErrors(d, itemProblems(d, items), 'correction'));
  if (items.every((x) => x === null)) errors['correction.items'] = `Expected at least one ${d.name} answer in the correction; got none. To remove the administration, void it instead`;
  // A form-imported row's Source goes with it: a later import still sees that response as imported and does not bring it back.
  const row: Record<string, unknown> = { client: v.client, date: isoToSerial(old.date), session: v.session, ...(old.source ? { source: old.source } : {}) };
  itemKeys(d).forEach((k, j) => (row[k] = items[j] ?? ''));
  return row;
}

/** What the new row says, for Audit's "after". */
function describeNew(values: Record<string, unknown>, ref: RecordRef, def: InstrumentDefinition | undefined, date: string): string {
  const r: StoredRecord = { row: 0, client: cellText(values.client), date, session: cellNumber(values.session), goalId: cellText(values.goalId), voided: '', source: cellText(values.source), values };
  return describe(r, ref.kind, def).replace(/, total [^,]*,/, ',');
}

function amend(input: VoidRecordInput | CorrectRecordInput, correction: Correction | null): Result<AmendRecordData> {
  const ref = input.record;
  const code = input.clientCode;
  const reason = input.reason.trim();
  const action = correction ? 'correctRecord' : 'voidRecord';
  if (ref.kind === 'rating' && !ref.goalId) return invalid({ 'record.goalId': 'Expected the goal a rating is of; got none. Reopen the client and choose the rating again' });
  if (ref.session === null && ref.kind !== 'measure') return invalid({ 'record.session': `Expected the session number of a ${ref.kind} row (only a measure can be without a session); got null. Reopen the client and choose the record again` });
  if (ref.kind === 'measure' && !ref.instrument) return invalid({ 'record.instrument': 'Expected the instrument a measure is of, such as "phq9"; got none. Reopen the client and choose the measure again' });
  return withDocumentLock((book) => {
    // Every check and read before the first write.
    const found = clientRowOf(book, code);
    if ('error' in found) return invalid({ clientCode: found.error });
    const where = recordTab(book, ref);
    if ('error' in where) return invalid({ 'record.instrument': where.error });
    const { tab, def } = where;
    if (!tab.cols.has('voided')) return invalid({ record: `Expected a "Voided" column on the "${tab.layout.name}" tab to mark the row; this spreadsheet has none. ${SETUP_AGAIN}` });
    book.tab(AUDIT);
    const rows = readClientRecords(book, tab, code);
    const name = recordName(ref, def?.name);
    const hit = findRecordRow(rows, code, ref, correction !== null, reason);
    if ('problem' in hit) {
      const shown = `${name} of ${code} (shown on ${tab.layout.name} row ${ref.row})`;
      const why =
        hit.problem === 'none'
          ? `Expected ${shown}; no row of ${code} on the "${tab.layout.name}" tab holds it now (it was changed by hand since). Nothing was changed; reopen the client and choose the record again`
          : hit.problem === 'ambiguous'
            ? `Expected one row holding ${shown}; more than one does, so Attain cannot tell which you mean. Nothing was changed; void the extra row by hand-checking the "${tab.layout.name}" tab, or reopen the client and choose again`
            : `Expected ${shown} to be live; row ${hit.row?.row} is already marked "${hit.row?.voided}". Nothing was changed`;
      return invalid({ record: why });
    }
    const old = hit.row;
    const parts = readClientParts(book, code, { row: found.row });
    if (!parts) return invalid({ clientCode: `Expected a client on the Clients tab; got "${code}"` });
    if (hit.retry) {
      const corrected = /see row (\d+)$/.exec(old.voided);
      return ok({ voidedRow: old.row, ...(corrected ? { correctedRow: Number(corrected[1]) } : {}), voided: old.voided, detail: detailOf(parts) }, alreadySaved(`${name} of ${code}, ${tab.layout.name} row ${old.row}`));
    }
    const errors: Record<string, string> = {};
    const newValues = correction ? correctedRow(old, ref, correction, def, errors) : null;
    if (Object.keys(errors).length) return invalid(errors);
    const lastRow = lastRowOf(tab);
    const newRow = newValues ? Math.max(2, lastRow + 1) : undefined;
    const text = voidedText({ date: book.today(), user: effectiveUserEmail(), reason, correctedAt: newRow });
    // Ratings and GAS per goal as the client now stands, from this client's Ratings rows (only a rating amend changes them).
    const ratingRows = ref.kind === 'rating' ? rows : null;

    markVoided(tab, old.row, text, old.voided);
    if (newValues) appendRows(tab, [newValues], lastRow);
    const source = old.source;
    const before = `${describe(old, ref.kind, def)}${source ? ` (imported from ${source}; ${newValues ? 'the corrected row keeps' : 'the row keeps'} this Source, so importing again does not bring the response back)` : ''}`;
    const after = newValues ? `${describeNew(newValues, ref, def, correction?.date ?? old.date)} (row ${newRow})` : 'voided';
    book.audit({ action, client: code, entity: `${tab.layout.name} row ${old.row}`, summary: `${correction ? 'Corrected' : 'Voided'} ${name}: ${reason}; ${before} → ${after}` });

    // The reply: the client as the amend leaves them, from what was read before the first write.
    let sessions = parts.sessions;
    if (ref.kind === 'session') {
      sessions = sessions.filter((s) => s.row !== old.row);
      if (newValues) sessions = [...sessions, { number: ref.session ?? 0 /* never null: refused above */, date: correction?.date ?? old.date, attended: newValues.attended === true, note: cellText(newValues.note), clinician: cellText(newValues.clinician), row: newRow }].sort((a, b) => a.number - b.number);
    }
    let latest = parts.latest;
    if (ratingRows) {
      const live = ratingRows.filter((r) => r.row !== old.row && isLiveRow(r.voided)).map((r) => ({ goal: r.goalId, session: r.session ?? 0, values: r.values }));
      if (newValues) live.push({ goal: cellText(newValues.goalId), session: cellNumber(newValues.session) ?? 0, values: newValues });
      const m = new Map<string, { level: number | null; rating: number | null; session: number }>();
      for (const r of live) {
        const prev = m.get(r.goal);
        if (!r.goal || (prev && prev.session > r.session)) continue;
        const level = cellNumber(r.values.gasLevel);
        m.set(r.goal, { level: level !== null && [-2, -1, 0, 1, 2].includes(level) ? level : null, rating: cellNumber(r.values.rating), session: r.session });
      }
      latest = m;
    }
    return ok({ voidedRow: old.row, ...(newRow ? { correctedRow: newRow } : {}), voided: text, detail: detailOf({ ...parts, sessions, latest }) });
  }, input.requestId);
}

/** Marks one session, rating or measure row voided with a reason (never deleted); formulas, dashboards and reads then ignore it. */
export function voidRecord(input: VoidRecordInput): Result<AmendRecordData> {
  const parsed = parse(voidRecordSchema, input);
  if (!parsed.ok) return invalid(parsed.errors);
  return amend(parsed.value, null);
}

/** Voids the row and appends the corrected one (the session save's row shape, so the same formulas), in one all-or-nothing action. */
export function correctRecord(input: CorrectRecordInput): Result<AmendRecordData> {
  const parsed = parse(correctRecordSchema, input);
  if (!parsed.ok) return invalid(parsed.errors);
  return amend(parsed.value, parsed.value.correction);
}

/** Pauses, reactivates or discharges a client (the Clients Status cell) with an Audit row before → after; the same status again writes nothing. */
export function setClientStatus(input: SetClientStatusInput): Result<ClientSummary> {
  const parsed = parse(setClientStatusSchema, input);
  if (!parsed.ok) return invalid(parsed.errors);
  const { clientCode: code, status } = parsed.value;
  const reason = (parsed.value.reason ?? '').trim();
  return withDocumentLock((book) => {
    const found = clientRowOf(book, code);
    if ('error' in found) return invalid({ clientCode: found.error });
    const tab = book.tab(CLIENTS);
    book.tab(AUDIT);
    const [{ values }] = recordsAt(tab, [found.row]);
    const client = readClient(book, code, found.row);
    if (!client) return invalid({ clientCode: `Expected a client on the Clients tab; got "${code}"` });
    const sessions = readSessions(book, code);
    const last = sessions.reduce((d, s) => (s.date > d ? s.date : d), '');
    // A retry (or a second press) finds the status already set: nothing to write.
    if (client.status === status) return ok(clientSummary(client, sessions.length, last), `Client ${code} is already ${status}; nothing was changed.`);
    const only: Tab = { ...tab, layout: { ...tab.layout, columns: tab.layout.columns.filter((c) => c.key === 'status') } };
    overwriteRows(only, found.row, [{ status }], [{ status: values.status }]);
    book.audit({ action: 'setClientStatus', client: code, entity: `Clients row ${found.row}`, summary: `Status ${client.status} → ${status}${reason ? `: ${reason}` : ''}` });
    return ok(clientSummary({ ...client, status }, sessions.length, last));
  }, parsed.value.requestId);
}
