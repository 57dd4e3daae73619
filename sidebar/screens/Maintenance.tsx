// Discharge screen: the maintenance (relapse-prevention) plan written together — what helped, warning signs, coping strategies, what to do, whom to contact; builds the printable "Maintenance <code>" sheet via buildMaintenancePlan.
import { useState } from 'preact/hooks';
import type { Bootstrap, ClientDetail, MaintenancePlanData } from '../../src/server/contract';
import { DateField, TextArea, TextField } from '../components/Field';
import { ErrorSummary, FailureNotice } from '../components/Messages';
import { ScreenHeading } from '../components/Screen';
import { useAction } from '../hooks/useAction';
import { maintenanceErrors, toMaintenanceInput, type MaintenanceDraft } from '../model/review';
import { call } from '../rpc';

const P = 'discharge';

const LISTS: { key: 'whatHelped' | 'warningSigns' | 'highRiskSituations' | 'copingStrategies' | 'ifTheyReturn'; label: string; hint: string; optional?: boolean }[] = [
  { key: 'whatHelped', label: 'What helped', hint: 'The tools and changes that made the difference.' },
  { key: 'warningSigns', label: 'Early warning signs', hint: 'What the client (or others) would notice first if things slipped.' },
  { key: 'highRiskSituations', label: 'High-risk situations', hint: 'Times or places when difficulties are more likely.', optional: true },
  { key: 'copingStrategies', label: 'Coping strategies', hint: 'What to keep doing, and what to do when a warning sign shows.' },
  { key: 'ifTheyReturn', label: 'If difficulties return: what to do', hint: 'Steps in order.' },
];

const NAMES: Record<string, string> = { date: 'Plan date', contacts: 'Contacts', clientCode: 'Client', '': 'Plan', ...Object.fromEntries(LISTS.map((l) => [l.key, l.label])) };

export function describeMaintenancePath(path: string): string {
  const m = /^contacts\.(\d+)\.(\w+)$/.exec(path);
  if (m) return `Contact ${Number(m[1]) + 1} › ${m[2] === 'who' ? 'Who' : m[2] === 'how' ? 'How to reach them' : 'When'}`;
  return NAMES[path] ?? path;
}

const emptyContact = () => ({ who: '', how: '', when: '' });

export function MaintenanceScreen({ boot, detail }: { boot: Bootstrap; detail: ClientDetail }) {
  const code = detail.client.code;
  const [d, setD] = useState<MaintenanceDraft>({ date: boot.today, whatHelped: '', warningSigns: '', highRiskSituations: '', copingStrategies: '', ifTheyReturn: '', contacts: [emptyContact()] });
  const [built, setBuilt] = useState<MaintenancePlanData | null>(null);
  const save = useAction();
  const achieved = detail.goals.filter((g) => g.status === 'achieved');
  const set = (p: Partial<MaintenanceDraft>) => setD((x) => ({ ...x, ...p }));
  const setContact = (i: number, p: Partial<MaintenanceDraft['contacts'][number]>) => set({ contacts: d.contacts.map((c, j) => (j === i ? { ...c, ...p } : c)) });

  const submit = async (e: Event) => {
    e.preventDefault();
    setBuilt(null);
    const data = await save.run(() => call('buildMaintenancePlan', toMaintenanceInput(code, d)), maintenanceErrors);
    if (data) setBuilt(data);
    else window.setTimeout(() => document.getElementById(`${P}-errors`)?.focus(), 0);
  };

  const err = save.errors;
  return (
    <section aria-labelledby="discharge-h">
      <ScreenHeading id="discharge-h">Maintenance plan for {code}</ScreenHeading>
      <p class="muted small">Write it together in the last sessions. It becomes a printable tab, “Maintenance {code}”; building it again replaces that tab only.</p>
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
        {LISTS.map((l) => (
          <TextArea key={l.key} id={`${P}-${l.key}`} label={`${l.label}${l.optional ? ' (optional)' : ''}`} hint={`${l.hint} One per line.`} value={d[l.key]} onInput={(v) => set({ [l.key]: v } as Partial<MaintenanceDraft>)} error={err[l.key]} rows={3} required={!l.optional} />
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
        <ErrorSummary prefix={P} message={save.message} errors={err} describe={describeMaintenancePath} />
        <FailureNotice message={save.failure} />
        {built ? (
          <div class="notice notice-ok" role="status" id="discharge-built">
            <p>
              <strong>{built.rebuilt ? 'Rebuilt' : 'Built'} the tab “{built.sheetName}”.</strong> Open it and choose File ▸ Print.
            </p>
            <p class="small">{built.sections.map((s) => s.heading).join(' · ')}</p>
          </div>
        ) : null}
        <div class="actions">
          <button type="submit" class="btn btn-primary" aria-disabled={save.pending ? 'true' : undefined}>
            {save.pending ? 'Building…' : 'Build maintenance plan'}
          </button>
        </div>
      </form>
    </section>
  );
}
