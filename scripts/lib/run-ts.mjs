// Runs a TypeScript module under Node: esbuild bundles it (dependencies stay external) into .cache/ and it is required.
import * as esbuild from 'esbuild';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);

/** Bundles `entry` (relative to the repository root) for Node and returns its exports. */
export async function importTs(entry) {
  const outfile = path.join(root, '.cache', 'ts', entry.replace(/[\\/]/g, '__').replace(/\.tsx?$/, '.cjs'));
  await esbuild.build({
    entryPoints: [path.join(root, entry)],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    outfile,
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  delete require.cache[outfile];
  return require(outfile);
}
