// Service calls per sidebar action on 10- and 10,000-client workbooks (emulator counts: read+write+format+structure+chart+lookup+other).
import { caseload, client, emulator, fiveGoalPlan, measure, ok, session } from '../../test/integration/workbook/fixtures';

type Report = (name: string, value: number, unit: string) => void;

export async function run(report: Report, _ctx: { dist: Record<string, unknown>; root: string }): Promise<void> {
  const fresh = emulator();
  report('calls_setup_new', measure(fresh, () => fresh.run('setupSpreadsheet')).total, 'calls');
  report('calls_setup_rerun', measure(fresh, () => fresh.run('setupSpreadsheet')).total, 'calls');
  for (const n of [10, 10_000]) {
    const { em, goalIds } = caseload(n);
    report(`calls_add_client_${n}`, measure(em, () => ok(em.run('addClient', client('C-BENCH')))).total, 'calls');
    report(`calls_save_plan_${n}`, measure(em, () => ok(em.run('savePlan', fiveGoalPlan('C-BENCH')))).total, 'calls');
    report(`calls_record_session_${n}`, measure(em, () => ok(em.run('recordSession', session('C-TEST', goalIds)))).total, 'calls');
  }
}
