// The sidebar ↔ server contract, neutral ground both import: every sidebar action's name, input and reply (plain JSON; dates are YYYY-MM-DD strings, never Date). Inputs are the zod schemas' types from core.
import type { AddClientInput, SavePrioritiesInput } from './core/caseload-inputs';
import type { AlertKind } from './core/alerts';
import type { ScoreOptions } from './core/instruments/score';
import type { InstrumentDefinition } from './core/instruments/schema';
import type { RelapsePreventionPlan } from './core/relapse-prevention';
import type { ProgressReportInput as CoreProgressReportInput } from './core/progress-report';
import type { GoalRow, SavePlanInput } from './core/plan-rows';
import type { Review } from './core/review';
import type { ReviewStanding } from './core/review-cadence';
import type { RecordSessionInput } from './core/session-input';
import type { TaskCompletion } from './core/tasks';
import type { PlanTemplate } from './core/templates';
import type { CorrectRecordInput, RecordKind, SetClientStatusInput, VoidRecordInput } from './core/corrections';
import type { ClientStatus, DbtTier as Tier, GoalStatus, Horizon, ReviewDecision } from './core/vocabularies';

export type { AddClientInput, SavePlanInput, SavePrioritiesInput, RecordSessionInput, ClientStatus, ReviewDecision, PlanTemplate };
export type { AlertKind };
export type { CorrectRecordInput, RecordKind, SetClientStatusInput, VoidRecordInput };

/** A goal's DBT target tier (core's DBT_TIERS), or '' for none. */
export type DbtTier = Tier | '';

/**
 * Every action answers with data, or with field-level errors and nothing written. `notice` tells the user something about a
 * success worth reading (a retry of a save that had already landed: nothing was written twice).
 */
export type Result<T> = { ok: true; data: T; notice?: string } | { ok: false; message: string; errors: Record<string, string> };

export interface AppInfo {
  name: string;
  version: string;
}

export interface ClientSummary {
  code: string;
  clinician: string;
  startDate: string; // YYYY-MM-DD
  status: ClientStatus;
  modality: string;
  sessions: number;
  lastSession: string; // YYYY-MM-DD or ''
  /** addClient only: warnings about other rows of the Clients tab (codes typed twice, codes Sheets misreads). */
  warnings?: string[];
  /** getBootstrap only: the client's row of the hidden alerts tab (Supervision's rules); absent when that tab is missing or stale. */
  alerts?: ClientAlertsView;
}

/** A client's alerts as the hidden alerts tab computes them (core alerts.ts rules in native formulas), for the Clients list's badges. */
export interface ClientAlertsView {
  /** Alert kinds present, safety first (core ALERT_ORDER). */
  kinds: AlertKind[];
  /** Each alert as the Alerts cell words it ("Safety: PHQ-9 item 9 (self-harm thoughts) endorsed: review risk now"). */
  alerts: string[];
  /** The Review cell, as Supervision shows it: "Overdue", "Due" or "At session N". */
  review: string;
}

/** One measure's latest administration as "Last time" shows it: core's band and reliable-change words (as the measure's tab writes them). */
export interface LastMeasureView {
  instrument: string; // display name, e.g. "PHQ-9"
  session: number;
  date: string; // YYYY-MM-DD or '' when the session is not on the Sessions tab
  total: number | null;
  band: string;
  /** Latest − first total; null on a first administration. */
  change: number | null;
  /** "Reliable improvement", "No reliable change" or "Reliable deterioration"; '' on a first administration or without a threshold. */
  reliableChange: string;
}

/** A safety flag on a measure's latest administration: shown until the clinician acknowledges it in a session. */
export interface SafetyFlagView {
  instrument: string;
  session: number;
  date: string;
  /** The Safety flag cell's words ("PHQ-9 item 9 (self-harm thoughts) endorsed: review risk now"). */
  text: string;
}

/** getClient only: what the Session screen opens with (the client's alerts-tab row, one read). */
export interface LastTimeView {
  /** The latest session's number and date (0 and '' before the first). */
  session: number;
  date: string;
  measures: LastMeasureView[];
  flags: SafetyFlagView[];
  /** The alerts-tab row's alerts (Supervision's words). */
  alerts: string[];
}

export interface InstrumentSummary {
  id: string; // registry id, e.g. "phq9"
  name: string; // display name, e.g. "PHQ-9"
  items: number;
  min: number;
  max: number;
  itemLabels: string[]; // wording where the licence allows, else "Item 1" …
  /** The clinic's band choices from Settings (scheme, cut-off, boundary); the sidebar's live band uses them, as the saved band does. */
  bandOptions: ScoreOptions;
  /** A clinic-defined instrument's whole definition (Instruments tab), so the sidebar scores it live with the same core scorer; absent for a built-in. */
  definition?: InstrumentDefinition;
}

