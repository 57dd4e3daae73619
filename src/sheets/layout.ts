// Tab layouts as data: every tab's columns (key, header, note, kind, validation, number format, width, computed formula) and the schema version.
import { attendedKeyColumn, liveKeyColumn } from './client-keys';
import { CLIENT_STATUSES, DBT_TIERS, DOMAINS, GOAL_TYPES, HORIZONS, MODALITIES, GOAL_STATUSES as STATUSES, REVIEW_DECISIONS, TASK_OUTCOMES } from '../core/vocabularies';
import type { InstrumentDefinition } from '../core/instruments/schema';
import { clientCol, voidedCol, type ColumnSpec, type TabLayout } from './columns';
import { instrumentColumns, type InstrumentOptions } from './instrument-layout';
import { priorityRankFormula, priorityScoreFormula, tierOrderFormula, weightFormula } from './formulas';
import { INSTRUMENTS } from './instruments-tab';

/** Bumped whenever a layout changes; setup migrates a workbook that records an older one. */
export const SCHEMA_VERSION = 1;

const TIERS_OR_NONE = [...DBT_TIERS];


export const CLIENTS: TabLayout = {
  key: 'clients',
  name: 'Clients',
  columns: [
    { key: 'code', header: 'Client code', note: 'A clinic code such as C-0142: 2–20 letters, digits, "-" or "_". Never a name, email or phone number.', kind: 'text', width: 100 },
    { key: 'clinician', header: 'Clinician', note: 'The clinician responsible for this client.', kind: 'text', width: 140 },
    { key: 'startDate', header: 'Start date', note: 'Date therapy started (yyyy-mm-dd).', kind: 'date', validation: { kind: 'date' }, width: 100 },
    { key: 'status', header: 'Status', note: `One of: ${CLIENT_STATUSES.join(', ')}.`, kind: 'text', validation: { kind: 'list', values: CLIENT_STATUSES }, width: 100 },
    { key: 'modality', header: 'Modality', note: 'Main therapy modality, e.g. CBT, DBT, ACT.', kind: 'text', width: 100 },
    // Optional: a workbook set up before it has no such column; setup adds it, and until then no name-like code is exported.
    { key: 'notAName', header: 'Code is not a name', note: 'Ticked when the clinician confirmed that this code, which looks like a name, e-mail or phone number, is not one. The export leaves out name-like codes not ticked.', kind: 'bool', validation: { kind: 'checkbox' }, width: 110, optional: true },
  ],
};

const anchor = (level: string, label: string): ColumnSpec => ({ key: `gas${level}`, header: `GAS ${level}`, note: `GAS anchor for level ${level} (${label}): what this outcome looks like.`, kind: 'text', width: 180 });

