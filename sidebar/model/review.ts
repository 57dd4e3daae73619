// Pure helpers of the Review, Discharge and Export screens: the cadence sentence, the review draft ↔ saveReview input, local checks, field names for errors, line lists, and the outcomes CSV built with core.
import { CSV_COLUMNS, DEFAULT_CSV_COLUMNS, outcomesCsv, type CsvColumn } from '../../src/core/csv';
import type { RelapsePreventionPlanInput, OutcomeRow, ReviewCadenceView, ReviewDecision, SaveReviewInput, StartReviewData } from '../../src/contract';

/** The cadence as one sentence, led by the words the Supervision tab's Review column shows for the same client (core reviewWords). */
export function cadenceText(c: ReviewCadenceView): string {
  const since = `${c.sessionsSince} attended session${c.sessionsSince === 1 ? '' : 's'} since ${c.lastReviewSession ? `the last review (session ${c.lastReviewSession}, ${c.lastReviewDate})` : 'the start'}`;
  if (c.due) return `Review: ${c.words}. ${since}; reviews are due every ${c.everySessions}.`;
  const left = c.everySessions - c.sessionsSince;
  return `Review: ${c.words}. ${since}; the next review is due in ${left} attended session${left === 1 ? '' : 's'} (every ${c.everySessions}).`;
}

/** A change in T-score with its sign and one decimal: "+4.2", "−1.0". */
export const signedChange = (n: number) => `${n >= 0 ? '+' : '−'}${Math.abs(n).toFixed(1)}`;

const FIELD_WORDS: Record<string, string> = { decision: 'Decision', reason: 'Reason', gasLevel: 'GAS level', rating: 'Rating', revisedObjective: 'Revised objective', goalId: 'Goal' };

/** "goals.1.reason" → "Objective 1.1 › Reason" (labels: each position's outline label), "Goal 2 › Reason" without labels. */
export function describeReviewPath(path: string, labels: readonly string[] = []): string {
  const m = /^goals\.(\d+)\.(\w+)$/.exec(path);
  if (m) return `${labels[Number(m[1])] ?? `Goal ${Number(m[1]) + 1}`} › ${FIELD_WORDS[m[2]] ?? m[2]}`;
  return path === 'goals' ? 'Goals' : path === 'date' ? 'Review date' : path === 'sessionNumber' ? 'Session' : path === '' ? 'Review' : path;
}

export const DECISIONS: { value: ReviewDecision; label: string }[] = [
  { value: 'continue', label: 'Continue as it is' },
  { value: 'modify', label: 'Modify (reword it)' },
  { value: 'retire', label: 'Retire (stop working on it)' },
  { value: 'achieved', label: 'Achieved' },
];

/** One goal's answers as typed: selects and text, parsed when the review is saved. */
export interface ReviewRowDraft {
  decision: ReviewDecision | '';
  reason: string;
  gasLevel: string; // '' = not scored
  rating: string; // '' = not rated
  revisedObjective: string;
}

/** The draft a review starts from: levels and ratings from the latest Ratings, no decision yet, the goal's wording ready to revise. */
export function draftRows(start: StartReviewData): ReviewRowDraft[] {
  return start.goals.map((g) => ({ decision: '', reason: '', gasLevel: g.gasLevel === null ? '' : String(g.gasLevel), rating: g.rating === null ? '' : String(g.rating), revisedObjective: g.title }));
}

/** What the form can tell before asking the server: a decision for each goal, a reason unless continuing, wording for "modify". */
export function localProblems(rows: readonly ReviewRowDraft[]): Record<string, string> {
  const errors: Record<string, string> = {};
  rows.forEach((r, i) => {
    if (r.decision === '') errors[`goals.${i}.decision`] = 'Choose a decision: continue, modify, retire or achieved.';
    else if (r.decision !== 'continue' && r.reason.trim() === '') errors[`goals.${i}.reason`] = `Give a reason for "${r.decision}".`;
    if (r.decision === 'modify' && r.revisedObjective.trim() === '') errors[`goals.${i}.revisedObjective`] = 'Write the revised objective.';
  });
  return errors;
}

const numberOrNull = (s: string): number | null => (s.trim() === '' ? null : Number(s));

/** The saveReview input: reason only when given, revised wording only for "modify" (core refuses it otherwise). */
export function toReviewInput(start: StartReviewData, rows: readonly ReviewRowDraft[], date: string): SaveReviewInput {
  return {
    clientCode: start.clientCode,
    date,
    sessionNumber: start.sessionNumber,
    goals: start.goals.map((g, i) => {
      const r = rows[i];
      const reason = r.reason.trim();
      return {
        goalId: g.goalId,
        decision: r.decision as ReviewDecision,
        ...(reason !== '' ? { reason } : {}),
        gasLevel: numberOrNull(r.gasLevel) as SaveReviewInput['goals'][number]['gasLevel'],
        rating: numberOrNull(r.rating),
        ...(r.decision === 'modify' ? { revisedObjective: r.revisedObjective.trim() } : {}),
      };
    }),
  };
}

