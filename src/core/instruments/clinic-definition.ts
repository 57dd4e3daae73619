// A clinic's instrument rows (cells by header) → definitions that pass the built-ins' schema, or problems by row and field; an invalid row is never returned.
import { minimumReliableChange } from '../change';
import { roundTo } from '../numbers';
import { CLINIC_COLUMNS, CLINIC_KEYS, cellText, type ClinicKey, type Parsed } from './clinic-columns';
import { BUILT_IN_INSTRUMENTS, instrumentKey } from './registry';
import { validateInstrument, type InstrumentDefinition } from './schema';

/** One problem: the sheet row (or list position), the column's header and what was expected vs what came. */
export interface DefinitionProblem {
  row: number;
  field: string;
  /** "expected …; got …" */
  message: string;
}

/** The row's cells keyed by column header (as the tab is read and as templates/instruments/*.json hold them). */
export type ClinicCells = Readonly<Record<string, unknown>>;

export interface ClinicRow {
  row: number;
  cells: ClinicCells;
}

export interface ParseOptions {
  /** Definitions whose names and aliases a clinic row may not take; default the built-ins. */
  builtIns?: readonly InstrumentDefinition[];
  /** Other names a clinic row may not take (e.g. the workbook's own tab names), compared as instrument names are. */
  reserved?: readonly string[];
}

/** A problem as one line: "Row 3 · Bands: expected rising lower edges; got 10 after 15". */
export function problemText(p: DefinitionProblem): string {
  return `Row ${p.row} · ${p.field}: ${p.message}`;
}

/** Headers a subscale's column would collide with on the instrument's tab. */
const TAB_HEADERS = ['client', 'date', 'session', 'total', 'band', 'safety flag', 'change from first', 'reliable change'];

// Schema paths back to the column a clinic edits.
const PATH_FIELD: [RegExp, ClinicKey][] = [
  [/^items\.count/, 'items'],
  [/^items\.min/, 'itemMin'],
  [/^items\.(max|step)/, 'itemMax'],
  [/^reverse/, 'reverse'],
  [/^subscales/, 'subscales'],
  [/^missing/, 'missing'],
  [/^bandSchemes/, 'bands'],
  [/^cutoff/, 'cutoff'],
  [/^direction/, 'direction'],
  [/^reliableChange/, 'reliableChange'],
  [/^critical/, 'safety'],
  [/^aliases/, 'aliases'],
  [/^(licence|sources)/, 'source'],
  [/^itemText/, 'wording'],
];

const header = (k: ClinicKey) => CLINIC_COLUMNS[k].header;

/** The id a name gets: its instrument key, letters and digits only. */
export function clinicId(name: string): string {
  return instrumentKey(name).replace(/[^a-z0-9]/g, '');
}

/** The Jacobson–Truax threshold as shown beside the definition ([S39a] §7.1: 1.96 × √2 × SD × √(1 − r)). */
export function jtThresholdText(sd: number, reliability: number): string {
  return `1.96 × √2 × ${sd} × √(1 − ${reliability}) = ${roundTo(minimumReliableChange(sd, reliability), 2)} points (Jacobson–Truax)`;
}

type RequiredKey = 'name' | 'items' | 'itemMin' | 'itemMax' | 'missing' | 'direction' | 'source';
type Values = { [K in ClinicKey]?: (typeof CLINIC_COLUMNS)[K] extends { parse(t: string): Parsed<infer T> } ? T : never };

/**
 * One row → a definition or its problems. `taken` maps instrument keys already in use to their owner's name; the row's own
 * keys are added to it only when the row's names are acceptable, so a later row with the same name is told whose it is.
 */