export const GOALS: TabLayout = {
  key: 'goals',
  name: 'Goals',
  columns: [
    { key: 'id', header: 'Goal ID', note: 'Unique id of the goal or objective (set by Attain; do not change it).', kind: 'text', width: 150 },
    { key: 'parentId', header: 'Parent ID', note: "Blank for a long-term goal; for a short-term objective, its goal's ID.", kind: 'text', width: 150 },
    clientCol(),
    { key: 'template', header: 'Template', note: 'The plan template this goal came from, if any.', kind: 'text', width: 120 },
    { key: 'horizon', header: 'Horizon', note: 'long = long-term goal; short = short-term objective.', kind: 'text', validation: { kind: 'list', values: HORIZONS }, width: 70 },
    { key: 'title', header: 'Goal', note: 'The goal or objective in the client\u2019s words.', kind: 'text', width: 260 },
    { key: 'type', header: 'Type', note: 'process (an action under the client\u2019s control) or outcome (an end result).', kind: 'text', validation: { kind: 'list', values: GOAL_TYPES }, width: 80 },
    { key: 'domain', header: 'Domain', note: `One of: ${DOMAINS.join(', ')}.`, kind: 'text', validation: { kind: 'list', values: DOMAINS }, width: 90 },
    { key: 'category', header: 'Category', note: 'Short free text such as mood, sleep, relationships.', kind: 'text', width: 100 },
    { key: 'modality', header: 'Modality', note: `One of: ${MODALITIES.join(', ')}.`, kind: 'text', validation: { kind: 'list', values: MODALITIES }, width: 80 },
    { key: 'values', header: 'Why it matters', note: 'The value this goal serves, in the client\u2019s words.', kind: 'text', width: 200 },
    { key: 'behaviour', header: 'Behaviour', note: 'SMART: what someone would see the client doing.', kind: 'text', width: 200 },
    { key: 'measure', header: 'Measure', note: 'SMART: how the behaviour is counted or rated.', kind: 'text', width: 160 },
    { key: 'target', header: 'Target', note: 'SMART: the level to reach, e.g. "20 minutes".', kind: 'text', width: 110 },
    { key: 'frequency', header: 'Frequency', note: 'SMART: how often, e.g. "3 times a week".', kind: 'text', width: 120 },
    { key: 'deadline', header: 'Deadline', note: 'SMART: the date to reach it by (yyyy-mm-dd).', kind: 'date', validation: { kind: 'date' }, width: 100 },
    anchor('-2', 'much less than expected'),
    anchor('-1', 'less than expected'),
    anchor('0', 'expected outcome'),
    anchor('+1', 'more than expected'),
    anchor('+2', 'much more than expected'),
    { key: 'baseline', header: 'Baseline', note: 'GAS level at the start: -1 = some ability, -2 = none at all.', kind: 'number', validation: { kind: 'list', values: ['-1', '-2'] }, width: 80 },
    { key: 'importance', header: 'Importance', note: 'How important to the client, 0–3 (0 not, 1 important, 2 very, 3 extremely).', kind: 'number', validation: { kind: 'list', values: ['0', '1', '2', '3'] }, width: 90 },
    { key: 'difficulty', header: 'Difficulty', note: 'How difficult to achieve, 0–3 (0 not, 1 minor, 2 moderate, 3 extreme).', kind: 'number', validation: { kind: 'list', values: ['0', '1', '2', '3'] }, width: 90 },
    { key: 'weight', header: 'Weight', note: 'Computed: importance × difficulty (0–9), the GAS weight.', kind: 'formula', width: 70, formula: weightFormula },
    { key: 'status', header: 'Status', note: `One of: ${STATUSES.join(', ')}.`, kind: 'text', validation: { kind: 'list', values: STATUSES }, width: 90 },
    { key: 'statusDate', header: 'Status date', note: 'Date the status was last set (yyyy-mm-dd).', kind: 'date', validation: { kind: 'date' }, width: 100 },
    { key: 'statusReason', header: 'Status reason', note: 'Why the goal was achieved, modified or retired.', kind: 'text', width: 200 },
  ],
};

export const SESSIONS: TabLayout = {
  key: 'sessions',
  name: 'Sessions',
  columns: [
    clientCol(),
    { key: 'date', header: 'Date', note: 'Session date (yyyy-mm-dd).', kind: 'date', validation: { kind: 'date' }, width: 100 },
    { key: 'session', header: 'Session', note: "The session's number for this client: 1, 2, 3 …", kind: 'number', validation: { kind: 'number', min: 1, max: 10000 }, width: 70 },
    { key: 'clinician', header: 'Clinician', note: 'Who ran the session.', kind: 'text', width: 140 },
    { key: 'attended', header: 'Attended', note: 'Ticked when the client attended.', kind: 'bool', validation: { kind: 'checkbox' }, width: 80 },
    { key: 'note', header: 'Event note', note: 'A short note on anything notable (no identifying details).', kind: 'text', width: 300 },
    voidedCol(),
    liveKeyColumn(),
    attendedKeyColumn(),
  ],
};

export const RATINGS: TabLayout = {
  key: 'ratings',
  name: 'Ratings',
  columns: [
    clientCol(),
    { key: 'session', header: 'Session', note: 'Session number (see the Sessions tab).', kind: 'number', validation: { kind: 'number', min: 1, max: 10000 }, width: 70 },
    { key: 'date', header: 'Date', note: 'Session date (yyyy-mm-dd).', kind: 'date', validation: { kind: 'date' }, width: 100 },
    { key: 'goalId', header: 'Goal ID', note: 'The goal or objective rated (Goals tab).', kind: 'text', width: 150 },
    { key: 'rating', header: 'Rating (0–10)', note: 'The client\u2019s 0–10 rating of progress on this goal.', kind: 'number', validation: { kind: 'number', min: 0, max: 10 }, width: 90 },
    { key: 'gasLevel', header: 'GAS level', note: 'GAS level reached at this session: -2, -1, 0, +1 or +2.', kind: 'number', validation: { kind: 'list', values: ['-2', '-1', '0', '1', '2'] }, width: 80 },
    voidedCol(),
  ],
};

