// Sidebar action for goal plans: savePlan (add new goals, update existing rows in place). Templates live in the sidebar bundle.
import { GAS_FIELDS, isNewId, planRowProblems, savePlanSchema, type PlanRow } from '../core/plan-rows';
import { AUDIT, GOALS } from '../sheets/layout';
import { appendAt, clientRowOf, goalIndex, goalToRow, readGoals, rewriteRows } from '../sheets/records';
import { clientDetail } from './clients';
import type { ClientDetail, GoalView, Result, SavePlanInput } from '../contract';
import { withDocumentLock } from './lock';
import { alreadySaved, invalid, ok, parse } from './validate';
import { cellText } from '../sheets/values';

/** Saves a client's plan: new goals get ids `<code>.G<n>` / `<goal>.O<n>`; existing rows are rewritten in place; nothing else moves. */
export function savePlan(input: SavePlanInput): Result<ClientDetail> {
  const parsed = parse(savePlanSchema, input);
  if (!parsed.ok) return invalid(parsed.errors);
  const plan = parsed.value;
  const gasOnly = plan.only === 'gas';
  // A GAS save is checked inside the lock, on the stored plan with its scale fields applied (unsaved plan edits are not its to judge).
  const problems = gasOnly ? {} : planRowProblems(plan.goals);
  if (Object.keys(problems).length) return invalid(problems);
  const code = plan.clientCode;
  return withDocumentLock((book) => {
    const found = clientRowOf(book, code);
    if ('error' in found) return invalid({ clientCode: found.error });
    const { row } = found;
    const { byId, lastRow } = goalIndex(book, true);
    const stored = readGoals(book, code);
    // A Goal ID cleared by hand: refused, naming the row, rather than repaired. Attain cannot tell which row of the plan sent is that
    // goal (the sidebar sends it as a new goal, which would append a copy on every save), and its Ratings, Reviews and Priorities rows
    // still carry the old id, which only the clinician can restore. Nothing is written; the message offers the next free id.
    const idless = stored.filter((r) => r.goal.id === '');
    if (idless.length) {
      const free = (prefix: string) => `${prefix}${1 + Math.max(0, ...[...byId.keys()].map((id) => (id.toLowerCase().startsWith(prefix.toLowerCase()) ? Number(id.slice(prefix.length)) || 0 : 0)))}`;
      const rowsText = idless.map((r) => `row ${r.row} ("${r.goal.title || r.goal.behaviour || 'untitled'}"; type its old id back, or ${free(r.goal.parentId ? `${r.goal.parentId}.O` : `${code}.G`)} if it is lost)`).join('; ');
      const message = `Expected every goal of ${code} on the Goals tab to have a Goal ID; ${idless.length === 1 ? 'this row has' : 'these rows have'} none (cleared by hand): Goals ${rowsText}. Nothing was saved; fix the Goal ID cell, then save again`;
      return invalid({ goals: message }, message);
    }
    const errors: Record<string, string> = {};
    plan.goals.forEach((g, i) => {
      if (isNewId(g.id)) return;
      const hit = byId.get(g.id);
      if (!hit) errors[`goals.${i}.id`] = `Expected an existing goal id (or "" for a new goal); got "${g.id}", which is not on the Goals tab`;
      else if (hit.client.toLowerCase() !== code.toLowerCase()) errors[`goals.${i}.id`] = `Expected a goal of client ${code}; got "${g.id}", which belongs to ${hit.client}`;
    });
    if (Object.keys(errors).length) return invalid(errors);
    let goals: readonly PlanRow[] = plan.goals;
    if (gasOnly) {
      const merged = gasMerge(plan.goals, stored.map((r) => r.goal));
      const gasProblems = planRowProblems(merged.goals);
      if (Object.keys(gasProblems).length) return invalid(merged.remap(gasProblems));
      goals = merged.goals;
    }
    book.tab(AUDIT); // opened before the first write, so a broken Audit tab stops the action before anything is saved
    // A retry of this very save whose first attempt landed (its reply lost): the plan as the sheet holds it, nothing written twice.
    // Audit is read only when a goal sent as new already has a stored twin of the same wording (a retry always does): saving existing
    // rows again writes the same cells, so only new goals could be written twice, and a routine save reads no more.
    const storedTitles = new Set(stored.map((r) => `${r.goal.horizon}|${r.goal.title.trim().toLowerCase()}`));
    const twin = goals.some((g) => isNewId(g.id) && storedTitles.has(`${g.horizon}|${g.title.trim().toLowerCase()}`));
    if (twin && book.priorRun().some((e) => e.action === 'savePlan')) return ok(clientDetail(book, code, { row }) as ClientDetail, alreadySaved(`the plan of ${code}`));
    const before = new Map(stored.map((r) => [r.goal.id, r]));
    const today = book.today();
    // New ids continue after the highest number the client already has, so ids are never reused.
    let nextGoal = 1 + Math.max(0, ...[...byId.keys()].map((id) => new RegExp(`^${code.replace(/[-]/g, '\\-')}\\.G(\\d+)$`, 'i').exec(id)).map((m) => (m ? Number(m[1]) : 0)));
    const assigned = new Map<string, string>();
    const nextObjective = new Map<string, number>();
    const idFor = (g: PlanRow): string => {
      if (!isNewId(g.id)) return g.id;
      if (g.id !== '' && assigned.has(g.id)) return assigned.get(g.id) as string;
      let id: string;
      if (g.horizon === 'long') id = `${code}.G${nextGoal++}`;
      else {
        const parent = isNewId(g.parentId) ? (assigned.get(g.parentId) as string) : g.parentId;
        const used = [...byId.keys(), ...assigned.values()].map((x) => (x.startsWith(`${parent}.O`) ? Number(x.slice(parent.length + 2)) || 0 : 0));
        const n = Math.max(nextObjective.get(parent) ?? 1, 1 + Math.max(0, ...used));
        nextObjective.set(parent, n + 1);
        id = `${parent}.O${n}`;
      }
      if (g.id !== '') assigned.set(g.id, id);
      return id;
    };
    // Long-term goals first, so objectives can refer to their new ids.
    const order = goals.map((g, i) => ({ g, i })).sort((a, b) => (a.g.horizon === b.g.horizon ? a.i - b.i : a.g.horizon === 'long' ? -1 : 1));
    const updates: { row: number; values: Record<string, unknown>; before: Record<string, unknown> }[] = [];
    const added: Record<string, unknown>[] = [];
    const changes: string[] = [];
    for (const { g } of order) {
      const id = idFor(g);
      const parentId = g.horizon === 'long' ? '' : isNewId(g.parentId) ? (assigned.get(g.parentId) as string) : g.parentId;
      const old = before.get(id);
      const statusDate = old && old.goal.status === g.status && old.goal.statusDate ? old.goal.statusDate : today;
      const view: GoalView = { ...g, id, parentId, clientCode: code, weight: null, statusDate };
      // Template says where a row came from: an existing row keeps its own; only new rows take this save's template.
      const values = goalToRow(view, old ? cellText(old.raw.template) : plan.templateId ?? '');
      if (old) {
        // An unchanged row is not written: a save touches only the cells it changes (the clinic's hand edits elsewhere stay as typed).
        if (JSON.stringify(values) === JSON.stringify(goalToRow(old.goal, cellText(old.raw.template)))) continue;
        updates.push({ row: old.row, values: { ...values, template: old.raw.template }, before: old.raw });
        if (old.goal.status !== g.status) changes.push(`${id} status ${old.goal.status} → ${g.status}${g.statusReason ? ` (${g.statusReason})` : ''}`);
      } else {
        added.push(values);
      }
    }
    const tab = book.tab(GOALS);
    rewriteRows(tab, updates);
    if (added.length) appendAt(tab, lastRow + 1, added);
    const summary = [`${added.length} added`, `${updates.length} updated`, ...changes].join('; ');
    book.audit({ action: 'savePlan', client: code, entity: gasOnly ? 'Goals (GAS scales)' : `Goals${plan.templateId ? ` (template ${plan.templateId})` : ''}`, summary: `Plan saved: ${summary}` });
    return ok(clientDetail(book, code, { row }) as ClientDetail);
  }, plan.requestId);
}

