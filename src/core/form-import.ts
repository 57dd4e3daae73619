// Form import, decided: the Settings "Form links" text, which columns of a Google Form's responses tab hold the timestamp, the client code and each item, answers read as scores, and each response judged (import, or the reason not) with its safety flags.
import * as z from 'zod/mini';
import { describeValue } from './messages';
import { instrumentKey } from './instruments/registry';
import { itemProblems, scoreItems, unansweredCritical } from './instruments/score';
import type { InstrumentDefinition } from './instruments/schema';

/** The Settings row (key) whose Value links responses tabs to instruments: "Form Responses 1 = PHQ-9; GAD-7 responses = GAD-7". */
export const FORM_LINKS_KEY = 'forms.links';

const linkSchema = z.object({
  /** The responses tab's name as Google Forms (or the clinic) named it. */
  tab: z.string().check(z.minLength(1)),
  /** The instrument's name or alias, built-in or from the Instruments tab. */
  instrument: z.string().check(z.minLength(1)),
  /** The code question's header, when the clinic names it; else detected. */
  codeHeader: z.optional(z.string().check(z.minLength(1))),
  /** The answer texts in score order (the instrument's minimum first), when the form's options carry no number. */
  answers: z.optional(z.array(z.string().check(z.minLength(1))).check(z.minLength(2))),
});
export type FormLink = z.infer<typeof linkSchema>;

/**
 * The Form links setting read: one link per line or ";"-separated part, "<responses tab> = <instrument>", optionally followed by
 * "(code: <question>)" and "(answers: <first> | <second> | …)". Problems name the part and the expected shape; good parts still count.
 */
