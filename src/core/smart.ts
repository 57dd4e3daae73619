// The SMART check: specific, actionable hints for an objective that is vague, unmeasured, untimed or already overdue.
import { isIsoDate } from './iso-dates';
import { describeValue } from './messages';

/** The fields smartCheck reads; all optional and loosely typed because drafts from the sidebar are incomplete. */
export interface SmartInput {
  readonly statement?: unknown;
  readonly behaviour?: unknown;
  readonly measure?: unknown;
  readonly target?: unknown;
  readonly frequency?: unknown;
  /** ISO YYYY-MM-DD (plans). */
  readonly deadline?: unknown;
  /** Weeks from the start date (templates, which have no dates). */
  readonly deadlineWeeks?: unknown;
}

export type SmartField = 'statement' | 'behaviour' | 'measure' | 'target' | 'frequency' | 'deadline';
export type SmartCode =
  | 'vague-wording'
  | 'missing-behaviour'
  | 'missing-measure'
  | 'missing-target'
  | 'target-not-numeric'
  | 'missing-target-unit'
  | 'missing-frequency'
  | 'missing-deadline'
  | 'invalid-deadline'
  | 'deadline-past';

export interface SmartHint {
  readonly field: SmartField;
  readonly code: SmartCode;
  readonly message: string;
}

export interface SmartResult {
  readonly ok: boolean;
  readonly hints: SmartHint[];
}

/** A family of vague phrases and the prompt that turns them into something observable. */
export interface VaguePhrase {
  readonly phrases: readonly string[];
  /** True when the phrase is acceptable once the objective has a measure and a numeric target ("less anxious" rated 0–10). */
  readonly onlyWithoutMeasure: boolean;
  readonly prompt: string;
}

// [seed 001] "feel better" or "be happier" lack specificity: ask what it would look like without a feeling word.
// [seed 000] "be more confident" becomes "initiate one new conversation per week".
export const VAGUE_PHRASES: readonly VaguePhrase[] = [
  {
    phrases: ['feel better', 'feeling better', 'feels better'],
    onlyWithoutMeasure: false,
    prompt: "Name what someone would see you doing when you feel better, e.g. 'walk 20 minutes' or 'phone a friend'.",
  },
  {
    phrases: ['be happier', 'be happy', 'feel happier', 'feel happy', 'happier'],
    onlyWithoutMeasure: false,
    prompt: "Name what you would be doing on a happier day, e.g. 'meet a friend for coffee once a week'.",
  },
  {
    phrases: ['do my best', 'do your best', 'do their best', 'best i can', 'best you can'],
    onlyWithoutMeasure: false,
    prompt: "Replace it with the amount you will do, e.g. 'study for 30 minutes on 4 days a week'.",
  },
  {
    phrases: ['try to', 'try and', 'trying to', 'attempt to'],
    onlyWithoutMeasure: false,
    prompt: "Name the action itself, e.g. 'walk for 20 minutes' rather than 'try to walk'.",
  },
  {
    phrases: ['be normal', 'feel normal', 'back to normal', 'be myself again', 'feel like myself'],
    onlyWithoutMeasure: false,
    prompt: "Describe what a normal day looked like, e.g. 'cook dinner 4 evenings a week' or 'see friends at the weekend'.",
  },
  {
    phrases: ['get unstuck', 'find myself', 'be at peace', 'feel in control', 'understand myself'],
    onlyWithoutMeasure: false,
    prompt: "Name one thing you would do differently if this happened, e.g. 'apply for 2 jobs a week'.",
  },
  {
    phrases: ['improve', 'improved', 'improving', 'improvement', 'get better', 'work on', 'deal with', 'cope better'],
    onlyWithoutMeasure: true,
    prompt: "Say what would change that you could count, e.g. 'sleep 7 hours on 5 nights a week' rather than 'improve sleep'.",
  },
  {
    phrases: ['more confident', 'be confident', 'feel confident', 'more self-confident'],
    onlyWithoutMeasure: true,
    prompt: "Name what you would do if you were more confident, e.g. 'speak once in each team meeting'.",
  },
  {
    phrases: ['less anxious', 'not anxious', 'stop being anxious', 'less worried', 'worry less', 'less stressed', 'manage stress', 'manage my anxiety', 'more relaxed', 'calmer'],
    onlyWithoutMeasure: true,
    prompt: "Name what you would do if you were less anxious, e.g. 'take the bus to work 3 days a week', or add a rating such as 'anxiety 0–10 at or below 4'.",
  },
  {
    phrases: ['less depressed', 'less down', 'less sad', 'less low', 'more positive', 'think positively', 'less lonely'],
    onlyWithoutMeasure: true,
    prompt: "Name what you would be doing, e.g. 'one enjoyable activity each day', or add a measure such as the PHQ-9 below 10.",
  },
  {
    phrases: ['more motivated', 'be motivated', 'get motivated'],
    onlyWithoutMeasure: true,
    prompt: "Name the action that motivation would produce, e.g. 'start one task before 10am on weekdays'.",
  },
  {
    phrases: ['as much as possible', 'as often as possible', 'more often', 'a bit more', 'a lot more'],
    onlyWithoutMeasure: true,
    prompt: "Replace it with a number, e.g. '3 times a week'.",
  },
];

