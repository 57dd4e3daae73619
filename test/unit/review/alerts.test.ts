// Specification of client alerts: safety always first, reliable deterioration, not on track, plateau, overdue review and measure; risk ranking.
import fc from 'fast-check';
import { ALERT_ORDER, clientAlerts, orderByRisk, riskRank, riskWord, RISK_WORDS, type Alert, type AlertKind, type ClientAlertInput } from '../../../src/core/alerts';
import { phq9Items, series } from './fixtures';

const kinds = (alerts: readonly Alert[]) => alerts.map((a) => a.kind);
const client = (over: Partial<ClientAlertInput>): ClientAlertInput => ({ measures: {}, sessions: 1, lastReviewAt: 0, ...over });

describe('safety', () => {
  test('PHQ-9 item 9 = 1 at the latest administration puts safety first, even while otherwise improving', () => {
    const phq = series([20, 16, 12, 8], 1, [{}, {}, {}, { items: phq9Items(8, 1) }]);
    const alerts = clientAlerts(client({ measures: { 'PHQ-9': phq }, sessions: 10, lastReviewAt: 0 }));
    expect(kinds(alerts)).toEqual(['safety', 'review-overdue', 'measure-overdue']);
    expect(alerts[0]).toEqual({ kind: 'safety', severity: 'safety', instrument: 'PHQ-9', message: 'PHQ-9 item 9 (self-harm thoughts) endorsed: review risk now (session 4, 2026-01-26).' });
  });

  test('an item 9 endorsed only at an earlier administration raises no safety alert', () => {
    const phq = series([12, 10], 1, [{ items: phq9Items(12, 2) }, { items: phq9Items(10, 0) }]);
    expect(kinds(clientAlerts(client({ measures: { phq9: phq }, sessions: 2 })))).not.toContain('safety');
  });

  test('the CORE-10 risk item (item 6) raises a safety alert', () => {
    const items = [1, 3, 3, 1, 1, 1, 0, 0, 0, 0];
    const alerts = clientAlerts(client({ measures: { 'CORE-10': series([6], 1, [{ items }]) }, sessions: 1 }));
    expect(alerts).toEqual([{ kind: 'safety', severity: 'safety', instrument: 'CORE-10', message: 'CORE-10 item 6 (risk) endorsed: review risk now (session 1, 2026-01-05).' }]);
  });

  test('a flag stored with the measure counts even when the items were not kept', () => {
    const alerts = clientAlerts(client({ measures: { 'PHQ-9': series([9], 1, [{ flag: 'Item 9 endorsed' }]) }, sessions: 1 }));
    expect(alerts).toEqual([{ kind: 'safety', severity: 'safety', instrument: 'PHQ-9', message: 'Item 9 endorsed (session 1, 2026-01-05).' }]);
  });

  test('law: alerts come in ALERT_ORDER, and an endorsed item 9 always comes first', () => {
    const total = (item9: number) => fc.integer({ min: item9, max: Math.min(27, item9 + 24) });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 }).chain((item9) => fc.tuple(fc.constant(item9), fc.array(fc.integer({ min: 0, max: 27 }), { maxLength: 8 }), total(item9))),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 30 }),
        ([item9, earlier, last], a, b) => {
          const totals = [...earlier, last];
          const extra = totals.map((t, i) => (i === totals.length - 1 ? { items: phq9Items(t, item9) } : {}));
          const sessions = Math.max(a, b, totals.length);
          const alerts = clientAlerts(client({ measures: { 'PHQ-9': series(totals, 1, extra) }, sessions, lastReviewAt: Math.min(a, b) }));
          const order = alerts.map((x) => ALERT_ORDER.indexOf(x.kind));
          expect(order).toEqual([...order].sort((x, y) => x - y));
          if (item9 >= 1) expect(alerts[0].kind).toBe('safety');
        },
      ),
    );
  });
});

