// Attain's protections (header rows, computed columns, read-only tabs, Settings in strict mode): warning-only by default, editor-limited in strict mode and brought back in line on every setup; never on data rows, so appends by any clinician keep working.
import type { Tab } from './table';
import { CODES_TAB } from './client-keys';

/** The mode setup applies and who may edit in strict mode (the owner always can); built once per setup run. */
export interface Strictness {
  strict: boolean;
  /** The person running setup ('' when unknown). */
  me: string;
  /** The spreadsheet's owner ('' on a shared drive). */
  owner: string;
  /** Who applied strict ('' when unknown): stays an editor, since with the owner only they may relax strict (by editing Settings). */
  setBy: string;
  supervisors: readonly string[];
}

/** Everyone strict mode keeps as an editor besides the owner, lower-case: the person running setup, who set strict, the supervisors. */
function editorList(s: Strictness): string[] {
  return [...new Set([s.me, s.setBy, ...s.supervisors].filter(Boolean).map((e) => e.toLowerCase()))];
}

export const PROTECTION_PREFIX = 'Attain: header row of ';

/**
 * Protects row 1 of a tab once; an existing Attain protection is brought in line with the mode (warning ↔ strict) and, in strict
 * mode, with the editor list (owner + the person running setup + who set strict + supervisors). Returns true when a protection was added or changed.
 */
export function ensureHeaderProtection(tab: Tab, s: Strictness): boolean {
  const description = PROTECTION_PREFIX + tab.layout.name;
  const mine = tab.sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE).find((p) => p.getDescription() === description);
  if (mine) return bringInLine(mine, s);
  applyMode(tab.sheet.getRange('1:1').protect().setDescription(description), s);
  return true;
}

/** The editors strict mode wants besides the owner (who always stays), lower-case. */
function wanted(s: Strictness): Set<string> {
  const owner = s.owner.toLowerCase();
  return new Set(editorList(s).filter((e) => e !== owner));
}

/** Whether a strict protection's editors (or domain edit) differ from what Settings asks; the owner is left out of the comparison. */
function editorsDiffer(p: GoogleAppsScript.Spreadsheet.Protection, s: Strictness): boolean {
  if (p.canDomainEdit()) return true;
  const want = wanted(s);
  const owner = s.owner.toLowerCase();
  const have = new Set(p.getEditors().map((u) => u.getEmail().toLowerCase()).filter((e) => e !== owner));
  return have.size !== want.size || [...want].some((e) => !have.has(e));
}

/** Re-applies the mode when it flipped, or (strict) when the editors drifted from Settings; true when anything changed. */
function bringInLine(p: GoogleAppsScript.Spreadsheet.Protection, s: Strictness): boolean {
  if (p.isWarningOnly() === s.strict || (s.strict && editorsDiffer(p, s))) {
    applyMode(p, s);
    return true;
  }
  return false;
}

function applyMode(p: GoogleAppsScript.Spreadsheet.Protection, s: Strictness): void {
  if (!s.strict) {
    p.setWarningOnly(true);
    return;
  }
  p.setWarningOnly(false);
  // The person running setup stays an editor before others are removed (Apps Script refuses otherwise).
  if (s.me) p.addEditor(s.me);
  const keep = editorList(s);
  const drop = p.getEditors().map((u) => u.getEmail()).filter((e) => !keep.includes(e.toLowerCase()));
  if (drop.length) p.removeEditors(drop);
  const add = keep.filter((e) => e !== s.me.toLowerCase());
  if (add.length) p.addEditors(add);
  if (p.canDomainEdit()) p.setDomainEdit(false);
}

// ---- Computed columns and whole tabs (issue 6) ----------------------------------

/** DocumentProperties key recording the mode setup last applied; actions check editors only when it is strict. */
export const PROTECTION_PROPERTY = 'attain.protectionMode';
/** DocumentProperties key: who applied strict (the effective user of that setup run); with the owner, the only person who may relax it. */
export const PROTECTION_SET_BY_PROPERTY = 'attain.protectionSetBy';
export const COMPUTED_PREFIX = 'Attain: computed columns of ';
export const TAB_PREFIX = 'Attain: protected tab ';
/** Whole tabs people read but never type in (those that exist are protected). */
export const PROTECTED_TABS = ['Audit', 'Review', 'Supervision', 'Attain alerts', CODES_TAB];

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** Each run of adjacent formula columns of a tab, rows 2 … the sheet's last row, keyed by its description. */
function computedRuns(tab: Tab): Map<string, Range> {
  const at = tab.layout.columns.filter((c) => (c.formula || c.spill) && tab.cols.has(c.key)).map((c) => ({ c, n: tab.cols.get(c.key) as number })).sort((a, b) => a.n - b.n);
  const out = new Map<string, Range>();
  const rows = tab.sheet.getMaxRows() - 1;
  for (let i = 0; i < at.length && rows > 0; ) {
    let j = i;
    while (j + 1 < at.length && at[j + 1].n === at[j].n + 1) j++;
    out.set(`${COMPUTED_PREFIX}${tab.layout.name} from ${at[i].c.header}`, tab.sheet.getRange(2, at[i].n, rows, j - i + 1));
    i = j + 1;
  }
  return out;
}

