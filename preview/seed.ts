// Seeds the preview's demo clinic through the add-on's own server functions (emulator.run, as google.script.run would
// call them), so every seeded row is exactly what the product writes. The data itself comes from seed-data.ts.
import { bundledTemplates } from '../src/core/template-library';
import type { Emulator } from '../emulator';
import type { Bootstrap, ClientDetail, GoalView, RecordSessionInput, Result, SavePlanInput, SavePrioritiesInput, SaveReviewInput, StartReviewData } from '../src/contract';
import { addDays, buildSeed, CLINICIANS, type SeedClient } from './seed-data';

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

/** Writes the demo clinic into a freshly created emulator. Deterministic: the same rows every time. */
export function seedEmulator(em: Emulator): SeedSummary {
  em.spreadsheet.rename(SEED_SPREADSHEET_NAME);
  call(em, 'setupSpreadsheet');
  const boot = call<Bootstrap>(em, 'getBootstrap');
  const instruments = new Set(boot.instruments.map((i) => i.id));
  const plan = buildSeed();

  // Clients and their plans, each plan from its template as the sidebar's "Start from a template" builds it.
  const objectiveCounts: Record<string, number> = {};
  for (const c of plan.clients) {
    const template = bundledTemplates().find((t) => t.id === c.templateId);
    if (!template) throw new Error(`Expected a bundled template id; got ${c.templateId}`);
    const goals = planFromTemplate(template, c.startDate);
    call(em, 'addClient', { code: c.code, clinician: c.clinician, startDate: c.startDate, modality: goals[0]?.modality ?? '' });
    call(em, 'savePlan', { clientCode: c.code, templateId: c.templateId, goals } satisfies SavePlanInput);
    objectiveCounts[c.code] = objectivesOf(call<ClientDetail>(em, 'getClient', c.code)).length;
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
      call(em, 'recordSession', input);
      sessions += 1;
    }
    seedPriorities(em, c, objectives);
  }
  seedReview(em, seeded.clients[0]);
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

/** One progress report for the client the demo opens on (Sidebar ▸ Progress ▸ Build), after its review so it shows a milestone. */
function seedProgressReport(em: Emulator, code: string): void {
  call(em, 'buildProgressReport', { clientCode: code, nextSteps: 'Keep the activity diary going\nTry the evening wind-down routine three nights a week' });
}
