// Generic scoring from a definition: item checks, reverse items, missing-item rule, totals, subscales, bands, cut-offs, critical flags.
import { fail, show } from '../errors';
import { compareAt, isBlank, roundTo } from '../numbers';
import { instrumentKey } from './registry';
import type { Band, InstrumentDefinition } from './schema';

/** Per-call choices for the contested points; each has a documented default in the definition. */
export interface ScoreOptions {
  /** Band scheme id or name (e.g. K10 "CRUfAD"); default the definition's first scheme. */
  bandScheme?: string;
  /** Clinical cut-off, only within the definition's allowed range (e.g. PCL-5 31–33). */
  cutoff?: number;
  /** Whether a score exactly at the cut-off is clinical (e.g. ORS at 25); default from the definition. */
  atCutoffIsClinical?: boolean;
}

/** The total or one subscale, ready to sum. */
export interface ScoredSet {
  id: string;
  name: string;
  keys: string[];
  idx: number[];
  multiplier: number;
  lo: number;
  hi: number;
  bands?: readonly Band[];
}

export interface Compiled {
  def: InstrumentDefinition;
  count: number;
  width: number;
  lo: number;
  hi: number;
  integer: boolean;
  scale: number;
  decimals: number;
  rev: boolean[];
  na: boolean[];
  never: boolean[];
  total: ScoredSet | null;
  subscales: ScoredSet[];
  expected: string;
}

export interface InstrumentScore {
  /** null when the missing-item rule gives no score (or the instrument reports no total). */
  total: number | null;
  subscales: Record<string, number | null>;
  missing: number;
  notApplicable: number;
  prorated: boolean;
  flags: string[];
  extras: Record<string, number | null>;
}

// N/A spellings accepted in an item that allows it ([S38c] WSAS work item).
const NA = /^\s*(n\/?a|not applicable)\s*$/i;

// Module-level aliases: hot loops then avoid a global lookup per cell.
const abs = Math.abs;
const round = Math.round;

const cache = new WeakMap<InstrumentDefinition, Compiled>();

function makeSet(id: string, name: string, keys: string[], items: readonly number[], multiplier: number, d: InstrumentDefinition, bands?: readonly Band[]): ScoredSet {
  const n = items.length;
  return { id, name, keys: keys.map(instrumentKey), idx: items.map((i) => i - 1), multiplier, lo: n * d.items.min * multiplier, hi: n * d.items.max * multiplier, bands };
}

/** Precomputes index arrays once per definition so scoring a row is plain loops. */
export function compile(def: InstrumentDefinition): Compiled {
  const hit = cache.get(def);
  if (hit) return hit;
  const { count, min, max } = def.items;
  const step = def.items.step ?? 1;
  const integer = step === 1 && Number.isInteger(min);
  const decimals = integer ? 0 : Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
  const flag = (list?: readonly number[]) => Array.from({ length: count }, (_, i) => !!list && list.indexOf(i + 1) >= 0);
  const all = Array.from({ length: count }, (_, i) => i + 1);
  const c: Compiled = {
    def,
    count,
    width: count + (def.extras?.length ?? 0),
    lo: min,
    hi: max,
    integer,
    scale: 1 / step,
    decimals,
    rev: flag(def.reverse),
    na: flag(def.items.notApplicable),
    never: flag(def.missing.never),
    total: def.noTotal ? null : makeSet('total', 'Total', ['total', ''], all, 1, def),
    subscales: (def.subscales ?? []).map((s) => makeSet(s.id, s.name, [s.id, s.name, ...(s.aliases ?? [])], s.items, s.multiplier ?? 1, def, s.bands)),
    expected: (integer ? `a whole number from ${min} to ${max}` : `a number from ${min} to ${max} in steps of ${step}`) + (def.items.notApplicable?.length ? ' (or "N/A" where allowed)' : ''),
  };
  cache.set(def, c);
  return c;
}

function rowText(row?: number): string {
  return row === undefined ? '' : ` (row ${row})`;
}

/** One answer the scorer cannot read: where in the row, what it expects there, and what came. */
export interface ItemProblem {
  /** 0-based position in the row (items, then extras); null when the row has the wrong number of values. */
  index: number | null;
  /** What is at that position: "item 4", an extra's label, or "item values" for the count. */
  what: string;
  /** What would be read, e.g. "a whole number from 0 to 3" or "9 item values". */
  expected: string;
  got: unknown;
}

const countExtra = (c: Compiled) => (c.width > c.count ? ` (or ${c.width} with ${c.def.extras!.map((e) => e.label).join(', ')})` : '');

/** A problem as the sheet functions say it: "<name> item 4 must be …; got 7 (row 3)". */
function problemMessage(c: Compiled, p: ItemProblem, rowNo?: number): string {
  if (p.index === null) return `${c.def.name} expects ${c.count} item values per row${countExtra(c)}; got ${p.got as number}${rowText(rowNo)}`;
  const tail = p.index >= c.count ? ' (never added to the total)' : '';
  return `${c.def.name} ${p.what} must be ${p.expected}${tail}; got ${show(p.got)}${rowText(rowNo)}`;
}

