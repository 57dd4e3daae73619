// Layout checks of "Check this spreadsheet": every tab, header, computed-column formula and validation setup would make, the index rows and Attain's protections, each problem named by tab, column and rows with its fix.
import { clinicChoices } from '../../core/instruments/clinic-choices';
import type { InstrumentDefinition } from '../../core/instruments/schema';
import type { ColumnSpec, TabLayout, Validation } from '../columns';
import { instrumentColumns, type InstrumentOptions } from '../instrument-layout';
import { SETTINGS } from '../layout';
import { INDEX_TAB, MIRROR_COL, parseIndex, parseSettingsMirror } from '../index-tab';
import { COMPUTED_PREFIX, PROTECTED_TABS, PROTECTION_PREFIX, TAB_PREFIX } from '../protect';
import { columnLetters } from '../a1';
import { dataRows, isBlankCell, refsOf, type TabBlock } from './block';
import { columnText, groupBy, NOT_SETUP, RERUN_SETUP, rowRanges, shown, type Problem } from './problems';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A formula as compared: spaces dropped and letters upper-cased outside "…" literals, so Sheets' re-rendering does not count as a change. */
export function normalFormula(f: string): string {
  let out = '';
  let inText = false;
  for (const ch of f) {
    if (ch === '"') inText = !inText;
    if (inText || ch === '"') out += ch;
    else if (!/\s/.test(ch)) out += ch.toUpperCase();
  }
  return out;
}

/** Every combination of the clinic's band choices an instrument allows: a row written before a Settings change keeps that row's formula. */
export function optionVariants(def: InstrumentDefinition): InstrumentOptions[] {
  const c = clinicChoices(def);
  const schemes: (string | undefined)[] = c.bandScheme ? def.bandSchemes!.map((b) => b.name) : [undefined];
  const range = def.cutoff?.range;
  const cuts: (number | undefined)[] = c.cutoff && range ? Array.from({ length: range[1] - range[0] + 1 }, (_, i) => range[0] + i) : [undefined];
  const atCuts: (boolean | undefined)[] = c.atCutoff ? [true, false] : [undefined];
  const out: InstrumentOptions[] = [];
  for (const bandScheme of schemes) for (const cutoff of cuts) for (const atCutoffIsClinical of atCuts) out.push({ bandScheme, cutoff, atCutoffIsClinical });
  return out;
}

/**
 * Cells Repair may rewrite, as the check read them: a computed column's lost formulas, or a column's lost validations, in data rows;
 * or a spill column's typed cells to clear (any row below row 1) and, when row 1 lost it, its header formula (sheet rows, ascending).
 */
export interface CellRepair {
  kind: 'formulas' | 'validation' | 'spill';
  block: TabBlock;
  col: ColumnSpec;
  rows: number[];
  /** A spill column whose header cell holds a typed value: the formula setup writes there. */
  header?: string;
}

/** Row 1 lacks an Attain header while holding headers Attain does not know (a rename Attain cannot tell from a clinic's column), doubles one, or is not Attain's: setup would add a second column or refuse, so Repair leaves setup alone. */
export function blocksSetup(block: TabBlock): boolean {
  if (block.doubled.length) return true;
  if (!block.missing.length) return false;
  const present = block.layout.columns.length - block.missing.length;
  return !block.cols.has(block.layout.columns[0].key) || present * 2 <= block.layout.columns.length || strangersOf(block).length > 0;
}

/** Headers in row 1 that are not Attain's, within and just after Attain's columns: the likely renamed ones. */
function strangersOf(block: TabBlock): { h: string; col: number }[] {
  const known = new Set(block.layout.columns.map((c) => c.header.toLowerCase()));
  const span = Math.max(0, ...block.cols.values()) + block.missing.length;
  // A bound column is Attain's even when row 1 shows an error there (a blocked spill).
  const bound = new Set(block.cols.values());
  return block.header
    .map((h, i) => ({ h: String(h ?? '').trim(), col: i + 1 }))
    .filter((x) => x.col <= span && x.h !== '' && !known.has(x.h.toLowerCase()) && !bound.has(x.col));
}

