// Session entry screen: date, attendance, 0–10 rating per active goal, GAS levels at review, questionnaires with live total/band/safety flag, note; saves via recordSession.
import { useState } from 'preact/hooks';
import { GAS_LEVEL_LABELS, GAS_LEVELS, type GasLevel } from '../../src/core/gas-scale';
import type { Bootstrap, ClientDetail, GoalView, InstrumentSummary, RecordSessionData } from '../../src/contract';
import { CheckboxField, DateField, NumberField, rangeOptions, SelectField, TextArea, TextField } from '../components/Field';
import { SaveFooter } from '../components/SaveFooter';
import { ScreenHeading } from '../components/Screen';
import { fieldId } from '../errors';
import { useAction } from '../hooks/useAction';
import type { SessionDraft } from '../hooks/useSessionDraft';
import { levelText } from '../model/gas';
import { cadenceText } from '../model/review';
import { previewMeasure, SAFETY_ADVICE } from '../model/measures';
import { describeSessionPath, nextSessionNumber, sessionInput } from '../model/session';
import { call } from '../rpc';

const P = 'session';

interface Props {
  boot: Bootstrap;
  detail: ClientDetail;
  draft: SessionDraft;
  /** The client as the save left them (recordSession answers with it: no second call). */
  onSaved(detail: ClientDetail): void;
}

const hasGas = (g: GoalView) => g.baseline === -1 || g.baseline === -2 || g.anchors.some((a) => a.trim() !== '');

export function SessionScreen({ boot, detail, draft, onSaved }: Props) {
  const save = useAction();
  const [saved, setSaved] = useState<{ result: RecordSessionData; date: string } | null>(null);
  const f = draft.form;
  const code = detail.client.code;
  const goals = detail.goals.filter((g) => g.status === 'active');
  const number = nextSessionNumber(detail);
  // The server's rule (attended sessions since the last review), not a second one here.
  const reviewDue = detail.reviewDue;
  const gasGoals = goals.filter(hasGas);
  const gasShown = reviewDue || f.gasAnyway;
  const errors = save.errors;

  const submit = async (e: Event) => {
    e.preventDefault();
    setSaved(null);
    const input = sessionInput(code, f, goals, boot.instruments, gasShown);
    const data = await save.run((requestId) => call('recordSession', { ...input, requestId }));
    if (data !== undefined) {
      setSaved({ result: data, date: input.date });
      draft.clear();
      onSaved(data.detail);
      window.setTimeout(() => document.getElementById(`${P}-saved`)?.focus(), 0);
    } else {
      window.setTimeout(() => document.getElementById(`${P}-errors`)?.focus(), 0);
    }
  };

  return (
    <section aria-labelledby="session-h">
      <ScreenHeading id="session-h">Session for {code}</ScreenHeading>
      {saved ? <SavedSummary saved={saved} names={boot.instruments} /> : null}
      <form onSubmit={submit} noValidate id={`${P}-form`} tabIndex={-1}>
        <p class="muted small">
          This will be session {number}. <span id={`${P}-review`}>{cadenceText(detail.review)}</span>
        </p>
        <div class="row">
          <DateField id={`${P}-date`} label="Date" required value={f.date} onInput={(v) => draft.set('date', v)} error={errors.date} />
          <TextField id={`${P}-clinician`} label="Clinician" required maxLength={60} value={f.clinician} onInput={(v) => draft.set('clinician', v)} suggestions={boot.clinicians} error={errors.clinician} />
        </div>
        <CheckboxField id={`${P}-attended`} label="Client attended" checked={f.attended} onChange={(v) => draft.set('attended', v)} error={errors.attended} />

        <fieldset>
          <legend>Goal ratings (0–10)</legend>
          <p class="hint" id={`${P}-rating-hint`}>
            “On a scale of 0–10, how close do you feel to this goal?” 0 = where you started, 10 = the goal fully reached.
          </p>
          {goals.length === 0 ? <p class="muted">No active goals yet: write them on the Plan screen.</p> : null}
          {goals.map((g, i) => (
            <SelectField
              key={g.id}
              id={fieldId(P, `ratings.${g.id}.rating`)}
              label={g.title.trim() === '' ? `Goal ${i + 1}` : g.title}
              value={f.ratings[g.id] ?? ''}
              onChange={(v) => draft.setRating(g.id, v)}
              options={rangeOptions(0, 10)}
              placeholder="Not rated"
              describedBy={`${P}-rating-hint`}
              error={errors[`ratings.${g.id}.rating`] ?? errors[`ratings.${g.id}.goalId`] ?? errors[`ratings.${g.id}`]}
            />
          ))}
        </fieldset>

        {gasGoals.length > 0 ? (
          <fieldset>
            <legend>GAS levels{reviewDue ? ` (review ${detail.review.words.toLowerCase()})` : ''}</legend>
            {!reviewDue ? <CheckboxField id={`${P}-gasAnyway`} label={`Record GAS levels today (review ${detail.review.words.toLowerCase()})`} checked={f.gasAnyway} onChange={(v) => draft.set('gasAnyway', v)} /> : null}
            {gasShown
              ? goals.map((g, i) =>
                  hasGas(g) ? (
                    <SelectField
                      key={g.id}
                      id={fieldId(P, `ratings.${g.id}.gasLevel`)}
                      label={`GAS: ${g.title.trim() === '' ? `Goal ${i + 1}` : g.title}`}
                      value={f.gas[g.id] ?? ''}
                      onChange={(v) => draft.setGas(g.id, v)}
                      options={GAS_LEVELS.map((lv, li) => ({ value: String(lv), label: `${levelText(lv)} ${GAS_LEVEL_LABELS[lv as GasLevel]}${g.anchors[li] ? `: ${g.anchors[li]}` : ''}` }))}
                      placeholder="Not scored"
                      error={errors[`ratings.${g.id}.gasLevel`]}
                    />
                  ) : null,
                )
              : null}
          </fieldset>
        ) : null}

        {boot.instruments.map((inst) => (
          <Questionnaire key={inst.id} inst={inst} answers={f.measures[inst.id] ?? []} onItem={(ii, v) => draft.setItem(inst.id, ii, inst.items, v)} errors={errors} />
        ))}

        <TextArea id={`${P}-note`} label="Event note" hint="Anything notable this session (a life event, a missed homework). Use codes, not names." value={f.note} onInput={(v) => draft.set('note', v)} error={errors.note} maxLength={500} rows={3} />
        <SaveFooter prefix={P} action={save} errors={errors} describe={(path) => describeSessionPath(path, goals, boot.instruments)} label="Save session" />
      </form>
    </section>
  );
}

