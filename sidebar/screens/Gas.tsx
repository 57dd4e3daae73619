// GAS scale builder screen: five anchors (−2 … +2), baseline, importance × difficulty weight, and a live Kiresuk–Sherman T-score preview; saves only the scale fields via savePlan.
import { useMemo, useState } from 'preact/hooks';
import { GAS_LEVELS } from '../../src/core/gas-scale';
import type { Bootstrap, ClientDetail } from '../../src/contract';
import { SelectField, TextArea } from '../components/Field';
import { focusErrors, SaveFooter } from '../components/SaveFooter';
import { ScreenHeading } from '../components/Screen';
import { describePath, fieldId } from '../errors';
import { useAction } from '../hooks/useAction';
import { savePlanDraft, type PlanDraft } from '../hooks/usePlanDraft';
import { DIFFICULTY_LABELS, draftWeight, formatT, goalEntries, IMPORTANCE_LABELS, levelLabel, levelText, tPreview } from '../model/gas';
import { refKey, type Anchors, type GoalDraft } from '../model/plan';

const P = 'gas';

interface Props {
  boot: Bootstrap;
  detail: ClientDetail;
  plan: PlanDraft;
  /** The chosen goal's key (refKey), held by the app so the Plan screen can open the builder on one objective. */
  chosen: string;
  onChoose(key: string): void;
  onSaved(detail: ClientDetail): void;
}

export function GasScreen({ boot, detail, plan, chosen, onChoose, onSaved }: Props) {
  const entries = goalEntries(plan.goals);
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
    const data = await savePlanDraft(save, code, plan, true);
    if (data !== undefined) {
      setSaved(`Saved the GAS scale for ${current.label}.`);
      onSaved(data);
    } else {
      focusErrors(P);
    }
  };

  return (
    <section aria-labelledby="gas-h">
      <ScreenHeading id="gas-h">GAS scales for {code}</ScreenHeading>
      <p class="muted small">Describe five levels of outcome for one goal; the expected outcome (0) is what you both think is realistic by the deadline.</p>
      <SelectField id="gas-goal" label="Goal to scale" value={refKey(current.ref)} onChange={onChoose} options={entries.map((e) => ({ value: refKey(e.ref), label: e.short }))} hint={current.label} />
      <form onSubmit={submit} noValidate>
        <fieldset>
          <legend>Anchors: what each level looks like</legend>
          {GAS_LEVELS.map((lv, i) => (
            <TextArea
              key={lv}
              id={`${base}-anchors-${i}`}
              label={levelLabel(lv)}
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
            options={GAS_LEVELS.map((lv) => ({ value: String(lv), label: levelLabel(lv) }))}
          />
          <dl id="gas-t" aria-live="polite">
            <dt>Goals scaled</dt>
            <dd>{preview.goals}</dd>
            <dt>Baseline T</dt>
            <dd id="gas-t-baseline">{formatT(preview.baseline)}</dd>
            <dt>This goal at {levelText(level)}</dt>
            <dd id="gas-t-this">{formatT(preview.thisGoal)}</dd>
            <dt>Every goal at {levelText(level)}</dt>
            <dd id="gas-t-every">{formatT(preview.everyGoal)}</dd>
          </dl>
          {preview.goals === 0 ? <p class="muted small">Set a baseline to include this goal.</p> : null}
          {preview.problem ? <p class="muted small">{preview.problem}</p> : null}
          <p class="muted small">T = 50 when every goal reaches its expected outcome; the others stay at baseline in “this goal” (ρ = {boot.rho}).</p>
        </div>
        <SaveFooter prefix={P} action={save} describe={describePath} saved={saved} label="Save GAS scale">
          <span class="muted small">Saves the GAS scales of saved goals; other plan changes are saved on the Plan screen.</span>
        </SaveFooter>
      </form>
    </section>
  );
}