export interface Bootstrap {
  clinic: string;
  isSetUp: boolean; // false until "Set up this spreadsheet" has run
  reviewEvery: number;
  rho: number;
  clinicians: string[];
  clients: ClientSummary[];
  instruments: InstrumentSummary[]; // enabled instruments, in Settings order
  today: string; // YYYY-MM-DD in the spreadsheet's time zone
  /** Labels of Settings that only take effect at setup (protection mode, supervisors, measures) changed since the last setup. */
  pendingSetup?: string[];
  /** The client this user last chose in this spreadsheet (rememberClient), when still on the Clients tab. */
  lastClient?: string;
  /** The goal-plan templates offered (getTemplate hands one over: the library is not inlined in the sidebar). */
  templates?: TemplateSummary[];
}

/** A goal-plan template as the picker lists it. */
export interface TemplateSummary {
  id: string;
  title: string;
  description: string;
}

/** One row of the Goals tab as the sidebar sees it: a long-term goal (parentId '') or an objective. */
export type GoalView = GoalRow;

/** Where a client stands on the review cadence (core review-cadence.ts reviewStanding over attended sessions). */
export type ReviewCadenceView = ReviewStanding;

export interface ClientDetail {
  client: ClientSummary;
  goals: GoalView[];
  sessions: { number: number; date: string; attended: boolean; note: string }[];
  priorities: { goalId: string; urgency: number; importance: number; readiness: number; tier: DbtTier; score: number; rank: number }[];
  latestGas: { level: number | null; rating: number | null; goalId: string }[];
  /** A goal review is due: at least N attended sessions (Settings "Review goals every N sessions") since the last one. */
  reviewDue: boolean;
  /** At least N + 2 attended sessions since the last review. */
  reviewOverdue: boolean;
  review: ReviewCadenceView;
  /** getClient only (saves answer without it): the last session's scores, safety flags and alerts; absent when the alerts tab is missing. */
  lastTime?: LastTimeView;
  /** The client's open tasks (Tasks tab: live, no outcome yet), oldest first: the Session screen's "From last time". */
  openTasks?: TaskView[];
}

/** One task between sessions as the sidebar shows it; due '' = by the next session. */
export interface TaskView {
  taskId: string;
  goalId: string;
  task: string;
  setSession: number | null;
  setDate: string;
  due: string;
}

/** One goal as startReview offers it: its wording and GAS scale, prefilled with the latest Ratings row's level and rating. */
export interface ReviewGoalView {
  goalId: string;
  parentId: string;
  title: string;
  horizon: Horizon;
  status: Extract<GoalStatus, 'active' | 'modified'>;
  anchors: [string, string, string, string, string];
  baseline: -1 | -2 | null;
  weight: number | null;
  gasLevel: -2 | -1 | 0 | 1 | 2 | null;
  rating: number | null;
  /** Session of the Ratings row the prefill came from; null when never rated. */
  ratedAt: number | null;
  /** Its live tasks set since the client's last review, by outcome (core taskCompletion); absent when it has none. */
  tasks?: TaskCompletion;
}

export interface StartReviewData {
  clientCode: string;
  /** Today, in the spreadsheet's time zone. */
  date: string;
  /** The session the review belongs to: the client's latest session (1 when none yet). */
  sessionNumber: number;
  rho: number;
  cadence: ReviewCadenceView;
  goals: ReviewGoalView[];
}

/** saveReview's input: core review.ts reviewSchema (a decision for every active or modified goal). */
export type SaveReviewInput = Review;

export interface SaveReviewData {
  date: string;
  sessionNumber: number;
  /** Reviews rows written (one per goal). */
  rows: number;
  /** The review's GAS T-score and change from baseline (core applyReview); null when no goal was scored (or none had a baseline). */
  tScore: number | null;
  change: number | null;
  changes: { goalId: string; decision: ReviewDecision; before: string; after: string }[];
  /** Goals achieved at this review. */
  milestones: { goalId: string; statement: string; date: string; sessionNumber: number }[];
  detail: ClientDetail;
}

/** buildRelapsePreventionPlan's input: core relapsePrevention.ts relapsePreventionPlanSchema. */
export type RelapsePreventionPlanInput = RelapsePreventionPlan;

export interface RelapsePreventionPlanData {
  sheetName: string;
  /** false when the sheet was made now, true when an earlier generated plan was overwritten. */
  rebuilt: boolean;
  sections: { heading: string; lines: string[] }[];
}

/** buildProgressReport's input: core progress-report.ts progressReportInputSchema (the client, optional next steps one per line). */
export type ProgressReportInput = CoreProgressReportInput;

