// Bench: what a custom-function cell pays for the bundle's size — compile and run dist/Code.js in a fresh V8 context (no code cache), then answer one GAS_TSCORE; median of 15.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { performance } from 'node:perf_hooks';

const RUNS = 15;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export async function run(report: (name: string, value: number, unit: string) => void, ctx: { root: string }): Promise<void> {
  const code = fs.readFileSync(path.join(ctx.root, 'dist', 'Code.js'), 'utf8');
  const times: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const t0 = performance.now();
    const context = vm.createContext({});
    // A distinct filename per run keeps V8 from reusing an earlier compilation.
    new vm.Script(code, { filename: `Code-${i}.js` }).runInContext(context);
    const t = (context as { GAS_TSCORE: (l: unknown) => number }).GAS_TSCORE([[0, 1, -1, 2, 0]]);
    if (typeof t !== 'number') throw new Error(`GAS_TSCORE answered ${String(t)}`);
    if (i > 0) times.push(performance.now() - t0); // the first run warms Node itself, not the bundle
  }
  report('code_js_cold_load_ms', Math.round(median(times) * 100) / 100, 'ms');
}
