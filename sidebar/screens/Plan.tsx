// Plan editor screen: long-term goals → 1–5 objectives with every plan field, a live SMART check per objective, a template picker, save via savePlan.
import { useState } from 'preact/hooks';
import type { Bootstrap, ClientDetail, TemplateSummary } from '../../src/contract';
import { DateField, SelectField, TextArea, TextField } from '../components/Field';
import { CategoryHint, ClassificationFields, StatusFields, ValuesField } from '../components/GoalFields';
import { focusErrors, SaveFooter } from '../components/SaveFooter';
import { ScreenHeading } from '../components/Screen';
import { SmartCheck } from '../components/SmartCheck';
import { describePath, fieldId } from '../errors';
import { useAction } from '../hooks/useAction';
import { savePlanDraft, type PlanDraft } from '../hooks/usePlanDraft';
import { gasFieldObjective, gasMissing } from '../model/gas';
import { MAX_GOALS, MAX_OBJECTIVES, type GoalDraft, type GoalRef, type LongGoalDraft } from '../model/plan';
import { draftFromTemplate, shortTitle } from '../model/template';
import { call } from '../rpc';

const P = 'plan';

interface Props {
  boot: Bootstrap;
  detail: ClientDetail;
  plan: PlanDraft;
  /** The saved plan as the server now holds it. */
  onSaved(detail: ClientDetail): void;
  /** Opens the GAS builder on one objective. */
  onEditGas(ref: GoalRef): void;
}

/** GAS fields live on the GAS screen: their errors point at the objective's "Edit GAS scale" button. */
const gasTarget = (path: string): string | null => {
  const objective = gasFieldObjective(path);
  return objective === null ? null : `${fieldId(P, objective)}-gas`;
};

export function PlanScreen({ boot, detail, plan, onSaved, onEditGas }: Props) {
  const save = useAction();
  const [saved, setSaved] = useState<string | null>(null);
  const code = detail.client.code;

  const submit = async (e: Event) => {
    e.preventDefault();
    setSaved(null);
    const data = await savePlanDraft(save, code, plan);
    if (data !== undefined) {
      const longs = data.goals.filter((g) => g.parentId === '').length;
      const objectives = data.goals.length - longs;
      setSaved(`Saved the plan for ${code}: ${longs} long-term goal${longs === 1 ? '' : 's'} and ${objectives} objective${objectives === 1 ? '' : 's'}.`);
      onSaved(data);
    } else {
      focusErrors(P);
    }
  };

  return (
    <section aria-labelledby="plan-h">
      <ScreenHeading id="plan-h">Plan for {code}</ScreenHeading>
      <p class="muted small">Long-term goals, each broken into 1–5 short-term SMART objectives. GAS scales are set on the GAS screen.</p>
      <TemplatePicker plan={plan} start={detail.client.startDate || boot.today} templates={boot.templates ?? []} />
      <CategoryHint />
      <form onSubmit={submit} noValidate id={`${P}-form`} tabIndex={-1}>
        {plan.goals.map((g, gi) => (
          <GoalCard key={g.key} goal={g} gi={gi} plan={plan} errors={save.errors} today={boot.today} onEditGas={onEditGas} />
        ))}
        <div class="actions">
          <button type="button" class="btn btn-small" onClick={plan.addGoal} aria-disabled={plan.goals.length >= MAX_GOALS ? 'true' : undefined}>
            Add long-term goal
          </button>
          {plan.goals.length >= MAX_GOALS ? <span class="muted small">At most {MAX_GOALS} long-term goals.</span> : null}
        </div>
        <SaveFooter prefix={P} action={save} describe={describePath} targetFor={gasTarget} saved={saved} label="Save plan">
          {plan.dirty && !save.pending ? <span class="muted small">Unsaved changes</span> : null}
        </SaveFooter>
      </form>
    </section>
  );
}