/** Adds the protection, or brings an existing one's range and mode in line; returns true when anything changed. */
function ensureOne(found: GoogleAppsScript.Spreadsheet.Protection | undefined, make: () => GoogleAppsScript.Spreadsheet.Protection, s: Strictness, range?: Range): boolean {
  if (!found) {
    applyMode(make(), s);
    return true;
  }
  let changed = false;
  if (range && found.getRange().getA1Notation() !== range.getA1Notation()) {
    found.setRange(range);
    changed = true;
  }
  return bringInLine(found, s) || changed;
}

/**
 * Protects every computed column (from the layouts' formulas) and the read-only tabs (Audit, Review, Supervision, the helper):
 * warning-only by default, owner + supervisors in strict mode (and then the whole Settings tab too). Attain's protections are found by
 * description, so a second run adds none. `keep` names ranges left editable on a protected tab (the Supervision clinician selector).
 * Records the mode applied (and who applied strict) in DocumentProperties. Returns the number added, changed or removed.
 */
export function ensureProtections(tabs: readonly Tab[], sheets: ReadonlyMap<string, Sheet>, s: Strictness, keep: Record<string, string> = {}): number {
  let changed = 0;
  for (const tab of tabs) {
    const want = computedRuns(tab);
    const mine = new Map<string, GoogleAppsScript.Spreadsheet.Protection>();
    for (const p of tab.sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)) {
      const description = p.getDescription();
      if (!description.startsWith(`${COMPUTED_PREFIX}${tab.layout.name} from `)) continue;
      // A removed protection answers nothing more, so it is dropped here and never looked at again.
      if (want.has(description) && !mine.has(description)) mine.set(description, p);
      else {
        p.remove();
        changed++;
      }
    }
    for (const [description, range] of want) {
      if (ensureOne(mine.get(description), () => range.protect().setDescription(description), s, range)) changed++;
    }
  }
  for (const name of PROTECTED_TABS) {
    const sheet = sheets.get(name.toLowerCase());
    if (!sheet) continue;
    const description = TAB_PREFIX + name;
    const found = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET).find((p) => p.getDescription() === description);
    const make = () => {
      const p = sheet.protect().setDescription(description);
      if (keep[name]) p.setUnprotectedRanges([sheet.getRange(keep[name])]);
      return p;
    };
    if (ensureOne(found, make, s)) changed++;
  }
  changed += ensureSettingsProtection(sheets.get(SETTINGS_TAB.toLowerCase()), s);
  const props = PropertiesService.getDocumentProperties();
  const mode = s.strict ? 'strict' : 'warning';
  if (props.getProperty(PROTECTION_PROPERTY) !== mode) {
    props.setProperty(PROTECTION_PROPERTY, mode);
    if (s.strict && s.me) props.setProperty(PROTECTION_SET_BY_PROPERTY, s.me);
    else props.deleteProperty(PROTECTION_SET_BY_PROPERTY);
  }
  return changed;
}

const SETTINGS_TAB = 'Settings';

/**
 * Strict: the whole Settings tab is protected (owner + the person running setup + supervisors), so nobody else can set "warning"
 * or edit the supervisor list. Warning: no tab protection (removed if there), since editing Settings is how a clinic in warning
 * mode configures Attain and a warning on every edit would teach people to click through warnings. Returns 1 when changed.
 */
function ensureSettingsProtection(sheet: Sheet | undefined, s: Strictness): number {
  if (!sheet) return 0;
  const description = TAB_PREFIX + SETTINGS_TAB;
  const found = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET).find((p) => p.getDescription() === description);
  if (!s.strict) {
    if (!found) return 0;
    found.remove();
    return 1;
  }
  return ensureOne(found, () => sheet.protect().setDescription(description), s) ? 1 : 0;
}
