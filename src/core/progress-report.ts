// The progress report the client keeps: its input schema, and the plain-language report (goals, measures, milestones, next steps, chart points) built from one client's live rows.
import * as z from 'zod/mini';
import { clientCodeSchema } from './client-code';
import { isLiveRow } from './corrections';
import { optionalText } from './field-schemas';
import { bandLabel, checkScore, compile } from './instruments/score';
import type { InstrumentDefinition } from './instruments/schema';
import { expected } from './messages';
import { achievedGoals } from './relapse-prevention';
import { changeCategory, reliableChange, type ReliableChangeSettings } from './reliable-change';
import type { ReviewStanding } from './review-cadence';
import { requestIdField } from './request-id';
import type { JtCategory } from './change';
import type { GoalStatus } from './vocabularies';

export const PROGRESS_LIMITS = { nextSteps: 1000, chartedGoals: 8 } as const;

/** What the sidebar sends: the client and, optionally, next steps the clinician types (one per line). */
export const progressReportInputSchema = z.object(
  {
    clientCode: clientCodeSchema,
    nextSteps: z.optional(optionalText('next steps', PROGRESS_LIMITS.nextSteps)),
    requestId: requestIdField,
  },
  expected('a progress report request (clientCode, optional nextSteps)'),
);
export type ProgressReportInput = z.infer<typeof progressReportInputSchema>;

/** Statuses a report shows: goals still being worked on and goals reached (a retired goal is left out). */
export const REPORTED_STATUSES: readonly GoalStatus[] = ['active', 'modified', 'achieved'];

export interface ProgressGoal {
  id: string;
  clientCode: string;
  title: string;
  status: GoalStatus;
  statusDate: string;
  /** GAS anchors for levels −2, −1, 0, +1, +2 (the client's own words); '' when not written. */
  anchors: readonly string[];
  baseline: -1 | -2 | null;
}

export interface ProgressRating {
  client: string;
  goalId: string;
  session: number | null;
  date: string;
  rating: number | null;
  gasLevel: number | null;
  voided: string;
}

export interface ProgressMeasureRow {
  client: string;
  date: string;
  session: number | null;
  total: number | null;
  voided: string;
}

export interface ProgressSession {
  client: string;
  number: number;
  date: string;
  attended: boolean;
  voided: string;
}

export interface ProgressSources {
  clientCode: string;
  /** The report's date (today, YYYY-MM-DD). */
  date: string;
  goals: readonly ProgressGoal[];
  ratings: readonly ProgressRating[];
  measures: readonly { def: InstrumentDefinition; rows: readonly ProgressMeasureRow[] }[];
  sessions: readonly ProgressSession[];
  /** The review cadence (core review-cadence.ts), or null to say nothing about the next review. */
  review: ReviewStanding | null;
  nextSteps?: string;
  settings: ReliableChangeSettings;
  /** The 0–10 rating scale's ends as the Ratings tab validates them. */
  ratingScale?: readonly [number, number];
}

/** One printed line: the report's title, a section heading, a goal's name, or a line under it. */
export interface ReportLine {
  text: string;
  style: 'title' | 'heading' | 'item' | 'line';
}

export interface MeasureProgress {
  instrumentId: string;
  name: string;
  points: { date: string; session: number; total: number }[];
  /** JT category first → latest ([S39a] via reliable-change.ts); null with one point or no cut-off/threshold. */
  category: JtCategory | null;
  worse: boolean;
  sentence: string;
}

export interface RatingSeries {
  label: string;
  goalId: string;
  points: { date: string; session: number; rating: number }[];
}

export interface ProgressReport {
  clientCode: string;
  date: string;
  sessions: number;
  lines: ReportLine[];
  measures: MeasureProgress[];
  ratings: RatingSeries[];
  ratingScale: readonly [number, number];
  goalsShown: number;
  achieved: number;
}

export const PROGRESS_HEADINGS = {
  title: 'Your progress report',
  goals: 'Your goals',
  measures: 'Your questionnaires',
  milestones: 'Milestones',
  nextSteps: 'Next steps',
  charts: 'Charts',
} as const;

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
const levelAnchor = (g: ProgressGoal, level: number | null) => (level === null ? '' : (g.anchors[level + 2] ?? '').trim());

/** What a change category means, in words for the client ([S39a] Jacobson–Truax categories). */
const CATEGORY_WORDS: Record<JtCategory, string> = {
  Recovered: 'a reliable improvement, and now outside the clinical range',
  Improved: 'a reliable improvement',
  Unchanged: 'not yet a big enough change to be sure it is more than everyday ups and downs',
  'Non-reliably recovered': 'now outside the clinical range, though not yet a big enough change to be sure it will last',
  Deteriorated: 'a reliable worsening',
};
const WORSE_KINDLY = 'Scores going up and down is a common part of therapy; this is worth talking through together at your next session.';