export interface ProgressReportData {
  sheetName: string;
  /** false when the tab was made now, true when an earlier report Attain made was replaced. */
  rebuilt: boolean;
  /** The report's lines as written in column A (plain text). */
  lines: string[];
  charts: number;
}

/** One de-identified export row (core csv.ts CsvRow): a measure administration or a review's GAS result. */
export interface OutcomeRow {
  clientCode: string;
  date: string;
  session: number;
  instrument: string;
  total?: number | null;
  band?: string;
  gasTScore?: number | null;
  gasChange?: number | null;
}

export interface OutcomesData {
  rows: OutcomeRow[];
  /** Clients with at least one row in `rows`. */
  clients: number;
  /** Clients left out because their code looks like a name (core codeExportable: not a code's shape, or name-like and not confirmed). */
  skipped: number;
  today: string;
}

/** One questionnaire as saved: core's total (null when the missing-item rule gives none), the band under the clinic's settings, and safety flags. */
export interface SavedMeasure {
  instrument: string;
  total: number | null;
  band: string;
  flag: string;
}

export interface RecordSessionData {
  sessionNumber: number;
  saved: { ratings: number; measures: SavedMeasure[]; /** Tasks set and outcomes marked at this session. */ tasks?: { added: number; marked: number } };
  /** The client as the session leaves them (sessions, latest ratings, review due): no second call needed. */
  detail: ClientDetail;
}

/** One live record of a session as the "Correct or void" list shows it: where it is now and what it holds (the request sends its identity back). */
export interface RecordView {
  kind: RecordKind;
  /** Instrument id and name for a measure ("phq9", "PHQ-9"); '' otherwise. */
  instrument: string;
  instrumentName: string;
  row: number;
  date: string; // YYYY-MM-DD
  /** null: a measure not from a session (a questionnaire imported from a form). */
  session: number | null;
  /** The row's Source cell: the form response an imported measure came from ('' otherwise). */
  source?: string;
  /** The goal a rating is of ('' otherwise), with its title for the list. */
  goalId: string;
  goalTitle: string;
  /** A session's attendance and note. */
  attended?: boolean;
  note?: string;
  /** A rating's 0–10 rating and GAS level. */
  rating?: number | null;
  gasLevel?: number | null;
  /** A measure's answers (items then extras, null when unanswered) and its total as the tab shows it. */
  items?: (number | null)[];
  total?: number | null;
  /** One line in plain words: "Session 3, 2026-11-20, attended", "PHQ-9 total 14", "Goal G1: rating 6, GAS 0". */
  summary: string;
}

export interface SessionRecordsData {
  clientCode: string;
  /** null: the measures completed on a form (no session). */
  session: number | null;
  records: RecordView[];
}

/** What voidRecord or correctRecord did: the row marked, the corrected row appended (correctRecord), and the client as they stand. */
export interface AmendRecordData {
  voidedRow: number;
  correctedRow?: number;
  /** The Voided cell's words. */
  voided: string;
  detail: ClientDetail;
}

/** One problem "Check this spreadsheet" found: where (tab, column, rows), what is wrong, and the fix. */
export interface CheckProblem {
  /** layout: tabs, headers, formulas, index, validations, protections; values: a computed cell differs from core; platform: a probe failed. */
  area: 'layout' | 'values' | 'platform';
  tab: string;
  /** Column and rows, e.g. "column Total (M), rows 4–6"; '' for the whole tab. */
  where: string;
  problem: string;
  fix: string;
  /** What Repair does about it (re-run setup, rewrite Attain's formulas, re-apply validations); absent when only a person can fix it. */
  repair?: 'setup' | 'formulas' | 'validation' | 'trim';
}

/** What Repair would do about a report's problems: the problems it fixes, the formula cells it rewrites and their columns ("Goals Weight"), the validations it re-applies, the typed cells it clears from working columns, whether it re-runs setup. */
export interface CheckRepairPlan {
  problems: number;
  formulaCells: number;
  formulaColumns: string[];
  validationCells: number;
  /** Typed cells cleared from hidden working (spill) columns, whose values the Audit row keeps. */
  clearedCells: number;
  /** Grid cells freed by deleting empty columns at the right of Attain's tabs (only once the spreadsheet nears Sheets' cell limit). */
  trimmedCells: number;
  setup: boolean;
}

/** repairSpreadsheet's input: only the request id (a retry of a repair that landed repeats nothing). */
export interface RepairSpreadsheetInput {
  requestId?: string;
}

/** repairSpreadsheet's reply: what it repaired (counts by kind), one summary line (as on its Audit row) and the check run after it. */
export interface RepairReport {
  repaired: {
    formulaCells: number;
    validationCells: number;
    clearedCells: number;
    trimmedCells: number;
    createdTabs: string[];
    addedColumns: number;
    addedSettings: number;
    protections: number;
  };
  summary: string;
  check: CheckReport;
}