function Questionnaire({ inst, answers, onItem, errors }: { inst: InstrumentSummary; answers: string[]; onItem(item: number, value: string): void; errors: Record<string, string> }) {
  const key = `measures.${inst.id}`;
  const base = fieldId(P, key);
  const ownErrors = Object.keys(errors).some((k) => k === key || k.startsWith(`${key}.`));
  const anyAnswer = answers.some((a) => a !== '');
  const [open, setOpen] = useState(anyAnswer || ownErrors);
  const expanded = open || ownErrors;
  const preview = previewMeasure(inst, answers);
  const small = preview.step === 1 && Number.isInteger(inst.min) && Number.isInteger(inst.max) && inst.max - inst.min <= 10;
  const bodyId = `${base}-body`;
  return (
    <fieldset class="card" aria-labelledby={`${base}-h`}>
      <h3 id={`${base}-h`} class="sr-only">
        {inst.name}
      </h3>
      <button type="button" class="link-btn" id={`${base}-toggle`} aria-expanded={expanded ? 'true' : 'false'} aria-controls={bodyId} onClick={() => setOpen(!expanded)}>
        <strong>{inst.name}</strong> ({inst.items} items, {inst.min}–{inst.max} each){expanded ? '' : ': answer now'}
      </button>
      <p class="total" id={`${base}-total`} aria-live="polite">
        {preview.answered === 0 ? (
          <span class="muted">Not answered</span>
        ) : (
          <>
            Total: {preview.total === null ? '—' : preview.total}
            {preview.band ? ` · ${preview.band}` : ''}
            {preview.subscales.length > 0 ? ` · ${preview.subscales.map((s) => `${s.name} ${s.score === null ? '—' : s.score}${s.band ? ` (${s.band})` : ''}`).join('; ')}` : ''}
            {preview.note ? <span class="muted small"> ({preview.note})</span> : null}
          </>
        )}
      </p>
      <div id={`${base}-flags`} role="alert">
        {preview.flags.map((flag) => (
          <div class="safety" key={flag}>
            <p>⚠ Safety: {flag}.</p>
            <p>{SAFETY_ADVICE}</p>
          </div>
        ))}
      </div>
      <div id={bodyId} hidden={!expanded}>
        {[key, `${key}.instrument`, `${key}.items`].map((k) =>
          errors[k] ? (
            <p class="field-error" key={k}>
              {errors[k]}
            </p>
          ) : null,
        )}
        {Array.from({ length: inst.items }, (_, ii) => {
          const label = (
            <span class="item-label">
              {ii + 1}. {inst.itemLabels[ii] ?? `Item ${ii + 1}`}
            </span>
          );
          const err = errors[`${key}.items.${ii}`];
          return small ? (
            <SelectField key={ii} id={`${base}-items-${ii}`} label={label} value={answers[ii] ?? ''} onChange={(v) => onItem(ii, v)} options={rangeOptions(inst.min, inst.max)} placeholder="—" error={err} class="item-row" />
          ) : (
            <NumberField key={ii} id={`${base}-items-${ii}`} label={label} value={answers[ii] ?? ''} onInput={(v) => onItem(ii, v)} min={inst.min} max={inst.max} step={preview.step} error={err} class="item-row" />
          );
        })}
      </div>
    </fieldset>
  );
}

function SavedSummary({ saved, names }: { saved: { result: RecordSessionData; date: string }; names: InstrumentSummary[] }) {
  const { result, date } = saved;
  const name = (id: string) => names.find((i) => i.id === id)?.name ?? id;
  const flags = result.saved.measures.filter((m) => m.flag !== '');
  return (
    <div class="notice notice-ok" id={`${P}-saved`} role="status" tabIndex={-1}>
      <p>
        <strong>
          Saved session {result.sessionNumber}
          {date ? ` (${date})` : ''}.
        </strong>
      </p>
      <ul>
        <li>
          {result.saved.ratings} goal rating{result.saved.ratings === 1 ? '' : 's'}
        </li>
        {result.saved.measures.map((m) => (
          <li key={m.instrument}>
            {name(m.instrument)}: total {m.total === null ? '—' : m.total}
            {m.band ? ` (${m.band})` : ''}
          </li>
        ))}
      </ul>
      {flags.map((m) => (
        <p class="safety" key={`flag-${m.instrument}`}>
          ⚠ {name(m.instrument)}: {m.flag}
        </p>
      ))}
    </div>
  );
}
