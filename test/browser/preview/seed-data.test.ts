// The preview's demo clinic data: fictional, deterministic, and with the stories the preview promises.
import { addDays, buildSeed, CLINICIANS, itemsFor, rng, seedTaskInput, SESSION_DATES } from '../../../preview/seed-data';

const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

describe('demo clinic seed data', () => {
  const seed = buildSeed();

  it('is the same on every run', () => {
    expect(buildSeed()).toEqual(seed);
    expect(JSON.stringify(buildSeed({ 'DEMO-01': 5 }))).toBe(JSON.stringify(buildSeed({ 'DEMO-01': 5 })));
  });

  it('has twelve weekly sessions ending 2026-11-20', () => {
    expect(SESSION_DATES).toHaveLength(12);
    expect(SESSION_DATES[11]).toBe('2026-11-20');
    for (let i = 1; i < 12; i += 1) expect(addDays(SESSION_DATES[i - 1], 7)).toBe(SESSION_DATES[i]);
    for (const c of seed.clients) expect(c.sessions.map((s) => s.date)).toEqual(SESSION_DATES);
  });

  it('is clearly fictional: client codes and .invalid clinician addresses only', () => {
    expect(seed.clinicians).toEqual([...CLINICIANS]);
    expect(seed.clinicians.every((c) => /^clinician\.[a-c]@demo\.invalid$/.test(c))).toBe(true);
    expect(seed.clients.map((c) => c.code)).toEqual(['DEMO-01', 'DEMO-02', 'DEMO-03', 'DEMO-04', 'DEMO-05', 'DEMO-06']);
    expect(new Set(seed.clients.map((c) => c.clinician)).size).toBe(3);
  });

  it('scores stay within each questionnaire and GAS and ratings within their scales', () => {
    for (const c of seed.clients) {
      for (const s of c.sessions.filter((x) => x.attended)) {
        expect(s.phq9).toHaveLength(9);
        expect(s.gad7).toHaveLength(7);
        expect([...s.phq9, ...s.gad7].every((i) => Number.isInteger(i) && i >= 0 && i <= 3)).toBe(true);
        expect(s.gas.every((g) => g >= -2 && g <= 2)).toBe(true);
        expect(s.ratings.every((r) => r >= 0 && r <= 10)).toBe(true);
        expect(s.ratings).toHaveLength(s.gas.length);
      }
    }
  });

  it('DEMO-04 deteriorates reliably on both PHQ-9 (≥ 6) and GAD-7 (≥ 4) by the last session', () => {
    const c = seed.clients.find((x) => x.story === 'deteriorating')!;
    const first = c.sessions[0];
    const last = c.sessions[c.sessions.length - 1];
    expect(sum(last.phq9) - sum(first.phq9)).toBeGreaterThanOrEqual(6);
    expect(sum(last.gad7) - sum(first.gad7)).toBeGreaterThanOrEqual(4);
    expect(last.gas.every((g) => g < 0)).toBe(true);
  });

  it('DEMO-05 answers PHQ-9 item 9 with 1 at the latest session, and no one else ever scores it', () => {
    for (const c of seed.clients) {
      c.sessions.forEach((s, i) => {
        if (!s.attended) return;
        const expected = c.code === 'DEMO-05' && i === c.sessions.length - 1 ? 1 : 0;
        expect(s.phq9[8]).toBe(expected);
      });
    }
  });

  it('one session is missed, with no scores', () => {
    const missed = seed.clients.flatMap((c) => c.sessions.filter((s) => !s.attended));
    expect(missed).toHaveLength(1);
    expect(missed[0].phq9).toEqual([]);
  });

  it('itemsFor spreads a total over items and keeps pinned items', () => {
    const r = rng(1);
    const items = itemsFor(14, 9, r, { 8: 1 });
    expect(sum(items)).toBe(14);
    expect(items[8]).toBe(1);
    expect(sum(itemsFor(40, 7, r))).toBe(21);
  });
});

describe('demo homework (tasks between sessions)', () => {
  const ids = ['O1', 'O2', 'O3'];

  it('sets tasks at a session and marks them, by the server\u2019s ids, at the next one; the last session\u2019s stay open', () => {
    expect(seedTaskInput('DEMO-01', 9, ids)).toEqual({ newTasks: [
      { goalId: 'O1', text: 'Fill in the activity diary every evening after dinner' },
      { goalId: 'O2', text: 'Walk to the shop and back on Tuesday and Friday mornings' },
    ] });
    expect(seedTaskInput('DEMO-01', 10, ids).taskOutcomes).toEqual([
      { taskId: 'S10-T1', outcome: 'done' },
      { taskId: 'S10-T2', outcome: 'partly' },
    ]);
    expect(seedTaskInput('DEMO-01', 11, ids).newTasks).toEqual([{ goalId: 'O2', text: 'Walk to the park after lunch 4 times this week' }]);
    expect(seedTaskInput('DEMO-06', 10, ids)).toEqual({});
  });
});
