// Fixtures for the sidebar browser tests: a small in-memory fake of the server API (Bootstrap, clients, templates, plans, sessions, priorities).
import { GAD7 } from '../../../src/core/instruments/gad7';
import { PHQ9 } from '../../../src/core/instruments/phq9';
import type {
  AddClientInput,
  Bootstrap,
  ClientDetail,
  ClientSummary,
  GoalView,
  InstrumentSummary,
  RecordSessionData,
  RecordSessionInput,
  Result,
  SavePlanInput,
  SavePrioritiesInput,
} from '../../../src/contract';
import type { Handlers } from './harness';
import { relapsePreventionSections } from '../../../src/core/relapse-prevention';
import { applyReview, REVIEWABLE_STATUSES, validateReview } from '../../../src/core/review';
import { reviewStanding } from '../../../src/core/review-cadence';
import { codeLooksLikeName, nameLikeCodeMessage } from '../../../src/core/client-code';
import { isRated } from '../../../src/core/session-input';
import { bundledTemplates } from '../../../src/core/template-library';
import type { RelapsePreventionPlanData, RelapsePreventionPlanInput, OutcomesData, ReviewGoalView, SaveReviewData, SaveReviewInput, StartReviewData } from '../../../src/contract';


export const TODAY = '2026-11-20';

export const ok = <T>(data: T): Result<T> => ({ ok: true, data });
export const invalid = (message: string, errors: Record<string, string>): Result<never> => ({ ok: false, message, errors });

export const PHQ9_SUMMARY: InstrumentSummary = { id: 'phq9', name: 'PHQ-9', items: 9, min: 0, max: 3, itemLabels: [...PHQ9.itemText!.items], bandOptions: {} };
export const GAD7_SUMMARY: InstrumentSummary = { id: 'gad7', name: 'GAD-7', items: 7, min: 0, max: 3, itemLabels: GAD7.itemText ? [...GAD7.itemText.items] : Array.from({ length: 7 }, (_, i) => `Item ${i + 1}`), bandOptions: {} };

export function goal(partial: Partial<GoalView> & Pick<GoalView, 'id' | 'title'>): GoalView {
  return {
    parentId: '',
    clientCode: 'C-0142',
    horizon: partial.parentId ? 'short' : 'long',
    type: 'outcome',
    domain: 'behavioral',
    category: 'mood',
    modality: 'CBT',
    values: 'Being there for my kids',
    behaviour: '',
    measure: '',
    target: '',
    frequency: '',
    deadline: '2027-02-01',
    anchors: ['', '', '', '', ''],
    baseline: null,
    importance: null,
    difficulty: null,
    weight: null,
    status: 'active',
    statusDate: '2026-10-01',
    statusReason: '',
    ...partial,
  };
}

/** C-0142: one long-term goal with two scaled objectives, two sessions so far. */
export function clientDetail(code = 'C-0142', goals?: GoalView[]): ClientDetail {
  const gs =
    goals ??
    [
      goal({ id: 'G1', title: 'Get back into a daily routine', clientCode: code }),
      goal({
        id: 'G1.O1',
        parentId: 'G1',
        clientCode: code,
        title: 'Walk after lunch',
        type: 'process',
        behaviour: 'Walks for 20 minutes after lunch',
        measure: 'Minutes walked, activity diary',
        target: '20 minutes',
        frequency: '5 times a week',
        deadline: '2026-12-20',
        anchors: ['No walks', '1–2 walks a week', '5 walks a week', '6 walks a week', 'Daily walks'],
        baseline: -1,
        importance: 2,
        difficulty: 2,
        weight: 4,
      }),
      goal({
        id: 'G1.O2',
        parentId: 'G1',
        clientCode: code,
        title: 'Phone a friend',
        type: 'process',
        behaviour: 'Phones a friend for at least 10 minutes',
        measure: 'Calls made, tally',
        target: '2 calls',
        frequency: 'weekly',
        deadline: '2026-12-20',
        anchors: ['No calls', 'One call a fortnight', 'Two calls a week', 'Three calls', 'Four or more calls'],
        baseline: -2,
        importance: 3,
        difficulty: 1,
        weight: 3,
      }),
    ];
  return withCadence({
    client: summary(code, 2),
    goals: gs,
    sessions: [
      { number: 1, date: '2026-10-01', attended: true, note: '' },
      { number: 2, date: '2026-10-08', attended: true, note: '' },
    ],
    priorities: [],
    latestGas: [],
  });
}

