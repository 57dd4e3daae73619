// Instrument registry: the built-in definitions, looked up by id, name or alias (case-insensitive, ignoring -, _ and spaces).
import { show } from '../errors';
import { isBlank } from '../numbers';
import { CORE10 } from './core10';
import { DASS21 } from './dass21';
import { GAD7 } from './gad7';
import { K10 } from './k10';
import { OQ45 } from './oq45';
import { ORS } from './ors';
import { PCL5 } from './pcl5';
import { PHQ9 } from './phq9';
import type { InstrumentDefinition } from './schema';
import { SRS } from './srs';
import { WSAS } from './wsas';

export const BUILT_IN_INSTRUMENTS: readonly InstrumentDefinition[] = [PHQ9, GAD7, PCL5, K10, DASS21, CORE10, WSAS, ORS, SRS, OQ45];

/** "PHQ-9", "phq_9" and "Phq 9" all give "phq9". */
export function instrumentKey(name: string): string {
  return name.toLowerCase().replace(/[-_\s]/g, '');
}

export interface Registry {
  find(name: unknown): InstrumentDefinition;
  list(): readonly InstrumentDefinition[];
}

/** A registry over validated definitions; two definitions answering to the same name is an error. */
export function createRegistry(definitions: readonly InstrumentDefinition[]): Registry {
  const byKey = new Map<string, InstrumentDefinition>();
  for (const d of definitions) {
    for (const name of [d.id, d.name, ...d.aliases]) {
      const key = instrumentKey(name);
      const other = byKey.get(key);
      if (other && other !== d) throw new Error(`Instrument name "${name}" of ${d.name} is already used by ${other.name}; expected every name and alias to be unique`);
      byKey.set(key, d);
    }
  }
  return {
    find(name: unknown): InstrumentDefinition {
      const d = typeof name === 'string' ? byKey.get(instrumentKey(name)) : undefined;
      const known = definitions.map((x) => x.name).join(', ');
      if (isBlank(name)) throw new Error(`Instrument name is blank; expected one of ${known}`);
      if (!d) throw new Error(`Unknown instrument ${show(name)}; expected one of ${known}`);
      return d;
    },
    list: () => definitions,
  };
}

let builtIn: Registry | undefined;

/** Looks up a built-in instrument; the index is built on first use, not at load. */
export function findInstrument(name: unknown): InstrumentDefinition {
  builtIn = builtIn ?? createRegistry(BUILT_IN_INSTRUMENTS);
  return builtIn.find(name);
}
