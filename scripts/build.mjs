// Build: dist/Code.js (server IIFE + generated top-level stubs), dist/Sidebar.html (one self-contained file), dist/appsscript.json.
import * as acorn from 'acorn';
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { APP_GLOBAL, readExportedFunctions, generateStubs } = require('./lib/stubs.js');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const rel = (...p) => path.join(root, ...p);

/** Server bundle: one ES2020 classic script, readable (Apps Script has no source maps). */
async function buildServer() {
  const common = {
    entryPoints: [rel('src/server/index.ts')],
    bundle: true,
    target: 'es2020',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    write: false,
    outfile: path.join(dist, 'Code.js'),
    metafile: true,
    logLevel: 'warning',
    legalComments: 'none',
    charset: 'utf8',
  };
  // The iife format reports no exports, so an esm pass reads the entry's export names.
  const esm = await esbuild.build({ ...common, format: 'esm' });
  const exportsOf = Object.values(esm.metafile.outputs)[0].exports;
  // Not minified: Apps Script stack traces name Code.js lines and functions, so names and line breaks stay.
  // Template literals are lowered so that no string spans lines, which makes dropping indentation safe.
  const iife = await esbuild.build({ ...common, format: 'iife', globalName: APP_GLOBAL, minify: false, supported: { 'template-literal': false } });
  const entries = JSON.parse(fs.readFileSync(rel('src/server/entrypoints.json'), 'utf8')).entries;
  const customSources = new Map();
  const fnDir = rel('src/server/functions');
  for (const f of fs.readdirSync(fnDir).filter((n) => n.endsWith('.ts')).sort()) {
    for (const fn of readExportedFunctions(fs.readFileSync(path.join(fnDir, f), 'utf8'))) customSources.set(fn.name, fn);
  }
  const stubs = generateStubs(entries, customSources, exportsOf);
  const header = '// Attain — built by scripts/build.mjs; do not edit.\n';
  return header + dropIndentation(iife.outputFiles[0].text) + '\n' + stubs;
}

/** Removes leading indentation (a fifth of the bytes every custom-function cell loads); refuses if any literal would change. */
export function dropIndentation(code) {
  const out = code.split('\n').map((line) => line.trimStart()).join('\n');
  const literals = (text) => {
    const found = [];
    acorn.parse(text, { ecmaVersion: 2020, sourceType: 'script', onToken: (t) => (t.type.label === 'string' || t.type.label === 'template' || t.type.label === 'regexp' ? found.push(String(t.value && t.value.pattern !== undefined ? t.value.pattern : t.value)) : undefined) });
    return found;
  };
  const before = literals(code);
  const after = literals(out);
  if (before.length !== after.length || before.some((v, i) => v !== after[i])) throw new Error('Dropping indentation would change a string literal in Code.js; keep the indented bundle');
  return out;
}

/** Sidebar: esbuild bundles JS and CSS, both inlined into one HTML file served by HtmlService.createHtmlOutputFromFile. */
async function buildSidebar() {
  const out = await esbuild.build({
    entryPoints: [rel('sidebar/main.tsx')],
    bundle: true,
    format: 'iife',
    target: 'es2019',
    minify: true,
    write: false,
    outdir: path.join(dist, 'sidebar-tmp'),
    jsx: 'automatic',
    jsxImportSource: 'preact',
    // HtmlService mangles template literals that contain // or /* (enuchi#157), so lower them.
    supported: { 'template-literal': false },
    loader: { '.css': 'css' },
    logLevel: 'warning',
    legalComments: 'none',
    charset: 'utf8',
  });
  const js = out.outputFiles.find((f) => f.path.endsWith('.js')).text.replace(/<\/script/gi, '<\\/script');
  const css = (out.outputFiles.find((f) => f.path.endsWith('.css'))?.text ?? '').replace(/<\/style/gi, '<\\/style');
  const template = fs.readFileSync(rel('sidebar/index.html'), 'utf8');
  // Function replacements keep any `$` in the bundle literal.
  const html = template.replace('<!--INLINE_CSS-->', () => `<style>${css}</style>`).replace('<!--INLINE_JS-->', () => `<script>${js}</script>`);
  if (html.includes('<?')) throw new Error('Sidebar.html contains "<?", which HtmlService would read as a scriptlet');
  return html;
}

export async function build() {
  const [code, sidebar] = await Promise.all([buildServer(), buildSidebar()]);
  fs.rmSync(dist, { recursive: true, force: true });
  fs.mkdirSync(dist, { recursive: true });
  fs.writeFileSync(path.join(dist, 'Code.js'), code);
  fs.writeFileSync(path.join(dist, 'Sidebar.html'), sidebar);
  fs.copyFileSync(rel('appsscript.json'), path.join(dist, 'appsscript.json'));
  return { codeBytes: Buffer.byteLength(code), sidebarBytes: Buffer.byteLength(sidebar) };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  build().then(
    ({ codeBytes, sidebarBytes }) => console.log(`built dist/Code.js (${codeBytes} B), dist/Sidebar.html (${sidebarBytes} B), dist/appsscript.json`),
    (err) => {
      console.error(err.message);
      process.exit(1);
    },
  );
}
