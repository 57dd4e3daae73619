// Discharge: buildMaintenancePlan validates the plan with core's schema, takes the achieved goals from the Goals tab and writes the printable "Maintenance <code>" sheet.
import * as z from 'zod/mini';
import { fieldErrors } from '../core/plan';
import { achievedGoals, maintenancePlanSchema, maintenanceSections } from '../core/maintenance';
import { Book } from '../sheets/book';
import { AUDIT } from '../sheets/layout';
import { writeMaintenanceSheet } from '../sheets/maintenance-sheet';
import { clientCodes, readGoals } from '../sheets/records';
import type { MaintenancePlanData, MaintenancePlanInput, Result } from './contract';
import { withDocumentLock } from './lock';
import { invalid, ok } from './validate';

export function buildMaintenancePlan(input: MaintenancePlanInput): Result<MaintenancePlanData> {
  const parsed = z.safeParse(maintenancePlanSchema, input);
  if (!parsed.success) return invalid(fieldErrors(parsed));
  const plan = parsed.data;
  const code = plan.clientCode;
  return withDocumentLock(() => {
    const book = new Book();
    if (!clientCodes(book).codes.has(code.toLowerCase())) return invalid({ clientCode: `Expected a client on the Clients tab; got "${code}", which is not there` });
    book.tab(AUDIT);
    const goals = readGoals(book, code).map((g) => g.goal);
    const sections = maintenanceSections(plan, goals);
    const written = writeMaintenanceSheet(book.ss, code, sections);
    if (!written.ok) return { ok: false, message: written.message, errors: {} };
    const achieved = achievedGoals(goals).length;
    book.audit({ action: 'buildMaintenancePlan', client: code, entity: written.sheetName, summary: `Maintenance plan ${written.rebuilt ? 'rebuilt' : 'built'} for ${plan.date}: ${sections.length} sections, ${achieved} goal(s) achieved` });
    return ok({ sheetName: written.sheetName, rebuilt: written.rebuilt, sections });
  });
}
