// Specification of the client's progress report: worked examples of its sentences, and that no other client's rows, no voided row and no note can appear in it.
import fc from 'fast-check';
import { DEFAULT_ALERT_SETTINGS } from '../../../src/core/alerts';
import { findInstrument } from '../../../src/core/instruments/registry';
import { buildProgressReport, measureProgress, progressReportInputSchema, type ProgressMeasureRow, type ProgressSources } from '../../../src/core/progress-report';
import type { ReliableChangeSettings } from '../../../src/core/reliable-change';
import * as z from 'zod/mini';

const PHQ9 = findInstrument('phq9');
const GAD7 = findInstrument('gad7');
const settings: ReliableChangeSettings = { reliableChangeMethod: DEFAULT_ALERT_SETTINGS.reliableChangeMethod, scoreOptions: {} };

const rows = (client: string, totals: readonly (number | null)[], sessions?: readonly number[], voided: readonly string[] = []): ProgressMeasureRow[] =>
  totals.map((total, i) => ({ client, total, session: sessions ? sessions[i] : i + 1, date: `2026-0${Math.min(9, i + 1)}-01`, voided: voided[i] ?? '' }));

const anchors = ['Never leave the house', 'Walk to the corner shop', 'Walk to the park twice a week', 'Walk to the park most days', 'Walk into town every day'];

function sources(over: Partial<ProgressSources> = {}): ProgressSources {
  return {
    clientCode: 'C-0001',
    date: '2026-12-02',
    goals: [
      { id: 'g1', clientCode: 'C-0001', title: 'Get out of the house more', status: 'active', statusDate: '', anchors, baseline: -2 },
      { id: 'g2', clientCode: 'C-0001', title: 'Sleep through the night', status: 'achieved', statusDate: '2026-10-01', anchors: ['', '', '', '', ''], baseline: null },
      { id: 'g3', clientCode: 'C-0001', title: 'Old goal', status: 'retired', statusDate: '2026-03-01', anchors: ['', '', '', '', ''], baseline: null },
    ],
    ratings: [
      { client: 'C-0001', goalId: 'g1', session: 1, date: '2026-01-01', rating: 2, gasLevel: -2, voided: '' },
      { client: 'C-0001', goalId: 'g1', session: 8, date: '2026-08-01', rating: 6, gasLevel: 0, voided: '' },
      { client: 'C-0001', goalId: 'g2', session: 2, date: '2026-02-01', rating: 4, gasLevel: null, voided: '' },
    ],
    measures: [{ def: PHQ9, rows: rows('C-0001', [18, 15, 12, 9], [1, 3, 5, 8]) }],
    sessions: Array.from({ length: 8 }, (_, i) => ({ client: 'C-0001', number: i + 1, date: `2026-0${i + 1}-01`, attended: true, voided: '' })),
    review: null,
    settings,
    ...over,
  };
}

const texts = (src: ProgressSources) => buildProgressReport(src).lines.map((l) => l.text);

describe('measureProgress', () => {
  test("says the issue's worked example: PHQ-9 18 → 9 over 8 sessions is a reliable improvement (and below the cut-off)", () => {
    expect(measureProgress(PHQ9, rows('C-1', [18, 15, 12, 9], [1, 3, 5, 8]), 'C-1', settings)?.sentence).toBe('Your PHQ-9 went from 18 to 9 over 8 sessions — a reliable improvement, and now outside the clinical range.');
  });

  test('says a reliable improvement that stays in the clinical range without claiming recovery (22 → 14)', () => {
    expect(measureProgress(PHQ9, rows('C-1', [22, 14]), 'C-1', settings)?.sentence).toBe('Your PHQ-9 went from 22 to 14 over 2 sessions — a reliable improvement.');
  });

  test('says a reliable deterioration plainly (8 → 15) and marks it worse', () => {
    const m = measureProgress(PHQ9, rows('C-1', [8, 15]), 'C-1', settings);
    expect(m?.sentence).toBe('Your PHQ-9 went from 8 to 15 over 2 sessions — a reliable worsening.');
    expect(m?.worse).toBe(true);
  });

  test('says a small change is not yet reliable (GAD-7 12 → 10)', () => {
    expect(measureProgress(GAD7, rows('C-1', [12, 10]), 'C-1', settings)?.sentence).toBe('Your GAD-7 went from 12 to 10 over 2 sessions — not yet a big enough change to be sure it is more than everyday ups and downs.');
  });

  test('says a single score as measured once', () => {
    expect(measureProgress(PHQ9, rows('C-1', [11], [3]), 'C-1', settings)?.sentence).toBe('Your PHQ-9 was 11 at session 3 (measured once so far).');
  });

  test('leaves out voided rows, other clients, blank and off-scale totals', () => {
    const all = [...rows('C-1', [20, 4, null, 99], [1, 2, 3, 4], ['', 'Voided 2026-02-02: typo']), ...rows('C-2', [3], [5]), ...rows('c-1', [14], [6])];
    expect(measureProgress(PHQ9, all, 'C-1', settings)?.points.map((p) => p.total)).toEqual([20, 14]);
  });

  test('gives nothing for a client with no scored rows', () => {
    expect(measureProgress(PHQ9, rows('C-2', [10]), 'C-1', settings)).toBeNull();
  });
});

