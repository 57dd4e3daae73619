// Sidebar action for goal plans: savePlan (add new goals, update existing rows in place). Templates live in the sidebar bundle.
import { LIMITS } from '../core/plan';
import { Book } from '../sheets/book';
import { AUDIT, GOALS } from '../sheets/layout';
import { appendAt, clientCodes, goalIndex, goalToRow, readGoals, rewriteRows } from '../sheets/records';
import { clientDetail } from './clients';
import type { ClientDetail, GoalView, Result, SavePlanInput } from './contract';
import { withDocumentLock } from './lock';
import { invalid, ok, parse, savePlanSchema, type PlanGoal } from './validate';

/** A goal is new when its id is '' or a temporary "new…" id the sidebar made up (objectives may point at it). */
export function isNewId(id: string): boolean {
  return id === '' || /^new\b/i.test(id);
}

/** Rules across rows and per horizon that the row schema cannot express; core's plan rules, for flat rows. */
export function planProblems(goals: readonly PlanGoal[]): Record<string, string> {
  const errors: Record<string, string> = {};
  const at = (i: number, field: string, message: string) => {
    const k = `goals.${i}.${field}`;
    if (!(k in errors)) errors[k] = message;
  };
  const seen = new Map<string, number>();
  goals.forEach((g, i) => {
    if (g.id === '') return;
    if (seen.has(g.id)) at(i, 'id', `Expected each goal id once; got "${g.id}" again (also goal ${seen.get(g.id)})`);
    else seen.set(g.id, i);
  });
  const longIds = new Set(goals.filter((g) => g.horizon === 'long' && g.id !== '').map((g) => g.id));
  const perGoal = new Map<string, number>();
  goals.forEach((g, i) => {
    const need = (field: keyof PlanGoal, what: string) => {
      if (String(g[field] ?? '').trim() === '') at(i, field, `Expected ${what}; got a blank`);
    };
    if (g.horizon === 'long') {
      if (g.parentId !== '') at(i, 'parentId', `Expected no parent for a long-term goal; got "${g.parentId}"`);
      need('category', 'a category such as "mood"');
      need('modality', 'a modality');
      need('values', 'a values statement ("why this matters")');
      need('deadline', 'a deadline as YYYY-MM-DD');
    } else {
      if (!longIds.has(g.parentId)) at(i, 'parentId', `Expected the id of a long-term goal in this plan; got ${g.parentId === '' ? 'a blank' : `"${g.parentId}"`}`);
      perGoal.set(g.parentId, (perGoal.get(g.parentId) ?? 0) + 1);
      need('behaviour', 'an observable behaviour (what someone would see the client doing)');
      need('measure', 'a measure (how the behaviour is counted or rated)');
      need('target', 'a target such as "20 minutes"');
      need('frequency', 'a frequency such as "3 times a week"');
      need('deadline', 'a deadline as YYYY-MM-DD');
      const labels = ['-2', '-1', '0', '+1', '+2'];
      const texts = new Map<string, string>();
      g.anchors.forEach((a, j) => {
        const t = a.trim().toLowerCase();
        if (t === '') at(i, `anchors.${j}`, `Expected the ${labels[j]} anchor as text; got a blank`);
        else if (texts.has(t)) at(i, `anchors.${j}`, `Expected the ${labels[j]} anchor to differ from the ${texts.get(t)} anchor; got the same text`);
        else texts.set(t, labels[j]);
      });
      if (g.baseline === null) at(i, 'baseline', 'Expected a baseline of -1 (some ability) or -2 (none at all); got null');
      if (g.importance === null) at(i, 'importance', 'Expected importance as a whole number 0–3; got null');
      if (g.difficulty === null) at(i, 'difficulty', 'Expected difficulty as a whole number 0–3; got null');
    }
    if (g.status !== 'active' && g.statusReason.trim() === '') at(i, 'statusReason', `Expected a reason for status "${g.status}" (why it was ${g.status}); got a blank`);
  });
  const longCount = goals.filter((g) => g.horizon === 'long').length;
  if (longCount > LIMITS.goalsPerPlan.max) errors.goals = `Expected at most ${LIMITS.goalsPerPlan.max} long-term goals; got ${longCount}`;
  goals.forEach((g, i) => {
    if (g.horizon === 'long' && (perGoal.get(g.id) ?? 0) > LIMITS.objectivesPerGoal.max) at(i, 'id', `Expected at most ${LIMITS.objectivesPerGoal.max} objectives for this goal; got ${perGoal.get(g.id)}`);
  });
  return errors;
}

