// Service calls of a goal review for a client with five goals (startReview, then saveReview with every decision kind) on a 10-client workbook.
import { caseload, measure, ok, session } from '../../kit/workbook';

type Report = (name: string, value: number, unit: string) => void;

export async function run(report: Report, _ctx: { dist: Record<string, unknown>; root: string }): Promise<void> {
  const { em, goalIds } = caseload(10);
  ok(em.run('recordSession', session('C-TEST', goalIds)));
  const start = measure(em, () => ok(em.run('startReview', 'C-TEST')));
  const decisions = ['continue', 'achieved', 'modify', 'retire', 'continue'] as const;
  const input = {
    clientCode: 'C-TEST',
    date: '2026-01-12',
    sessionNumber: 1,
    goals: goalIds.map((goalId, i) => ({
      goalId,
      decision: decisions[i],
      ...(decisions[i] === 'continue' ? {} : { reason: 'Agreed at review' }),
      ...(decisions[i] === 'modify' ? { revisedObjective: 'Walk twice a week' } : {}),
      gasLevel: i % 2 === 0 ? 0 : 1,
      rating: 5 + i,
    })),
  };
  const save = measure(em, () => ok(em.run('saveReview', input)));
  report('calls_start_review', start.total, 'calls');
  report('calls_save_review', save.total, 'calls');
  report('calls_start_review_counted', start.counted, 'calls');
  report('calls_save_review_counted', save.counted, 'calls');
}
