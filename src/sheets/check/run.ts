// "Check this spreadsheet" as a whole: layout and value checks over one block read per tab, the platform probes in a temporary hidden tab it removes, a summary with counts, and one Audit row (nothing else is written).
import { BUILT_IN_INSTRUMENTS } from '../../core/instruments/registry';
import type { InstrumentDefinition } from '../../core/instruments/schema';
import type { Book } from '../book';
import type { TabLayout } from '../columns';
import { CLIENTS, FIXED_TABS, GOALS, INSTRUMENTS, instrumentTab, PRIORITIES, SETTINGS } from '../layout';
import type { DefinitionProblem } from '../../core/instruments/clinic-definition';
import { isClinicLayout } from '../clinic-registry';
import { PROTECTION_PROPERTY } from '../protect';
import { REVIEW_TAB } from '../review-dashboard';
import { parseSettings, settingRows } from '../settings';
import { HELPER_TAB, SUPERVISION_TAB } from '../supervision-tab';
import { CODES_TAB } from '../client-keys';
import { LayoutError, sheetsByName } from '../table';
import { PROBE_TAB_PREFIX, PROBES, runProbes, type ProbeResult } from '../probes';
import { readBlock, type TabBlock } from './block';
import { detectFormColumns, FORM_LINKS_KEY, parseFormLinks } from '../../core/form-import';
import { createRegistry } from '../../core/instruments/registry';
import { blocksSetup, indexProblems, missingTab, protectionProblems, settingsProblems, tabProblems, type CellRepair } from './layout';
import type { Problem } from './problems';
import { measureSize, sizeProblems, type SpareColumns } from './size';
import { changeValues, codeValues, instrumentValues, priorityValues, weightValues, type ValueCheck } from './values';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** At most this many problems travel in the reply (the counts include all): a sidebar list of thousands helps nobody. */
export const MAX_LISTED = 200;

export interface CheckOutcome {
  checkedAt: string;
  tabs: number;
  rows: number;
  cellsCompared: number;
  counts: { layout: number; values: number; platform: number };
  problems: Problem[];
  moreProblems: number;
  probes: ProbeResult[];
  summary: string;
  /** What Repair would do about the problems found (counts include problems beyond the listed ones). */
  repair: RepairPlan;
}

/** What Repair would do: how many problems it fixes, the formula cells it rewrites (and in which columns), the validations it re-applies, the typed cells it clears from spill columns, whether it re-runs setup. */
export interface RepairPlan {
  problems: number;
  formulaCells: number;
  formulaColumns: string[];
  validationCells: number;
  clearedCells: number;
  /** Grid cells freed by deleting empty columns at Attain tabs' right edge (size warning only). */
  trimmedCells: number;
  setup: boolean;
}

/** A check's findings before they are reported: the outcome and the cells Repair may rewrite (with the blocks they were read from). */
export interface Inspection {
  outcome: CheckOutcome;
  cells: CellRepair[];
  /** Empty columns Repair deletes: only when the spreadsheet is past the size warning. */
  trim: SpareColumns[];
}

/** Settings as typed values from the Settings block (key and value columns), or the defaults when the tab cannot be read. */
function settingsOf(block: TabBlock | null, instruments: readonly InstrumentDefinition[]) {
  const raw: Record<string, unknown> = {};
  const k = block?.cols.get('key');
  const v = block?.cols.get('value');
  if (block && k !== undefined && v !== undefined) {
    for (const r of block.values) {
      const name = String(r[k - 1] ?? '').trim();
      if (name && !(name in raw)) raw[name] = r[v - 1];
    }
  }
  return parseSettings(raw, instruments);
}

/**
 * Settings ▸ Form links as the import would read them: a part that is not a link, a measure unknown or not in use, a responses tab
 * that is not there, or a header row without a code question or the items (one header read per linked tab). Import refuses the
 * same link with the same words; each response's own problems are the import's to list.
 */
