// Contract with the build's stub generator: every custom function is declared so Sheets shows its help, and index.ts re-exports all twelve.
import fs from 'node:fs';
import path from 'node:path';
import * as functions from '../../../src/server/functions';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { readExportedFunctions, customFunctionProblems } = require('../../../scripts/lib/stubs.js');

const DIR = path.resolve(__dirname, '../../../src/server/functions');
const NAMES = ['GAS_TSCORE', 'GAS_TSCORE_BYROW', 'GAS_CHANGE', 'GAS_WEIGHT', 'MEASURE_SCORE', 'MEASURE_BAND', 'MEASURE_FLAG', 'RELIABLE_CHANGE', 'CHANGE_CATEGORY', 'RCI', 'TALKING_THERAPIES_OUTCOME', 'PRIORITY_SCORE'];

const declared = new Map<string, { name: string; custom: boolean }>();
for (const f of fs.readdirSync(DIR).filter((n) => n.endsWith('.ts'))) {
  for (const fn of readExportedFunctions(fs.readFileSync(path.join(DIR, f), 'utf8'))) declared.set(fn.name, fn);
}

test('index.ts exports exactly the twelve custom functions', () => {
  expect(Object.keys(functions).sort()).toEqual([...NAMES].sort());
});

test.each(NAMES)('%s has a JSDoc block the stub generator accepts', (name) => {
  const fn = declared.get(name);
  expect(fn?.custom).toBe(true);
  expect(customFunctionProblems(fn)).toEqual([]);
});
