// Build: dist/Code.js (server IIFE + generated top-level stubs), dist/Sidebar.html (one self-contained file), dist/SidebarScreens.html (the screens part, read by getSidebarScreens), dist/Templates.html (the template library, read by getTemplate), dist/appsscript.json.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { APP_GLOBAL, readExportedFunctions, generateStubs } = require('./lib/stubs.js');
const { compactLines } = require('./lib/compact.js');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const rel = (...p) => path.join(root, ...p);

/**
 * Resolves a library to a minified copy of itself: our own code stays readable for stack traces, while a vendored
 * validator's 50 KB of source would otherwise be loaded by every custom-function cell.
 */
function vendorMinified(spec) {
  const filter = new RegExp(`^${spec.replace(/[/]/g, '\\/')}$`);
  return {
    name: 'vendor-minified',
    setup(b) {
      b.onResolve({ filter }, () => ({ path: spec, namespace: 'vendor-minified' }));
      b.onLoad({ filter: /.*/, namespace: 'vendor-minified' }, async () => {
        // Only what src/ uses (as z.name), so the minified copy keeps esbuild's tree-shaking.
        const used = new Set();
        for (const file of listFiles(rel('src'))) for (const m of fs.readFileSync(file, 'utf8').matchAll(/\bz\.([A-Za-z_$][\w$]*)/g)) used.add(m[1]);
        const exported = Object.keys(await import(spec));
        // `core` is a namespace of every internal (used only in types); taking it would take all of zod.
        const names = [...used].filter((n) => exported.includes(n) && n !== 'core').sort();
        const r = await esbuild.build({ stdin: { contents: `export { ${names.join(', ')} } from '${spec}';`, resolveDir: root }, bundle: true, format: 'esm', target: 'es2020', platform: 'neutral', mainFields: ['module', 'main'], minify: true, write: false, legalComments: 'none' });
        return { contents: r.outputFiles[0].text, loader: 'js' };
      });
    },
  };
}

/** templates/: the index's ids with each file's JSON, read once per build. */
function readTemplates() {
  const ids = JSON.parse(fs.readFileSync(rel('templates/index.json'), 'utf8')).templates;
  return ids.map((id) => ({ id, json: JSON.parse(fs.readFileSync(rel('templates', `${id}.json`), 'utf8')) }));
}

/**
 * In Code.js, core's template library is replaced by src/server/template-store.ts: the list (id, title, description) is
 * defined into the bundle and each template is read from dist/Templates.html when handed over (getTemplate), so the ~50 KB
 * library adds nothing to what every custom-function cell loads.
 */
const templateStore = {
  name: 'template-store',
  setup(b) {
    b.onResolve({ filter: /[\\/]template-library$/ }, () => ({ path: rel('src/server/template-store.ts') }));
  },
};

/** dist/Templates.html: every template's JSON by id, behind a comment; "<" escaped so no HTML or scriptlet can appear. */
function templatesHtml(templates) {
  const json = JSON.stringify(Object.fromEntries(templates.map((t) => [t.id, t.json]))).replace(/</g, '\\u003c');
  return `<!-- Attain goal-plan templates: read by getTemplate; do not edit (scripts/build.mjs writes it from templates/). -->\n${json}\n`;
}

function listFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? listFiles(path.join(dir, d.name)) : /\.tsx?$/.test(d.name) ? [path.join(dir, d.name)] : []));
}

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
    plugins: [vendorMinified('zod/mini'), templateStore],
    define: { __ATTAIN_TEMPLATE_LIST__: JSON.stringify(readTemplates().map(({ id, json }) => ({ id, title: String(json.title ?? id), description: String(json.description ?? '') }))) },
  };
  // The iife format reports no exports, so an esm pass reads the entry's export names.
  const esm = await esbuild.build({ ...common, format: 'esm' });
  const exportsOf = Object.values(esm.metafile.outputs)[0].exports;
  // Line breaks and function names stay (Apps Script stack traces name functions: keepNames sets each function's name,
  // which V8 prints); local identifiers are shortened and syntax minified, and compactLines drops indentation, comments
  // and spaces between tokens. Vendored zod is the exception: see vendorMinified.
  const iife = await esbuild.build({ ...common, format: 'iife', globalName: APP_GLOBAL, minify: false, minifySyntax: true, minifyIdentifiers: true, keepNames: true });
  const entries = JSON.parse(fs.readFileSync(rel('src/server/entrypoints.json'), 'utf8')).entries;
  const customSources = new Map();
  const fnDir = rel('src/server/functions');
  for (const f of fs.readdirSync(fnDir).filter((n) => n.endsWith('.ts')).sort()) {
    for (const fn of readExportedFunctions(fs.readFileSync(path.join(fnDir, f), 'utf8'))) customSources.set(fn.name, fn);
  }
  const stubs = generateStubs(entries, customSources, exportsOf);
  const header = '// Attain — built by scripts/build.mjs; do not edit.\n';
  return header + compactLines(iife.outputFiles[0].text) + '\n' + stubs;
}


