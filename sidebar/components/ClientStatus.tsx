// One client-status change (pause, reactivate, mark discharged) behind a confirmation with an optional reason; the Clients Status cell and an Audit row change, nothing else.
import { useEffect, useState } from 'preact/hooks';
import type { ClientStatus, ClientSummary } from '../../src/contract';
import { TextField } from './Field';
import { ErrorSummary, FailureNotice, Notice } from './Messages';
import { useAction } from '../hooks/useAction';
import { call } from '../rpc';

const VERB: Record<ClientStatus, string> = { active: 'Reactivate', paused: 'Pause', discharged: 'Mark discharged' };
/** The button's words: "this client", not the code, so the client list stays the one control named by a code. */
const BUTTON: Record<ClientStatus, string> = { active: 'Reactivate this client', paused: 'Pause this client', discharged: 'Mark this client discharged' };

/** A button that asks first ("Pause C-0001? …"), then sets the status; `prefix` keeps ids unique per screen. */
export function ClientStatusAction({ prefix, code, to, explain, onDone }: { prefix: string; code: string; to: ClientStatus; explain: string; onDone(client: ClientSummary): void }) {
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [done, setDone] = useState('');
  const save = useAction();
  const P = `${prefix}-status`;

  useEffect(() => {
    if (asking) document.getElementById(`${P}-confirm`)?.focus();
  }, [asking, P]);

  const send = async () => {
    const data = await save.run((requestId) => call('setClientStatus', { clientCode: code, status: to, reason: reason.trim(), requestId }));
    setAsking(false);
    if (data) {
      setDone(`${code} is now ${data.status}.`);
      onDone(data);
    } else window.setTimeout(() => document.getElementById(`${P}-errors`)?.focus(), 0);
  };

  return (
    <div class="status-action" id={P}>
      {done ? (
        <Notice kind="ok" role="status">
          {done}
        </Notice>
      ) : null}
      <ErrorSummary prefix={P} message={save.message} errors={save.errors} />
      <FailureNotice message={save.failure} />
      {asking ? (
        <div class="notice notice-warn" role="alertdialog" aria-labelledby={`${P}-q`} id={`${P}-confirm`} tabIndex={-1}>
          <p id={`${P}-q`}>
            {VERB[to]} {code}? {explain}
          </p>
          <TextField id={`${P}-reason`} label="Reason (optional)" maxLength={180} value={reason} onInput={setReason} error={save.errors.reason} />
          <div class="actions">
            <button type="button" class="btn btn-primary" aria-disabled={save.pending ? 'true' : undefined} onClick={() => void send()}>
              {save.pending ? 'Saving…' : `Yes, ${VERB[to].toLowerCase()}`}
            </button>
            <button type="button" class="btn" onClick={() => setAsking(false)}>
              No
            </button>
          </div>
        </div>
      ) : (
        <button type="button" class="btn btn-small" onClick={() => { setDone(''); setAsking(true); }}>
          {BUTTON[to]}
        </button>
      )}
    </div>
  );
}
