// Discharge: buildRelapsePreventionPlan validates the plan with core's schema, takes the achieved goals from the Goals tab and writes the printable "Relapse prevention <code>" sheet.
import * as z from 'zod/mini';
import { fieldErrors } from '../core/messages';
import { achievedGoals, relapsePreventionPlanSchema, relapsePreventionSections } from '../core/relapse-prevention';
import { AUDIT } from '../sheets/layout';
import { relapsePreventionSheetName, writeRelapsePreventionSheet } from '../sheets/relapse-prevention-sheet';
import { clientRowOf, readGoals } from '../sheets/records';
import type { RelapsePreventionPlanData, RelapsePreventionPlanInput, Result } from '../contract';
import { withDocumentLock } from './lock';
import { alreadySaved, invalid, ok } from './validate';

export function buildRelapsePreventionPlan(input: RelapsePreventionPlanInput): Result<RelapsePreventionPlanData> {
  const parsed = z.safeParse(relapsePreventionPlanSchema, input);
  if (!parsed.success) return invalid(fieldErrors(parsed));
  const plan = parsed.data;
  const code = plan.clientCode;
  return withDocumentLock((book) => {
    // One client of this code, whatever its case: a code typed twice on Clients is reported, never guessed between.
    const found = clientRowOf(book, code);
    if ('error' in found) return invalid({ clientCode: found.error });
    book.tab(AUDIT);
    const goals = readGoals(book, code).map((g) => g.goal);
    const sections = relapsePreventionSections(plan, goals);
    // Rebuilding writes the same plan again, so a retry could only add a second Audit row: Audit is read only when the plan's tab exists.
    if (book.hasTab(relapsePreventionSheetName(code)) && book.priorRun().some((e) => e.action === 'buildRelapsePreventionPlan' && e.client.toLowerCase() === code.toLowerCase())) {
      return ok({ sheetName: relapsePreventionSheetName(code), rebuilt: true, sections }, alreadySaved(`the "${relapsePreventionSheetName(code)}" tab`));
    }
    const written = writeRelapsePreventionSheet(book.ss, code, sections, book.journal);
    if (!written.ok) return { ok: false, message: written.message, errors: {} };
    const achieved = achievedGoals(goals).length;
    book.audit({ action: 'buildRelapsePreventionPlan', client: code, entity: written.sheetName, summary: `Relapse-prevention plan ${written.rebuilt ? 'rebuilt' : 'built'} for ${plan.date}: ${sections.length} sections, ${achieved} goal(s) achieved` });
    written.finish();
    return ok({ sheetName: written.sheetName, rebuilt: written.rebuilt, sections });
  }, plan.requestId);
}
