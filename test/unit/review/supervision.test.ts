// Specification of the supervision view: one risk-ordered row per active client, and per-clinician totals with stated denominators and no NaN.
import fc from 'fast-check';
import { supervisionRow, supervisionRows, supervisionTotals, type SupervisionClient, type SupervisionRow } from '../../../src/core/supervision';
import { phq9Items, series } from './fixtures';

function caseload(): SupervisionClient[] {
  return [
    { clientCode: 'C-A', clinician: 'Sam', status: 'active', sessions: 4, lastReviewAt: 4, measures: { 'PHQ-9': series([20, 16, 12, 10]) }, gas: [{ date: '2026-01-05', session: 1, tScore: 36.3, change: 0 }, { date: '2026-01-26', session: 4, tScore: 47.5, change: 11.2 }] },
    { clientCode: 'C-B', clinician: 'Sam', status: 'active', sessions: 3, lastReviewAt: 0, measures: { 'PHQ-9': series([8, 11, 15]) } },
    { clientCode: 'C-C', clinician: 'Alex', status: 'active', sessions: 4, lastReviewAt: 4, measures: { 'PHQ-9': series([20, 16, 12, 8], 1, [{}, {}, {}, { items: phq9Items(8, 1) }]) } },
    { clientCode: 'C-D', clinician: 'Alex', status: 'discharged', sessions: 12, lastReviewAt: 0, measures: { 'PHQ-9': series([27]) } },
    { clientCode: 'C-E', clinician: 'Alex', status: 'active', sessions: 7, lastReviewAt: 0, measures: {} },
  ];
}

/** True when no number anywhere in the value is NaN or infinite. */
function finiteEverywhere(v: unknown): boolean {
  if (typeof v === 'number') return Number.isFinite(v);
  if (Array.isArray(v)) return v.every(finiteEverywhere);
  if (v !== null && typeof v === 'object') return Object.values(v).every(finiteEverywhere);
  return true;
}

describe('supervisionRows', () => {
  test('has one row per active client only', () => {
    expect(supervisionRows(caseload()).map((r) => r.clientCode).sort()).toEqual(['C-A', 'C-B', 'C-C', 'C-E']);
  });

  test('orders by risk: safety first, then deterioration, then overdue review, then none', () => {
    expect(supervisionRows(caseload()).map((r) => [r.clientCode, r.topAlert])).toEqual([
      ['C-C', 'safety'],
      ['C-B', 'reliable-deterioration'],
      ['C-E', 'review-overdue'],
      ['C-A', null],
    ]);
  });

  test('keeps the input order for clients at equal risk', () => {
    const quiet = (code: string): SupervisionClient => ({ clientCode: code, clinician: 'Sam', status: 'active', sessions: 1, lastReviewAt: 0, measures: { 'PHQ-9': series([12]) } });
    expect(supervisionRows([quiet('C-3'), quiet('C-1'), quiet('C-2')]).map((r) => r.clientCode)).toEqual(['C-3', 'C-1', 'C-2']);
  });

  test('shows the latest total and band, the first total and the change category per measure', () => {
    const row = supervisionRow(caseload()[0]);
    expect(row.measures).toEqual([
      { instrument: 'PHQ-9', first: { date: '2026-01-05', session: 1, total: 20 }, latest: { date: '2026-01-26', session: 4, total: 10, band: 'Moderate' }, category: 'Improved' },
    ]);
  });

  test('a post score below the cut-off after reliable improvement is Recovered', () => {
    expect(supervisionRow(caseload()[2]).measures[0].category).toBe('Recovered');
  });

  test('carries the latest GAS T-score and change', () => {
    expect(supervisionRow(caseload()[0])).toMatchObject({ gasTScore: 47.5, gasChange: 11.2 });
    expect(supervisionRow(caseload()[1])).toMatchObject({ gasTScore: null, gasChange: null });
  });

  test('carries the review cadence', () => {
    expect(supervisionRow(caseload()[4]).review).toEqual({ due: true, overdue: true, nextAt: 4, sessionsSince: 7 });
  });

  test('reliably improved needs an improvement and no deterioration; no category gives null', () => {
    const rows = caseload().map((c) => supervisionRow(c));
    expect(rows.map((r) => r.reliablyImproved)).toEqual([true, false, true, null, null]);
  });

  test('a reliable deterioration on one measure keeps a mixed course from counting as improved', () => {
    const mixed: SupervisionClient = { clientCode: 'C-M', clinician: 'Sam', status: 'active', sessions: 2, lastReviewAt: 0, measures: { 'PHQ-9': series([20, 10]), 'GAD-7': series([5, 15]) } };
    const row = supervisionRow(mixed);
    expect(row.measures.map((m) => m.category)).toEqual(['Improved', 'Deteriorated']);
    expect(row.reliablyImproved).toBe(false);
  });
});

