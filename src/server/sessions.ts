// recordSession: validates the whole session (ratings, every measure's items) first, then appends one Sessions row, the Ratings rows, one row per measure and an Audit row.
import { findInstrument } from '../core/instruments/registry';
import { bandLabel, scoreItems } from '../core/instruments/score';
import { Book } from '../sheets/book';
import { AUDIT, RATINGS, SESSIONS } from '../sheets/layout';
import { appendAt, clientCodes, goalIndex, nextSessionNumber } from '../sheets/records';
import { appendRows } from '../sheets/table';
import { isoToSerial } from '../sheets/values';
import type { RecordSessionInput, RecordSessionResult, Result } from './contract';
import { withDocumentLock } from './lock';
import { checkMeasure, invalid, ok, parse, recordSessionSchema } from './validate';

// Instruments whose band depends on a clinic setting (scheme, cut-off or boundary) need the Settings tab read.
const needsSettings = (id: string) => {
  const d = findInstrument(id);
  return (d.bandSchemes?.length ?? 0) > 1 || !!d.cutoff?.range || (!!d.cutoff && !d.bandSchemes);
};

export function recordSession(input: RecordSessionInput): Result<RecordSessionResult> {
  const parsed = parse(recordSessionSchema, input);
  if (!parsed.ok) return invalid(parsed.errors);
  const s = parsed.value;
  const errors: Record<string, string> = {};
  const ids: string[] = [];
  s.measures.forEach((m, i) => {
    const id = checkMeasure(m, i, errors);
    if (id && ids.includes(id)) errors[`measures.${i}.instrument`] = `Expected each instrument once per session; got ${m.instrument} again`;
    if (id) ids.push(id);
  });
  const goalSeen = new Set<string>();
  s.ratings.forEach((r, i) => {
    if (goalSeen.has(r.goalId)) errors[`ratings.${i}.goalId`] = `Expected each goal rated once per session; got "${r.goalId}" again`;
    goalSeen.add(r.goalId);
  });
  if (Object.keys(errors).length) return invalid(errors);
  const code = s.clientCode;

  return withDocumentLock(() => {
    const book = new Book();
    // Every check that needs the sheet runs before the first write.
    if (!clientCodes(book).codes.has(code.toLowerCase())) return invalid({ clientCode: `Expected a client on the Clients tab; got "${code}", which is not there` });
    if (s.ratings.length) {
      const { byId } = goalIndex(book);
      s.ratings.forEach((r, i) => {
        const g = byId.get(r.goalId);
        if (!g) errors[`ratings.${i}.goalId`] = `Expected a goal of client ${code}; got "${r.goalId}", which is not on the Goals tab`;
        else if (g.client.toLowerCase() !== code.toLowerCase()) errors[`ratings.${i}.goalId`] = `Expected a goal of client ${code}; got "${r.goalId}", which belongs to ${g.client}`;
      });
    }
    const settings = ids.some(needsSettings) ? book.settings() : undefined;
    const tabs = ids.map((id, i) => {
      const name = findInstrument(id).name;
      if (!book.hasTab(name)) errors[`measures.${i}.instrument`] = `Expected a "${name}" tab; there is none. Tick "Use ${name}" in Settings, then run Set up this spreadsheet`;
      return errors[`measures.${i}.instrument`] ? null : book.instrument(id, settings);
    });
    if (Object.keys(errors).length) return invalid(errors);
    // Every tab this action writes is opened (and its columns checked) before the first write.
    book.tab(RATINGS);
    book.tab(AUDIT);
    const { next, lastRow } = nextSessionNumber(book, code);
    const date = isoToSerial(s.date);

    appendAt(book.tab(SESSIONS), lastRow + 1, [{ client: code, date, session: next, clinician: s.clinician, attended: s.attended, note: s.note }]);
    const rated = s.ratings.filter((r) => r.rating !== null || r.gasLevel !== null);
    if (rated.length) appendRows(book.tab(RATINGS), rated.map((r) => ({ client: code, session: next, date, goalId: r.goalId, rating: r.rating ?? '', gasLevel: r.gasLevel ?? '' })));
    const measures = s.measures.map((m, i) => {
      const def = findInstrument(ids[i]);
      const row: Record<string, unknown> = { client: code, date, session: next };
      m.items.forEach((v, j) => (row[j < def.items.count ? `item${j + 1}` : `extra:${def.extras![j - def.items.count].id}`] = v ?? ''));
      appendRows(tabs[i]!, [row]);
      // The result the sidebar shows comes from core; the sheet's formulas compute the same from the row.
      const score = scoreItems(def, m.items.map((v) => (v === null ? '' : v)));
      const options = settings?.options[def.id] ?? {};
      const band = score.total !== null && (def.bandSchemes || def.cutoff) ? bandLabel(def, score.total, undefined, options) : '';
      return { instrument: def.id, total: score.total ?? ('' as const), band, flag: score.flags.join('; ') };
    });
    const flags = measures.filter((m) => m.flag).map((m) => m.flag);
    book.audit({
      action: 'recordSession',
      client: code,
      entity: `Session ${next}`,
      summary: `Session ${next} on ${s.date} (${s.attended ? 'attended' : 'not attended'}): ${rated.length} rating(s); ${measures.map((m) => `${findInstrument(m.instrument).name} ${m.total === '' ? 'incomplete' : m.total}`).join(', ') || 'no measures'}${flags.length ? `; SAFETY: ${flags.join('; ')}` : ''}`,
    });
    return ok({ sessionNumber: next, saved: { ratings: rated.length, measures } });
  });
}
