// Clients screen: pick the client to work on, or add a client by code (live warning when a code looks like a name, email or phone number).
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { codeLooksLikeName, hasCodeShape } from '../../src/core/client-code-shape';
import { MODALITIES } from '../../src/core/vocabularies';
import type { AddClientInput, Bootstrap } from '../../src/contract';
import { CheckboxField, DateField, SelectField, TextField } from '../components/Field';
import { Notice } from '../components/Messages';
import { SaveFooter } from '../components/SaveFooter';
import { ScreenHeading } from '../components/Screen';
import { describePath } from '../errors';
import { useAction } from '../hooks/useAction';
import { clientSummary, filterClients } from '../model/clients';
import { call } from '../rpc';
import { badges, byRisk } from '../model/risk';
import type { ClientAlertsView, ClientSummary } from '../../src/contract';
import { ClientStatusAction } from '../components/ClientStatus';

const P = 'client';

interface Props {
  boot: Bootstrap;
  selected: string | null;
  onSelect(code: string): void;
  /** Called after a client was added: reload the Bootstrap and select it. */
  onAdded(code: string): void;
  /** Screens holding unsaved work for the selected client (choosing another client discards it). */
  unsaved: string[];
  /** Called after the selected client's status changed (paused or reactivated). */
  onStatus?(client: ClientSummary): void;
}

export function ClientsScreen({ boot, selected, onSelect, onAdded, unsaved, onStatus }: Props) {
  const [filter, setFilter] = useState('');
  const [adding, setAdding] = useState(boot.clients.length === 0);
  const [added, setAdded] = useState<string | null>(null);
  // Most at risk first (safety, then deterioration …), the alerts tab's rules.
  const shown = useMemo(() => byRisk(filterClients(boot.clients, filter)), [boot.clients, filter]);
  const current = boot.clients.find((c) => c.code === selected);

  return (
    <section aria-labelledby="clients-h">
      <ScreenHeading id="clients-h">Clients</ScreenHeading>
      {boot.clinic ? <p class="muted small">{boot.clinic}</p> : null}
      {!boot.isSetUp ? (
        <Notice kind="warn">
          This spreadsheet is not set up for Attain yet. Choose <strong>Extensions ▸ Attain ▸ Set up this spreadsheet</strong> first.
        </Notice>
      ) : null}
      {boot.pendingSetup?.length ? (
        <Notice kind="warn">
          Settings changed since the last setup: {boot.pendingSetup.join(', ')}. They take effect when someone runs <strong>Extensions ▸ Attain ▸ Set up this spreadsheet</strong>.
        </Notice>
      ) : null}
      {added ? (
        <div class="notice notice-ok" role="status" id="client-added" tabIndex={-1}>
          Added client {added}. It is now selected.
        </div>
      ) : null}
      {boot.clients.length > 6 ? <TextField id="client-filter" label="Find a client" hint="Type part of a code or a clinician's name." value={filter} onInput={setFilter} /> : null}
      {boot.clients.length === 0 ? (
        <p class="muted">No clients yet. Add the first one below.</p>
      ) : (
        <>
          <p class="muted small" id="client-list-hint">
            Choose a client; the Plan, GAS, Session and Priorities screens then work on that client.
          </p>
          {selected && unsaved.length > 0 ? (
            <Notice kind="warn">
              Unsaved changes for {selected} on {unsaved.join(', ')}. Save them there first: choosing another client discards them.
            </Notice>
          ) : null}
          <ul class="client-list" aria-label="Clients" aria-describedby="client-list-hint">
            {shown.map((c) => (
              <li key={c.code}>
                <button type="button" aria-pressed={c.code === selected ? 'true' : 'false'} onClick={() => onSelect(c.code)}>
                  <span class="client-code">{c.code}</span>{' '}
                  <span class="tag">{c.status}</span>
                  <br />
                  <span class="muted small">{clientSummary(c)}</span>
                  <ClientBadges alerts={c.alerts} />
                </button>
              </li>
            ))}
          </ul>
          {shown.length === 0 ? <p class="muted">No client matches “{filter}”.</p> : null}
          {current && onStatus ? (
            <ClientStatusAction
              key={current.code}
              prefix="clients"
              code={current.code}
              to={current.status === 'active' ? 'paused' : 'active'}
              explain={current.status === 'active' ? 'A paused client leaves Supervision’s active list until reactivated; nothing is deleted.' : `${current.code} is ${current.status}; reactivating brings them back to Supervision’s active list.`}
              onDone={onStatus}
            />
          ) : null}
        </>
      )}
      <div class="actions">
        <button type="button" class="btn" aria-expanded={adding ? 'true' : 'false'} aria-controls="add-client-form" onClick={() => setAdding((a) => !a)}>
          {adding ? 'Hide the new-client form' : 'Add client'}
        </button>
      </div>
      {adding ? (
        <AddClientForm
          boot={boot}
          onAdded={(code) => {
            setAdded(code);
            setAdding(false);
            onAdded(code);
            // The form that held focus is gone: focus moves to the confirmation, so it is read and nothing is lost to <body>.
            window.setTimeout(() => document.getElementById('client-added')?.focus(), 0);
          }}
        />
      ) : null}
    </section>
  );
}

