// Platform probes: one list of plain Apps Script checks, each naming the emulator assumption it tests; "Check this spreadsheet" runs them in a temporary hidden tab, and the emulator's tests run the same list against the emulator.
import { codeFinder } from './code-finder';
import { isoToSerial, dateCellToIso, zoneOffsetMs, cellToIso } from './values';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** What a probe may touch: its own row of the temporary tab, the spreadsheet's zone, date formatting and the effective user. */
export interface ProbeEnv {
  /** The temporary tab; probe number n (0-based) uses row n + 1 only. */
  sheet: Sheet;
  timeZone: string;
  /** Utilities.formatDate in Apps Script. */
  formatDate(d: Date, timeZone: string, pattern: string): string;
  /** Session.getEffectiveUser().getEmail(), '' when it throws. */
  effectiveEmail(): string;
}

export interface Probe {
  id: string;
  /** What it tests, in a clinic's words. */
  tests: string;
  /** The emulator behaviour this probe checks against real Sheets. */
  assumption: string;
  /**
   * must-hold: the emulator models what Attain relies on, so a different answer in this spreadsheet is a problem (with `fix`);
   * observe: the emulator models one side on purpose (Attain copes with both), so the answer is recorded, never a problem.
   */
  kind: 'must-hold' | 'observe';
  /** must-hold: the one answer Attain relies on; observe: every answer Attain copes with (anything else fails). */
  expected: readonly string[];
  /** Writes and reads its own row; returns what it observed, as text comparable with `expected`. */
  run(env: ProbeEnv, row: number): string;
  /** What to do when a must-hold probe fails. */
  fix: string;
}

/** Writes "'=1+1" into a cell (plain text, or no format) and says what came back: the apostrophe dropped or kept, or what else. */
function apostropheRoundTrip(env: ProbeEnv, row: number, format: string | null): string {
  const cell = env.sheet.getRange(row, 1);
  if (format) cell.setNumberFormat(format);
  cell.setValue("'=1+1");
  const formula = cell.getFormulas()[0][0];
  const value = cell.getValues()[0][0];
  return formula ? `formula ${formula}` : value === '=1+1' ? 'dropped' : value === "'=1+1" ? 'kept' : `text ${JSON.stringify(value)}`;
}

/** Day serials written to yyyy-mm-dd cells and read back as Attain reads dates (Book.iso: one zone offset per execution). */
function dateRoundTrip(env: ProbeEnv, row: number): string {
  const range = env.sheet.getRange(row, 1, 1, DATES.length);
  range.setNumberFormat('yyyy-mm-dd');
  range.setValues([DATES.map(isoToSerial)]);
  const offset = zoneOffsetMs(env.formatDate(new Date(), env.timeZone, 'Z'));
  return range
    .getValues()[0]
    .map((v) => cellToIso(v, (d) => dateCellToIso(d, offset)) || JSON.stringify(v))
    .join(', ');
}

// Winter, both daylight-saving changes (Europe) and summer.
const DATES = ['2026-01-15', '2026-03-29', '2026-07-15', '2026-10-25'];
const TELL = 'Tell the Attain maintainers the probe and what it observed.';

