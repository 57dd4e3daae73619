// Validation messages: describeValue, "Expected …; got …" zod options, and zod issues mapped to field errors by dotted path.

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