describe('buildProgressReport', () => {
  test('opens with the title and the client code (the marker the sheet checks) and counts attended sessions', () => {
    expect(texts(sources()).slice(0, 4)).toEqual(['Your progress report', 'Client: C-0001', 'Date: 2026-12-02', 'Sessions so far: 8']);
  });

  test("shows each active and achieved goal in the client's words, where it started and where it is now, and no retired goal", () => {
    const t = texts(sources());
    expect(t).toEqual(expect.arrayContaining(['Goal 1: Get out of the house more', 'Where you started: Never leave the house', 'Where you are now: Walk to the park twice a week', 'Your rating went from 2 to 6 out of 10.', 'Goal 2: Sleep through the night — achieved on 2026-10-01', 'Your rating so far: 4 out of 10.']));
    expect(t.join('\n')).not.toContain('Old goal');
  });

  test('says a lower rating kindly, never hiding it', () => {
    const src = sources({ ratings: [{ client: 'C-0001', goalId: 'g1', session: 1, date: '2026-01-01', rating: 6, gasLevel: null, voided: '' }, { client: 'C-0001', goalId: 'g1', session: 4, date: '2026-04-01', rating: 4, gasLevel: null, voided: '' }] });
    expect(texts(src)).toContain('Your rating went from 6 to 4 out of 10 — a step back, which happens and is worth talking about together.');
  });

  test('follows a measure deterioration with a kind line', () => {
    const t = texts(sources({ measures: [{ def: PHQ9, rows: rows('C-0001', [8, 15]) }] }));
    const at = t.indexOf('Your PHQ-9 went from 8 to 15 over 2 sessions — a reliable worsening.');
    expect(at).toBeGreaterThan(0);
    expect(t[at + 2]).toMatch(/common part of therapy/);
  });

  test('explains the direction and the bands of the first and latest score', () => {
    expect(texts(sources())).toContain('Lower PHQ-9 scores mean fewer difficulties. 18 was in the "Moderately severe" range; 9 is in the "Mild" range.');
  });

  test('lists milestones (achieved goals with dates) and next steps from the open goals, the review and the typed lines', () => {
    const review = { everySessions: 4, due: false, overdue: false, sessionsSince: 0, lastReviewSession: 8, lastReviewDate: '2026-08-01', words: 'At session 12' };
    const t = texts(sources({ review, nextSteps: 'Practise the breathing exercise\n\n  Book a GP appointment  ' }));
    expect(t).toContain('Goal achieved: Sleep through the night (2026-10-01)');
    const next = t.slice(t.indexOf('Next steps') + 1);
    expect(next.slice(0, 4)).toEqual(['Keep working on: Get out of the house more', 'Your next goal review: at session 12.', 'Practise the breathing exercise', 'Book a GP appointment']);
  });

  test('gives chart points per measure and per rated goal', () => {
    const r = buildProgressReport(sources());
    expect(r.measures.map((m) => [m.name, m.points.length])).toEqual([['PHQ-9', 4]]);
    expect(r.ratings.map((s) => [s.label, s.points.map((p) => p.rating)])).toEqual([
      ['Goal 1', [2, 6]],
      ['Goal 2', [4]],
    ]);
  });

  test('leaves out voided ratings and sessions', () => {
    const src = sources();
    const r = buildProgressReport({ ...src, ratings: src.ratings.map((x) => (x.session === 8 ? { ...x, voided: 'Voided: wrong goal' } : x)), sessions: src.sessions.map((s) => (s.number > 6 ? { ...s, voided: 'Voided' } : s)) });
    expect(r.sessions).toBe(6);
    expect(r.lines.map((l) => l.text)).toContain('Your rating so far: 2 out of 10.');
  });

  test("never contains another client's goals, ratings or scores, or any note (property)", () => {
    const word = fc.stringMatching(/^[A-Za-z]{6,12}$/).map((w) => `ZZ${w}QQ`);
    fc.assert(
      fc.property(word, word, fc.array(fc.integer({ min: 0, max: 27 }), { minLength: 1, maxLength: 6 }), (secret, note, totals) => {
        const src = sources();
        const other = 'C-0002';
        const withOthers: ProgressSources = {
          ...src,
          goals: [...src.goals, { id: 'x1', clientCode: other, title: secret, status: 'active', statusDate: '', anchors: [secret, secret, secret, secret, secret], baseline: -1 }],
          ratings: [...src.ratings, { client: other, goalId: 'g1', session: 2, date: '2026-02-01', rating: 9, gasLevel: 2, voided: '' }],
          measures: [{ def: PHQ9, rows: [...src.measures[0].rows, ...rows(other, totals, undefined)] }, { def: GAD7, rows: rows(other, [21, 3]) }],
          sessions: [...src.sessions, ...src.sessions.map((s) => ({ ...s, client: other, note }))],
        };
        const plain = buildProgressReport(src);
        const r = buildProgressReport(withOthers);
        const all = JSON.stringify(r);
        expect(all).not.toContain(secret);
        expect(all).not.toContain(note);
        expect(all).not.toContain(other);
        expect(r).toEqual(plain);
      }),
    );
  });
});

describe('progressReportInputSchema', () => {
  test('accepts a client code with optional next steps', () => {
    expect(z.safeParse(progressReportInputSchema, { clientCode: 'C-0001', nextSteps: 'Keep a diary' }).success).toBe(true);
  });

  test('refuses next steps longer than the limit, naming the field', () => {
    const r = z.safeParse(progressReportInputSchema, { clientCode: 'C-0001', nextSteps: 'x'.repeat(1001) });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].path).toEqual(['nextSteps']);
  });
});
