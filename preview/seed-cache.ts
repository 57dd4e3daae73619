// The seeded demo clinic kept on disk: seeding runs every server function through the emulator (half a minute on 2 cores), so a reset, a restart with --reset and each test that needs the demo load the last seeding made from the same code on the same day.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createEmulator, REPO_ROOT, type Emulator, type EmulatorState } from '../emulator';
import { seedEmulator, seedSteps, SEED_TIME_ZONE, SEED_USER, type SeedProgress, type SeedSummary } from './seed';

/** Where seedings are kept; ATTAIN_SEED_CACHE moves it ("off" seeds every time, as the preview_start_ms bench does). */
export function seedCacheDir(): string | null {
  const v = process.env.ATTAIN_SEED_CACHE;
  if (v === 'off') return null;
  return path.resolve(v || path.join(REPO_ROOT, '.cache', 'demo-seed'));
}

/** Every file under `dir` with one of `exts`, sorted (so the key does not depend on the file system's order). */
function filesUnder(dir: string, exts: string[]): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p, exts));
    else if (exts.some((x) => e.name.endsWith(x))) out.push(p);
  }
  return out.sort();
}

/**
 * What a seeding depends on: the bundle seeded (templates and instruments are inside it), the emulator that ran it, the seed's
 * code and data, and the day (Audit rows carry the time of seeding). Any change to one of them seeds again.
 */
export function seedKey(distDir: string): string {
  const h = crypto.createHash('sha256');
  h.update(fs.readFileSync(path.join(distDir, 'Code.js')));
  const manifest = path.join(distDir, 'appsscript.json');
  if (fs.existsSync(manifest)) h.update(fs.readFileSync(manifest));
  for (const f of [...filesUnder(path.join(REPO_ROOT, 'emulator'), ['.ts']), ...filesUnder(path.join(REPO_ROOT, 'preview'), ['.ts'])]) {
    h.update(path.relative(REPO_ROOT, f));
    h.update(fs.readFileSync(f));
  }
  h.update(new Date().toISOString().slice(0, 10));
  return h.digest('hex').slice(0, 24);
}

interface Kept {
  summary: SeedSummary;
  state: EmulatorState;
}

function read(file: string): Kept | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Kept;
  } catch {
    return null; // absent, or half-written by a process that died: seed again
  }
}

/** Writes through a temporary file and a rename, so a reader never sees half a seeding. */
function write(file: string, kept: Kept): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(kept));
    fs.renameSync(tmp, file);
    // A seeding of other code or another day is never opened again: keep only this one (each is over ten megabytes).
    for (const f of fs.readdirSync(path.dirname(file))) if (f.endsWith('.json') && f !== path.basename(file)) fs.rmSync(path.join(path.dirname(file), f), { force: true });
  } catch {
    // A read-only checkout still seeds; it just seeds every time.
  }
}

type Seeded = { emulator: Emulator; summary: SeedSummary; fromCache: boolean };

/**
 * Today's seeding by this code, opened from where it is kept; else an empty emulator to seed, and `finish`, which keeps the
 * seeding and opens it from its state (so the first run behaves exactly as every later one).
 */
function begin(opts: { distDir?: string; log?: (line: string) => void }): { ready: Seeded } | { seeding: Emulator; finish(summary: SeedSummary): Seeded } {
  const distDir = path.resolve(opts.distDir ?? path.join(REPO_ROOT, 'dist'));
  const dir = seedCacheDir();
  const file = dir ? path.join(dir, `${seedKey(distDir)}.json`) : null;
  const kept = file ? read(file) : null;
  if (kept) {
    opts.log?.(`Opening the demo clinic seeded earlier today by this same code (${file}).`);
    return { ready: { emulator: createEmulator({ distDir, state: kept.state, user: SEED_USER }), summary: kept.summary, fromCache: true } };
  }
  opts.log?.('Seeding a demo clinic (fictional clients DEMO-01 …)…');
  const seeding = createEmulator({ distDir, user: SEED_USER, timeZone: SEED_TIME_ZONE });
  return {
    seeding,
    finish: (summary) => {
      const state = seeding.exportState();
      if (file) write(file, { summary, state });
      return { emulator: createEmulator({ distDir, state, user: SEED_USER }), summary, fromCache: false };
    },
  };
}

/**
 * A freshly seeded demo clinic, opened from the state its seeding exported: the one kept when the same code seeded it today,
 * else seeded now through the server functions and kept.
 */
export function seededDemo(opts: { distDir?: string; log?: (line: string) => void } = {}): Seeded {
  const s = begin(opts);
  return 'ready' in s ? s.ready : s.finish(seedEmulator(s.seeding));
}

/**
 * seededDemo, giving way to the event loop after each seeding step (a client, a session) and telling `progress`, so a server
 * that is already listening answers its requests (a "seeding…" page) while the demo is seeded. The same rows as seededDemo.
 */
export async function seededDemoAsync(opts: { distDir?: string; log?: (line: string) => void; progress?: (p: SeedProgress) => void } = {}): Promise<Seeded> {
  const s = begin(opts);
  if ('ready' in s) return s.ready;
  const steps = seedSteps(s.seeding);
  for (;;) {
    const step = steps.next();
    if (step.done) return s.finish(step.value);
    opts.progress?.(step.value);
    await new Promise((r) => setImmediate(r));
  }
}
