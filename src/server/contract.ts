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

export interface TemplateSummary {
  id: string;
  title: string;
  description: string;
}

export interface Bootstrap {
  clinic: string;
  isSetUp: boolean; // false until "Set up this spreadsheet" has run
  reviewEvery: number;
  rho: number;
  clinicians: string[];
  clients: ClientSummary[];
  instruments: InstrumentSummary[]; // enabled instruments, in Settings order
  templates: TemplateSummary[];
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
