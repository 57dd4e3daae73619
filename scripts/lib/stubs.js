// Top-level Apps Script stubs: reads custom-function JSDoc from source text and writes the delegating functions appended to Code.js.
'use strict';

// Apps Script only calls declared top-level functions; the IIFE's exports sit on this private global.
const APP_GLOBAL = '__app_';

// A `/** … */` block directly followed by `export function NAME(params)`.
const EXPORTED_FUNCTION = /(\/\*\*(?:(?!\*\/)[\s\S])*\*\/)?\s*export\s+function\s+([A-Za-z_$][\w$]*)\s*\(([^)]*)\)/g;

// Sheets built-ins that Attain's names could plausibly shadow; a clash makes Sheets ignore the custom function.
const SHEETS_BUILTINS = new Set(
  (
    'ABS AVERAGE AVERAGEIF CHOOSE COUNT COUNTA COUNTIF COUNTIFS DATE FILTER IF IFERROR INDEX LOOKUP MATCH MAX MIN ' +
    'QUERY RANK ROUND SORT SUM SUMIF SUMIFS SUMPRODUCT TEXT TREND UNIQUE VLOOKUP XLOOKUP STDEV VAR CORREL ' +
    'ZTEST TTEST T N NOW TODAY ROW ROWS COLUMN COLUMNS RATE STANDARDIZE PERCENTRANK DELTA'
  ).split(' '),
);

/** Parameter names of a TypeScript parameter list: `a: unknown, b?: number` → ['a', 'b']. */
function paramNames(list) {
  return list
    .split(',')
    .map((p) => p.trim().split(/[?:=\s]/)[0])
    .filter(Boolean);
}

/**
 * Finds every exported function in one source file and says whether its JSDoc marks it as a custom function.
 * @returns {{name: string, jsdoc: string | null, params: string[], custom: boolean}[]}
 */
function readExportedFunctions(source) {
  const found = [];
  for (const m of source.matchAll(EXPORTED_FUNCTION)) {
    const jsdoc = m[1] || null;
    found.push({ name: m[2], jsdoc, params: paramNames(m[3]), custom: !!jsdoc && /@customfunction\b/.test(jsdoc) });
  }
  return found;
}

/** Problems with one custom function's declaration; an empty list means the stub can be generated. */
function customFunctionProblems(fn) {
  const problems = [];
  if (!fn.custom) problems.push(`${fn.name}: expected a /** … @customfunction */ JSDoc block directly above "export function ${fn.name}(…)"; found ${fn.jsdoc ? 'a JSDoc without @customfunction' : 'no JSDoc'}`);
  if (fn.name.endsWith('_')) problems.push(`${fn.name}: a custom function name must not end in "_" (Apps Script hides such functions)`);
  if (SHEETS_BUILTINS.has(fn.name.toUpperCase())) problems.push(`${fn.name}: clashes with a Sheets built-in function`);
  if (!/^[A-Z][A-Z0-9_]*$/.test(fn.name)) problems.push(`${fn.name}: expected an upper-case name of letters, digits and "_"`);
  if (fn.params.length === 0) problems.push(`${fn.name}: expected at least one declared parameter (Sheets shows argument help from them)`);
  const documented = [...(fn.jsdoc || '').matchAll(/@param\s+\{[^}]*\}\s+\[?([A-Za-z_$][\w$]*)/g)].map((m) => m[1]);
  for (const p of fn.params) if (!documented.includes(p)) problems.push(`${fn.name}: parameter "${p}" has no @param line in its JSDoc`);
  if (!/@return/.test(fn.jsdoc || '')) problems.push(`${fn.name}: expected an @return line in its JSDoc`);
  return problems;
}

/**
 * The text appended after the bundle: one top-level function per entry point.
 * @param {{name: string, kind: string}[]} entries the entry-point list (src/server/entrypoints.json)
 * @param {Map<string, {jsdoc: string|null, params: string[], custom: boolean, name: string}>} customSources exported functions of src/server/functions
 * @param {string[]} bundleExports names the bundle's entry actually exports
 */
function generateStubs(entries, customSources, bundleExports) {
  const problems = [];
  const exported = new Set(bundleExports);
  const listed = new Set(entries.map((e) => e.name));
  for (const e of entries) if (!exported.has(e.name)) problems.push(`${e.name}: listed in entrypoints.json but not exported by src/server/index.ts`);
  for (const n of bundleExports) if (!listed.has(n)) problems.push(`${n}: exported by src/server/index.ts but missing from entrypoints.json`);
  for (const e of entries) if (e.name.endsWith('_')) problems.push(`${e.name}: an entry point must not end in "_"`);
  const stubs = [];
  for (const e of entries) {
    if (e.kind === 'custom') {
      const fn = customSources.get(e.name);
      if (!fn) {
        problems.push(`${e.name}: custom function not found as "export function ${e.name}(…)" in src/server/functions/`);
        continue;
      }
      const own = customFunctionProblems(fn);
      problems.push(...own);
      if (own.length) continue;
      const ps = fn.params.join(', ');
      stubs.push(`${fn.jsdoc}\nfunction ${e.name}(${ps}) {\n  return ${APP_GLOBAL}.${e.name}(${ps});\n}`);
    } else {
      stubs.push(`function ${e.name}() {\n  return ${APP_GLOBAL}.${e.name}.apply(null, arguments);\n}`);
    }
  }
  if (problems.length) {
    const err = new Error(`Build refused: ${problems.length} entry-point problem(s):\n  - ${problems.join('\n  - ')}`);
    err.problems = problems;
    throw err;
  }
  return stubs.join('\n\n') + '\n';
}

module.exports = { APP_GLOBAL, SHEETS_BUILTINS, readExportedFunctions, customFunctionProblems, generateStubs };
