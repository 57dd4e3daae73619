// Outcome-measure custom functions: score (total or subscale), band label, critical-item flag.
import { instrumentNamed } from './instruments';
import { bandLabel, compile, criticalFlags, findSet, readRow, scoreSet, type Compiled } from '../../core/instruments/score';
import { show } from '../../core/errors';
import { isBlank } from '../../core/numbers';
import { elementwise, single, toGrid, type Cell, type Out } from './cells';

/** One row per respondent; a single column holding exactly the item count is read as one respondent. */
function respondentRows(c: Compiled, items: unknown): unknown[][] {
  if (!Array.isArray(items)) {
    if (c.count === 1) return [[items]];
    throw new Error(`${c.def.name} expects ${c.count} item values per row; got a single cell (${show(items)})`);
  }
  const g = toGrid(items);
  if (c.count > 1 && g.length === c.count && g[0].length === 1) return [g.map((r) => r[0])];
  return g;
}

/** Scalar for one row, a column for several. */
function perRow(rows: unknown[][], fn: (row: unknown[], rowNo: number | undefined) => Cell): Out {
  if (rows.length === 1) return fn(rows[0], undefined);
  const out: Cell[][] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = [fn(rows[i], i + 1)];
  return out;
}

/**
 * Scores an outcome measure: the total, or a named subscale, one per row.
 * @param {string} instrument Instrument name, e.g. "PHQ-9", "GAD-7", "PCL-5", "K10", "DASS-21", "CORE-10", "WSAS", "ORS", "SRS", "OQ-45", or one on the Instruments tab.
 * @param {number[][]} items Item answers, one respondent per row, items in form order.
 * @param {string} [subscale] Optional subscale or cluster, e.g. "Depression" or "B"; default the total.
 * @return {number} The score; blank when too many items are missing.
 * @customfunction
 */
export function MEASURE_SCORE(instrument: unknown, items: unknown, subscale?: unknown): Out {
  const c = compile(instrumentNamed(single(instrument, 'instrument')));
  const set = findSet(c, single(subscale, 'subscale'));
  const vals: number[] = new Array(c.width);
  return perRow(respondentRows(c, items), (row, rowNo) => {
    readRow(c, row, vals, rowNo);
    const s = scoreSet(c, set, vals);
    return s === null ? '' : s;
  });
}

/**
 * Band label for a score, e.g. "Moderately severe" for a PHQ-9 total of 17.
 * @param {string} instrument Instrument name, e.g. "PHQ-9".
 * @param {number[][]} score Score(s) to label; blank cells stay blank.
 * @param {string} [subscale] Optional subscale, e.g. "Stress" for DASS-21; default the total.
 * @param {string} [scheme] Optional band scheme, e.g. "CRUfAD" for K10 (default "ABS") or "Alternative" for CORE-10.
 * @return {string} The band label, cell by cell.
 * @customfunction
 */
export function MEASURE_BAND(instrument: unknown, score: unknown, subscale?: unknown, scheme?: unknown): Out {
  const def = instrumentNamed(single(instrument, 'instrument'));
  const sub = single(subscale, 'subscale');
  const sch = single(scheme, 'scheme');
  if (!isBlank(sch) && typeof sch !== 'string') throw new Error(`scheme must be a band scheme name; got ${show(sch)}`);
  const options = isBlank(sch) ? {} : { bandScheme: sch as string };
  return elementwise([score], ['score'], (s) => bandLabel(def, s, sub, options));
}

/**
 * Safety message when a critical item is endorsed (PHQ-9 item 9, CORE-10 item 6), whatever the total.
 * @param {string} instrument Instrument name, e.g. "PHQ-9".
 * @param {number[][]} items Item answers, one respondent per row.
 * @return {string} The message, or blank when no critical item is endorsed; one per row.
 * @customfunction
 */
export function MEASURE_FLAG(instrument: unknown, items: unknown): Out {
  const def = instrumentNamed(single(instrument, 'instrument'));
  return perRow(respondentRows(compile(def), items), (row, rowNo) => criticalFlags(def, row, rowNo).join('; '));
}