describe('reliable deterioration', () => {
  test('PHQ-9 8 → 15 is a reliable deterioration', () => {
    const alerts = clientAlerts(client({ measures: { 'PHQ-9': series([8, 11, 15]) }, sessions: 3 }));
    expect(alerts[0]).toEqual({
      kind: 'reliable-deterioration',
      severity: 'high',
      instrument: 'PHQ-9',
      message: 'PHQ-9 has risen from 8 (session 1, 2026-01-05) to 15 (session 3, 2026-01-19): a reliable deterioration (a change of 6 points or more). Review risk and the plan with the client.',
    });
  });

  test('GAD-7 8 → 10 is not a reliable deterioration', () => {
    expect(kinds(clientAlerts(client({ measures: { 'GAD-7': series([8, 10]) }, sessions: 2 })))).toEqual([]);
  });

  test('GAD-7 8 → 12 is reliable by the programme points (4) but not by the Jacobson–Truax RCI (4.14)', () => {
    const input = client({ measures: { 'GAD-7': series([8, 12]) }, sessions: 2 });
    expect(kinds(clientAlerts(input, { reliableChangeMethod: 'points' }))).toEqual(['reliable-deterioration']);
    expect(kinds(clientAlerts(input, { reliableChangeMethod: 'jt' }))).toEqual([]);
  });

  test('on a higher-is-better instrument a fall is the deterioration (ORS 30 → 24)', () => {
    const alerts = clientAlerts(client({ measures: { ORS: series([30, 24]) }, sessions: 2 }));
    expect(alerts).toHaveLength(1);
    expect(alerts[0].message).toMatch(/^ORS has fallen from 30 .* to 24 .*a change of 5 points or more/);
  });

  test('compares the latest with the first total, skipping administrations with no total', () => {
    expect(kinds(clientAlerts(client({ measures: { 'PHQ-9': series([8, null, 15, null]) }, sessions: 4 })))).toContain('reliable-deterioration');
  });
});

describe('not on track', () => {
  test('no reliable improvement on PHQ-9 by session 6 is not on track', () => {
    const alerts = clientAlerts(client({ measures: { 'PHQ-9': series([18, 20, 14, 15]) }, sessions: 6, lastReviewAt: 4 }));
    expect(alerts).toEqual([
      {
        kind: 'not-on-track',
        severity: 'medium',
        instrument: 'PHQ-9',
        message: 'By session 6, PHQ-9 has not reliably improved (18 at session 1, 15 at session 4; reliable change is 6 points). Discuss progress and consider adjusting the plan.',
      },
    ]);
  });

  test('is not raised before session K', () => {
    expect(kinds(clientAlerts(client({ measures: { 'PHQ-9': series([18, 20, 14, 15]) }, sessions: 5, lastReviewAt: 4 })))).toEqual([]);
  });

  test('is not raised once the client has reliably improved', () => {
    expect(kinds(clientAlerts(client({ measures: { 'PHQ-9': series([18, 20, 14, 11]) }, sessions: 6, lastReviewAt: 4 })))).toEqual([]);
  });

  test('is not raised for a measure that began below the clinical cut-off', () => {
    expect(kinds(clientAlerts(client({ measures: { 'GAD-7': series([7, 6, 7, 6]) }, sessions: 6, lastReviewAt: 4 })))).toEqual([]);
  });

  test('is not raised once the latest score is below the cut-off, even without reliable change ([S39a] non-reliably recovered): PHQ-9 11 → 7', () => {
    expect(kinds(clientAlerts(client({ measures: { 'PHQ-9': series([11, 10, 9, 7]) }, sessions: 6, lastReviewAt: 4 })))).toEqual([]);
  });

  test('is raised while the latest score is still clinical without reliable change: PHQ-9 11 → 12', () => {
    expect(kinds(clientAlerts(client({ measures: { 'PHQ-9': series([11, 13, 11, 12]) }, sessions: 6, lastReviewAt: 4 })))).toContain('not-on-track');
  });

  test('law: not on track only ever with first and latest in the clinical range (PHQ-9 cut-off 10)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 27 }), { minLength: 2, maxLength: 6 }), (totals) => {
        const flagged = kinds(clientAlerts(client({ measures: { 'PHQ-9': series(totals) }, sessions: 6, lastReviewAt: 4 }))).includes('not-on-track');
        if (flagged) expect([totals[0] >= 10, totals[totals.length - 1] >= 10]).toEqual([true, true]);
      }),
    );
  });

  test('uses the clinic session K when given', () => {
    expect(kinds(clientAlerts(client({ measures: { 'PHQ-9': series([18, 20, 14, 15]) }, sessions: 5, lastReviewAt: 4 }), { notOnTrackBySession: 5 }))).toEqual(['not-on-track']);
  });
});

