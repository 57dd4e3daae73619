// The preview's demo clinic as plain data: clearly fictional (client codes only, .invalid addresses), fully deterministic
// (a fixed-seed generator, fixed dates ending 2026-11-20). seed.ts writes it through the add-on's own server functions.

export const CLINICIANS = ['clinician.a@demo.invalid', 'clinician.b@demo.invalid', 'clinician.c@demo.invalid'] as const;

/** Twelve weekly sessions, the last on Friday 2026-11-20. */
export const SESSION_DATES: string[] = Array.from({ length: 12 }, (_, i) => addDays('2026-11-20', -7 * (11 - i)));

export type Story = 'improving' | 'anxiety-improving' | 'mixed' | 'deteriorating' | 'risk' | 'sleep';

export interface SeedSession {
  date: string;
  attended: boolean;
  note: string;
  /** One GAS level (−2…+2) per rated objective, in plan order. */
  gas: number[];
  /** One 0–10 rating per rated objective, in plan order. */
  ratings: number[];
  phq9: number[];
  gad7: number[];
}

export interface SeedClient {
  code: string;
  clinician: string;
  startDate: string;
  templateId: string;
  story: Story;
  sessions: SeedSession[];
}

export interface SeedClinic {
  clinicians: string[];
  clients: SeedClient[];
}

/** YYYY-MM-DD plus n days, in UTC (no time zone can move a date-only value). */
export function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** mulberry32: a small, fixed-seed generator, so every run seeds the same clinic. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

/**
 * Items (each 0–3) that add up to `total`; `fixed` pins some items (0-based index → score), e.g. PHQ-9 item 9.
 * The spread over the other items comes from `rand`, so it looks like real answers but is the same every run.
 */
export function itemsFor(total: number, count: number, rand: () => number, fixed: Record<number, number> = {}): number[] {
  const items = Array.from({ length: count }, (_, i) => fixed[i] ?? 0);
  const free = items.map((_, i) => i).filter((i) => !(i in fixed));
  let left = clamp(total - items.reduce((a, b) => a + b, 0), 0, free.length * 3);
  while (left > 0) {
    const open = free.filter((i) => items[i] < 3);
    const i = open[Math.floor(rand() * open.length)];
    items[i] += 1;
    left -= 1;
  }
  return items;
}

/** A score path from `from` to `to` over the sessions, with ±1 noise that never reverses the overall direction. */
function path(from: number, to: number, n: number, rand: () => number, max: number): number[] {
  return Array.from({ length: n }, (_, i) => {
    const base = from + ((to - from) * i) / (n - 1);
    const noise = i === 0 || i === n - 1 ? 0 : Math.round(rand() * 2 - 1);
    return clamp(Math.round(base + noise), 0, max);
  });
}

/** GAS levels for one objective: from its baseline towards `end`, one step at a time. */
function gasPath(baseline: number, end: number, n: number, rand: () => number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const base = baseline + ((end - baseline) * i) / (n - 1);
    const wobble = i > 0 && i < n - 1 && rand() < 0.2 ? (end >= baseline ? -1 : 1) : 0;
    out.push(clamp(Math.round(base) + wobble, -2, 2));
  }
  return out;
}

interface StoryShape {
  phq9: [number, number];
  gad7: [number, number];
  /** GAS level each objective reaches by the last session. */
  gasEnd: number[];
  notes: string[];
}

