// Bench: rows per second of GAS_TSCORE_BYROW (10,000 rows × 5 goals) and MEASURE_SCORE (10,000 PHQ-9 rows) in the built bundle.
import { performance } from 'node:perf_hooks';

type Fn = (...a: unknown[]) => unknown;

const ROWS = 10000;
const RUNS = 7;

/** Deterministic pseudo-random integers (no Math.random, so every run times the same data). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Median rows/s over RUNS timed calls, after one warm-up call. */
function rowsPerSecond(call: () => unknown): number {
  call();
  const rates: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    call();
    const ms = performance.now() - t0;
    rates.push(ROWS / (Math.max(ms, 1e-3) / 1000));
  }
  return Math.round(median(rates));
}

export async function run(report: (name: string, value: number, unit: string) => void, ctx: { dist: Record<string, (...a: unknown[]) => unknown> }): Promise<void> {
  const rnd = lcg(42);
  const levels = Array.from({ length: ROWS }, () => Array.from({ length: 5 }, () => Math.floor(rnd() * 5) - 2));
  const weights = Array.from({ length: ROWS }, () => Array.from({ length: 5 }, () => Math.floor(rnd() * 4) * Math.floor(rnd() * 4)));
  const phq9 = Array.from({ length: ROWS }, () => Array.from({ length: 9 }, () => Math.floor(rnd() * 4)));
  const byRow = ctx.dist.GAS_TSCORE_BYROW as Fn;
  const score = ctx.dist.MEASURE_SCORE as Fn;
  report('gas_tscore_byrow_rows_per_s', rowsPerSecond(() => byRow(levels, weights)), 'rows/s');
  report('measure_score_rows_per_s', rowsPerSecond(() => score('PHQ-9', phq9)), 'rows/s');
}
