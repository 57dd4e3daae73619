// Goal-plan schemas (zod/mini) and their TS types: plan → long-term goals → 1–5 short-term objectives with SMART fields and a GAS scale.
import * as z from 'zod/mini';

// ---------------------------------------------------------------------------
// Messages: every issue says what was expected and what came.
// ---------------------------------------------------------------------------

/** Shows a received value briefly, for "…; got X" messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 37)}…` : value;
    return value.trim() === '' ? `empty text ${JSON.stringify(value)}` : JSON.stringify(shown);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

type Issue = { readonly input?: unknown };

/** zod error option: "Expected <what>; got <received>". */
export function expected(what: string, show: (input: unknown) => string = describeValue) {
  return { error: (iss: Issue) => `Expected ${what}; got ${show(iss.input)}` };
}

/** Shows an array by its length, for "Expected 1–5 …; got 6". */
export const countOf = (input: unknown) => (Array.isArray(input) ? String(input.length) : describeValue(input));

// ---------------------------------------------------------------------------
// Limits (policy): a cell holds 50,000 characters; these keep rows readable.
// ---------------------------------------------------------------------------

export const LIMITS = {
  shortText: 60,
  text: 500,
  title: 200,
  id: 120,
  objectivesPerGoal: { min: 1, max: 5 },
  goalsPerPlan: { min: 1, max: 6 },
} as const;

/** Non-empty (after trimming) text of at most `max` characters. */
export function text(what: string, max: number = LIMITS.text) {
  const e = expected(`${what} as text of 1–${max} characters`);
  return z.string(e).check(z.refine((s) => s.trim().length > 0 && s.length <= max, e));
}