export const PRIORITIES: TabLayout = {
  key: 'priorities',
  name: 'Priorities',
  columns: [
    clientCol(),
    { key: 'goalId', header: 'Goal ID', note: 'The goal being prioritised (Goals tab).', kind: 'text', width: 150 },
    { key: 'urgency', header: 'Urgency', note: 'How urgent, 1 (can wait) to 5 (now).', kind: 'number', validation: { kind: 'list', values: ['1', '2', '3', '4', '5'] }, width: 80 },
    { key: 'importance', header: 'Importance', note: 'How important to the client, 1–5.', kind: 'number', validation: { kind: 'list', values: ['1', '2', '3', '4', '5'] }, width: 90 },
    { key: 'readiness', header: 'Readiness', note: 'How ready the client is to work on it, 1–5.', kind: 'number', validation: { kind: 'list', values: ['1', '2', '3', '4', '5'] }, width: 90 },
    { key: 'tier', header: 'DBT tier', note: `Blank, or a DBT target tier: ${DBT_TIERS.join(', ')}. A tier always outranks the score.`, kind: 'text', validation: { kind: 'list', values: TIERS_OR_NONE }, width: 140 },
    { key: 'tierOrder', header: 'Tier order', note: 'Computed: 0 life-threatening … 3 skills, 4 no tier.', kind: 'formula', width: 80, formula: tierOrderFormula },
    { key: 'score', header: 'Score', note: 'Computed: urgency × importance × readiness (1–125). A convention, not a clinical scale.', kind: 'formula', width: 70, formula: priorityScoreFormula },
    { key: 'rank', header: 'Rank', note: "Computed: rank within the client's goals, DBT tier first, then score; ties keep row order.", kind: 'formula', width: 60, formula: priorityRankFormula },
  ],
};

export const AUDIT: TabLayout = {
  key: 'audit',
  name: 'Audit',
  columns: [
    { key: 'time', header: 'Time', note: "When Attain made the change (spreadsheet's time zone).", kind: 'datetime', width: 150 },
    { key: 'user', header: 'User', note: 'Who made it, when Google shares the address (blank otherwise).', kind: 'text', width: 180 },
    { key: 'action', header: 'Action', note: 'What was done, e.g. addClient, savePlan, recordSession.', kind: 'text', width: 120 },
    { key: 'client', header: 'Client', note: 'The client code affected.', kind: 'text', width: 90 },
    { key: 'entity', header: 'Entity', note: 'What changed: a tab and row, a goal id …', kind: 'text', width: 160 },
    { key: 'summary', header: 'Summary', note: 'What changed; status changes read before → after.', kind: 'text', width: 400 },
    { key: 'request', header: 'Request', note: 'The sidebar save this row belongs to: a retry of a save that already landed finds it here and writes nothing twice.', kind: 'text', width: 120, optional: true },
  ],
};

export const SETTINGS: TabLayout = {
  key: 'settings',
  name: 'Settings',
  columns: [
    { key: 'setting', header: 'Setting', note: 'What the value controls.', kind: 'text', width: 260 },
    { key: 'value', header: 'Value', note: 'Change values here; each cell only accepts what its setting allows.', kind: 'any', width: 180 },
    { key: 'about', header: 'About', note: 'Where the default comes from and what the choices mean.', kind: 'text', width: 420 },
    { key: 'key', header: 'Key', note: 'The name Attain reads the setting by; do not change it.', kind: 'text', width: 200 },
  ],
};


