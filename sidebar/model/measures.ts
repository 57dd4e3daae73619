// Live questionnaire scoring for the session form: core's registry and scorer give total, band, subscales and safety flags from the typed answers, and each safety item's own flag.
import { findInstrument } from '../../src/core/instruments/registry';
import type { InstrumentDefinition } from '../../src/core/instruments/schema';
import { bandLabel, scoreItems, type ScoreOptions } from '../../src/core/instruments/score';
import type { InstrumentSummary } from '../../src/contract';

export interface MeasurePreview {
  answered: number;
  count: number;
  /** null while the missing-item rule gives no total (or the instrument reports subscales only). */
  total: number | null;
  band: string;
  subscales: { name: string; score: number | null; band: string }[];
  flags: string[];
  /** Plain explanation when no total can be shown yet. */
  note: string;
  /** Smallest step between answers (1 for whole numbers). */
  step: number;
}

/** The definition of an enabled instrument (a built-in, or the clinic's sent with it), or null for one neither gives. */
export function definitionOf(inst: InstrumentSummary): InstrumentDefinition | null {
  try {
    const def = inst.definition ?? findInstrument(inst.id);
    return def.items.count === inst.items ? def : null;
  } catch {
    return null;
  }
}

/** Answers as the scorer and the server read them: numbers, null for blank (the one blank, end to end). */
export function answerValues(answers: readonly string[], count: number): (number | null)[] {
  const out: (number | null)[] = [];
  for (let i = 0; i < count; i++) {
    const s = (answers[i] ?? '').trim();
    const n = Number(s);
    out.push(s === '' || !Number.isFinite(n) ? null : n);
  }
  return out;
}

/** A band label, or '' when there is none to give; the total's band follows the clinic's choices, as the saved band does. */
const safeBand = (def: InstrumentDefinition, score: number | null, subscale?: string, options?: ScoreOptions): string => {
  if (score === null) return '';
  try {
    return bandLabel(def, score, subscale, options);
  } catch {
    return '';
  }
};

export function previewMeasure(inst: InstrumentSummary, answers: readonly string[]): MeasurePreview {
  const values = answerValues(answers, inst.items);
  const answered = values.filter((v) => v !== null).length;
  const def = definitionOf(inst);
  const out: MeasurePreview = { answered, count: inst.items, total: null, band: '', subscales: [], flags: [], note: '', step: def?.items.step ?? 1 };
  if (!def) {
    // An instrument the sidebar cannot score: show the plain sum once every item is answered; the sheet does the scoring.
    if (answered === inst.items) out.total = values.reduce<number>((s, v) => s + (v ?? 0), 0);
    out.note = answered < inst.items ? `${inst.items - answered} item${inst.items - answered === 1 ? '' : 's'} still to answer.` : 'Band and flags are worked out in the sheet.';
    return out;
  }
  try {
    const s = scoreItems(def, values);
    out.total = s.total;
    out.band = safeBand(def, s.total, undefined, inst.bandOptions);
    out.flags = s.flags;
    out.subscales = (def.subscales ?? []).map((sub) => ({ name: sub.name, score: s.subscales[sub.id] ?? null, band: safeBand(def, s.subscales[sub.id] ?? null, sub.id) }));
    if (s.total === null && !def.noTotal) {
      const left = inst.items - answered;
      out.note = left > 0 ? `${left} item${left === 1 ? '' : 's'} still to answer before a total can be given.` : 'No total yet.';
    } else if (s.prorated) {
      out.note = `Prorated: ${s.missing} item${s.missing === 1 ? '' : 's'} missing.`;
    }
  } catch (e) {
    out.note = e instanceof Error ? e.message : String(e);
  }
  return out;
}

/** The instrument's safety items (0-based) with their thresholds and its own message: the same rules the tab's Safety flag column applies. */
export function safetyItems(inst: InstrumentSummary): { index: number; atLeast: number; message: string }[] {
  const def = definitionOf(inst);
  return (def?.critical ?? []).map((c) => ({ index: c.item - 1, atLeast: c.atLeast, message: c.message }));
}

/** The safety message for item `index` given its typed answer, or '' when the answer is below the threshold, blank or not a safety item. */
export function itemSafetyFlag(inst: InstrumentSummary, index: number, typed: string | undefined): string {
  const [value] = answerValues([typed ?? ''], 1);
  if (value === null) return '';
  return safetyItems(inst)
    .filter((r) => r.index === index && value >= r.atLeast)
    .map((r) => r.message)
    .join('; ');
}

/** The plain-language follow-up shown under every safety flag. */
export const SAFETY_ADVICE = 'Ask the client about this today, before the session ends, and follow your clinic’s risk procedure.';
