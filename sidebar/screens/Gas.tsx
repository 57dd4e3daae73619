// GAS scale builder screen: five anchors (−2 … +2), baseline, importance × difficulty weight, and a live Kiresuk–Sherman T-score preview; saves via savePlan.
import { useMemo, useState } from 'preact/hooks';
import { gasTScoreOrBlank } from '../../src/core/gas';
import { GAS_LEVEL_LABELS, GAS_LEVELS, gasWeight, type GasLevel } from '../../src/core/plan';
import type { Bootstrap, ClientDetail } from '../../src/server/contract';
import { SelectField, TextArea } from '../components/Field';
import { ErrorSummary, FailureNotice, Notice } from '../components/Messages';
import { ScreenHeading } from '../components/Screen';
import { describePath, fieldId } from '../errors';
import { useAction } from '../hooks/useAction';
import { refKey, type GoalRef, type PlanDraft } from '../hooks/usePlanDraft';
import { goalLabel, toPlanInput, treeErrors, type Anchors, type GoalDraft, type LongGoalDraft } from '../model/plan';
import { call } from '../rpc';

const P = 'gas';

// [S2] importance (client) and difficulty (therapist), each 0–3.
export const IMPORTANCE_LABELS = ['Not important', 'Important', 'Very important', 'Extremely important'];
export const DIFFICULTY_LABELS = ['Not difficult', 'Minor difficulty', 'Moderate difficulty', 'Extreme difficulty'];

export const levelText = (level: number) => `${level > 0 ? '+' : level < 0 ? '−' : ''}${Math.abs(level)}`;

interface Props {
  boot: Bootstrap;
  detail: ClientDetail;
  plan: PlanDraft;
  /** The chosen goal's key (refKey), held by the app so the Plan screen can open the builder on one objective. */
  chosen: string;
  onChoose(key: string): void;
  onSaved(detail: ClientDetail): void;
}

/** Every goal and objective in the draft, objectives first in each goal's order, with its tree reference. */
function allGoals(goals: readonly LongGoalDraft[]): { ref: GoalRef; goal: GoalDraft; label: string }[] {
  const out: { ref: GoalRef; goal: GoalDraft; label: string }[] = [];
  goals.forEach((g, gi) => {
    out.push({ ref: { goal: gi, objective: null }, goal: g, label: goalLabel(gi, null, g.title) });
    g.objectives.forEach((o, oi) => out.push({ ref: { goal: gi, objective: oi }, goal: o, label: goalLabel(gi, oi, o.title) }));
  });
  return out;
}

const toInt = (s: string): number | null => (s.trim() === '' || !Number.isFinite(Number(s)) ? null : Number(s));

/** Weight of a draft goal, or null while importance or difficulty is blank. */
export function draftWeight(g: GoalDraft): number | null {
  const i = toInt(g.importance);
  const d = toInt(g.difficulty);
  return i === null || d === null ? null : gasWeight({ importance: i, difficulty: d });
}

export interface TPreview {
  goals: number;
  baseline: number | null;
  thisGoal: number | null;
  everyGoal: number | null;
  problem: string | null;
}

/** Baseline T (every scaled goal at its baseline), T with the chosen goal at `level`, and T with every goal at `level`. */
export function tPreview(entries: readonly { goal: GoalDraft; key: string }[], chosenKey: string, level: number, rho: number): TPreview {
  const scaled = entries.filter((e) => e.goal.status === 'active' && (e.goal.baseline === '-1' || e.goal.baseline === '-2'));
  const weights = scaled.map((e) => draftWeight(e.goal));
  const base = scaled.map((e) => Number(e.goal.baseline));
  const out: TPreview = { goals: scaled.length, baseline: null, thisGoal: null, everyGoal: null, problem: null };
  if (scaled.length === 0) return out;
  try {
    out.baseline = gasTScoreOrBlank(base, weights, rho, false);
    out.thisGoal = gasTScoreOrBlank(
      scaled.map((e, i) => (e.key === chosenKey ? level : base[i])),
      weights,
      rho,
      false,
    );
    out.everyGoal = gasTScoreOrBlank(
      scaled.map(() => level),
      weights,
      rho,
      false,
    );
  } catch (e) {
    out.problem = e instanceof Error ? e.message : String(e);
  }
  return out;
}

const fmt = (t: number | null) => (t === null ? '—' : t.toFixed(1));