const STORIES: Record<Story, StoryShape> = {
  improving: {
    phq9: [18, 6],
    gad7: [11, 5],
    gasEnd: [1, 0, 2, 0, 1, 0, 0],
    notes: ['Diary started; low energy most days.', 'Two planned activities done.', 'Walked three mornings; mood a little brighter.', 'Reconnected with a friend.', 'Routine holding on most days.'],
  },
  'anxiety-improving': {
    phq9: [10, 5],
    gad7: [16, 7],
    gasEnd: [0, 1, 0, 1, 0, 0, 0],
    notes: ['Worry diary started.', 'Worry time used on four days.', 'Tolerated uncertainty at work.', 'Fewer reassurance checks this week.'],
  },
  mixed: {
    phq9: [12, 10],
    gad7: [13, 11],
    gasEnd: [0, -1, 0, -1, 0, 0, 0],
    notes: ['Exposure hierarchy drafted.', 'Avoided the team meeting.', 'Spoke up once in a meeting.', 'Setback after a stressful week.'],
  },
  deteriorating: {
    phq9: [9, 21],
    gad7: [7, 16],
    gasEnd: [-2, -2, -1, -2, -2, -1, -2],
    notes: ['Engaged; plan agreed.', 'Missed most planned activities.', 'Sleep worse; withdrawn from friends.', 'Mood lower; reviewed the plan together.', 'Scores rising: discussed stepping up care.'],
  },
  risk: {
    phq9: [14, 12],
    gad7: [15, 9],
    gasEnd: [1, 0, 0, 1, 0, 0, 0],
    notes: ['Panic diary started.', 'Interoceptive exposure practised.', 'Went to the supermarket alone.', 'Fewer attacks; low mood this week.'],
  },
  sleep: {
    phq9: [11, 7],
    gad7: [9, 6],
    gasEnd: [0, 1, 0, 0, 1, 0, 0],
    notes: ['Sleep diary started.', 'Fixed rising time kept.', 'Less time awake in bed.', 'Sleep window widened by 15 minutes.'],
  },
};

const CLIENTS: { code: string; clinician: number; templateId: string; story: Story; startOffset: number; missed?: number }[] = [
  { code: 'DEMO-01', clinician: 0, templateId: 'depression-behavioural-activation', story: 'improving', startOffset: -7 },
  { code: 'DEMO-02', clinician: 0, templateId: 'generalized-anxiety', story: 'anxiety-improving', startOffset: -10 },
  { code: 'DEMO-03', clinician: 1, templateId: 'social-anxiety', story: 'mixed', startOffset: -7, missed: 6 },
  { code: 'DEMO-04', clinician: 1, templateId: 'depression-behavioural-activation', story: 'deteriorating', startOffset: -14 },
  { code: 'DEMO-05', clinician: 2, templateId: 'panic-disorder', story: 'risk', startOffset: -7 },
  { code: 'DEMO-06', clinician: 2, templateId: 'insomnia-and-sleep', story: 'sleep', startOffset: -3 },
];

/**
 * The demo clinic: six clients over three clinicians, twelve weekly sessions each (one missed), GAS levels, 0–10 ratings,
 * PHQ-9 and GAD-7 at every attended session. DEMO-04 deteriorates reliably (PHQ-9 +12, GAD-7 +9); DEMO-05 answers PHQ-9
 * item 9 with 1 at the latest session. `objectivesPerClient` is how many objectives each plan rates (from its template).
 */
export function buildSeed(objectivesPerClient: Record<string, number> = {}): SeedClinic {
  const rand = rng(20261120);
  const clients: SeedClient[] = CLIENTS.map((c) => {
    const shape = STORIES[c.story];
    const n = SESSION_DATES.length;
    const phq = path(shape.phq9[0], shape.phq9[1], n, rand, 27);
    const gad = path(shape.gad7[0], shape.gad7[1], n, rand, 21);
    if (c.story === 'deteriorating') {
      // Every step up or level: a reliable deterioration whichever session is compared with the first.
      for (let i = 1; i < n; i += 1) {
        phq[i] = Math.max(phq[i], phq[i - 1]);
        gad[i] = Math.max(gad[i], gad[i - 1]);
      }
    }
    const objectives = objectivesPerClient[c.code] ?? 3;
    const gasByObjective = Array.from({ length: objectives }, (_, k) => gasPath(k % 2 === 0 ? -1 : -2, shape.gasEnd[k % shape.gasEnd.length], n, rand));
    const sessions: SeedSession[] = SESSION_DATES.map((date, i) => {
      const attended = i !== c.missed;
      const last = i === n - 1;
      const phqFixed: Record<number, number> = { 8: c.story === 'risk' && last ? 1 : 0 };
      const gas = attended ? gasByObjective.map((g) => g[i]) : [];
      return {
        date,
        attended,
        note: attended ? shape.notes[i % shape.notes.length] : 'Did not attend; rebooked by phone.',
        gas,
        ratings: gas.map((level) => clamp(Math.round(5 + level * 2 + (rand() * 2 - 1)), 0, 10)),
        phq9: attended ? itemsFor(phq[i], 9, rand, phqFixed) : [],
        gad7: attended ? itemsFor(gad[i], 7, rand) : [],
      };
    });
    return { code: c.code, clinician: CLINICIANS[c.clinician], startDate: addDays(SESSION_DATES[0], c.startOffset), templateId: c.templateId, story: c.story, sessions };
  });
  return { clinicians: [...CLINICIANS], clients };
}