/** A client detail with the review fields the server fills (core's rule over attended sessions; no review yet, every 4). */
export function withCadence(d: Omit<ClientDetail, 'reviewDue' | 'reviewOverdue' | 'review'>, last: { session: number; date: string } | null = null): ClientDetail {
  const review = reviewStanding(d.sessions, last, 4);
  return { ...d, reviewDue: review.due, reviewOverdue: review.overdue, review };
}

export function summary(code: string, sessions = 0): ClientSummary {
  return { code, clinician: 'Dr Rivera', startDate: '2026-10-01', status: 'active', modality: 'CBT', sessions, lastSession: sessions > 0 ? '2026-10-08' : '' };
}

export function bootstrap(clients: ClientSummary[] = [summary('C-0142', 2), summary('C-0200', 0)]): Bootstrap {
  return {
    clinic: 'Riverside Therapy',
    isSetUp: true,
    reviewEvery: 4,
    rho: 0.3,
    clinicians: ['Dr Rivera', 'Sam Okafor'],
    clients,
    instruments: [PHQ9_SUMMARY, GAD7_SUMMARY],
    today: TODAY,
    templates: bundledTemplates().map((t) => ({ id: t.id, title: t.title, description: t.description })),
  };
}

/** An in-memory server: handlers for every sidebar API function, over state the test can read and change. */
export function fakeServer(details: ClientDetail[] = [clientDetail(), clientDetail('C-0200', [])]) {
  const state = { boot: bootstrap(details.map((d) => d.client)), details: new Map(details.map((d) => [d.client.code, d])), remembered: '' };
  const handlers: Handlers = {
    // Like the server: the remembered client only while it is still on the list.
    getBootstrap: () => ok({ ...state.boot, ...(state.remembered && state.details.has(state.remembered) ? { lastClient: state.remembered } : {}) }),
    rememberClient: (code: string) => {
      state.remembered = code;
      return ok({ code });
    },
    getTemplate: (id: string) => {
      const t = bundledTemplates().find((x) => x.id === id);
      return t ? ok(t) : invalid(`No template "${id}".`, { id: `Expected one of the listed templates; got "${id}"` });
    },
    getClient: (code: string) => {
      const d = state.details.get(code);
      return d ? ok(d) : invalid(`No client ${code}`, { code: 'No such client' });
    },
    addClient: (input: AddClientInput) => {
      if (state.details.has(input.code)) return invalid('That code is taken.', { code: `Client ${input.code} already exists` });
      // Like the server: core's codes-not-names rule, refused unless confirmed, with the server's summary line.
      const looks = codeLooksLikeName(input.code);
      if (looks && input.notAName !== true) return invalid('Nothing was saved: 1 field needs attention.', { code: nameLikeCodeMessage(input.code, looks) });
      const s: ClientSummary = { code: input.code, clinician: input.clinician, startDate: input.startDate, status: 'active', modality: input.modality, sessions: 0, lastSession: '' };
      state.boot = { ...state.boot, clients: [...state.boot.clients, s] };
      state.details.set(input.code, withCadence({ client: s, goals: [], sessions: [], priorities: [], latestGas: [] }));
      return ok(s);
    },
    // Like the server: "" or "new-…" ids are new; long-term goals get <code>.G<n>, objectives <goal>.O<n>; answers the client as it now stands.
    savePlan: (input: SavePlanInput): Result<ClientDetail> => {
      const d = state.details.get(input.clientCode)!;
      const isNew = (id: string) => id === '' || /^new\b/i.test(id);
      const assigned = new Map<string, string>();
      let g = d.goals.filter((x) => x.parentId === '').length;
      const objectives = new Map<string, number>();
      const longsFirst = [...input.goals].sort((a, b) => (a.horizon === b.horizon ? 0 : a.horizon === 'long' ? -1 : 1));
      for (const x of longsFirst) {
        if (!isNew(x.id)) continue;
        if (x.horizon === 'long') assigned.set(x.id, `${input.clientCode}.G${++g}`);
        else {
          const parent = isNew(x.parentId) ? assigned.get(x.parentId)! : x.parentId;
          const n = (objectives.get(parent) ?? d.goals.filter((y) => y.parentId === parent).length) + 1;
          objectives.set(parent, n);
          assigned.set(x.id, `${parent}.O${n}`);
        }
      }
      const goals: GoalView[] = input.goals.map((x) => {
        const id = assigned.get(x.id) ?? x.id;
        const parentId = x.horizon === 'long' ? '' : (assigned.get(x.parentId) ?? x.parentId);
        const weight = x.importance !== null && x.difficulty !== null ? x.importance * x.difficulty : null;
        return { ...x, id, parentId, clientCode: input.clientCode, weight, statusDate: TODAY };
      });
      const next = { ...d, goals };
      state.details.set(input.clientCode, next);
      return ok(next);
    },
    // Like the server: only rated goals and answered questionnaires are saved; answers with the client as the session leaves them.
    // Like the server, it asks first: a blank PHQ-9 item 9, a date that already has a session, a future date; an empty session is refused.
    recordSession: (input: RecordSessionInput): Result<RecordSessionData> => {
      const d = state.details.get(input.clientCode)!;
      if (input.attended && input.note.trim() === '' && !input.ratings.some(isRated) && !input.measures.some((m) => m.items.some((v) => v !== null)))
        return invalid('Nothing to save: this session has no goal rating, no questionnaire answer and no note.', {});
      const phq = input.measures.find((m) => m.instrument === 'phq9');
      if (phq && phq.items[8] === null && !phq.confirmUnanswered)
        return invalid('One question to answer before saving: it is beside what it asks about.', { 'measures.phq9.confirmUnanswered': 'Expected an answer to PHQ-9 item 9, its safety question; it is blank.' });
      const questions: Record<string, string> = {};
      const same = d.sessions.filter((x) => x.date === input.date);
      if (same.length && !input.confirmSameDate) questions.confirmSameDate = `Expected one session per date; ${input.clientCode} already has session ${same[0].number} on ${input.date}.`;
      if (input.date > TODAY && !input.confirmFutureDate) questions.confirmFutureDate = `Expected a date no later than today (${TODAY}); got ${input.date}.`;
      if (Object.keys(questions).length) return invalid('Questions to answer before saving: each is beside what it asks about.', questions);
      const number = d.sessions.length + 1;
      const next = withCadence({ ...d, sessions: [...d.sessions, { number, date: input.date, attended: input.attended, note: input.note }], client: { ...d.client, sessions: number, lastSession: input.date } }, d.review.lastReviewSession ? { session: d.review.lastReviewSession, date: d.review.lastReviewDate } : null);
      state.details.set(input.clientCode, next);
      return ok({
        sessionNumber: number,
        saved: {
          ratings: input.ratings.filter(isRated).length,
          measures: input.measures
            .filter((m) => m.items.some((v) => v !== null))
            .map((m) => {
              const total = m.items.every((v) => v !== null) ? (m.items as number[]).reduce((a, b) => a + b, 0) : null;
              return { instrument: m.instrument, total, band: total === null ? '' : total >= 10 ? 'Moderate' : 'Mild', flag: m.instrument === 'phq9' && (m.items[8] ?? 0) >= 1 ? 'PHQ-9 item 9 (self-harm thoughts) endorsed: review risk now' : '' };
            }),
        },
        detail: next,
      });
    },
    savePriorities: (input: SavePrioritiesInput): Result<ClientDetail> => {
      const d = state.details.get(input.clientCode)!;
      const next = { ...d, priorities: input.items.map((it, i) => ({ ...it, score: it.urgency * it.importance * it.readiness, rank: i + 1 })) };
      state.details.set(input.clientCode, next);
      return ok(next);
    },
    startReview: (code: string): Result<StartReviewData> => ok(reviewStart(state.details.get(code)!)),
    // Like the server: core's validateReview (field errors, nothing saved), then applyReview for statuses, T-score and milestones.
    saveReview: (input: SaveReviewInput): Result<SaveReviewData> => {
      const d = state.details.get(input.clientCode)!;
      const checked = validateReview(input, d.goals);
      if (!checked.ok) return invalid('Nothing was saved.', checked.errors);
      const outcome = applyReview(d.goals, input, { rho: 0.3 });
      const cadence = { everySessions: 4, due: false, overdue: false, sessionsSince: 0, lastReviewSession: input.sessionNumber, lastReviewDate: input.date, words: `At session ${input.sessionNumber + 4}` };
      const next: ClientDetail = { ...d, goals: outcome.goals, reviewDue: false, reviewOverdue: false, review: cadence };
      state.details.set(input.clientCode, next);
      return ok({
        date: input.date,
        sessionNumber: input.sessionNumber,
        rows: input.goals.length,
        tScore: outcome.gas?.tScore ?? null,
        change: outcome.gas?.change ?? null,
        changes: outcome.changes.map((c) => ({ goalId: c.goalId, decision: c.decision, before: c.before.status, after: c.after.status })),
        milestones: outcome.milestones,
        detail: next,
      });
    },
    buildRelapsePreventionPlan: (input: RelapsePreventionPlanInput): Result<RelapsePreventionPlanData> => {
      const d = state.details.get(input.clientCode)!;
      return ok({ sheetName: `Relapse prevention ${input.clientCode}`, rebuilt: false, sections: relapsePreventionSections(input, d.goals) });
    },
    getOutcomes: (): Result<OutcomesData> => ok(outcomes()),
  };
  return { state, handlers };
}

