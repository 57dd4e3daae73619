// Which protection mode setup applies: a validated choice that a typo, a blank, a deleted row or someone else's edit never turns from strict into warning (pure: no Apps Script calls).

export type ProtectionMode = 'warning' | 'strict';

/** What setup knows when it decides: the Settings cell, what was applied before (DocumentProperties) and who is who. */
export interface ModeFacts {
  /** The "Protection mode" cell's value; undefined when the row is missing. */
  value: unknown;
  /** Its Settings row, or null when missing. */
  row: number | null;
  /** The mode setup last applied (DocumentProperties), or null before the first setup. */
  applied: string | null;
  /** Who applied strict ('' when unknown, e.g. strict applied before this was recorded). */
  setBy: string;
  /** The spreadsheet's owner ('' on a shared drive). */
  owner: string;
  /** The person running setup. */
  me: string;
}

export interface ModeDecision {
  mode: ProtectionMode;
  /** Set when strict would be relaxed and the person may: the question to ask first (No keeps strict). */
  confirm?: string;
  /** Why the mode kept differs from what Settings says, for setup's report. */
  note?: string;
  /** Set when setup must stop before writing anything. */
  stop?: string;
}

const same = (a: string, b: string): boolean => a !== '' && a.toLowerCase() === b.toLowerCase();

/** The owner, or whoever set strict, may move strict back to warning; nobody else (the emails compared ignoring case). */
export function mayRelax(f: Pick<ModeFacts, 'owner' | 'setBy' | 'me'>): boolean {
  return same(f.me, f.owner) || same(f.me, f.setBy);
}

/** Who may relax strict, for messages. */
export function whoMayRelax(f: Pick<ModeFacts, 'owner' | 'setBy'>): string {
  const owner = f.owner || "the spreadsheet's owner";
  return f.setBy && !same(f.setBy, f.owner) ? `${owner} or ${f.setBy} (who set strict)` : owner;
}

export const RELAX_TITLE = 'Relax protections to warning?';
export const RELAX_PROMPT =
  'Settings says Protection mode "warning". Attain\'s protected ranges and tabs (computed columns, Audit, Review, Supervision, Settings) will then only show a warning, and anyone who can edit the spreadsheet may change them. Relax protections now? No keeps strict.';

/** The mode setup applies, and whether it must ask first, add a note, or stop. */
export function decideMode(f: ModeFacts): ModeDecision {
  const found = f.value === undefined || f.value === null ? '' : String(f.value).trim();
  const choice = found.toLowerCase();
  const wasStrict = f.applied === 'strict';
  const where = f.row ? `Settings row ${f.row} ("Protection mode")` : 'Settings';
  if (choice === 'strict') return { mode: 'strict' };
  if (choice === 'warning') {
    if (!wasStrict) return { mode: 'warning' };
    if (!mayRelax(f)) {
      return { mode: 'strict', note: `Protection mode stays strict: only ${whoMayRelax(f)} may relax it to warning, and this setup ran as ${f.me || 'an unknown user'}. Ask them to run Set up this spreadsheet.` };
    }
    return { mode: 'warning', confirm: RELAX_PROMPT };
  }
  // Not a valid choice (typo, blank, deleted row): strict, once applied, stays.
  if (wasStrict) {
    if (f.row === null) {
      return { mode: 'strict', note: 'Protection mode stays strict: Settings had no "Protection mode" row (key protection.mode); setup has put it back with "strict". To relax protections, set it to warning and run Set up this spreadsheet again.' };
    }
    const what = found === '' ? `${where} is blank` : `${where} holds "${found}"`;
    return { mode: 'strict', note: `Protection mode stays strict: ${what}, and only "warning" or "strict" count. Type strict there (or warning, to relax protections) and run Set up this spreadsheet again.` };
  }
  // Nothing strict was ever applied: a blank or missing row is the default, warning; a typo stops setup (strict may have been meant).
  if (found === '') return { mode: 'warning' };
  return { mode: 'warning', stop: `${where} holds "${found}"; expected "warning" or "strict". Set up wrote nothing: type warning or strict there and run Set up this spreadsheet again.` };
}

/** The decision once the person has answered: No (or no one to ask) keeps strict, and says so. */
export function afterConfirmation(d: ModeDecision, confirmed: boolean): ModeDecision {
  if (!d.confirm || confirmed) return { mode: d.mode, note: d.note };
  return { mode: 'strict', note: 'Protection mode stays strict: relaxing to warning was not confirmed. Settings still says "warning"; run Set up this spreadsheet again and answer Yes to relax.' };
}
