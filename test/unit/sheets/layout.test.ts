// Layouts are consistent data: unique keys and headers, a note on every header, validations where values are constrained, formulas built from core's data.
import { BUILT_IN_INSTRUMENTS } from '../../../src/core/instruments/registry';
import { DBT_TIERS } from '../../../src/core/vocabularies';
import { bandIfs, columnLetters, columnNumber, priorityRankFormula, rowArgs, str, tierOrderFormula } from '../../../src/sheets/formulas';
import type { RowRefs, TabLayout } from '../../../src/sheets/columns';
import { FIXED_TABS, instrumentTab } from '../../../src/sheets/layout';
import { parseSettings, settingRows } from '../../../src/sheets/settings';

const ALL: TabLayout[] = [...FIXED_TABS, ...BUILT_IN_INSTRUMENTS.map((d) => instrumentTab(d))];

/** Refs for a layout placed in order from column A. */
function refs(layout: TabLayout, row: number): RowRefs {
  const at = (k: string) => {
    const i = layout.columns.findIndex((c) => c.key === k);
    if (i < 0) throw new Error(`no column ${k}`);
    return columnLetters(i + 1);
  };
  return { row, col: at, cell: (k) => `${at(k)}${row}` };
}

describe('layouts', () => {
  test.each(ALL.map((l) => [l.name, l] as const))('%s: unique keys and headers, a note on every header', (_n, l) => {
    expect(new Set(l.columns.map((c) => c.key)).size).toBe(l.columns.length);
    expect(new Set(l.columns.map((c) => c.header.toLowerCase())).size).toBe(l.columns.length);
    for (const c of l.columns) expect(c.note.length).toBeGreaterThan(10);
  });

  test('every date, list and range column has a validation; computed columns have a formula and no validation', () => {
    for (const l of ALL)
      for (const c of l.columns) {
        if (c.kind === 'date') expect([l.name, c.key, c.validation?.kind]).toEqual([l.name, c.key, 'date']);
        // A computed column has a formula per row, or one for the whole column in its header cell (a spill), never both.
        if (c.kind === 'formula') expect([l.name, c.key, typeof (c.formula ?? c.spill), !!(c.formula && c.spill), c.validation]).toEqual([l.name, c.key, 'function', false, undefined]);
      }
  });

  test('instrument item columns follow the registry: count, labels, range', () => {
    const phq = instrumentTab(BUILT_IN_INSTRUMENTS.find((d) => d.id === 'phq9')!);
    const items = phq.columns.filter((c) => c.key.startsWith('item'));
    expect(items.map((c) => c.header)).toEqual(Array.from({ length: 9 }, (_, i) => `Item ${i + 1}`));
    expect(items[0].validation).toEqual({ kind: 'list', values: ['0', '1', '2', '3'] });
    const ors = instrumentTab(BUILT_IN_INSTRUMENTS.find((d) => d.id === 'ors')!);
    expect(ors.columns.find((c) => c.key === 'item1')?.validation).toEqual({ kind: 'number', min: 0, max: 10 });
  });

  test('the PHQ-9 total formula is the plain per-row sum once all nine items are answered', () => {
    const phq = instrumentTab(BUILT_IN_INSTRUMENTS.find((d) => d.id === 'phq9')!);
    expect(phq.columns.find((c) => c.key === 'total')!.formula!(refs(phq, 2))).toBe('=IF(COUNT(D2:L2)=9,SUM(D2:L2),"")');
  });

  test('CORE-10 reverses items 2 and 3 and prorates one missing item', () => {
    const core = instrumentTab(BUILT_IN_INSTRUMENTS.find((d) => d.id === 'core10')!);
    expect(core.columns.find((c) => c.key === 'total')!.formula!(refs(core, 5))).toBe(
      '=IF(AND(COUNT(D5:M5)>=9),IF(COUNT(D5:M5)=10,(SUM(D5:M5)-2*SUM(E5:F5)+4*COUNT(E5:F5)),(SUM(D5:M5)-2*SUM(E5:F5)+4*COUNT(E5:F5))*10/COUNT(D5:M5)),"")',
    );
  });
});

