// The one zod/mini schema every instrument definition passes, built-in or a clinic's own, plus cross-field checks.
import * as z from 'zod/mini';

const text = z.string().check(z.minLength(1));
const itemNo = z.int().check(z.gte(1));
const positive = z.number().check(z.gt(0));

/** A band starts at `min` and runs up to the next band's min; the last runs to the scale maximum. */
const Band = z.object({ min: z.number(), label: text });

const BandScheme = z.object({ id: text, name: text, source: text, bands: z.array(Band).check(z.minLength(1)) });

const Subscale = z.object({
  id: text,
  name: text,
  aliases: z.optional(z.array(text)),
  items: z.array(itemNo).check(z.minLength(1)),
  /** Applied to the raw sum, e.g. ×2 for DASS-21. */
  multiplier: z.optional(positive),
  bands: z.optional(z.array(Band).check(z.minLength(1))),
  source: z.optional(text),
});

/** Which side is clinical follows `direction`; `atCutoffIsClinical` settles the exact boundary value. */
const Cutoff = z.object({
  value: z.number(),
  atCutoffIsClinical: z.boolean(),
  /** Values a clinic may choose instead of the default (inclusive); absent means not configurable. */
  range: z.optional(z.tuple([z.number(), z.number()])),
  clinicalLabel: text,
  nonClinicalLabel: text,
  note: text,
  source: text,
});

const ReliableChange = z.object({
  /** Smallest change in total points that counts as reliable. */
  points: z.optional(positive),
  /** Pre-treatment SD and reliability for a Jacobson–Truax RCI. */
  sd: z.optional(positive),
  reliability: z.optional(z.number().check(z.gte(0), z.lt(1))),
  note: z.optional(text),
  source: text,
});

const Critical = z.object({ item: itemNo, atLeast: z.number(), message: text, source: text });

const Missing = z.object({
  /** 0 = strict (any missing item gives no score); n = prorate up to n missing items: count × sum ÷ answered. */
  maxMissing: z.int().check(z.gte(0)),
  /** Items that may never be missing for a prorated score (e.g. a safety item). */
  never: z.optional(z.array(itemNo)),
  source: text,
});

/** A recorded answer outside the scored items, never summed (e.g. PHQ-9 functional difficulty). */
const Extra = z.object({ id: text, label: text, min: z.number(), max: z.number(), source: text });

const ItemText = z.object({ stem: z.optional(text), items: z.array(text), attribution: text });

export const InstrumentSchema = z.object({
  id: z.string().check(z.regex(/^[a-z0-9]+$/)),
  name: text,
  aliases: z.array(text),
  items: z.object({
    count: itemNo,
    min: z.number(),
    max: z.number(),
    /** Allowed increment; default 1 (whole numbers). ORS/SRS use 0.1. */
    step: z.optional(positive),
    /** Short neutral labels; default "Item n". */
    labels: z.optional(z.array(text)),
    /** Items that may be answered "N/A" (counted as missing for the total). */
    notApplicable: z.optional(z.array(itemNo)),
  }),
  reverse: z.optional(z.array(itemNo)),
  /** True when the instrument reports only subscales (DASS-21). */
  noTotal: z.optional(z.boolean()),
  subscales: z.optional(z.array(Subscale)),
  direction: z.enum(['higher-is-worse', 'higher-is-better']),
  /** Total-score band schemes; the first is the default. */
  bandSchemes: z.optional(z.array(BandScheme).check(z.minLength(1))),
  cutoff: z.optional(Cutoff),
  reliableChange: z.optional(ReliableChange),
  critical: z.optional(z.array(Critical)),
  missing: Missing,
  extras: z.optional(z.array(Extra)),
  loinc: z.optional(z.string().check(z.regex(/^\d+-\d$/))),
  licence: text,
  /** Whether the licence lets us ship item wording; itemText is refused when false. */
  itemTextAllowed: z.boolean(),
  itemText: z.optional(ItemText),
  sources: z.array(text).check(z.minLength(1)),
});

export type InstrumentDefinition = z.infer<typeof InstrumentSchema>;
export type Band = z.infer<typeof Band>;

export interface FieldError {
  path: string;
  message: string;
}

export type Validation = { ok: true; value: InstrumentDefinition } | { ok: false; errors: FieldError[] };

