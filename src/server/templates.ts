// Sidebar action getTemplate: one goal-plan template of the library, handed over on demand so the sidebar HTML does not carry all ten.
import { bundledTemplate, templateList } from '../core/template-library';
import type { PlanTemplate } from '../core/templates';
import type { Result, TemplateSummary } from '../contract';
import { invalid, ok } from './validate';

/** The picker's list: id, title and description of every template, in library order (no service call, no validation). */
export function templateSummaries(): TemplateSummary[] {
  return templateList();
}

/** One template by id; an unknown id names the ones there are. */
export function getTemplate(id: string): Result<PlanTemplate> {
  const found = typeof id === 'string' ? bundledTemplate(id) : null;
  if (!found) return invalid({ id: `Expected one of the listed templates (${templateList().map((t) => t.id).join(', ')}); got ${JSON.stringify(id)}. Choose a template from the list` }, `No template ${JSON.stringify(id)}.`);
  return ok(found);
}