function bandOf(def: InstrumentDefinition, total: number, settings: ReliableChangeSettings): string | null {
  if (!def.bandSchemes && !def.cutoff) return null;
  try {
    return bandLabel(def, total, undefined, settings.scoreOptions[def.id] ?? {});
  } catch {
    return null;
  }
}

/** A measure's live, scored points of this client, ordered by session (ties keep row order); a total off the scale (hand-typed) is left out. */
function scoredPoints(def: InstrumentDefinition, rows: readonly ProgressMeasureRow[], code: string): MeasureProgress['points'] {
  const c = compile(def);
  if (!c.total) return [];
  const total = c.total;
  const ok = (t: number) => {
    try {
      checkScore(c, total, t);
      return true;
    } catch {
      return false;
    }
  };
  return rows
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => same(r.client, code) && isLiveRow(r.voided) && r.total !== null && r.session !== null && r.session >= 1 && r.date !== '' && ok(r.total))
    .sort((a, b) => (a.r.session as number) - (b.r.session as number) || a.i - b.i)
    .map(({ r }) => ({ date: r.date, session: r.session as number, total: r.total as number }));
}

/** One measure's sentence: first → latest over the sessions between, with core's reliable-change words; deterioration said plainly. */
export function measureProgress(def: InstrumentDefinition, rows: readonly ProgressMeasureRow[], code: string, settings: ReliableChangeSettings): MeasureProgress | null {
  const points = scoredPoints(def, rows, code);
  if (points.length === 0) return null;
  const first = points[0];
  const last = points[points.length - 1];
  const base = { instrumentId: def.id, name: def.name, points };
  if (points.length === 1) return { ...base, category: null, worse: false, sentence: `Your ${def.name} was ${first.total} at session ${first.session} (measured once so far).` };
  const over = last.session - first.session + 1;
  // [S39a] the category and reliable change come from reliable-change.ts, by the same method Supervision uses.
  const category = changeCategory(def, first.total, last.total, settings);
  const rc = reliableChange(def, first.total, last.total, settings.reliableChangeMethod);
  const worse = category === 'Deteriorated' || (category === null && !!rc?.worse);
  const words = category ? CATEGORY_WORDS[category] : rc ? (rc.better ? CATEGORY_WORDS.Improved : rc.worse ? CATEGORY_WORDS.Deteriorated : CATEGORY_WORDS.Unchanged) : '';
  const moved = first.total === last.total ? `stayed at ${last.total}` : `went from ${first.total} to ${last.total}`;
  return { ...base, category, worse, sentence: `Your ${def.name} ${moved} over ${over} sessions${words ? ` — ${words}` : ''}.` };
}

/** What the scores mean: which way is better, and the band of the first and latest score when the instrument has bands. */
function measureDetail(def: InstrumentDefinition, m: MeasureProgress, settings: ReliableChangeSettings): string {
  const way = `${def.direction === 'higher-is-worse' ? 'Lower' : 'Higher'} ${def.name} scores mean fewer difficulties.`;
  const first = m.points[0];
  const last = m.points[m.points.length - 1];
  const [b1, b2] = [bandOf(def, first.total, settings), bandOf(def, last.total, settings)];
  if (!b2) return way;
  if (m.points.length === 1 || !b1) return `${way} ${last.total} is in the "${b2}" range.`;
  return `${way} ${first.total} was in the "${b1}" range; ${last.total} is in the "${b2}" range.`;
}

function ratingWords(first: number, last: number, n: number, hi: number): string {
  if (n === 1) return `Your rating so far: ${last} out of ${hi}.`;
  if (first === last) return `Your rating is ${last} out of ${hi}, the same as at the start.`;
  if (last > first) return `Your rating went from ${first} to ${last} out of ${hi}.`;
  return `Your rating went from ${first} to ${last} out of ${hi} — a step back, which happens and is worth talking about together.`;
}

/**
 * The report for one client: only this client's goals (active, modified, achieved), live ratings and live measure rows are
 * read; session notes, alerts and other clients' rows are never part of it. Lines are plain text for the sheet to write.
 */