export function parseClinicRow(cells: ClinicCells, row: number, taken: Map<string, string>): { definition: InstrumentDefinition | null; problems: DefinitionProblem[] } {
  const problems: DefinitionProblem[] = [];
  const add = (k: ClinicKey, message: string) => problems.push({ row, field: header(k), message });
  const v: Values = {};
  for (const k of CLINIC_KEYS) {
    const c = CLINIC_COLUMNS[k];
    const text = cellText(cells[c.header]);
    if (text === '') {
      if (c.required) add(k, `expected ${c.holds.charAt(0).toLowerCase()}${c.holds.slice(1).replace(/\.$/, '')}; got nothing`);
      continue;
    }
    const r = c.parse(text) as Parsed<never>;
    if (r.ok) (v as Record<string, unknown>)[k] = r.value;
    else add(k, `expected ${r.expected}; got ${r.got}`);
  }

  // Names: unique across built-ins and other rows, as the registry will look them up.
  const names: [ClinicKey, string][] = [];
  if (v.name !== undefined) {
    if (clinicId(v.name) === '') add('name', `expected a name with a letter or digit; got ${JSON.stringify(v.name)}`);
    else names.push(['name', v.name]);
  }
  for (const a of v.aliases ?? []) names.push(['aliases', a]);
  const mine = new Set<string>();
  for (const [k, n] of names) {
    for (const key of new Set([instrumentKey(n), clinicId(n)])) {
      const owner = taken.get(key);
      if (owner !== undefined) add(k, `expected a name no other instrument uses; got ${JSON.stringify(n)}, already ${owner}'s`);
      mine.add(key);
    }
  }
  if (v.name !== undefined && !problems.some((p) => p.field === header('name') || p.field === header('aliases'))) for (const key of mine) taken.set(key, v.name);

  // Cross-field checks, each reported on the column to change.
  const { items: count, itemMin: min, itemMax: max } = v;
  if (min !== undefined && max !== undefined && !(max > min)) add('itemMax', `expected a whole number above the item minimum ${min}; got ${max}`);
  const ranged = count !== undefined && min !== undefined && max !== undefined && max > min;
  const lowest = ranged ? count * min : 0;
  const highest = ranged ? count * max : 0;
  const inRange = (k: ClinicKey, list: readonly number[], what = '') => {
    if (count === undefined) return;
    const bad = list.find((n) => n > count);
    if (bad !== undefined) add(k, `expected item numbers from 1 to ${count}${what}; got ${bad}`);
  };
  if (v.reverse) inRange('reverse', v.reverse);
  const subIds = new Map<string, string>();
  for (const s of v.subscales ?? []) {
    inRange('subscales', s.items, ` in ${s.name}`);
    const id = clinicId(s.name);
    const lower = s.name.trim().toLowerCase();
    if (TAB_HEADERS.includes(lower) || /^item\s*\d+$/.test(lower)) add('subscales', `expected a subscale name other than the tab's own columns (Total, Band, Item 1 …); got ${JSON.stringify(s.name)}`);
    else if (id === '' || subIds.has(id)) add('subscales', `expected each subscale name once; got ${JSON.stringify(s.name)}${id ? ` after ${JSON.stringify(subIds.get(id))}` : ''}`);
    else subIds.set(id, s.name);
  }
  if (count !== undefined && v.missing !== undefined && v.missing >= count) add('missing', `expected fewer missing items than the ${count} items; got ${v.missing}`);
  if (v.bands && ranged) {
    if (v.bands[0].min > lowest) add('bands', `expected the first lower edge at or below the lowest total ${lowest}; got ${v.bands[0].min}`);
    const over = v.bands.find((b) => b.min > highest);
    if (over) add('bands', `expected lower edges up to the highest total ${highest}; got ${over.min}`);
  }
  if (v.cutoff && ranged) {
    const { value, op } = v.cutoff;
    if (!(value >= lowest && value <= highest)) add('cutoff', `expected a total from ${lowest} to ${highest}; got ${value}`);
    else if (op && v.direction && (op[0] === '>') !== (v.direction === 'higher-is-worse'))
      add('cutoff', `expected the clinical side to be the worse one (${v.direction === 'higher-is-worse' ? '"≥" or ">"' : '"≤" or "<"'}, as Direction says ${v.direction.replace(/-/g, ' ')}); got ${op}`);
  }
  let points: number | undefined;
  if (v.reliableChange) {
    const rc = v.reliableChange;
    points = 'points' in rc ? rc.points : minimumReliableChange(rc.sd, rc.reliability);
    if (ranged && !(points <= highest - lowest)) add('reliableChange', `expected a change of at most ${highest - lowest} points (the total's range); got ${roundTo(points, 2)}`);
  }
  for (const s of v.safety ?? []) {
    if (count !== undefined && s.item > count) add('safety', `expected item numbers from 1 to ${count}; got ${s.item}`);
    if (ranged && !(s.atLeast > min && s.atLeast <= max)) add('safety', `expected a threshold above ${min} and at most ${max} for item ${s.item}; got ${s.atLeast}`);
  }
  if (v.wording && count !== undefined && v.wording.length !== count) add('wording', `expected ${count} lines, one per item; got ${v.wording.length}`);

  if (problems.length) return { definition: null, problems };
  const def = build(v as Values & Required<Pick<Values, RequiredKey>>, points);
  const checked = validateInstrument(def);
  if (checked.ok) return { definition: checked.value, problems };
  for (const e of checked.errors) add(PATH_FIELD.find(([re]) => re.test(e.path))?.[1] ?? 'name', e.message);
  return { definition: null, problems };
}

