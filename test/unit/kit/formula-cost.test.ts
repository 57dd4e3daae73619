// The static formula-cost rules (kit/formula-cost.ts), each on a worked example.
import { formulaCost, workbookFormulaCost } from '../../../kit/formula-cost';

const used = new Map([
  ['ratings', 1001],
  ['phq-9', 101],
  ['clients', 51],
]);
const cost = (f: string, sheet = 'PHQ-9') => formulaCost(f, sheet, used).cells;

describe('formula cost: what each reference covers', () => {
  test('a single cell covers 1; a bounded range covers rows × columns', () => {
    expect(cost('=C2+D2')).toBe(2);
    expect(cost('=SUM($C$2:$E$11)')).toBe(30);
  });

  test('a whole column covers the referenced tab\u2019s used rows; an open-ended range those from its first row', () => {
    expect(cost('=COUNTIFS(Ratings!A:A,"x")')).toBe(1001);
    expect(cost("=SUM('PHQ-9'!M2:M)")).toBe(100);
    expect(cost('=SUM(Clients!A:C)')).toBe(153);
  });

  test('an unqualified reference is on the formula\u2019s own tab', () => {
    expect(cost('=SUM(M:M)', 'PHQ-9')).toBe(101);
    expect(cost('=SUM(M:M)', 'Clients')).toBe(51);
  });

  test('text in quotes is never a reference', () => {
    expect(cost('=IF(C2="A1:B9","C:C",D2)')).toBe(2);
  });

  test('INDEX\u2019s range argument counts 1, its other arguments in full', () => {
    expect(cost('=INDEX(Ratings!E:E,C2)')).toBe(2);
  });

  test('a binary-search MATCH (type 1, −1 or omitted) counts log₂ of its range; an exact MATCH counts it all', () => {
    expect(cost('=MATCH(C2,Ratings!A2:A1001,1)')).toBe(1 + 10);
    expect(cost('=MATCH(C2,Ratings!A2:A1001)')).toBe(1 + 10);
    expect(cost('=MATCH(C2,Ratings!A2:A1001,-1)')).toBe(1 + 10);
    expect(cost('=MATCH(C2,Ratings!A2:A1001,0)')).toBe(1 + 1000);
  });

  test('XLOOKUP with search mode ±2 counts log₂ of its lookup range; its result range counts in full', () => {
    expect(cost('=XLOOKUP(C2,Ratings!A2:A1001,Ratings!B2:B1001,"",0,2)')).toBe(1 + 10 + 1000);
    expect(cost('=XLOOKUP(C2,Ratings!A2:A1001,Ratings!B2:B1001)')).toBe(1 + 1000 + 1000);
  });

  test('a nested call\u2019s references are counted by that call\u2019s rules, not discounted by the outer one', () => {
    expect(cost('=INDEX(FILTER(Ratings!E:E,Ratings!A:A=C2),1)')).toBe(1001 + 1001 + 1);
    expect(cost('=MATCH(C2,SORT(Ratings!A2:A1001),1)')).toBe(1 + 1000);
  });

  test('a FILTER that spills counts its references once, in its own cell, however many rows it spills', () => {
    const c = workbookFormulaCost(
      [
        { sheet: 'Review', formula: '=FILTER(Ratings!E:E,Ratings!A:A=$B$1,Ratings!H:H="")' },
        { sheet: 'Review', formula: '=SORT(UNIQUE(FILTER($X:$X,ISNUMBER($X:$X))))' },
      ],
      new Map([...used, ['review', 200]]),
    );
    expect(c.refCells).toBe(3 * 1001 + 1 + 2 * 200);
    expect(c.formulaCells).toBe(2);
  });

  test('a cell reading a spilled column on its own tab counts that tab’s used rows per whole-column reference', () => {
    expect(formulaCost('=IFERROR(SUMIF($X:$X,C8,$Y:$Y)/COUNTIF($X:$X,C8),"")', 'Review', new Map([['review', 130]])).cells).toBe(3 * 130 + 2);
  });

  test('open-ended and whole-column references are counted as such', () => {
    expect(formulaCost('=SUMIFS(Ratings!E:E,Ratings!A2:A,C2,D2:D9,1)', 'PHQ-9', used).openRefs).toBe(2);
  });
});

describe('formula cost of a workbook', () => {
  test('sums every formula cell and keeps each tab\u2019s share', () => {
    const c = workbookFormulaCost(
      [
        { sheet: 'PHQ-9', formula: '=C2+D2' },
        { sheet: 'Clients', formula: '=COUNTIFS(Ratings!A:A,A2)' },
      ],
      used,
    );
    expect(c).toEqual({ formulaCells: 2, refCells: 2 + 1002, openRefs: 1, bySheet: { 'PHQ-9': 2, Clients: 1002 } });
  });
});