export function buildProgressReport(src: ProgressSources): ProgressReport {
  const code = src.clientCode.trim();
  const [lo, hi] = src.ratingScale ?? [0, 10];
  const h = PROGRESS_HEADINGS;
  const goals = src.goals.filter((g) => same(g.clientCode, code) && g.id.trim() !== '' && REPORTED_STATUSES.includes(g.status));
  const ids = new Set(goals.map((g) => g.id));
  const ratings = src.ratings
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => same(r.client, code) && ids.has(r.goalId) && isLiveRow(r.voided) && r.session !== null && r.session >= 1)
    .sort((a, b) => (a.r.session as number) - (b.r.session as number) || a.i - b.i)
    .map(({ r }) => r);
  const sessions = src.sessions.filter((s) => same(s.client, code) && isLiveRow(s.voided) && s.attended).length;
  const lines: ReportLine[] = [
    { text: h.title, style: 'title' },
    { text: `Client: ${code}`, style: 'line' },
    { text: `Date: ${src.date}`, style: 'line' },
    { text: `Sessions so far: ${sessions}`, style: 'line' },
  ];
  const section = (heading: string) => lines.push({ text: '', style: 'line' }, { text: heading, style: 'heading' });

  section(h.goals);
  if (goals.length === 0) lines.push({ text: 'No goals are written down yet.', style: 'line' });
  const series: RatingSeries[] = [];
  goals.forEach((g, i) => {
    const label = `Goal ${i + 1}`;
    const mine = ratings.filter((r) => r.goalId === g.id);
    const rated = mine.filter((r) => r.rating !== null && r.rating >= lo && r.rating <= hi);
    const levels = mine.filter((r) => r.gasLevel !== null && Number.isInteger(r.gasLevel) && (r.gasLevel as number) >= -2 && (r.gasLevel as number) <= 2);
    const done = g.status === 'achieved' ? ` — achieved${g.statusDate ? ` on ${g.statusDate}` : ''}` : '';
    lines.push({ text: `${label}: ${g.title.trim()}${done}`, style: 'item' });
    const started = levelAnchor(g, g.baseline ?? levels[0]?.gasLevel ?? null);
    const now = levels.length ? levelAnchor(g, levels[levels.length - 1].gasLevel) : '';
    if (started) lines.push({ text: `Where you started: ${started}`, style: 'line' });
    if (now) lines.push({ text: `Where you are now: ${now}`, style: 'line' });
    if (rated.length) lines.push({ text: ratingWords(rated[0].rating as number, rated[rated.length - 1].rating as number, rated.length, hi), style: 'line' });
    if (!now && !rated.length) lines.push({ text: 'Not rated yet.', style: 'line' });
    if (rated.length) series.push({ label, goalId: g.id, points: rated.map((r) => ({ date: r.date, session: r.session as number, rating: r.rating as number })) });
  });

  section(h.measures);
  const measures: MeasureProgress[] = [];
  for (const { def, rows } of src.measures) {
    const m = measureProgress(def, rows, code, src.settings);
    if (!m) continue;
    measures.push(m);
    lines.push({ text: m.sentence, style: 'item' }, { text: measureDetail(def, m, src.settings), style: 'line' });
    if (m.worse) lines.push({ text: WORSE_KINDLY, style: 'line' });
  }
  if (measures.length === 0) lines.push({ text: 'No questionnaires are scored yet.', style: 'line' });

  section(h.milestones);
  const achieved = achievedGoals(goals);
  for (const g of achieved) lines.push({ text: `Goal achieved: ${g.title.trim()}${g.statusDate ? ` (${g.statusDate})` : ''}`, style: 'line' });
  if (achieved.length === 0) lines.push({ text: 'No goals are marked achieved yet — that is normal while you are still working on them.', style: 'line' });

  section(h.nextSteps);
  const open = goals.filter((g) => g.status !== 'achieved');
  for (const g of open) lines.push({ text: `Keep working on: ${g.title.trim()}`, style: 'line' });
  if (src.review) lines.push({ text: src.review.due ? 'Your next goal review: due now — at your next session.' : `Your next goal review: ${src.review.words.toLowerCase()}.`, style: 'line' });
  for (const s of (src.nextSteps ?? '').split(/\r?\n/)) if (s.trim()) lines.push({ text: s.trim(), style: 'line' });

  const charted = series.slice(0, PROGRESS_LIMITS.chartedGoals);
  if (measures.length || charted.length) {
    section(h.charts);
    lines.push({ text: 'The charts below show your scores over time; the coloured lines mark the usual ranges.', style: 'line' });
    if (series.length > charted.length) lines.push({ text: `The ratings chart shows the first ${charted.length} goals.`, style: 'line' });
  }
  return { clientCode: code, date: src.date, sessions, lines, measures, ratings: charted, ratingScale: [lo, hi], goalsShown: goals.length, achieved: achieved.length };
}
