// Tasks between sessions in core: the input schemas, task ids, the live SMART-style hint (what, when, how often) and completion over a period.
import { completionText, newTaskSchema, nextTaskIds, taskCompletion, taskHints, taskOutcomeInputSchema, type TaskForCount } from '../../../src/core/tasks';
import * as z from 'zod/mini';

const codes = (task: string) => taskHints(task).map((h) => h.code);

test('a task naming what, when and how often gets no hint', () => {
  expect(codes('Walk to the park after breakfast every day')).toEqual([]);
});

test('a task without a time is asked when', () => {
  expect(codes('Walk to the park three times')).toEqual(['missing-when']);
});

test('a task without a frequency is asked how often', () => {
  expect(codes('Phone my sister on Sunday evening')).toEqual(['missing-how-often']);
});

test('vague wording from the SMART phrases is named with its prompt', () => {
  const hints = taskHints('Try to feel better every morning');
  expect(hints[0].code).toBe('vague-what');
  expect(hints[0].message).toMatch(/"feel better"/);
});

test('a one- or two-word task is asked what exactly', () => {
  expect(codes('Relaxation')).toContain('vague-what');
});

test('a blank task has no hint (nothing typed yet)', () => {
  expect(taskHints('   ')).toEqual([]);
});

test('ids continue after the ids this client already has for the session number', () => {
  expect(nextTaskIds([], 3, 2)).toEqual(['S3-T1', 'S3-T2']);
  expect(nextTaskIds(['S3-T1', 'S3-T2', 'S2-T5'], 3, 1)).toEqual(['S3-T3']);
});

test('a new task needs a goal id and text; due is optional', () => {
  expect(z.safeParse(newTaskSchema, { goalId: 'C-1.G1', text: 'Walk daily after lunch' }).success).toBe(true);
  expect(z.safeParse(newTaskSchema, { goalId: 'C-1.G1', text: '  ' }).success).toBe(false);
  expect(z.safeParse(newTaskSchema, { goalId: 'C-1.G1', text: 'x', due: '2026-13-01' }).success).toBe(false);
});

test('an outcome must be a word of the vocabulary and name a task id', () => {
  expect(z.safeParse(taskOutcomeInputSchema, { taskId: 'S2-T1', outcome: 'partly' }).success).toBe(true);
  expect(z.safeParse(taskOutcomeInputSchema, { taskId: 'S2-T1', outcome: 'half' }).success).toBe(false);
  expect(z.safeParse(taskOutcomeInputSchema, { taskId: 'row 7', outcome: 'done' }).success).toBe(false);
});

const t = (outcome: TaskForCount['outcome'], setDate = '2026-01-10', live = true): TaskForCount => ({ goalId: 'G1', setDate, outcome, live });

test('completion share is done over reviewed (partly and not done count as reviewed, not reviewed and open do not)', () => {
  const c = taskCompletion([t('done'), t('done'), t('partly'), t('not done'), t('not reviewed'), t('')]);
  expect(c).toEqual({ done: 2, partly: 1, notDone: 1, notReviewed: 1, open: 1, share: 0.5 });
});

test('voided rows and rows set outside the period are left out', () => {
  const c = taskCompletion([t('done', '2026-01-01'), t('done', '2026-02-01', false), t('not done', '2026-01-15')], '2026-01-10', '2026-01-31');
  expect(c).toMatchObject({ done: 0, notDone: 1, share: 0 });
});

test('no reviewed task gives no share, and the text says what is open', () => {
  const c = taskCompletion([t('')]);
  expect(c.share).toBeNull();
  expect(completionText(c)).toBe('1 open');
  expect(completionText(taskCompletion([t('done'), t('partly')]))).toBe('1 of 2 done (1 partly)');
});
