// Instrument tab columns generated from a registry definition: items, then native formulas for total, subscales, band, safety flag, change and reliable change.
import { liveKeyColumn, scoredKeyColumns } from './client-keys';
import type { Band, InstrumentDefinition } from '../core/instruments/schema';
import { instrumentKey } from '../core/instruments/registry';
import { roundTo } from '../core/numbers';
import type { ReliableChange } from '../core/change';
import { atThresholdTest, bandIfs, rowArgs, str } from './formulas';
import { clientCol, voidedCol, type ColumnSpec, type RowRefs, type Validation } from './columns';

/** The clinic's documented choices (Settings) that change how a band is computed. */
export interface InstrumentOptions {
  bandScheme?: string;
  cutoff?: number;
  atCutoffIsClinical?: boolean;
}

interface SetSpec {
  items: number[];
  multiplier: number;
}

const itemKey = (i: number) => `item${i}`;

/** The computed columns a voided row blanks: total, subscales and safety flag (band, change and reliable change follow from the total). */
export const isVoidGuarded = (key: string): boolean => key === 'total' || key === 'flag' || key.startsWith('sub:');

/** [core isLiveRow] A voided row's formula is blank, so every aggregate over totals and flags ignores it; unchanged on a tab without the Voided column. */
export function voidGuard(formula: string, voidedCell: string): string {
  return `=IF(${voidedCell}<>"","",${formula.replace(/^=/, '')})`;
}
const live = (r: RowRefs, formula: string): string => (r.has?.('voided') ? voidGuard(formula, r.cell('voided')) : formula);

/** Decimal places of the item step (0 for whole-number items), as core rounds totals. */
export function decimalsOf(def: InstrumentDefinition): number {
  const step = def.items.step ?? 1;
  return step === 1 && Number.isInteger(def.items.min) ? 0 : Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
}

/** The score of one set of items with core's missing-item rule, reverse items, multiplier and rounding. */
function setFormula(def: InstrumentDefinition, set: SetSpec, r: RowRefs): string {
  const n = set.items.length;
  const letters = set.items.map((i) => r.col(itemKey(i)));
  const args = rowArgs(letters, r.row);
  const rev = set.items.filter((i) => def.reverse?.includes(i));
  const flip = def.items.min + def.items.max;
  // Reversed item v counts as (min + max − v): SUM(all) − 2·SUM(reversed) + flip·COUNT(reversed).
  const revArgs = rowArgs(rev.map((i) => r.col(itemKey(i))), r.row);
  const sum = rev.length ? `(SUM(${args})-2*SUM(${revArgs})+${flip}*COUNT(${revArgs}))` : `SUM(${args})`;
  const mult = set.multiplier === 1 ? '' : `*${set.multiplier}`;
  const decimals = decimalsOf(def);
  const exact = decimals > 0 ? `ROUND(${sum}${mult},${decimals})` : `${sum}${mult}`;
  const never = set.items.filter((i) => def.missing.never?.includes(i)).map((i) => `ISNUMBER(${r.cell(itemKey(i))})`);
  const maxMissing = def.missing.maxMissing;
  if (maxMissing === 0) return `=IF(COUNT(${args})=${n},${exact},"")`;
  // [core scoreSet] prorated: count × sum ÷ answered, unrounded; a "never" item may not be missing.
  // At least one answer, as core: a set no larger than maxMissing is otherwise 0 ÷ 0.
  const enough = [`COUNT(${args})>=${Math.max(1, n - maxMissing)}`, ...never].join(',');
  return `=IF(AND(${enough}),IF(COUNT(${args})=${n},${exact},${sum}*${n}/COUNT(${args})${mult}),"")`;
}

/** Band of the total (chosen scheme) or, with no bands, the cut-off label with the clinic's boundary rule (core's bandLabel). */
function bandFormula(def: InstrumentDefinition, opts: InstrumentOptions, score: string, bands: readonly Band[] | undefined): string | null {
  if (bands) return `=IF(${score}="","",${bandIfs(score, bands)})`;
  const cut = def.cutoff;
  if (!cut) return null;
  const value = opts.cutoff ?? cut.value;
  const atCut = opts.atCutoffIsClinical ?? cut.atCutoffIsClinical;
  const op = def.direction === 'higher-is-worse' ? (atCut ? '>=' : '>') : atCut ? '<=' : '<';
  return `=IF(${score}="","",IF(${atThresholdTest(score, op, value)},${str(cut.clinicalLabel)},${str(cut.nonClinicalLabel)}))`;
}

