// Value checks of "Check this spreadsheet": computed cells recomputed with core from the row's own inputs (instrument totals, subscales, bands, safety flags; the Goals weight) and compared with what Google's engine shows, and client codes Sheets would misread.
import { bandLabel, scoreItems, type InstrumentScore } from '../../core/instruments/score';
import type { InstrumentDefinition } from '../../core/instruments/schema';
import { turnerStokesWeight } from '../../core/gas';
import { sheetsWouldCoerce } from '../../core/sheets-literal';
import type { InstrumentOptions } from '../instrument-layout';
import { cellOf, dataRows, isBlankCell, type TabBlock } from './block';
import { optionVariants } from './layout';
import { columnText, shown, type Problem } from './problems';

/** What the value checks of a tab compared, and the mismatches. */
export interface ValueCheck {
  compared: number;
  problems: Problem[];
}

/** Sheet value against core's: blanks alike, numbers within rounding, text exactly (Sheets compares text case-insensitively, Attain's bands do not). */
function same(sheet: unknown, expected: number | string | null): boolean {
  if (expected === null || expected === '') return isBlankCell(sheet);
  if (typeof expected === 'number') return typeof sheet === 'number' && Math.abs(sheet - expected) < 1e-9 * Math.max(1, Math.abs(expected));
  return typeof sheet === 'string' && sheet === expected;
}

function mismatch(block: TabBlock, key: string, row: number, sheet: unknown, expected: number | string | null, why = ''): Problem {
  const c = block.layout.columns.find((x) => x.key === key)!;
  return {
    area: 'values',
    tab: block.layout.name,
    where: `${columnText(c.header, block.cols.get(key) as number)}, row ${row}`,
    problem: `Expected ${shown(expected)} (recomputed from the row's inputs${why}); the sheet shows ${shown(sheet)}.`,
    fix: 'If a value was typed over the formula, copy the formula down. If the formula is intact, tell the Attain maintainers: Sheets and Attain disagree.',
  };
}

/** Totals, subscales, bands and the safety flag of every scored row of an instrument tab. */
export function instrumentValues(block: TabBlock, def: InstrumentDefinition, options: InstrumentOptions): ValueCheck {
  const out: Problem[] = [];
  let compared = 0;
  const itemKeys = Array.from({ length: def.items.count }, (_, i) => `item${i + 1}`);
  const extraKeys = (def.extras ?? []).map((e) => `extra:${e.id}`);
  if (!itemKeys.every((k) => block.cols.has(k))) return { compared, problems: out };
  const check = (key: string, i: number, expected: number | string | null, why = '') => {
    if (!block.cols.has(key)) return;
    compared++;
    const sheet = cellOf(block, i, key);
    if (!same(sheet, expected)) out.push(mismatch(block, key, i + 2, sheet, expected, why));
  };
  for (const i of dataRows(block)) {
    const items = itemKeys.map((k) => cellOf(block, i, k));
    const extras = extraKeys.every((k) => block.cols.has(k)) ? extraKeys.map((k) => cellOf(block, i, k)) : [];
    let score: InstrumentScore;
    try {
      score = scoreItems(def, [...items, ...extras]);
    } catch {
      continue; // an answer core cannot read (typed by hand past the validation): nothing to recompute
    }
    if (!def.noTotal) {
      check('total', i, score.total);
      const t = score.total;
      // A row written before a Settings change keeps the band of the choice it was written under.
      if (block.cols.has('band')) {
        if (t !== null && optionVariants(def).some((o) => same(cellOf(block, i, 'band'), bandLabel(def, t, undefined, o)))) compared++;
        else check('band', i, t === null ? '' : bandLabel(def, t, undefined, options), ', Settings band choices');
      }
    }
    for (const s of def.subscales ?? []) {
      const v = score.subscales[s.id] ?? null;
      check(`sub:${s.id}`, i, v);
      if (s.bands) check(`subband:${s.id}`, i, v === null ? '' : bandLabel(def, v, s.id));
    }
    if (def.critical?.length) check('flag', i, score.flags.join('; '));
  }
  return { compared, problems: out };
}

/** The Goals weight (importance × difficulty, core's Turner-Stokes weight) of every goal row with both rated. */
export function weightValues(block: TabBlock): ValueCheck {
  const out: Problem[] = [];
  let compared = 0;
  if (!['importance', 'difficulty', 'weight'].every((k) => block.cols.has(k))) return { compared, problems: out };
  for (const i of dataRows(block)) {
    const imp = cellOf(block, i, 'importance');
    const dif = cellOf(block, i, 'difficulty');
    let expected: number | string;
    if (typeof imp !== 'number' || typeof dif !== 'number') expected = '';
    else {
      try {
        expected = turnerStokesWeight(imp, dif);
      } catch {
        continue; // a rating outside 0–3: the column's validation refuses it when typed; nothing to recompute
      }
    }
    compared++;
    const sheet = cellOf(block, i, 'weight');
    if (!same(sheet, expected)) out.push(mismatch(block, 'weight', i + 2, sheet, expected));
  }
  return { compared, problems: out };
}

/**
 * Client codes Sheets cannot compare as text: a code that reads as a number, date or TRUE/FALSE (typed by hand, or saved
 * before codes needed a letter) is compared as that value in every COUNTIFS and MATCH, so its rows vanish from dashboards.
 */
export function codeValues(block: TabBlock): ValueCheck {
  const out: Problem[] = [];
  const col = block.cols.get('code');
  if (col === undefined) return { compared: 0, problems: out };
  let compared = 0;
  block.values.forEach((r, i) => {
    const v = r[col - 1];
    if (isBlankCell(v)) return;
    compared++;
    const reading = typeof v === 'number' ? { shown: `the number ${v}` } : sheetsWouldCoerce(String(v));
    if (!reading) return;
    out.push({
      area: 'values',
      tab: block.layout.name,
      where: `${columnText('Client code', col)}, row ${i + 2}`,
      problem: `The client code ${shown(v)} reads to Sheets as ${reading.shown}, so formulas compare it as that and this client's rows are missing from the Review, Supervision and measure dashboards.`,
      fix: 'Give the client a code with a letter (for example "C-0142"): change it on Clients and on every row of the client\u2019s other tabs (Edit ▸ Find and replace, "Match entire cell contents").',
    });
  });
  return { compared, problems: out };
}
