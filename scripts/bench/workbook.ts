// Service calls per sidebar action on 10- and 10,000-client workbooks: calls_* counts every emulated service call (lookups, lock, properties too); io_calls_* only those that read, write, format or restructure the sheet; cells_read_* the cells its reads transferred.
import { bulkRows, caseload, client, emulator, fiveGoalPlan, measure, ok, serial, session } from '../../kit/workbook';

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
    // Tasks between sessions: every client has a task on the Tasks tab; C-TEST's session marks the two set last time and sets two more.
    bulkRows(em, 'Tasks', Array.from({ length: n }, (_, i) => ({ Client: `C-${String(i + 1).padStart(5, '0')}`, 'Task ID': 'S1-T1', 'Goal ID': `C-${String(i + 1).padStart(5, '0')}.G1.O1`, Task: 'Walk after lunch daily', 'Set at session': 1, 'Set on': serial('2025-06-08') })));
    const tasks = (goal: number) => [
      { goalId: goalIds[goal], text: 'Walk to the park after lunch, 3 times' },
      { goalId: goalIds[goal + 1], text: 'Phone a friend on Sunday evening once' },
    ];
    ok(em.run('recordSession', session('C-TEST', [], { date: '2026-01-19', ratings: [], measures: [], note: 'Tasks set', newTasks: tasks(1) })));
    both(`record_session_with_tasks_${n}`, measure(em, () => ok(em.run('recordSession', session('C-TEST', goalIds, { date: '2026-01-26', taskOutcomes: [{ taskId: 'S2-T1', outcome: 'done' }, { taskId: 'S2-T2', outcome: 'partly' }], newTasks: tasks(2) })))));
  }
}