describe('plateau', () => {
  test('three PHQ-9 totals within the reliable-change threshold, still clinical, are a plateau', () => {
    const alerts = clientAlerts(client({ measures: { 'PHQ-9': series([16, 15, 17]) }, sessions: 3 }));
    expect(alerts).toEqual([
      {
        kind: 'plateau',
        severity: 'medium',
        instrument: 'PHQ-9',
        message: 'PHQ-9 has not changed reliably over the last 3 measures (16, 15, 17, sessions 1–3) and is still in the clinical range. Consider reviewing the approach with the client.',
      },
    ]);
  });

  test('a reliable change inside the window is not a plateau', () => {
    expect(kinds(clientAlerts(client({ measures: { 'PHQ-9': series([22, 16, 16]) }, sessions: 3 })))).toEqual([]);
  });

  test('looks only at the last M measurements', () => {
    expect(kinds(clientAlerts(client({ measures: { 'PHQ-9': series([25, 16, 15, 17]) }, sessions: 4 })))).toEqual(['plateau']);
  });

  test('fewer than M measurements are not a plateau', () => {
    expect(kinds(clientAlerts(client({ measures: { 'PHQ-9': series([16, 16]) }, sessions: 2 })))).toEqual([]);
  });

  test('a flat course below the cut-off is maintained recovery, not a plateau', () => {
    expect(kinds(clientAlerts(client({ measures: { 'PHQ-9': series([6, 5, 6]) }, sessions: 3 })))).toEqual([]);
  });

  test('uses the clinic window M when given', () => {
    expect(kinds(clientAlerts(client({ measures: { 'PHQ-9': series([16, 15, 17]) }, sessions: 3 }), { plateauWindow: 4 }))).toEqual([]);
  });
});

describe('review and measure overdue', () => {
  test('a review 6 sessions after the last (4 + 2 grace) is overdue', () => {
    const alerts = clientAlerts(client({ measures: { 'PHQ-9': series([12], 8) }, sessions: 8, lastReviewAt: 2 }));
    expect(alerts).toEqual([{ kind: 'review-overdue', severity: 'low', message: 'Goal review is overdue: 6 sessions since the start or last review (last review at session 2; reviews every 4 sessions). Plan a review at the next session.' }]);
  });

  test('a review due but within the grace is not an alert', () => {
    expect(kinds(clientAlerts(client({ measures: { 'PHQ-9': series([12], 5) }, sessions: 5 })))).toEqual([]);
  });

  test('no measure in the last 3 sessions is overdue, naming the last one', () => {
    const alerts = clientAlerts(client({ measures: { 'PHQ-9': series([12, 11]) }, sessions: 5, lastReviewAt: 4 }));
    expect(alerts).toEqual([{ kind: 'measure-overdue', severity: 'low', message: 'No outcome measure in the last 3 sessions (the last at session 2). Give the client\'s usual measure at the next session.' }]);
  });

  test('a measure at the earliest of the last 3 sessions is on time', () => {
    expect(kinds(clientAlerts(client({ measures: { 'PHQ-9': series([12, 20, 12], 1) }, sessions: 5, lastReviewAt: 4 })))).toEqual([]);
  });

  test('a client with no measure at all is overdue from session N', () => {
    expect(clientAlerts(client({ sessions: 3 }))[0].message).toBe('No outcome measure in the last 3 sessions (none recorded yet). Give the client\'s usual measure at the next session.');
    expect(clientAlerts(client({ sessions: 2 }))).toEqual([]);
  });
});

