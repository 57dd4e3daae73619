// Hook holding the session being entered for the selected client (date, attendance, ratings, GAS levels, questionnaire answers, note) as typed.
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Bootstrap } from '../../src/contract';

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
}

export interface SessionDraft {
  form: SessionForm;
  /** True once a rating, level, answer or note was entered. */
  dirty: boolean;
  set<K extends keyof SessionForm>(key: K, value: SessionForm[K]): void;
  setRating(goalId: string, value: string): void;
  setGas(goalId: string, value: string): void;
  setItem(instrument: string, item: number, count: number, value: string): void;
  /** Starts a fresh session form (after a save). */
  clear(): void;
}

function blank(boot: Bootstrap | null, clinician: string): SessionForm {
  return { date: boot?.today ?? '', clinician, attended: true, note: '', ratings: {}, gas: {}, gasAnyway: false, measures: {} };
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
  const clear = useCallback(() => setForm(blank(boot, clinician)), [boot, clinician]);
  const filled = (r: Record<string, string>) => Object.values(r).some((v) => v !== '');
  const dirty = form.note.trim() !== '' || filled(form.ratings) || filled(form.gas) || Object.values(form.measures).some((items) => items.some((v) => v !== ''));
  return { form, dirty, set, setRating, setGas, setItem, clear };
}