/** The band scheme in use: the clinic's choice by id or name, else the first. */
export function chosenBands(def: InstrumentDefinition, scheme?: string): readonly Band[] | undefined {
  if (!def.bandSchemes) return undefined;
  const want = scheme ? instrumentKey(scheme) : '';
  return (def.bandSchemes.find((b) => instrumentKey(b.id) === want || instrumentKey(b.name) === want) ?? def.bandSchemes[0]).bands;
}

/** Every column of an instrument tab, in order. */
export function instrumentColumns(def: InstrumentDefinition, opts: InstrumentOptions = {}): ColumnSpec[] {
  const { count, min, max } = def.items;
  const labels = def.items.labels ?? Array.from({ length: count }, (_, i) => `Item ${i + 1}`);
  const integer = decimalsOf(def) === 0;
  const itemValidation: Validation = integer && max - min <= 10 ? { kind: 'list', values: Array.from({ length: max - min + 1 }, (_, i) => String(min + i)) } : { kind: 'number', min, max };
  const words = def.itemText?.items;
  const cols: ColumnSpec[] = [
    clientCol(),
    { key: 'date', header: 'Date', note: `Date the ${def.name} was completed (yyyy-mm-dd).`, kind: 'date', validation: { kind: 'date' }, width: 100 },
    { key: 'session', header: 'Session', note: 'Session number (see the Sessions tab); blank if outside a session.', kind: 'number', validation: { kind: 'number', min: 1, max: 10000 }, width: 70 },
  ];
  for (let i = 1; i <= count; i++) {
    const na = def.items.notApplicable?.includes(i) ? ' "N/A" is allowed here (counts as missing).' : '';
    const what = words ? `${words[i - 1]}. ` : '';
    cols.push({
      key: itemKey(i),
      header: labels[i - 1],
      note: `${def.name} item ${i}: ${what}${integer ? 'a whole number' : `a number in steps of ${def.items.step}`} from ${min} to ${max}.${na}`,
      kind: 'number',
      // An N/A item takes text too, so its validation warns rather than limiting to numbers.
      validation: na ? undefined : itemValidation,
      width: 60,
    });
  }
  for (const e of def.extras ?? []) {
    cols.push({ key: `extra:${e.id}`, header: e.label, note: `${e.label}: ${e.min}–${e.max}; recorded but never added to the total.`, kind: 'number', validation: { kind: 'list', values: Array.from({ length: e.max - e.min + 1 }, (_, i) => String(e.min + i)) }, width: 90 });
  }
  const all = Array.from({ length: count }, (_, i) => i + 1);
  const missingRule = def.missing.maxMissing === 0 ? 'blank unless every item is answered' : `prorated when up to ${def.missing.maxMissing} item(s) are missing`;
  if (!def.noTotal) {
    cols.push({ key: 'total', header: 'Total', note: `Computed: ${def.name} total (${missingRule}).`, kind: 'formula', width: 70, formula: (r) => live(r, setFormula(def, { items: all, multiplier: 1 }, r)) });
  }
  for (const s of def.subscales ?? []) {
    cols.push({ key: `sub:${s.id}`, header: s.name, note: `Computed: ${s.name} score (items ${s.items.join(', ')}${s.multiplier ? ` × ${s.multiplier}` : ''}).`, kind: 'formula', width: 90, formula: (r) => live(r, setFormula(def, { items: s.items, multiplier: s.multiplier ?? 1 }, r)) });
    if (s.bands) {
      const bands = s.bands;
      cols.push({ key: `subband:${s.id}`, header: `${s.name} band`, note: `Computed: ${s.name} severity band.`, kind: 'formula', width: 110, formula: (r) => bandFormula(def, opts, r.cell(`sub:${s.id}`), bands) as string });
    }
  }
  if (!def.noTotal) {
    const bands = chosenBands(def, opts.bandScheme);
    if (bands || def.cutoff) {
      const how = bands ? 'severity band' : `cut-off ${opts.cutoff ?? def.cutoff!.value} (${def.cutoff!.note})`;
      cols.push({ key: 'band', header: 'Band', note: `Computed: ${def.name} ${how}.`, kind: 'formula', width: 140, formula: (r) => bandFormula(def, opts, r.cell('total'), bands) as string });
    }
  }
  if (def.critical?.length) {
    const crit = def.critical;
    cols.push({
      key: 'flag',
      header: 'Safety flag',
      note: `Computed: a message when ${crit.map((c) => `item ${c.item} is ${c.atLeast} or more`).join(' or ')}, whatever the total. Review risk the same day.`,
      kind: 'formula',
      width: 220,
      formula: (r) => {
        const parts = crit.map((c) => {
          const x = r.cell(itemKey(c.item));
          return `IF(AND(ISNUMBER(${x}),${x}>=${c.atLeast}),${str(c.message)},"")`;
        });
        return live(r, parts.length === 1 ? `=${parts[0]}` : `=TEXTJOIN("; ",TRUE,${parts.join(',')})`);
      },
    });
  }
  if (!def.noTotal) {
    cols.push({
      key: 'change',
      header: 'Change from first',
      note: "Computed: this total minus the total of the client's first administration in this tab (their earliest-dated row; the upper one when two share that date).",
      kind: 'formula',
      width: 90,
      formula: (r) => changeFormula(def, r),
    });
    const points = def.reliableChange?.points;
    if (points !== undefined) {
      const better = def.direction === 'higher-is-worse' ? `-${r0('change')}` : r0('change');
      cols.push({
        key: 'rc',
        header: 'Reliable change',
        note: `Computed: a change of ${roundTo(points, 2)} or more points ${def.direction === 'higher-is-worse' ? 'down' : 'up'} is a reliable improvement, ${roundTo(points, 2)} or more the other way a reliable deterioration; blank on the client's first date (the baseline).`,
        kind: 'formula',
        width: 150,
        formula: (r) => rcFormula(r, better, points),
      });
    }
  }
  cols.push(voidedCol(), sourceCol());
  if (!def.noTotal) cols.push(...orderColumns());
  // The alerts tab's keys (client-keys.ts): its latest row always, its scored rows when the instrument has a total.
  cols.push(liveKeyColumn(), ...(def.noTotal ? [] : scoredKeyColumns()));
  return cols;
}

