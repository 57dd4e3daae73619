// Service calls with a clinic-defined instrument enabled (issue 16): calls_setup_with_clinic_instrument (the setup that creates its tab) and calls_record_session_clinic_instrument_10 / _10000 (a session recording it beside PHQ-9 and GAD-7), to compare with workbook.ts's figures.
import * as fs from 'fs';
import * as path from 'path';
import type { Emulator } from '../../emulator';
import { clinicId } from '../../src/core/instruments/clinic-definition';
import { bulkRows, caseload, emulator, measure, ok, session } from '../../kit/workbook';

type Report = (name: string, value: number, unit: string) => void;

/** Types the example row on the Instruments tab, lets setup add its Use row, and ticks it (the setup that applies it is the caller's). */
function defineAndTick(em: Emulator, cells: Record<string, unknown>): void {
  bulkRows(em, 'Instruments', [cells]);
  em.run('setupSpreadsheet');
  const settings = em.spreadsheet.getSheetByName('Settings')!;
  const keys = settings.getRange(1, 4, settings.getLastRow(), 1).getValues().map((r) => r[0]);
  const row = keys.indexOf(`instrument.${clinicId(String(cells.Name))}`) + 1;
  if (row < 2) throw new Error(`No Use row for ${String(cells.Name)} in Settings`);
  em.edit('Settings', row, 2, 'TRUE');
}

export async function run(report: Report, ctx: { dist: Record<string, unknown>; root: string }): Promise<void> {
  const cells = JSON.parse(fs.readFileSync(path.join(ctx.root, 'templates', 'instruments', 'phq9-jacobson-truax.json'), 'utf8')).cells as Record<string, unknown>;
  const id = clinicId(String(cells.Name));
  const both = (name: string, m: ReturnType<typeof measure>) => {
    report(`calls_${name}`, m.total, 'calls');
    report(`io_calls_${name}`, m.counted, 'calls');
  };
  const fresh = emulator();
  fresh.run('setupSpreadsheet');
  defineAndTick(fresh, cells);
  both('setup_with_clinic_instrument', measure(fresh, () => fresh.run('setupSpreadsheet')));
  both('setup_with_clinic_instrument_rerun', measure(fresh, () => fresh.run('setupSpreadsheet')));
  for (const n of [10, 10_000]) {
    const { em, goalIds } = caseload(n);
    defineAndTick(em, cells);
    em.run('setupSpreadsheet');
    const measures = [...(session('C-TEST', goalIds).measures as unknown[]), { instrument: id, items: [1, 1, 1, 0, 1, 0, 1, 0, 0] }];
    both(`record_session_clinic_instrument_${n}`, measure(em, () => ok(em.run('recordSession', session('C-TEST', goalIds, { measures })))));
  }
}
