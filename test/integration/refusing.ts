// Test helper for refusals: run actions that must be refused, then check the whole document (cells, formats, properties) is unchanged.
import type { Emulator } from '../../emulator';

/** A sidebar action's answer as the refusal tests read it. */
export type Result = { ok: boolean; message?: string; errors?: Record<string, string>; data?: unknown };

/** Runs several refusals, comparing the whole document once (a refusal that wrote would still show in the final comparison). */
export function refusing(em: Emulator, body: (refuse: (name: string, ...args: unknown[]) => Result) => void): void {
  const before = JSON.stringify(em.exportState());
  body((name, ...args) => {
    const r = em.run(name, ...args) as Result;
    expect(r.ok).toBe(false);
    return r;
  });
  expect(JSON.stringify(em.exportState())).toBe(before);
}