/**
 * Checks one row of answers and writes each item's raw value into `out` (NaN for a missing or N/A item); returns the N/A count.
 * Without `problems` the first problem throws; with it every problem is collected there (and its value read as missing).
 */
export function readRow(c: Compiled, row: ArrayLike<unknown>, out: number[], rowNo?: number, problems?: ItemProblem[]): number {
  const n = row.length;
  if (n !== c.count && n !== c.width) {
    const p: ItemProblem = { index: null, what: 'item values', expected: `${c.count} ${c.def.name} item values${countExtra(c)}`, got: n };
    if (!problems) throw new Error(problemMessage(c, p, rowNo));
    problems.push(p);
    return 0;
  }
  const { lo, hi, integer, scale } = c;
  let na = 0;
  for (let i = 0; i < c.count; i++) {
    const v = row[i];
    if (v === '' || v === null || v === undefined) {
      out[i] = NaN;
    } else if (typeof v === 'number' && v >= lo && v <= hi && (integer ? v % 1 === 0 : abs((v - lo) * scale - round((v - lo) * scale)) < 1e-7)) {
      out[i] = v;
    } else if (c.na[i] && typeof v === 'string' && NA.test(v)) {
      out[i] = NaN;
      na++;
    } else {
      const p: ItemProblem = { index: i, what: `item ${i + 1}`, expected: c.expected, got: v };
      if (!problems) throw new Error(problemMessage(c, p, rowNo));
      problems.push(p);
      out[i] = NaN;
    }
  }
  for (let i = c.count; i < n; i++) {
    const e = c.def.extras![i - c.count];
    const v = row[i];
    if (!isBlank(v) && !(typeof v === 'number' && v >= e.min && v <= e.max && v % 1 === 0)) {
      const p: ItemProblem = { index: i, what: e.label, expected: `a whole number from ${e.min} to ${e.max}`, got: v };
      if (!problems) throw new Error(problemMessage(c, p, rowNo));
      problems.push(p);
      out[i] = NaN;
      continue;
    }
    out[i] = isBlank(v) ? NaN : (v as number);
  }
  return na;
}

/** Every problem in one row of answers (count, range, step, extras), none when the scorer can read it: the same reader as scoring. */
export function itemProblems(def: InstrumentDefinition, row: ArrayLike<unknown>): ItemProblem[] {
  const c = compile(def);
  const problems: ItemProblem[] = [];
  readRow(c, row, new Array<number>(c.width), undefined, problems);
  return problems;
}

/** Score of one set from checked raw values, or null when the missing-item rule gives none. */
export function scoreSet(c: Compiled, set: ScoredSet, vals: readonly number[]): number | null {
  const idx = set.idx;
  const flip = c.lo + c.hi;
  let sum = 0;
  let missing = 0;
  for (let j = 0; j < idx.length; j++) {
    const k = idx[j];
    const v = vals[k];
    if (v !== v) {
      // a safety item may never be prorated ([S8] policy for PHQ-9 item 9)
      if (c.never[k]) return null;
      missing++;
    } else sum += c.rev[k] ? flip - v : v;
  }
  // nothing answered is no score, even when the rule would allow that many missing (a set no larger than maxMissing)
  if (missing > c.def.missing.maxMissing || missing === idx.length) return null;
  // [S36a] [S36b] prorating: item count × total ÷ answered
  if (missing > 0) return ((sum * idx.length) / (idx.length - missing)) * set.multiplier;
  sum *= set.multiplier;
  return c.integer ? sum : roundTo(sum, c.decimals);
}

/** The total for a blank or "total" name, else the subscale whose id, name or alias matches. */
export function findSet(c: Compiled, name?: unknown): ScoredSet {
  const key = isBlank(name) ? 'total' : typeof name === 'string' ? instrumentKey(name) : null;
  if (key === 'total' && c.total) return c.total;
  for (const s of c.subscales) if (key !== null && s.keys.indexOf(key) >= 0) return s;
  const names = c.subscales.map((s) => s.name);
  const choices = (c.total ? ['Total'] : []).concat(names).join(', ');
  if (key === 'total') throw new Error(`${c.def.name} reports no total; name a subscale: ${names.join(', ')}`);
  throw new Error(`Unknown ${c.def.name} subscale ${show(name)}; expected one of ${choices}`);
}

/** Full result for one respondent: total, every subscale, counts and critical flags. */
export function scoreItems(def: InstrumentDefinition, row: ArrayLike<unknown>): InstrumentScore {
  const c = compile(def);
  const vals: number[] = new Array(c.width);
  const notApplicable = readRow(c, row, vals);
  let missing = 0;
  for (let i = 0; i < c.count; i++) if (vals[i] !== vals[i]) missing++;
  const subscales: Record<string, number | null> = {};
  for (const s of c.subscales) subscales[s.id] = scoreSet(c, s, vals);
  const extras: Record<string, number | null> = {};
  def.extras?.forEach((e, i) => (extras[e.id] = row.length > c.count && vals[c.count + i] === vals[c.count + i] ? vals[c.count + i] : null));
  const total = c.total ? scoreSet(c, c.total, vals) : null;
  return { total, subscales, missing, notApplicable, prorated: total !== null && missing > 0, flags: flagsOf(c, vals), extras };
}

