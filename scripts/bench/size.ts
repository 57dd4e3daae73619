// Grid size of the five-year clinic (issue 14) against Google Sheets' 10 million cells: grid_cells_5y is every tab of a set-up workbook grown to hold the clinic's rows at the widths setup gives its tabs; grid_cells_5y_26_columns the same in Sheets' default 26-column tabs (a workbook set up before tabs were trimmed); computed from the tabs' sizes, nothing written.
import { emulator } from '../../kit/workbook';
import { fiveYearClinic } from '../../kit/five-year-clinic';

type Report = (name: string, value: number, unit: string) => void;

export async function run(report: Report, _ctx: { dist: Record<string, unknown>; root: string }): Promise<void> {
  const em = emulator();
  em.run('setupSpreadsheet');
  const clinic = fiveYearClinic();
  let cells = 0;
  let wide = 0;
  for (const s of em.spreadsheet.getSheets()) {
    const rows = Math.max(s.getMaxRows(), (clinic.tabs[s.getName()]?.rows.length ?? 0) + 1);
    cells += rows * s.getMaxColumns();
    wide += rows * Math.max(26, s.getMaxColumns());
  }
  report('grid_cells_5y', cells, 'cells');
  report('grid_cells_5y_26_columns', wide, 'cells');
}
