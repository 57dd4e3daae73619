// Formula-engine time for one recorded session on the seeded demo clinic (recalc_ms_record_session_demo): the emulator's evaluation only (HyperFormula's recalculation, partial and full, and spill settling; not the script, not the service calls), median over the demo's six clients, each recording one session with ratings of its active goals and a PHQ-9 and a GAD-7.
import { seededDemo } from '../../preview/seed-cache';
import { ok, session } from '../../kit/workbook';

type Report = (name: string, value: number, unit: string) => void;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export async function run(report: Report, _ctx: { dist: Record<string, unknown>; root: string }): Promise<void> {
  const { emulator: em } = seededDemo();
  const today = new Date().toISOString().slice(0, 10);
  const times: number[] = [];
  for (const code of ['DEMO-01', 'DEMO-02', 'DEMO-03', 'DEMO-04', 'DEMO-05', 'DEMO-06']) {
    const detail = ok<{ goals: { id: string; status: string }[] }>(em.run('getClient', code));
    const goalIds = detail.goals.filter((g) => g.status === 'active').map((g) => g.id).slice(0, 5);
    // Everything read so far is evaluated first (evaluationMs evaluates pending writes), so the difference is this session's recalculation.
    const before = em.evaluationMs();
    ok(em.run('recordSession', session(code, goalIds, { date: today, clinician: 'Dr Ana Rivera' })));
    times.push(em.evaluationMs() - before);
  }
  report('recalc_ms_record_session_demo', Math.round(median(times) * 10) / 10, 'ms');
}
