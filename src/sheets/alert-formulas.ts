// Per-client alert formulas for the hidden helper tab: one row per Clients row, native formulas giving core's alerts (alerts.ts, 'points' method), risk in words and the rank that orders clients, latest measures and GAS.
import { ALERT_ORDER, RISK_WORDS, type AlertKind } from '../core/alerts';
import { reliableThreshold } from '../core/reliable-change';
import { REVIEW_POLICY } from '../core/review-cadence';
import type { InstrumentDefinition } from '../core/instruments/schema';
import { latestRow, ordinalOf, runCount, runTop } from './client-keys';
import { chosenBands, type InstrumentOptions } from './instrument-layout';
import { atThresholdTest, bandIfs, columnLetters, sheetRef, str } from './formulas';

/** How each alert kind reads in the Alerts cell; kinds appear in ALERT_ORDER, safety first. */
export const ALERT_LABELS: Record<AlertKind, string> = {
  safety: 'Safety',
  'reliable-deterioration': 'Reliable deterioration',
  'not-on-track': 'Not on track',
  plateau: 'Plateau',
  'review-overdue': 'Review overdue',
  'measure-overdue': 'Measure overdue',
};

/** Column letters of a source tab by layout key (from its header row at setup). */
export interface SourceTab {
  name: string;
  col: (key: string) => string;
  has: (key: string) => boolean;
}

export interface AlertSources {
  clients: SourceTab;
  sessions: SourceTab;
  /** The Reviews tab (Client, Session, T-score, Change from baseline); a missing tab reads as "no reviews". */
  reviews: SourceTab;
  instruments: { def: InstrumentDefinition; options: InstrumentOptions; tab: SourceTab }[];
  /** The Tasks tab when the workbook has one (tasks between sessions); without it there is no completion column. */
  tasks?: SourceTab;
  /** Absolute references to the Settings value cells, so a changed setting applies at once. */
  settings: { reviewEvery: string; notOnTrack: string; plateau: string; measureOverdue: string };
  /** The clinician selector cell (blank = all). */
  selector: string;
}

export interface HelperColumn {
  key: string;
  header: string;
  /** Shown on the Supervision tab, in this order. */
  display?: boolean;
  format?: string;
  formula: string;
}

/** A sheet-qualified whole column: 'PHQ-9'!$F:$F. */
export function colRef(tab: SourceTab, key: string): string {
  return `${sheetRef(tab.name)}!$${tab.col(key)}:$${tab.col(key)}`;
}

/** [core isClinical] with the clinic's cut-off and boundary choice. */
function clinical(def: InstrumentDefinition, opts: InstrumentOptions, x: string): string {
  const cut = def.cutoff!;
  const v = opts.cutoff ?? cut.value;
  const at = opts.atCutoffIsClinical ?? cut.atCutoffIsClinical;
  return atThresholdTest(x, def.direction === 'higher-is-worse' ? (at ? '>=' : '>') : at ? '<=' : '<', v);
}

/** [core bandLabel] of a total: the chosen band scheme, else the cut-off labels; null when the instrument has neither. */
function band(def: InstrumentDefinition, opts: InstrumentOptions, x: string): string | null {
  const bands = chosenBands(def, opts.bandScheme);
  if (bands) return bandIfs(x, bands);
  if (def.cutoff) return `IF(${clinical(def, opts, x)},${str(def.cutoff.clinicalLabel)},${str(def.cutoff.nonClinicalLabel)})`;
  return null;
}

/**
 * The helper tab's columns for one row (`row`): display columns first (client … risk), then the working columns they use.
 * Each formula is core's rule in native functions (ALERT_ORDER, riskRank, changeCategory, reviewCadence, measuredWithin).
 */