// Goal reviews, one row per goal per review (saveReview). Supervision formulas read these header names: keep them.
export const REVIEWS: TabLayout = {
  key: 'reviews',
  name: 'Reviews',
  columns: [
    clientCol(),
    { key: 'date', header: 'Date', note: 'Date of the review (yyyy-mm-dd).', kind: 'date', validation: { kind: 'date' }, width: 100 },
    { key: 'session', header: 'Session', note: 'Session number at which the review was held (see the Sessions tab).', kind: 'number', validation: { kind: 'number', min: 1, max: 10000 }, width: 70 },
    { key: 'goalId', header: 'Goal ID', note: 'The goal or objective reviewed (Goals tab).', kind: 'text', width: 150 },
    { key: 'decision', header: 'Decision', note: `One of: ${REVIEW_DECISIONS.join(', ')}.`, kind: 'text', validation: { kind: 'list', values: REVIEW_DECISIONS }, width: 90 },
    { key: 'reason', header: 'Reason', note: 'Why the goal was modified, retired or achieved (optional for continue).', kind: 'text', width: 220 },
    { key: 'gasLevel', header: 'GAS level', note: 'GAS level at the review: -2, -1, 0, +1 or +2; blank if not scored.', kind: 'number', validation: { kind: 'list', values: ['-2', '-1', '0', '1', '2'] }, width: 80 },
    { key: 'rating', header: 'Rating', note: 'The client\u2019s 0–10 rating of how close they feel to the goal; blank if not rated.', kind: 'number', validation: { kind: 'number', min: 0, max: 10 }, width: 70 },
    { key: 'revisedObjective', header: 'Revised objective', note: 'The new wording when the decision is modify (also written to the Goals tab).', kind: 'text', width: 220 },
    { key: 'tScore', header: 'T-score', note: 'Kiresuk–Sherman GAS T-score of this review over every goal scored at it (the same on each row of one review).', kind: 'number', format: '0.0', width: 70 },
    { key: 'gasChange', header: 'Change from baseline', note: 'GAS T-score now minus at baseline, over the scored goals that have a baseline (same on each row of one review).', kind: 'number', format: '0.0', width: 90 },
    liveKeyColumn(false),
  ],
};

// Tasks between sessions (homework), one row per task (recordSession): set at one session, its outcome marked at a later one.
export const TASKS: TabLayout = {
  key: 'tasks',
  name: 'Tasks',
  columns: [
    clientCol(),
    { key: 'taskId', header: 'Task ID', note: 'Set by Attain: S<session it was set>-T<n>, unique per client; do not change it (the sidebar marks the outcome by it).', kind: 'text', width: 80 },
    { key: 'goalId', header: 'Goal ID', note: 'The goal or objective the task serves (Goals tab).', kind: 'text', width: 150 },
    { key: 'task', header: 'Task', note: 'What the client agreed to do before the next session, in the client\u2019s words: what, when, how often.', kind: 'text', width: 280 },
    { key: 'setSession', header: 'Set at session', note: 'Session number at which the task was agreed (see the Sessions tab).', kind: 'number', validation: { kind: 'number', min: 1, max: 10000 }, width: 80 },
    { key: 'setDate', header: 'Set on', note: 'Date of that session (yyyy-mm-dd).', kind: 'date', validation: { kind: 'date' }, width: 100 },
    { key: 'due', header: 'Due', note: 'Blank = by the next session (the default); a date (yyyy-mm-dd) when the client chose one.', kind: 'date', validation: { kind: 'date' }, width: 100 },
    { key: 'outcome', header: 'Outcome', note: `Blank while open; then one of: ${TASK_OUTCOMES.join(', ')} ("not reviewed" closes the task without counting it).`, kind: 'text', validation: { kind: 'list', values: TASK_OUTCOMES }, width: 100 },
    { key: 'reviewedSession', header: 'Reviewed at session', note: 'Session number at which the outcome was marked.', kind: 'number', validation: { kind: 'number', min: 1, max: 10000 }, width: 90 },
    { key: 'note', header: 'Note', note: 'A short note on how it went (no identifying details).', kind: 'text', width: 220 },
    voidedCol(),
  ],
};

/** The instrument tab for one definition: client, date, session, items, then computed total, band, flag, change and reliable change. */
export function instrumentTab(def: InstrumentDefinition, options: InstrumentOptions = {}): TabLayout {
  return { key: `instrument:${def.id}`, name: def.name, columns: instrumentColumns(def, options), instrument: def };
}

/** The fixed tabs in the order setup creates them (instrument tabs go after Ratings); Instruments holds the clinic's own measures. */
export const FIXED_TABS: readonly TabLayout[] = [SETTINGS, CLIENTS, GOALS, SESSIONS, RATINGS, PRIORITIES, REVIEWS, TASKS, AUDIT, INSTRUMENTS];
export { INSTRUMENTS };
