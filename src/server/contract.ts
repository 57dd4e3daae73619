// The sidebar ↔ server contract: plain-JSON input and result shapes of every sidebar action (dates are ISO strings, never Date).

/** Every action answers with data, or with field-level errors and nothing written. */
export type Result<T> = { ok: true; data: T } | { ok: false; message: string; errors: Record<string, string> };

export type ClientStatus = 'active' | 'paused' | 'discharged';
export type DbtTier = 'life-threatening' | 'therapy-interfering' | 'quality-of-life' | 'skills' | '';

export interface ClientSummary {
  code: string;
  clinician: string;
  startDate: string; // YYYY-MM-DD
  status: ClientStatus;
  modality: string;
  sessions: number;
  lastSession: string; // YYYY-MM-DD or ''
  /** addClient only: core's warnings when the code looks like a name, email or phone number (saved anyway). */
  warnings?: string[];
}

export interface InstrumentSummary {
  id: string; // registry id, e.g. "phq9"
  name: string; // display name, e.g. "PHQ-9"
  items: number;
  min: number;
  max: number;
  itemLabels: string[]; // wording where the licence allows, else "Item 1" …
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
}

export interface AddClientInput {
  code: string;
  clinician: string;
  startDate: string; // YYYY-MM-DD
  modality: string;
}

/** One row of the Goals tab as the sidebar sees it: a long-term goal (parentId '') or an objective. */
export interface GoalView {
  id: string;
  parentId: string;
  clientCode: string;
  title: string;
  horizon: 'short' | 'long';
  type: 'process' | 'outcome';
  domain: 'behavioral' | 'cognitive' | 'emotional';
  category: string;
  modality: string;
  values: string;
  behaviour: string;
  measure: string;
  target: string;
  frequency: string;
  deadline: string; // YYYY-MM-DD or ''
  anchors: [string, string, string, string, string]; // GAS levels −2, −1, 0, +1, +2
  baseline: -1 | -2 | null;
  importance: number | null; // 0–3
  difficulty: number | null; // 0–3
  weight: number | null; // importance × difficulty
  status: 'active' | 'achieved' | 'modified' | 'retired';
  statusDate: string;
  statusReason: string;
}

export interface ClientDetail {
  client: ClientSummary;
  goals: GoalView[];
  sessions: { number: number; date: string; attended: boolean; note: string }[];
  priorities: { goalId: string; urgency: number; importance: number; readiness: number; tier: DbtTier; score: number; rank: number }[];
  latestGas: { level: number | null; rating: number | null; goalId: string }[];
  /** A goal review is due: at least N attended sessions (Settings "Review goals every N sessions") since the last one. getClient and saveReview fill it. */
  reviewDue?: boolean;
  /** At least N + 2 attended sessions since the last review. */
  reviewOverdue?: boolean;
  review?: ReviewCadenceView;
}

/** Where a client stands on the review cadence (core review.ts reviewCadence over attended sessions). */
export interface ReviewCadenceView {
  everySessions: number;
  due: boolean;
  overdue: boolean;
  /** Attended sessions since the last review (or since the start). */
  sessionsSince: number;
  /** Session number and date of the last review; 0 and '' when there has been none. */
  lastReviewSession: number;
  lastReviewDate: string;
}

export type ReviewDecision = 'continue' | 'modify' | 'retire' | 'achieved';

/** One goal as startReview offers it: its wording and GAS scale, prefilled with the latest Ratings row's level and rating. */
export interface ReviewGoalView {
  goalId: string;
  parentId: string;
  title: string;
  horizon: 'short' | 'long';
  status: 'active' | 'modified';
  anchors: [string, string, string, string, string];
  baseline: -1 | -2 | null;
  weight: number | null;
  gasLevel: -2 | -1 | 0 | 1 | 2 | null;
  rating: number | null;
  /** Session of the Ratings row the prefill came from; null when never rated. */
  ratedAt: number | null;
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
export interface SaveReviewInput {
  clientCode: string;
  date: string; // YYYY-MM-DD
  sessionNumber: number;
  goals: { goalId: string; decision: ReviewDecision; reason?: string; gasLevel: -2 | -1 | 0 | 1 | 2 | null; rating: number | null; revisedObjective?: string }[];
}

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

/** buildMaintenancePlan's input: core maintenance.ts maintenancePlanSchema. */
export interface MaintenancePlanInput {
  clientCode: string;
  date: string; // YYYY-MM-DD
  whatHelped: string[];
  warningSigns: string[];
  highRiskSituations?: string[];
  copingStrategies: string[];
  ifTheyReturn: string[];
  contacts: { who: string; how: string; when?: string }[];
}

export interface MaintenancePlanData {
  sheetName: string;
  /** false when the sheet was made now, true when an earlier generated plan was overwritten. */
  rebuilt: boolean;
  sections: { heading: string; lines: string[] }[];
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
  clients: number;
  /** Clients left out because their code is not a valid code (a code that may be a name never leaves the workbook). */
  skipped: number;
  today: string;
}

/** Saves a whole plan for one client: goals without an id are added, goals with an id are updated in place. */
export interface SavePlanInput {
  clientCode: string;
  templateId?: string;
  goals: Omit<GoalView, 'clientCode' | 'weight' | 'statusDate'>[];
}

export interface RecordSessionInput {
  clientCode: string;
  date: string; // YYYY-MM-DD
  clinician: string;
  attended: boolean;
  note: string;
  ratings: { goalId: string; rating: number | null; gasLevel: number | null }[];
  measures: { instrument: string; items: (number | null)[] }[];
}

export interface RecordSessionResult {
  sessionNumber: number;
  saved: { ratings: number; measures: { instrument: string; total: number | '' ; band: string; flag: string }[] };
}

export interface SavePrioritiesInput {
  clientCode: string;
  items: { goalId: string; urgency: number; importance: number; readiness: number; tier: DbtTier }[];
}