function formLinkProblems(raw: Record<string, unknown>, instruments: readonly InstrumentDefinition[], enabled: readonly string[], sheets: Map<string, Sheet>): Problem[] {
  const { links, problems } = parseFormLinks(raw[FORM_LINKS_KEY]);
  const out: Problem[] = problems.map((p) => ({ area: 'layout', tab: SETTINGS.name, where: 'Form links', problem: `${p}.`, fix: 'Correct the Value of the Form links row in Settings (see its About cell).' }));
  const registry = createRegistry(instruments);
  for (const link of links) {
    const at = (problem: string, fix: string) => out.push({ area: 'layout', tab: SETTINGS.name, where: `Form links: ${link.tab}`, problem, fix });
    let def: InstrumentDefinition;
    try {
      def = registry.find(link.instrument);
    } catch {
      at(`"${link.instrument}" is not a measure Attain knows.`, 'Correct the measure\'s name in Settings ▸ Form links (a built-in such as PHQ-9, or a row of the Instruments tab).');
      continue;
    }
    if (!enabled.includes(def.id)) at(`${def.name} is not in use, so its responses cannot be imported.`, `Tick "Use ${def.name}" in Settings, then run Extensions ▸ Attain ▸ Set up this spreadsheet.`);
    const sheet = sheets.get(link.tab.toLowerCase());
    if (!sheet) {
      at(`Expected a tab named "${link.tab}" (the form's responses tab); there is none.`, 'In the form, Responses ▸ Link to Sheets ▸ this spreadsheet, then put the tab\'s exact name in Form links.');
      continue;
    }
    const found = detectFormColumns(sheet.getRange('1:1').getValues()[0], def, link);
    if (!found.ok) at(found.problem.replace(/\.?$/, '.'), 'Correct the form (or the link), then check again.');
  }
  return out;
}

/** A clinic definition's problem as the check lists it: the row and column to correct; the row is not used until then. */
function definitionProblem(p: DefinitionProblem): Problem {
  return { area: 'values', tab: INSTRUMENTS.name, where: `row ${p.row}, column ${p.field}`, problem: `${p.message[0].toUpperCase()}${p.message.slice(1)}. This instrument is not used until it is corrected; everything else works as before.`, fix: `Correct the ${p.field} cell on row ${p.row} of the ${INSTRUMENTS.name} tab (see its header note), then run Extensions ▸ Attain ▸ Set up this spreadsheet.` };
}

/** Runs the probes in a new hidden tab at the end, then removes it and gives the person's view back its tab (even when a probe throws). */
function probeInTemporaryTab(book: Book): ProbeResult[] {
  const ss = book.ss;
  const active = ss.getActiveSheet();
  const sheet: Sheet = ss.insertSheet(`${PROBE_TAB_PREFIX}${Utilities.getUuid().slice(0, 8)}`, ss.getSheets().length);
  try {
    sheet.hideSheet();
    return runProbes({
      sheet,
      timeZone: book.timeZone(),
      formatDate: (d, tz, p) => Utilities.formatDate(d, tz, p),
      effectiveEmail: () => {
        try {
          return Session.getEffectiveUser().getEmail();
        } catch {
          return ''; // without the userinfo.email scope the address is not available
        }
      },
    });
  } finally {
    ss.deleteSheet(sheet);
    if (active) ss.setActiveSheet(active);
  }
}

/** The one-line summary shown in the sidebar, the menu's alert and the Audit row. */
export function summaryLine(o: Pick<CheckOutcome, 'tabs' | 'rows' | 'cellsCompared' | 'counts' | 'probes'>): string {
  const { layout, values, platform } = o.counts;
  const seen = o.probes.filter((p) => p.kind === 'observe').map((p) => `${p.id} ${p.observed}`);
  return `${layout + values + platform || 'No'} problem(s): layout ${layout}, values ${values}, platform ${platform}. Checked ${o.tabs} tabs, ${o.rows} rows, ${o.cellsCompared} computed cells, ${o.probes.length} probes (${seen.join('; ')}).`;
}

/**
 * The whole check. Reads each Attain tab once as a block (values, formulas, validations), the index and the protections;
 * writes only the temporary probe tab (removed) and one Audit row. `instruments` is the registry (tests may narrow it).
 */
export function checkWorkbook(book: Book, instruments: readonly InstrumentDefinition[] = BUILT_IN_INSTRUMENTS): CheckOutcome {
  const { outcome } = inspectWorkbook(book, instruments);
  try {
    book.audit({ action: 'checkSpreadsheet', client: '', entity: 'workbook', summary: outcome.summary });
  } catch (e) {
    // A missing or broken Audit tab is among the problems listed; the check still answers.
    if (!(e instanceof LayoutError)) throw e;
    outcome.summary += ` The Audit row was not written: ${e.message}`;
  }
  return outcome;
}

