// The row format of a clinic-defined instrument as data: each column's header, what it holds, an example and the parser of its cell (the future Instruments tab's headers and notes and the README table come from here).
import { show } from '../errors';
import { sheetsWouldCoerce } from '../sheets-literal';

/** A cell's reading: its value, or what was expected and what came. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; expected: string; got: string };

export interface ClinicSubscale {
  name: string;
  items: number[];
  multiplier: number;
}
export interface ClinicBand {
  min: number;
  label: string;
}
/** `op` is the clinical side as typed ("10" alone means at or beyond 10, the side following Direction). */
export interface ClinicCutoff {
  value: number;
  op: '>=' | '>' | '<=' | '<' | null;
}
export type ClinicReliableChange = { points: number } | { sd: number; reliability: number };
export interface ClinicSafety {
  item: number;
  atLeast: number;
  message: string;
}

export const MAX_ITEMS = 100;
export const MAX_ITEM_VALUE = 1000;
const MAX_NAME = 60;
const MAX_LABEL = 60;
const MAX_MESSAGE = 120;
const MAX_SOURCE = 1000;
const MAX_WORDING = 300;

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const no = (expected: string, got: string): Parsed<never> => ({ ok: false, expected, got });
const quote = (s: string) => JSON.stringify(s);

/** A cell as the text a person typed: numbers plain, blanks empty, surrounding spaces dropped. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  return show(v);
}

const WHOLE = /^[+-]?\d+$/;

function whole(text: string, lo: number, hi: number): Parsed<number> {
  const expected = `a whole number from ${lo} to ${hi}`;
  if (!WHOLE.test(text)) return no(expected, quote(text));
  const n = Number(text);
  return n >= lo && n <= hi ? ok(n) : no(expected, String(n));
}

/** A short name: plain text a tab, a formula and Sheets all keep as text. */
function nameLike(text: string, what: string, max = MAX_NAME): Parsed<string> {
  const expected = `${what} of 1 to ${max} characters with a letter, not a number or date, not starting with = + - @ and without ' [ ] * ? / \\ : ; or line breaks`;
  if (text.length > max || !/[a-z]/i.test(text) || /^[=+\-@]/.test(text) || /['[\]*?/\\:;\n\r\t]/.test(text) || sheetsWouldCoerce(text)) return no(expected, quote(text));
  return ok(text);
}

/** Plain label text (a band label, a safety message): no line breaks, not a formula; no double quote, which the tab's formulas would have to escape. */
function labelLike(text: string, what: string, max: number): Parsed<string> {
  const expected = `${what} of 1 to ${max} characters on one line, without ", not starting with = + - @`;
  if (text.length === 0 || text.length > max || /[\n\r\t"]/.test(text) || /^[=+\-@]/.test(text)) return no(expected, quote(text));
  return ok(text);
}

const parts = (text: string, sep: RegExp) =>
  text
    .split(sep)
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** Item numbers as "3, 5, 10" or ranges "1-5", each once. */
export function parseItemList(text: string): Parsed<number[]> {
  const expected = 'item numbers such as "2, 3" or "1-5", each once';
  const out: number[] = [];
  for (const p of parts(text.replace(/\s*[-–]\s*/g, '-'), /[,\s]+/)) {
    const range = /^(\d+)-(\d+)$/.exec(p);
    if (range) {
      const [a, b] = [Number(range[1]), Number(range[2])];
      if (!(a >= 1 && b >= a && b <= MAX_ITEMS)) return no(expected, quote(p));
      for (let i = a; i <= b; i++) out.push(i);
    } else if (/^\d+$/.test(p) && Number(p) >= 1 && Number(p) <= MAX_ITEMS) out.push(Number(p));
    else return no(expected, quote(p));
  }
  if (!out.length) return no(expected, quote(text));
  const seen = new Set<number>();
  for (const n of out) {
    if (seen.has(n)) return no(expected, `item ${n} twice`);
    seen.add(n);
  }
  return ok(out);
}

function parseName(text: string): Parsed<string> {
  return nameLike(text, 'a name');
}

function parseAliases(text: string): Parsed<string[]> {
  const out: string[] = [];
  for (const p of parts(text, /;/)) {
    const r = nameLike(p, 'names separated by ";", each');
    if (!r.ok) return r;
    out.push(p);
  }
  return ok(out);
}

function parseSubscales(text: string): Parsed<ClinicSubscale[]> {
  const out: ClinicSubscale[] = [];
  for (const p of parts(text, /;/)) {
    const m = /^([^:]+):\s*(.*?)(?:\s*[×x*]\s*(\d+(?:\.\d+)?))?$/i.exec(p);
    if (!m) return no('subscales as "Name: item numbers", optionally "×2", separated by ";"', quote(p));
    const name = nameLike(m[1].trim(), 'a subscale name', 40);
    if (!name.ok) return name;
    const items = parseItemList(m[2]);
    if (!items.ok) return no(`${items.expected} after "${m[1].trim()}:"`, items.got);
    const multiplier = m[3] === undefined ? 1 : Number(m[3]);
    if (!(multiplier > 0 && multiplier <= 100)) return no('a multiplier above 0 and at most 100', m[3]);
    out.push({ name: name.value, items: items.value, multiplier });
  }
  return out.length ? ok(out) : no('at least one subscale', quote(text));
}

function parseMissing(text: string): Parsed<number> {
  if (/^strict$/i.test(text)) return ok(0);
  const m = /^prorate\s+up\s+to\s+(\S+)(?:\s+(?:items?|missing))?$/i.exec(text);
  if (!m) return no('"strict" or "prorate up to N" (N missing items)', quote(text));
  return whole(m[1], 1, MAX_ITEMS - 1);
}

function parseBands(text: string): Parsed<ClinicBand[]> {
  const out: ClinicBand[] = [];
  for (const p of parts(text, /;/)) {
    const m = /^([+-]?\d+(?:\.\d+)?)\s+(.+)$/.exec(p);
    if (!m) return no('bands as "lower edge Label", separated by ";" (e.g. "0 Minimal; 5 Mild")', quote(p));
    const label = labelLike(m[2].trim(), 'a band label', MAX_LABEL);
    if (!label.ok) return label;
    const min = Number(m[1]);
    const prev = out[out.length - 1];
    if (prev && !(min > prev.min)) return no('rising lower edges', `${min} after ${prev.min}`);
    out.push({ min, label: label.value });
  }
  return out.length ? ok(out) : no('at least one band', quote(text));
}

const CUTOFF_OPS: Readonly<Record<string, ClinicCutoff['op']>> = { '≥': '>=', '>=': '>=', '>': '>', above: '>', 'or more': '>=', '≤': '<=', '<=': '<=', '<': '<', below: '<', 'or less': '<=' };

function parseCutoff(text: string): Parsed<ClinicCutoff> {
  const m = /^(≥|>=|>|≤|<=|<|above|below)?\s*([+-]?\d+(?:\.\d+)?)\s*(or more|or less)?$/i.exec(text);
  if (!m || (m[1] && m[3])) return no('a number such as "10", or "≥ 10", "> 10", "≤ 25", "< 25"', quote(text));
  const word = (m[1] ?? m[3] ?? '').toLowerCase();
  return ok({ value: Number(m[2]), op: CUTOFF_OPS[word] ?? null });
}

function parseDirection(text: string): Parsed<'higher-is-worse' | 'higher-is-better'> {
  const m = /^higher[\s-]+(?:is[\s-]+)?(worse|better)$/i.exec(text);
  return m ? ok(m[1].toLowerCase() === 'worse' ? 'higher-is-worse' : 'higher-is-better') : no('"higher is worse" or "higher is better"', quote(text));
}

function parseReliableChange(text: string): Parsed<ClinicReliableChange> {
  const expected = '"6 points", or "SD 5.5, reliability 0.89"';
  const points = /^(\d+(?:\.\d+)?)(?:\s*points?)?$/i.exec(text);
  if (points) return Number(points[1]) > 0 ? ok({ points: Number(points[1]) }) : no('a number of points above 0', points[1]);
  const jt = /^SD\s*=?\s*(\d+(?:\.\d+)?)\s*[,;]?\s*(?:reliability|r|alpha|α)\s*=?\s*(\d*\.?\d+)$/i.exec(text);
  if (!jt) return no(expected, quote(text));
  const [sd, reliability] = [Number(jt[1]), Number(jt[2])];
  if (!(sd > 0)) return no('an SD above 0', jt[1]);
  if (!(reliability >= 0 && reliability < 1)) return no('a reliability from 0 up to (not including) 1', jt[2]);
  return ok({ sd, reliability });
}

function parseSafety(text: string): Parsed<ClinicSafety[]> {
  const out: ClinicSafety[] = [];
  for (const p of parts(text, /;/)) {
    const m = /^item\s*(\d+)\s*(?:≥|>=)\s*([+-]?\d+(?:\.\d+)?)\s*:\s*(.*)$/i.exec(p);
    if (!m) return no('rules as "item 9 ≥ 1: message", separated by ";"', quote(p));
    const message = labelLike(m[3].trim(), 'a message', MAX_MESSAGE);
    if (!message.ok) return message;
    out.push({ item: Number(m[1]), atLeast: Number(m[2]), message: message.value });
  }
  return out.length ? ok(out) : no('at least one rule', quote(text));
}

function parseSource(text: string): Parsed<string> {
  return text.length <= MAX_SOURCE && !/^[=+\-@]/.test(text) ? ok(text) : no(`text of 1 to ${MAX_SOURCE} characters, not starting with = + - @`, quote(text.slice(0, 40)));
}

function parseWording(text: string): Parsed<string[]> {
  const lines = parts(text, text.includes('\n') ? /\r?\n/ : /\s\|\s/);
  for (const l of lines) if (l.length > MAX_WORDING || /^[=+\-@]/.test(l)) return no(`one line per item, each 1 to ${MAX_WORDING} characters, not starting with = + - @`, quote(l.slice(0, 40)));
  return ok(lines);
}

export interface ClinicColumn<T = unknown> {
  header: string;
  /** What the cell holds, in plain words (the header note and the README). */
  holds: string;
  example: string;
  required: boolean;
  /** Reads a non-blank cell's text; cross-field checks (item numbers within Items …) are clinic-definition.ts's. */
  parse(text: string): Parsed<T>;
}

const col = <T>(c: ClinicColumn<T>) => c;

/** Every column, in order; keys are what the parser calls them, headers what the tab and the pasted JSON call them. */
export const CLINIC_COLUMNS = {
  name: col({ header: 'Name', holds: 'The name the tab, Settings and the custom functions use; unique (ignoring case, spaces, - and _), not a built-in name, not a number or date.', example: 'K10 clinic', required: true, parse: parseName }),
  aliases: col({ header: 'Aliases', holds: 'Other names it answers to, separated by ";". Optional.', example: 'Kessler 10 clinic; K10c', required: false, parse: parseAliases }),
  items: col({ header: 'Items', holds: `How many scored items: a whole number from 1 to ${MAX_ITEMS}.`, example: '10', required: true, parse: (t: string) => whole(t, 1, MAX_ITEMS) }),
  itemMin: col({ header: 'Item minimum', holds: `The lowest answer to each item: a whole number from 0 to ${MAX_ITEM_VALUE - 1}.`, example: '1', required: true, parse: (t: string) => whole(t, 0, MAX_ITEM_VALUE - 1) }),
  itemMax: col({ header: 'Item maximum', holds: `The highest answer to each item: a whole number above the minimum, at most ${MAX_ITEM_VALUE}.`, example: '5', required: true, parse: (t: string) => whole(t, 1, MAX_ITEM_VALUE) }),
  reverse: col({ header: 'Reverse-scored items', holds: 'Items counted as (minimum + maximum − answer): item numbers or ranges. Optional.', example: '2, 3', required: false, parse: parseItemList }),
  subscales: col({ header: 'Subscales', holds: 'Each "Name: items", optionally "×2" to multiply its sum, separated by ";". Optional.', example: 'Depression: 3,5,10,13,16,17,21 ×2; Anxiety: 2,4,7,9,15,19,20 ×2', required: false, parse: parseSubscales }),
  missing: col({ header: 'Missing items rule', holds: '"strict" (any missing item: no score) or "prorate up to N" (items × sum ÷ answered); a safety item is never prorated.', example: 'prorate up to 1', required: true, parse: parseMissing }),
  bands: col({ header: 'Bands', holds: 'The total\'s bands as "lower edge Label", rising, separated by ";"; the first edge at or below the lowest total. Optional.', example: '0 Minimal; 5 Mild; 10 Moderate; 15 Moderately severe; 20 Severe', required: false, parse: parseBands }),
  cutoff: col({ header: 'Clinical cut-off', holds: 'The total at which a score counts as clinical: "10" (10 or worse), or "> 10", "≥ 10", "< 25", "≤ 25" on the side Direction calls worse. Optional.', example: '≥ 10', required: false, parse: parseCutoff }),
  direction: col({ header: 'Direction', holds: '"higher is worse" or "higher is better".', example: 'higher is worse', required: true, parse: parseDirection }),
  reliableChange: col({ header: 'Reliable change', holds: 'The smallest reliable change: "6 points", or "SD 5.5, reliability 0.89" (then 1.96 × √2 × SD × √(1 − reliability), Jacobson–Truax, is used and shown). Optional.', example: 'SD 5.5, reliability 0.89', required: false, parse: parseReliableChange }),
  safety: col({ header: 'Safety items', holds: 'Each "item N ≥ threshold: message", separated by ";"; the message shows whatever the total. Optional.', example: 'item 9 ≥ 1: Review risk today', required: false, parse: parseSafety }),
  source: col({ header: 'Source or licence', holds: 'Where the scoring rules come from and the licence you hold; shown with the instrument.', example: '[S30] ABS bands; [S32] unrestricted use with the WHO copyright and citation', required: true, parse: parseSource }),
  wording: col({ header: 'Item wording (optional)', holds: "The items' wording, one line per item (or separated by \" | \"); only if the licence allows it, which is the clinic's responsibility.", example: 'Item one | Item two', required: false, parse: parseWording }),
};

export type ClinicKey = keyof typeof CLINIC_COLUMNS;
export const CLINIC_KEYS = Object.keys(CLINIC_COLUMNS) as ClinicKey[];
export const CLINIC_HEADERS: readonly string[] = CLINIC_KEYS.map((k) => CLINIC_COLUMNS[k].header);

/** The column specification as a Markdown table (the README's, kept equal by a test). */
export function clinicColumnsMarkdown(): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const rows = CLINIC_KEYS.map((k) => {
    const c = CLINIC_COLUMNS[k];
    return `| ${esc(c.header)} | ${esc(c.holds)} | \`${esc(c.example)}\` |`;
  });
  return ['| Column | What it holds | Example |', '|---|---|---|', ...rows].join('\n');
}
