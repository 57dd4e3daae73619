// Keeping the opening data current after a save: the saved client's caseload line (and the clinician list) replaced from the server's reply, with no second call.
import type { Bootstrap, ClientSummary } from '../../src/contract';

/** The Bootstrap with `client`'s line replaced (added when new) and its clinician among the suggestions. */
export function withClient(boot: Bootstrap, client: ClientSummary): Bootstrap {
  const key = client.code.toLowerCase();
  const known = boot.clients.some((c) => c.code.toLowerCase() === key);
  const clients = known ? boot.clients.map((c) => (c.code.toLowerCase() === key ? client : c)) : [...boot.clients, client];
  const clinicians = client.clinician && !boot.clinicians.includes(client.clinician) ? [...boot.clinicians, client.clinician].sort() : boot.clinicians;
  return { ...boot, clients, clinicians };
}
