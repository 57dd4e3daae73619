// Field-error helpers: server error paths (dotted, e.g. "goals.0.objectives.2.deadline") to element ids and readable names.

/** The element id of the field that shows errors for `path` on a screen: "plan" + "goals.0.title" → "plan-goals-0-title". */
export function fieldId(prefix: string, path: string): string {
  return path === '' ? `${prefix}-form` : `${prefix}-${path.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}

const WORDS: Record<string, string> = {
  code: 'Client code',
  clinician: 'Clinician',
  startDate: 'Start date',
  modality: 'Modality',
  clientCode: 'Client',
  title: 'Title',
  horizon: 'Horizon',
  type: 'Type',
  domain: 'Domain',
  category: 'Category',
  values: 'Why this matters',
  behaviour: 'Observable behaviour',
  measure: 'Measure',
  target: 'Target',
  frequency: 'Frequency',
  deadline: 'Deadline',
  anchors: 'Anchor',
  baseline: 'Baseline',
  importance: 'Importance',
  difficulty: 'Difficulty',
  status: 'Status',
  statusReason: 'Status reason',
  date: 'Date',
  attended: 'Attended',
  note: 'Event note',
  rating: 'Rating 0–10',
  gasLevel: 'GAS level',
  urgency: 'Urgency',
  readiness: 'Readiness',
  tier: 'DBT tier',
};

/** A readable name for an error path when a screen has no better one: "goals.0.objectives.2.deadline" → "Goal 1 › objective 3 › Deadline". */
export function describePath(path: string): string {
  if (path === '') return 'Form';
  const parts = path.split('.');
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    const next = parts[i + 1];
    if (next !== undefined && /^\d+$/.test(next)) {
      const n = Number(next) + 1;
      const name = p === 'goals' ? 'Goal' : p === 'objectives' ? 'objective' : p === 'items' ? 'item' : p === 'measures' ? 'Questionnaire' : p === 'ratings' ? 'Rating' : p === 'anchors' ? 'Anchor' : WORDS[p] ?? p;
      out.push(`${name} ${n}`);
      i++;
    } else {
      out.push(WORDS[p] ?? p);
    }
  }
  return out.join(' › ');
}

/** The errors whose path starts with `prefix.` re-keyed without it (for a sub-form). */
export function errorsUnder(errors: Record<string, string>, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  const head = `${prefix}.`;
  for (const [k, v] of Object.entries(errors)) if (k.startsWith(head)) out[k.slice(head.length)] = v;
  return out;
}
