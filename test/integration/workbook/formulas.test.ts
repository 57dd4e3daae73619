// The sheet's native formulas equal src/core for every row: each instrument's total, subscales, bands, safety flag, change and reliable change; GAS weight; priority score and rank.
import type { Emulator } from '../../../emulator';
import { BUILT_IN_INSTRUMENTS } from '../../../src/core/instruments/registry';
import { bandLabel, scoreItems, type ScoreOptions } from '../../../src/core/instruments/score';
import type { InstrumentDefinition } from '../../../src/core/instruments/schema';
import { changesFromFirst, instrumentReliableChange } from '../../../src/core/change';
import { decimalsOf } from '../../../src/sheets/instrument-layout';
import { priorityScore, rankPriorities } from '../../../src/core/priority';
import { turnerStokesWeight } from '../../../src/core/gas';
import { client, fiveGoalPlan, ok, setUp } from '../../../kit/workbook';

/** A small deterministic generator, so failures reproduce. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function settingsRow(em: Emulator, key: string): number {
  const s = em.spreadsheet.getSheetByName('Settings')!;
  const keys = s.getRange(1, 4, s.getLastRow(), 1).getValues().map((r) => r[0]);
  const i = keys.indexOf(key);
  if (i < 0) throw new Error(`no setting ${key}`);
  return i + 1;
}

const OPTIONS: Record<string, ScoreOptions> = { k10: { bandScheme: 'CRUfAD' }, pcl5: { cutoff: 31 }, ors: { atCutoffIsClinical: true } };

function items(def: InstrumentDefinition, r: () => number, missing: number): (number | null)[] {
  const { count, min, max } = def.items;
  const step = def.items.step ?? 1;
  const out: (number | null)[] = Array.from({ length: count }, () => Math.round((min + Math.floor(r() * ((max - min) / step + 1)) * step) * 10) / 10);
  for (let k = 0; k < missing; k++) out[Math.floor(r() * count)] = null;
  return out;
}

describe('formula results equal core', () => {
  const em = setUp();
  for (const d of BUILT_IN_INSTRUMENTS) em.edit('Settings', settingsRow(em, `instrument.${d.id}`), 2, 'TRUE');
  em.edit('Settings', settingsRow(em, 'k10.bandScheme'), 2, 'CRUfAD');
  em.edit('Settings', settingsRow(em, 'pcl5.cutoff'), 2, '31');
  em.edit('Settings', settingsRow(em, 'ors.atCutoffIsClinical'), 2, 'TRUE');
  em.run('setupSpreadsheet');
  const codes = ['C-A1', 'C-B2', 'C-C3'];
  for (const c of codes) ok(em.run('addClient', client(c)));
  const r = rng(20261122);
  // Sessions recorded out of date order for C-B2, so "first" is the earliest date, not the first row.
  const dates = { 'C-A1': ['2026-01-05', '2026-01-12', '2026-01-19', '2026-02-02'], 'C-B2': ['2026-01-20', '2026-01-06', '2026-01-27', '2026-02-03'], 'C-C3': ['2026-01-07', '2026-01-14', '2026-01-21', '2026-01-28'] } as Record<string, string[]>;
  for (let k = 0; k < 4; k++) {
    for (const c of codes) {
      // A blank safety item is saved as the clinician confirmed it (the sheet's formulas score it as core does).
      const measures = BUILT_IN_INSTRUMENTS.map((def) => ({ instrument: def.id, items: items(def, r, k === 2 && c === 'C-C3' ? 1 : k === 3 && c === 'C-C3' ? 2 : 0), confirmUnanswered: true }));
      ok(em.run('recordSession', { clientCode: c, date: dates[c][k], clinician: 'Dr Rivera', attended: true, note: '', ratings: [], measures }));
    }
  }
  // WSAS work item "not applicable", typed by hand.
  em.edit('WSAS', 3, 4, 'N/A');

  test('no formula errors after setup and actions', () => {
    expect(em.formulaErrors()).toEqual([]);
  });

  test.each(BUILT_IN_INSTRUMENTS.map((d) => [d.name, d] as const))('%s: every computed column of every row', (_name, def) => {
    const sheet = em.spreadsheet.getSheetByName(def.name)!;
    const values = sheet.getDataRange().getValues();
    const header = values[0].map(String);
    const at = (h: string) => header.indexOf(h);
    const itemStart = at('Session') + 1;
    const width = def.items.count + (def.extras?.length ?? 0);
    const opts = OPTIONS[def.id] ?? {};
    const rows = values.slice(1);
    expect(rows.length).toBe(12);
    // [core changesFromFirst] over the whole tab: the client's earliest-dated scored row is the first, wherever it sits.
    const changes = def.noTotal ? [] : changesFromFirst(rows.map((row) => ({ client: String(row[0]), day: (row[at('Date')] as Date).getTime(), total: scoreItems(def, row.slice(itemStart, itemStart + width)).total })), decimalsOf(def));
    let checked = 0;
    rows.forEach((row, i) => {
      const itemVals = row.slice(itemStart, itemStart + width).map((v) => (v === '' ? '' : v));
      const score = scoreItems(def, itemVals);
      const expected: Record<string, unknown> = {};
      if (!def.noTotal) expected.Total = score.total ?? '';
      for (const s of def.subscales ?? []) {
        const v = score.subscales[s.id];
        expected[s.name] = v ?? '';
        if (s.bands) expected[`${s.name} band`] = v === null ? '' : bandLabel(def, v, s.id);
      }
      if (!def.noTotal && (def.bandSchemes || def.cutoff)) expected.Band = score.total === null ? '' : bandLabel(def, score.total, undefined, opts);
      if (def.critical?.length) expected['Safety flag'] = score.flags.join('; ');
      if (!def.noTotal) {
        const change = changes[i].change;
        expected['Change from first'] = change ?? '';
        // A first administration (the client's first date) is the baseline: its reliable change is blank.
        if (def.reliableChange?.points !== undefined) expected['Reliable change'] = change === null || changes[i].firstAdministration ? '' : instrumentReliableChange(def, (score.total as number) - change, score.total);
      }
      for (const [h, want] of Object.entries(expected)) {
        const got = row[at(h)];
        expect(at(h)).toBeGreaterThan(0);
        if (typeof want === 'number') {
          expect([def.name, h, typeof got]).toEqual([def.name, h, 'number']);
          expect(got as number).toBeCloseTo(want, 9);
        } else expect([def.name, h, got]).toEqual([def.name, h, want]);
        checked++;
      }
    });
    expect(checked).toBeGreaterThan(12);
  });

  test('the seeded rows cover the interesting cases: prorated, blank, N/A, flags and reliable change both ways', () => {
    const core10 = em.spreadsheet.getSheetByName('CORE-10')!.getDataRange().getValues();
    const totals = core10.slice(1).map((r) => r[core10[0].indexOf('Total')]);
    expect(totals.some((t) => typeof t === 'number' && !Number.isInteger(t))).toBe(true); // one missing item: prorated
    expect(totals).toContain(''); // two missing: no score
    const wsas = em.spreadsheet.getSheetByName('WSAS')!.getDataRange().getValues();
    expect(wsas[2][wsas[0].indexOf('Total')]).toBe('');
    expect(typeof wsas[2][wsas[0].indexOf('4-item total (work N/A)')]).toBe('number');
    const labels = BUILT_IN_INSTRUMENTS.flatMap((d) => {
      const v = em.spreadsheet.getSheetByName(d.name)!.getDataRange().getValues();
      const i = v[0].indexOf('Reliable change');
      return i < 0 ? [] : v.slice(1).map((x) => x[i]);
    });
    expect(new Set(labels)).toEqual(new Set(['Reliable improvement', 'Reliable deterioration', 'No reliable change', '']));
  });
});

describe('GAS weight, priority score and rank equal core', () => {
  const em = setUp();
  ok(em.run('addClient', client('C-0001')));
  ok(em.run('addClient', client('C-0002')));
  const plan = fiveGoalPlan('C-0001') as { goals: Record<string, unknown>[] };
  plan.goals = plan.goals.map((g, i) => ({ ...g, importance: i % 4, difficulty: (i * 2) % 4 }));
  const ids = ok<{ goals: { id: string }[] }>(em.run('savePlan', plan)).goals.map((g) => g.id);
  const other = ok<{ goals: { id: string }[] }>(em.run('savePlan', fiveGoalPlan('C-0002'))).goals.map((g) => g.id);

  test('weight = importance × difficulty on every row', () => {
    const v = em.spreadsheet.getSheetByName('Goals')!.getDataRange().getValues();
    const [imp, dif, w] = ['Importance', 'Difficulty', 'Weight'].map((h) => v[0].indexOf(h));
    for (const row of v.slice(1)) expect(row[w]).toBe(turnerStokesWeight(row[imp], row[dif]));
  });

  test('score and rank per client, DBT tier first, ties in row order', () => {
    const r = rng(7);
    const tiers = ['', 'life-threatening', 'therapy-interfering', 'quality-of-life', 'skills'] as const;
    const make = (goalIds: string[]) => goalIds.map((goalId) => ({ goalId, urgency: 1 + Math.floor(r() * 5), importance: 1 + Math.floor(r() * 5), readiness: 1 + Math.floor(r() * 5), tier: tiers[Math.floor(r() * tiers.length)] }));
    const a = make(ids);
    a[3] = { ...a[1] , goalId: ids[3] }; // an exact tie with an earlier row
    const b = make(other);
    ok(em.run('savePriorities', { clientCode: 'C-0001', items: a }));
    ok(em.run('savePriorities', { clientCode: 'C-0002', items: b }));
    const v = em.spreadsheet.getSheetByName('Priorities')!.getDataRange().getValues();
    const [score, rank] = ['Score', 'Rank'].map((h) => v[0].indexOf(h));
    const sheetA = v.slice(1, 6);
    const sheetB = v.slice(6, 11);
    expect(sheetA.map((x) => x[score])).toEqual(a.map((x) => priorityScore(x.urgency, x.importance, x.readiness)));
    expect(sheetA.map((x) => x[rank])).toEqual(rankPriorities(a));
    expect(sheetB.map((x) => x[rank])).toEqual(rankPriorities(b));
    expect(em.formulaErrors()).toEqual([]);
  });
});
