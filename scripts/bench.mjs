// npm run bench: builds, then prints one JSON line per figure ({"name","value","unit"}) from every scripts/bench/*.ts.
//   npm run bench -- preview   only the bench files whose names contain one of the words given (here scripts/bench/preview.ts)
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';
import { build } from './build.mjs';
import { importTs } from './lib/run-ts.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const report = (name, value, unit) => console.log(JSON.stringify({ name, value, unit }));

const { codeBytes, sidebarBytes } = await build();
report('code_js_bytes', codeBytes, 'bytes');
report('sidebar_html_bytes', sidebarBytes, 'bytes');

// The built bundle's top-level functions, loaded as Apps Script would (bare context, no Node globals).
const ctx = vm.createContext({ console });
vm.runInContext(fs.readFileSync(path.join(root, 'dist', 'Code.js'), 'utf8'), ctx, { filename: 'Code.js' });
const entries = JSON.parse(fs.readFileSync(path.join(root, 'src/server/entrypoints.json'), 'utf8')).entries;
const dist = Object.fromEntries(entries.map((e) => [e.name, ctx[e.name]]));

const only = process.argv.slice(2);
const benches = fs
  .readdirSync(path.join(root, 'scripts', 'bench'))
  .filter((f) => f.endsWith('.ts') && (only.length === 0 || only.some((w) => f.includes(w))))
  .sort();
if (benches.length === 0) {
  console.error(`Expected a bench file name containing ${only.join(' or ')} in scripts/bench/; got none`);
  process.exit(2);
}
// One broken bench must not hide the others' figures; it still fails the command.
let failures = 0;
for (const file of benches) {
  try {
    const mod = await importTs(path.join('scripts', 'bench', file));
    await mod.run(report, { dist, root });
  } catch (err) {
    failures += 1;
    console.error(`bench ${file} failed: ${err && err.stack ? err.stack : err}`);
  }
}
process.exitCode = failures ? 1 : 0;