describe('formula helpers', () => {
  test('column letters and numbers', () => {
    for (const [n, l] of [[1, 'A'], [26, 'Z'], [27, 'AA'], [702, 'ZZ'], [703, 'AAA']] as const) {
      expect(columnLetters(n)).toBe(l);
      expect(columnNumber(l)).toBe(n);
    }
  });

  test('rowArgs joins adjacent columns into ranges', () => {
    expect(rowArgs(['D', 'E', 'F'], 7)).toBe('D7:F7');
    expect(rowArgs(['F', 'D', 'G', 'Z', 'AA'], 3)).toBe('D3,F3:G3,Z3:AA3');
  });

  test('bandIfs nests from the band data, each edge compared at the threshold precision; str doubles quotes', () => {
    expect(bandIfs('N2', [{ min: 0, label: 'Low' }, { min: 5, label: 'Mid' }, { min: 9, label: 'High "x"' }])).toBe('IF(ROUND(N2,9)>=9,"High ""x""",IF(ROUND(N2,9)>=5,"Mid","Low"))');
    expect(str('a"b')).toBe('"a""b"');
  });

  test('tier order and rank come from core\u2019s tier list', () => {
    const pri = FIXED_TABS.find((t) => t.key === 'priorities')!;
    const f = tierOrderFormula(refs(pri, 4));
    DBT_TIERS.forEach((t, i) => expect(f).toContain(`IF(F4="${t}",${i},`));
    expect(priorityRankFormula(refs(pri, 4))).toBe(
      '=IF($H4="","",1+COUNTIFS($A:$A,$A4,$G:$G,"<"&$G4,$H:$H,">=1")+COUNTIFS($A:$A,$A4,$G:$G,$G4,$H:$H,">"&$H4)+COUNTIFS($A$1:$A3,$A4,$G$1:$G3,$G4,$H$1:$H3,$H4))',
    );
  });
});

describe('settings', () => {
  test('every row has a unique key; contested choices get their own rows', () => {
    const rows = settingRows();
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
    const keys = rows.map((r) => r.key);
    expect(keys).toEqual(expect.arrayContaining(['pcl5.cutoff', 'k10.bandScheme', 'core10.bandScheme', 'ors.atCutoffIsClinical', 'srs.atCutoffIsClinical', 'protection.mode', 'supervisors']));
  });

  test('parseSettings: defaults when blank, values when valid, defaults again when out of range', () => {
    const d = parseSettings({});
    expect([d.reviewEvery, d.rho, d.baseline, d.protectionMode, d.instruments]).toEqual([4, 0.3, -1, 'warning', ['phq9', 'gad7']]);
    const s = parseSettings({ 'review.everySessions': 6, 'gas.rho': 0.2, 'gas.baseline': -2, 'protection.mode': 'Strict', supervisors: 'a@x.org, b@x.org; nope', 'instrument.gad7': false, 'instrument.pcl5': true, 'pcl5.cutoff': 31, 'k10.bandScheme': 'CRUfAD' });
    expect([s.reviewEvery, s.rho, s.baseline, s.protectionMode, s.supervisors, s.instruments]).toEqual([6, 0.2, -2, 'strict', ['a@x.org', 'b@x.org'], ['phq9', 'pcl5']]);
    expect(s.options.pcl5).toEqual({ cutoff: 31 });
    expect(s.options.k10).toEqual({ bandScheme: 'CRUfAD' });
    expect(parseSettings({ 'review.everySessions': 40, 'pcl5.cutoff': 38 }).reviewEvery).toBe(4);
    expect(parseSettings({ 'pcl5.cutoff': 38 }).options.pcl5).toEqual({});
  });
});
