// recordSession: validates the whole session (ratings, every measure's items, tasks) first, asks before saving a blank safety item, a second session on a date or a future date, then appends one Sessions row, the Ratings rows, one row per measure, the new Tasks rows (and marks last time's), an Audit row, and answers with the client as the session leaves them.
import { hasBand } from '../core/instruments/clinic-choices';
import { findInstrument } from '../core/instruments/registry';
import { bandLabel, itemProblems, scoreItems, unansweredCritical, type ScoreOptions } from '../core/instruments/score';
import type { InstrumentDefinition } from '../core/instruments/schema';
import { confirmedSummary, confirmUnansweredKey, dateQuestions, emptySessionMessage, isConfirmKey, isRated, keyByIds, measureKey, ratingKey, recordSessionSchema, sessionProblems, unansweredSafetyQuestion, type SessionMeasure } from '../core/session-input';
import { nextTaskIds, newTaskKey, taskOutcomeKey } from '../core/tasks';
import { AUDIT, instrumentTab, RATINGS, SESSIONS, TASKS } from '../sheets/layout';
import { appendAt, clientRowOf, latestRatings, othersGoals, readGoals, readSessions } from '../sheets/records';
import { appendRows, lastRowOf } from '../sheets/table';
import { isoToSerial } from '../sheets/values';
import type { RecordSessionData, RecordSessionInput, Result, SavedMeasure } from '../contract';
import { appendTasks, isOpenTask, markTasks, readTasks } from '../sheets/task-rows';
import { detailOf, readClientParts, type ClientParts } from './clients';
import { withDocumentLock } from './lock';
import { alreadySaved, invalid, itemErrors, ok, parse } from './validate';

/** A measure with its definition resolved once: everything after validation passes the definition, not the id. */
interface Resolved {
  def: InstrumentDefinition;
  measure: SessionMeasure;
  key: string;
}

/** Each measure's definition and item problems (core's item reader), as field errors keyed by the instrument sent. */
function resolveMeasures(measures: readonly SessionMeasure[], errors: Record<string, string>, find: (name: string) => InstrumentDefinition = findInstrument): Resolved[] {
  const out: Resolved[] = [];
  for (const m of measures) {
    const key = measureKey(m.instrument);
    let def: InstrumentDefinition;
    try {
      def = find(m.instrument);
    } catch (err) {
      errors[`${key}.instrument`] = `Expected a known instrument; got ${JSON.stringify(m.instrument)} (${(err as Error).message})`;
      continue;
    }
    Object.assign(errors, itemErrors(def, itemProblems(def, m.items), key));
    // A blank safety item is asked about first (beside the item), unless the clinician chose to save without it.
    const question = unansweredSafetyQuestion(def, m);
    if (question) errors[confirmUnansweredKey(m.instrument)] = question;
    out.push({ def, measure: m, key });
  }
  return out;
}

/** Whether a name is a built-in instrument's (no sheet read needed to resolve it). */
function isBuiltIn(name: string): boolean {
  try {
    findInstrument(name);
    return true;
  } catch {
    return false;
  }
}

/** The result the sidebar shows for one measure, from core; the sheet's formulas compute the same from the row. */
function savedMeasure(def: InstrumentDefinition, measure: SessionMeasure, options: ScoreOptions): SavedMeasure {
  const score = scoreItems(def, measure.items);
  const band = score.total !== null && hasBand(def) ? bandLabel(def, score.total, undefined, options) : '';
  return { instrument: def.id, total: score.total, band, flag: score.flags.join('; ') };
}

/** "; safety flag of 2026-11-20 (PHQ-9) acknowledged": the clinician reviewed last time's flag with the client in this session. */
function acknowledged(flags: RecordSessionInput['acknowledgedFlags']): string {
  return (flags ?? []).map((f) => `; safety flag of ${f.date} (${f.instrument}) acknowledged`).join('');
}
/** "; tasks set S4-T1, S4-T2; marked S3-T1 done": the Audit row's part for tasks ('' when none). */
function taskSummary(added: readonly string[], marked: RecordSessionInput['taskOutcomes']): string {
  const parts: string[] = [];
  if (added.length) parts.push(`tasks set ${added.join(', ')}`);
  if (marked?.length) parts.push(`marked ${marked.map((m) => `${m.taskId} ${m.outcome}`).join(', ')}`);
  return parts.length ? `; ${parts.join('; ')}` : '';
}
/** The summary when all that stands between the session and the sheet is the clinician's yes. */
const asked = (n: number) => (n === 1 ? 'One question to answer before saving: it is beside what it asks about.' : `${n} questions to answer before saving: each is beside what it asks about.`);

