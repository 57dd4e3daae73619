// Hook holding the session being entered for the selected client (date, attendance, ratings, GAS levels, questionnaire answers, note, task outcomes and new tasks) as typed.
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Bootstrap } from '../../src/contract';
import type { TaskOutcome } from '../../src/core/vocabularies';

/** A task being agreed at this session: its goal, the client's words, and a due date ('' = by the next session). */
export interface TaskDraft {
  goalId: string;
  text: string;
  due: string;
}

export interface SessionForm {
  date: string;
  clinician: string;
  attended: boolean;
  note: string;
  /** 0–10 rating per goal id, as typed ('' = not rated). */
  ratings: Record<string, string>;
  /** GAS level per goal id ('' = not scored). */
  gas: Record<string, string>;
  /** True when GAS levels are recorded although no review is due. */
  gasAnyway: boolean;
  /** Answers per instrument id, one string per item ('' = unanswered). */
  measures: Record<string, string[]>;
  /** Outcome per open task id ('' or absent = not marked, the task stays open). */
  taskOutcomes?: Record<string, TaskOutcome | ''>;
  /** Tasks agreed at this session, in the order added. */
  newTasks?: TaskDraft[];
}

export interface SessionDraft {
  form: SessionForm;
  /** True once a rating, level, answer or note was entered. */
  dirty: boolean;
  set<K extends keyof SessionForm>(key: K, value: SessionForm[K]): void;
  setRating(goalId: string, value: string): void;
  setGas(goalId: string, value: string): void;
  setItem(instrument: string, item: number, count: number, value: string): void;
  setTaskOutcome(taskId: string, outcome: TaskOutcome | ''): void;
  addTask(goalId: string): void;
  setTask(index: number, patch: Partial<TaskDraft>): void;
  removeTask(index: number): void;
  /** Starts a fresh session form (after a save). */
  clear(): void;
}

function blank(boot: Bootstrap | null, clinician: string): SessionForm {
  return { date: boot?.today ?? '', clinician, attended: true, note: '', ratings: {}, gas: {}, gasAnyway: false, measures: {}, taskOutcomes: {}, newTasks: [] };
}

export function useSessionDraft(code: string | null, boot: Bootstrap | null, clinician: string): SessionDraft {
  const [form, setForm] = useState<SessionForm>(() => blank(boot, clinician));
  // A different client starts a fresh form; the clinician defaults to the client's own.
  useEffect(() => setForm(blank(boot, clinician)), [code, boot?.today, clinician]);

  const set = useCallback(<K extends keyof SessionForm>(key: K, value: SessionForm[K]) => setForm((f) => ({ ...f, [key]: value })), []);
  const setRating = useCallback((goalId: string, value: string) => setForm((f) => ({ ...f, ratings: { ...f.ratings, [goalId]: value } })), []);
  const setGas = useCallback((goalId: string, value: string) => setForm((f) => ({ ...f, gas: { ...f.gas, [goalId]: value } })), []);
  const setItem = useCallback(
    (instrument: string, item: number, count: number, value: string) =>
      setForm((f) => {
        const items = (f.measures[instrument] ?? new Array<string>(count).fill('')).slice();
        while (items.length < count) items.push('');
        items[item] = value;
        return { ...f, measures: { ...f.measures, [instrument]: items } };
      }),
    [],
  );
  const setTaskOutcome = useCallback((taskId: string, outcome: TaskOutcome | '') => setForm((f) => ({ ...f, taskOutcomes: { ...(f.taskOutcomes ?? {}), [taskId]: outcome } })), []);
  const addTask = useCallback((goalId: string) => setForm((f) => ({ ...f, newTasks: [...(f.newTasks ?? []), { goalId, text: '', due: '' }] })), []);
  const setTask = useCallback((index: number, patch: Partial<TaskDraft>) => setForm((f) => ({ ...f, newTasks: (f.newTasks ?? []).map((t, i) => (i === index ? { ...t, ...patch } : t)) })), []);
  const removeTask = useCallback((index: number) => setForm((f) => ({ ...f, newTasks: (f.newTasks ?? []).filter((_, i) => i !== index) })), []);
  const clear = useCallback(() => setForm(blank(boot, clinician)), [boot, clinician]);
  const filled = (r: Record<string, string>) => Object.values(r).some((v) => v !== '');
  const dirty = form.note.trim() !== '' || filled(form.ratings) || filled(form.gas) || Object.values(form.measures).some((items) => items.some((v) => v !== '')) || filled(form.taskOutcomes ?? {}) || (form.newTasks ?? []).some((t) => t.text.trim() !== '');
  return { form, dirty, set, setRating, setGas, setItem, setTaskOutcome, addTask, setTask, removeTask, clear };
}
