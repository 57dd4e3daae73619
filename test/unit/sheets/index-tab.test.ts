// Whether an index row is still live on the tab it names: formulas that refer to that tab only (quoted or not), never values,
// never a renamed tab's references, never #REF!.
import { FIXED_TABS } from '../../../src/sheets/layout';
import { INDEX_HEADER, indexRow, isLiveRow, mirrorExtent, MIRROR_HEIGHT, parseIndex, parseSettingsMirror, referencedSheets, settingsMirrorFormula } from '../../../src/sheets/index-tab';

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

describe('the Settings mirror formula', () => {
  const f = settingsMirrorFormula(4);
  test('setup\u2019s formula covers Settings A1:D100; Sheets dropping the quotes or stretching it on inserted rows keeps it a mirror', () => {
    expect(mirrorExtent(f)).toEqual({ width: 4, height: MIRROR_HEIGHT });
    expect(mirrorExtent(f.replace(/'Settings'!/g, 'Settings!'))).toEqual({ width: 4, height: MIRROR_HEIGHT });
    expect(mirrorExtent(f.replace(/\$D\$100/g, '$E$103'))).toEqual({ width: 5, height: 103 });
  });
  test('moved off A1 (a row or column inserted before), on a renamed or deleted tab, half-edited, or a value: not a mirror', () => {
    expect(mirrorExtent(f.replace(/\$A\$1:\$D\$100/g, '$A$2:$D$101'))).toBeNull();
    expect(mirrorExtent(f.replace(/\$A\$1:\$D\$100/g, '$B$1:$E$100'))).toBeNull();
    expect(mirrorExtent(f.replace(/'Settings'!/g, "'Settings 2025'!"))).toBeNull();
    expect(mirrorExtent(f.replace(/'Settings'!/g, '#REF!'))).toBeNull();
    expect(mirrorExtent(f.replace('$D$100="', '$D$99="'))).toBeNull();
    expect(mirrorExtent('Setting')).toBeNull();
  });
  test('parseSettingsMirror finds it in row 1 and gives Settings\u2019 rows from there, blanks past the block read', () => {
    const values = [['Attain index v2', '', 'Setting', 'Value'], ['Sessions', '', 'Clinic name', 'Riverside']];
    const formulas = [['', '', settingsMirrorFormula(2), ''], []];
    const rows = parseSettingsMirror(values, formulas)!;
    expect(rows.slice(0, 3)).toEqual([
      ['Setting', 'Value'],
      ['Clinic name', 'Riverside'],
      ['', ''],
    ]);
    expect(rows).toHaveLength(MIRROR_HEIGHT);
    expect(parseSettingsMirror(values, [['', '', '', ''], []])).toBeNull();
  });
});