/**
 * The tab in client order, for "Change from first" without comparing rows with rows (cost near-linear in the tab, not rows × rows):
 * "Order: rows" sorts the tab's rows 2…last (scored rows first, then by client, date and row); "Order: first" gives, at each sorted place,
 * the place where its client's run starts (its earliest-dated scored row); "Order: place" is where each row sits in that order. A row's
 * first administration is then four INDEX lookups away. Added by setup after Source (optional); hidden.
 */
export function orderColumns(): ColumnSpec[] {
  const note = (what: string) => `Working column (hidden): ${what} Attain writes and computes it; do not edit, sort or delete it. Check this spreadsheet repairs it.`;
  return [
    { key: 'orderFirst', header: 'Order: first', note: note('at each place of "Order: rows", the place where that client\'s rows start.'), kind: 'formula', width: 60, optional: true, hidden: true, everyRow: true, formula: orderFirstFormula },
    { key: 'orderRows', header: 'Order: rows', note: note("this tab's rows sorted: scored rows first, then by client, date and row."), kind: 'formula', width: 60, optional: true, hidden: true, spill: orderRowsFormula },
    { key: 'orderPlace', header: 'Order: place', note: note('where each row of this tab sits in "Order: rows".'), kind: 'formula', width: 60, optional: true, hidden: true, spill: orderPlaceFormula },
  ];
}

