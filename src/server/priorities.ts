// savePriorities: urgency, importance, readiness and DBT tier per goal; score and rank are native formulas in the Priorities tab (core's rule).
import { rankPriorities } from '../core/priority';
import { AUDIT, PRIORITIES } from '../sheets/layout';
import { appendAt, clientRowOf, othersGoals, readGoals, readPriorities, rewriteRows } from '../sheets/records';
import { lastRowOf } from '../sheets/table';
import { clientDetail } from './clients';
import type { ClientDetail, Result, SavePrioritiesInput } from '../contract';
import { withDocumentLock } from './lock';
import { alreadySaved, invalid, ok, parse } from './validate';
import { savePrioritiesSchema } from '../core/caseload-inputs';

export function savePriorities(input: SavePrioritiesInput): Result<ClientDetail> {
  const parsed = parse(savePrioritiesSchema, input);
  if (!parsed.ok) return invalid(parsed.errors);
  const p = parsed.value;
  const errors: Record<string, string> = {};
  const seen = new Set<string>();
  p.items.forEach((it, i) => {
    if (seen.has(it.goalId)) errors[`items.${i}.goalId`] = `Expected each goal once; got "${it.goalId}" again`;
    seen.add(it.goalId);
  });
  if (Object.keys(errors).length) return invalid(errors);
  const code = p.clientCode;
  return withDocumentLock((book) => {
    const found = clientRowOf(book, code);
    if ('error' in found) return invalid({ clientCode: found.error });
    const { row } = found;
    const others = othersGoals(book, p.items.map((it) => it.goalId), readGoals(book, code));
    p.items.forEach((it, i) => {
      const owner = others.get(it.goalId);
      if (owner !== undefined) errors[`items.${i}.goalId`] = `Expected a goal of client ${code}; got "${it.goalId}"${owner ? `, which belongs to ${owner}` : ', which is not on the Goals tab'}`;
    });
    if (Object.keys(errors).length) return invalid(errors);
    const tab = book.tab(PRIORITIES);
    book.tab(AUDIT); // opened before the first write, so a broken Audit tab stops the action before anything is saved
    const lastRow = lastRowOf(tab);
    const existing = new Map(readPriorities(book, code).map((r) => [r.goalId, r]));
    // A retry of this very save whose first attempt landed (its reply lost): the priorities as the sheet holds them, nothing written twice.
    // Saving priorities rewrites rows in place, so a retry could only add a second Audit row: Audit is read only when every goal sent
    // is already stored with the same values (a retry, or a save that changes nothing).
    const same = p.items.every((it) => {
      const r = existing.get(it.goalId);
      return r !== undefined && r.urgency === it.urgency && r.importance === it.importance && r.readiness === it.readiness && r.tier === it.tier;
    });
    if (same && book.priorRun().some((e) => e.action === 'savePriorities')) return ok(clientDetail(book, code, { row }) as ClientDetail, alreadySaved(`the priorities of ${code}`));
    const updates: { row: number; values: Record<string, unknown>; before: Record<string, unknown> }[] = [];
    const added: Record<string, unknown>[] = [];
    for (const it of p.items) {
      const values = { client: code, goalId: it.goalId, urgency: it.urgency, importance: it.importance, readiness: it.readiness, tier: it.tier };
      const old = existing.get(it.goalId);
      if (old) updates.push({ row: old.row, values, before: old.raw });
      else added.push(values);
    }
    rewriteRows(tab, updates);
    if (added.length) appendAt(tab, lastRow + 1, added);
    const ranks = rankPriorities(p.items.map((it) => ({ urgency: it.urgency, importance: it.importance, readiness: it.readiness, tier: it.tier })));
    const top = p.items.map((it, i) => ({ id: it.goalId, rank: ranks[i] })).sort((a, b) => a.rank - b.rank)[0];
    book.audit({ action: 'savePriorities', client: code, entity: 'Priorities', summary: `${p.items.length} goal(s) prioritised (${added.length} added, ${updates.length} updated); first in this set: ${top.id}` });
    return ok(clientDetail(book, code, { row }) as ClientDetail);
  }, p.requestId);
}