describe('supervisionTotals', () => {
  const totals = () => supervisionTotals(supervisionRows(caseload()), ['Kim']);

  test('gives caseload and percentages per clinician, sorted by name, each with its denominator', () => {
    expect(totals().clinicians).toEqual([
      { clinician: 'Alex', caseload: 2, reliablyImproved: { count: 1, of: 1, percent: 100 }, reviewOverdue: { count: 1, of: 2, percent: 50 }, measuredRecently: { count: 1, of: 2, percent: 50 } },
      { clinician: 'Kim', caseload: 0, reliablyImproved: { count: 0, of: 0, percent: null }, reviewOverdue: { count: 0, of: 0, percent: null }, measuredRecently: { count: 0, of: 0, percent: null } },
      { clinician: 'Sam', caseload: 2, reliablyImproved: { count: 1, of: 2, percent: 50 }, reviewOverdue: { count: 0, of: 2, percent: 0 }, measuredRecently: { count: 2, of: 2, percent: 100 } },
    ]);
  });

  test('gives totals over all clinicians, rounded to one decimal', () => {
    expect(totals().all).toEqual({
      clinician: 'All clinicians',
      caseload: 4,
      reliablyImproved: { count: 2, of: 3, percent: 66.7 },
      reviewOverdue: { count: 1, of: 4, percent: 25 },
      measuredRecently: { count: 3, of: 4, percent: 75 },
    });
  });

  test('no clients gives blanks (null), never NaN', () => {
    expect(supervisionTotals([]).all).toEqual({
      clinician: 'All clinicians',
      caseload: 0,
      reliablyImproved: { count: 0, of: 0, percent: null },
      reviewOverdue: { count: 0, of: 0, percent: null },
      measuredRecently: { count: 0, of: 0, percent: null },
    });
  });

  test('law: every percentage is blank or a finite number from 0 to 100', () => {
    const row = fc.record({
      clinician: fc.constantFrom('Alex', 'Sam', 'Kim'),
      reliablyImproved: fc.constantFrom(true, false, null),
      overdue: fc.boolean(),
      measuredRecently: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), (specs) => {
        const rows = specs.map((s, i) => ({ clientCode: `C-${i}`, clinician: s.clinician, reliablyImproved: s.reliablyImproved, measuredRecently: s.measuredRecently, review: { due: s.overdue, overdue: s.overdue, nextAt: 4, sessionsSince: 0 } }) as unknown as SupervisionRow);
        const t = supervisionTotals(rows, ['Alex', 'Sam', 'Kim']);
        expect(finiteEverywhere(t)).toBe(true);
        for (const c of [...t.clinicians, t.all]) {
          for (const r of [c.reliablyImproved, c.reviewOverdue, c.measuredRecently]) {
            if (r.of === 0) expect(r.percent).toBeNull();
            else expect(r.percent).toBeGreaterThanOrEqual(0);
            if (r.percent !== null) expect(r.percent).toBeLessThanOrEqual(100);
          }
        }
      }),
    );
  });
});
