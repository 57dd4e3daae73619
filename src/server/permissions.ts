// Can-edit check before any write: under strict protection, an action by someone who may not edit Attain's protected ranges is refused plainly before it writes anything.
import { Book } from '../sheets/book';
import { COMPUTED_PREFIX, PROTECTION_PROPERTY, TAB_PREFIX } from '../sheets/protect';

/**
 * The message refusing a write, or null when the user may write. Every action appends to Audit and writes computed
 * columns, so any strict Attain protection on them that the user cannot edit refuses the action (Audit checked first).
 * In warning mode (the default) nothing can block a write, so this costs no spreadsheet reads.
 */
export function writeRefusal(): string | null {
  if (PropertiesService.getDocumentProperties().getProperty(PROTECTION_PROPERTY) !== 'strict') return null;
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const type = SpreadsheetApp.ProtectionType;
  for (const p of [...ss.getProtections(type.SHEET), ...ss.getProtections(type.RANGE)]) {
    const d = p.getDescription();
    if (d !== `${TAB_PREFIX}Audit` && !d.startsWith(COMPUTED_PREFIX)) continue;
    if (p.isWarningOnly() || p.canEdit()) continue;
    return refusal(p.getRange().getSheet().getName(), ss);
  }
  return null;
}

function refusal(tab: string, ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  let owner = '';
  try {
    owner = ss.getOwner()?.getEmail() ?? '';
  } catch {
    owner = ''; // a shared drive has no single owner
  }
  const supervisors = new Book(ss).settings().supervisors;
  const who = `${owner || "the spreadsheet's owner"} or a supervisor${supervisors.length ? ` (${supervisors.join(', ')})` : ''}`;
  return `You can't edit the ${tab} tab: it is protected. Ask ${who} to make this change, or to add you to Supervisors in Settings and run Set up this spreadsheet. Nothing was saved.`;
}