export function helperColumns(src: AlertSources, row: number, capacity: number): HelperColumn[] {
  // Two passes: the first learns every column's position, the second writes formulas naming any column, before or after.
  const at = new Map<string, string>();
  let final = false;
  let keys: string[] = [];
  let cols: HelperColumn[] = [];
  const c = (key: string) => {
    const l = at.get(key);
    if (l === undefined && final) throw new Error(`No helper column ${key}`);
    return `$${l ?? 'A'}${row}`;
  };
  const add = (key: string, header: string, f: () => string, display = false, format?: string) => {
    keys.push(key);
    cols.push({ key, header, display, format, formula: f() });
  };
  const pass = () => {
    keys = [];
    cols = [];
    const A = () => c('client');
    const blank = (expr: string) => `=IF(${A()}="","",${expr})`;
    const { clients: C, sessions: S, reviews: R, settings: set } = src;
    const withTotal = src.instruments.filter((i) => !i.def.noTotal && i.tab.has('total'));
    const thr = (d: InstrumentDefinition) => reliableThreshold(d, 'points');
    const keyed = (tab: SourceTab) => tab.has('keyLive');
    /** [core isLiveRow] A column's value on the client's latest live row of a tab: by its row from the tab's keys (client-keys.ts), else the older lookups. */
    const latest = (tab: SourceTab, key: string) => {
      if (keyed(tab)) return `IF(${c(rowKey(tab))}=0,"",INDEX(${colRef(tab, key)},${c(rowKey(tab))}))`;
      return tab.has('voided') ? `IF(N(${c(voidsKey(tab))})=0,${latestOf(tab, key, A())},${latestLiveOf(tab, key, A())})` : latestOf(tab, key, A());
    };
    const o = () => c('ord');

    // ---- display ----
    add('client', 'Client', () => `=IFERROR(""&INDEX(${colRef(C, 'code')},ROW()),"")`, true);
    add('clinician', 'Clinician', () => blank(`IFERROR(""&INDEX(${colRef(C, 'clinician')},ROW()),"")`), true);
    const attended = S.has('keyAttended') ? colRef(S, 'keyAttended') : null;
    add('sessions', 'Sessions', () => blank(attended ? runCount(attended, o()) : `COUNTIFS(${colRef(S, 'client')},${A()},${colRef(S, 'attended')},TRUE${liveOnly(S)})`), true);
    add('lastDate', 'Last session', () => blank(latest(S, 'date')), true, 'yyyy-mm-dd');
    for (const { def, options, tab } of withTotal) {
      const id = def.id;
      add(`${id}.latest`, `${def.name} latest`, () => `=IF(OR(${A()}="",N(${c(`${id}.n`)})=0),"",IFERROR(${latest(tab, 'total')},""))`, true);
      const b = band(def, options, c(`${id}.latest`));
      if (b) add(`${id}.band`, `${def.name} band`, () => `=IF(${c(`${id}.latest`)}="","",${b})`, true);
      if (def.cutoff && thr(def) !== null) {
        const cl = clinical(def, options, c(`${id}.latest`));
        add(`${id}.category`, `${def.name} change`, () => `=IF(OR(${A()}="",${c(`${id}.n`)}<2),"",IF(${c(`${id}.worse`)},"Deteriorated",IF(${c(`${id}.better`)},IF(${cl},"Improved","Recovered"),IF(${cl},"Unchanged","Non-reliably recovered"))))`, true);
      }
    }
    const ofReview = (key: string) => (keyed(R) ? latest(R, key) : latestOf(R, key, A()));
    add('gasT', 'GAS T-score', () => blank(`IF(${c('lastReview')}=0,"",IFERROR(${ofReview('tScore')},""))`), true, '0.0');
    add('gasChange', 'GAS change', () => blank(`IF(${c('lastReview')}=0,"",IFERROR(${ofReview('change')},""))`), true, '0.0');
    add('alerts', 'Alerts', () => blank(`TEXTJOIN("; ",TRUE,${alertParts().join(',')})`), true);
    add('review', 'Review', () => blank(`IF(${c('reviewOverdue')},"Overdue",IF(${c('since')}>=${set.reviewEvery},"Due","At session "&(${c('lastReview')}+${set.reviewEvery})))`), true);
    // [core riskWord] the most urgent kind in words; the number that orders clients stays in the working column riskRank.
    add('risk', 'Risk', () => blank(`IF(${c('unreadable')},NA(),${ALERT_ORDER.map((k) => `IF(${kindAny(k)},${str(RISK_WORDS[k])},`).join('')}${str(RISK_WORDS.none)}${')'.repeat(ALERT_ORDER.length)})`), true);

    // ---- working columns ----
    const statusCell = `INDEX(${colRef(C, 'status')},ROW())`;
    // [core riskRank] lower is more at risk: 2^n − 1 less one bit per kind present, safety the highest bit.
    // A client whose figures cannot be read (a blocked key column: #N/A) ranks 0, first in Supervision, its Risk showing the error.
    add('riskRank', 'Risk rank', () => blank(`IF(${c('unreadable')},0,IFERROR(${2 ** ALERT_ORDER.length - 1}${ALERT_ORDER.map((k, i) => `-${2 ** (ALERT_ORDER.length - 1 - i)}*(${kindAny(k)})`).join('')},0))`));
    // Any figure read from a key column is an error while that column's spill is blocked (Check names it; Repair clears it).
    add('unreadable', 'Figures unreadable', () => {
      const read = [c('sessions'), ...[S, R, ...src.instruments.map((i) => i.tab)].filter(keyed).map((t) => c(rowKey(t))), ...withTotal.filter((i) => i.tab.has('keyScored')).map((i) => c(`${i.def.id}.n`))];
      return `=OR(${read.map((x) => `ISERROR(${x})`).join(',')})`;
    });
    add('active', 'Active', () => `=IFERROR(AND(${A()}<>"",${statusCell}<>"paused",${statusCell}<>"discharged"),FALSE)`);
    add('shown', 'Shown', () => `=AND(${c('active')},OR(${src.selector}="",${c('clinician')}=${src.selector}))`);
    add('lastReview', 'Last review session', () => blank(`N(IFERROR(${ofReview('session')},0))`));
    // Session numbers are whole: "after the review" is every key at or above the review's session + 0.5.
    const since = () => (attended ? runCount(attended, o(), `${c('lastReview')}+0.5`) : `COUNTIFS(${colRef(S, 'client')},${A()},${colRef(S, 'attended')},TRUE,${colRef(S, 'session')},">"&${c('lastReview')}${liveOnly(S)})`);
    add('since', 'Attended since review', () => blank(`IF(${c('lastReview')}=0,${c('sessions')},${since()})`));
    // [client-keys.ts] the client's place in the sorted Clients codes (0 for none), and its latest live row of each keyed tab.
    add('ord', 'Client place', () => `=${ordinalOf(A())}`);
    for (const t of [S, R, ...src.instruments.map((i) => i.tab)].filter(keyed)) {
      add(rowKey(t), `${t.name} latest row`, () => blank(latestRow(colRef(t, 'keyLive'), o())));
    }
    // Correct, never erase: each unkeyed tab's voided rows of this client; only a client with some pays for the live-rows lookup.
    for (const t of [S, ...src.instruments.map((i) => i.tab)].filter((x) => x.has('voided') && !keyed(x))) {
      add(voidsKey(t), `${t.name} voided rows`, () => blank(`COUNTIFS(${colRef(t, 'client')},${A()},${colRef(t, 'voided')},"<>")`));
    }
    add('reviewOverdue', 'Review overdue', () => `=AND(${A()}<>"",N(${c('since')})>=${set.reviewEvery}+${REVIEW_POLICY.graceSessions})`);
    for (const { def, tab } of src.instruments) {
      const id = def.id;
      add(`${id}.last`, `${def.name} last session`, () => blank(`N(${latest(tab, 'session')})`));
      if (def.critical?.length && tab.has('flag')) {
        add(`${id}.safety`, `${def.name} safety`, () => blank(`""&${latest(tab, 'flag')}`));
      }
    }
    for (const { def, options, tab } of withTotal) {
      const id = def.id;
      const [cl, se, to] = [colRef(tab, 'client'), colRef(tab, 'session'), colRef(tab, 'total')];
      const scoredKeys = tab.has('keyScored') && tab.has('keyScoredTotal') ? colRef(tab, 'keyScored') : null;
      add(`${id}.n`, `${def.name} scored`, () => blank(scoredKeys ? runCount(scoredKeys, o()) : `COUNTIFS(${cl},${A()},${to},">=0")`));
      // First = latest − the tab's "Change from first" on the latest row.
      add(`${id}.first`, `${def.name} first`, () => `=IF(${c(`${id}.latest`)}="","",IFERROR(${c(`${id}.latest`)}-${latest(tab, 'change')},""))`);
      const t = thr(def);
      if (t === null) continue;
      const [f, l] = [c(`${id}.first`), c(`${id}.latest`)];
      const better = def.direction === 'higher-is-worse' ? `${f}-${l}` : `${l}-${f}`;
      // [core reliableChangeByPoints] at the threshold precision: first = latest − change carries binary noise.
      // AND evaluates every argument: a latest row without a total ("") would make the difference #VALUE!, so it reads as not reliable.
      add(`${id}.better`, `${def.name} reliably better`, () => `=IFERROR(AND(N(${c(`${id}.n`)})>=2,${atThresholdTest(better, '>=', t)}),FALSE)`);
      add(`${id}.worse`, `${def.name} reliably worse`, () => `=IFERROR(AND(N(${c(`${id}.n`)})>=2,${atThresholdTest(`-(${better})`, '>=', t)}),FALSE)`);
      // [core notOnTrack] first and latest both clinical ([S39a] "unchanged"), no reliable change either way.
      const clinicalBoth = def.cutoff ? `,${clinical(def, options, f)},${clinical(def, options, l)}` : '';
      add(`${id}.notOnTrack`, `${def.name} not on track`, () => `=IFERROR(AND(N(${c('sessions')})>=${set.notOnTrack},N(${c(`${id}.n`)})>=2${clinicalBoth},NOT(${c(`${id}.better`)}),NOT(${c(`${id}.worse`)})),FALSE)`);
      const latestClinical = def.cutoff ? `,${clinical(def, options, l)}` : '';
      if (scoredKeys) {
        // [core plateau] the last M scored administrations: the M places below the client's run top in "Order: scored totals" (M ≤ PLATEAU_MAX).
        add(`${id}.window`, `${def.name} scored run top`, () => blank(runTop(scoredKeys, o())));
        const totals = colRef(tab, 'keyScoredTotal');
        const win = () => Array.from({ length: PLATEAU_MAX }, (_, i) => `INDEX(${totals},${c(`${id}.window`)}+${i === 0 ? '1' : `MIN(${i},${set.plateau}-1)+1`})`).join(',');
        add(`${id}.plateau`, `${def.name} plateau`, () => `=IF(N(${c(`${id}.n`)})<${set.plateau},FALSE,AND(TRUE${latestClinical},${atThresholdTest(`MAX(${win()})-MIN(${win()})`, '<', t)}))`);
      } else {
        add(`${id}.window`, `${def.name} plateau window start`, () => `=IF(N(${c(`${id}.n`)})<${set.plateau},"",IFERROR(LARGE(FILTER(${se},${cl}=${A()},ISNUMBER(${to}),${se}>=1),${set.plateau}),""))`);
        const inWindow = `${cl},${A()},${to},">=0",${se},">="&${c(`${id}.window`)}`;
        add(`${id}.plateau`, `${def.name} plateau`, () => `=IF(${c(`${id}.window`)}="",FALSE,AND(TRUE${latestClinical},${atThresholdTest(`MAXIFS(${to},${inWindow})-MINIFS(${to},${inWindow})`, '<', t)}))`);
      }
    }
    // Ordering: risk key, then the client code's place in the sorted codes, then the row (core orders by risk; ties by code).
    const span = (key: string) => `$${at.get(key)}$2:$${at.get(key)}$${capacity + 1}`;
    add('sorted', 'Codes sorted', () => (row === 2 ? `=ARRAYFORMULA(IFERROR(SORT(FILTER(${span('client')},${span('client')}<>"")),""))` : ''));
    add('order', 'Order key', () => `=IF(${c('shown')},${c('riskRank')}*10000000000+IFERROR(MATCH(${A()},${span('sorted')},0),0)*100000+ROW(),"")`);
    add('pos', 'Position', () => `=IF(${c('order')}="","",COUNTIFS(${span('order')},"<"&${c('order')})+1)`);
    const lasts = () => src.instruments.map((i) => `N(${c(`${i.def.id}.last`)})`).join(',') || '0';
    add('measured', 'Measured recently', () => `=AND(${A()}<>"",MAX(${lasts()})>0,MAX(${lasts()})>N(${c('sessions')})-${set.measureOverdue})`);
    add('measureOverdue', 'Measure overdue', () => `=AND(${A()}<>"",N(${c('sessions')})>=${set.measureOverdue},MAX(${lasts()})<=N(${c('sessions')})-${set.measureOverdue})`);
    const cats = withTotal.filter((i) => at.has(`${i.def.id}.category`)).map((i) => c(`${i.def.id}.category`));
    add('hasCategory', 'Has change category', () => (cats.length ? `=OR(${cats.map((x) => `${x}<>""`).join(',')})` : '=FALSE'));
    add('improved', 'Reliably improved', () => (cats.length ? `=AND(${c('hasCategory')},OR(${cats.map((x) => `${x}="Recovered",${x}="Improved"`).join(',')}),${cats.map((x) => `${x}<>"Deteriorated"`).join(',')})` : '=FALSE'));

    /** Per kind: the instruments (or the client) it applies to, as boolean cells, in input order. */
    function kindCells(k: AlertKind): { cell: string; name?: string; text?: boolean }[] {
      const per = (suffix: string) => withTotal.filter((i) => at.has(`${i.def.id}.${suffix}`)).map((i) => ({ cell: c(`${i.def.id}.${suffix}`), name: i.def.name }));
      switch (k) {
        case 'safety':
          return src.instruments.filter((i) => at.has(`${i.def.id}.safety`)).map((i) => ({ cell: c(`${i.def.id}.safety`), text: true }));
        case 'reliable-deterioration':
          return per('worse');
        case 'not-on-track':
          return per('notOnTrack');
        case 'plateau':
          return per('plateau');
        case 'review-overdue':
          return [{ cell: c('reviewOverdue') }];
        case 'measure-overdue':
          return [{ cell: c('measureOverdue') }];
      }
    }
    function kindAny(k: AlertKind): string {
      const cells = kindCells(k).map((x) => (x.text ? `${x.cell}<>""` : x.cell));
      return cells.length ? `OR(${cells.join(',')})` : 'FALSE';
    }
    function alertParts(): string[] {
      return ALERT_ORDER.flatMap((k) =>
        kindCells(k).map((x) => {
          const label = str(`${ALERT_LABELS[k]}: `);
          if (x.text) return `IF(${x.cell}<>"",${label}&${x.cell},"")`;
          return `IF(${x.cell},${str(ALERT_LABELS[k] + (x.name ? `: ${x.name}` : ''))},"")`;
        }),
      );
    }


    // [core tasks.ts taskCompletion] live tasks set since the last review (at or after its session): done ÷ (done + partly + not done).
    // Last of all, so every other column keeps its place whether the workbook has a Tasks tab or not (alerts-read finds them by position).
    const T = src.tasks;
    if (T && ['client', 'outcome', 'setSession'].every((k) => T.has(k))) {
      const count = (word: string) => `COUNTIFS(${colRef(T, 'client')},${A()},${colRef(T, 'outcome')},${str(word)},${colRef(T, 'setSession')},">="&${c('lastReview')}${liveOnly(T)})`;
      add('tasks', 'Task completion', () => blank(`IF(N(${c('tasks.reviewed')})=0,"",${c('tasks.done')}/${c('tasks.reviewed')})`), true, '0%');
      add('tasks.done', 'Tasks done since review', () => blank(count('done')));
      add('tasks.reviewed', 'Tasks reviewed since review', () => blank(`${c('tasks.done')}+${count('partly')}+${count('not done')}`));
    }
  };
  pass();
  keys.forEach((k, i) => at.set(k, columnLetters(i + 1)));
  final = true;
  pass();
  return cols;
}

/** [core isLiveRow] The extra COUNTIFS criteria "Voided is blank" for a tab that has the column, so counts skip voided rows; nothing for a tab without it. */
export function liveOnly(tab: SourceTab): string {
  return tab.has('voided') ? `,${colRef(tab, 'voided')},""` : '';
}

const voidsKey = (tab: SourceTab) => `voided:${tab.name}`;
const rowKey = (tab: SourceTab) => `row:${tab.name}`;

/** The widest plateau window the sheet reads (Settings allows 2–12; core takes up to 20). */
export const PLATEAU_MAX = 20;

/** A column's value on the client's latest live row (Voided blank): the client's live rows filtered, the last taken; "" when none. */
function latestLiveOf(tab: SourceTab, key: string, client: string): string {
  const [cl, vo] = [colRef(tab, 'client'), colRef(tab, 'voided')];
  return `IFERROR(INDEX(FILTER(${colRef(tab, key)},${cl}=${client},${vo}=""),COUNTIFS(${cl},${client},${vo},"")),"")`;
}

/**
 * A column's value on the client's latest row of a tab (rows are appended in session order, so the last row is the latest
 * administration); XLOOKUP from the bottom stops at the first hit, far cheaper than MAXIFS over the whole tab.
 */
function latestOf(tab: SourceTab, key: string, client: string): string {
  return `XLOOKUP(${client},${colRef(tab, 'client')},${colRef(tab, key)},"",0,-1)`;
}