/** Saves a client's plan: new goals get ids `<code>.G<n>` / `<goal>.O<n>`; existing rows are rewritten in place; nothing else moves. */
export function savePlan(input: SavePlanInput): Result<ClientDetail> {
  const parsed = parse(savePlanSchema, input);
  if (!parsed.ok) return invalid(parsed.errors);
  const plan = parsed.value;
  const problems = planProblems(plan.goals);
  if (Object.keys(problems).length) return invalid(problems);
  const code = plan.clientCode;
  return withDocumentLock(() => {
    const book = new Book();
    if (!clientCodes(book).codes.has(code.toLowerCase())) return invalid({ clientCode: `Expected a client on the Clients tab; got "${code}", which is not there` });
    const { byId, lastRow } = goalIndex(book, true);
    const errors: Record<string, string> = {};
    plan.goals.forEach((g, i) => {
      if (isNewId(g.id)) return;
      const hit = byId.get(g.id);
      if (!hit) errors[`goals.${i}.id`] = `Expected an existing goal id (or "" for a new goal); got "${g.id}", which is not on the Goals tab`;
      else if (hit.client.toLowerCase() !== code.toLowerCase()) errors[`goals.${i}.id`] = `Expected a goal of client ${code}; got "${g.id}", which belongs to ${hit.client}`;
    });
    if (Object.keys(errors).length) return invalid(errors);
    book.tab(AUDIT); // opened before the first write, so a broken Audit tab stops the action before anything is saved
    const before = new Map(readGoals(book, code, lastRow).map((r) => [r.goal.id, r]));
    const today = book.today();
    // New ids continue after the highest number the client already has, so ids are never reused.
    let nextGoal = 1 + Math.max(0, ...[...byId.keys()].map((id) => new RegExp(`^${code.replace(/[-]/g, '\\-')}\\.G(\\d+)$`, 'i').exec(id)).map((m) => (m ? Number(m[1]) : 0)));
    const assigned = new Map<string, string>();
    const nextObjective = new Map<string, number>();
    const idFor = (g: PlanGoal): string => {
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
    const order = plan.goals.map((g, i) => ({ g, i })).sort((a, b) => (a.g.horizon === b.g.horizon ? a.i - b.i : a.g.horizon === 'long' ? -1 : 1));
    const updates: { row: number; values: Record<string, unknown> }[] = [];
    const added: Record<string, unknown>[] = [];
    const changes: string[] = [];
    for (const { g } of order) {
      const id = idFor(g);
      const parentId = g.horizon === 'long' ? '' : isNewId(g.parentId) ? (assigned.get(g.parentId) as string) : g.parentId;
      const old = before.get(id);
      const statusDate = old && old.goal.status === g.status && old.goal.statusDate ? old.goal.statusDate : today;
      const view: GoalView = { ...g, id, parentId, clientCode: code, weight: null, statusDate };
      const values = goalToRow(view, plan.templateId ?? '');
      if (old) {
        updates.push({ row: old.row, values });
        if (old.goal.status !== g.status) changes.push(`${id} status ${old.goal.status} → ${g.status}${g.statusReason ? ` (${g.statusReason})` : ''}`);
      } else {
        added.push(values);
      }
    }
    const tab = book.tab(GOALS);
    rewriteRows(tab, updates);
    if (added.length) appendAt(tab, lastRow + 1, added);
    const summary = [`${added.length} added`, `${updates.length} updated`, ...changes].join('; ');
    book.audit({ action: 'savePlan', client: code, entity: `Goals${plan.templateId ? ` (template ${plan.templateId})` : ''}`, summary: `Plan saved: ${summary}` });
    return ok(clientDetail(book, code) as ClientDetail);
  });
}
