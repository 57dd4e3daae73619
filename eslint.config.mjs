// ESLint flat config: typescript-eslint everywhere; Apps Script has no Web or Node globals, so server code may not use them.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const appsScriptMissing = ['setTimeout', 'setInterval', 'clearTimeout', 'TextEncoder', 'TextDecoder', 'fetch', 'FormData', 'Blob', 'URL', 'URLSearchParams', 'atob', 'btoa', 'crypto', 'window', 'document', 'navigator', 'performance', 'process', 'Buffer', 'require', 'UrlFetchApp'].map((name) => ({
  name,
  message: `${name} does not exist in Apps Script V8 (or is not allowed in Attain).`,
}));

// Full zod adds ≈455 KB to a bundle every custom-function cell loads; zod/mini ≈14 KB.
const ZOD_PATHS = ['zod', 'zod/v4'].map((name) => ({ name, message: "import zod as 'zod/mini' (bundle size)." }));

// Import directions (test/unit/lint/directions.test.ts proves each one fails on a wrong import): core ← contract ← server, core ← sheets ← server,
// core and contract ← sidebar; nothing outside test/ imports from test/.
const only = (dirs, message) => ({ group: dirs.flatMap((d) => [`**/${d}`, `**/${d}/**`]), message });
const NOT_TEST = only(['test'], 'test/ is for tests: nothing outside it imports from it (move shared code to kit/, emulator/ or src/).');
const DIRECTIONS = {
  core: [only(['sheets', 'server', 'sidebar', 'contract', 'emulator', 'preview', 'kit', 'scripts'], 'src/core imports nothing of ours outside src/core (the contract and every other layer import core, not the reverse).'), NOT_TEST],
  contract: [only(['sheets', 'server', 'sidebar'], 'src/contract.ts is neutral ground: it may import core types only.'), NOT_TEST],
  sheets: [only(['server', 'sidebar', 'contract'], 'src/sheets persists rows: it imports neither src/server, sidebar nor the contract (the server builds replies).'), NOT_TEST],
  server: [only(['sidebar'], 'src/server never imports the sidebar.'), NOT_TEST],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    ignores: ['test/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NOT_TEST] }] },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...appsScriptMissing],
      'no-restricted-imports': ['error', { paths: ZOD_PATHS, patterns: DIRECTIONS.server }],
    },
  },
  {
    files: ['src/contract.ts', 'src/contract/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: ZOD_PATHS, patterns: DIRECTIONS.contract }] },
  },
  {
    files: ['src/sheets/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: ZOD_PATHS, patterns: DIRECTIONS.sheets }] },
  },
  {
    // The sidebar runs in the browser: never the sheets layer, and the server only for its types (the contract is the usual way).
    files: ['sidebar/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            only(['sheets'], 'the sidebar never imports src/sheets: it reaches the workbook through the server (sidebar/rpc.ts).'),
            { ...only(['server'], 'the sidebar imports src/server only as `import type` (prefer src/contract.ts).'), allowTypeImports: true },
          ],
        },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...appsScriptMissing, ...['SpreadsheetApp', 'HtmlService', 'PropertiesService', 'CacheService', 'LockService', 'Session', 'Utilities', 'Charts', 'Logger'].map((name) => ({ name, message: 'src/core is pure: no Apps Script services.' }))],
      'no-restricted-imports': ['error', { paths: ZOD_PATHS, patterns: DIRECTIONS.core }],
    },
  },
  {
    files: ['scripts/**/*.{js,mjs}', '*.js', '*.mjs', 'test/**/*.{js,mjs}'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly', __dirname: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', performance: 'readonly', fetch: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