/** The check without its Audit row; `probes` given are reported instead of running them again (Repair's second look: a repair changes no probe's answer). */
export function inspectWorkbook(book: Book, builtIns: readonly InstrumentDefinition[] = BUILT_IN_INSTRUMENTS, { probes: given }: { probes?: ProbeResult[] } = {}): Inspection {
  const cells: CellRepair[] = [];
  const ss = book.ss;
  const sheets = sheetsByName(ss);
  const problems: Problem[] = [];
  const blocks: TabBlock[] = [];
  const settingsSheet = sheets.get(SETTINGS.name.toLowerCase());
  const settingsBlock = settingsSheet ? readBlock(settingsSheet, SETTINGS) : null;
  // The clinic's instruments (one block read): each problem by row and column; a valid one is checked like a built-in.
  const clinic = book.clinicInstruments();
  const instruments = clinic.definitions.length ? [...builtIns, ...clinic.definitions] : builtIns;
  const settings = settingsOf(settingsBlock, instruments);
  problems.push(...clinic.problems.map(definitionProblem));
  problems.push(...formLinkProblems(settings.raw, instruments, settings.instruments, sheets));
  const layouts: { layout: TabLayout; def: InstrumentDefinition | null }[] = FIXED_TABS.map((layout) => ({ layout, def: null }));
  for (const def of instruments) if (settings.instruments.includes(def.id)) layouts.push({ layout: instrumentTab(def, settings.options[def.id]), def });
  let rows = 0;
  let compared = 0;
  for (const { layout, def } of layouts) {
    const sheet = sheets.get(layout.name.toLowerCase());
    if (!sheet) {
      problems.push(missingTab(layout.name));
      continue;
    }
    const block = layout === SETTINGS && settingsBlock ? settingsBlock : readBlock(sheet, layout);
    blocks.push(block);
    rows += block.values.length;
    problems.push(...tabProblems(block, def, cells));
    if (layout === SETTINGS) problems.push(...settingsProblems(block, settingRows(instruments).map((r) => r.key)));
    const checks: ValueCheck[] = def
      ? [instrumentValues(block, def, settings.options[def.id] ?? {}), changeValues(block, def)]
      : layout === GOALS
        ? [weightValues(block)]
        : layout === CLIENTS
          ? [codeValues(block)]
          : layout === PRIORITIES
            ? [priorityValues(block)]
            : [];
    for (const values of checks) {
      compared += values.compared;
      problems.push(...values.problems);
    }
  }
  for (const name of [REVIEW_TAB, SUPERVISION_TAB, HELPER_TAB, CODES_TAB]) if (!sheets.has(name.toLowerCase())) problems.push(missingTab(name, 'dashboard tab'));
  problems.push(...indexProblems(sheets, blocks.filter((b) => !isClinicLayout(b.layout)), layouts.map((l) => l.layout)));
  const strict = PropertiesService.getDocumentProperties().getProperty(PROTECTION_PROPERTY) === 'strict';
  problems.push(...protectionProblems(ss, blocks, sheets, strict));
  const size = measureSize(ss.getSheets(), blocks);
  const sized = sizeProblems(size);
  problems.push(...sized);
  const trim = sized.some((p) => p.repair === 'trim') ? size.spare : [];
  // A header only a person can fix makes setup add a second column or refuse: Repair then leaves setup alone.
  const setupBlocked = blocks.some(blocksSetup);
  if (setupBlocked) for (const p of problems) if (p.repair === 'setup') delete p.repair;
  const probes = given ?? probeInTemporaryTab(book);
  const fixes = new Map(PROBES.map((p) => [p.id, p.fix]));
  for (const p of probes) {
    if (p.passed) continue;
    problems.push({ area: 'platform', tab: '', where: `probe ${p.id}`, problem: `${p.tests}: expected ${p.expected}; got ${p.observed}.`, fix: fixes.get(p.id) ?? '' });
  }
  const counts = { layout: 0, values: 0, platform: 0 };
  for (const p of problems) counts[p.area]++;
  const checkedAt = Utilities.formatDate(new Date(), book.timeZone(), 'yyyy-MM-dd HH:mm:ss');
  const formulas = cells.filter((c) => c.kind === 'formulas' || c.header);
  const spills = cells.filter((c) => c.kind === 'spill');
  const repair: RepairPlan = {
    problems: problems.filter((p) => p.repair).length,
    // A spill column's lost header formula is one formula cell; its typed cells are cleared, not rewritten.
    formulaCells: formulas.reduce((n, c) => n + (c.kind === 'spill' ? 1 : c.rows.length), 0),
    formulaColumns: [...new Set(formulas.map((c) => `${c.block.layout.name} ${c.col.header}`))],
    validationCells: cells.filter((c) => c.kind === 'validation').reduce((n, c) => n + c.rows.length, 0),
    clearedCells: spills.reduce((n, c) => n + c.rows.length, 0),
    trimmedCells: trim.reduce((n, s) => n + s.cells, 0),
    setup: problems.some((p) => p.repair === 'setup'),
  };
  const outcome: CheckOutcome = { checkedAt, tabs: blocks.length, rows, cellsCompared: compared, counts, problems: problems.slice(0, MAX_LISTED), moreProblems: Math.max(0, problems.length - MAX_LISTED), probes, summary: '', repair };
  outcome.summary = summaryLine(outcome);
  return { outcome, cells, trim };
}