const whole = (r: RowRefs, key: string) => `$${r.col(key)}:$${r.col(key)}`;
/** The tab has the order columns (setup adds them to an older tab; until then the change columns keep the criteria formulas). */
const hasOrder = (r: RowRefs): boolean => ['orderFirst', 'orderRows', 'orderPlace'].every((k) => r.has?.(k) ?? true);

/** The tab's last row with a client, date or total (rows after it are not sorted, so the spills end where the data does). */
function lastDataRow(r: RowRefs): string {
  return `MAX(IF(LEN(${whole(r, 'client')}&${whole(r, 'date')}&${whole(r, 'total')}),ROW(${whole(r, 'client')}),0))`;
}

/** [core changesFromFirst isScored] 1 on a row with a client, a date and a total of 0 or more, else 0 (as an array over the tab). */
function scoredFlags(r: RowRefs): string {
  const [c, d, t] = ['client', 'date', 'total'].map((k) => whole(r, k));
  return `ISNUMBER(${t})*(${t}>=0)*(${c}<>"")*ISNUMBER(${d})`;
}

/**
 * "Order: rows": row 1, then rows 2…last, scored first, then by client (as text, case-blind), date and row; row 1 shows as the header.
 * Row 1 is sorted in, first, so an empty tab is the header alone and the spill never ends below the data (no wrapper around the spill:
 * an IF or IFERROR outside it would hide its size).
 */
function orderRowsFormula(r: RowRefs): string {
  const rows = `ROW(${whole(r, 'client')})`;
  const keep = `${rows}<=MAX(${lastDataRow(r)},1)`;
  const f = (x: string) => `FILTER(${x},${keep})`;
  const d = whole(r, 'date');
  const sorted = `SORT(${f(rows)},${f(`(${rows}>1)*1`)},TRUE,${f(`1-${scoredFlags(r)}`)},TRUE,${f(`${whole(r, 'client')}&""`)},TRUE,${f(`IF(ISNUMBER(${d}),${d},0)`)},TRUE,${f(rows)},TRUE)`;
  return `=ARRAYFORMULA(IF(${sorted}=1,"Order: rows",${sorted}))`;
}

/** "Order: first" at place p (row p + 1): the row of "Order: rows" where this place's client run starts; an unreadable row above stops the run with an error. */
function orderFirstFormula(r: RowRefs): string {
  const [x, y, c] = [r.col('orderRows'), r.col('orderFirst'), whole(r, 'client')];
  const prev = r.row - 1;
  const same = `IFERROR(INDEX(${c},${x}${r.row})&""=INDEX(${c},${x}${prev})&"",FALSE)`;
  return `=IF(${same},IF(ISNUMBER(${y}${prev}),${y}${prev},NA()),ROW())`;
}

/** "Order: place": at row n (n ≥ 2), the row of "Order: rows" that holds row n; row 1 shows as the header. */
function orderPlaceFormula(r: RowRefs): string {
  const x = whole(r, 'orderRows');
  const keep = `ISNUMBER(${x})+(ROW(${x})=1)`;
  const sorted = `SORT(FILTER(ROW(${x}),${keep}),FILTER(IF(ROW(${x})=1,1,${x}),${keep}),TRUE)`;
  return `=ARRAYFORMULA(IF(${sorted}=1,"Order: place",${sorted}))`;
}

/** [core changesFromFirst] The row of this row's first administration: its client's earliest-dated scored row (four INDEX lookups). */
function firstRowOf(r: RowRefs): string {
  return `INDEX(${whole(r, 'orderRows')},INDEX(${whole(r, 'orderFirst')},INDEX(${whole(r, 'orderPlace')},ROW())))`;
}

/** Where a row came from when not typed at a session: a form response's key (optional: setup appends it after Voided on re-run). */
export const sourceCol = (): ColumnSpec => ({
  key: 'source',
  header: 'Source',
  note: 'Blank for a row recorded at a session or typed by hand. For a row imported from a Google Form: the response it came from ("form:Form Responses 1!7 @ 2026-11-30 10:15:02 C-0142"), so importing again finds it and writes nothing twice. Do not edit.',
  kind: 'text',
  width: 200,
  optional: true,
});

