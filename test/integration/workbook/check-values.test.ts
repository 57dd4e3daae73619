// "Check this spreadsheet" recomputes Change from first, Reliable change and Priorities' tier order, score and rank with core exactly as the formulas compute them: random histories typed into the emulator (out of date order, same-date ties, other letter case, blank clients, dates and totals) give no value problem.
import fc from 'fast-check';
import type { Emulator } from '../../../emulator';
import { findInstrument } from '../../../src/core/instruments/registry';
import { DBT_TIERS } from '../../../src/core/vocabularies';
import { columnLetters } from '../../../src/sheets/a1';
import type { TabLayout } from '../../../src/sheets/columns';
import { instrumentTab, PRIORITIES } from '../../../src/sheets/layout';
import { ok, serial, setUp } from '../../../kit/workbook';
import type { CheckReport } from '../../../src/contract';

const PHQ9 = findInstrument('phq9');
const ORS = findInstrument('ors');
const CLIENTS = ['C-A1', 'c-a1', 'C-B2', ''];
const DAY0 = serial('2026-01-05');

/** Replaces a tab's data rows with `rows` (inputs by layout key) and the layout's formulas on each, as a person pasting rows would. */
function writeRows(em: Emulator, layout: TabLayout, rows: Record<string, unknown>[]): void {
  const sh = em.spreadsheet.getSheetByName(layout.name)!;
  const header = sh.getRange(1, 1, 1, sh.getLastColumn()).getValues()[0].map(String);
  if (sh.getLastRow() > 1) sh.getRange(2, 1, sh.getLastRow() - 1, header.length).clearContent();
  if (!rows.length) return;
  const letter = (key: string) => columnLetters(header.indexOf(layout.columns.find((c) => c.key === key)!.header) + 1);
  const data = rows.map((r, i) => {
    const refs = { row: i + 2, col: letter, cell: (k: string) => `${letter(k)}${i + 2}` };
    return header.map((h) => {
      const c = layout.columns.find((x) => x.header === h);
      if (!c) return '';
      return c.formula ? c.formula(refs) : (r[c.key] ?? '');
    });
  });
  sh.getRange(2, 1, data.length, header.length).setValues(data);
}

const client = fc.constantFrom(...CLIENTS);
// A week number (several rows share one), text that is no date, or blank.
const date = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 4 }).map((w) => DAY0 + 7 * w) }, { weight: 1, arbitrary: fc.constantFrom('soon', '') });
const answer = (max: number, step = 1) => fc.oneof({ weight: 12, arbitrary: fc.integer({ min: 0, max: max / step }).map((k) => Math.round(k * step * 10) / 10) }, { weight: 1, arbitrary: fc.constant('') });
const measureRow = (count: number, max: number, step?: number) => fc.record({ client, date, items: fc.array(answer(max, step), { minLength: count, maxLength: count }) });
const rating = fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 1, max: 5 }) }, { weight: 1, arbitrary: fc.constant('') });
const priorityRow = fc.record({ client, urgency: rating, importance: rating, readiness: rating, tier: fc.constantFrom('', 'none', ...DBT_TIERS) });

const asInputs = (rows: { client: string; date: unknown; items: unknown[] }[]) =>
  rows.map((r) => ({ client: r.client, date: r.date, ...Object.fromEntries(r.items.map((v, i) => [`item${i + 1}`, v])) }));

describe('the check\'s recompute of change, reliable change and priorities equals the formulas', () => {
  const em = setUp();
  const settings = em.spreadsheet.getSheetByName('Settings')!;
  const keys = settings.getRange(1, 4, settings.getLastRow(), 1).getValues().map((r) => r[0]);
  em.edit('Settings', keys.indexOf('instrument.ors') + 1, 2, 'TRUE');
  em.run('setupSpreadsheet');

  test('random histories: no value problem, and every data row\'s change and reliable change compared', () => {
    fc.assert(
      fc.property(
        fc.array(measureRow(9, 3), { minLength: 1, maxLength: 10 }),
        fc.array(measureRow(4, 10, 0.1), { minLength: 1, maxLength: 8 }),
        fc.array(priorityRow, { minLength: 1, maxLength: 8 }),
        (phq9, ors, priorities) => {
          writeRows(em, instrumentTab(PHQ9), asInputs(phq9));
          writeRows(em, instrumentTab(ORS), asInputs(ors));
          writeRows(em, PRIORITIES, priorities.map((p) => ({ ...p, goalId: 'G-1' })));
          const r = ok<CheckReport>(em.run('checkSpreadsheet'));
          const values = r.problems.filter((p) => p.area === 'values').map((p) => `${p.tab} | ${p.where} | ${p.problem}`);
          expect(values).toEqual([]);
          // Per row: PHQ-9 total, band, flag, change, reliable change; ORS total, band, change, reliable change; tier order, score, rank (blank-client rows: no rank).
          const data = (rows: { client: string; date: unknown; items: unknown[] }[]) => rows.filter((x) => x.client !== '' || x.date !== '' || x.items.some((v) => v !== '')).length;
          const ranked = priorities.filter((p) => p.client !== '').length;
          expect(r.cellsCompared).toBe(5 * data(phq9) + 4 * data(ors) + 2 * priorities.length + ranked);
        },
      ),
      { numRuns: 25 },
    );
  });
});