// ---- Tasks between sessions (issue 15): demo homework, kept apart from the sessions above so it merges with changes to how seeding runs ----

/** A task agreed at a session (index into SESSION_DATES) for the client's k-th rated objective, and how it went at the next session (none: still open). */
export interface SeedTask {
  set: number;
  objective: number;
  text: string;
  outcome?: 'done' | 'partly' | 'not done' | 'not reviewed';
}

/** Three clients with homework over their last three sessions: two weeks marked, the last week's tasks open for "From last time". */
export const SEED_TASKS: Record<string, SeedTask[]> = {
  'DEMO-01': [
    { set: 9, objective: 0, text: 'Fill in the activity diary every evening after dinner', outcome: 'done' },
    { set: 9, objective: 1, text: 'Walk to the shop and back on Tuesday and Friday mornings', outcome: 'partly' },
    { set: 10, objective: 0, text: 'Fill in the activity diary every evening after dinner', outcome: 'done' },
    { set: 10, objective: 1, text: 'Walk to the park after lunch 3 times this week', outcome: 'done' },
    { set: 11, objective: 1, text: 'Walk to the park after lunch 4 times this week' },
  ],
  'DEMO-02': [
    { set: 9, objective: 0, text: 'Worry time for 15 minutes at 6 pm each day', outcome: 'partly' },
    { set: 10, objective: 0, text: 'Worry time for 15 minutes at 6 pm each day', outcome: 'done' },
    { set: 10, objective: 1, text: 'Try to relax more', outcome: 'not done' },
    { set: 11, objective: 1, text: 'Breathing exercise for 5 minutes before bed every night' },
  ],
  'DEMO-03': [
    { set: 9, objective: 0, text: 'Say hello to one colleague each morning', outcome: 'not done' },
    { set: 10, objective: 0, text: 'Say hello to one colleague on Monday and Wednesday mornings', outcome: 'done' },
    { set: 11, objective: 0, text: 'Ask one question in the Thursday team meeting once' },
  ],
};

/** The tasks part of one seeded session's recordSession input (session i of the client): outcomes of last session's tasks, then this session's new ones. Ids follow the server's S<session>-T<n>. */
export function seedTaskInput(code: string, i: number, objectiveIds: readonly string[]): { taskOutcomes?: { taskId: string; outcome: NonNullable<SeedTask['outcome']> }[]; newTasks?: { goalId: string; text: string }[] } {
  const tasks = SEED_TASKS[code] ?? [];
  const idOf = (t: SeedTask) => `S${t.set + 1}-T${tasks.filter((u) => u.set === t.set).indexOf(t) + 1}`;
  const marked = tasks.filter((t) => t.set === i - 1 && t.outcome).map((t) => ({ taskId: idOf(t), outcome: t.outcome! }));
  const added = tasks.filter((t) => t.set === i && objectiveIds[t.objective]).map((t) => ({ goalId: objectiveIds[t.objective], text: t.text }));
  return { ...(marked.length ? { taskOutcomes: marked } : {}), ...(added.length ? { newTasks: added } : {}) };
}
