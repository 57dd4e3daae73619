// Session entry screen: date, attendance, last time's tasks (one tap per outcome), 0–10 rating per active goal, GAS levels at review, questionnaires with live total/band and each safety item's warning beside it, note, tasks until next time; saves via recordSession, answering the server's questions (blank safety item, same date, future date) beside what they ask about.
import { useEffect, useState } from 'preact/hooks';
import { GAS_LEVEL_LABELS, GAS_LEVELS, type GasLevel } from '../../src/core/gas-scale';
import type { Bootstrap, ClientDetail, GoalView, InstrumentSummary, RecordSessionData } from '../../src/contract';
import { CheckboxField, DateField, NumberField, rangeOptions, SelectField, TextArea, TextField } from '../components/Field';
import { SaveFooter } from '../components/SaveFooter';
import { ScreenHeading } from '../components/Screen';
import { fieldId } from '../errors';
import { useAction } from '../hooks/useAction';
import type { SessionDraft } from '../hooks/useSessionDraft';
import { levelText } from '../model/gas';
import { isConfirmKey } from '../../src/core/session-input';
import { itemSafetyFlag, previewMeasure, SAFETY_ADVICE, safetyItems } from '../model/measures';
import { confirming, describeSessionPath, NO_CONFIRMATIONS, nextSessionNumber, sessionInput, type SessionConfirmations } from '../model/session';
import { cadenceText } from '../model/review';
import { call } from '../rpc';
import { LastFlags, LastTime } from '../components/LastTime';
import { CorrectRecords } from '../components/CorrectRecords';
import { flagsKey, lastTimeAfterSave } from '../model/risk';
import { entryTitle, outlineOf } from '../model/outline';
import { FromLastTime, UntilNextTime } from '../components/Tasks';

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
  const [saved, setSaved] = useState<Saved | null>(null);
  const f = draft.form;
  const code = detail.client.code;
  // Active goals grouped and numbered as on every screen: objective 1.1 under goal 1, whatever the row order.
  const entries = outlineOf(detail.goals, (g) => g.status === 'active');
  const goals = entries.map((e) => e.goal);
  const number = nextSessionNumber(detail);
  // The server's rule (attended sessions since the last review), not a second one here.
  const reviewDue = detail.reviewDue;
  const gasGoals = goals.filter(hasGas);
  const gasShown = reviewDue || f.gasAnyway;
  const errors = save.errors;
  // Last time's safety flags stay on show until acknowledged here; the acknowledgement covers exactly the flags shown.
  const flags = detail.lastTime?.flags ?? [];
  const [ackKey, setAckKey] = useState('');
  const acknowledged = flags.length > 0 && ackKey === flagsKey(code, flags);
  const [asking, setAsking] = useState(false);
  // The server's questions answered yes in this attempt; a new date is a new question.
  const [confirm, setConfirm] = useState<SessionConfirmations>(NO_CONFIRMATIONS);
  useEffect(() => setConfirm((c) => ({ ...c, confirmSameDate: false, confirmFutureDate: false })), [f.date]);

  const send = async (answered: SessionConfirmations) => {
    setAsking(false);
    setSaved(null);
    const input = { ...sessionInput(code, f, goals, boot.instruments, gasShown, answered), ...(acknowledged ? { acknowledgedFlags: flags.map((x) => ({ instrument: x.instrument, date: x.date })) } : {}) };
    const data = await save.run((requestId) => call('recordSession', { ...input, requestId }));
    if (data !== undefined) {
      // What the clinician chose to save without, said again in the saved summary.
      const without = boot.instruments.flatMap((inst) => {
        const m = input.measures.find((x) => x.instrument === inst.id);
        return m?.confirmUnanswered ? safetyItems(inst).filter((r) => m.items[r.index] === null).map((r) => `${inst.name} item ${r.index + 1}`) : [];
      });
      setSaved({ result: data, date: input.date, without });
      setConfirm(NO_CONFIRMATIONS);
      draft.clear();
      setAckKey('');
      onSaved({ ...data.detail, lastTime: lastTimeAfterSave(detail.lastTime, data, input.date, boot.instruments, acknowledged) });
      window.setTimeout(() => document.getElementById(`${P}-saved`)?.focus(), 0);
      return;
    }
    // Only questions left: focus goes to the first one's button, beside what it asks about; otherwise to the summary.
    window.setTimeout(() => {
      const asked = Array.from(document.querySelectorAll<HTMLElement>(`#${P}-form .question button`));
      (asked.length && !document.querySelector(`#${P}-form .field-error`) ? asked[0] : document.getElementById(`${P}-errors`))?.focus();
    }, 0);
  };
  const submit = (e: Event, unacknowledged = false) => {
    e.preventDefault();
    // A flag from last time not yet acknowledged asks first (the clinician may still save without it).
    if (flags.length > 0 && !acknowledged && !unacknowledged) {
      setAsking(true);
      window.setTimeout(() => document.getElementById(`${P}-ask`)?.focus(), 0);
      return;
    }
    void send(confirm);
  };
  /** Answers a question yes and resends (useAction gives the resend its request id). */
  const answerYes = (key: string) => {
    const next = confirming(confirm, key);
    setConfirm(next);
    void send(next);
  };
  const question = (key: string, label: string) => (errors[key] ? <Question key={key} id={fieldId(P, key)} message={errors[key]} label={label} pending={save.pending} onYes={() => answerYes(key)} /> : null);
  const dateAsked = ['confirmSameDate', 'confirmFutureDate'].filter((k) => errors[k]).map((k) => `${fieldId(P, k)}-message`).join(' ') || undefined;
  // The summary lists mistakes only: each question is shown once, beside what it asks about.
  const mistakes = Object.fromEntries(Object.entries(errors).filter(([k]) => !isConfirmKey(k)));
  const liveFlags = boot.instruments.flatMap((inst) => previewMeasure(inst, f.measures[inst.id] ?? []).flags.map((flag) => ({ inst, flag })));

  return (
    <section aria-labelledby="session-h">
      <ScreenHeading id="session-h">Session for {code}</ScreenHeading>
      <LastFlags detail={detail} acknowledged={acknowledged} onAcknowledge={(v) => {
          setAckKey(v ? flagsKey(code, flags) : '');
          setAsking(false);
        }} />
      <LastTime detail={detail} />
      <CorrectRecords detail={detail} onSaved={onSaved} />
      <form onSubmit={submit} noValidate id={`${P}-form`} tabIndex={-1}>
        <p class="muted small">
          This will be session {number}. <span id={`${P}-review`}>{cadenceText(detail.review)}</span>
        </p>
        <div class="row">
          <DateField id={`${P}-date`} label="Date" required value={f.date} onInput={(v) => draft.set('date', v)} error={errors.date} describedBy={dateAsked} />
          <TextField id={`${P}-clinician`} label="Clinician" required maxLength={60} value={f.clinician} onInput={(v) => draft.set('clinician', v)} suggestions={boot.clinicians} error={errors.clinician} />
        </div>
        {question('confirmSameDate', `Save another session on ${f.date}`)}
        {question('confirmFutureDate', 'Save with a future date')}
        <CheckboxField id={`${P}-attended`} label="Client attended" checked={f.attended} onChange={(v) => draft.set('attended', v)} error={errors.attended} />
        <FromLastTime detail={detail} draft={draft} errors={errors} />

        <fieldset>
          <legend>Goal ratings (0–10)</legend>
          <p class="hint" id={`${P}-rating-hint`}>
            “On a scale of 0–10, how close do you feel to this goal?” 0 = where you started, 10 = the goal fully reached.
          </p>
          {goals.length === 0 ? <p class="muted">No active goals yet: write them on the Plan screen.</p> : null}
          {entries.map((e) => (
            <SelectField
              key={e.goal.id}
              class={e.isObjective ? 'outline-objective' : ''}
              id={fieldId(P, `ratings.${e.goal.id}.rating`)}
              label={entryTitle(e)}
              value={f.ratings[e.goal.id] ?? ''}
              onChange={(v) => draft.setRating(e.goal.id, v)}
              options={rangeOptions(0, 10)}
              placeholder="Not rated"
              describedBy={`${P}-rating-hint`}
              error={errors[`ratings.${e.goal.id}.rating`] ?? errors[`ratings.${e.goal.id}.goalId`] ?? errors[`ratings.${e.goal.id}`]}
            />
          ))}
        </fieldset>

        {gasGoals.length > 0 ? (
          <fieldset>
            <legend>GAS levels{reviewDue ? ` (review ${detail.review.words.toLowerCase()})` : ''}</legend>
            {!reviewDue ? <CheckboxField id={`${P}-gasAnyway`} label={`Record GAS levels today (review ${detail.review.words.toLowerCase()})`} checked={f.gasAnyway} onChange={(v) => draft.set('gasAnyway', v)} /> : null}
            {gasShown
              ? entries.map((e) => {
                  const g = e.goal;
                  if (!hasGas(g)) return null;
                  // Short option words (a closed select cannot wrap); the chosen level's anchor is spelled out below it.
                  const chosen = GAS_LEVELS.indexOf(Number(f.gas[g.id] ?? 'x') as GasLevel);
                  const anchor = chosen >= 0 ? g.anchors[chosen] : '';
                  return (
                    <SelectField
                      key={g.id}
                      class={e.isObjective ? 'outline-objective' : ''}
                      id={fieldId(P, `ratings.${g.id}.gasLevel`)}
                      label={`GAS: ${entryTitle(e)}`}
                      value={f.gas[g.id] ?? ''}
                      onChange={(v) => draft.setGas(g.id, v)}
                      options={GAS_LEVELS.map((lv) => ({ value: String(lv), label: `${levelText(lv)} ${GAS_LEVEL_LABELS[lv as GasLevel]}` }))}
                      placeholder="Not scored"
                      hint={anchor ? `${levelText(GAS_LEVELS[chosen])}: ${anchor}` : g.anchors.some((a) => a.trim() !== '') ? `Anchors: ${GAS_LEVELS.map((lv, li) => `${levelText(lv)} ${g.anchors[li] || '—'}`).join('; ')}` : undefined}
                      error={errors[`ratings.${g.id}.gasLevel`]}
                    />
                  );
                })
              : null}
          </fieldset>
        ) : null}

        {boot.instruments.map((inst) => (
          <Questionnaire key={inst.id} inst={inst} answers={f.measures[inst.id] ?? []} onItem={(ii, v) => draft.setItem(inst.id, ii, inst.items, v)} errors={errors} question={question} />
        ))}

        <TextArea id={`${P}-note`} label="Event note" hint="Anything notable this session (a life event, a missed homework). Use codes, not names." value={f.note} onInput={(v) => draft.set('note', v)} error={errors.note} maxLength={500} rows={3} />
        <UntilNextTime entries={entries} draft={draft} errors={errors} />
        {asking && flags.length > 0 && !acknowledged ? (
          <div class="notice notice-warn" id={`${P}-ask`} role="alertdialog" aria-labelledby={`${P}-ask-q`} tabIndex={-1}>
            <p id={`${P}-ask-q`}>
              <strong>Last time’s safety flag is not acknowledged.</strong> Tick “I have reviewed risk with the client” at the top once you have, or save without recording it.
            </p>
            <div class="actions">
              <button type="button" class="btn" onClick={() => {
                  setAsking(false);
                  document.getElementById('session-last-ack')?.focus();
                }}>
                Back to the flag
              </button>
              <button type="button" class="btn" onClick={(e) => submit(e, true)}>
                Save without acknowledging
              </button>
            </div>
          </div>
        ) : null}
        {liveFlags.length ? (
          <div class="safety safety-compact" id={`${P}-flags`}>
            {liveFlags.map(({ inst, flag }) => (
              <p key={`${inst.id}-${flag}`}>
                ⚠ {flag} (see {inst.name} above).
              </p>
            ))}
          </div>
        ) : null}
        <SaveFooter
          prefix={P}
          action={save}
          errors={mistakes}
          describe={(path) => describeSessionPath(path, detail.goals, boot.instruments)}
          label="Save session"
          saved={saved ? <SavedSummary saved={saved} names={boot.instruments} /> : null}
        />
      </form>
    </section>
  );
}