/** The tab's header problems: a column whose header is gone (renamed or deleted) or doubled. */
function headerProblems(block: TabBlock): Problem[] {
  const name = block.layout.name;
  const out: Problem[] = [];
  const strangers = strangersOf(block);
  // A header simply gone (no unknown header in its place) is one setup appends; a possible rename is left to a person.
  const repair = blocksSetup(block) ? {} : { repair: 'setup' as const };
  const found = strangers.map((x) => `"${x.h}" in column ${columnLetters(x.col)}`).join(', ');
  for (const c of block.missing) {
    out.push({
      area: 'layout',
      tab: name,
      where: 'row 1',
      problem: `Expected the header "${c.header}" in row 1; it is not there (renamed or deleted).${found ? ` Row 1 has ${found}, which Attain does not know.` : ''}`,
      fix: `If renamed, type "${c.header}" back (Set up would add a second "${c.header}" column instead). If deleted: ${RERUN_SETUP}`,
      ...repair,
    });
  }
  for (const d of block.doubled) {
    const at = d.at.map(columnLetters).join(', ');
    out.push({ area: 'layout', tab: name, where: `row 1, columns ${at}`, problem: `Expected "${d.header}" once in row 1; found it in columns ${at}.`, fix: `Rename the clinic's copy (for example "${d.header} (clinic)").` });
  }
  return out;
}

interface Bad {
  col: ColumnSpec;
  row: number;
  kind: 'value' | 'blank' | 'changed';
  got: string;
}

/** Each computed cell of each data row (every row for an everyRow column) holds the formula setup writes (any of the clinic's allowed choices for instrument bands). */
function formulaProblems(block: TabBlock, def: InstrumentDefinition | null, cells: CellRepair[]): Problem[] {
  const computed = block.layout.columns.filter((c) => c.formula && block.cols.has(c.key));
  if (!computed.length) return [];
  const variants = def ? optionVariants(def).map((o) => new Map(instrumentColumns(def, o).map((c) => [c.key, c]))) : [];
  const bad: Bad[] = [];
  const data = new Set(dataRows(block));
  // A blank or hand-typed row between data rows still holds a place of "Order: rows": without its "Order: first" another row's change goes blank.
  const everyRow = computed.filter((c) => c.everyRow);
  for (let i = 0; i < block.values.length; i++) {
    const cols = data.has(i) ? computed : everyRow;
    if (!cols.length) continue;
    const row = i + 2;
    const refs = refsOf(block, row);
    for (const c of cols) {
      const at = (block.cols.get(c.key) as number) - 1;
      const have = block.formulas[i]?.[at] ?? '';
      let want: string;
      try {
        want = (c.formula as (r: typeof refs) => string)(refs);
      } catch {
        continue; // the formula refers to a column whose header is gone: that header problem is reported instead
      }
      if (have && normalFormula(have) === normalFormula(want)) continue;
      if (have && variants.some((v) => v.get(c.key)?.formula && normalFormula((v.get(c.key)!.formula as (r: typeof refs) => string)(refs)) === normalFormula(have))) continue;
      const value = block.values[i]?.[at];
      bad.push({ col: c, row, kind: have ? 'changed' : isBlankCell(value) ? 'blank' : 'value', got: have || shown(value) });
    }
  }
  return groupBy(bad, (b) => `${b.col.key}|${b.kind}`).map((list) => {
    const { col, kind } = list[0];
    const colNo = block.cols.get(col.key) as number;
    const rows = list.map((b) => b.row);
    const example = (col.formula as (r: ReturnType<typeof refsOf>) => string)(refsOf(block, rows[0]));
    cells.push({ kind: 'formulas', block, col, rows });
    const found = kind === 'value' ? `a typed value (first: ${list[0].got} in row ${rows[0]})` : kind === 'blank' ? 'an empty cell' : `another formula (row ${rows[0]}: ${list[0].got})`;
    return {
      area: 'layout' as const,
      tab: block.layout.name,
      where: `${columnText(col.header, colNo)}, ${rowRanges(rows)}`,
      problem: `Expected the formula; found ${found}.`,
      fix: `Copy the formula down from a row that has it (row ${rows[0]}: ${example}). ${NOT_SETUP}`,
      repair: 'formulas' as const,
    };
  });
}

