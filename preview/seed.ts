// Seeds the preview's demo clinic through the add-on's own server functions (emulator.run, as google.script.run would
// call them), so every seeded row is exactly what the product writes. The data itself comes from seed-data.ts.
import { bundledTemplates } from '../src/core/template-library';
import type { Emulator } from '../emulator';
import type { Bootstrap, ClientDetail, GoalView, RecordSessionInput, Result, SavePlanInput, SavePrioritiesInput, SaveReviewInput, StartReviewData } from '../src/contract';
import { addDays, buildSeed, CLINICIANS, seedTaskInput, type SeedClient } from './seed-data';

export const SEED_USER = CLINICIANS[0];
export const SEED_TIME_ZONE = 'Europe/London';
export const SEED_SPREADSHEET_NAME = 'Demo clinic (fictional data)';

export interface SeedSummary {
  clients: string[];
  sessions: number;
}

/** Calls a server function; a `{ok:false}` answer or a throw stops the seeding with the server's own words. */
function call<T>(em: Emulator, name: string, ...args: unknown[]): T {
  let r: unknown;
  try {
    r = em.run(name, ...args);
  } catch (e) {
    throw new Error(`Seeding: ${name} failed: ${(e as Error).message}`);
  }
  if (r && typeof r === 'object' && 'ok' in r) {
    const res = r as Result<T>;
    if (!res.ok) throw new Error(`Seeding: ${name} answered: ${res.message} ${JSON.stringify(res.errors)}`);
    return res.data;
  }
  return r as T;
}

type Loose = Record<string, unknown>;
type GoalInput = SavePlanInput['goals'][number];

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const obj = (v: unknown): Loose => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Loose) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const int = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) ? v : null);

function targetText(t: unknown): string {
  if (typeof t === 'string' || typeof t === 'number') return String(t);
  const o = obj(t);
  if (o.value === undefined) return '';
  return `${o.direction === 'at-most' ? 'at most ' : ''}${str(o.value)} ${str(o.unit)}`.trim();
}

/**
 * A bundled template as the rows savePlan takes, as a clinician would save it unchanged: long-term goals
 * with temporary ids "new-G1" …, each objective pointing at its goal's temporary id; deadlines counted from `start`.
 */
export function planFromTemplate(template: unknown, start: string): GoalInput[] {
  const t = obj(template);
  const modality = str(t.modality);
  const out: GoalInput[] = [];
  arr(t.goals).forEach((raw, gi) => {
    const g = obj(raw);
    const weeks = (x: Loose): string => (typeof x.deadlineWeeks === 'number' ? addDays(start, x.deadlineWeeks * 7) : str(x.deadline));
    const base = (x: Loose): Omit<GoalInput, 'id' | 'parentId' | 'horizon'> => {
      const gas = obj(x.gas);
      const anchors = obj(gas.anchors);
      const baseline = int(gas.baseline);
      return {
        title: str(x.statement ?? x.title),
        type: x.type === 'process' ? 'process' : 'outcome',
        domain: x.domain === 'cognitive' || x.domain === 'emotional' ? x.domain : 'behavioral',
        category: str(x.category) || str(g.category),
        modality: (str(x.modality) || modality) as GoalInput['modality'], // templates use the core's modality names
        values: str(x.values),
        behaviour: str(x.behaviour),
        measure: str(x.measure),
        target: targetText(x.target),
        frequency: str(x.frequency),
        deadline: weeks(x),
        anchors: [str(anchors['-2']), str(anchors['-1']), str(anchors['0']), str(anchors['1'] ?? anchors['+1']), str(anchors['2'] ?? anchors['+2'])],
        baseline: baseline === -1 || baseline === -2 ? baseline : null,
        importance: int(gas.importance),
        difficulty: int(gas.difficulty),
        status: 'active',
        statusReason: '',
      };
    };
    const id = `new-G${gi + 1}`;
    out.push({ id, parentId: '', horizon: 'long', ...base(g) });
    arr(g.objectives).forEach((o, oi) => out.push({ id: `${id}-O${oi + 1}`, parentId: id, horizon: 'short', ...base(obj(o)) }));
  });
  return out;
}

/** The objectives (short-term goals) of a plan, in the order the plan lists them: those are what sessions rate. */
function objectivesOf(detail: ClientDetail): GoalView[] {
  return detail.goals.filter((g) => g.horizon === 'short' && g.status === 'active');
}

/** How far a seeding has got: steps done (a client with its plan, a session, the rest at the end) of all its steps. */
export interface SeedProgress {
  done: number;
  of: number;
}

