// Whether an index row is still live on the tab it names: formulas that refer to that tab only (quoted or not), never values,
// never a renamed tab's references, never #REF!.
import { FIXED_TABS } from '../../../src/sheets/layout';
import { INDEX_HEADER, indexRow, isLiveRow, parseIndex, referencedSheets } from '../../../src/sheets/index-tab';

const SESSIONS = FIXED_TABS.find((l) => l.name === 'Sessions')!;
const n = SESSIONS.columns.length;
const row = indexRow(SESSIONS, n).map(String);

describe('referencedSheets', () => {
  test('quoted and plain names, doubled quotes, lower case', () => {
    expect(referencedSheets("=SUM('Sessions 2025'!A:A)+Clients!B1+'It''s'!C2")).toEqual(['sessions 2025', 'clients', "it's"]);
    expect(referencedSheets('=1+2')).toEqual([]);
  });
});

describe('isLiveRow', () => {
  test('the row setup writes is live; Sheets dropping the quotes of a plain name keeps it live', () => {
    expect(isLiveRow(row, 'Sessions', n)).toBe(true);
    expect(isLiveRow(row.map((f) => f.replace(/'Sessions'!/g, 'Sessions!')), 'Sessions', n)).toBe(true);
  });
  test('references that followed a renamed tab, values pasted over the formulas, #REF! or a mix are not', () => {
    expect(isLiveRow(row.map((f) => f.replace(/'Sessions'!/g, "'Sessions 2025'!")), 'Sessions', n)).toBe(false);
    expect(isLiveRow(['Sessions', 7, n, ...SESSIONS.columns.map((_, i) => i + 1)], 'Sessions', n)).toBe(false);
    expect(isLiveRow(row.map((f) => f.replace(/'Sessions'!/g, '#REF!')), 'Sessions', n)).toBe(false);
    const one = [...row];
    one[4] = '3';
    expect(isLiveRow(one, 'Sessions', n)).toBe(false);
  });
});

describe('parseIndex with formulas', () => {
  const values = [[...INDEX_HEADER], ['Sessions', 7, n, ...SESSIONS.columns.map((_, i) => i + 1)]];
  test('a live row is used; the same values pasted (no formulas) are left out', () => {
    expect(parseIndex(values, [SESSIONS], [[], row]).get('Sessions')?.lastRow).toBe(7);
    expect(parseIndex(values, [SESSIONS], [[], values[1].map(() => '')]).has('Sessions')).toBe(false);
  });
  test('a last row counted over fewer columns than the positions span reads as unknown', () => {
    const narrow = [[...INDEX_HEADER], ['Sessions', 7, n - 1, ...SESSIONS.columns.map((_, i) => i + 1)]];
    expect(parseIndex(narrow, [SESSIONS], [[], row]).get('Sessions')?.lastRow).toBeNull();
  });
});
