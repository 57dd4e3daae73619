// "Check this spreadsheet" on the preview's seeded demo clinic: calls_check_spreadsheet_demo (every service call the check makes) and check_problems_demo (problems it finds there: 0 expected); calls_repair_spreadsheet_demo, Repair on the same clean demo (it finds nothing to repair).
import { createEmulator } from '../../emulator';
import { seedEmulator, SEED_TIME_ZONE, SEED_USER } from '../../preview/seed';
import { measure, ok } from '../../kit/workbook';
import type { CheckReport, RepairReport } from '../../src/contract';

type Report = (name: string, value: number, unit: string) => void;

export async function run(report: Report, _ctx: { dist: Record<string, unknown>; root: string }): Promise<void> {
  const em = createEmulator({ user: SEED_USER, timeZone: SEED_TIME_ZONE });
  seedEmulator(em);
  let data: CheckReport | null = null;
  const m = measure(em, () => (data = ok<CheckReport>(em.run('checkSpreadsheet'))));
  const r = data as unknown as CheckReport;
  report('calls_check_spreadsheet_demo', m.total, 'calls');
  report('io_calls_check_spreadsheet_demo', m.counted, 'calls');
  report('check_problems_demo', r.counts.layout + r.counts.values + r.counts.platform, 'problems');
  report('check_cells_compared_demo', r.cellsCompared, 'cells');
  const fixed = createEmulator({ user: SEED_USER, timeZone: SEED_TIME_ZONE });
  seedEmulator(fixed);
  const r2 = measure(fixed, () => ok<RepairReport>(fixed.run('repairSpreadsheet', {})));
  report('calls_repair_spreadsheet_demo', r2.total, 'calls');
  report('io_calls_repair_spreadsheet_demo', r2.counted, 'calls');
}
