// Boundary validation: parse an input against core's schema into field errors, the Result helpers, and core's item problems turned into field messages.
import * as z from 'zod/mini';
import type { ItemProblem } from '../core/instruments/score';
import type { InstrumentDefinition } from '../core/instruments/schema';
import { describeValue, fieldErrors } from '../core/messages';
import type { Result } from '../contract';

/** Field errors of a parse, or the parsed value. */
export function parse<T>(schema: z.ZodMiniType<T>, input: unknown): { ok: true; value: T } | { ok: false; errors: Record<string, string> } {
  const r = z.safeParse(schema, input);
  if (r.success) return { ok: true, value: r.data };
  const errors = fieldErrors(r);
  return { ok: false, errors: Object.keys(errors).length ? errors : { '': 'Expected valid input; got something else' } };
}

export function ok<T>(data: T, notice?: string): Result<T> {
  return notice ? { ok: true, data, notice } : { ok: true, data };
}

/** The notice of a retry whose first attempt had saved (its reply was lost): what is shown is what the spreadsheet holds. */
export function alreadySaved(what: string): string {
  return `This save had already reached the spreadsheet (${what}); nothing was written twice. What you see is what the spreadsheet holds: if you changed anything since, make the change again and save.`;
}

/** Invalid input: field → message, and a summary line for the sidebar. */
export function invalid<T>(errors: Record<string, string>, message?: string): Result<T> {
  const n = Object.keys(errors).length;
  return { ok: false, message: message ?? `Nothing was saved: ${n} field${n === 1 ? '' : 's'} need${n === 1 ? 's' : ''} attention.`, errors };
}

/**
 * Core's item problems for one measure as field messages under `key` (measures.<instrument>): the count at `<key>.items`,
 * each answer at `<key>.items.<n>` (0-based, as sent).
 */
export function itemErrors(def: InstrumentDefinition, problems: readonly ItemProblem[], key: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of problems) {
    if (p.index === null) out[`${key}.items`] = `Expected ${p.expected}; got ${describeValue(p.got)}. Send one value (or null) per item`;
    else out[`${key}.items.${p.index}`] = `Expected ${def.name} ${p.what} as ${p.expected}; got ${describeValue(p.got)}. Correct the answer or leave it blank`;
  }
  return out;
}
