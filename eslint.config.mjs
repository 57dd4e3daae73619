// ESLint flat config: typescript-eslint everywhere; Apps Script has no Web or Node globals, so server code may not use them.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const appsScriptMissing = ['setTimeout', 'setInterval', 'clearTimeout', 'TextEncoder', 'TextDecoder', 'fetch', 'FormData', 'Blob', 'URL', 'URLSearchParams', 'atob', 'btoa', 'crypto', 'window', 'document', 'navigator', 'performance', 'process', 'Buffer', 'require', 'UrlFetchApp'].map((name) => ({
  name,
  message: `${name} does not exist in Apps Script V8 (or is not allowed in Attain).`,
}));

// Full zod adds ≈455 KB to a bundle every custom-function cell loads; zod/mini ≈14 KB.
const ZOD_PATHS = ['zod', 'zod/v4'].map((name) => ({ name, message: "import zod as 'zod/mini' (bundle size)." }));

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
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...appsScriptMissing],
      'no-restricted-imports': ['error', { paths: ZOD_PATHS }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...appsScriptMissing, ...['SpreadsheetApp', 'HtmlService', 'PropertiesService', 'CacheService', 'LockService', 'Session', 'Utilities', 'Charts', 'Logger'].map((name) => ({ name, message: 'src/core is pure: no Apps Script services.' }))],
      'no-restricted-imports': ['error', { paths: ZOD_PATHS, patterns: [{ group: ['**/sheets/**', '**/server/**'], message: 'core imports neither sheets nor server.' }] }],
    },
  },
  {
    files: ['scripts/**/*.{js,mjs}', '*.js', '*.mjs', 'test/**/*.{js,mjs}'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly', __dirname: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', performance: 'readonly', fetch: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
