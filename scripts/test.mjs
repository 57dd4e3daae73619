// npm test: typecheck, lint, build, then every jest test (unit, contract, integration, browser); ends with "N passed, N failed".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const run = (label, cmd, args) => {
  console.log(`\n▶ ${label}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  return r.status === 0;
};

// Each pre-step that fails counts as one failed check, so a broken build can never report green.
const steps = [
  ['typecheck (server, core, sheets)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']],
  ['typecheck (tests, scripts, emulator, preview, kit)', bin('tsc'), ['--noEmit', '-p', 'test/tsconfig.json']],
  ['typecheck (sidebar)', bin('tsc'), ['--noEmit', '-p', 'sidebar/tsconfig.json']],
  ['lint', bin('eslint'), ['.']],
  ['build', process.execPath, ['scripts/build.mjs']],
];
let stepFailures = 0;
let built = true;
for (const [label, cmd, args] of steps) {
  const ok = run(label, cmd, args);
  if (!ok) stepFailures += 1;
  if (!ok && label === 'build') built = false;
}

const report = path.join(root, '.cache', 'jest-report.json');
fs.mkdirSync(path.dirname(report), { recursive: true });
fs.rmSync(report, { force: true });
let passed = 0;
let failed = stepFailures;
if (built) {
  const extra = process.argv.slice(2);
  run('jest', bin('jest'), ['--ci', '--json', `--outputFile=${report}`, ...extra]);
  if (fs.existsSync(report)) {
    const r = JSON.parse(fs.readFileSync(report, 'utf8'));
    passed += r.numPassedTests;
    // A suite that fails to load has no failed tests of its own, so count it once.
    failed += r.numFailedTests + r.numRuntimeErrorTestSuites;
  } else {
    failed += 1;
  }
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