const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

const normalise = (s: string) => s.toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ');
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The first phrase of `family` found as whole words in `text`, or undefined. */
function findPhrase(text: string, family: VaguePhrase): string | undefined {
  const hay = normalise(text);
  return family.phrases.find((p) => new RegExp(`(^|[^\\p{L}\\p{N}'])${escapeRegExp(p)}(?=$|[^\\p{L}\\p{N}])`, 'u').test(hay));
}

/** The vague phrases in a short free text (a task), each with its prompt: the same families smartCheck uses for objectives. */
export function vagueWording(text: string): { phrase: string; prompt: string }[] {
  const out: { phrase: string; prompt: string }[] = [];
  for (const family of VAGUE_PHRASES) {
    const phrase = findPhrase(text, family);
    if (phrase !== undefined) out.push({ phrase, prompt: family.prompt });
  }
  return out;
}

function targetValue(target: unknown): unknown {
  return typeof target === 'object' && target !== null ? (target as { value?: unknown }).value : target;
}

function targetUnit(target: unknown): unknown {
  return typeof target === 'object' && target !== null ? (target as { unit?: unknown }).unit : undefined;
}

/**
 * Checks an objective against SMART and returns a hint per problem, each naming what to add.
 * `today` (YYYY-MM-DD) enables the overdue check; the clock is never read.
 */
export function smartCheck(objective: SmartInput, today?: string): SmartResult {
  if (today !== undefined && !isIsoDate(today)) throw new Error(`smartCheck: expected today as YYYY-MM-DD; got ${describeValue(today)}`);
  const hints: SmartHint[] = [];
  const add = (field: SmartField, code: SmartCode, message: string) => hints.push({ field, code, message });

  const value = targetValue(objective.target);
  const measured = isText(objective.measure) && isNumber(value);

  // Specific: vague wording in what the client wrote.
  for (const field of ['statement', 'behaviour'] as const) {
    const written = objective[field];
    if (!isText(written)) continue;
    for (const family of VAGUE_PHRASES) {
      if (family.onlyWithoutMeasure && measured) continue;
      const phrase = findPhrase(written, family);
      if (phrase === undefined) continue;
      const why = family.onlyWithoutMeasure ? "can't be checked without a measure and a numeric target" : "describes a hope, not something anyone could see";
      add(field, 'vague-wording', `"${phrase}" ${why}. ${family.prompt}`);
    }
  }

  // Specific: an observable behaviour.
  if (!isText(objective.behaviour)) {
    add('behaviour', 'missing-behaviour', "Add the observable behaviour: what would someone see you doing? e.g. 'walk for 20 minutes after lunch'.");
  }

  // Measurable: how it is counted, and how much counts as done.
  if (!isText(objective.measure)) {
    add('measure', 'missing-measure', "Add how progress is measured, e.g. 'minutes walked, from an activity diary' or 'times checked per day, tally'.");
  }
  if (objective.target === undefined || objective.target === null || value === undefined || value === null || value === '') {
    add('target', 'missing-target', "Add a numeric target with its unit, e.g. 20 minutes or 3 times.");
  } else if (!isNumber(value)) {
    add('target', 'target-not-numeric', `Give the target as a number with a unit, e.g. 20 (minutes); got ${describeValue(value)}.`);
  } else if (!isText(targetUnit(objective.target))) {
    add('target', 'missing-target-unit', `Add the unit for the target ${value}, e.g. 'minutes', 'times' or 'hours'.`);
  }
  if (!isText(objective.frequency)) {
    add('frequency', 'missing-frequency', "Add how often, e.g. 'daily', '3 times a week' or 'each session'.");
  }

  // Time-bound: a deadline (a date in plans, a number of weeks in templates), not already past.
  const { deadline, deadlineWeeks } = objective;
  if (deadline !== undefined && deadline !== null && deadline !== '') {
    if (!isIsoDate(deadline)) {
      add('deadline', 'invalid-deadline', `Give the deadline as a date YYYY-MM-DD, e.g. 2026-03-12; got ${describeValue(deadline)}.`);
    } else if (today !== undefined && deadline < today) {
      // ISO dates compare correctly as strings.
      add('deadline', 'deadline-past', `The deadline ${deadline} is before today (${today}); set a date from ${today} on, or review the objective as achieved, modified or retired.`);
    }
  } else if (deadlineWeeks !== undefined && deadlineWeeks !== null) {
    if (!(isNumber(deadlineWeeks) && Number.isInteger(deadlineWeeks) && deadlineWeeks > 0)) {
      add('deadline', 'invalid-deadline', `Give the deadline as a whole number of weeks from the start, e.g. 6; got ${describeValue(deadlineWeeks)}.`);
    }
  } else {
    add('deadline', 'missing-deadline', "Add a deadline, e.g. 6 weeks from now; reviewing every 4–6 sessions keeps it realistic.");
  }

  return { ok: hints.length === 0, hints };
}