export function parseFormLinks(value: unknown): { links: FormLink[]; problems: string[] } {
  const text = typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
  const links: FormLink[] = [];
  const problems: string[] = [];
  // A ";" inside brackets belongs to the link (answers are separated by "|", but a clinic may type ";" there too).
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if ((ch === ';' || ch === '\n') && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  for (const raw of parts.map((p) => p.trim()).filter((p) => p !== '')) {
    const m = /^(.+?)\s*=\s*([^()]+?)\s*((?:\([^()]*\)\s*)*)$/.exec(raw);
    if (!m) {
      problems.push(`Form links: expected "<responses tab> = <instrument>" (e.g. "Form Responses 1 = PHQ-9"); got ${describeValue(raw)}`);
      continue;
    }
    const link: FormLink = { tab: m[1].trim(), instrument: m[2].trim() };
    let bad = false;
    for (const opt of m[3].matchAll(/\(([^()]*)\)/g)) {
      const o = /^\s*(code|answers)\s*:\s*(.+?)\s*$/i.exec(opt[1]);
      if (!o) {
        problems.push(`Form links: expected "(code: <question>)" or "(answers: <first> | <second> | …)" after "${link.tab} = ${link.instrument}"; got ${describeValue(`(${opt[1]})`)}`);
        bad = true;
      } else if (o[1].toLowerCase() === 'code') link.codeHeader = o[2];
      else link.answers = o[2].split(/\s*[|;]\s*/).filter((a) => a !== '');
    }
    const checked = z.safeParse(linkSchema, link);
    if (!checked.success) {
      problems.push(`Form links: expected at least two answers in "(answers: …)" of "${link.tab} = ${link.instrument}"; got ${link.answers?.length ?? 0}`);
      bad = true;
    }
    if (links.some((l) => l.tab.toLowerCase() === link.tab.toLowerCase())) {
      problems.push(`Form links: expected each responses tab once; "${link.tab}" is linked twice. Keep one link for it`);
      bad = true;
    }
    if (!bad) links.push(link);
  }
  return { links, problems };
}

/** Where the form's answers are: 0-based columns of the responses tab, how each was found, and the lines the sidebar and Check show. */
export interface FormColumns {
  timestamp: number;
  code: number;
  items: number[];
  itemsFoundBy: 'number' | 'wording' | 'position';
  understood: string[];
}

const norm = (v: unknown) =>
  String(v ?? '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ');
/** Column letters of a 0-based column (A, …, Z, AA …). */
export function columnName(i: number): string {
  let n = i + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
const shown = (header: readonly unknown[], i: number) => `column ${columnName(i)} "${String(header[i] ?? '').trim()}"`;

/** Google Forms' first column in the languages clinics use; any header saying timestamp or submitted counts. */
const TIMESTAMP = /timestamp|time stamp|submitted|horodateur|zeitstempel|marca temporal|informazioni cronologiche|tijdstempel/i;
/** "Item 3", "Q3", "Question 3", "3." or "3)" at the start of a question: the item it asks. */
const NUMBERED = /^\s*(?:(?:item|question|q)\s*#?\s*(\d{1,3})\b|(\d{1,3})\s*[.):\-–—])/i;

/**
 * The columns of a responses tab for an instrument, from its header row alone (row 1, as Google Forms writes it). The timestamp is
 * the column headed Timestamp (else column A, where Forms puts it); the code is the configured question, else the first header
 * with "code", else with "client"; the items, in order, by item number in the question ("Item 3", "Q3", "3. …"), else by the
 * instrument's item wording, else the item count of columns straight after the code column. Nothing else on the tab matters.
 */
export function detectFormColumns(header: readonly unknown[], def: InstrumentDefinition, link: Pick<FormLink, 'codeHeader'> = {}): { ok: true; columns: FormColumns } | { ok: false; problem: string } {
  const n = def.items.count;
  const heads = header.map(norm);
  const understood: string[] = [];
  let timestamp = heads.findIndex((h) => TIMESTAMP.test(h));
  if (timestamp < 0) {
    if (heads.length === 0 || heads.every((h) => h === '')) return { ok: false, problem: 'Expected a header row (row 1) with the form\'s questions, as Google Forms writes it; the tab\'s row 1 is empty. Link the form to this spreadsheet again (Responses ▸ Link to Sheets)' };
    timestamp = 0;
    understood.push(`Timestamp: ${shown(header, 0)} (no column is headed "Timestamp"; column A is where Google Forms puts it)`);
  } else understood.push(`Timestamp: ${shown(header, timestamp)}`);

  let code = -1;
  if (link.codeHeader) {
    code = heads.indexOf(norm(link.codeHeader));
    if (code < 0) return { ok: false, problem: `Expected a question headed "${link.codeHeader}" (the Form links setting names it as the client code); the tab has none. Correct the name in Settings ▸ Form links to the question's exact text` };
  } else {
    code = heads.findIndex((h, i) => i !== timestamp && h.includes('code'));
    if (code < 0) code = heads.findIndex((h, i) => i !== timestamp && h.includes('client'));
    if (code < 0) return { ok: false, problem: 'Expected a client-code question (a header with "code" or "client" in it, e.g. "Your client code"); the tab has none. Add that question to the form, or name the question in Settings ▸ Form links as "(code: <question>)"' };
  }
  understood.push(`Client code: ${shown(header, code)}`);
  const taken = (i: number) => i === timestamp || i === code;

  let items: number[] = [];
  let foundBy: FormColumns['itemsFoundBy'] = 'number';
  const byNumber = new Map<number, number[]>();
  heads.forEach((h, i) => {
    if (taken(i)) return;
    const m = NUMBERED.exec(h);
    const k = m ? Number(m[1] ?? m[2]) : NaN;
    if (k >= 1 && k <= n) byNumber.set(k, [...(byNumber.get(k) ?? []), i]);
  });
  const twice = [...byNumber].find(([, at]) => at.length > 1);
  if (twice) return { ok: false, problem: `Expected one question per ${def.name} item; item ${twice[0]} is asked in ${twice[1].map((i) => shown(header, i)).join(' and ')}. Remove or renumber one of them on the form` };
  if (byNumber.size === n) items = Array.from({ length: n }, (_, k) => byNumber.get(k + 1)![0]);
  else {
    const words = def.itemText?.items ?? def.items.labels;
    const byWords = words?.map((w) => heads.findIndex((h, i) => !taken(i) && h !== '' && (h.includes(norm(w)) || (h.length >= 12 && norm(w).includes(h))))) ?? [];
    if (words && byWords.every((i) => i >= 0) && new Set(byWords).size === n) {
      items = byWords;
      foundBy = 'wording';
    } else {
      items = Array.from({ length: n }, (_, k) => code + 1 + k).filter((i) => i < heads.length && !taken(i) && heads[i] !== '');
      foundBy = 'position';
      if (items.length < n) {
        return {
          ok: false,
          problem: `Expected ${n} ${def.name} questions (numbered "1." … "${n}." or "Item 1" … "Item ${n}", or right after the code question); found ${byNumber.size ? `${byNumber.size} numbered` : `${items.length} after the code question`}. Number the questions on the form, or check the form is the ${def.name}`,
        };
      }
    }
  }
  const how = foundBy === 'number' ? 'by the item number in each question' : foundBy === 'wording' ? `by the ${def.name} item wording` : 'by position: the questions straight after the code question';
  understood.push(`${def.name} items 1–${n}: ${items.map((i) => columnName(i)).join(', ')} (${how})`);
  return { ok: true, columns: { timestamp, code, items, itemsFoundBy: foundBy, understood } };
}

/** The scores an answer may be, in the order the form should list them: the instrument's minimum to maximum. */
export function answerScores(def: InstrumentDefinition): number[] {
  const step = def.items.step ?? 1;
  const out: number[] = [];
  for (let v = def.items.min; v <= def.items.max + 1e-9; v += step) out.push(Math.round(v * 1e6) / 1e6);
  return out;
}

/** A form answer as the score it stands for: a number, text starting with its score ("2 – More than half the days"), text ending "(2)", or a configured answer text; null for a blank. */
export function answerValue(v: unknown, def: InstrumentDefinition, answers?: readonly string[]): { value: number | null } | { unreadable: string } {
  if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) return { value: null };
  if (typeof v === 'number') return { value: v };
  if (typeof v !== 'string') return { unreadable: describeValue(v) };
  const t = v.trim();
  if (answers) {
    const at = answers.findIndex((a) => norm(a) === norm(t));
    if (at >= 0) return { value: answerScores(def)[at] ?? def.items.max + 1 };
  }
  const lead = /^([+-]?\d+(?:[.,]\d+)?)(?=$|\s|[.):\-–—=])/.exec(t) ?? /\(\s*([+-]?\d+(?:[.,]\d+)?)\s*\)$/.exec(t);
  return lead ? { value: Number(lead[1].replace(',', '.')) } : { unreadable: describeValue(t) };
}

/**
 * A response as the sheet holds it: its row; its timestamp as a key that does not move with the clocks ("2026-11-30T10:15:02Z" for
 * a date-time cell, the wall time "2026-11-30 10:15:02" for a number or text; '' when none); its local date and time for people;
 * and the row's cells.
 */
export interface FormResponse {
  row: number;
  timestamp: string;
  /** YYYY-MM-DD in the spreadsheet's zone: the Date the instrument row gets. */
  date: string;
  /** YYYY-MM-DD HH:mm in the spreadsheet's zone, for the summary. */
  when: string;
  cells: readonly unknown[];
}

/** A timestamp key's shape, either kind. */
const STAMP = '\\d{4}-\\d{2}-\\d{2}(?:T\\d{2}:\\d{2}:\\d{2}Z| \\d{2}:\\d{2}:\\d{2})';

/** The key a response is known by, whatever row it sits in now: its timestamp to the second and its client code (case-blind). */
export function responseKey(timestamp: string, code: string): string {
  return `${timestamp}|${code.trim().toLowerCase()}`;
}

/** The Source cell of an imported row: where the response came from, readable, and carrying its key. */
export function sourceText(tab: string, row: number, timestamp: string, code: string): string {
  return `form:${tab}!${row} @ ${timestamp} ${code}`;
}

/** The key kept in a Source cell, or null for a row not imported from a form (typed at a session or by hand). */
export function keyOfSource(v: unknown): string | null {
  const m = new RegExp(`^form:.*!\\d+ @ (${STAMP}) (\\S+)$`).exec(String(v ?? '').trim());
  return m ? responseKey(m[1], m[2]) : null;
}

/** What import decides for one response: imported with its answers, or the reason not; the safety messages its answers endorse either way. */
export interface ResponseVerdict {
  row: number;
  timestamp: string;
  date: string;
  when: string;
  /** The code as the Clients tab writes it when known, else as typed. */
  code: string;
  import: boolean;
  /** Why not ('' when imported). */
  reason: string;
  /** The scores, one per item (null for a missing item), when every answer could be read. */
  items: (number | null)[] | null;
  /** The instrument's safety messages endorsed by the answers that could be read (shown whether or not the response imports). */
  safety: string[];
}

/**
 * Judges every response, in row order: the code is a client (trimmed, case-blind), every answer reads as an item score in range,
 * the missing-item rule gives a score with every safety item answered, and the response was not imported before (its key is
 * neither in `imported` nor earlier in this batch). Blank rows are skipped. Nothing here reads or writes a sheet.
 */
export function judgeResponses(
  responses: readonly FormResponse[],
  columns: Pick<FormColumns, 'code' | 'items'>,
  def: InstrumentDefinition,
  clients: ReadonlyMap<string, string>,
  imported: ReadonlySet<string>,
  answers?: readonly string[],
): ResponseVerdict[] {
  const out: ResponseVerdict[] = [];
  const seen = new Map<string, number>();
  for (const r of responses) {
    if (r.cells.every((c) => c === '' || c === null || c === undefined)) continue;
    const typed = String(r.cells[columns.code] ?? '').trim();
    const known = clients.get(typed.toLowerCase());
    const code = known ?? typed;
    const raw = columns.items.map((c) => answerValue(r.cells[c], def, answers));
    const values = raw.map((a) => ('value' in a ? a.value : null));
    // Safety first: an endorsed safety item counts even when other answers cannot be read.
    const safety = (def.critical ?? []).filter((c) => (values[c.item - 1] ?? -Infinity) >= c.atLeast && c.item <= def.items.count).map((c) => c.message);
    const reasons: string[] = [];
    if (!r.timestamp) reasons.push('no timestamp (expected the date and time Google Forms writes): a response without one cannot be told apart from another; type it back from the form\'s Responses view');
    if (!typed) reasons.push('no client code: ask the client for their code, type it into this response\'s code cell, then import again');
    else if (!known) reasons.push(`client code "${typed}" is not on the Clients tab: correct the code in this response (as the clinician knows it), or add the client, then import again`);
    const unreadable = raw.map((a, i) => ('unreadable' in a ? `item ${i + 1} (${a.unreadable})` : '')).filter((s) => s);
    if (unreadable.length) reasons.push(`${unreadable.join(', ')}: expected an answer starting with its score (${answerScores(def).join(', ')})${answers ? ' or one of the configured answers' : ''}`);
    else {
      const problems = itemProblems(def, values.map((v) => (v === null ? '' : v)));
      if (problems.length) reasons.push(problems.map((p) => `${p.what} is ${describeValue(p.got)}, out of range (expected ${p.expected})`).join('; '));
      else {
        const cells = values.map((v) => (v === null ? '' : v));
        const blankSafety = unansweredCritical(def, cells);
        const score = scoreItems(def, cells);
        const scored = def.noTotal ? Object.values(score.subscales).every((s) => s !== null) : score.total !== null;
        const missing = values.map((v, i) => (v === null ? i + 1 : 0)).filter((i) => i);
        if (blankSafety.length) reasons.push(`safety item ${blankSafety.join(', ')} unanswered: ask the client, type the answer into this response, then import again`);
        else if (!scored) reasons.push(`item ${missing.join(', ')} unanswered: the ${def.name} needs ${def.missing.maxMissing === 0 ? 'every item' : `all but at most ${def.missing.maxMissing}`}; type the client's answer into this response, then import again`);
      }
    }
    const key = responseKey(r.timestamp, code);
    if (r.timestamp && known && imported.has(key)) reasons.unshift('already imported (a row with this timestamp and code is on the instrument tab)');
    else if (r.timestamp && known && seen.has(key)) reasons.unshift(`the same response as row ${seen.get(key)} (same timestamp and code)`);
    const ok = reasons.length === 0;
    if (ok) seen.set(key, r.row);
    out.push({ row: r.row, timestamp: r.timestamp, date: r.date, when: r.when, code, import: ok, reason: reasons[0] ?? '', items: unreadable.length ? null : values, safety });
  }
  return out;
}

/** The import's summary, safety first: endorsed safety items (imported or not), then what was imported, then every response not imported with its reason. */
export function importSummary(def: InstrumentDefinition, tab: string, verdicts: readonly ResponseVerdict[], done: boolean): { safety: string[]; imported: string; rejected: string[] } {
  const when = (v: ResponseVerdict) => v.when || 'no timestamp';
  // An already-imported response raised its alert when it was imported: it is not announced again.
  const safety = verdicts
    .filter((v) => v.safety.length && !v.reason.startsWith('already imported'))
    .map((v) => `SAFETY — ${v.code || 'no code'}, ${tab} row ${v.row} (${when(v)}): ${v.safety.join('; ')}. ${v.import ? (done ? `Imported: the ${def.name} tab's Safety flag and the alerts show it.` : 'It will be imported.') : `NOT imported (${v.reason.split(':')[0]}): review risk now, then fix the response and import again.`}`);
  const n = verdicts.filter((v) => v.import).length;
  const imported = `${done ? 'Imported' : 'Would import'} ${n} ${def.name} response${n === 1 ? '' : 's'} from "${tab}".`;
  const rejected = verdicts.filter((v) => !v.import).map((v) => `Row ${v.row} (${v.code || 'no code'}, ${when(v)}): ${v.reason}`);
  return { safety, imported, rejected };
}

/** True when a name given in Form links names this instrument (its name or an alias, as the registry compares them). */
export function linksInstrument(link: FormLink, def: InstrumentDefinition): boolean {
  const k = instrumentKey(link.instrument);
  return [def.id, def.name, ...def.aliases].some((n) => instrumentKey(n) === k);
}