// ---- Relapse-prevention plan ---------------------------------------------------------------------

/** A text area's lines: one entry per non-blank line, trimmed. */
export const lines = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');

export interface RelapsePreventionDraft {
  date: string;
  whatHelped: string;
  warningSigns: string;
  highRiskSituations: string;
  copingStrategies: string;
  ifTheyReturn: string;
  contacts: { who: string; how: string; when: string }[];
}

export const LIST_FIELDS = ['whatHelped', 'warningSigns', 'highRiskSituations', 'copingStrategies', 'ifTheyReturn'] as const;

/** The plan's list fields as the form shows them, in order. */
export const RELAPSE_PREVENTION_LISTS: { key: (typeof LIST_FIELDS)[number]; label: string; hint: string; optional?: boolean }[] = [
  { key: 'whatHelped', label: 'What helped', hint: 'The tools and changes that made the difference.' },
  { key: 'warningSigns', label: 'Early warning signs', hint: 'What the client (or others) would notice first if things slipped.' },
  { key: 'highRiskSituations', label: 'High-risk situations', hint: 'Times or places when difficulties are more likely.', optional: true },
  { key: 'copingStrategies', label: 'Coping strategies', hint: 'What to keep doing, and what to do when a warning sign shows.' },
  { key: 'ifTheyReturn', label: 'If difficulties return: what to do', hint: 'Steps in order.' },
];

const RELAPSE_PREVENTION_NAMES: Record<string, string> = { date: 'Plan date', contacts: 'Contacts', clientCode: 'Client', '': 'Plan', ...Object.fromEntries(RELAPSE_PREVENTION_LISTS.map((l) => [l.key, l.label])) };

/** "contacts.0.how" → "Contact 1 › How to reach them"; a list field → its label. */
export function describeRelapsePreventionPath(path: string): string {
  const m = /^contacts\.(\d+)\.(\w+)$/.exec(path);
  if (m) return `Contact ${Number(m[1]) + 1} › ${m[2] === 'who' ? 'Who' : m[2] === 'how' ? 'How to reach them' : 'When'}`;
  return RELAPSE_PREVENTION_NAMES[path] ?? path;
}

export const emptyContact = (): RelapsePreventionDraft['contacts'][number] => ({ who: '', how: '', when: '' });

export function toRelapsePreventionInput(code: string, d: RelapsePreventionDraft): RelapsePreventionPlanInput {
  const high = lines(d.highRiskSituations);
  return {
    clientCode: code,
    date: d.date,
    whatHelped: lines(d.whatHelped),
    warningSigns: lines(d.warningSigns),
    ...(high.length ? { highRiskSituations: high } : {}),
    copingStrategies: lines(d.copingStrategies),
    ifTheyReturn: lines(d.ifTheyReturn),
    // A contact row left entirely blank is not a contact.
    contacts: d.contacts
      .filter((c) => c.who.trim() !== '' || c.how.trim() !== '' || c.when.trim() !== '')
      .map((c) => ({ who: c.who.trim(), how: c.how.trim(), ...(c.when.trim() !== '' ? { when: c.when.trim() } : {}) })),
  };
}

/** Server errors on list lines ("whatHelped.2") belong to the list's one text area: "whatHelped" with "Line 3: …". */
export function relapsePreventionErrors(errors: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(errors)) {
    const m = /^(whatHelped|warningSigns|highRiskSituations|copingStrategies|ifTheyReturn)\.(\d+)$/.exec(k);
    const key = m ? m[1] : k;
    const text = m ? `Line ${Number(m[2]) + 1}: ${v}` : v;
    out[key] = out[key] ? `${out[key]} ${text}` : text;
  }
  return out;
}

// ---- Export ---------------------------------------------------------------------------------

/** The export's columns: the default de-identified set, or every allowed column (adds session and GAS change). */
export function exportColumns(all: boolean): readonly CsvColumn[] {
  return all ? CSV_COLUMNS : DEFAULT_CSV_COLUMNS;
}

/** The CSV text, built here in the browser with core's outcomesCsv (allowlisted columns, RFC 4180, formulas neutralised). */
export function buildCsv(rows: readonly OutcomeRow[], all: boolean): string {
  return outcomesCsv(rows, exportColumns(all));
}

/** The CSV, or why core refused a row it cannot export safely (a bad code, date or label). */
export function csvOrProblem(rows: readonly OutcomeRow[], all: boolean): { csv: string; problem: string | null } {
  try {
    return { csv: buildCsv(rows, all), problem: null };
  } catch (e) {
    return { csv: '', problem: e instanceof Error ? e.message : String(e) };
  }
}

export const csvFileName = (today: string) => `attain-outcomes-${today}.csv`;
