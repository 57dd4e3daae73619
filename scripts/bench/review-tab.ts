// The Review tab: service calls of one "Rebuild review charts" on a 200-client workbook, and the script activity of choosing a client (expected 0).
import { declaredCustomFunctions, type Emulator } from '../../emulator';
import { caseload, client, measure, ok, scriptActivity } from '../../kit/workbook';

type Report = (name: string, value: number, unit: string) => void;

/** Service calls, custom-function executions and onEdit runs of the bundle while `fn` runs. */
function scriptRuns(em: Emulator, fn: () => void): number {
  const { calls, runs } = scriptActivity(em, fn, [...declaredCustomFunctions(), 'onEdit']);
  return calls + runs;
}

export async function run(report: Report, _ctx: { dist: Record<string, unknown>; root: string }): Promise<void> {
  const { em } = caseload(200);
  for (const code of ['DEMO-01', 'DEMO-02']) ok(em.run('addClient', client(code)));
  report('calls_rebuild_review_charts', measure(em, () => em.run('rebuildReviewCharts')).total, 'calls');
  em.edit('Review', 1, 2, 'DEMO-01');
  report('script_runs_switch_client', scriptRuns(em, () => em.edit('Review', 1, 2, 'DEMO-02')), 'calls');
}
