// Static formula cost (kit/formula-cost.ts's rules) of the preview's seeded demo clinic — formula_ref_cells_demo (cells the formulas' references cover), data_cells_demo, formula_cells_demo, formula_open_refs_demo (whole-column or open-ended references), their ratio, the top tabs — and of the five-year clinic (formula_ref_cells_5y, data_cells_5y, their ratio, by tab), whose formulas are generated without building it (kit/five-year-formulas.ts).
import { createEmulator } from '../../emulator';
import { seedEmulator, SEED_TIME_ZONE, SEED_USER } from '../../preview/seed';
import { costInputOf, workbookFormulaCost } from '../../kit/formula-cost';
import { fiveYearFormulas } from '../../kit/five-year-formulas';

type Report = (name: string, value: number, unit: string) => void;

export async function run(report: Report, _ctx: { dist: Record<string, unknown>; root: string }): Promise<void> {
  const em = createEmulator({ user: SEED_USER, timeZone: SEED_TIME_ZONE });
  seedEmulator(em);
  const { formulas, usedRows, dataCells } = costInputOf(em.exportState());
  const cost = workbookFormulaCost(formulas, usedRows);
  report('formula_ref_cells_demo', cost.refCells, 'cells');
  report('data_cells_demo', dataCells, 'cells');
  report('formula_cells_demo', cost.formulaCells, 'cells');
  report('formula_open_refs_demo', cost.openRefs, 'references');
  report('formula_ref_cells_per_data_cell_demo', Math.round((cost.refCells / Math.max(1, dataCells)) * 10) / 10, 'ratio');
  const five = fiveYearFormulas(em.exportState());
  const cost5 = workbookFormulaCost(five.formulas, five.usedRows);
  report('formula_ref_cells_5y', cost5.refCells, 'cells');
  report('data_cells_5y', five.dataCells, 'cells');
  report('formula_cells_5y', cost5.formulaCells, 'cells');
  report('formula_ref_cells_per_data_cell_5y', Math.round((cost5.refCells / Math.max(1, five.dataCells)) * 10) / 10, 'ratio');
  for (const [sheet, n] of Object.entries(cost5.bySheet).sort((a, b) => b[1] - a[1]).slice(0, 6)) report(`formula_ref_cells_5y_${sheet.toLowerCase().replace(/[^a-z0-9]+/g, '_')}`, n, 'cells');
  for (const [sheet, n] of Object.entries(cost.bySheet).sort((a, b) => b[1] - a[1]).slice(0, 4)) report(`formula_ref_cells_demo_${sheet.toLowerCase().replace(/[^a-z0-9]+/g, '_')}`, n, 'cells');
}