/** The definition from checked cell values (optional columns may still be absent). */
function build(v: Values & Required<Pick<Values, RequiredKey>>, points: number | undefined): InstrumentDefinition {
  const source = v.source;
  const safety = v.safety ?? [];
  const rc = v.reliableChange;
  const def: InstrumentDefinition = {
    id: clinicId(v.name),
    name: v.name,
    aliases: v.aliases ?? [],
    items: { count: v.items, min: v.itemMin, max: v.itemMax },
    direction: v.direction,
    // [S8] policy (§2): a safety item is never prorated
    missing: { maxMissing: v.missing, ...(v.missing > 0 && safety.length ? { never: [...new Set(safety.map((s) => s.item))].sort((a, b) => a - b) } : {}), source },
    licence: source,
    itemTextAllowed: !!v.wording,
    sources: [source],
  };
  if (v.reverse) def.reverse = v.reverse;
  if (v.subscales) def.subscales = v.subscales.map((s) => ({ id: clinicId(s.name), name: s.name, items: s.items, ...(s.multiplier !== 1 ? { multiplier: s.multiplier } : {}), source }));
  if (v.bands) def.bandSchemes = [{ id: 'clinic', name: 'Clinic', source, bands: v.bands }];
  if (v.cutoff) {
    const { value, op } = v.cutoff;
    def.cutoff = { value, atCutoffIsClinical: op === null || op === '>=' || op === '<=', clinicalLabel: 'Clinical', nonClinicalLabel: 'Non-clinical', note: 'clinic-defined', source };
  }
  if (rc && points !== undefined) {
    def.reliableChange = 'points' in rc ? { points, source } : { points, sd: rc.sd, reliability: rc.reliability, note: jtThresholdText(rc.sd, rc.reliability), source };
  }
  if (safety.length) def.critical = safety.map((s) => ({ ...s, source }));
  if (v.wording) def.itemText = { items: v.wording, attribution: source };
  return def;
}

/** The instrument keys built-ins (and reserved names) answer to, each with its owner's name. */
function takenNames(options: ParseOptions): Map<string, string> {
  const taken = new Map<string, string>();
  for (const d of options.builtIns ?? BUILT_IN_INSTRUMENTS) for (const n of [d.id, d.name, ...d.aliases]) taken.set(instrumentKey(n), `the built-in ${d.name}`);
  for (const n of options.reserved ?? []) taken.set(instrumentKey(n), `the workbook's "${n}"`);
  return taken;
}

/** Every row, in order: the valid definitions and every problem; one bad row never stops the others. */
export function parseClinicInstruments(rows: readonly ClinicRow[], options: ParseOptions = {}): { definitions: InstrumentDefinition[]; problems: DefinitionProblem[] } {
  const taken = takenNames(options);
  const definitions: InstrumentDefinition[] = [];
  const problems: DefinitionProblem[] = [];
  for (const r of rows) {
    if (CLINIC_KEYS.every((k) => cellText(r.cells[CLINIC_COLUMNS[k].header]) === '')) continue;
    const out = parseClinicRow(r.cells, r.row, taken);
    if (out.definition) definitions.push(out.definition);
    problems.push(...out.problems);
  }
  return { definitions, problems };
}