describe('input checks', () => {
  test('an unknown instrument is an error naming it', () => {
    expect(() => clientAlerts(client({ measures: { 'BDI-II': series([10]) } }))).toThrow(/^Unknown instrument "BDI-II"; expected one of PHQ-9/);
  });

  test('a malformed date names the instrument and the measure', () => {
    expect(() => clientAlerts(client({ measures: { 'PHQ-9': [{ date: '5 Jan', session: 1, total: 10 }] } }))).toThrow('Expected a measure date as YYYY-MM-DD (PHQ-9, measure 1); got "5 Jan"');
  });

  test('a total outside the instrument range is an error', () => {
    expect(() => clientAlerts(client({ measures: { 'PHQ-9': series([30]) } }))).toThrow('PHQ-9 total (measure 1) must be a whole number from 0 to 27; got 30');
  });

  test('one instrument under two names is an error naming both', () => {
    expect(() => clientAlerts(client({ measures: { 'PHQ-9': series([10]), phq9: series([12], 2) }, sessions: 2 }))).toThrow('Expected each instrument\'s measures under one name; got PHQ-9 as both "PHQ-9" and "phq9"');
  });

  test('a setting out of range is an error', () => {
    expect(() => clientAlerts(client({}), { plateauWindow: 1 })).toThrow('Expected a plateau window in measurements as a whole number 2–20; got 1');
  });
});

describe('riskWord', () => {
  const a = (...kinds: AlertKind[]) => kinds.map((kind) => ({ kind }));
  test('names the most urgent kind, a dash with none', () => {
    expect(riskWord(a('review-overdue', 'safety', 'plateau'))).toBe('Safety');
    expect(riskWord(a('not-on-track', 'reliable-deterioration'))).toBe('Deteriorating');
    expect(riskWord(a('measure-overdue', 'not-on-track'))).toBe('Not on track');
    expect(riskWord(a('review-overdue'))).toBe('Review overdue');
    expect(riskWord([])).toBe('—');
  });

  test('law: the word follows riskRank: a client ranked more at risk never has a later word in ALERT_ORDER', () => {
    const kind = fc.constantFrom(...ALERT_ORDER);
    const place = (w: string) => [...ALERT_ORDER.map((k) => RISK_WORDS[k]), RISK_WORDS.none].indexOf(w);
    fc.assert(
      fc.property(fc.array(kind), fc.array(kind), (x, y) => {
        if (riskRank(a(...x)) < riskRank(a(...y))) expect(place(riskWord(a(...x)))).toBeLessThanOrEqual(place(riskWord(a(...y))));
      }),
    );
  });
});

describe('riskRank', () => {
  const a = (...ks: AlertKind[]) => ks.map((kind) => ({ kind }));

  test('any safety alert outranks every combination without one', () => {
    expect(riskRank(a('safety'))).toBeLessThan(riskRank(a('reliable-deterioration', 'not-on-track', 'plateau', 'review-overdue', 'measure-overdue')));
  });

  test('deterioration outranks not on track, which outranks plateau, then review, then measure', () => {
    const ranks = ALERT_ORDER.map((k) => riskRank(a(k)));
    expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
    expect(new Set(ranks).size).toBe(ranks.length);
  });

  test('no alerts rank last', () => {
    expect(riskRank([])).toBeGreaterThan(riskRank(a('measure-overdue')));
  });

  test('orderByRisk puts safety first and keeps the input order for equal risk', () => {
    const clients = [
      { id: 'A', alerts: a('plateau') },
      { id: 'B', alerts: a() },
      { id: 'C', alerts: a('safety') },
      { id: 'D', alerts: a('plateau') },
      { id: 'E', alerts: a('reliable-deterioration', 'measure-overdue') },
    ];
    expect(orderByRisk(clients, (c) => c.alerts).map((c) => c.id)).toEqual(['C', 'E', 'A', 'D', 'B']);
  });

  test('law: riskRank is monotone: adding an alert never lowers the risk', () => {
    const kind = fc.constantFrom(...ALERT_ORDER);
    fc.assert(
      fc.property(fc.array(kind), kind, (ks, extra) => {
        expect(riskRank(a(...ks, extra))).toBeLessThanOrEqual(riskRank(a(...ks)));
      }),
    );
  });
});