/**
 * The GAS screen's save: the stored plan with the scale fields of the goals sent applied (goals not yet saved are left for the
 * Plan screen), and a map from stored-plan error keys back to the rows as sent.
 */
function gasMerge(sent: readonly PlanRow[], stored: readonly GoalView[]): { goals: PlanRow[]; remap(errors: Record<string, string>): Record<string, string> } {
  const sentAt = new Map(sent.map((g, i) => [g.id, i]));
  const goals = stored.map((s): PlanRow => {
    const { clientCode: _c, weight: _w, statusDate: _d, ...row } = s;
    const g = sentAt.has(s.id) ? sent[sentAt.get(s.id) as number] : null;
    const out = { ...row } as PlanRow;
    if (g) for (const f of GAS_FIELDS) (out as unknown as Record<string, unknown>)[f] = g[f];
    return out;
  });
  const remap = (errors: Record<string, string>) =>
    Object.fromEntries(
      Object.entries(errors).map(([k, v]) => {
        const m = /^goals\.(\d+)(\..*)?$/.exec(k);
        const at = m ? sentAt.get(stored[Number(m[1])]?.id ?? '') : undefined;
        return [at === undefined ? (m ? 'goals' : k) : `goals.${at}${m?.[2] ?? ''}`, v];
      }),
    );
  return { goals, remap };
}
