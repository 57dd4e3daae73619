// The preview page's static assets: its script (client.ts) and the sidebar's google.script.run shim (shim.ts), bundled for the browser by esbuild, and its stylesheet.
import fs from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';

async function bundle(root: string, entry: string): Promise<string> {
  const out = await esbuild.build({
    entryPoints: [path.join(root, 'preview', entry)],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    minify: false,
    write: false,
    logLevel: 'warning',
    legalComments: 'none',
    charset: 'utf8',
  });
  return out.outputFiles[0].text;
}

/** Starts both bundles in esbuild's own process; await the result once the synchronous work in between is done. */
export function bundleScripts(root: string): Promise<{ clientJs: string; shimJs: string }> {
  return Promise.all([bundle(root, 'client.ts'), bundle(root, 'shim.ts')]).then(([clientJs, shimJs]) => ({ clientJs, shimJs }));
}

export function readCss(root: string): string {
  return fs.readFileSync(path.join(root, 'preview', 'preview.css'), 'utf8');
}
