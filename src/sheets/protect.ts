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
