// npm start: builds the add-on, then serves Attain on an emulated clinic spreadsheet at http://localhost:8080.
//   npm start -- --reset      forget the saved spreadsheet and seed a fresh demo clinic
//   npm start -- --no-build   serve dist/ as it is (the tests use this; dist/ must exist)
//   PORT=9000 npm start       another port (0 = any free port); ATTAIN_PREVIEW_STATE=file keeps the state elsewhere
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from './build.mjs';
import { importTs } from './lib/run-ts.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = 'Usage: npm start [-- --reset] [-- --no-build]   (env: PORT, ATTAIN_PREVIEW_STATE)';

const args = process.argv.slice(2);
const known = new Set(['--reset', '--no-build', '--help', '-h']);
const unknown = args.filter((a) => !known.has(a));
if (unknown.length) {
  console.error(`Unknown option ${unknown.join(' ')}\n${USAGE}`);
  process.exit(2);
}
if (args.includes('--help') || args.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
const reset = args.includes('--reset');

const portText = process.env.PORT ?? '8080';
const port = Number(portText);
if (!/^\d+$/.test(portText) || port > 65535) {
  console.error(`PORT must be a whole number from 0 to 65535, got "${portText}"`);
  process.exit(2);
}
const stateFile = path.resolve(root, process.env.ATTAIN_PREVIEW_STATE || '.attain-preview.json');

const t0 = performance.now();
// The add-on's build and the preview server's own bundle are independent: make both at once.
const server = importTs('preview/server.ts');
server.catch(() => {}); // reported below, after the build
try {
  if (!args.includes('--no-build')) {
    const { codeBytes, sidebarBytes } = await build();
    console.log(`Built dist/Code.js (${Math.round(codeBytes / 1024)} KB) and dist/Sidebar.html (${Math.round(sidebarBytes / 1024)} KB).`);
  }
} catch (err) {
  console.error(`Build failed: ${err.message}`);
  process.exit(1);
}

let preview;
try {
  const { startPreview } = await server;
  // Listening first: the address answers within seconds, with how far seeding has got until the clinic is ready.
  const listening = (url) => console.log(`Attain preview listening on ${url.replace('127.0.0.1', 'localhost')} (${Math.round(performance.now() - t0)} ms); opening the spreadsheet…`);
  preview = await startPreview({ port, stateFile, reset, root, log: (line) => console.log(line), listenFirst: true, listening });
} catch (err) {
  if (err.code === 'EADDRINUSE') console.error(`Port ${port} is already in use. Try: PORT=${port + 1} npm start`);
  else console.error(`The preview could not start: ${err.stack ?? err.message}`);
  process.exit(1);
}

console.log(
  `\nAttain preview: ${preview.url.replace('127.0.0.1', 'localhost')}  (ready in ${Math.round(performance.now() - t0)} ms)\n` +
    `  ${preview.seeded ? 'Seeded a demo clinic' : 'Loaded the saved spreadsheet'} — ${path.relative(process.cwd(), preview.stateFile) || preview.stateFile}\n` +
    '  Extensions ▸ Attain ▸ Open Attain shows the sidebar. Fresh start: npm start -- --reset. Stop: Ctrl-C.',
);

let stopping = false;
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: saving and stopping the preview…`);
  try {
    await preview.close();
  } finally {
    process.exit(0);
  }
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
