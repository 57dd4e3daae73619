// Relapse-prevention plan for discharge: its zod/mini schema and the ordered, printable sections built from it and the goal statuses.
import * as z from 'zod/mini';
import { clientCodeSchema } from './client-code';
import { isoDate, text } from './field-schemas';
import { LIMITS } from './limits';
import { expected } from './messages';
import { requestIdField } from './request-id';
import type { GoalStatus } from './vocabularies';

export const RELAPSE_PREVENTION_LIMITS = { linesPerList: 12 } as const;

/** A list of 1–12 (or 0–12) lines, each short text; `one` names a single line in messages ("an early warning sign"). */
function lines(what: string, one: string, min: number) {
  const e = expected(`${min === 0 ? 'up to ' : `${min}–`}${RELAPSE_PREVENTION_LIMITS.linesPerList} ${what}`, (v) => (Array.isArray(v) ? String(v.length) : 'nothing'));
  return z.array(text(one), expected(`a list of ${what}`)).check(z.minLength(min, e), z.maxLength(RELAPSE_PREVENTION_LIMITS.linesPerList, e));
}

export const contactSchema = z.object(
  {
    // A role or service ("GP surgery", "Crisis line"), not necessarily a person.
    who: text('who to contact (a person, role or service)', LIMITS.title),
    how: text('how to reach them (e.g. a phone number or "book via reception")', LIMITS.title),
    when: z.optional(text('when to contact them', LIMITS.title)),
  },
  expected('a contact (who, how, and optionally when)'),
);

/** What the client and clinician write together in the final sessions ([seed 000] [seed 001]). */
export const relapsePreventionPlanSchema = z.object(
  {
    clientCode: clientCodeSchema,
    date: isoDate('the plan date'),
    // [seed 000] "the same tools that helped them achieve their initial gains"
    whatHelped: lines('things that helped', 'something that helped', 1),
    // [seed 000] "identify the early warning signs of cognitive or emotional regression"
    warningSigns: lines('early warning signs', 'an early warning sign', 1),
    // [seed 000] "identifying high-risk situations"
    highRiskSituations: z.optional(lines('high-risk situations', 'a high-risk situation', 0)),
    // [seed 000] "reinforcing adaptive coping strategies"; [seed 001] "strategies for staying on course"
    copingStrategies: lines('coping strategies', 'a coping strategy', 1),
    // What to do if the difficulties return, step by step.
    ifTheyReturn: lines('steps to take if difficulties return', 'a step to take', 1),
    contacts: z.array(contactSchema, expected('a list of contacts')).check(z.minLength(1, expected('at least one contact', (v) => (Array.isArray(v) ? String(v.length) : 'nothing')))),
    requestId: requestIdField,
  },
  expected('a relapse-prevention plan'),
);

export type RelapsePreventionPlan = z.infer<typeof relapsePreventionPlanSchema>;
export type Contact = z.infer<typeof contactSchema>;

/** Headings in print order (data, so the wording is changed in one place). */
export const RELAPSE_PREVENTION_HEADINGS = {
  title: 'Relapse-prevention plan',
  achieved: 'Goals achieved',
  whatHelped: 'What helped',
  warningSigns: 'Early warning signs',
  highRiskSituations: 'High-risk situations',
  copingStrategies: 'Coping strategies',
  ifTheyReturn: 'If difficulties return: what to do',
  contacts: 'Whom to contact',
} as const;

export const NO_GOALS_ACHIEVED = 'No goals are marked achieved yet.';

export interface PrintSection {
  heading: string;
  lines: string[];
}

/** The goal fields the plan reads: plan.ts objectives and goals (statement) and the sheet's GoalView (title) both fit. */
export interface RelapsePreventionGoal {
  readonly id: string;
  readonly status: GoalStatus;
  readonly statusDate?: string;
  readonly statement?: string;
  readonly title?: string;
}

/** Achieved goals, in the order they were achieved (ties keep the input order). */
export function achievedGoals<G extends RelapsePreventionGoal>(goals: readonly G[]): G[] {
  return goals
    .map((g, i) => ({ g, i }))
    .filter((x) => x.g.status === 'achieved')
    .sort((a, b) => ((a.g.statusDate ?? '') < (b.g.statusDate ?? '') ? -1 : (a.g.statusDate ?? '') > (b.g.statusDate ?? '') ? 1 : a.i - b.i))
    .map((x) => x.g);
}

function contactLine(c: Contact): string {
  return `${c.who.trim()}: ${c.how.trim()}${c.when ? ` (${c.when.trim()})` : ''}`;
}

/**
 * The plan as ordered sections ready to print (no layout): title, goals achieved (from statuses), what helped,
 * warning signs, high-risk situations (when given), coping strategies, what to do, whom to contact.
 * Throws when the plan does not pass relapsePreventionPlanSchema, naming each field.
 */
export function relapsePreventionSections(plan: unknown, goals: readonly RelapsePreventionGoal[]): PrintSection[] {
  const parsed = z.safeParse(relapsePreventionPlanSchema, plan);
  if (!parsed.success) throw new Error(`Relapse-prevention plan is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(plan)'}: ${i.message}`).join(' | ')}`);
  const p = parsed.data;
  const h = RELAPSE_PREVENTION_HEADINGS;
  const trimmed = (xs: readonly string[]) => xs.map((x) => x.trim());
  const achieved = achievedGoals(goals).map((g) => `${(g.statement ?? g.title ?? g.id).trim()}${g.statusDate ? ` (achieved ${g.statusDate})` : ''}`);
  const sections: PrintSection[] = [
    { heading: h.title, lines: [`Client: ${p.clientCode}`, `Date: ${p.date}`] },
    { heading: h.achieved, lines: achieved.length ? achieved : [NO_GOALS_ACHIEVED] },
    { heading: h.whatHelped, lines: trimmed(p.whatHelped) },
    { heading: h.warningSigns, lines: trimmed(p.warningSigns) },
  ];
  if (p.highRiskSituations?.length) sections.push({ heading: h.highRiskSituations, lines: trimmed(p.highRiskSituations) });
  sections.push({ heading: h.copingStrategies, lines: trimmed(p.copingStrategies) }, { heading: h.ifTheyReturn, lines: trimmed(p.ifTheyReturn) }, { heading: h.contacts, lines: p.contacts.map(contactLine) });
  return sections;
}
