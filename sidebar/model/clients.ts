// Client list helpers: the filter by code or clinician, and the one-line summary under each client's code.
import type { ClientSummary } from '../../src/contract';

/** Clients whose code or clinician contains the typed text (any case); every client when it is blank. */
export function filterClients(clients: readonly ClientSummary[], filter: string): readonly ClientSummary[] {
  const f = filter.trim().toLowerCase();
  return f === '' ? clients : clients.filter((c) => c.code.toLowerCase().includes(f) || c.clinician.toLowerCase().includes(f));
}

/** "Dr A · CBT · 3 sessions · last 2024-05-01", leaving out what is blank. */
export function clientSummary(c: ClientSummary): string {
  return [c.clinician, c.modality, `${c.sessions} session${c.sessions === 1 ? '' : 's'}`, c.lastSession ? `last ${c.lastSession}` : ''].filter((s) => s !== '').join(' · ');
}
