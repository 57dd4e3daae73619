// The Session screen's tasks between sessions: "From last time" (each open task with its goal, one tap for its outcome) and "Until next time" (tasks added per goal, with core's live what / when / how often hint).
import { taskHints } from '../../src/core/tasks';
import { TASK_OUTCOMES, type TaskOutcome } from '../../src/core/vocabularies';
import type { ClientDetail, GoalView } from '../../src/contract';
import { DateField, TextField } from './Field';
import { fieldId } from '../errors';
import type { SessionDraft } from '../hooks/useSessionDraft';
import { entryTitle, type OutlineEntry } from '../model/outline';

const P = 'session';
const WORDS: Record<TaskOutcome, string> = { done: 'Done', partly: 'Partly', 'not done': 'Not done', 'not reviewed': 'Not reviewed' };

/** "From last time": each open task, its goal and when it was set, and four buttons (a second tap on the chosen one unmarks it). */
export function FromLastTime({ detail, draft, errors }: { detail: ClientDetail; draft: SessionDraft; errors: Record<string, string> }) {
  const tasks = detail.openTasks ?? [];
  if (!tasks.length) return null;
  const title = (goalId: string) => detail.goals.find((g) => g.id === goalId)?.title ?? goalId;
  return (
    <fieldset id={`${P}-from-last-time`}>
      <legend>From last time</legend>
      <p class="hint">“How did your tasks go?” Tap how each went; a task left unmarked stays open.</p>
      {tasks.map((t) => {
        const chosen = draft.form.taskOutcomes?.[t.taskId] ?? '';
        const id = fieldId(P, `taskOutcomes.${t.taskId}`);
        const error = errors[`taskOutcomes.${t.taskId}.outcome`] ?? errors[`taskOutcomes.${t.taskId}`];
        return (
          <div class="task" key={t.taskId} id={id}>
            <p class="task-text" id={`${id}-text`}>
              {t.task}
            </p>
            <p class="muted small">
              {title(t.goalId)} · set at session {t.setSession ?? '?'}
              {t.due ? ` · due ${t.due}` : ''}
            </p>
            <div class="segmented" role="group" aria-labelledby={`${id}-text`}>
              {TASK_OUTCOMES.map((o) => (
                <button type="button" key={o} class="btn btn-small" aria-pressed={chosen === o ? 'true' : 'false'} onClick={() => draft.setTaskOutcome(t.taskId, chosen === o ? '' : o)}>
                  {WORDS[o]}
                </button>
              ))}
            </div>
            {error ? (
              <p class="field-error" id={`${id}-error`}>
                {error}
              </p>
            ) : null}
          </div>
        );
      })}
    </fieldset>
  );
}

/** "Until next time": per active goal, its new tasks (words, optional due date, the live hint) and a button to add one. */
export function UntilNextTime({ entries, draft, errors }: { entries: readonly OutlineEntry<GoalView>[]; draft: SessionDraft; errors: Record<string, string> }) {
  if (!entries.length) return null;
  // The server keys errors by the position among the tasks sent (rows with words only).
  const sent = new Map<number, number>();
  (draft.form.newTasks ?? []).forEach((t, i) => {
    if (t.text.trim() !== '') sent.set(i, sent.size);
  });
  const err = (i: number, field: string) => (sent.has(i) ? (errors[`newTasks.${sent.get(i)}.${field}`] ?? (field === 'text' ? errors[`newTasks.${sent.get(i)}`] : undefined)) : undefined);
  return (
    <fieldset id={`${P}-until-next-time`}>
      <legend>Until next time</legend>
      <p class="hint">Agree a small task for a goal, in the client’s words: what, when and how often. Due is the next session unless you pick a date.</p>
      {entries.map((e) => {
        const rows = (draft.form.newTasks ?? []).map((t, i) => ({ t, i })).filter(({ t }) => t.goalId === e.goal.id);
        return (
          <div key={e.goal.id} class={e.isObjective ? 'outline-objective task-goal' : 'task-goal'}>
            <p class="task-goal-title">{entryTitle(e)}</p>
            {rows.map(({ t, i }) => {
              const hints = taskHints(t.text);
              const id = fieldId(P, `newTasks.${i}`);
              return (
                <div class="task" key={i}>
                  <TextField id={`${id}-text`} label="Task" maxLength={500} value={t.text} onInput={(v) => draft.setTask(i, { text: v })} error={err(i, 'text') ?? err(i, 'goalId')} describedBy={hints.length ? `${id}-smart` : undefined} />
                  <div id={`${id}-smart`} class={hints.length ? 'smart smart-hints' : undefined} aria-live="polite">
                    {hints.length ? (
                      <ul>
                        {hints.map((h) => (
                          <li key={h.code}>{h.message}</li>
                        ))}
                      </ul>
                    ) : null}
                  </div>
                  <DateField id={`${id}-due`} label="Due (blank = next session)" value={t.due} onInput={(v) => draft.setTask(i, { due: v })} error={err(i, 'due')} />
                  <button type="button" class="btn btn-small" onClick={() => draft.removeTask(i)}>
                    Remove task
                  </button>
                </div>
              );
            })}
            <button type="button" class="btn btn-small" id={fieldId(P, `add-task-${e.goal.id}`)} onClick={() => draft.addTask(e.goal.id)}>
              Add a task
            </button>
          </div>
        );
      })}
    </fieldset>
  );
}
