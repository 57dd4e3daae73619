// Header-row protections: warning-only by default, editor-limited in strict mode; never on data rows, so appends by any clinician keep working.
import type { Settings } from './settings';
import type { Tab } from './table';

export const PROTECTION_PREFIX = 'Attain: header row of ';

/**
 * Protects row 1 of a tab once; an existing Attain protection is brought in line with the mode (warning ↔ strict) and otherwise left alone.
 * Returns true when a protection was added or changed.
 */
export function ensureHeaderProtection(tab: Tab, settings: Settings): boolean {
  const description = PROTECTION_PREFIX + tab.layout.name;
  const strict = settings.protectionMode === 'strict';
  const mine = tab.sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE).find((p) => p.getDescription() === description);
  if (mine) {
    if (mine.isWarningOnly() === !strict) return false;
    applyMode(mine, strict, settings.supervisors);
    return true;
  }
  const p = tab.sheet.getRange('1:1').protect().setDescription(description);
  applyMode(p, strict, settings.supervisors);
  return true;
}

function applyMode(p: GoogleAppsScript.Spreadsheet.Protection, strict: boolean, supervisors: readonly string[]): void {
  if (!strict) {
    p.setWarningOnly(true);
    return;
  }
  p.setWarningOnly(false);
  // The person running setup stays an editor before others are removed (Apps Script refuses otherwise).
  const me = Session.getEffectiveUser().getEmail();
  if (me) p.addEditor(me);
  const keep = new Set([me, ...supervisors].filter(Boolean).map((e) => e.toLowerCase()));
  const drop = p.getEditors().map((u) => u.getEmail()).filter((e) => !keep.has(e.toLowerCase()));
  if (drop.length) p.removeEditors(drop);
  if (supervisors.length) p.addEditors([...supervisors]);
  if (p.canDomainEdit()) p.setDomainEdit(false);
}

// ---- Computed columns and whole tabs (issue 6) ----------------------------------

/** DocumentProperties key recording the mode setup last applied; actions check editors only when it is strict. */
export const PROTECTION_PROPERTY = 'attain.protectionMode';
export const COMPUTED_PREFIX = 'Attain: computed columns of ';
export const TAB_PREFIX = 'Attain: protected tab ';
/** Whole tabs people read but never type in (those that exist are protected). */
export const PROTECTED_TABS = ['Audit', 'Review', 'Supervision', 'Attain alerts'];

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** Each run of adjacent formula columns of a tab, rows 2 … the sheet's last row, keyed by its description. */
function computedRuns(tab: Tab): Map<string, Range> {
  const at = tab.layout.columns.filter((c) => c.formula && tab.cols.has(c.key)).map((c) => ({ c, n: tab.cols.get(c.key) as number })).sort((a, b) => a.n - b.n);
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
function ensureOne(found: GoogleAppsScript.Spreadsheet.Protection | undefined, make: () => GoogleAppsScript.Spreadsheet.Protection, settings: Settings, range?: Range): boolean {
  const strict = settings.protectionMode === 'strict';
  if (!found) {
    applyMode(make(), strict, settings.supervisors);
    return true;
  }
  let changed = false;
  if (range && found.getRange().getA1Notation() !== range.getA1Notation()) {
    found.setRange(range);
    changed = true;
  }
  if (found.isWarningOnly() === strict) {
    applyMode(found, strict, settings.supervisors);
    changed = true;
  }
  return changed;
}

/**
 * Protects every computed column (from the layouts' formulas) and the read-only tabs (Audit, Review, Supervision, the helper):
 * warning-only by default, owner + supervisors in strict mode. Attain's protections are found by description, so a second run adds none.
 * `keep` names ranges left editable on a protected tab (the Supervision clinician selector). Returns the number added or changed.
 */
export function ensureProtections(tabs: readonly Tab[], sheets: ReadonlyMap<string, Sheet>, settings: Settings, keep: Record<string, string> = {}): number {
  let changed = 0;
  for (const tab of tabs) {
    const want = computedRuns(tab);
    const mine = tab.sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE).filter((p) => p.getDescription().startsWith(`${COMPUTED_PREFIX}${tab.layout.name} from `));
    for (const p of mine) {
      if (want.has(p.getDescription())) continue;
      p.remove();
      changed++;
    }
    for (const [description, range] of want) {
      if (ensureOne(mine.find((p) => p.getDescription() === description), () => range.protect().setDescription(description), settings, range)) changed++;
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
    if (ensureOne(found, make, settings)) changed++;
  }
  const props = PropertiesService.getDocumentProperties();
  if (props.getProperty(PROTECTION_PROPERTY) !== settings.protectionMode) props.setProperty(PROTECTION_PROPERTY, settings.protectionMode);
  return changed;
}
