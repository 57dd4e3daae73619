// Risk first in the sidebar: the client list ordered by core's risk rank, badges in the alerts tab's words, "Last time" lines, and "Last time" after a save.
import fc from 'fast-check';
import { ALERT_ORDER, riskRank, type AlertKind } from '../../../src/core/alerts';
import type { ClientSummary, InstrumentSummary, RecordSessionData } from '../../../src/contract';
import { badges, byRisk, lastTimeAfterSave, measureLine } from '../../../sidebar/model/risk';

const client = (code: string, kinds?: AlertKind[]): ClientSummary => ({
  code,
  clinician: 'Dr Lee',
  startDate: '2026-01-01',
  status: 'active',
  modality: 'CBT',
  sessions: 3,
  lastSession: '2026-02-01',
  ...(kinds ? { alerts: { kinds, alerts: kinds.map((k) => k), review: 'At session 4' } } : {}),
});

describe('byRisk', () => {
  test('safety first, then deterioration; no alerts (or no alerts tab) last, in the list\u2019s order', () => {
    const list = [client('A'), client('B', ['review-overdue']), client('C', ['reliable-deterioration']), client('D', ['safety', 'measure-overdue']), client('E')];
    expect(byRisk(list).map((c) => c.code)).toEqual(['D', 'C', 'B', 'A', 'E']);
  });

  test('law: a reordering of the same clients, never less at risk before more at risk, ties in the given order', () => {
    const kinds = fc.subarray([...ALERT_ORDER]);
    fc.assert(
      fc.property(fc.array(fc.option(kinds, { nil: undefined }), { maxLength: 30 }), (ks) => {
        const list = ks.map((k, i) => client(`C-${i}`, k));
        const out = byRisk(list);
        expect([...out].sort((a, b) => a.code.localeCompare(b.code))).toEqual([...list].sort((a, b) => a.code.localeCompare(b.code)));
        const rank = (c: ClientSummary) => riskRank((c.alerts?.kinds ?? []).map((kind) => ({ kind })));
        for (let i = 1; i < out.length; i++) {
          expect(rank(out[i - 1])).toBeLessThanOrEqual(rank(out[i]));
          if (rank(out[i - 1]) === rank(out[i])) expect(list.indexOf(out[i - 1])).toBeLessThan(list.indexOf(out[i]));
        }
      }),
    );
  });
});

describe('badges', () => {
  test('one per alert in its words, safety red, and "Review due" when due but not overdue', () => {
    expect(badges({ kinds: ['safety', 'not-on-track'], alerts: ['Safety: PHQ-9 item 9 (self-harm thoughts) endorsed: review risk now', 'Not on track: PHQ-9'], review: 'Due' })).toEqual([
      { text: 'Safety: PHQ-9 item 9 (self-harm thoughts) endorsed: review risk now', tone: 'safety' },
      { text: 'Not on track: PHQ-9', tone: 'warn' },
      { text: 'Review due', tone: 'info' },
    ]);
    expect(badges({ kinds: ['review-overdue'], alerts: ['Review overdue'], review: 'Overdue' })).toEqual([{ text: 'Review overdue', tone: 'warn' }]);
    expect(badges(undefined)).toEqual([]);
  });
});

test('measureLine: score, band, date, signed change and the reliable-change words; a first score has no change', () => {
  expect(measureLine({ instrument: 'PHQ-9', session: 4, date: '2026-02-01', total: 14, band: 'Moderate', change: -4, reliableChange: 'No reliable change' })).toBe('PHQ-9 14 (Moderate), 2026-02-01 · change −4 · No reliable change');
  expect(measureLine({ instrument: 'GAD-7', session: 1, date: '2026-01-01', total: 9, band: 'Mild', change: null, reliableChange: '' })).toBe('GAD-7 9 (Mild), 2026-01-01');
  expect(measureLine({ instrument: 'PHQ-9', session: 2, date: '', total: null, band: '', change: null, reliableChange: '' })).toBe('PHQ-9 — (incomplete) (session 2)');
});

describe('lastTimeAfterSave', () => {
  const names = [{ id: 'phq9', name: 'PHQ-9' }, { id: 'gad7', name: 'GAD-7' }] as InstrumentSummary[];
  const prev = { session: 2, date: '2026-01-08', measures: [], alerts: [], flags: [{ instrument: 'PHQ-9', session: 2, date: '2026-01-08', text: 'PHQ-9 item 9 (self-harm thoughts) endorsed: review risk now' }] };
  const saved = (measures: RecordSessionData['saved']['measures']): RecordSessionData => ({ sessionNumber: 3, saved: { ratings: 0, measures }, detail: {} as RecordSessionData['detail'] });

  test('an unacknowledged flag stays while its measure was not given again; an acknowledged one goes', () => {
    const gad = saved([{ instrument: 'gad7', total: 6, band: 'Mild', flag: '' }]);
    expect(lastTimeAfterSave(prev, gad, '2026-01-15', names, false).flags).toEqual(prev.flags);
    expect(lastTimeAfterSave(prev, gad, '2026-01-15', names, true).flags).toEqual([]);
  });

  test('the measure given again replaces the old flag with its own; the saved session becomes last time', () => {
    const phq = saved([{ instrument: 'phq9', total: 12, band: 'Moderate', flag: 'PHQ-9 item 9 (self-harm thoughts) endorsed: review risk now' }]);
    const after = lastTimeAfterSave(prev, phq, '2026-01-15', names, false);
    expect([after.session, after.date]).toEqual([3, '2026-01-15']);
    expect(after.flags).toEqual([{ instrument: 'PHQ-9', session: 3, date: '2026-01-15', text: 'PHQ-9 item 9 (self-harm thoughts) endorsed: review risk now' }]);
    expect(after.measures).toEqual([{ instrument: 'PHQ-9', session: 3, date: '2026-01-15', total: 12, band: 'Moderate', change: null, reliableChange: '' }]);
    expect(lastTimeAfterSave(prev, saved([{ instrument: 'phq9', total: 5, band: 'Mild', flag: '' }]), '2026-01-15', names, false).flags).toEqual([]);
  });
});
