// Service calls of building a client's progress report (three sessions with ratings and measures) on 10- and 2,000-client workbooks (the five-year clinic's caseload, as calls.test.ts uses): calls_build_progress_report is the 10-client figure; the _2000 one shows it does not grow with the caseload.
import { caseload, measure, ok, session } from '../../kit/workbook';

type Report = (name: string, value: number, unit: string) => void;

export async function run(report: Report, _ctx: { dist: Record<string, unknown>; root: string }): Promise<void> {
  for (const n of [10, 2_000]) {
    const { em, goalIds } = caseload(n);
    for (const date of ['2026-01-12', '2026-01-19', '2026-01-26']) ok(em.run('recordSession', session('C-TEST', goalIds, { date })));
    const m = measure(em, () => ok(em.run('buildProgressReport', { clientCode: 'C-TEST', nextSteps: 'Keep the activity diary' })));
    const suffix = n === 10 ? '' : `_${n}`;
    report(`calls_build_progress_report${suffix}`, m.total, 'calls');
    report(`io_calls_build_progress_report${suffix}`, m.counted, 'calls');
    report(`cells_read_build_progress_report${suffix}`, m.cells, 'cells');
  }
}
