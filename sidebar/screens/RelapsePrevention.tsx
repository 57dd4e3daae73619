// Discharge screen: the relapse-prevention plan written together — what helped, warning signs, coping strategies, what to do, whom to contact; builds the printable "Relapse prevention <code>" sheet via buildRelapsePreventionPlan.
import { useState } from 'preact/hooks';
import type { Bootstrap, ClientDetail, ClientSummary, RelapsePreventionPlanData } from '../../src/contract';
import { ClientStatusAction } from '../components/ClientStatus';
import { DateField, TextArea, TextField } from '../components/Field';
import { focusErrors, SaveFooter } from '../components/SaveFooter';
import { ScreenHeading } from '../components/Screen';
import { useAction } from '../hooks/useAction';
import { describeRelapsePreventionPath, emptyContact, RELAPSE_PREVENTION_LISTS, relapsePreventionErrors, toRelapsePreventionInput, type RelapsePreventionDraft } from '../model/review';
import { call } from '../rpc';

const P = 'discharge';

export function RelapsePreventionScreen({ boot, detail, onStatus }: { boot: Bootstrap; detail: ClientDetail; onStatus?(client: ClientSummary): void }) {
  const code = detail.client.code;
  const [d, setD] = useState<RelapsePreventionDraft>({ date: boot.today, whatHelped: '', warningSigns: '', highRiskSituations: '', copingStrategies: '', ifTheyReturn: '', contacts: [emptyContact()] });
  const [built, setBuilt] = useState<RelapsePreventionPlanData | null>(null);
  const save = useAction();
  const achieved = detail.goals.filter((g) => g.status === 'achieved');
  const set = (p: Partial<RelapsePreventionDraft>) => setD((x) => ({ ...x, ...p }));
  const setContact = (i: number, p: Partial<RelapsePreventionDraft['contacts'][number]>) => set({ contacts: d.contacts.map((c, j) => (j === i ? { ...c, ...p } : c)) });

  const submit = async (e: Event) => {
    e.preventDefault();
    setBuilt(null);
    const data = await save.run((requestId) => call('buildRelapsePreventionPlan', { ...toRelapsePreventionInput(code, d), requestId }), relapsePreventionErrors);
    if (data) setBuilt(data);
    else focusErrors(P);
  };

  const err = save.errors;
  return (
    <section aria-labelledby="discharge-h">
      <ScreenHeading id="discharge-h">Relapse-prevention plan for {code}</ScreenHeading>
      <p class="muted small">Write it together in the last sessions. It becomes a printable tab, “Relapse prevention {code}”; building it again replaces that tab only.</p>
      <h3 id="discharge-achieved-h">Goals achieved</h3>
      {achieved.length ? (
        <ul aria-labelledby="discharge-achieved-h">
          {achieved.map((g) => (
            <li key={g.id}>
              {g.title}
              {g.statusDate ? <span class="muted small"> ({g.statusDate})</span> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted small">No goals are marked achieved yet (a goal review can mark them).</p>
      )}
      <form onSubmit={submit} noValidate id={`${P}-form`} tabIndex={-1}>
        <DateField id={`${P}-date`} label="Plan date" value={d.date} onInput={(v) => set({ date: v })} error={err.date} />
        {RELAPSE_PREVENTION_LISTS.map((l) => (
          <TextArea key={l.key} id={`${P}-${l.key}`} label={`${l.label}${l.optional ? ' (optional)' : ''}`} hint={`${l.hint} One per line.`} value={d[l.key]} onInput={(v) => set({ [l.key]: v } as Partial<RelapsePreventionDraft>)} error={err[l.key]} rows={3} required={!l.optional} />
        ))}
        <fieldset id={`${P}-contacts`} tabIndex={-1}>
          <legend>Whom to contact</legend>
          {err.contacts ? <p class="field-error">{err.contacts}</p> : null}
          {d.contacts.map((c, i) => (
            <div class="card" key={i}>
              <TextField id={`${P}-contacts-${i}-who`} label={`Contact ${i + 1}: who`} hint="A person, role or service, e.g. GP surgery." value={c.who} onInput={(v) => setContact(i, { who: v })} error={err[`contacts.${i}.who`]} />
              <TextField id={`${P}-contacts-${i}-how`} label="How to reach them" value={c.how} onInput={(v) => setContact(i, { how: v })} error={err[`contacts.${i}.how`]} />
              <TextField id={`${P}-contacts-${i}-when`} label="When (optional)" value={c.when} onInput={(v) => setContact(i, { when: v })} error={err[`contacts.${i}.when`]} />
              {d.contacts.length > 1 ? (
                <button type="button" class="btn btn-small" onClick={() => set({ contacts: d.contacts.filter((_, j) => j !== i) })}>
                  Remove contact {i + 1}
                </button>
              ) : null}
            </div>
          ))}
          <button type="button" class="btn btn-small" onClick={() => set({ contacts: [...d.contacts, emptyContact()] })}>
            Add a contact
          </button>
        </fieldset>
        <SaveFooter
          prefix={P}
          action={save}
          describe={describeRelapsePreventionPath}
          label="Build relapse-prevention plan"
          pendingLabel="Building…"
          saved={
            built ? (
              <div class="notice notice-ok" role="status" id="discharge-built">
                <p>
                  <strong>{built.rebuilt ? 'Rebuilt' : 'Built'} the tab “{built.sheetName}”.</strong> Open it and choose File ▸ Print.
                </p>
                <p class="small">{built.sections.map((s) => s.heading).join(' · ')}</p>
              </div>
            ) : null
          }
        />
      </form>
      {onStatus ? (
        <section class="card" aria-labelledby="discharge-status-h">
          <h3 id="discharge-status-h">Discharge</h3>
          {detail.client.status === 'discharged' ? (
            <p class="small">{code} is marked discharged.</p>
          ) : (
            <ClientStatusAction key={detail.client.status} prefix="discharge" code={code} to="discharged" explain="Sets the Clients status to discharged: the client leaves Supervision’s active list; every record is kept." onDone={onStatus} />
          )}
        </section>
      ) : null}
    </section>
  );
}