// ---------------------------------------------------------------------------
// Dates: ISO YYYY-MM-DD strings, validated and shifted with integer arithmetic (no Date, no time zones).
// ---------------------------------------------------------------------------

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True for a real calendar date written YYYY-MM-DD (so 2026-02-30 is false). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil).
function toDayNumber(iso: string): number {
  const [y0, m, d] = iso.split('-').map(Number);
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function fromDayNumber(days: number): string {
  const z0 = days + 719468;
  const era = Math.floor(z0 / 146097);
  const doe = z0 - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Adds whole days to an ISO date: addDaysIso('2026-01-29', 42) === '2026-03-12'. */
export function addDaysIso(iso: string, days: number): string {
  if (!isIsoDate(iso)) throw new Error(`Expected a date as YYYY-MM-DD; got ${describeValue(iso)}`);
  if (!Number.isInteger(days)) throw new Error(`Expected a whole number of days; got ${describeValue(days)}`);
  return fromDayNumber(toDayNumber(iso) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetweenIso(from: string, to: string): number {
  for (const d of [from, to]) if (!isIsoDate(d)) throw new Error(`Expected a date as YYYY-MM-DD; got ${describeValue(d)}`);
  return toDayNumber(to) - toDayNumber(from);
}

/** A whole number from min to max inclusive. */
export function wholeNumber(what: string, min: number, max: number) {
  const e = expected(`${what} as a whole number ${min}–${max}`);
  return z.number(e).check(z.refine((n) => Number.isInteger(n) && n >= min && n <= max, e));
}

/** An ISO date field; `what` names it in messages ("a deadline"). */
export function isoDate(what = 'a date') {
  const e = expected(`${what} as YYYY-MM-DD`);
  return z.string(e).check(z.refine(isIsoDate, e));
}

// ---------------------------------------------------------------------------
// Enumerations
// ---------------------------------------------------------------------------

export const HORIZONS = ['short', 'long'] as const;
// [seed 001][seed 003] process goals are actions under the client's control; outcome goals are end results.
export const GOAL_TYPES = ['process', 'outcome'] as const;
export const DOMAINS = ['behavioral', 'cognitive', 'emotional'] as const;
export const MODALITIES = ['CBT', 'DBT', 'ACT', 'BA', 'ERP', 'CPT', 'PE', 'IPT', 'CBT-I', 'CFT', 'EMDR', 'MI', 'SFBT', 'other'] as const;
export const STATUSES = ['active', 'achieved', 'modified', 'retired'] as const;
// Instruments Attain knows; a plan may only suggest these ids (clinical-reference §2–§6).
export const INSTRUMENT_IDS = ['phq9', 'gad7', 'pcl5', 'k10', 'dass21', 'core10', 'wsas', 'ors', 'srs', 'oq45'] as const;
// [S41a] DBT stage 1: life-threatening > therapy-interfering > quality-of-life; [S41c] skills as a fourth tier is a simplification.
export const DBT_TIERS = ['life-threatening', 'therapy-interfering', 'quality-of-life', 'skills'] as const;
/** Suggestions for the free-text category (the sidebar offers them; any short text is allowed). */
export const SUGGESTED_CATEGORIES = ['mood', 'anxiety', 'sleep', 'relationships', 'work', 'safety', 'self-care', 'self-esteem', 'trauma', 'substance use', 'skills'] as const;

const list = (xs: readonly string[]) => xs.join(', ');

export const horizonSchema = z.enum(HORIZONS, expected(`a horizon (${list(HORIZONS)})`));
export const goalTypeSchema = z.enum(GOAL_TYPES, expected(`a goal type (${list(GOAL_TYPES)})`));
export const domainSchema = z.enum(DOMAINS, expected(`a domain (${list(DOMAINS)})`));
export const modalitySchema = z.enum(MODALITIES, expected(`a modality (${list(MODALITIES)})`));
export const statusSchema = z.enum(STATUSES, expected(`a status (${list(STATUSES)})`));
export const instrumentIdSchema = z.enum(INSTRUMENT_IDS, expected(`an instrument id (${list(INSTRUMENT_IDS)})`));
export const dbtTierSchema = z.enum(DBT_TIERS, expected(`a DBT target tier (${list(DBT_TIERS)})`));
export const categorySchema = text('a category such as "mood" or "sleep"', LIMITS.shortText);

const idExpectation = expected(`an id of 1–${LIMITS.id} letters, digits, '.', ':', '_' or '-'`);
export const idSchema = z.string(idExpectation).check(z.refine((s) => new RegExp(`^[A-Za-z0-9._:-]{1,${LIMITS.id}}$`).test(s), idExpectation));

// ---------------------------------------------------------------------------
// Client codes: Attain stores codes, never names.
// ---------------------------------------------------------------------------

const CLIENT_CODE = /^[A-Za-z0-9_-]{2,20}$/;
const clientCodeExpectation = expected('a client code of 2–20 letters, digits, "-" or "_" (e.g. "C-0142")');
export const clientCodeSchema = z.string(clientCodeExpectation).check(z.refine((s) => CLIENT_CODE.test(s), clientCodeExpectation));

/** Warnings for a client code that looks like identifying data (a name, email or phone/ID number); empty when it looks like a code. */
export function clientCodeWarnings(code: string): string[] {
  const warnings: string[] = [];
  const raw = code.trim();
  const shown = JSON.stringify(raw);
  if (/@/.test(raw)) {
    warnings.push(`${shown} looks like an email address. Attain stores client codes, never contact details; use a clinic code such as "C-0142".`);
  }
  // Phone, NHS and other ID numbers, and dates of birth all carry 7+ digits.
  if ((raw.match(/\d/g) ?? []).length >= 7) {
    warnings.push(`${shown} has 7 or more digits, like a phone number, ID number or date of birth. Use a short clinic code such as "C-0142".`);
  }
  if (looksLikeName(raw)) {
    warnings.push(`${shown} looks like a personal name. Attain stores client codes, never names; use a clinic code such as "C-0142".`);
  }
  return warnings;
}

function looksLikeName(raw: string): boolean {
  if (raw === '' || /[\d@]/.test(raw)) return false;
  if (/^[A-Z][a-z]+(?:[A-Z][a-z]+)+$/.test(raw)) return true; // "JaneSmith"
  const words = raw.split(/[\s._,-]+/).filter((w) => w !== '');
  if (!words.every((w) => /^[\p{L}']+$/u.test(w))) return false;
  if (words.length >= 2) {
    // "Jane Smith", "jane smith", "J. Smith", "Smith, Jane", "jane_smith"; all-caps pairs ("AB-CD") read as codes.
    return words.some((w) => /\p{Ll}/u.test(w)) && words.some((w) => w.length >= 2);
  }
  return /^\p{Lu}\p{Ll}{2,}$/u.test(raw); // a lone capitalised word: "Jane"
}

// ---------------------------------------------------------------------------
// GAS scale
// ---------------------------------------------------------------------------

// [S1] −2 much less than expected … +2 much more than expected.
export const GAS_LEVELS = [-2, -1, 0, 1, 2] as const;
export type GasLevel = (typeof GAS_LEVELS)[number];
export const GAS_LEVEL_LABELS: Record<GasLevel, string> = {
  [-2]: 'much less than expected',
  [-1]: 'less than expected',
  [0]: 'expected outcome',
  [1]: 'more than expected',
  [2]: 'much more than expected',
};

const signed = (level: GasLevel) => `${level > 0 ? '+' : ''}${level}`;
const anchor = (level: GasLevel) => text(`the ${signed(level)} anchor (${GAS_LEVEL_LABELS[level]})`);

export const gasAnchorsSchema = z
  .object(
    { '-2': anchor(-2), '-1': anchor(-1), '0': anchor(0), '1': anchor(1), '2': anchor(2) },
    expected('five GAS anchors keyed -2, -1, 0, 1, 2'),
  )
  .check(
    z.superRefine((anchors, ctx) => {
      // Copy-pasted anchors make two levels indistinguishable at review.
      const seen = new Map<string, GasLevel>();
      for (const level of GAS_LEVELS) {
        const key = String(level) as keyof typeof anchors;
        const value = anchors[key].trim().toLowerCase();
        const earlier = seen.get(value);
        if (earlier !== undefined) {
          ctx.addIssue({ code: 'custom', path: [key], input: anchors[key], message: `Expected the ${signed(level)} anchor to differ from the ${signed(earlier)} anchor; got the same text` });
        } else seen.set(value, level);
      }
    }),
  );

export const gasScaleSchema = z.object(
  {
    anchors: gasAnchorsSchema,
    // [S2] baseline −1 when the client has some ability, −2 when none at all.
    baseline: z.literal([-1, -2], expected('a baseline of -1 (some ability) or -2 (none at all)')),
    // [S2] importance (client) and difficulty (therapist) each rated 0–3.
    importance: wholeNumber('importance', 0, 3),
    difficulty: wholeNumber('difficulty', 0, 3),
  },
  expected('a GAS scale (anchors -2…+2, baseline, importance, difficulty)'),
);

/** [S7] Turner-Stokes weight = importance × difficulty, 0–9; 0 on either scale drops the goal from the T-score. */
export function gasWeight(scale: { readonly importance: number; readonly difficulty: number }): number {
  return scale.importance * scale.difficulty;
}

// ---------------------------------------------------------------------------
// SMART fields and status
// ---------------------------------------------------------------------------

export const TARGET_DIRECTIONS = ['at-least', 'at-most'] as const;

export const targetSchema = z.object(
  {
    value: z.number(expected('a numeric target such as 20')),
    unit: text('a target unit such as "minutes"', LIMITS.shortText),
    // Which side of the value counts as success: "at least 5 walks" vs "at most 5 checks".
    direction: z.optional(z.enum(TARGET_DIRECTIONS, expected(`a target direction (${list(TARGET_DIRECTIONS)})`))),
  },
  expected('a target with a numeric value and a unit (e.g. 20 minutes)'),
);

const smartShape = {
  behaviour: text('an observable behaviour (what someone would see the client doing)'),
  measure: text('a measure (how the behaviour is counted or rated)'),
  target: targetSchema,
  frequency: text('a frequency such as "3 times a week"', LIMITS.shortText),
  deadline: isoDate('a deadline'),
};

const statusShape = {
  status: statusSchema,
  statusDate: isoDate('a status date'),
  // Required for every status but "active" (checked below).
  statusReason: z.optional(z.string(expected(`a status reason as text of up to ${LIMITS.text} characters`)).check(z.maxLength(LIMITS.text, expected(`a status reason of up to ${LIMITS.text} characters`)))),
};

const coreShape = {
  statement: text('a goal statement'),
  type: goalTypeSchema,
  domain: domainSchema,
};

const asRecord = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {});

// Status reason and 'other' modality depend on sibling fields; `when` runs this even after other fields failed, so the sidebar sees every problem at once.
const crossFieldRule = z.superRefine<unknown>(
  (value, ctx) => {
    const v = asRecord(value);
    const status = v.status;
    const reason = v.statusReason;
    if (typeof status === 'string' && status !== 'active' && (typeof reason !== 'string' || reason.trim() === '')) {
      ctx.addIssue({ code: 'custom', path: ['statusReason'], input: reason, message: `Expected a reason for status "${status}" (why it was ${status}); got ${describeValue(reason)}` });
    }
    if (v.modality === 'other' && (typeof v.modalityOther !== 'string' || v.modalityOther.trim() === '')) {
      ctx.addIssue({ code: 'custom', path: ['modalityOther'], input: v.modalityOther, message: `Expected the modality's name when modality is "other"; got ${describeValue(v.modalityOther)}` });
    }
  },
  { when: () => true },
);

const modalityOtherSchema = z.optional(text('a modality name', LIMITS.shortText));

const objectiveShape = {
  horizon: z.literal('short', expected('horizon "short" for an objective')),
  ...coreShape,
  category: z.optional(categorySchema),
  modality: z.optional(modalitySchema),
  modalityOther: modalityOtherSchema,
  values: z.optional(text('a values statement ("why this matters")')),
  ...smartShape,
  gas: gasScaleSchema,
  ...statusShape,
};

const goalShape = {
  horizon: z.literal('long', expected('horizon "long" for a long-term goal')),
  ...coreShape,
  category: categorySchema,
  modality: modalitySchema,
  modalityOther: modalityOtherSchema,
  values: text('a values statement ("why this matters")'),
  deadline: isoDate('a deadline'),
  dbtTier: z.optional(dbtTierSchema),
  ...statusShape,
};

const planShape = {
  clientCode: clientCodeSchema,
  title: text('a plan title', LIMITS.title),
  templateId: z.optional(idSchema),
  startDate: isoDate('a start date'),
  // [seed 003] schedule a formal goal review every 4–6 sessions.
  reviewEverySessions: z.optional(wholeNumber('a review interval in sessions', 1, 12)),
  measures: z
    .array(instrumentIdSchema, expected('a list of instrument ids'))
    .check(z.refine((ids) => new Set(ids).size === ids.length, expected('each instrument listed once', (ids) => `${describeValue(ids)} with repeats`))),
};

const objectivesRange = `${LIMITS.objectivesPerGoal.min}–${LIMITS.objectivesPerGoal.max} short-term objectives per goal`;
const goalsRange = `${LIMITS.goalsPerPlan.min}–${LIMITS.goalsPerPlan.max} long-term goals`;

function objectivesArray<T extends z.ZodMiniType>(objective: T) {
  const e = expected(objectivesRange, countOf);
  return z.array(objective, expected(`a list of ${objectivesRange}`)).check(z.minLength(LIMITS.objectivesPerGoal.min, e), z.maxLength(LIMITS.objectivesPerGoal.max, e));
}

function goalsArray<T extends z.ZodMiniType>(goal: T) {
  const e = expected(goalsRange, countOf);
  return z.array(goal, expected(`a list of ${goalsRange}`)).check(z.minLength(LIMITS.goalsPerPlan.min, e), z.maxLength(LIMITS.goalsPerPlan.max, e));
}

// ---------------------------------------------------------------------------
// Stored plan (every id assigned) and the sidebar's input (ids optional until the server assigns them)
// ---------------------------------------------------------------------------

export const objectiveSchema = z.object({ id: idSchema, ...objectiveShape }, expected('an objective')).check(crossFieldRule);
export const longTermGoalSchema = z.object({ id: idSchema, ...goalShape, objectives: objectivesArray(objectiveSchema) }, expected('a long-term goal')).check(crossFieldRule);
export const planSchema = z.object({ id: idSchema, ...planShape, goals: goalsArray(longTermGoalSchema) }, expected('a plan'));

export const objectiveInputSchema = z.object({ id: z.optional(idSchema), ...objectiveShape }, expected('an objective')).check(crossFieldRule);
export const longTermGoalInputSchema = z.object({ id: z.optional(idSchema), ...goalShape, objectives: objectivesArray(objectiveInputSchema) }, expected('a long-term goal')).check(crossFieldRule);
/** What the sidebar sends when saving a plan: a plan whose ids may be missing. */
export const planInputSchema = z.object({ id: z.optional(idSchema), ...planShape, goals: goalsArray(longTermGoalInputSchema) }, expected('a plan'));

export type Horizon = (typeof HORIZONS)[number];
export type GoalType = (typeof GOAL_TYPES)[number];
export type Domain = (typeof DOMAINS)[number];
export type Modality = (typeof MODALITIES)[number];
export type GoalStatus = (typeof STATUSES)[number];
export type InstrumentId = (typeof INSTRUMENT_IDS)[number];
export type DbtTier = (typeof DBT_TIERS)[number];
export type GasAnchors = z.infer<typeof gasAnchorsSchema>;
export type GasScale = z.infer<typeof gasScaleSchema>;
export type Target = z.infer<typeof targetSchema>;
export type Objective = z.infer<typeof objectiveSchema>;
export type LongTermGoal = z.infer<typeof longTermGoalSchema>;
export type Plan = z.infer<typeof planSchema>;
export type ObjectiveInput = z.infer<typeof objectiveInputSchema>;
export type LongTermGoalInput = z.infer<typeof longTermGoalInputSchema>;
export type PlanInput = z.infer<typeof planInputSchema>;

// ---------------------------------------------------------------------------
// Field-level errors for the sidebar
// ---------------------------------------------------------------------------

/** The slice of a zod safeParse result that fieldErrors reads. */
export interface ParseResultLike {
  readonly success: boolean;
  readonly error?: { readonly issues: ReadonlyArray<{ readonly path: ReadonlyArray<PropertyKey>; readonly message: string }> };
}

/** Maps each failing field's dotted path ("goals.0.objectives.2.gas.anchors.1") to its first message; "" is the whole value. */
export function fieldErrors(result: ParseResultLike): Record<string, string> {
  const out: Record<string, string> = {};
  if (result.success || !result.error) return out;
  for (const issue of result.error.issues) {
    const key = issue.path.map((p) => String(p)).join('.');
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}