/** How many typed cells a spill problem names ("V3 \"x\", V5 12 …"); Repair's Audit row lists them all. */
const NAMED_CELLS = 5;

/** "V3 \"x\", V5 12": a column's cells by A1 with the value (or formula) each holds. */
export function cellsText(block: TabBlock, col: number, rows: readonly number[], max = rows.length): string {
  const letter = columnLetters(col);
  const held = (row: number) => block.formulas[row - 2]?.[col - 1] || block.values[row - 2]?.[col - 1];
  const named = rows.slice(0, max).map((row) => `${letter}${row} ${shown(held(row))}`);
  return `${named.join(', ')}${rows.length > max ? ` … (${rows.length} in all)` : ''}`;
}

/**
 * Each spill column fills its rows from its header cell's formula. A typed cell below row 1 blocks it (row 1 shows #REF!, "Array
 * result was not expanded"); a value typed over row 1 removes it. Either way what reads the column (Change from first, Reliable
 * change) goes blank. Repair clears the typed cells (the Audit row keeps their values) and writes a lost header formula back.
 */
function spillProblems(block: TabBlock, cells: CellRepair[]): Problem[] {
  const out: Problem[] = [];
  for (const c of block.layout.columns) {
    const at = block.cols.get(c.key);
    if (!c.spill || at === undefined) continue;
    const formula = block.headerFormulas[at - 1] ?? '';
    const blocked = block.blockedSpills.has(c.key);
    if (formula && !blocked) continue;
    // Below row 1 a spill's own cells hold no formula, and a blocked or lost spill has none there: anything non-blank was typed or pasted.
    const rows = block.values.map((r, i) => (!isBlankCell(r[at - 1]) || block.formulas[i]?.[at - 1] ? i + 2 : 0)).filter((r) => r > 0);
    const letter = columnLetters(at);
    const alerts = c.key.startsWith('key');
    const readers = alerts ? "The alerts (Supervision and the sidebar's risk badges), which read it," : 'Change from first and Reliable change, which read it,';
    const blank = alerts ? "show #N/A for this tab's clients (first in Supervision)" : 'are blank on this tab';
    if (blocked) {
      if (!rows.length) continue; // an error with nothing typed below is not a blocked spill: the formula problems say the rest
      cells.push({ kind: 'spill', block, col: c, rows });
      out.push({
        area: 'layout',
        tab: block.layout.name,
        where: `${columnText(c.header, at)}, ${rowRanges(rows)}`,
        problem: `Expected "${c.header}" in row 1, its formula filling the rows below (a hidden working column); found ${shown(block.header[at - 1])}: the spill is blocked by ${rows.length} typed cell(s) in column ${letter} (${cellsText(block, at, rows, NAMED_CELLS)}). ${readers} ${blank} until they go.`,
        fix: `Repair clears them (their values are kept in the Audit row). Or delete them yourself: unhide column ${letter}, select ${rows.length === 1 ? 'the cell' : 'the cells'} and press Delete.`,
        repair: 'formulas',
      });
      continue;
    }
    let header: string;
    try {
      header = c.spill(refsOf(block, 1));
    } catch {
      continue; // the formula reads a column whose header is gone: that header problem is reported instead
    }
    cells.push({ kind: 'spill', block, col: c, rows, header });
    const below = rows.length ? `, and ${rows.length} value(s) below it (${cellsText(block, at, rows, NAMED_CELLS)})` : '';
    out.push({
      area: 'layout',
      tab: block.layout.name,
      where: `${columnText(c.header, at)}, row 1${rows.length ? `, ${rowRanges(rows)}` : ''}`,
      problem: `Expected the formula in row 1 that shows "${c.header}" and fills the rows below (a hidden working column); found the value ${shown(block.header[at - 1])} typed over it${below}. ${readers} ${alerts ? "show #N/A or stale figures for this tab's clients" : 'are blank or stale on this tab'} until it is back.`,
      fix: `Repair writes the formula back, as Set up writes it${rows.length ? ', and clears the values below (kept in the Audit row)' : ''}. Or undo the edit (Edit ▸ Undo, or File ▸ Version history).`,
      repair: 'formulas',
    });
  }
  return out;
}