export function recordSession(input: RecordSessionInput): Result<RecordSessionData> {
  const parsed = parse(recordSessionSchema, input);
  if (!parsed.ok) return invalid(keyByIds(parsed.errors, input));
  const s = parsed.value;
  const empty = emptySessionMessage(s);
  if (empty) return invalid({}, empty);
  const errors = sessionProblems(s);
  // A clinic's instrument is known only from its Instruments tab: such a session resolves its measures under the lock (one read of that tab).
  const builtInOnly = s.measures.every((m) => isBuiltIn(m.instrument));
  let resolved = builtInOnly ? resolveMeasures(s.measures, errors) : [];
  if (Object.keys(errors).length) return invalid(errors, Object.keys(errors).every(isConfirmKey) ? asked(Object.keys(errors).length) : undefined);
  const code = s.clientCode;
  const rated = s.ratings.filter(isRated);

  return withDocumentLock((book) => {
    if (!builtInOnly) {
      resolved = resolveMeasures(s.measures, errors, (name) => book.find(name));
      if (Object.keys(errors).length) return invalid(errors, Object.keys(errors).every(isConfirmKey) ? asked(Object.keys(errors).length) : undefined);
    }
    // Every check that needs the sheet runs before the first write.
    const found = clientRowOf(book, code);
    if ('error' in found) return invalid({ clientCode: found.error });
    const { row } = found;
    // The client's own goals (their rows only); an id that is not one of them is looked up tab-wide to name its owner.
    const mine = readGoals(book, code);
    const newTasks = s.newTasks ?? [];
    const marked = s.taskOutcomes ?? [];
    const others = othersGoals(book, [...rated.map((r) => r.goalId), ...newTasks.map((t) => t.goalId)], mine);
    const notMine = (id: string): string | null => {
      const owner = others.get(id);
      if (owner === '') return `Expected a goal of client ${code}; got "${id}", which is not on the Goals tab`;
      return owner !== undefined ? `Expected a goal of client ${code}; got "${id}", which belongs to ${owner}` : null;
    };
    for (const r of rated) {
      const problem = notMine(r.goalId);
      if (problem) errors[`${ratingKey(r.goalId)}.goalId`] = problem;
    }
    newTasks.forEach((t, i) => {
      const problem = notMine(t.goalId);
      if (problem) errors[`${newTaskKey(i)}.goalId`] = problem;
    });
    // This client's Tasks rows (one read, none when the search found no row of theirs); an outcome must name one of their open
    // tasks (checked after the retry check: a retry finds its tasks already marked).
    const tasks = readTasks(book, code);
    const openById = new Map(tasks.filter(isOpenTask).map((t) => [t.taskId, t]));
    const taskErrors: Record<string, string> = {};
    for (const m of marked) {
      if (openById.has(m.taskId)) continue;
      const closed = tasks.find((t) => t.live && t.taskId === m.taskId);
      taskErrors[`${taskOutcomeKey(m.taskId)}.outcome`] = closed
        ? `Expected an open task of ${code}; task ${m.taskId} was already marked "${closed.outcome}" at session ${closed.reviewedSession ?? '?'}. Reload the client to see its open tasks`
        : `Expected an open task of ${code}; got "${m.taskId}", which is not on the ${TASKS.name} tab for this client. Reload the client to see its open tasks`;
    }
    // The Settings tab holds the review interval (for the reply) and the clinic's band choices.
    const settings = book.settings();
    const tabs = resolved.map(({ def, key }) => {
      if (!book.hasTab(def.name)) errors[`${key}.instrument`] = `Expected a "${def.name}" tab; there is none. Tick "Use ${def.name}" in Settings, then run Set up this spreadsheet`;
      return errors[`${key}.instrument`] ? null : book.tab(instrumentTab(def, settings.options[def.id]));
    });
    if (Object.keys(errors).length) return invalid(errors);
    // Every tab this action writes is opened (and its columns checked) before the first write; what the reply needs is read now too.
    book.tab(RATINGS);
    book.tab(AUDIT);
    if (newTasks.length || marked.length) book.tab(TASKS);
    const sessionsTab = book.tab(SESSIONS);
    const before = readSessions(book, code);
    // A Session number typed by hand that is not a whole number ("two", 2.5, blank) is reported, never guessed: numbering stays unique.
    const bad = before.filter((x) => x.badNumber !== undefined);
    if (bad.length) {
      const where = bad.map((x) => `row ${x.row} holds ${x.badNumber === '' ? 'nothing' : `"${x.badNumber}"`}`).join('; ');
      const message = `Expected a whole number in every Session number cell of ${code} on the ${SESSIONS.name} tab; ${where}. Nothing was saved; type the session's number there (as a digit, e.g. 2), then save again`;
      return invalid({ clientCode: message }, message);
    }
    const lastRow = lastRowOf(sessionsTab);
    const next = 1 + before.reduce((m, x) => Math.max(m, x.number), 0);
    const goals = mine.map((g) => g.goal);
    const latest = new Map(latestRatings(book, code));
    const parts = readClientParts(book, code, { row, sessions: before, goals, latest, settings, tasks }) as ClientParts;
    const date = isoToSerial(s.date);
    const scored = resolved.map(({ def, measure }) => savedMeasure(def, measure, settings.options[def.id] ?? {}));
    // A retry of this very save whose first attempt landed (its reply lost): answer as then, from the input and the sheet, and write
    // nothing. Audit is read only when this client already has a session on this date (a retry always does), so a routine save reads no more.
    const prior = before.some((x) => x.date === s.date) ? book.priorRun().find((e) => e.action === 'recordSession') : undefined;
    if (prior) {
      const number = Number(/Session (\d+)/.exec(prior.entity)?.[1] ?? 0);
      return ok({ sessionNumber: number, saved: { ratings: rated.length, measures: scored, ...(newTasks.length || marked.length ? { tasks: { added: newTasks.length, marked: marked.length } } : {}) }, detail: detailOf(parts) }, alreadySaved(`session ${number} of ${code}`));
    }
    if (Object.keys(taskErrors).length) return invalid(taskErrors);
    // Asked after the retry check (a retry is always on a date it already saved); the same-date check reuses the rows read above.
    const sameDate = before.filter((x) => x.date === s.date).map((x) => x.number);
    const today = book.today();
    const questions = dateQuestions(s, sameDate, today);
    if (Object.keys(questions).length) return invalid(questions, asked(Object.keys(questions).length));

    appendAt(sessionsTab, lastRow + 1, [{ client: code, date, session: next, clinician: s.clinician, attended: s.attended, note: s.note }]);
    if (rated.length) appendRows(book.tab(RATINGS), rated.map((r) => ({ client: code, session: next, date, goalId: r.goalId, rating: r.rating, gasLevel: r.gasLevel })));
    resolved.forEach(({ def, measure }, i) => {
      const row: Record<string, unknown> = { client: code, date, session: next };
      measure.items.forEach((v, j) => (row[j < def.items.count ? `item${j + 1}` : `extra:${def.extras![j - def.items.count].id}`] = v));
      appendRows(tabs[i]!, [row]);
    });
    // Tasks: the new ones appended in one write; last time's marked in place (one write per run of consecutive rows).
    const ids = nextTaskIds(tasks.map((t) => t.taskId), next, newTasks.length);
    const added = newTasks.map((t, i) => ({ taskId: ids[i], goalId: t.goalId, text: t.text.trim(), due: t.due ?? '' }));
    appendTasks(book, code, next, s.date, added);
    markTasks(book, marked.map((m) => ({ task: openById.get(m.taskId)!, outcome: m.outcome, session: next, note: (m.note ?? '').trim() })));
    const measures = scored;
    const flags = measures.filter((m) => m.flag).map((m) => m.flag);
    const without = resolved.flatMap(({ def, measure }) => unansweredCritical(def, measure.items).map((n) => `${def.name} item ${n}`));
    const confirmed = confirmedSummary(s, sameDate.length > 0, s.date > today, without);
    book.audit({
      action: 'recordSession',
      client: code,
      entity: `Session ${next}`,
      summary: `Session ${next} on ${s.date} (${s.attended ? 'attended' : 'not attended'}): ${rated.length} rating(s); ${resolved.map(({ def }, i) => `${def.name} ${measures[i].total === null ? 'incomplete' : measures[i].total}`).join(', ') || 'no measures'}${taskSummary(added.map((t) => t.taskId), marked)}${flags.length ? `; SAFETY: ${flags.join('; ')}` : ''}${acknowledged(s.acknowledgedFlags)}${confirmed ? `; ${confirmed}` : ''}`,
    });
    // The reply: the client as this session leaves them, from what was read before the first write and what was just written.
    for (const r of rated) latest.set(r.goalId, { level: r.gasLevel, rating: r.rating, session: next });
    const outcomeOf = new Map(marked.map((m) => [m.taskId, m.outcome]));
    const after = [
      ...tasks.map((t) => (outcomeOf.has(t.taskId) && isOpenTask(t) ? { ...t, outcome: outcomeOf.get(t.taskId)!, reviewedSession: next } : t)),
      ...added.map((t) => ({ row: 0, raw: {}, taskId: t.taskId, goalId: t.goalId, task: t.text, setSession: next, setDate: s.date, due: t.due, outcome: '' as const, reviewedSession: null, note: '', live: true })),
    ];
    const detail = detailOf({ ...parts, sessions: [...before, { number: next, date: s.date, attended: s.attended, note: s.note, clinician: s.clinician }], latest, tasks: after });
    return ok({ sessionNumber: next, saved: { ratings: rated.length, measures, ...(added.length || marked.length ? { tasks: { added: added.length, marked: marked.length } } : {}) }, detail });
  }, s.requestId);
}
