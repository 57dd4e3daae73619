// The stub generator: refuses custom functions Sheets could not show, and writes delegating top-level functions.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { readExportedFunctions, generateStubs } = require('../../../scripts/lib/stubs.js');

const documented = `
/**
 * Doubles a number.
 * @param {number} value The number.
 * @param {number} [times] How many times.
 * @return {number} The result.
 * @customfunction
 */
export function DOUBLE_IT(value: unknown, times?: unknown): number { return 2; }
`;

const sourcesOf = (text: string) => new Map(readExportedFunctions(text).map((f: { name: string }) => [f.name, f]));

test('a documented custom function becomes a top-level function with its JSDoc and parameter names', () => {
  const out = generateStubs([{ name: 'DOUBLE_IT', kind: 'custom' }], sourcesOf(documented), ['DOUBLE_IT']);
  expect(out).toContain('@customfunction\n */\nfunction DOUBLE_IT(value, times) {\n  return __app_.DOUBLE_IT(value, times);\n}');
});

test('a custom function without JSDoc is refused', () => {
  const bare = 'export function DOUBLE_IT(value: unknown): number { return 2; }';
  expect(() => generateStubs([{ name: 'DOUBLE_IT', kind: 'custom' }], sourcesOf(bare), ['DOUBLE_IT'])).toThrow(/DOUBLE_IT: expected a \/\*\* … @customfunction \*\/ JSDoc/);
});

test('a JSDoc without @customfunction is refused', () => {
  const text = documented.replace(' * @customfunction\n', '');
  expect(() => generateStubs([{ name: 'DOUBLE_IT', kind: 'custom' }], sourcesOf(text), ['DOUBLE_IT'])).toThrow(/without @customfunction/);
});

test('a parameter without an @param line is refused', () => {
  const text = documented.replace(' * @param {number} [times] How many times.\n', '');
  expect(() => generateStubs([{ name: 'DOUBLE_IT', kind: 'custom' }], sourcesOf(text), ['DOUBLE_IT'])).toThrow(/parameter "times" has no @param/);
});

test('a custom function with no parameters is refused', () => {
  const text = documented.replace('value: unknown, times?: unknown', '');
  expect(() => generateStubs([{ name: 'DOUBLE_IT', kind: 'custom' }], sourcesOf(text), ['DOUBLE_IT'])).toThrow(/at least one declared parameter/);
});

test('a name that clashes with a Sheets built-in is refused', () => {
  const text = documented.replace('DOUBLE_IT', 'SUM');
  expect(() => generateStubs([{ name: 'SUM', kind: 'custom' }], sourcesOf(text), ['SUM'])).toThrow(/clashes with a Sheets built-in/);
});

test('an entry point ending in "_" is refused', () => {
  expect(() => generateStubs([{ name: 'helper_', kind: 'rpc' }], new Map(), ['helper_'])).toThrow(/must not end in "_"/);
});

test('an entry listed but not exported is refused', () => {
  expect(() => generateStubs([{ name: 'onOpen', kind: 'trigger' }], new Map(), [])).toThrow(/not exported by src\/server\/index.ts/);
});

test('an export missing from the entry-point list is refused', () => {
  expect(() => generateStubs([], new Map(), ['stray'])).toThrow(/missing from entrypoints.json/);
});

test('other entry points delegate with all their arguments', () => {
  expect(generateStubs([{ name: 'onOpen', kind: 'trigger' }], new Map(), ['onOpen'])).toBe('function onOpen() {\n  return __app_.onOpen.apply(null, arguments);\n}\n');
});
