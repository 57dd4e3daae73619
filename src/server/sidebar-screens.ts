// Sidebar action getSidebarScreens: the screens part (every screen but Clients) from the pushed SidebarScreens.html, handed over after the first render so Sidebar.html stays small.
import type { Result } from '../contract';
import { ok } from './validate';

/** The script inside SidebarScreens.html (scripts/build.mjs writes it as one <script> element after a comment). */
export function screensScript(html: string): string {
  const start = html.indexOf('<script>');
  const end = html.lastIndexOf('</script>');
  if (start < 0 || end < start) throw new Error('Expected SidebarScreens.html to hold one <script> element; it holds none. Build again (node scripts/build.mjs) and push dist/');
  return html.slice(start + '<script>'.length, end);
}

/** The screens part's script (one HtmlService read, no spreadsheet call). */
export function getSidebarScreens(): Result<string> {
  return ok(screensScript(HtmlService.createHtmlOutputFromFile('SidebarScreens').getContent()));
}
