// Error helpers: show a cell value the way a user typed it, so every message names the offending value.

/** A value as it appears in a message: text quoted, blank named, numbers plain. */
export function show(value: unknown): string {
  if (value === '' || value === null || value === undefined) return 'a blank';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return `a date (${isNaN(value.getTime()) ? 'invalid' : value.toISOString().slice(0, 10)})`;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return 'a range';
  return typeof value;
}

/** Throws "<what> must be <expected>; got <value><where>". */
export function fail(what: string, expected: string, value: unknown, where = ''): never {
  throw new Error(`${what} must be ${expected}; got ${show(value)}${where}`);
}