const r0 = (key: string) => `{${key}}`;

const me = (r: RowRefs, key: string) => `$${r.col(key)}${r.row}`;

/** [core changesFromFirst] This total minus the total of the client's first administration; blank on a row that is not scored. */
function changeFormula(def: InstrumentDefinition, r: RowRefs): string {
  if (!hasOrder(r)) return legacyChangeFormula(def, r);
  const decimals = decimalsOf(def);
  const diff = `${me(r, 'total')}-INDEX(${whole(r, 'total')},${firstRowOf(r)})`;
  // A row that is not scored (no client, no date, no total or one below 0) is blank; a text total fails the subtraction, so blank too.
  return `=IF(OR(${me(r, 'total')}="",${me(r, 'client')}="",NOT(ISNUMBER(${me(r, 'date')})),N(${me(r, 'total')})<0),"",IFERROR(${decimals > 0 ? `ROUND(${diff},${decimals})` : diff},""))`;
}

/** [core reliableChangeFromFirst] The change against the points threshold; blank without a change and on or before the first administration's date. */
function rcFormula(r: RowRefs, better: string, points: number): string {
  if (!hasOrder(r)) return legacyRcFormula(r, better, points);
  const c = r.cell('change');
  const b = better.replace(/\{change\}/g, c);
  const firstDate = `INDEX(${whole(r, 'date')},${firstRowOf(r)})`;
  const [up, none, down]: ReliableChange[] = ['Reliable improvement', 'No reliable change', 'Reliable deterioration'];
  return `=IF(${c}="","",IFERROR(IF(${me(r, 'date')}<=${firstDate},"",IF(${atThresholdTest(b, '>=', points)},${str(up)},IF(${atThresholdTest(`-(${b})`, '>=', points)},${str(down)},${str(none)}))),""))`;
}

/** Rows 2…this one of a column, and this row's cell. */
const upTo = (r: RowRefs, key: string) => `$${r.col(key)}$2:$${r.col(key)}${r.row}`;

/** Before setup adds the order columns (an upgraded workbook): the first total among rows 2…this one by criteria, rows × rows. */
function legacyChangeFormula(def: InstrumentDefinition, r: RowRefs): string {
  const [cl, d, t] = ['client', 'date', 'total'].map((k) => upTo(r, k));
  const scored = `${t},">=0"`;
  const firstDate = `MINIFS(${d},${cl},${me(r, 'client')},${scored})`;
  const same = `${cl},${me(r, 'client')},${scored},${d},${firstDate}`;
  // SUMIFS ÷ COUNTIFS rather than AVERAGEIFS, which HyperFormula lacks.
  const first = `SUMIFS(${t},${same})/COUNTIFS(${same})`;
  const decimals = decimalsOf(def);
  const diff = `${me(r, 'total')}-(${first})`;
  // A blank client or a date that is not a date would make the criteria engine-dependent (an empty criterion, a text date): blank instead.
  return `=IF(OR(${me(r, 'total')}="",${me(r, 'client')}="",NOT(ISNUMBER(${me(r, 'date')}))),"",IFERROR(${decimals > 0 ? `ROUND(${diff},${decimals})` : diff},""))`;
}

/** Before setup adds the order columns: reliable change blank when no earlier-dated scored row of the client is above. */
function legacyRcFormula(r: RowRefs, better: string, points: number): string {
  const c = r.cell('change');
  const b = better.replace(/\{change\}/g, c);
  const earlier = `COUNTIFS(${upTo(r, 'client')},${me(r, 'client')},${upTo(r, 'total')},">=0",${upTo(r, 'date')},"<"&${me(r, 'date')})`;
  const [up, none, down]: ReliableChange[] = ['Reliable improvement', 'No reliable change', 'Reliable deterioration'];
  // Nested, not OR: OR evaluates every argument, and a blank client as a criterion is an error in some engines.
  return `=IF(${c}="","",IF(${earlier}=0,"",IF(${atThresholdTest(b, '>=', points)},${str(up)},IF(${atThresholdTest(`-(${b})`, '>=', points)},${str(down)},${str(none)}))))`;
}
