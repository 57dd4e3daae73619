// Builds, then saves the screenshots (docs/screenshots/*.png) through scripts/screenshots.ts.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from './build.mjs';
import { importTs } from './lib/run-ts.mjs';

await build();
const { run } = await importTs('scripts/screenshots.ts');
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
for (const file of await run(root)) console.log(`saved ${file}`);