function TemplatePicker({ plan, start, templates }: { plan: PlanDraft; start: string; templates: readonly TemplateSummary[] }) {
  const [choice, setChoice] = useState('');
  const [filled, setFilled] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // The Bootstrap lists the templates; the chosen one comes from the server (getTemplate), so the sidebar HTML stays small.
  const [loading, setLoading] = useState(false);

  const use = async () => {
    setFilled(null);
    setProblem(null);
    if (choice === '') {
      setProblem('Choose a template first.');
      return;
    }
    if (loading) return;
    setLoading(true);
    let data;
    try {
      const answer = await call('getTemplate', choice);
      if (!answer.ok) {
        setProblem(Object.values(answer.errors)[0] ?? answer.message);
        return;
      }
      data = answer.data;
    } catch (e) {
      setProblem(`Could not reach the spreadsheet; nothing changed, try again. (${e instanceof Error ? e.message : String(e)})`);
      return;
    } finally {
      setLoading(false);
    }
    const drafts = draftFromTemplate(data, start);
    if (drafts.length === 0) {
      setProblem('That template has no goals.');
      return;
    }
    plan.fill(drafts, choice);
    setFilled(data.title);
  };
  const selected = templates.find((t) => t.id === choice);

  return (
    <div class="card">
      <SelectField
        id="plan-template"
        label="Start from a template"
        value={choice}
        onChange={(v) => {
          setChoice(v);
          setProblem(null);
        }}
        options={templates.map((t) => ({ value: t.id, label: shortTitle(t.title) }))}
        placeholder="Choose a template…"
        error={problem ?? undefined}
        hint={selected ? `${selected.title}. ${selected.description}` : 'Fills the editor below; nothing is saved until you press Save plan.'}
      />
      <div class="actions">
        <button type="button" class="btn btn-small" onClick={() => void use()} aria-disabled={loading ? 'true' : undefined}>
          {loading ? 'Loading the template…' : 'Fill from template'}
        </button>
      </div>
      {filled && plan.undo ? (
        <div class="notice notice-info" role="status">
          <p>Filled from “{filled}”. Review each objective, then save.</p>
          <button
            type="button"
            class="btn btn-small"
            onClick={() => {
              plan.undoFill();
              setFilled(null);
            }}
          >
            Undo: put back the previous goals
          </button>
        </div>
      ) : null}
    </div>
  );
}

type EditGas = (ref: GoalRef) => void;

function GoalCard({ goal, gi, plan, errors, today, onEditGas }: { goal: LongGoalDraft; gi: number; plan: PlanDraft; errors: Record<string, string>; today: string; onEditGas: EditGas }) {
  const path = `goals.${gi}`;
  const base = fieldId(P, path);
  const patch = (p: Partial<GoalDraft>) => plan.update({ goal: gi, objective: null }, p);
  const props = { base, goal, errors, path, onPatch: patch };
  const headingId = `${base}-h`;
  return (
    <fieldset class="card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        Long-term goal {gi + 1}
        {goal.id ? <span class="tag">saved</span> : <span class="tag">new</span>}
      </h3>
      <TextArea id={`${base}-title`} label="Goal (long-term)" hint="What the client wants to be different, in their words." required value={goal.title} onInput={(v) => patch({ title: v })} error={errors[`${path}.title`]} maxLength={200} />
      <p class="muted small">Horizon: long-term</p>
      <ClassificationFields {...props} />
      <ValuesField {...props} />
      <DateField id={`${base}-deadline`} label="Deadline" value={goal.deadline} onInput={(v) => patch({ deadline: v })} error={errors[`${path}.deadline`]} />
      <StatusFields {...props} />
      <h4 class="sr-only">Objectives of goal {gi + 1}</h4>
      {goal.objectives.map((o, oi) => (
        <ObjectiveCard key={o.key} goal={o} gi={gi} oi={oi} plan={plan} errors={errors} today={today} onEditGas={onEditGas} />
      ))}
      {errors[`${path}.objectives`] ? (
        <p class="field-error" id={`${base}-objectives-error`}>
          {errors[`${path}.objectives`]}
        </p>
      ) : null}
      <div class="actions">
        <button type="button" class="btn btn-small" onClick={() => plan.addObjective(gi)} aria-disabled={goal.objectives.length >= MAX_OBJECTIVES ? 'true' : undefined} id={`${base}-objectives`}>
          Add objective to goal {gi + 1}
        </button>
        {goal.objectives.length >= MAX_OBJECTIVES ? <span class="muted small">At most {MAX_OBJECTIVES} objectives.</span> : null}
        {plan.goals.length > 1 && goal.id === '' ? (
          <button type="button" class="btn btn-small btn-danger" onClick={() => plan.removeGoal(gi)}>
            Remove goal {gi + 1}
          </button>
        ) : null}
      </div>
    </fieldset>
  );
}

