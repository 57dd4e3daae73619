// Static formula cost of the preview's seeded demo clinic (kit/formula-cost.ts's rules): formula_ref_cells_demo (cells the formulas' references cover), data_cells_demo, formula_cells_demo, formula_open_refs_demo (whole-column or open-ended references) their ratio, and data_cells_5y (the five-year clinic's data cells).
import { createEmulator } from '../../emulator';
import { seedEmulator, SEED_TIME_ZONE, SEED_USER } from '../../preview/seed';
import { costInputOf, workbookFormulaCost } from '../../kit/formula-cost';
import { fiveYearClinic } from '../../kit/five-year-clinic';

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
  // The five-year clinic's rows as generated (kit/five-year-clinic.ts); its formula cost needs the redesign of issue 14 to build at all.
  report('data_cells_5y', fiveYearClinic().dataCells, 'cells');
  for (const [sheet, n] of Object.entries(cost.bySheet).sort((a, b) => b[1] - a[1]).slice(0, 4)) report(`formula_ref_cells_demo_${sheet.toLowerCase().replace(/[^a-z0-9]+/g, '_')}`, n, 'cells');
}