/** The sidebar's esbuild options, shared by the shell (Sidebar.html) and the screens part (SidebarScreens.html). */
const sidebarOptions = {
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
};

/** The preact modules the shell hands the screens part (sidebar/main.tsx sets window.__attainLib): one preact, one hooks state. */
const sharedLibs = {
  name: 'shared-libs',
  setup(b) {
    b.onResolve({ filter: /^preact(\/hooks|\/jsx-runtime)?$/ }, (a) => ({ path: a.path, namespace: 'shared-libs' }));
    b.onLoad({ filter: /.*/, namespace: 'shared-libs' }, (a) => ({ contents: `module.exports = window.__attainLib[${JSON.stringify(a.path)}];`, loader: 'js' }));
  },
};

const scriptText = (out) => out.outputFiles.find((f) => f.path.endsWith('.js')).text.replace(/<\/script/gi, '<\\/script');

/**
 * Sidebar: the shell (sidebar/main.tsx: the app, the Clients screen and what the first render needs) with its CSS inlined
 * into one HTML file served by HtmlService.createHtmlOutputFromFile; every other screen (sidebar/screens-part.ts) is
 * built apart into SidebarScreens.html, which getSidebarScreens hands over after the first render.
 */
async function buildSidebar() {
  const [out, part] = await Promise.all([
    esbuild.build({ ...sidebarOptions, entryPoints: [rel('sidebar/main.tsx')] }),
    esbuild.build({ ...sidebarOptions, entryPoints: [rel('sidebar/screens-part.ts')], plugins: [sharedLibs] }),
  ]);
  const js = scriptText(out);
  const css = (out.outputFiles.find((f) => f.path.endsWith('.css'))?.text ?? '').replace(/<\/style/gi, '<\\/style');
  if (part.outputFiles.some((f) => f.path.endsWith('.css'))) throw new Error('sidebar/screens-part.ts imports CSS; expected all CSS in sidebar/style.css, imported by sidebar/main.tsx');
  const template = fs.readFileSync(rel('sidebar/index.html'), 'utf8');
  // Function replacements keep any `$` in the bundle literal.
  const html = template.replace('<!--INLINE_CSS-->', () => `<style>${css}</style>`).replace('<!--INLINE_JS-->', () => `<script>${js}</script>`);
  if (html.includes('<?')) throw new Error('Sidebar.html contains "<?", which HtmlService would read as a scriptlet');
  const screens = `<!-- Attain sidebar screens: handed over by getSidebarScreens; do not edit (scripts/build.mjs writes it from sidebar/). -->\n<script>${scriptText(part)}</script>\n`;
  if (screens.includes('<?')) throw new Error('SidebarScreens.html contains "<?", which HtmlService would read as a scriptlet');
  return { html, screens };
}

export async function build() {
  const [code, { html: sidebar, screens }] = await Promise.all([buildServer(), buildSidebar()]);
  fs.rmSync(dist, { recursive: true, force: true });
  fs.mkdirSync(dist, { recursive: true });
  fs.writeFileSync(path.join(dist, 'Code.js'), code);
  fs.writeFileSync(path.join(dist, 'Sidebar.html'), sidebar);
  fs.writeFileSync(path.join(dist, 'SidebarScreens.html'), screens);
  fs.writeFileSync(path.join(dist, 'Templates.html'), templatesHtml(readTemplates()));
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
