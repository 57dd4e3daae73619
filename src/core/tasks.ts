// Tasks between sessions (homework): the input a session sends (new tasks, outcomes of open ones), the SMART-style hint for a vague task (what, when, how often), task ids, and completion over a period (Attain's own rule: done ÷ reviewed).
import * as z from 'zod/mini';
import { idSchema, isoDate, optionalText, text, vocabulary } from './field-schemas';
import { LIMITS } from './limits';
import { expected } from './messages';
import { vagueWording } from './smart';
import { TASK_OUTCOMES, type TaskOutcome } from './vocabularies';

export const taskOutcomeSchema = vocabulary('a task outcome', TASK_OUTCOMES);

/** A task agreed at this session for a goal; due null (or absent) means "by the next session", the default. */
export const newTaskSchema = z.object(
  {
    goalId: idSchema,
    text: text('a task in the client\u2019s words', LIMITS.text),
    due: z.optional(z.nullable(isoDate('a due date'))),
  },
  expected('a task {goalId, text, due}'),
);

/** How an open task (by its Task ID) went, marked at this session. */
export const taskOutcomeInputSchema = z.object(
  {
    taskId: z.string(expected('a task id such as "S3-T1"')).check(z.refine((s) => TASK_ID.test(s), expected('a task id such as "S3-T1"'))),
    outcome: taskOutcomeSchema,
    note: z.optional(z.nullable(optionalText('a note on the task'))),
  },
  expected('a task outcome {taskId, outcome}'),
);

export type NewTask = z.infer<typeof newTaskSchema>;
export type TaskOutcomeInput = z.infer<typeof taskOutcomeInputSchema>;

/** Most tasks one session may add, and the list schemas recordSession uses. */
export const MAX_NEW_TASKS = 20;
export const newTasksField = z.optional(z.array(newTaskSchema, expected('a list of new tasks')).check(z.maxLength(MAX_NEW_TASKS, expected(`at most ${MAX_NEW_TASKS} new tasks per session`))));
export const taskOutcomesField = z.optional(z.array(taskOutcomeInputSchema, expected('a list of task outcomes')).check(z.maxLength(200, expected('at most 200 task outcomes'))));

/** Task ids: S<session it was set>-T<n>. */
export const TASK_ID = /^S(\d{1,5})-T(\d{1,3})$/;

/** Ids for `count` tasks set at `session`, after any this client already has for that session number (a voided session's included). */
export function nextTaskIds(existing: readonly string[], session: number, count: number): string[] {
  let n = 0;
  for (const id of existing) {
    const m = TASK_ID.exec(id.trim());
    if (m && Number(m[1]) === session) n = Math.max(n, Number(m[2]));
  }
  return Array.from({ length: count }, (_, i) => `S${session}-T${n + i + 1}`);
}

/** Where a new task's or an outcome's errors go: tasks.new.<i>…, tasks.outcome.<taskId>… (the sidebar's own keys). */
export const newTaskKey = (i: number) => `newTasks.${i}`;
export const taskOutcomeKey = (taskId: string) => `taskOutcomes.${taskId}`;

export type TaskHintCode = 'vague-what' | 'missing-when' | 'missing-how-often';
export interface TaskHint {
  code: TaskHintCode;
  message: string;
}

// [seed 001] SMART (specific, time-bound); process goals name the action and how often ("a new coping skill three times per week"): a task is the smallest such step.
const WHEN = /\b(morning|mornings|afternoon|afternoons|evening|evenings|night|nights|nightly|tonight|today|tomorrow|weekend|weekends|weekday|weekdays|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays|after|before|during|when|whenever|lunch|lunchtime|breakfast|dinner|bedtime|noon|midday|by|until|at \d|\d{1,2}(:\d\d)?\s?(am|pm)|\d{1,2}:\d\d)\b/i;
const HOW_OFTEN = /\b(daily|nightly|weekly|every|each|once|twice|times|time a|per|a day|a week|a night|days|\d+\s?x)\b/i;

/**
 * What a task in the client's words leaves out: a concrete action (vague wording from the SMART phrases, or under three
 * words), when it happens and how often. Advice shown live, never a reason to refuse a save.
 */
export function taskHints(task: string): TaskHint[] {
  const t = task.trim();
  if (!t) return [];
  const hints: TaskHint[] = [];
  const vague = vagueWording(t);
  if (vague.length) hints.push({ code: 'vague-what', message: `"${vague[0].phrase}" is not something the client could tick off. ${vague[0].prompt}` });
  else if (t.split(/\s+/).length < 3) hints.push({ code: 'vague-what', message: "Say what exactly the client will do, e.g. 'walk to the park and back'." });
  if (!WHEN.test(t)) hints.push({ code: 'missing-when', message: "Say when, e.g. 'after breakfast' or 'on Monday evening'." });
  if (!HOW_OFTEN.test(t)) hints.push({ code: 'missing-how-often', message: "Say how often, e.g. 'once a day' or '3 times before next session'." });
  return hints;
}

/** A task as read back for counting: its goal, when it was set, its outcome ('' while open) and whether the row is live. */
export interface TaskForCount {
  goalId: string;
  setDate: string;
  outcome: TaskOutcome | '';
  live: boolean;
}

export interface TaskCompletion {
  done: number;
  partly: number;
  notDone: number;
  notReviewed: number;
  open: number;
  /** done ÷ (done + partly + not done), or null when none was reviewed: Attain's own summary, not a clinical number. */
  share: number | null;
}

/**
 * Completion of the live tasks set from `from` to `to` (ISO dates, inclusive; either may be ''), by outcome. The share counts a
 * task done only when it was done: no source in Attain's references weighs "partly", so it is shown as its own count, not half.
 */
export function taskCompletion(tasks: readonly TaskForCount[], from = '', to = ''): TaskCompletion {
  const c: TaskCompletion = { done: 0, partly: 0, notDone: 0, notReviewed: 0, open: 0, share: null };
  for (const t of tasks) {
    if (!t.live || (from && t.setDate < from) || (to && t.setDate > to)) continue;
    if (t.outcome === 'done') c.done++;
    else if (t.outcome === 'partly') c.partly++;
    else if (t.outcome === 'not done') c.notDone++;
    else if (t.outcome === 'not reviewed') c.notReviewed++;
    else c.open++;
  }
  const reviewed = c.done + c.partly + c.notDone;
  c.share = reviewed ? c.done / reviewed : null;
  return c;
}

/** "2 of 3 done (1 partly)" — the one wording the sidebar and the Review screen use; '' when nothing was reviewed. */
export function completionText(c: TaskCompletion): string {
  const reviewed = c.done + c.partly + c.notDone;
  if (!reviewed) return c.open ? `${c.open} open` : '';
  return `${c.done} of ${reviewed} done${c.partly ? ` (${c.partly} partly)` : ''}`;
}