const CRITERIA: Record<Validation['kind'], string> = { list: 'VALUE_IN_LIST', number: 'NUMBER_BETWEEN', checkbox: 'CHECKBOX', date: 'DATE_IS_VALID_DATE' };

/** Each constrained column's data rows carry a rule of the layout's kind. */
function validationProblems(block: TabBlock, cells: CellRepair[]): Problem[] {
  const out: Problem[] = [];
  const rowsWithData = dataRows(block);
  for (const c of block.layout.columns) {
    if (!c.validation || !block.cols.has(c.key)) continue;
    const at = (block.cols.get(c.key) as number) - 1;
    const want = CRITERIA[c.validation.kind];
    const rows = rowsWithData.filter((i) => {
      const rule = block.rules[i]?.[at];
      return !rule || String(rule.getCriteriaType()) !== want;
    });
    if (!rows.length) continue;
    cells.push({ kind: 'validation', block, col: c, rows: rows.map((i) => i + 2) });
    out.push({
      area: 'layout',
      tab: block.layout.name,
      where: `${columnText(c.header, at + 1)}, ${rowRanges(rows.map((i) => i + 2))}`,
      problem: `Expected the column's data validation (${c.validation.kind}); found none or another rule.`,
      fix: `Copy a cell that has the rule, then Paste special ▸ Data validation only. ${NOT_SETUP}`,
      repair: 'validation',
    });
  }
  return out;
}

/** Header, formula and validation problems of one tab that exists; the cells Repair may rewrite are added to `cells`. */
export function tabProblems(block: TabBlock, def: InstrumentDefinition | null, cells: CellRepair[] = []): Problem[] {
  const header = headerProblems(block);
  // Without its first column Attain cannot find the rows; the header message says what to do.
  if (!block.cols.has(block.layout.columns[0].key)) return header;
  return [...header, ...spillProblems(block, cells), ...formulaProblems(block, def, cells), ...validationProblems(block, cells)];
}

/** A tab setup would make that is not there. */
export function missingTab(name: string, what = 'tab'): Problem {
  return { area: 'layout', tab: name, where: '', problem: `Expected the ${what} "${name}"; the spreadsheet has none (deleted or renamed).`, fix: `If renamed, rename it back. Otherwise: ${RERUN_SETUP}`, repair: 'setup' };
}

