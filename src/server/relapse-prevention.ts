// Discharge: buildRelapsePreventionPlan validates the plan with core's schema, takes the achieved goals from the Goals tab and writes the printable "Relapse prevention <code>" sheet.
import * as z from 'zod/mini';
import { fieldErrors } from '../core/messages';
import { achievedGoals, relapsePreventionPlanSchema, relapsePreventionSections } from '../core/relapse-prevention';
import { Book } from '../sheets/book';
import { AUDIT } from '../sheets/layout';
import { writeRelapsePreventionSheet } from '../sheets/relapse-prevention-sheet';
import { clientCodes, readGoals } from '../sheets/records';
import type { RelapsePreventionPlanData, RelapsePreventionPlanInput, Result } from '../contract';
import { withDocumentLock } from './lock';
import { invalid, ok } from './validate';

export function buildRelapsePreventionPlan(input: RelapsePreventionPlanInput): Result<RelapsePreventionPlanData> {
  const parsed = z.safeParse(relapsePreventionPlanSchema, input);
  if (!parsed.success) return invalid(fieldErrors(parsed));
  const plan = parsed.data;
  const code = plan.clientCode;
  return withDocumentLock(() => {
    const book = new Book();
    if (!clientCodes(book).codes.has(code.toLowerCase())) return invalid({ clientCode: `Expected a client on the Clients tab; got "${code}", which is not there` });
    book.tab(AUDIT);
    const goals = readGoals(book, code).map((g) => g.goal);
    const sections = relapsePreventionSections(plan, goals);
    const written = writeRelapsePreventionSheet(book.ss, code, sections);
    if (!written.ok) return { ok: false, message: written.message, errors: {} };
    const achieved = achievedGoals(goals).length;
    book.audit({ action: 'buildRelapsePreventionPlan', client: code, entity: written.sheetName, summary: `Relapse-prevention plan ${written.rebuilt ? 'rebuilt' : 'built'} for ${plan.date}: ${sections.length} sections, ${achieved} goal(s) achieved` });
    return ok({ sheetName: written.sheetName, rebuilt: written.rebuilt, sections });
  });
}
