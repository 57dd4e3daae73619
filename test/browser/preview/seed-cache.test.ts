// The kept seeding (preview/seed-cache.ts): the demo clinic it opens is the one seeding makes now; a kept file is opened only for the same code, a half-written one is seeded over, and older seedings are removed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createEmulator, type EmulatorState } from '../../../emulator';
import { setUp } from '../../../kit/workbook';
import { seedEmulator, SEED_TIME_ZONE, SEED_USER, type SeedProgress } from '../../../preview/seed';
import { seedCacheDir, seededDemo, seededDemoAsync, seedKey } from '../../../preview/seed-cache';
import { startPreview } from '../../../preview/server';
import { stateDiff } from '../../integration/state-diff';
import { ROOT } from './helpers';

jest.setTimeout(300000); // up to three seedings per test through the emulator, about 35 s each alone on 2 cores

const dist = path.join(ROOT, 'dist');
const saved = process.env.ATTAIN_SEED_CACHE;
const dirs: string[] = [];
const tempDir = (label: string): string => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), `attain-${label}-`));
  dirs.push(d);
  return d;
};

afterEach(() => {
  if (saved === undefined) delete process.env.ATTAIN_SEED_CACHE;
  else process.env.ATTAIN_SEED_CACHE = saved;
});
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** The document less what seeding stamps with the time it ran: the Audit tab's Time column (column A below its header). */
function timeless(s: EmulatorState): EmulatorState {
  return { ...s, sheets: s.sheets.map((sh) => (sh.name === 'Audit' ? { ...sh, cells: sh.cells.filter((c) => !/^A\d+$/.test(c.a1) || c.a1 === 'A1') } : sh)) };
}

test('the kept seeding is, cell for cell, the demo clinic seeding makes now (the Audit times aside)', () => {
  const now = createEmulator({ user: SEED_USER, timeZone: SEED_TIME_ZONE });
  const summary = seedEmulator(now);
  const kept = seededDemo();
  expect(kept.summary).toEqual(summary);
  expect(stateDiff(timeless(now.exportState()), timeless(kept.emulator.exportState()))).toEqual([]);
});

test('a kept file is opened only under the key of the same bundle: one byte of Code.js changed is another key', () => {
  const other = tempDir('dist');
  for (const f of fs.readdirSync(dist)) fs.copyFileSync(path.join(dist, f), path.join(other, f));
  expect(seedKey(other)).toBe(seedKey(dist));
  fs.appendFileSync(path.join(other, 'Code.js'), '\n');
  expect(seedKey(other)).not.toBe(seedKey(dist));
});

test('a kept seeding is opened as it was saved, without seeding', () => {
  const dir = tempDir('kept');
  process.env.ATTAIN_SEED_CACHE = dir;
  const state = setUp().exportState();
  fs.writeFileSync(path.join(dir, `${seedKey(dist)}.json`), JSON.stringify({ summary: { clients: ['KEPT-01'], sessions: 0 }, state }));
  const opened = seededDemo();
  expect(opened.fromCache).toBe(true);
  expect(opened.summary.clients).toEqual(['KEPT-01']);
  expect(stateDiff(state, opened.emulator.exportState())).toEqual([]);
});

test('a half-written kept file is seeded over, and seedings under other keys are removed', () => {
  const dir = tempDir('half');
  process.env.ATTAIN_SEED_CACHE = dir;
  const file = path.join(dir, `${seedKey(dist)}.json`);
  fs.writeFileSync(file, '{"summary":');
  fs.writeFileSync(path.join(dir, 'an-older-key.json'), '{}');
  const seeded = seededDemo();
  expect(seeded.fromCache).toBe(false);
  expect(seeded.summary.clients).toContain('DEMO-01');
  expect(fs.readdirSync(dir)).toEqual([path.basename(file)]);
  expect(JSON.parse(fs.readFileSync(file, 'utf8')).summary).toEqual(seeded.summary);
});

test('ATTAIN_SEED_CACHE: "off" keeps no seeding, a folder keeps them there, unset keeps them in .cache/demo-seed', () => {
  process.env.ATTAIN_SEED_CACHE = 'off';
  expect(seedCacheDir()).toBeNull();
  process.env.ATTAIN_SEED_CACHE = '/tmp/some-seedings';
  expect(seedCacheDir()).toBe('/tmp/some-seedings');
  delete process.env.ATTAIN_SEED_CACHE;
  expect(seedCacheDir()).toBe(path.join(ROOT, '.cache', 'demo-seed'));
});

test('seeding step by step (npm start) makes the same demo clinic as seeding at once, and tells each step', async () => {
  process.env.ATTAIN_SEED_CACHE = tempDir('steps');
  const steps: SeedProgress[] = [];
  const stepwise = await seededDemoAsync({ progress: (p) => steps.push(p) });
  expect(stepwise.fromCache).toBe(false);
  // One step per client (with its plan) and per session; the rest (priorities, a review, a report) ends the seeding.
  expect(steps.map((p) => p.done)).toEqual(steps.map((_, i) => i + 1));
  expect(steps.every((p) => p.of === steps[0].of && p.done < p.of)).toBe(true);
  const atOnce = createEmulator({ user: SEED_USER, timeZone: SEED_TIME_ZONE });
  expect(seedEmulator(atOnce)).toEqual(stepwise.summary);
  expect(stateDiff(timeless(atOnce.exportState()), timeless(stepwise.emulator.exportState()))).toEqual([]);
});

test('npm start listens first: while the demo clinic is seeded the port answers 503 with how far it has got, then the preview', async () => {
  process.env.ATTAIN_SEED_CACHE = tempDir('first');
  const stateFile = path.join(tempDir('state'), 'preview.json');
  const answers: { status: number; text: string }[] = [];
  const poll: { done: Promise<void> | null } = { done: null };
  const preview = await startPreview({
    port: 0,
    stateFile,
    reset: true,
    root: ROOT,
    listenFirst: true,
    listening: (url) => {
      poll.done = (async () => {
        for (;;) {
          const res = await fetch(`${url}/`, { headers: { accept: 'text/html' } });
          answers.push({ status: res.status, text: await res.text() });
          if (res.status === 200) return;
          await new Promise((r) => setTimeout(r, 50));
        }
      })();
    },
  });
  try {
    await poll.done;
    expect(preview.seeded).toBe(true);
    const waiting = answers.filter((a) => a.status === 503);
    expect(waiting.length).toBeGreaterThan(0);
    expect(waiting.some((a) => /Seeding the demo clinic: step \d+ of \d+/.test(a.text))).toBe(true);
    expect(answers[answers.length - 1].status).toBe(200);
  } finally {
    await preview.close();
  }
});