export function GasScreen({ boot, detail, plan, chosen, onChoose, onSaved }: Props) {
  const entries = allGoals(plan.goals);
  const firstObjective = entries.find((e) => e.ref.objective !== null) ?? entries[0];
  const [level, setLevel] = useState<number>(0);
  const save = useAction();
  const [saved, setSaved] = useState<string | null>(null);
  const current = entries.find((e) => refKey(e.ref) === chosen) ?? firstObjective;
  const code = detail.client.code;

  const currentKey = current ? refKey(current.ref) : '';
  const preview = useMemo(() => tPreview(entries.map((e) => ({ goal: e.goal, key: refKey(e.ref) })), currentKey, level, boot.rho), [plan.goals, currentKey, level, boot.rho]);

  if (!current) {
    return (
      <section aria-labelledby="gas-h">
        <ScreenHeading id="gas-h">GAS scales for {code}</ScreenHeading>
        <p>This client has no goals yet. Write them on the Plan screen first.</p>
      </section>
    );
  }

  const g = current.goal;
  const path = current.ref.objective === null ? `goals.${current.ref.goal}` : `goals.${current.ref.goal}.objectives.${current.ref.objective}`;
  const base = fieldId(P, path);
  const err = (k: string) => save.errors[`${path}.${k}`];
  const patch = (p: Partial<GoalDraft>) => plan.update(current.ref, p);
  const weight = draftWeight(g);

  const submit = async (e: Event) => {
    e.preventDefault();
    setSaved(null);
    const { input, index } = toPlanInput(code, plan.goals, plan.templateId);
    const data = await save.run(() => call('savePlan', input), (errs) => treeErrors(errs, index));
    if (data !== undefined) {
      plan.reset(data);
      setSaved(`Saved the GAS scale for ${current.label}.`);
      onSaved(data);
    } else {
      window.setTimeout(() => document.getElementById(`${P}-errors`)?.focus(), 0);
    }
  };

  return (
    <section aria-labelledby="gas-h">
      <ScreenHeading id="gas-h">GAS scales for {code}</ScreenHeading>
      <p class="muted small">Describe five levels of outcome for one goal; the expected outcome (0) is what you both think is realistic by the deadline.</p>
      <SelectField id="gas-goal" label="Goal to scale" value={refKey(current.ref)} onChange={onChoose} options={entries.map((e) => ({ value: refKey(e.ref), label: e.label }))} />
      <form onSubmit={submit} noValidate>
        <fieldset>
          <legend>Anchors: what each level looks like</legend>
          {GAS_LEVELS.map((lv, i) => (
            <TextArea
              key={lv}
              id={`${base}-anchors-${i}`}
              label={`${levelText(lv)} ${GAS_LEVEL_LABELS[lv as GasLevel]}`}
              value={g.anchors[i]}
              onInput={(v) => {
                const next = [...g.anchors] as Anchors;
                next[i] = v;
                patch({ anchors: next });
              }}
              error={err(`anchors.${i}`) ?? err(`anchors.${lv}`)}
              maxLength={500}
            />
          ))}
          {err('anchors') ? <p class="field-error">{err('anchors')}</p> : null}
        </fieldset>
        <SelectField
          id={`${base}-baseline`}
          label="Baseline (where the client is now)"
          value={g.baseline}
          onChange={(v) => patch({ baseline: v })}
          options={[
            { value: '-1', label: '−1 some ability' },
            { value: '-2', label: '−2 none at all' },
          ]}
          placeholder="Choose…"
          error={err('baseline')}
        />
        <div class="row">
          <SelectField id={`${base}-importance`} label="Importance (client)" value={g.importance} onChange={(v) => patch({ importance: v })} options={IMPORTANCE_LABELS.map((l, n) => ({ value: String(n), label: `${n} ${l}` }))} placeholder="—" error={err('importance')} />
          <SelectField id={`${base}-difficulty`} label="Difficulty (clinician)" value={g.difficulty} onChange={(v) => patch({ difficulty: v })} options={DIFFICULTY_LABELS.map((l, n) => ({ value: String(n), label: `${n} ${l}` }))} placeholder="—" error={err('difficulty')} />
        </div>
        <p id="gas-weight" aria-live="polite">
          Weight = importance × difficulty ={' '}
          <strong>
            {weight === null ? '— (rate both)' : `${g.importance} × ${g.difficulty} = ${weight}`}
          </strong>
          {weight === 0 ? <span class="muted small"> A weight of 0 leaves this goal out of the T-score.</span> : null}
        </p>
        <div class="preview" aria-labelledby="gas-preview-h">
          <h3 id="gas-preview-h">T-score preview</h3>
          <SelectField
            id="gas-level"
            label="Preview level"
            value={String(level)}
            onChange={(v) => setLevel(Number(v))}
            options={GAS_LEVELS.map((lv) => ({ value: String(lv), label: `${levelText(lv)} ${GAS_LEVEL_LABELS[lv as GasLevel]}` }))}
          />
          <dl id="gas-t" aria-live="polite">
            <dt>Goals scaled</dt>
            <dd>{preview.goals}</dd>
            <dt>Baseline T</dt>
            <dd id="gas-t-baseline">{fmt(preview.baseline)}</dd>
            <dt>This goal at {levelText(level)}</dt>
            <dd id="gas-t-this">{fmt(preview.thisGoal)}</dd>
            <dt>Every goal at {levelText(level)}</dt>
            <dd id="gas-t-every">{fmt(preview.everyGoal)}</dd>
          </dl>
          {preview.goals === 0 ? <p class="muted small">Set a baseline to include this goal.</p> : null}
          {preview.problem ? <p class="muted small">{preview.problem}</p> : null}
          <p class="muted small">T = 50 when every goal reaches its expected outcome; the others stay at baseline in “this goal” (ρ = {boot.rho}).</p>
        </div>
        <ErrorSummary prefix={P} message={save.message} errors={save.errors} describe={describePath} />
        <FailureNotice message={save.failure} />
        {saved ? (
          <Notice kind="ok" role="status">
            {saved}
          </Notice>
        ) : null}
        <div class="actions">
          <button type="submit" class="btn btn-primary" aria-disabled={save.pending ? 'true' : undefined}>
            {save.pending ? 'Saving…' : 'Save GAS scale'}
          </button>
          <span class="muted small">Saves the whole plan.</span>
        </div>
      </form>
    </section>
  );
}
