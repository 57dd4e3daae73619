// Sidebar action getTemplate: one goal-plan template of the library, handed over on demand so the sidebar HTML does not carry all ten.
import { bundledTemplates } from '../core/template-library';
import type { PlanTemplate } from '../core/templates';
import type { Result, TemplateSummary } from '../contract';
import { invalid, ok } from './validate';

/** The picker's list: id, title and description of every template, in library order (no service call). */
export function templateSummaries(): TemplateSummary[] {
  return bundledTemplates().map((t) => ({ id: t.id, title: t.title, description: t.description }));
}

/** One template by id; an unknown id names the ones there are. */
export function getTemplate(id: string): Result<PlanTemplate> {
  const all = bundledTemplates();
  const found = all.find((t) => t.id === id);
  if (!found) return invalid({ id: `Expected one of the listed templates (${all.map((t) => t.id).join(', ')}); got ${JSON.stringify(id)}. Choose a template from the list` }, `No template ${JSON.stringify(id)}.`);
  return ok(found);
}