/** A question the server asked before saving, beside what it is about: its words and the button that answers yes (and resends). */
function Question({ id, message, label, pending, onYes }: { id: string; message: string; label: string; pending: boolean; onYes(): void }) {
  return (
    <div class="notice notice-warn question" id={`${id}-question`}>
      <p id={`${id}-message`}>{message}</p>
      <button type="button" class="btn" id={id} aria-describedby={`${id}-message`} aria-disabled={pending ? 'true' : undefined} onClick={() => (pending ? undefined : onYes())}>
        {label}
      </button>
    </div>
  );
}

function Questionnaire({
  inst,
  answers,
  onItem,
  errors,
  question,
}: {
  inst: InstrumentSummary;
  answers: string[];
  onItem(item: number, value: string): void;
  errors: Record<string, string>;
  question(key: string, label: string): preact.JSX.Element | null;
}) {
  const key = `measures.${inst.id}`;
  const base = fieldId(P, key);
  const ownErrors = Object.keys(errors).some((k) => k === key || k.startsWith(`${key}.`));
  const anyAnswer = answers.some((a) => a !== '');
  const [open, setOpen] = useState(anyAnswer || ownErrors);
  const expanded = open || ownErrors;
  const preview = previewMeasure(inst, answers);
  const small = preview.step === 1 && Number.isInteger(inst.min) && Number.isInteger(inst.max) && inst.max - inst.min <= 10;
  const bodyId = `${base}-body`;
  // The safety items, and the first blank one: the server's "save without it?" question goes beside it.
  const safety = safetyItems(inst);
  const askKey = `${key}.confirmUnanswered`;
  const blankSafety = safety.filter((r) => (answers[r.index] ?? '').trim() === '').map((r) => r.index);
  const askAt = errors[askKey] ? (blankSafety[0] ?? safety[0]?.index ?? 0) : -1;
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
      {!expanded && preview.flags.length ? (
        <p class="safety" id={`${base}-flags`}>
          ⚠ {preview.flags.join('; ')}.
        </p>
      ) : null}
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
          const id = `${base}-items-${ii}`;
          // A safety item carries its own live warning (always present, filled the moment the answer reaches the threshold).
          const isSafety = safety.some((r) => r.index === ii);
          const flag = isSafety ? itemSafetyFlag(inst, ii, answers[ii]) : '';
          const asked = ii === askAt ? question(askKey, `Save without item ${ii + 1}`) : null;
          const describedBy = [isSafety ? `${id}-safety` : '', asked ? `${fieldId(P, askKey)}-message` : ''].filter((x) => x !== '').join(' ') || undefined;
          return (
            <div key={ii}>
              {small ? (
                <SelectField id={id} label={label} value={answers[ii] ?? ''} onChange={(v) => onItem(ii, v)} options={rangeOptions(inst.min, inst.max)} placeholder="—" error={err} class="item-row" describedBy={describedBy} />
              ) : (
                <NumberField id={id} label={label} value={answers[ii] ?? ''} onInput={(v) => onItem(ii, v)} min={inst.min} max={inst.max} step={preview.step} error={err} class="item-row" describedBy={describedBy} />
              )}
              {isSafety ? (
                <div id={`${id}-safety`} class={flag ? 'safety item-safety' : 'item-safety'} role="alert">
                  {flag ? (
                    <>
                      <p>⚠ {flag}.</p>
                      <p>{SAFETY_ADVICE}</p>
                    </>
                  ) : null}
                </div>
              ) : null}
              {asked}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

interface Saved {
  result: RecordSessionData;
  date: string;
  /** Safety items saved blank as the clinician confirmed ("PHQ-9 item 9"). */
  without: string[];
}

function SavedSummary({ saved, names }: { saved: Saved; names: InstrumentSummary[] }) {
  const { result, date, without } = saved;
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
        {result.saved.tasks ? (
          <li>
            {result.saved.tasks.marked} task{result.saved.tasks.marked === 1 ? '' : 's'} marked, {result.saved.tasks.added} set until next time
          </li>
        ) : null}
        {result.saved.measures.map((m) => (
          <li key={m.instrument}>
            {name(m.instrument)}: total {m.total === null ? '—' : m.total}
            {m.band ? ` (${m.band})` : ''}
          </li>
        ))}
      </ul>
      {without.map((w) => (
        <p key={`without-${w}`}>Saved without {w} (not asked): ask it next session.</p>
      ))}
      {flags.map((m) => (
        <div class="safety" key={`flag-${m.instrument}`}>
          <p>⚠ {m.flag}.</p>
          <p>{SAFETY_ADVICE}</p>
        </div>
      ))}
    </div>
  );
}