function ObjectiveCard({ goal, gi, oi, plan, errors, today, onEditGas }: { goal: GoalDraft; gi: number; oi: number; plan: PlanDraft; errors: Record<string, string>; today: string; onEditGas: EditGas }) {
  const path = `goals.${gi}.objectives.${oi}`;
  const base = fieldId(P, path);
  const patch = (p: Partial<GoalDraft>) => plan.update({ goal: gi, objective: oi }, p);
  const props = { base, goal, errors, path, onPatch: patch };
  const err = (k: string) => errors[`${path}.${k}`];
  const headingId = `${base}-h`;
  const smartId = `${base}-smart`;
  return (
    <div class="card card-objective" role="group" aria-labelledby={headingId}>
      <h4 id={headingId}>
        Objective {gi + 1}.{oi + 1}
        {goal.id ? null : <span class="tag">new</span>}
      </h4>
      <TextArea id={`${base}-title`} label="Objective (short-term)" required value={goal.title} onInput={(v) => patch({ title: v })} error={err('title')} maxLength={200} describedBy={smartId} />
      <SmartCheck id={smartId} goal={goal} today={today} />
      <TextArea id={`${base}-behaviour`} label="Observable behaviour" hint="What would someone see the client doing?" value={goal.behaviour} onInput={(v) => patch({ behaviour: v })} error={err('behaviour')} maxLength={500} />
      <TextArea id={`${base}-measure`} label="Measure" hint="How it is counted or rated, e.g. activity diary." value={goal.measure} onInput={(v) => patch({ measure: v })} error={err('measure')} maxLength={500} />
      <div class="row">
        <TextField id={`${base}-target`} label="Target" hint="Number and unit" placeholder="20 minutes" value={goal.target} onInput={(v) => patch({ target: v })} error={err('target')} maxLength={60} />
        <TextField id={`${base}-frequency`} label="Frequency" hint="How often" placeholder="3 times a week" value={goal.frequency} onInput={(v) => patch({ frequency: v })} error={err('frequency')} maxLength={60} />
      </div>
      <DateField id={`${base}-deadline`} label="Deadline" value={goal.deadline} onInput={(v) => patch({ deadline: v })} error={err('deadline')} />
      <ClassificationFields {...props} />
      <ValuesField {...props} />
      <StatusFields {...props} />
      <GasStatus base={base} path={path} goal={goal} errors={errors} onEdit={() => onEditGas({ goal: gi, objective: oi })} label={`${gi + 1}.${oi + 1}`} />
      {plan.goals[gi].objectives.length > 1 && goal.id === '' ? (
        <div class="actions">
          <button type="button" class="btn btn-small btn-danger" onClick={() => plan.removeObjective(gi, oi)}>
            Remove objective {gi + 1}.{oi + 1}
          </button>
        </div>
      ) : null}
    </div>
  );
}

/** What the objective's GAS scale still needs, its save errors, and the button that opens it in the GAS builder. */
function GasStatus({ base, path, goal, errors, onEdit, label }: { base: string; path: string; goal: GoalDraft; errors: Record<string, string>; onEdit(): void; label: string }) {
  const missing = gasMissing(goal);
  const gasErrors = Object.entries(errors).filter(([k]) => gasFieldObjective(k) === path);
  const errorId = `${base}-gas-error`;
  return (
    <div class="field">
      <p class="small" id={`${base}-gas-status`}>
        <strong>GAS scale:</strong> {missing.length === 0 ? 'complete' : `needs ${missing.join(', ')}`}
      </p>
      {gasErrors.length > 0 ? (
        <div id={errorId}>
          {gasErrors.map(([k, v]) => (
            <p class="field-error" key={k}>
              {describePath(k.slice(path.length + 1))}: {v}
            </p>
          ))}
        </div>
      ) : null}
      <button type="button" class="btn btn-small" id={`${base}-gas`} onClick={onEdit} aria-describedby={[`${base}-gas-status`, gasErrors.length > 0 ? errorId : ''].filter((x) => x !== '').join(' ')}>
        Edit GAS scale for {label}
      </button>
    </div>
  );
}
