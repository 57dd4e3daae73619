// Goal review screen: the cadence, then each active goal in turn (GAS level and 0–10 rating prefilled from the latest ratings, its task completion since the last review, a decision with its reason, revised wording for "modify"); saves via saveReview and shows the milestones.
import { useEffect, useRef, useState } from 'preact/hooks';
import { GAS_LEVEL_LABELS, GAS_LEVELS, type GasLevel } from '../../src/core/gas-scale';
import { completionText } from '../../src/core/tasks';
import type { ClientDetail, SaveReviewData, StartReviewData } from '../../src/contract';
import { DateField, rangeOptions, SelectField, TextArea } from '../components/Field';
import { LoadProblem, Notice } from '../components/Messages';
import { focusErrors, SaveFooter } from '../components/SaveFooter';
import { ScreenHeading } from '../components/Screen';
import { fieldId } from '../errors';
import { useAction } from '../hooks/useAction';
import { levelText } from '../model/gas';
import { cadenceText, DECISIONS, describeReviewPath, draftRows, localProblems, signedChange, toReviewInput, type ReviewRowDraft } from '../model/review';
import { call } from '../rpc';
import { arrange, entryTitle } from '../model/outline';

const P = 'review';
export function ReviewScreen({ detail, onSaved }: { detail: ClientDetail; onSaved(detail: ClientDetail): void }) {
  const code = detail.client.code;
  const [start, setStart] = useState<StartReviewData | null>(null);
  const [rows, setRows] = useState<ReviewRowDraft[]>([]);
  const [date, setDate] = useState('');
  const [saved, setSaved] = useState<SaveReviewData | null>(null);
  const [local, setLocal] = useState<Record<string, string>>({});
  const load = useAction();
  const save = useAction();
  const savedRef = useRef<HTMLDivElement>(null);

  const begin = async () => {
    setSaved(null);
    setLocal({});
    save.clear();
    const data = await load.run(() => call('startReview', code));
    if (data) {
      setStart(data);
      setRows(draftRows(data));
      setDate(data.date);
    }
  };
  useEffect(() => {
    setStart(null);
    void begin();
  }, [code]);

  const patch = (i: number, p: Partial<ReviewRowDraft>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...p } : r)));

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!start) return;
    save.clear();
    const problems = localProblems(rows);
    setLocal(problems);
    if (Object.keys(problems).length) {
      focusErrors(P);
      return;
    }
    const data = await save.run((requestId) => call('saveReview', { ...toReviewInput(start, rows, date), requestId }));
    if (data) {
      setSaved(data);
      onSaved(data.detail);
      window.setTimeout(() => savedRef.current?.focus(), 0);
    } else {
      focusErrors(P);
    }
  };

  // Each goal under its number in the whole plan (objective 1.1 right after goal 1); field ids keep startReview's positions.
  const order = start ? arrange(detail.goals, start.goals, (g) => ({ id: g.goalId, parentId: g.parentId })) : [];
  const labels: string[] = [];
  for (const o of order) labels[o.i] = o.entry.label;
  const cadence = saved?.detail.review ?? start?.cadence ?? detail.review ?? null;
  const errors = Object.keys(local).length ? local : save.errors;
  const message = Object.keys(local).length ? 'Some goals need a decision or a reason.' : save.message;

  return (
    <section aria-labelledby="review-h">
      <ScreenHeading id="review-h">Goal review for {code}</ScreenHeading>
      {cadence ? (
        <Notice kind={cadence.overdue ? 'warn' : cadence.due ? 'info' : 'ok'}>
          <span id="review-cadence">{cadenceText(cadence)}</span>
        </Notice>
      ) : null}
      {load.pending && !start ? (
        <p class="loading" role="status">
          Loading {code}'s goals…
        </p>
      ) : null}
      <LoadProblem action={load} />

      {saved ? (
        <div class="notice notice-ok" role="status" tabIndex={-1} ref={savedRef} id="review-saved">
          <p>
            <strong>Review saved</strong> for session {saved.sessionNumber} ({saved.date}): {saved.rows} goal{saved.rows === 1 ? '' : 's'} reviewed.
          </p>
          {saved.tScore !== null ? (
            <p id="review-t">
              GAS T-score {saved.tScore.toFixed(1)}
              {saved.change !== null ? `, change from baseline ${signedChange(saved.change)}` : ''}.
            </p>
          ) : (
            <p class="small">No GAS levels were scored, so there is no T-score for this review.</p>
          )}
          {saved.milestones.length ? (
            <>
              <h3 id="review-milestones-h">Milestones reached</h3>
              <ul aria-labelledby="review-milestones-h" id="review-milestones">
                {saved.milestones.map((m) => (
                  <li key={m.goalId}>
                    <span aria-hidden="true">★ </span>
                    {m.statement}
                  </li>
                ))}
              </ul>
              <p class="small">Well done: worth celebrating together.</p>
            </>
          ) : null}
        </div>
      ) : null}
      {saved ? (
        <div class="actions">
          <button type="button" class="btn" onClick={() => void begin()}>
            Review again
          </button>
        </div>
      ) : null}

      {start && !saved ? (
        start.goals.length === 0 ? (
          <p class="muted">No active goals to review. Write goals on the Plan screen first.</p>
        ) : (
          <form onSubmit={submit} noValidate id={`${P}-form`} tabIndex={-1}>
            <p class="muted small">
              Review at session {start.sessionNumber}. For each goal: where it stands now, then what to do with it.
            </p>
            <DateField id={`${P}-date`} label="Review date" value={date} onInput={setDate} error={errors.date} />
            {order.map(({ i, entry }) => {
              const g = start.goals[i];
              const r = rows[i];
              const base = fieldId(P, `goals.${i}`);
              const err = (k: string) => errors[`goals.${i}.${k}`];
              const chosen = GAS_LEVELS.indexOf(Number(r.gasLevel === '' ? 'x' : r.gasLevel) as GasLevel);
              return (
                <fieldset key={g.goalId} class={`card ${entry.isObjective ? 'card-objective outline-objective' : ''}`}>
                  <legend>{entryTitle({ ...entry, goal: { title: g.title || g.goalId } })}</legend>
                  <p class="muted small">
                    {g.status === 'modified' ? 'Modified earlier. ' : ''}
                    {g.ratedAt === null ? 'Not rated yet.' : `Prefilled from session ${g.ratedAt}.`}
                  </p>
                  {g.tasks ? (
                    <p class="small" id={`${base}-tasks`}>
                      Tasks since the last review: {completionText(g.tasks) || 'none reviewed'}
                      {g.tasks.share !== null ? ` (${Math.round(g.tasks.share * 100)}% done)` : ''}
                    </p>
                  ) : null}
                  {err('goalId') ? <p class="field-error">{err('goalId')}</p> : null}
                  <div class="row">
                    <SelectField
                      id={`${base}-gasLevel`}
                      label="GAS level now"
                      value={r.gasLevel}
                      onChange={(v) => patch(i, { gasLevel: v })}
                      options={GAS_LEVELS.map((lv) => ({ value: String(lv), label: `${levelText(lv)} ${GAS_LEVEL_LABELS[lv as GasLevel]}` }))}
                      hint={chosen >= 0 && g.anchors[chosen] ? `${levelText(GAS_LEVELS[chosen])}: ${g.anchors[chosen]}` : undefined}
                      placeholder="Not scored"
                      error={err('gasLevel')}
                    />
                    <SelectField id={`${base}-rating`} label="Rating 0–10" hint="How close do you feel to this goal?" value={r.rating} onChange={(v) => patch(i, { rating: v })} options={rangeOptions(0, 10)} placeholder="Not rated" error={err('rating')} />
                  </div>
                  <SelectField id={`${base}-decision`} label="Decision" value={r.decision} onChange={(v) => patch(i, { decision: v as ReviewRowDraft['decision'] })} options={DECISIONS} placeholder="Choose…" error={err('decision')} required />
                  <TextArea id={`${base}-reason`} label={r.decision === 'continue' || r.decision === '' ? 'Reason (optional)' : 'Reason'} required={r.decision !== 'continue' && r.decision !== ''} value={r.reason} onInput={(v) => patch(i, { reason: v })} error={err('reason')} maxLength={2000} />
                  {r.decision === 'modify' ? <TextArea id={`${base}-revisedObjective`} label="Revised objective" hint="The new wording replaces the goal's text on the Goals tab." value={r.revisedObjective} onInput={(v) => patch(i, { revisedObjective: v })} error={err('revisedObjective')} required maxLength={2000} /> : null}
                </fieldset>
              );
            })}
            <SaveFooter prefix={P} action={save} message={message} errors={errors} describe={(path) => describeReviewPath(path, labels)} label="Save review" />
          </form>
        )
      ) : null}
    </section>
  );
}