/** The client's alerts as badges, safety first, in the alerts tab's words. */
function ClientBadges({ alerts }: { alerts: ClientAlertsView | undefined }) {
  const list = badges(alerts);
  if (list.length === 0) return null;
  return (
    <span class="badges">
      {list.map((b) => (
        <span key={b.text} class={`badge badge-${b.tone}`}>
          {b.tone === 'safety' ? '⚠ ' : ''}
          {b.text}
        </span>
      ))}
    </span>
  );
}

function AddClientForm({ boot, onAdded }: { boot: Bootstrap; onAdded(code: string): void }) {
  const [form, setForm] = useState<AddClientInput>({ code: '', clinician: boot.clinicians.length === 1 ? boot.clinicians[0] : '', startDate: boot.today, modality: '' });
  const [notAName, setNotAName] = useState(false);
  const action = useAction();
  const codeRef = useRef<HTMLDivElement>(null);
  // Core's rule (the server's too); the confirmation is offered only for a code that could otherwise be saved.
  const looksLike = useMemo(() => codeLooksLikeName(form.code), [form.code]);
  const confirmable = looksLike !== null && hasCodeShape(form.code.trim());
  const set = (k: keyof AddClientInput) => (v: string) => setForm((f) => ({ ...f, [k]: v }));
  const setCode = (v: string) => {
    setForm((f) => ({ ...f, code: v }));
    // A confirmation belongs to the code it was given for.
    setNotAName(false);
  };

  useEffect(() => {
    codeRef.current?.querySelector('input')?.focus();
  }, []);

  const submit = async (e: Event) => {
    e.preventDefault();
    const input: AddClientInput = { code: form.code.trim(), clinician: form.clinician.trim(), startDate: form.startDate, modality: form.modality, ...(confirmable && notAName ? { notAName: true } : {}) };
    const data = await action.run((requestId) => call('addClient', { ...input, requestId }));
    if (data !== undefined) onAdded(input.code);
  };

  return (
    <form id="add-client-form" aria-labelledby="add-client-h" onSubmit={submit} noValidate>
      <h3 id="add-client-h">New client</h3>
      <div ref={codeRef}>
        <TextField
          id={`${P}-code`}
          label="Client code"
          hint='A clinic code, never a name: e.g. "C-0142".'
          required
          maxLength={20}
          value={form.code}
          onInput={setCode}
          error={action.errors.code}
          describedBy={`${P}-code-warnings`}
        />
      </div>
      <div id={`${P}-code-warnings`} aria-live="polite">
        {looksLike ? (
          <div class="notice notice-warn">
            {/* Once the server has refused the code, its message beside the field says this: one message per problem. */}
            {action.errors.code ? null : (
              <p>
                “{form.code.trim()}” looks like {looksLike}. Attain stores codes, never names: use a clinic code such as “C-0142”.
              </p>
            )}
            {confirmable ? <CheckboxField id={`${P}-notAName`} label="This code is not a name" checked={notAName} onChange={setNotAName} error={action.errors.notAName} /> : null}
          </div>
        ) : null}
      </div>
      <TextField id={`${P}-clinician`} label="Clinician" hint={boot.clinicians.length > 0 ? 'Type a name, or pick one already in use.' : undefined} required maxLength={60} value={form.clinician} onInput={set('clinician')} suggestions={boot.clinicians} error={action.errors.clinician} />
      <DateField id={`${P}-startDate`} label="Start date" required value={form.startDate} onInput={set('startDate')} error={action.errors.startDate} />
      <SelectField id={`${P}-modality`} label="Modality" value={form.modality} onChange={set('modality')} options={MODALITIES.map((m) => ({ value: m, label: m }))} placeholder="Choose…" error={action.errors.modality} />
      <SaveFooter prefix={P} action={action} describe={describePath} label="Save new client" pendingLabel="Adding…" />
    </form>
  );
}