function at(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const k of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

function got(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return `a list of ${v.length}`;
  if (v !== null && typeof v === 'object') return 'an object';
  return String(v);
}

/** zod/mini ships no messages, so each issue is described here from its code. */
function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  const value = got(at(input, issue.path));
  const i = issue as unknown as Record<string, unknown>;
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${i.expected === 'int' ? 'a whole number' : `a ${String(i.expected)}`}; got ${value}`;
    case 'too_small':
      return i.origin === 'array' || i.origin === 'string'
        ? `expected at least ${String(i.minimum)} ${i.origin === 'array' ? 'entries' : 'characters'}; got ${value}`
        : `expected a number ${i.inclusive ? '≥' : '>'} ${String(i.minimum)}; got ${value}`;
    case 'too_big':
      return i.origin === 'array' ? `expected at most ${String(i.maximum)} entries; got ${value}` : `expected a number ${i.inclusive ? '≤' : '<'} ${String(i.maximum)}; got ${value}`;
    case 'invalid_value':
      return `expected one of ${(i.values as unknown[]).map((v) => JSON.stringify(v)).join(', ')}; got ${value}`;
    case 'invalid_format':
      return `expected ${issue.path[0] === 'id' ? 'lower-case letters and digits only' : 'the format NNNNN-N'}; got ${value}`;
    default:
      return `invalid value; got ${value}`;
  }
}

/** Checks the schema cannot express: item numbers in range, bands ascending, text only where licensed. */
function crossCheck(d: InstrumentDefinition): FieldError[] {
  const errors: FieldError[] = [];
  const { count, min, max } = d.items;
  const step = d.items.step ?? 1;
  const err = (path: string, message: string) => errors.push({ path, message });
  const items = (path: string, list: readonly number[] | undefined) =>
    list?.forEach((n, i) => {
      if (n > count) err(`${path}.${i}`, `expected an item number from 1 to ${count}; got ${n}`);
    });
  if (!(max > min)) err('items.max', `expected a maximum above the minimum ${min}; got ${max}`);
  // A minimum off the step grid would make core round totals the sheet's formulas leave unrounded.
  const offset = min / step;
  if (Math.abs(offset - Math.round(offset)) > 1e-9) err('items.min', `expected a minimum that is a multiple of the step ${step}; got ${min}`);
  const steps = (max - min) / step;
  if (Math.abs(steps - Math.round(steps)) > 1e-9) err('items.step', `expected a step that divides ${min}–${max} evenly; got ${step}`);
  if (d.items.labels && d.items.labels.length !== count) err('items.labels', `expected ${count} labels; got ${d.items.labels.length}`);
  items('items.notApplicable', d.items.notApplicable);
  items('reverse', d.reverse);
  items('missing.never', d.missing.never);
  if (d.missing.maxMissing >= count) err('missing.maxMissing', `expected fewer than ${count} (the item count); got ${d.missing.maxMissing}`);
  const ascending = (path: string, bands: readonly Band[]) =>
    bands.forEach((b, i) => {
      if (i > 0 && !(b.min > bands[i - 1].min)) err(`${path}.${i}.min`, `expected bands in ascending order, above ${bands[i - 1].min}; got ${b.min}`);
    });
  const ids = new Set<string>();
  d.subscales?.forEach((s, i) => {
    if (ids.has(s.id)) err(`subscales.${i}.id`, `expected a unique subscale id; got ${JSON.stringify(s.id)} twice`);
    ids.add(s.id);
    items(`subscales.${i}.items`, s.items);
    if (s.bands) ascending(`subscales.${i}.bands`, s.bands);
  });
  d.bandSchemes?.forEach((s, i) => ascending(`bandSchemes.${i}.bands`, s.bands));
  if (d.noTotal && !d.subscales?.length) err('subscales', 'expected at least one subscale when noTotal is set; got none');
  d.critical?.forEach((c, i) => {
    if (c.item > count) err(`critical.${i}.item`, `expected an item number from 1 to ${count}; got ${c.item}`);
    if (!(c.atLeast > min && c.atLeast <= max)) err(`critical.${i}.atLeast`, `expected a threshold above ${min} and at most ${max}; got ${c.atLeast}`);
  });
  const c = d.cutoff;
  if (c?.range && !(c.range[0] <= c.value && c.value <= c.range[1])) err('cutoff.range', `expected a range that holds the default ${c.value}; got ${c.range[0]}–${c.range[1]}`);
  const rc = d.reliableChange;
  if (rc && rc.points === undefined && (rc.sd === undefined || rc.reliability === undefined)) err('reliableChange', 'expected points, or both sd and reliability; got neither');
  if (d.itemText) {
    if (!d.itemTextAllowed) err('itemText', 'expected no item wording, because itemTextAllowed is false (licence); got item text');
    else if (d.itemText.items.length !== count) err('itemText.items', `expected ${count} item texts; got ${d.itemText.items.length}`);
  }
  return errors;
}

/** Validates a definition (e.g. a clinic's custom instrument from JSON); returns field errors rather than throwing. */
export function validateInstrument(json: unknown): Validation {
  const parsed = InstrumentSchema.safeParse(json);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(root)', message: describeIssue(issue, json) })) };
  const errors = crossCheck(parsed.data);
  return errors.length ? { ok: false, errors } : { ok: true, value: parsed.data };
}
