// Sidebar client list helpers: the filter by code or clinician and the one-line summary.
import type { ClientSummary } from '../../../src/contract';
import { clientSummary, filterClients } from '../../../sidebar/model/clients';

const client = (p: Partial<ClientSummary>): ClientSummary => ({ code: 'C-01', clinician: 'Dr Lee', startDate: '2024-01-01', status: 'active', modality: 'CBT', sessions: 0, lastSession: '', ...p });

describe('filterClients', () => {
  const list = [client({ code: 'C-01', clinician: 'Dr Lee' }), client({ code: 'X-02', clinician: 'Sam Ng' })];
  it('matches code or clinician, any case, trimmed', () => {
    expect(filterClients(list, ' c-0').map((c) => c.code)).toEqual(['C-01']);
    expect(filterClients(list, 'NG').map((c) => c.code)).toEqual(['X-02']);
  });
  it('keeps every client for a blank filter', () => {
    expect(filterClients(list, '  ')).toBe(list);
  });
});

describe('clientSummary', () => {
  it('joins what is known, with a plural', () => {
    expect(clientSummary(client({ sessions: 1 }))).toBe('Dr Lee · CBT · 1 session');
    expect(clientSummary(client({ clinician: '', modality: '', sessions: 3, lastSession: '2024-05-01' }))).toBe('3 sessions · last 2024-05-01');
  });
});
