// Value checks of "Check this spreadsheet": computed cells recomputed with core from the rows' own inputs (instrument totals, subscales, bands, safety flags, change from first and reliable change; the Goals weight; Priorities' tier order, score and rank) and compared with what Google's engine shows, and client codes Sheets would misread.
import { bandLabel, scoreItems, type InstrumentScore } from '../../core/instruments/score';
import type { InstrumentDefinition } from '../../core/instruments/schema';
import { turnerStokesWeight } from '../../core/gas';
import { changesFromFirst, reliableChangeFromFirst, type TabTotalRow } from '../../core/change';
import { dbtTierRank, priorityScore, rankPriorities } from '../../core/priority';
import { sheetsWouldCoerce } from '../../core/sheets-literal';
import { isLiveRow } from '../../core/corrections';
import { cellText } from '../values';
import { decimalsOf, type InstrumentOptions } from '../instrument-layout';
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
    // A voided row's computed cells are blank (core's isLiveRow; the formulas' void guard): whatever its items say.
    if (!isLiveRow(cellText(cellOf(block, i, 'voided')))) {
      if (!def.noTotal) check('total', i, null);
      for (const s of def.subscales ?? []) check(`sub:${s.id}`, i, null);
      if (def.critical?.length) check('flag', i, '');
      continue;
    }
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

/**
 * A client cell a COUNTIFS criterion matches as plain text (case-insensitively, nothing else): text with no wildcard, no leading
 * comparison sign, and nothing Sheets reads as a number, date or boolean. Other codes' rows are not compared (codeValues names such codes).
 */
function plainCode(v: unknown): string | null {
  if (typeof v !== 'string' || v === '') return null;
  if (/[*?~]/.test(v) || /^[<>=]/.test(v) || sheetsWouldCoerce(v)) return null;
  return v;
}

/** Prefix of a non-plain code's key: "*" is never in a plain code. */
const OTHER = '*';

/** A date cell as a day number (Apps Script reads date cells as Date); a plain number is a serial. */
function dayOf(v: unknown): number | null {
  if (Object.prototype.toString.call(v) === '[object Date]') {
    const ms = (v as Date).getTime();
    // Days since 1899-12-30 (UTC): only order and equality matter, and every Date shares the scale.
    return isNaN(ms) ? null : ms / 86400000 + 25569;
  }
  return typeof v === 'number' && isFinite(v) ? v : null;
}

/**
 * "Change from first" and "Reliable change" of every data row, recomputed with core (changesFromFirst, reliableChangeFromFirst) from the
 * tab's own client, date and total cells in sheet order, as the formulas read them (the total as the sheet shows it: a typed-over total is
 * named by instrumentValues, not again on every later row).
 */
export function changeValues(block: TabBlock, def: InstrumentDefinition): ValueCheck {
  const out: Problem[] = [];
  let compared = 0;
  if (def.noTotal || !['client', 'date', 'total', 'change'].every((k) => block.cols.has(k))) return { compared, problems: out };
  const rows: TabTotalRow[] = block.values.map((_, i) => {
    const t = cellOf(block, i, 'total');
    const c = cellOf(block, i, 'client');
    // A code the criteria read otherwise never matches a plain code: a key no plain code can take keeps it apart.
    const client = isBlankCell(c) ? '' : (plainCode(c) ?? `${OTHER}${String(c)}`);
    return { client, day: dayOf(cellOf(block, i, 'date')), total: typeof t === 'number' && isFinite(t) ? t : null };
  });
  const changes = changesFromFirst(rows, decimalsOf(def));
  const why = ", against the client's first administration in this tab";
  const check = (key: string, i: number, expected: number | string | null) => {
    compared++;
    const sheet = cellOf(block, i, key);
    if (!same(sheet, expected)) out.push(mismatch(block, key, i + 2, sheet, expected, why));
  };
  for (const i of dataRows(block)) {
    if (rows[i].client.startsWith(OTHER)) continue;
    check('change', i, changes[i].change);
    if (block.cols.has('rc') && def.reliableChange?.points !== undefined) check('rc', i, reliableChangeFromFirst(def, changes[i]));
  }
  return { compared, problems: out };
}

/**
 * Priorities' tier order, score and rank recomputed with core (dbtTierRank, priorityScore, rankPriorities over the client's scored rows in
 * sheet order). A row whose ratings or tier core cannot read (typed past the validation) is not compared, nor are its client's ranks.
 */
export function priorityValues(block: TabBlock): ValueCheck {
  const out: Problem[] = [];
  let compared = 0;
  const keys = ['client', 'urgency', 'importance', 'readiness', 'tier', 'tierOrder', 'score', 'rank'];
  if (!keys.every((k) => block.cols.has(k))) return { compared, problems: out };
  const check = (key: string, i: number, expected: number | string | null, why = '') => {
    compared++;
    const sheet = cellOf(block, i, key);
    if (!same(sheet, expected)) out.push(mismatch(block, key, i + 2, sheet, expected, why));
  };
  const rows = dataRows(block).map((i) => {
    const input = { urgency: cellOf(block, i, 'urgency'), importance: cellOf(block, i, 'importance'), readiness: cellOf(block, i, 'readiness'), tier: cellOf(block, i, 'tier') };
    let tier: number | null = null;
    // undefined: ratings core cannot read (outside 1–5, typed past the validation); null: not all three rated, so blank.
    let score: number | null | undefined = null;
    try {
      tier = dbtTierRank(input.tier);
    } catch {
      // a tier core does not know: nothing to recompute
    }
    if ([input.urgency, input.importance, input.readiness].every((v) => typeof v === 'number')) {
      try {
        score = priorityScore(input.urgency, input.importance, input.readiness);
      } catch {
        score = undefined;
      }
    }
    return { i, input, client: plainCode(cellOf(block, i, 'client'))?.toLowerCase() ?? null, tier, score };
  });
  for (const r of rows) {
    if (r.tier !== null) check('tierOrder', r.i, r.tier);
    if (r.score !== undefined) check('score', r.i, r.score ?? '');
  }
  const byClient = new Map<string, typeof rows>();
  for (const r of rows) if (r.client !== null) byClient.set(r.client, [...(byClient.get(r.client) ?? []), r]);
  for (const goals of byClient.values()) {
    if (goals.some((g) => g.score === undefined || (g.score !== null && g.tier === null))) continue;
    const scored = goals.filter((g) => g.score !== null);
    const ranks = rankPriorities(scored.map((g) => g.input));
    const rankOf = new Map(scored.map((g, k) => [g.i, ranks[k]]));
    for (const g of goals) check('rank', g.i, rankOf.get(g.i) ?? '', ", DBT tier then score within the client's goals, ties in row order");
  }
  return { compared, problems: out };
}
