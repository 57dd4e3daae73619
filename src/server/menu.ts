// Simple triggers and the add-on menu: built from entrypoints.json, safe in AuthMode.NONE.
import entrypoints from './entrypoints.json';
import { plainScopeError } from '../sheets/scopes';

interface Entry {
  name: string;
  kind: string;
  label?: string;
}

/** Menu items in entry-point order; the same list the build and the contract test read. */
export const MENU_ITEMS: { label: string; fn: string }[] = (entrypoints.entries as Entry[])
  .filter((e) => e.kind === 'menu')
  .map((e) => ({ label: e.label ?? e.name, fn: e.name }));

/** Builds the Extensions ▸ Attain menu; touches nothing else, since it may run before authorisation. */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const item of MENU_ITEMS) menu.addItem(item.label, item.fn);
  menu.addToUi();
}

/** An add-on installed from the Marketplace gets onInstall instead of the first onOpen. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

/** Opens the sidebar (dist/Sidebar.html), a fixed 300 px panel. */
export function showSidebar(): void {
  try {
    const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Attain');
    SpreadsheetApp.getUi().showSidebar(html);
  } catch (err) {
    throw plainScopeError(err); // without script.container.ui Apps Script's own message names a scope URL, not what to do
  }
}
