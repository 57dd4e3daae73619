// Session form → recordSession input (the rated goals and answered questionnaires, null for every blank, and the questions confirmed), the next session's number, and readable names for the server's error keys (ratings.<goalId>…, measures.<instrumentId>…).
import { entryTitle, outline } from './outline';
import type { ClientDetail, GoalView, InstrumentSummary, RecordSessionInput } from '../../src/contract';
import { CONFIRM_FUTURE_DATE, CONFIRM_SAME_DATE, isAnswered, isRated } from '../../src/core/session-input';
import { describePath } from '../errors';
import type { SessionForm } from '../hooks/useSessionDraft';
import { answerValues } from './measures';
import type { TaskOutcome } from '../../src/core/vocabularies';

/** The number the next session will get: one more than the highest recorded. */
export function nextSessionNumber(detail: ClientDetail): number {
  return detail.sessions.reduce((m, s) => Math.max(m, s.number), detail.client.sessions) + 1;
}

const numberOrNull = (typed: string | undefined): number | null => {
  const t = (typed ?? '').trim();
  return t === '' ? null : Number(t);
};

/**
 * The form as recordSession's input: the goals given a rating or GAS level and the questionnaires with at least one answer (a
 * questionnaire sent is a questionnaire given), null for each blank. The server keys its errors by goal id and instrument id, so
 * they map straight back onto the form whatever was left out.
 */
export function sessionInput(code: string, form: SessionForm, goals: readonly GoalView[], instruments: readonly InstrumentSummary[], gasShown: boolean, confirm: SessionConfirmations = NO_CONFIRMATIONS): RecordSessionInput {
  const input: RecordSessionInput = {
    clientCode: code,
    date: form.date,
    clinician: form.clinician,
    attended: form.attended,
    note: form.note,
    ratings: goals.map((g) => ({ goalId: g.id, rating: numberOrNull(form.ratings[g.id]), gasLevel: gasShown ? numberOrNull(form.gas[g.id]) : null })).filter(isRated),
    measures: instruments
      .map((inst) => ({ instrument: inst.id, items: answerValues(form.measures[inst.id] ?? [], inst.items), ...(confirm.unanswered[inst.id] ? { confirmUnanswered: true } : {}) }))
      .filter(isAnswered),
  };
  // Only marked outcomes and tasks with words: an unmarked task stays open, an empty "Until next time" row is not sent.
  const outcomes = Object.entries(form.taskOutcomes ?? {}).filter(([, o]) => o !== '').map(([taskId, outcome]) => ({ taskId, outcome: outcome as TaskOutcome }));
  if (outcomes.length) input.taskOutcomes = outcomes;
  const tasks = (form.newTasks ?? []).filter((t) => t.text.trim() !== '').map((t) => ({ goalId: t.goalId, text: t.text.trim(), ...(t.due ? { due: t.due } : {}) }));
  if (tasks.length) input.newTasks = tasks;
  if (confirm.confirmSameDate) input.confirmSameDate = true;
  if (confirm.confirmFutureDate) input.confirmFutureDate = true;
  return input;
}

/** The server's questions the clinician answered yes to (sent as the input's confirm flags on the resend). */
export interface SessionConfirmations {
  confirmSameDate: boolean;
  confirmFutureDate: boolean;
  /** Save without the blank safety item, per instrument id. */
  unanswered: Record<string, boolean>;
}

export const NO_CONFIRMATIONS: SessionConfirmations = { confirmSameDate: false, confirmFutureDate: false, unanswered: {} };

/** The confirmations with the flag of a question key (confirmSameDate, confirmFutureDate, measures.<id>.confirmUnanswered) set. */
export function confirming(c: SessionConfirmations, key: string): SessionConfirmations {
  if (key === CONFIRM_SAME_DATE) return { ...c, confirmSameDate: true };
  if (key === CONFIRM_FUTURE_DATE) return { ...c, confirmFutureDate: true };
  const m = /^measures\.(.+)\.confirmUnanswered$/.exec(key);
  return m ? { ...c, unanswered: { ...c.unanswered, [m[1]]: true } } : c;
}

/** A readable name for a session error key: "ratings.C-1.G1.O2.rating" → "<goal title> › Rating 0–10", "measures.phq9.items.3" → "PHQ-9 › item 4". */
export function describeSessionPath(path: string, goals: readonly GoalView[], instruments: readonly InstrumentSummary[]): string {
  for (const e of outline(goals)) {
    const head = `ratings.${e.goal.id}`;
    if (path === head || path.startsWith(`${head}.`)) {
      const rest = path.slice(head.length + 1);
      const name = entryTitle(e);
      return rest === '' ? name : `${name} › ${describePath(rest)}`;
    }
  }
  for (const inst of instruments) {
    const head = `measures.${inst.id}`;
    if (path === head || path.startsWith(`${head}.`)) {
      const item = /^\.items\.(\d+)$/.exec(path.slice(head.length));
      if (path.slice(head.length) === '.confirmUnanswered') return `${inst.name} › safety item`;
      return item ? `${inst.name} › item ${Number(item[1]) + 1}` : inst.name;
    }
  }
  if (path === CONFIRM_SAME_DATE || path === CONFIRM_FUTURE_DATE) return 'Date';
  const marked = /^taskOutcomes\.([^.]+)/.exec(path);
  if (marked) return `From last time › task ${marked[1]}`;
  const added = /^newTasks\.(\d+)(?:\.(\w+))?/.exec(path);
  if (added) return `Until next time › task ${Number(added[1]) + 1}${added[2] === 'due' ? ' › due' : ''}`;
  return describePath(path);
}