/** What startReview answers for a client: the active or modified goals, prefilled from latestGas; a review due at session 4. */
export function reviewStart(d: ClientDetail): StartReviewData {
  const latest = new Map(d.latestGas.map((x) => [x.goalId, x]));
  const sessions = d.sessions.length;
  return {
    clientCode: d.client.code,
    date: TODAY,
    sessionNumber: Math.max(1, sessions),
    rho: 0.3,
    cadence: { everySessions: 4, due: sessions >= 4, overdue: sessions >= 6, sessionsSince: sessions, lastReviewSession: 0, lastReviewDate: '', words: sessions >= 6 ? 'Overdue' : sessions >= 4 ? 'Due' : 'At session 4' },
    goals: d.goals
      .filter((g) => REVIEWABLE_STATUSES.includes(g.status))
      .map((g) => {
        const r = latest.get(g.id);
        return { goalId: g.id, parentId: g.parentId, title: g.title, horizon: g.horizon, status: g.status as 'active' | 'modified', anchors: g.anchors, baseline: g.baseline, weight: g.weight, gasLevel: (r?.level ?? null) as ReviewGoalView['gasLevel'], rating: r?.rating ?? null, ratedAt: r ? sessions : null };
      }),
  };
}

/** De-identified export rows for two clients: PHQ-9 twice and a review's GAS for C-0142, GAD-7 once for C-0200. */
export function outcomes(): OutcomesData {
  return {
    rows: [
      { clientCode: 'C-0142', date: '2026-10-01', session: 1, instrument: 'PHQ-9', total: 14, band: 'Moderate' },
      { clientCode: 'C-0142', date: '2026-10-08', session: 2, instrument: 'PHQ-9', total: 9, band: 'Mild' },
      { clientCode: 'C-0142', date: '2026-10-08', session: 2, instrument: 'GAS', gasTScore: 45.55555, gasChange: 8.123 },
      { clientCode: 'C-0200', date: '2026-10-02', session: 1, instrument: 'GAD-7', total: 6, band: 'Mild' },
    ],
    clients: 2,
    skipped: 1,
    today: TODAY,
  };
}
