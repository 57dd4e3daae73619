// Pure helpers of the Review, Discharge and Export screens: the review draft ↔ saveReview input, local checks, line lists, and the outcomes CSV built with core.
import { CSV_COLUMNS, DEFAULT_CSV_COLUMNS, outcomesCsv, type CsvColumn } from '../../src/core/csv';
import type { MaintenancePlanInput, OutcomeRow, ReviewDecision, SaveReviewInput, StartReviewData } from '../../src/server/contract';

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

// ---- Maintenance plan ---------------------------------------------------------------------

/** A text area's lines: one entry per non-blank line, trimmed. */
export const lines = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');

export interface MaintenanceDraft {
  date: string;
  whatHelped: string;
  warningSigns: string;
  highRiskSituations: string;
  copingStrategies: string;
  ifTheyReturn: string;
  contacts: { who: string; how: string; when: string }[];
}

export const LIST_FIELDS = ['whatHelped', 'warningSigns', 'highRiskSituations', 'copingStrategies', 'ifTheyReturn'] as const;

export function toMaintenanceInput(code: string, d: MaintenanceDraft): MaintenancePlanInput {
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
export function maintenanceErrors(errors: Record<string, string>): Record<string, string> {
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

export const csvFileName = (today: string) => `attain-outcomes-${today}.csv`;