/** Writes the demo clinic into a freshly created emulator. Deterministic: the same rows every time. */
export function seedEmulator(em: Emulator): SeedSummary {
  const steps = seedSteps(em);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The seeding one step at a time (seedEmulator runs them all): a caller that waits between steps can answer requests meanwhile. */
export function* seedSteps(em: Emulator): Generator<SeedProgress, SeedSummary> {
  em.spreadsheet.rename(SEED_SPREADSHEET_NAME);
  call(em, 'setupSpreadsheet');
  const boot = call<Bootstrap>(em, 'getBootstrap');
  const instruments = new Set(boot.instruments.map((i) => i.id));
  const plan = buildSeed();
  const of = plan.clients.length + plan.clients.reduce((n, c) => n + c.sessions.length, 0) + 1;
  let done = 0;

  // Clients and their plans, each plan from its template as the sidebar's "Start from a template" builds it.
  const objectiveCounts: Record<string, number> = {};
  for (const c of plan.clients) {
    const template = bundledTemplates().find((t) => t.id === c.templateId);
    if (!template) throw new Error(`Expected a bundled template id; got ${c.templateId}`);
    const goals = planFromTemplate(template, c.startDate);
    call(em, 'addClient', { code: c.code, clinician: c.clinician, startDate: c.startDate, modality: goals[0]?.modality ?? '' });
    call(em, 'savePlan', { clientCode: c.code, templateId: c.templateId, goals } satisfies SavePlanInput);
    objectiveCounts[c.code] = objectivesOf(call<ClientDetail>(em, 'getClient', c.code)).length;
    yield { done: ++done, of };
  }

  // Sessions: the same clinic again, now knowing how many objectives each plan rates.
  const seeded = buildSeed(objectiveCounts);
  let sessions = 0;
  for (const c of seeded.clients) {
    const detail = call<ClientDetail>(em, 'getClient', c.code);
    const objectives = objectivesOf(detail);
    for (const s of c.sessions) {
      const input: RecordSessionInput = {
        clientCode: c.code,
        date: s.date,
        clinician: c.clinician,
        attended: s.attended,
        note: s.note,
        ratings: s.attended ? objectives.map((o, k) => ({ goalId: o.id, rating: s.ratings[k] ?? null, gasLevel: s.gas[k] ?? null })) : [],
        measures: s.attended
          ? [
              { instrument: 'phq9', items: s.phq9 },
              { instrument: 'gad7', items: s.gad7 },
            ].filter((m) => instruments.has(m.instrument))
          : [],
      };
      // ---- Tasks between sessions (issue 15): the demo homework rides on the same recordSession input ----
      Object.assign(input, seedTaskInput(c.code, c.sessions.indexOf(s), objectives.map((o) => o.id)));
      call(em, 'recordSession', input);
      sessions += 1;
      yield { done: ++done, of };
    }
    seedPriorities(em, c, objectives);
  }
  seedReview(em, seeded.clients[0]);
  seedFormResponses(em);
  seedProgressReport(em, seeded.clients[0].code);
  openReviewOn(em, seeded.clients[0].code);
  return { clients: seeded.clients.map((c) => c.code), sessions };
}

/** The preview opens on the Review tab with a client chosen in B1 (as a clinician picks one), so its first view is charts with points. */
function openReviewOn(em: Emulator, code: string): void {
  em.edit('Review', 1, 2, code);
  const review = em.spreadsheet.getSheetByName('Review');
  if (!review) throw new Error('Seeding: setup made no Review tab');
  em.spreadsheet.setActiveSheet(review);
}

/** A priority matrix for each client: the first objectives most urgent; DBT-style tiers left blank outside DBT. */
function seedPriorities(em: Emulator, c: SeedClient, objectives: GoalView[]): void {
  if (objectives.length === 0) return;
  const input: SavePrioritiesInput = {
    clientCode: c.code,
    items: objectives.map((o, k) => ({ goalId: o.id, urgency: Math.max(1, 3 - (k % 3)), importance: Math.max(1, 3 - ((k + 1) % 3)), readiness: 1 + ((k + c.code.length) % 3), tier: '' })),
  };
  call(em, 'savePriorities', input);
}

/** One goal review for DEMO-01 at its last session, through the sidebar's own review actions: first objective achieved. */
function seedReview(em: Emulator, c: SeedClient): void {
  const start = call<StartReviewData>(em, 'startReview', c.code);
  const detail = call<ClientDetail>(em, 'getClient', c.code);
  const first = objectivesOf(detail)[0];
  if (!first) return;
  const last = detail.sessions.reduce((a, b) => (b.number > a.number ? b : a), detail.sessions[0]);
  const input: SaveReviewInput = {
    clientCode: c.code,
    date: last ? last.date : start.date,
    sessionNumber: start.sessionNumber,
    goals: start.goals.map((g) =>
      g.goalId === first.id
        ? { goalId: g.goalId, decision: 'achieved' as const, reason: 'Diary kept on 6–7 days a week for three weeks.', gasLevel: g.gasLevel, rating: g.rating }
        : { goalId: g.goalId, decision: 'continue' as const, gasLevel: g.gasLevel, rating: g.rating },
    ),
  };
  call(em, 'saveReview', input);
}

// ---- Form responses (issue 15): a separate last step, on purpose outside the server functions above -------------------------

/** The demo's PHQ-9 Google Form: Timestamp, the code question, one numbered multiple-choice question per item (README). */
const FORM_TAB = 'Form Responses 1';
const FORM_HEADER = ['Timestamp', 'Your client code', ...Array.from({ length: 9 }, (_, i) => `${i + 1}. Over the last 2 weeks, how often … (item ${i + 1})`)];
/** PHQ-9 response options in score order [S8], each starting with its score as the README advises. */
const FORM_OPTIONS = ['0 – Not at all', '1 – Several days', '2 – More than half the days', '3 – Nearly every day'];
/** Four responses waiting to be imported: two routine, one typed in lower case with item 9 = 1 (a safety flag), one with a mistyped code. */
const FORM_ROWS: { at: string; code: string; items: number[] }[] = [
  { at: '2026-11-24 19:42:10', code: 'DEMO-01', items: [1, 1, 0, 1, 0, 0, 1, 0, 0] },
  { at: '2026-11-25 08:15:37', code: 'DEMO-02', items: [1, 0, 1, 1, 0, 0, 0, 0, 0] },
  { at: '2026-11-25 21:03:55', code: 'demo-04', items: [3, 3, 2, 3, 2, 2, 2, 1, 1] },
  { at: '2026-11-26 12:30:02', code: 'DEMO-60', items: [0, 1, 1, 0, 0, 1, 0, 0, 0] },
];

/**
 * Links a PHQ-9 form to the demo clinic: types "Form Responses 1 = PHQ-9" into Settings ▸ Form links (as an admin would) and writes
 * the responses tab straight into the emulator's cells, as Google Forms writes them (a date-time Timestamp, the option texts), for
 * the clinician to preview and import from the sidebar's Forms screen.
 */
function seedFormResponses(em: Emulator): void {
  const settings = em.spreadsheet.getSheetByName('Settings');
  if (!settings) throw new Error('Seeding: setup made no Settings tab');
  const header = settings.getRange(1, 1, 1, settings.getLastColumn()).getValues()[0].map(String);
  const keys = settings.getRange(1, header.indexOf('Key') + 1, settings.getLastRow(), 1).getValues().map((r) => String(r[0]));
  const row = keys.indexOf('forms.links') + 1;
  if (row < 1) throw new Error('Seeding: Settings has no Form links row (key forms.links)');
  em.edit('Settings', row, header.indexOf('Value') + 1, `${FORM_TAB} = PHQ-9`);
  const sheet = em.spreadsheet.insertSheet(FORM_TAB);
  const serial = (at: string) => {
    const [d, t] = at.split(' ');
    const [y, m, day] = d.split('-').map(Number);
    const [h, min, sec] = t.split(':').map(Number);
    return (Date.UTC(y, m - 1, day) - Date.UTC(1899, 11, 30)) / 86400000 + (h * 3600 + min * 60 + sec) / 86400;
  };
  const rows = FORM_ROWS.map((r) => [serial(r.at), r.code, ...r.items.map((v) => FORM_OPTIONS[v])]);
  sheet.getRange(1, 1, 1 + rows.length, FORM_HEADER.length).setValues([FORM_HEADER, ...rows]);
  sheet.getRange(2, 1, rows.length, 1).setNumberFormat('dd/mm/yyyy hh:mm:ss');
}

/** One progress report for the client the demo opens on (Sidebar ▸ Progress ▸ Build), after its review so it shows a milestone. */
function seedProgressReport(em: Emulator, code: string): void {
  call(em, 'buildProgressReport', { clientCode: code, nextSteps: 'Keep the activity diary going\nTry the evening wind-down routine three nights a week' });
}
