// Hook holding the selected client's plan draft (shared by the plan editor and the GAS builder), with edits, template fill and undo.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ClientDetail } from '../../src/contract';
import { blankGoal, blankLongGoal, draftFromGoals, MAX_GOALS, MAX_OBJECTIVES, toPlanInput, treeErrors, type GoalDraft, type GoalRef, type LongGoalDraft } from '../model/plan';
import { call } from '../rpc';
import type { Action } from './useAction';

export interface PlanDraft {
  goals: LongGoalDraft[];
  templateId: string;
  /** True once anything was typed since the last load or save. */
  dirty: boolean;
  /** The goals before the last template fill, for "Undo". */
  undo: LongGoalDraft[] | null;
  update(ref: GoalRef, patch: Partial<GoalDraft>): void;
  addGoal(): void;
  removeGoal(goal: number): void;
  addObjective(goal: number): void;
  removeObjective(goal: number, objective: number): void;
  fill(goals: LongGoalDraft[], templateId: string): void;
  undoFill(): void;
  /** Resets the draft to what the server holds (after a save, so new goals carry their saved ids). */
  reset(detail: ClientDetail): void;
}

export function usePlanDraft(code: string | null, detail: ClientDetail | null): PlanDraft {
  const [goals, setGoals] = useState<LongGoalDraft[]>([]);
  const [templateId, setTemplateId] = useState('');
  const [dirty, setDirty] = useState(false);
  const [undo, setUndo] = useState<LongGoalDraft[] | null>(null);
  const loadedFor = useRef<string | null>(null);
  const dirtyRef = useRef(false);
  dirtyRef.current = dirty;

  const lastDetail = useRef<ClientDetail | null>(null);
  const reset = useCallback((d: ClientDetail) => {
    lastDetail.current = d;
    const tree = draftFromGoals(d.goals);
    setGoals(tree.length > 0 ? tree : [blankLongGoal({ modality: d.client.modality })]);
    setTemplateId('');
    setDirty(false);
    setUndo(null);
    loadedFor.current = d.client.code;
  }, []);

  // A newly loaded client replaces the draft; a reload of the same client (e.g. after a session) keeps unsaved edits.
  useEffect(() => {
    if (!detail || detail.client.code !== code || detail === lastDetail.current) return;
    if (loadedFor.current !== code || !dirtyRef.current) reset(detail);
  }, [detail, code, reset]);

  const edit = useCallback((fn: (goals: LongGoalDraft[]) => LongGoalDraft[]) => {
    setGoals((gs) => fn(gs));
    setDirty(true);
  }, []);

  const update = useCallback(
    (ref: GoalRef, patch: Partial<GoalDraft>) =>
      edit((gs) =>
        gs.map((g, gi) => {
          if (gi !== ref.goal) return g;
          if (ref.objective === null) return { ...g, ...patch, horizon: 'long', objectives: g.objectives };
          return { ...g, objectives: g.objectives.map((o, oi) => (oi === ref.objective ? { ...o, ...patch, horizon: 'short' } : o)) };
        }),
      ),
    [edit],
  );

  const addGoal = useCallback(() => edit((gs) => (gs.length >= MAX_GOALS ? gs : [...gs, blankLongGoal({ modality: detail?.client.modality ?? '' })])), [edit, detail]);
  const removeGoal = useCallback((goal: number) => edit((gs) => gs.filter((_, i) => i !== goal)), [edit]);
  const addObjective = useCallback(
    (goal: number) =>
      edit((gs) =>
        gs.map((g, gi) => (gi !== goal || g.objectives.length >= MAX_OBJECTIVES ? g : { ...g, objectives: [...g.objectives, blankGoal('short', { category: g.category, modality: g.modality, type: 'process', domain: g.domain })] })),
      ),
    [edit],
  );
  const removeObjective = useCallback((goal: number, objective: number) => edit((gs) => gs.map((g, gi) => (gi !== goal ? g : { ...g, objectives: g.objectives.filter((_, oi) => oi !== objective) }))), [edit]);

  const goalsRef = useRef(goals);
  goalsRef.current = goals;
  const fill = useCallback((next: LongGoalDraft[], id: string) => {
    setUndo(goalsRef.current);
    setGoals(next);
    setTemplateId(id);
    setDirty(true);
  }, []);

  const undoFill = useCallback(() => {
    if (undo) setGoals(undo);
    setUndo(null);
    setTemplateId('');
  }, [undo]);

  return { goals, templateId, dirty, undo, update, addGoal, removeGoal, addObjective, removeObjective, fill, undoFill, reset };
}

/**
 * Saves the draft with savePlan (the Plan and GAS screens both do). The Plan screen saves the whole plan and the draft is reset to
 * what the server now holds; the GAS screen (`gasOnly`) saves only the scale fields of saved goals and keeps the rest of the draft.
 */
export async function savePlanDraft(action: Action, code: string, plan: PlanDraft, gasOnly = false): Promise<ClientDetail | undefined> {
  const { input, index } = toPlanInput(code, plan.goals, plan.templateId);
  const data = await action.run((requestId) => call('savePlan', { ...input, ...(gasOnly ? { only: 'gas' as const } : {}), requestId }), (errs) => treeErrors(errs, index));
  if (data !== undefined && !gasOnly) plan.reset(data);
  return data;
}