/** The probes, in the order they run; each uses only its own row (its index + 1) of the temporary tab. */
export const PROBES: readonly Probe[] = [
  {
    id: 'apostrophe-text-cell',
    tests: `"'=1+1" in a plain-text (@) cell: apostrophe dropped or kept`,
    assumption: "emulator/entry.ts apostropheInTextCells: 'keep' (pessimistic) or 'strip'",
    kind: 'observe',
    expected: ['kept', 'dropped'],
    run: (env, row) => apostropheRoundTrip(env, row, '@'),
    fix: TELL,
  },
  {
    id: 'apostrophe-general-cell',
    tests: `"'=1+1" in a cell with no format reads back as the text =1+1`,
    assumption: 'emulator/entry.ts parseEntry: the apostrophe is dropped',
    kind: 'must-hold',
    expected: ['dropped'],
    run: (env, row) => apostropheRoundTrip(env, row, null),
    fix: `Text Attain protects with an apostrophe may show it. ${TELL}`,
  },
  {
    id: 'countif-numeric-text',
    tests: 'COUNTIF over the text "0142" with "0142" (client codes in COUNTIFS)',
    assumption: 'emulator/formulas.ts sheetsCriteria: a numeric criterion never matches text (pessimistic)',
    kind: 'observe',
    expected: ['0', '1'],
    run: (env, row) => {
      env.sheet.getRange(row, 1).setNumberFormat('@').setValue('0142');
      const count = env.sheet.getRange(row, 2).setFormula(`=COUNTIF(A${row},"0142")`);
      return String(count.getValues()[0][0]);
    },
    fix: TELL,
  },
  {
    id: 'date-serial-zone',
    tests: "Date serials read back as the same days in the spreadsheet's zone, across DST changes",
    assumption: "emulator/time.ts: a date cell reads as midnight in the spreadsheet's zone",
    kind: 'must-hold',
    expected: [DATES.join(', ')],
    run: dateRoundTrip,
    fix: `Dates may read a day off in this time zone (File ▸ Settings). ${TELL}`,
  },
  {
    id: 'text-finder-scope',
    tests: "Finding a client code across the spreadsheet (how actions find a client's rows) sees hidden tabs, any case and surrounding spaces, and not longer codes or mentions",
    assumption: 'emulator/text-finder.ts: a spreadsheet-wide TextFinder searches hidden tabs; a whole-cell regular expression is case-blind by default',
    kind: 'must-hold',
    expected: ['A'],
    run: (env, row) => {
      const token = `Attain-probe-TF-${row}-q`;
      env.sheet.getRange(row, 1, 1, 3).setValues([[`  ${token.toUpperCase()} `, `${token.toLowerCase()}0`, `see ${token}`]]);
      const id = env.sheet.getSheetId();
      const hits = codeFinder(env.sheet.getParent(), token)
        .findAll()
        .filter((r) => r.getGridId() === id && r.getRow() === row)
        .map((r) => String.fromCharCode(64 + r.getColumn()));
      return hits.sort().join(', ') || 'none';
    },
    fix: `Actions may miss a client's rows typed with other case or spaces, or on a hidden tab: unhide Attain's tabs. ${TELL}`,
  },
  {
    id: 'settings-mirror',
    tests: "A formula showing cells from elsewhere (the hidden index's copy of Settings) shows a 0, a blank, a ticked and an unticked box as they are",
    assumption: 'emulator/formulas.ts: ARRAYFORMULA(IF(range="","",range)) spills each cell as it is, a blank as "" (src/sheets/index-tab.ts settingsMirrorFormula relies on it)',
    kind: 'must-hold',
    expected: ['0 | "" | true | false'],
    run: (env, row) => {
      env.sheet.getRange(row, 1, 1, 4).setValues([[0, '', true, false]]);
      const block = `A${row}:D${row}`;
      env.sheet.getRange(row, 5).setFormula(`=ARRAYFORMULA(IF(${block}="","",${block}))`);
      return env.sheet
        .getRange(row, 5, 1, 4)
        .getValues()[0]
        .map((v) => JSON.stringify(v))
        .join(' | ');
    },
    fix: `Actions read Settings through the hidden index's copy of it and may misread a 0, a blank or an unticked setting here: clear the formula in row 1 of the "Attain index" tab, right of its last filled column, so actions read the Settings tab itself (Check will list it as missing). ${TELL}`,
  },
  {
    id: 'effective-user-email',
    tests: "The user's email address is available (Audit's User)",
    assumption: 'emulator/scopes.ts: getEffectiveUser needs userinfo.email',
    kind: 'observe',
    expected: ['available', 'not available'],
    run: (env) => (env.effectiveEmail() ? 'available' : 'not available'),
    fix: TELL,
  },
];

/** What one probe answered here. */
export interface ProbeResult {
  id: string;
  tests: string;
  assumption: string;
  kind: 'must-hold' | 'observe';
  expected: string;
  observed: string;
  passed: boolean;
}

/** Runs every probe in `env.sheet` (one row each); a probe that throws is observed as its error. */
export function runProbes(env: ProbeEnv, probes: readonly Probe[] = PROBES): ProbeResult[] {
  return probes.map((p, i) => {
    let observed: string;
    try {
      observed = p.run(env, i + 1);
    } catch (e) {
      observed = `error: ${e instanceof Error ? e.message : String(e)}`;
    }
    return { id: p.id, tests: p.tests, assumption: p.assumption, kind: p.kind, expected: p.expected.join(' or '), observed, passed: p.expected.includes(observed) };
  });
}

/** The temporary tab's name prefix; the check removes its tab, and a tab left by a crashed run is recognisable by it. */
export const PROBE_TAB_PREFIX = 'Attain probe ';
