// The five-year workbook's formulas, generated without building it (kit/five-year-formulas.ts): every data row carries its computed columns, the alerts helper and Supervision are at setup's capacity, and the other tabs' formulas come from the given workbook once.
import { fiveYearClinic, scaled } from '../../../kit/five-year-clinic';
import { fiveYearFormulas } from '../../../kit/five-year-formulas';
import { costInputOf } from '../../../kit/formula-cost';
import { setUp } from '../../../kit/workbook';
import { BUILT_IN_INSTRUMENTS } from '../../../src/core/instruments/registry';
import { instrumentTab } from '../../../src/sheets/layout';
import { helperCapacity } from '../../../src/sheets/supervision-tab';

jest.setTimeout(300_000);

const clinic = fiveYearClinic(scaled(100));
const base = setUp().exportState();
const five = fiveYearFormulas(base, clinic);
const on = (sheet: string) => five.formulas.filter((f) => f.sheet === sheet);

describe('the five-year workbook\u2019s formulas', () => {
  test('each PHQ-9 row 2 … last carries every computed column of the PHQ-9 layout, and each spill column its one header formula', () => {
    const columns = instrumentTab(BUILT_IN_INSTRUMENTS.find((d) => d.id === 'phq9')!).columns;
    const computed = columns.filter((c) => c.formula).length;
    const spills = columns.filter((c) => c.spill).length;
    expect([computed, spills]).toEqual([expect.any(Number), 5]);
    expect(on('PHQ-9')).toHaveLength(computed * clinic.tabs['PHQ-9'].rows.length + spills);
  });

  test('a row\u2019s formulas name that row', () => {
    const last = clinic.tabs['PHQ-9'].rows.length + 1;
    expect(on('PHQ-9').some((f) => f.formula.includes(`${last}`))).toBe(true);
  });

  test('the alerts helper and Supervision are at the capacity setup gives this many clients', () => {
    const capacity = helperCapacity(clinic.tabs.Clients.rows.length);
    expect(five.capacity).toBe(capacity);
    expect(five.usedRows.get('attain alerts')).toBe(capacity + 1);
    expect(on('Attain alerts').length).toBeGreaterThanOrEqual(capacity);
    expect(on('Supervision').length).toBeGreaterThanOrEqual(capacity);
  });

  test('tabs the clinic has no rows for keep the given workbook\u2019s formulas, once', () => {
    const given = costInputOf(base).formulas.filter((f) => f.sheet === 'Settings');
    expect(given.length).toBeGreaterThan(0);
    expect(on('Settings')).toEqual(given);
  });

  test('the data cells are the clinic\u2019s', () => {
    expect(five.dataCells).toBe(clinic.dataCells);
  });
});