/** The hidden index: there, and a live row for each Attain tab giving the positions row 1 gives now. */
export function indexProblems(sheets: ReadonlyMap<string, Sheet>, blocks: readonly TabBlock[], layouts: readonly TabLayout[]): Problem[] {
  const sheet = sheets.get(INDEX_TAB.toLowerCase());
  if (!sheet) return [missingTab(INDEX_TAB, 'hidden index tab')];
  const range = sheet.getDataRange();
  const [values, formulas] = [range.getValues(), range.getFormulas()];
  const parsed = parseIndex(values, layouts, formulas);
  const stale = blocks.filter((b) => {
    if (b.missing.some((c) => !c.optional) || b.doubled.length) return false; // the header problem is reported; setup rewrites the row once it is fixed
    const row = parsed.get(b.layout.name);
    // A blocked spill's position reads 0 in the index until its typed cells go: the spill problem is reported instead.
    return !row || [...b.cols].some(([k, c]) => row.cols.get(k) !== c && !b.blockedSpills.has(k));
  });
  const out: Problem[] = [];
  if (stale.length) {
    out.push({
      area: 'layout',
      tab: INDEX_TAB,
      where: `rows for ${stale.map((b) => b.layout.name).join(', ')}`,
      problem: "Expected live formulas giving each tab's column positions; found rows missing, pasted as values, or stale.",
      fix: `${RERUN_SETUP} Until then Attain reads those header rows itself.`,
      repair: 'setup',
    });
  }
  // The Settings mirror saves every action one read; without it (or with its spill blocked) actions read Settings themselves.
  const settings = blocks.find((b) => b.layout.name === SETTINGS.name);
  if (settings && !settings.missing.some((c) => !c.optional) && !parseSettingsMirror(values, formulas)) {
    out.push({
      area: 'layout',
      tab: INDEX_TAB,
      where: `row 1, column ${columnLetters(MIRROR_COL)}`,
      problem: 'Expected the live formula that shows the Settings tab there; found none, a value, or a result blocked by typed cells.',
      fix: `${RERUN_SETUP} Until then each action reads the Settings tab itself (one read more).`,
      repair: 'setup',
    });
  }
  return out;
}

/** Descriptions of every protection setup makes, for the tabs that exist. */
function wantedProtections(blocks: readonly TabBlock[], sheets: ReadonlyMap<string, Sheet>, strict: boolean): { description: string; tab: string }[] {
  const out: { description: string; tab: string }[] = [];
  for (const b of blocks) {
    const name = b.layout.name;
    out.push({ description: PROTECTION_PREFIX + name, tab: name });
    // One protection per run of adjacent computed columns, named after the run's first header.
    const at = b.layout.columns.filter((c) => c.formula && b.cols.has(c.key)).map((c) => ({ c, n: b.cols.get(c.key) as number })).sort((x, y) => x.n - y.n);
    for (let i = 0; i < at.length; ) {
      let j = i;
      while (j + 1 < at.length && at[j + 1].n === at[j].n + 1) j++;
      out.push({ description: `${COMPUTED_PREFIX}${name} from ${at[i].c.header}`, tab: name });
      i = j + 1;
    }
  }
  for (const name of PROTECTED_TABS) if (sheets.has(name.toLowerCase())) out.push({ description: TAB_PREFIX + name, tab: name });
  if (strict && sheets.has('settings')) out.push({ description: `${TAB_PREFIX}Settings`, tab: 'Settings' });
  return out;
}

/** Attain's protections, found by description (two reads for the lists, one per protection for its description). */
export function protectionProblems(ss: Spreadsheet, blocks: readonly TabBlock[], sheets: ReadonlyMap<string, Sheet>, strict: boolean): Problem[] {
  const type = SpreadsheetApp.ProtectionType;
  const have = new Set([...ss.getProtections(type.RANGE), ...ss.getProtections(type.SHEET)].map((p) => p.getDescription()));
  const missing = wantedProtections(blocks, sheets, strict).filter((w) => !have.has(w.description));
  return groupBy(missing, (m) => m.tab).map((list) => ({
    area: 'layout' as const,
    tab: list[0].tab,
    where: '',
    problem: `Expected Attain's protection ${list.map((m) => `"${m.description}"`).join(', ')}; not found (removed or renamed).`,
    fix: RERUN_SETUP,
    repair: 'setup' as const,
  }));
}

/** Settings rows setup writes, by key, that are not in the Settings tab. */
export function settingsProblems(block: TabBlock, keys: readonly string[]): Problem[] {
  const at = block.cols.get('key');
  if (at === undefined) return [];
  const have = new Set(block.values.map((r) => String(r[at - 1] ?? '').trim()));
  const missing = keys.filter((k) => !have.has(k));
  if (!missing.length) return [];
  return [
    {
      area: 'layout',
      tab: block.layout.name,
      where: `column Key (${columnLetters(at)})`,
      problem: `Expected a row for each setting; none for ${missing.join(', ')}.`,
      fix: RERUN_SETUP,
      repair: 'setup',
    },
  ];
}
