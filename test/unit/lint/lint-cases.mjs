// Lints code snippets as if they were files at given paths, with ESLint's Node API and the project's eslint.config.mjs (run by directions.test.ts in its own Node process: Jest cannot load an ESM config).
import { ESLint } from 'eslint';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const cases = JSON.parse(process.argv[2]);
const eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, 'eslint.config.mjs') });
const out = [];
for (const c of cases) {
  const [result] = await eslint.lintText(c.code, { filePath: path.join(root, c.file) });
  out.push(result.messages.filter((m) => /no-restricted-imports/.test(m.ruleId ?? '')).map((m) => m.message));
}
process.stdout.write(JSON.stringify(out));