function flagsOf(c: Compiled, vals: readonly number[]): string[] {
  const out: string[] = [];
  // raw (unreversed) values: a critical rule reads the answer as given
  for (const r of c.def.critical ?? []) if (vals[r.item - 1] >= r.atLeast) out.push(r.message);
  return out;
}

/** Safety messages for endorsed critical items, whatever the total. */
export function criticalFlags(def: InstrumentDefinition, row: ArrayLike<unknown>, rowNo?: number): string[] {
  const c = compile(def);
  const vals: number[] = new Array(c.width);
  readRow(c, row, vals, rowNo);
  return flagsOf(c, vals);
}

/** The critical (safety) items left blank, 1-based and in definition order: a blank safety item is a question not asked, never a "no". */
export function unansweredCritical(def: InstrumentDefinition, row: ArrayLike<unknown>): number[] {
  const out: number[] = [];
  for (const r of def.critical ?? []) {
    const v = row[r.item - 1];
    if ((v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) && out.indexOf(r.item) < 0) out.push(r.item);
  }
  return out;
}

/** Checks a typed-in score: a number inside the set's range (whole, and a multiple of the multiplier, when it must be). */
export function checkScore(c: Compiled, set: ScoredSet, score: unknown, what = 'score'): number {
  const label = `${c.def.name} ${set === c.total ? 'total' : `${set.name} score`}`;
  const whole = c.integer && c.def.missing.maxMissing === 0;
  const m = set.multiplier;
  const expected = `${whole ? (m === 1 ? 'a whole number' : `a whole multiple of ${m}`) : 'a number'} from ${set.lo} to ${set.hi}`;
  if (typeof score !== 'number' || !(score >= set.lo && score <= set.hi) || (whole && score % m !== 0)) fail(`${label} (${what})`, expected, score);
  return score;
}

/** Band label for a score; the total uses the chosen scheme, a subscale its own bands; without bands, the cut-off labels. */
export function bandLabel(def: InstrumentDefinition, score: unknown, subscale?: unknown, options: ScoreOptions = {}): string {
  const c = compile(def);
  const set = findSet(c, subscale);
  const s = checkScore(c, set, score);
  let bands = set.bands;
  if (set === c.total && def.bandSchemes) {
    const want = options.bandScheme === undefined || options.bandScheme === '' ? null : instrumentKey(options.bandScheme);
    const scheme = want === null ? def.bandSchemes[0] : def.bandSchemes.find((b) => instrumentKey(b.id) === want || instrumentKey(b.name) === want);
    if (!scheme) throw new Error(`Unknown ${def.name} band scheme ${show(options.bandScheme)}; expected one of ${def.bandSchemes.map((b) => b.name).join(', ')}`);
    bands = scheme.bands;
  } else if (options.bandScheme) {
    throw new Error(`${def.name} has one band scheme only; got band scheme ${show(options.bandScheme)}`);
  }
  if (!bands) {
    if (set === c.total && def.cutoff) return isClinical(def, s, options) ? def.cutoff.clinicalLabel : def.cutoff.nonClinicalLabel;
    throw new Error(`${def.name} has no bands for ${set === c.total ? 'the total' : set.name}`);
  }
  let label = bands[0].label;
  // Band edges compared at the threshold precision, as the sheet's ROUND(total, 9) >= min.
  for (let i = 1; i < bands.length; i++) if (compareAt(s, bands[i].min) >= 0) label = bands[i].label;
  return label;
}

/** Whether a total is on the clinical side of the cut-off; the side follows the direction, the boundary the option or default. */
export function isClinical(def: InstrumentDefinition, score: number, options: ScoreOptions = {}): boolean {
  const cut = def.cutoff;
  if (!cut) throw new Error(`${def.name} has no clinical cut-off`);
  let value = cut.value;
  if (options.cutoff !== undefined) {
    if (!cut.range) fail(`${def.name} cut-off`, `${cut.value} (it is not configurable)`, options.cutoff);
    if (typeof options.cutoff !== 'number' || !(options.cutoff >= cut.range[0] && options.cutoff <= cut.range[1])) fail(`${def.name} cut-off`, `a number from ${cut.range[0]} to ${cut.range[1]}`, options.cutoff);
    value = options.cutoff;
  }
  const atCut = options.atCutoffIsClinical ?? cut.atCutoffIsClinical;
  // At the threshold precision, as the sheet formulas compare (numbers.ts THRESHOLD_DECIMALS).
  const side = compareAt(score, value);
  if (side === 0) return atCut;
  return def.direction === 'higher-is-worse' ? side > 0 : side < 0;
}
