// "Correct or void" on the Session screen: choose a past session or "Completed on a form", see its records (session, ratings, measures), and void or correct one with a required reason after a confirmation; the row is marked, never deleted.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AmendRecordData, ClientDetail, RecordView } from '../../src/contract';
import { CheckboxField, DateField, NumberField, SelectField, TextArea, TextField } from './Field';
import { ErrorSummary, FailureNotice, Notice } from './Messages';
import { useAction } from '../hooks/useAction';
import { call } from '../rpc';

const P = 'amend';

// The Source goes only with a form-imported row: it tells two responses of one day apart.
const refOf = (r: RecordView) => ({ kind: r.kind, instrument: r.instrument || null, row: r.row, date: r.date, session: r.session, goalId: r.goalId || null, ...(r.source ? { source: r.source } : {}) });
const num = (s: string): number | null => (s.trim() === '' ? null : Number(s));
const label = (r: RecordView) => (r.kind === 'session' ? 'Session row' : r.kind === 'rating' ? `Rating: ${r.goalTitle || r.goalId}` : r.session === null ? `${r.instrumentName} of ${r.date}` : r.instrumentName);
/** The choice that lists the measures without a session (questionnaires imported from a form). */
const FORM = 'form';

/** A past session's records, or the measures completed on a form, with a "Correct or void" button each; the chosen record's form below them. */
export function CorrectRecords({ detail, onSaved }: { detail: ClientDetail; onSaved(detail: ClientDetail): void }) {
  const code = detail.client.code;
  const past = [...detail.sessions].sort((a, b) => b.number - a.number);
  const [session, setSession] = useState('');
  const [records, setRecords] = useState<RecordView[] | null>(null);
  const [chosen, setChosen] = useState<RecordView | null>(null);
  const [done, setDone] = useState('');
  const load = useAction();

  const show = async (n: string) => {
    setSession(n);
    setChosen(null);
    setRecords(null);
    if (!n) return;
    const data = await load.run(() => call('getSessionRecords', code, n === FORM ? null : Number(n)));
    if (data) setRecords(data.records);
  };

  // Shown even before a first session: a questionnaire imported from a form may be the client's only record.
  const fromForm = session === FORM;
  return (
    <details class="card amend" id={P}>
      <summary>Correct or void a past record</summary>
      <p class="muted small">A wrong record is never deleted: it is marked voided (who, when, why) and every formula, dashboard and alert ignores it. Correcting voids it and saves the corrected record.</p>
      <SelectField
        id={`${P}-session`}
        label="Past session"
        value={session}
        onChange={show}
        placeholder="Choose a session…"
        options={[...past.map((s) => ({ value: String(s.number), label: `Session ${s.number}, ${s.date}` })), { value: FORM, label: 'Completed on a form (no session)' }]}
      />
      <FailureNotice message={load.failure} />
      {load.message ? <ErrorSummary prefix={`${P}-load`} message={load.message} errors={load.errors} /> : null}
      {done ? (
        <Notice kind="ok" role="status">
          {done}
        </Notice>
      ) : null}
      {records ? (
        records.length ? (
          <ul class="amend-list" aria-label={fromForm ? 'Measures completed on a form' : `Records of session ${session}`}>
            {records.map((r) => (
              <li key={`${r.kind}-${r.instrument}-${r.row}`}>
                <span class="small">{r.summary}</span>{' '}
                <button type="button" class="btn btn-small" aria-expanded={chosen === r ? 'true' : 'false'} onClick={() => { setDone(''); setChosen(chosen === r ? null : r); }}>
                  Correct or void<span class="sr-only"> {label(r)}</span>
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted small">{fromForm ? 'No measure completed on a form is left to correct.' : 'Nothing left to correct in this session.'}</p>
        )
      ) : null}
      {chosen ? (
        <AmendForm
          key={`${chosen.kind}-${chosen.row}`}
          code={code}
          record={chosen}
          onCancel={() => setChosen(null)}
          onDone={async (data, what) => {
            setDone(what);
            setChosen(null);
            // "Last time" and the badges come from the sheet's formulas, which now ignore the row: read the client once more.
            const fresh = await call('getClient', code).catch(() => null);
            onSaved(fresh && fresh.ok ? fresh.data : data.detail);
            void show(session);
          }}
        />
      ) : null}
    </details>
  );
}

function AmendForm({ code, record: r, onCancel, onDone }: { code: string; record: RecordView; onCancel(): void; onDone(data: AmendRecordData, what: string): void | Promise<void> }) {
  const [mode, setMode] = useState<'void' | 'correct'>('void');
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [date, setDate] = useState(r.date);
  const [attended, setAttended] = useState(r.attended ?? true);
  const [note, setNote] = useState(r.note ?? '');
  const [rating, setRating] = useState(r.rating === null || r.rating === undefined ? '' : String(r.rating));
  const [gasLevel, setGasLevel] = useState(r.gasLevel === null || r.gasLevel === undefined ? '' : String(r.gasLevel));
  const [items, setItems] = useState((r.items ?? []).map((x) => (x === null ? '' : String(x))));
  const [local, setLocal] = useState<Record<string, string>>({});
  const save = useAction();
  const box = useRef<HTMLDivElement>(null);

  // Focus goes to the form when it opens, to the confirmation when asked, and to the errors when the server refuses.
  useEffect(() => box.current?.querySelector<HTMLElement>('select, input, textarea, button')?.focus(), []);
  useEffect(() => {
    if (confirming) document.getElementById(`${P}-confirm`)?.focus();
  }, [confirming]);

  const correction = () =>
    r.kind === 'session' ? { date, attended, note } : r.kind === 'rating' ? { rating: num(rating), gasLevel: num(gasLevel) } : { items: items.map(num) };

  const ask = (e: Event) => {
    e.preventDefault();
    if (reason.trim() === '') {
      setLocal({ reason: 'Expected a reason (why the record is wrong); got nothing. Type one, e.g. "entered on the wrong client"' });
      window.setTimeout(() => document.getElementById(`${P}-reason`)?.focus(), 0);
      return;
    }
    setLocal({});
    setConfirming(true);
  };

  const send = async () => {
    const base = { clientCode: code, record: refOf(r), reason: reason.trim() };
    const data = await save.run((requestId) => (mode === 'void' ? call('voidRecord', { ...base, requestId }) : call('correctRecord', { ...base, correction: correction(), requestId })));
    setConfirming(false);
    if (data) void onDone(data, mode === 'void' ? `Voided: ${r.summary}. The row is kept, marked "${data.voided}".` : `Corrected: the old row is marked, the corrected record is row ${data.correctedRow}.`);
    else window.setTimeout(() => document.getElementById(`${P}-errors`)?.focus(), 0);
  };

  const errors = { ...save.errors, ...local };
  return (
    <div class="card amend-form" ref={box} role="group" aria-labelledby={`${P}-form-h`}>
      <h4 id={`${P}-form-h`}>{r.summary}</h4>
      <form onSubmit={ask} noValidate id={`${P}-form`}>
        <SelectField
          id={`${P}-mode`}
          label="What to do"
          value={mode}
          onChange={(v) => { setMode(v as 'void' | 'correct'); setConfirming(false); }}
          options={[
            { value: 'void', label: 'Void it (it should not count)' },
            { value: 'correct', label: 'Correct it' },
          ]}
        />
        {mode === 'correct' && r.kind === 'session' ? (
          <>
            <DateField id={`${P}-correction-date`} label="Correct date" value={date} onInput={setDate} error={errors['correction.date']} />
            <CheckboxField id={`${P}-correction-attended`} label="Attended" checked={attended} onChange={setAttended} error={errors['correction.attended']} />
            <TextField id={`${P}-correction-note`} label="Event note" value={note} onInput={setNote} maxLength={500} error={errors['correction.note']} />
          </>
        ) : null}
        {mode === 'correct' && r.kind === 'rating' ? (
          <>
            <NumberField id={`${P}-correction-rating`} label="Rating (0–10)" min={0} max={10} value={rating} onInput={setRating} error={errors['correction.rating']} />
            <NumberField id={`${P}-correction-gasLevel`} label="GAS level (−2 to +2)" min={-2} max={2} value={gasLevel} onInput={setGasLevel} error={errors['correction.gasLevel']} />
          </>
        ) : null}
        {mode === 'correct' && r.kind === 'measure' ? (
          <fieldset>
            <legend>{r.instrumentName} answers</legend>
            {items.map((v, i) => (
              <NumberField key={i} id={`${P}-correction-items-${i}`} label={`Item ${i + 1}`} value={v} onInput={(x) => setItems(items.map((y, j) => (j === i ? x : y)))} error={errors[`correction.items.${i}`]} />
            ))}
          </fieldset>
        ) : null}
        <TextArea id={`${P}-reason`} label="Reason (required)" hint='Why it is wrong, e.g. "entered on the wrong client". Kept in the Voided column and Audit.' required rows={2} maxLength={180} value={reason} onInput={setReason} error={errors.reason} />
        <ErrorSummary prefix={P} message={save.message} errors={save.errors} />
        <FailureNotice message={save.failure} />
        {save.notice ? (
          <Notice kind="info" role="status">
            {save.notice}
          </Notice>
        ) : null}
        {confirming ? (
          <div class="notice notice-warn" role="alertdialog" aria-labelledby={`${P}-confirm-q`} id={`${P}-confirm`} tabIndex={-1}>
            <p id={`${P}-confirm-q`}>
              {mode === 'void' ? 'Void' : 'Correct'} “{r.summary}”? The row stays in the sheet, marked with your reason.
            </p>
            <div class="actions">
              <button type="button" class="btn btn-primary" id={`${P}-yes`} aria-disabled={save.pending ? 'true' : undefined} onClick={() => void send()}>
                {save.pending ? 'Saving…' : mode === 'void' ? 'Yes, void it' : 'Yes, correct it'}
              </button>
              <button type="button" class="btn" onClick={() => setConfirming(false)}>
                No, go back
              </button>
            </div>
          </div>
        ) : (
          <div class="actions">
            <button type="submit" class="btn btn-primary">
              {mode === 'void' ? 'Void…' : 'Correct…'}
            </button>
            <button type="button" class="btn" onClick={onCancel}>
              Cancel
            </button>
          </div>
        )}
      </form>
    </div>
  );
}
