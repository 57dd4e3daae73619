// The band the sidebar shows while answers are typed is the band the server saves: for every instrument whose band depends on a clinic choice (scheme, cut-off, boundary), under non-default Settings.
import type { Emulator } from '../../../emulator';
import type { Bootstrap, RecordSessionData } from '../../../src/contract';
import { bandNeedsSettings, clinicChoices } from '../../../src/core/instruments/clinic-choices';
import { BUILT_IN_INSTRUMENTS } from '../../../src/core/instruments/registry';
import { scoreItems, type ScoreOptions } from '../../../src/core/instruments/score';
import type { InstrumentDefinition } from '../../../src/core/instruments/schema';
import { client, ok, setUp } from '../../../kit/workbook';
import { previewMeasure } from '../../../sidebar/model/measures';

const CHOOSING = BUILT_IN_INSTRUMENTS.filter(bandNeedsSettings);

/** A clinic choice other than the definition's default, for each choice it allows. */
function nonDefault(def: InstrumentDefinition): { options: ScoreOptions; settings: Record<string, string> } {
  const c = clinicChoices(def);
  const options: ScoreOptions = {};
  const settings: Record<string, string> = {};
  if (c.bandScheme) {
    options.bandScheme = def.bandSchemes![1].name;
    settings[`${def.id}.bandScheme`] = def.bandSchemes![1].name;
  }
  if (c.cutoff) {
    const [lo, hi] = def.cutoff!.range!;
    options.cutoff = def.cutoff!.value === lo ? hi : lo;
    settings[`${def.id}.cutoff`] = String(options.cutoff);
  }
  if (c.atCutoff) {
    options.atCutoffIsClinical = !def.cutoff!.atCutoffIsClinical;
    settings[`${def.id}.atCutoffIsClinical`] = String(options.atCutoffIsClinical).toUpperCase();
  }
  return { options, settings };
}

function settingRow(em: Emulator, key: string): number {
  const s = em.spreadsheet.getSheetByName('Settings')!;
  const keys = s.getRange(1, 4, s.getLastRow(), 1).getValues().map((r) => r[0]);
  const i = keys.indexOf(key);
  if (i < 0) throw new Error(`Expected a setting ${key}; the Settings tab has none`);
  return i + 1;
}

/** Allowed answers of one item. */
function answers(def: InstrumentDefinition): number[] {
  const step = def.items.step ?? 1;
  const n = Math.round((def.items.max - def.items.min) / step);
  return Array.from({ length: n + 1 }, (_, k) => Math.round((def.items.min + k * step) * 10) / 10);
}

/** Items whose total lands on `target` when it can (one greedy pass over the items): boundary totals are where bands disagree. */
function itemsFor(def: InstrumentDefinition, target: number): number[] {
  const items = new Array<number>(def.items.count).fill(def.items.min);
  const total = () => scoreItems(def, items).total ?? 0;
  for (let i = 0; i < items.length; i++) {
    let best = items[i];
    let gap = Infinity;
    for (const v of answers(def)) {
      items[i] = v;
      if (Math.abs(total() - target) < gap) [best, gap] = [v, Math.abs(total() - target)];
    }
    items[i] = best;
  }
  return items;
}

/** Totals worth testing: every band boundary of every scheme, the default and chosen cut-offs, and the scale's ends. */
function targets(def: InstrumentDefinition, options: ScoreOptions): number[] {
  const out = new Set<number>();
  for (const s of def.bandSchemes ?? []) for (const b of s.bands) [b.min - 1, b.min].forEach((t) => out.add(t));
  for (const cut of [def.cutoff?.value, options.cutoff]) if (cut !== undefined) [cut - 1, cut, cut + 1].forEach((t) => out.add(t));
  return [...out];
}

describe('the live band equals the saved band under the clinic settings', () => {
  const em = setUp();
  for (const def of CHOOSING) {
    em.edit('Settings', settingRow(em, `instrument.${def.id}`), 2, 'TRUE');
    for (const [key, value] of Object.entries(nonDefault(def).settings)) em.edit('Settings', settingRow(em, key), 2, value);
  }
  em.run('setupSpreadsheet');
  ok(em.run('addClient', client('C-BAND')));
  const boot = ok<Bootstrap>(em.run('getBootstrap'));

  test('every instrument with a clinic choice is covered', () => {
    expect(CHOOSING.map((d) => d.id).sort()).toEqual(['core10', 'k10', 'oq45', 'ors', 'pcl5', 'srs']);
  });

  test.each(CHOOSING.map((d) => [d.name, d] as const))('%s', (_name, def) => {
    const { options } = nonDefault(def);
    const inst = boot.instruments.find((i) => i.id === def.id)!;
    // The clinic's choices reach the sidebar in the Bootstrap.
    expect(inst.bandOptions).toEqual(expect.objectContaining(options));
    let compared = 0;
    let settingsMattered = 0;
    for (const target of targets(def, options)) {
      const items = itemsFor(def, target);
      const saved = ok<RecordSessionData>(em.run('recordSession', { clientCode: 'C-BAND', confirmSameDate: true, date: '2026-02-02', clinician: 'Dr Rivera', attended: true, note: '', ratings: [], measures: [{ instrument: def.id, items }] }));
      const live = previewMeasure(inst, items.map(String));
      expect({ total: live.total, band: live.band }).toEqual({ total: saved.saved.measures[0].total, band: saved.saved.measures[0].band });
      compared++;
      // Without the clinic's choices the live band would differ here: the settings are really exercised.
      if (previewMeasure({ ...inst, bandOptions: {} }, items.map(String)).band !== live.band) settingsMattered++;
    }
    expect(compared).toBeGreaterThan(2);
    expect(settingsMattered).toBeGreaterThan(0);
  });
});
