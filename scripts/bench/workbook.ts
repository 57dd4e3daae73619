// Service calls per sidebar action on 10- and 10,000-client workbooks: calls_* counts every emulated service call (lookups, lock, properties too); io_calls_* only those that read, write, format or restructure the sheet; cells_read_* the cells its reads transferred.
import { caseload, client, emulator, fiveGoalPlan, measure, ok, session } from '../../kit/workbook';

type Report = (name: string, value: number, unit: string) => void;

export async function run(report: Report, _ctx: { dist: Record<string, unknown>; root: string }): Promise<void> {
  const both = (name: string, m: ReturnType<typeof measure>) => {
    report(`calls_${name}`, m.total, 'calls');
    report(`io_calls_${name}`, m.counted, 'calls');
    report(`cells_read_${name}`, m.cells, 'cells');
  };
  const fresh = emulator();
  both('setup_new', measure(fresh, () => fresh.run('setupSpreadsheet')));
  both('setup_rerun', measure(fresh, () => fresh.run('setupSpreadsheet')));
  for (const n of [10, 10_000]) {
    const { em, goalIds } = caseload(n);
    both(`add_client_${n}`, measure(em, () => ok(em.run('addClient', client('C-BENCH')))));
    both(`save_plan_${n}`, measure(em, () => ok(em.run('savePlan', fiveGoalPlan('C-BENCH')))));
    both(`record_session_${n}`, measure(em, () => ok(em.run('recordSession', session('C-TEST', goalIds)))));
    // What the sidebar used to fetch again after each save (before saves answered with the client): kept to compare a save's whole cost.
    both(`get_client_${n}`, measure(em, () => ok(em.run('getClient', 'C-TEST'))));
    both(`get_bootstrap_${n}`, measure(em, () => ok(em.run('getBootstrap'))));
  }
}
