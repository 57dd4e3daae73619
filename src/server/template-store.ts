// The template library as Apps Script holds it (the server build puts this in place of core's template-library): the picker's list comes with Code.js, each template from the pushed Templates.html, read only when handed over, so Code.js stays in its budget.
import { parseTemplate, type PlanTemplate } from '../core/templates';

/** Set by scripts/build.mjs from templates/: id, title and description of each template, in index order. */
declare const __ATTAIN_TEMPLATE_LIST__: { id: string; title: string; description: string }[];

/** The picker's list (no service call). */
export function templateList(): { id: string; title: string; description: string }[] {
  return __ATTAIN_TEMPLATE_LIST__.map((t) => ({ ...t }));
}

/** Every template file's JSON, from dist/Templates.html (one HtmlService read). */
function files(): Record<string, unknown> {
  const text = HtmlService.createHtmlOutputFromFile('Templates').getContent();
  return JSON.parse(text.slice(text.indexOf('{'))) as Record<string, unknown>;
}

/** One template by id, checked by core's schema; null when the library has no such id. */
export function bundledTemplate(id: string): PlanTemplate | null {
  if (!__ATTAIN_TEMPLATE_LIST__.some((t) => t.id === id)) return null;
  const t = parseTemplate(files()[id], `templates/${id}.json`);
  if (t.id !== id) throw new Error(`templates/${id}.json: expected id "${id}" (its file name); got "${t.id}"`);
  return t;
}

/** Every template, checked (what core's library answers). */
export function bundledTemplates(): PlanTemplate[] {
  const all = files();
  return __ATTAIN_TEMPLATE_LIST__.map((t) => parseTemplate(all[t.id], `templates/${t.id}.json`));
}
