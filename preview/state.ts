// The preview's state file: opens the saved spreadsheet (or seeds a fresh demo clinic when there is none, on reset, or when the file is unreadable), and saves it atomically, once per burst of changes.
import fs from 'node:fs';
import path from 'node:path';
import { createEmulator, type Emulator, type EmulatorState } from '../emulator';
import { SEED_USER, type SeedProgress } from './seed';
import { seededDemoAsync } from './seed-cache';

export const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

function readState(file: string): EmulatorState | null {
  if (!fs.existsSync(file)) return null;
  return JSON.parse(fs.readFileSync(file, 'utf8')) as EmulatorState;
}

/** Writes through a temporary file and a rename, so a crash mid-write never leaves half a state file. */
function writeAtomic(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

/**
 * The emulated spreadsheet: the saved state, or a freshly seeded demo clinic (`seeded`). Seeding gives way to the event loop
 * after each step and reports it to `progress`, so a server already listening can say how far it has got.
 */
export async function openSpreadsheet(opts: { stateFile: string; distDir: string; reset?: boolean; log: (line: string) => void; progress?: (p: SeedProgress) => void }): Promise<{ emulator: Emulator; seeded: boolean }> {
  const { stateFile, distDir, log } = opts;
  let saved: EmulatorState | null = null;
  if (opts.reset) {
    fs.rmSync(stateFile, { force: true });
  } else {
    try {
      saved = readState(stateFile);
    } catch (e) {
      const aside = `${stateFile}.unreadable-${Date.now()}`;
      fs.renameSync(stateFile, aside);
      log(`Could not read ${stateFile} (${messageOf(e)}); moved it to ${aside} and starting fresh.`);
    }
  }
  if (saved) return { emulator: createEmulator({ distDir, state: saved, user: SEED_USER }), seeded: false };
  return { emulator: (await seededDemoAsync({ distDir, log, progress: opts.progress })).emulator, seeded: true };
}

export interface StateSaver {
  /** Something changed: save shortly (a burst of changes is saved once). */
  changed(): void;
  /** Saves now if anything changed since the last save. */
  save(): void;
}

/**
 * Saves `emulator.exportState()` to the state file. Exporting a whole clinic takes a good part of a second, so it runs
 * only after changes, 150 ms after the first of a burst; a failed write is logged and retried with the next save.
 */
export function stateSaver(stateFile: string, emulator: Emulator, log: (line: string) => void): StateSaver {
  let dirty = false;
  let timer: NodeJS.Timeout | null = null;
  function save(): void {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!dirty) return;
    dirty = false;
    try {
      writeAtomic(stateFile, JSON.stringify(emulator.exportState()));
    } catch (e) {
      dirty = true;
      log(`Could not save ${stateFile}: ${messageOf(e)}`);
    }
  }
  return {
    changed() {
      dirty = true;
      if (!timer) timer = setTimeout(save, 150);
    },
    save,
  };
}