/** One platform probe as run in this spreadsheet: what it tests, the emulator assumption it checks, what came and what was expected. */
export interface ProbeOutcome {
  id: string;
  tests: string;
  assumption: string;
  /** must-hold: Attain relies on it (a failure is a problem); observe: either answer is fine, the report says which this spreadsheet has. */
  kind: 'must-hold' | 'observe';
  expected: string;
  observed: string;
  passed: boolean;
}

/** checkSpreadsheet's reply: counts, every problem found, and the probes' outcomes. */
export interface CheckReport {
  /** When the check ran, YYYY-MM-DD HH:mm:ss in the spreadsheet's time zone. */
  checkedAt: string;
  tabs: number;
  rows: number;
  /** Computed cells recomputed with core and compared. */
  cellsCompared: number;
  counts: { layout: number; values: number; platform: number };
  problems: CheckProblem[];
  /** Problems left out of `problems` beyond the reply's limit (the counts include them). */
  moreProblems: number;
  probes: ProbeOutcome[];
  /** One line, as written on the Audit row. */
  summary: string;
  /** What Repair would do (absent from a server that has no Repair). */
  repair?: CheckRepairPlan;
}

/** One Settings ▸ Form links link as the import read it: what it understood of the responses tab, and each response it would not import. */
export interface FormLinkReport {
  /** The responses tab's name. */
  tab: string;
  /** The measure it feeds (its name, once found). */
  instrument: string;
  /** Lines saying which column is the timestamp, the client code and each item, and how each was found. */
  understood: string[];
  /** Why this link could not be read at all ('' when it could): no such tab, no code question, the measure not in use … */
  problem: string;
  /** Responses that pass every check (the preview's count). */
  importable: number;
  /** Responses imported by this call (0 in a preview). */
  imported: number;
  /** Safety messages endorsed by its responses (imported or not): shown before anything else. */
  safety: string[];
  /** Every response not imported, with the reason (it stays on the responses tab, untouched, for a later import). */
  rejected: { row: number; code: string; when: string; reason: string }[];
}

/** previewFormImport's and importFormResponses's reply. */
export interface FormImportData {
  /** False for a preview (nothing written). */
  done: boolean;
  /** Every link's safety messages, first in anything shown. */
  safety: string[];
  /** One line: how many were (or would be) imported and how many not. */
  summary: string;
  /** Problems in the Form links setting itself (a part that is not "<tab> = <measure>"). */
  problems: string[];
  links: FormLinkReport[];
}

export interface ImportFormResponsesInput {
  requestId?: string;
}

/** Every function the sidebar may call through google.script.run; src/server/api.ts is checked against it. */
export interface SidebarApi {
  getAppInfo(): AppInfo;
  getBootstrap(): Result<Bootstrap>;
  addClient(input: AddClientInput): Result<ClientSummary>;
  getClient(code: string): Result<ClientDetail>;
  /** Remembers the chosen client for this user in this spreadsheet, so a reopened sidebar starts there. */
  rememberClient(code: string): Result<{ code: string }>;
  /** One template of the library (core's PlanTemplate), by id. */
  getTemplate(id: string): Result<PlanTemplate>;
  /** The screens part (every screen but Clients) as script text, from dist/SidebarScreens.html: asked for once after the first render. */
  getSidebarScreens(): Result<string>;
  savePlan(input: SavePlanInput): Result<ClientDetail>;
  recordSession(input: RecordSessionInput): Result<RecordSessionData>;
  savePriorities(input: SavePrioritiesInput): Result<ClientDetail>;
  startReview(clientCode: string): Result<StartReviewData>;
  saveReview(input: SaveReviewInput): Result<SaveReviewData>;
  buildRelapsePreventionPlan(input: RelapsePreventionPlanInput): Result<RelapsePreventionPlanData>;
  buildProgressReport(input: ProgressReportInput): Result<ProgressReportData>;
  getOutcomes(): Result<OutcomesData>;
  checkSpreadsheet(): Result<CheckReport>;
  repairSpreadsheet(input: RepairSpreadsheetInput): Result<RepairReport>;
  getSessionRecords(clientCode: string, session: number | null): Result<SessionRecordsData>;
  voidRecord(input: VoidRecordInput): Result<AmendRecordData>;
  correctRecord(input: CorrectRecordInput): Result<AmendRecordData>;
  setClientStatus(input: SetClientStatusInput): Result<ClientSummary>;
  /** What Attain understood of each linked form responses tab and what an import would do; writes nothing. */
  previewFormImport(): Result<FormImportData>;
  /** Imports every valid form response not imported before (instrument rows and Audit, each appended once). */
  importFormResponses(input: ImportFormResponsesInput): Result<FormImportData>;
}
