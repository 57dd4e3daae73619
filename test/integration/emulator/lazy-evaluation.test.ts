// Lazy evaluation (createEmulator's `evaluation`): reads after writes give exactly what evaluating after every write gives.
import { createEmulator, type Emulator } from '../../../emulator';
import { seedEmulator, SEED_TIME_ZONE, SEED_USER } from '../../../preview/seed';
import { fakeEmulator } from './fixture';

/** Every tab's shown values and formulas, as a person and a script see them. */
function workbook(em: Emulator): Record<string, { values: string[][]; formulas: string[][] }> {
  const out: Record<string, { values: string[][]; formulas: string[][] }> = {};
  for (const sh of em.spreadsheet.getSheets()) {
    const range = sh.getDataRange();
    out[sh.getName()] = { values: range.getDisplayValues(), formulas: range.getFormulas() };
  }
  return out;
}

/** A tab of rows, a tab of per-row and whole-column formulas over it, and a FILTER that spills more rows as data arrives. */
function play(em: Emulator): unknown[] {
  const ss = em.spreadsheet;
  const data = ss.insertSheet('Data');
  const sums = ss.insertSheet('Sums');
  const seen: unknown[] = [];
  data.getRange('A1:C1').setValues([['client', 'score', 'double']]);
  sums.getRange('A1:B1').setFormulas([['=SUMIFS(Data!B:B,Data!A:A,"x")', '=ARRAYFORMULA(MAX(IF(LEN(Data!A:A),ROW(Data!A:A),0)))']]);
  sums.getRange('A3').setFormula('=FILTER(Data!A:B,Data!A:A="x")');
  for (let i = 0; i < 6; i++) {
    const row = i + 2;
    data.getRange(row, 1, 1, 3).setValues([[i % 2 ? 'y' : 'x', i + 1, `=B${row}*2+COUNTIF(Sums!A:A,">0")`]]);
    // Read one tab first (evaluated alone), then write again before reading the other.
    if (i % 2) seen.push(data.getRange(row, 3).getValue());
    else seen.push(sums.getRange('A1:B1').getValues(), data.getLastRow());
    if (i === 3) data.insertRowsBefore(3, 1);
  }
  seen.push(sums.getDataRange().getValues(), data.getDataRange().getValues(), sums.getLastRow());
  return seen;
}

test('lazy and eager evaluation read the same values through writes, reads of one tab, a row insert and a growing FILTER', () => {
  const lazy = play(fakeEmulator({ evaluation: 'lazy' }));
  const eager = play(fakeEmulator({ evaluation: 'eager' }));
  expect(lazy).toEqual(eager);
  expect(lazy.at(-1)).toBe(5); // the FILTER spilled its three "x" rows below row 2
});

test('a value evaluated for one tab read alone still reaches the formulas that depend on it when everything is evaluated', () => {
  const em = fakeEmulator();
  const ss = em.spreadsheet;
  const [data, mid, top] = ['Data', 'Mid', 'Top'].map((n) => ss.insertSheet(n));
  data.getRange('A1').setValue(1);
  mid.getRange('A1').setFormula('=Data!A1*2');
  top.getRange('A1').setFormula('=Mid!A1+1');
  expect(top.getRange('A1').getValue()).toBe(3);
  em.exportState(); // everything evaluated: from here only the write below is pending
  data.getRange('A1').setValue(5);
  expect(mid.getRange('A1').getValue()).toBe(10); // Mid alone is evaluated
  em.exportState(); // reads every tab: the whole workbook is evaluated
  expect(top.getRange('A1').getValue()).toBe(11);
});

test('the seeded demo clinic is the same cell for cell whether formulas are evaluated lazily or after every write', () => {
  // The times the add-on stamps (Audit, status dates) are the clock's: the two seedings run minutes apart.
  // Shown as yyyy-mm-dd hh:mm:ss, kept as an instant off midnight (a date-only value is midnight in London: 00:00 or 23:00 UTC).
  const unstamped = (x: unknown) =>
    JSON.parse(
      JSON.stringify(x)
        .replace(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/g, 'stamped')
        .replace(/\d{4}-\d\d-\d\dT(?!00:00:00\.000Z|23:00:00\.000Z)\d\d:\d\d:\d\d\.\d{3}Z/g, 'stamped'),
    );
  const seed = (evaluation: 'lazy' | 'eager') => {
    const em = createEmulator({ user: SEED_USER, timeZone: SEED_TIME_ZONE, evaluation });
    seedEmulator(em);
    return { book: unstamped(workbook(em)) as ReturnType<typeof workbook>, state: unstamped(em.exportState()) as unknown };
  };
  const lazy = seed('lazy');
  const eager = seed('eager');
  const differences: string[] = [];
  for (const name of new Set([...Object.keys(lazy.book), ...Object.keys(eager.book)]))
    for (const kind of ['values', 'formulas'] as const) {
      const [a, b] = [eager.book[name]?.[kind] ?? [], lazy.book[name]?.[kind] ?? []];
      for (let r = 0; r < Math.max(a.length, b.length); r++)
        for (let c = 0; c < Math.max(a[r]?.length ?? 0, b[r]?.length ?? 0); c++)
          if (a[r]?.[c] !== b[r]?.[c]) differences.push(`${name} ${kind} row ${r + 1} column ${c + 1}: eager ${JSON.stringify(a[r]?.[c])}, lazy ${JSON.stringify(b[r]?.[c])}`);
    }
  expect(differences.slice(0, 20)).toEqual([]);
  expect(lazy.state).toEqual(eager.state);
}, 3_600_000);
