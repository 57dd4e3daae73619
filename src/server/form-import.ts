// Form responses into instrument rows: previewFormImport (what Attain understood and what would import) and importFormResponses (validate all, then under the lock append each instrument tab once and Audit once), plus the menu item.
import * as z from 'zod/mini';
import { detectFormColumns, FORM_LINKS_KEY, importSummary, judgeResponses, keyOfSource, parseFormLinks, sourceText, type FormColumns, type FormLink, type ResponseVerdict } from '../core/form-import';
import type { InstrumentDefinition } from '../core/instruments/schema';
import { requestIdField } from '../core/request-id';
import type { AuditEntry, Book } from '../sheets/book';
import { readResponses } from '../sheets/form-responses';
import { CLIENTS, instrumentTab } from '../sheets/layout';
import { appendRows, lastRowOf, readColumns, type Tab } from '../sheets/table';
import { cellText, isoToSerial } from '../sheets/values';
import type { FormImportData, FormLinkReport, ImportFormResponsesInput, Result } from '../contract';
import { withDocumentLock } from './lock';
import { alreadySaved, invalid, ok, parse } from './validate';

const importSchema = z.object({ requestId: requestIdField });

/** One link as planned: its report, and (when it can import) the tab and verdicts the import writes from. */
interface Planned {
  report: FormLinkReport;
  def?: InstrumentDefinition;
  tab?: Tab;
  verdicts: ResponseVerdict[];
  link: FormLink;
}

const NO_LINKS = `No form is linked yet. In the Settings tab, type in the Value of "Form links" which responses tab feeds which measure, e.g. "Form Responses 1 = PHQ-9" (the README's "Questionnaires clients fill in themselves" shows how to make the form), then try again.`;

/** Every Settings link planned: each responses tab read once, the Clients codes once, each instrument's Source column once; nothing written. */
function plan(book: Book): { problems: string[]; planned: Planned[] } {
  const settings = book.settings();
  const { links, problems } = parseFormLinks(settings.raw[FORM_LINKS_KEY]);
  let clients: Map<string, string> | null = null;
  const clientMap = () => {
    if (!clients) {
      clients = new Map();
      for (const v of readColumns(book.tab(CLIENTS), ['code']).code) {
        const code = cellText(v);
        if (code && !clients.has(code.toLowerCase())) clients.set(code.toLowerCase(), code);
      }
    }
    return clients;
  };
  const planned = links.map((link): Planned => {
    const report: FormLinkReport = { tab: link.tab, instrument: link.instrument, understood: [], problem: '', importable: 0, imported: 0, safety: [], rejected: [] };
    const fail = (problem: string): Planned => ({ report: { ...report, problem }, verdicts: [], link });
    let def: InstrumentDefinition;
    try {
      def = book.find(link.instrument);
    } catch {
      return fail(`Expected a measure Attain knows (a built-in such as PHQ-9, or a row of the Instruments tab); "${link.instrument}" is neither. Correct the name in Settings ▸ Form links`);
    }
    report.instrument = def.name;
    if (!settings.instruments.includes(def.id) || !book.hasTab(def.name)) return fail(`Expected a "${def.name}" tab; there is none. Tick "Use ${def.name}" in Settings, then run Extensions ▸ Attain ▸ Set up this spreadsheet`);
    let columns: FormColumns | null = null;
    let headerProblem = '';
    const block = readResponses(book, link.tab, (header) => {
      const found = detectFormColumns(header, def, link);
      if (found.ok) columns = found.columns;
      else headerProblem = found.problem;
      return found.ok ? found.columns.timestamp : -1;
    });
    if (!block) return fail(`Expected a tab named "${link.tab}" (the form's responses tab, as Settings ▸ Form links names it); there is none. In the form, Responses ▸ Link to Sheets ▸ this spreadsheet, then put the tab's exact name in Form links`);
    if (!columns) return fail(`"${link.tab}": ${headerProblem}`);
    const cols: FormColumns = columns;
    report.understood = [`"${link.tab}" feeds the ${def.name} tab`, ...cols.understood];
    const tab = book.tab(instrumentTab(def, settings.options[def.id]));
    if (!tab.cols.has('source')) return fail(`Expected a "Source" column on the ${def.name} tab (where an imported row keeps the response it came from); there is none yet. Run Extensions ▸ Attain ▸ Set up this spreadsheet once, then import`);
    const imported = new Set<string>();
    for (const v of readColumns(tab, ['source'], lastRowOf(tab)).source) {
      const key = keyOfSource(v);
      if (key) imported.add(key);
    }
    const verdicts = judgeResponses(block.responses, cols, def, clientMap(), imported, link.answers);
    const summary = importSummary(def, link.tab, verdicts, false);
    report.importable = verdicts.filter((v) => v.import).length;
    report.safety = summary.safety;
    report.rejected = verdicts.filter((v) => !v.import).map((v) => ({ row: v.row, code: v.code, when: v.when, reason: v.reason }));
    return { report, def, tab, verdicts, link };
  });
  return { problems, planned };
}

/** The data the sidebar and the menu show: safety first, then per link what was understood, imported and refused. */
function dataOf(problems: string[], planned: readonly Planned[], done: boolean): FormImportData {
  const links = planned.map((p) => p.report);
  const safety = links.flatMap((l) => l.safety);
  const n = links.reduce((s, l) => s + (done ? l.imported : l.importable), 0);
  const refused = links.reduce((s, l) => s + l.rejected.length, 0);
  const broken = links.filter((l) => l.problem).length;
  const summary = `${done ? 'Imported' : 'Would import'} ${n} response${n === 1 ? '' : 's'}; ${refused} not imported${refused ? ' (each listed with its reason; fix the response or add the client, then import again)' : ''}${broken ? `; ${broken} link${broken === 1 ? '' : 's'} could not be read` : ''}.`;
  return { done, safety, summary, problems, links };
}

/** Sidebar: what Attain understood of each linked responses tab and what an import would do; writes nothing. */
export function previewFormImport(): Result<FormImportData> {
  return withDocumentLock((book) => {
    const { problems, planned } = plan(book);
    if (!planned.length && !problems.length) return invalid({}, NO_LINKS);
    return ok(dataOf(problems, planned, false));
  });
}

/**
 * Sidebar and menu: imports every valid response not imported before. Everything is judged before the first write; then each
 * instrument tab gets one append (its rows written through the same layout a session's row is, formulas and Safety flag
 * included; Session blank: a questionnaire filled in at home is not a session) and Audit one append, one row per response.
 * A response that fails stays untouched on its tab, listed with the reason, for a later import.
 */
export function importFormResponses(input: ImportFormResponsesInput): Result<FormImportData> {
  const parsed = parse(importSchema, input ?? {});
  if (!parsed.ok) return invalid(parsed.errors);
  return withDocumentLock((book) => {
    const { problems, planned } = plan(book);
    if (!planned.length && !problems.length) return invalid({}, NO_LINKS);
    // A retry of an import that landed finds its rows by their Source keys: it imports nothing new, and says so.
    const retried = book.priorRun().some((e) => e.action === 'importFormResponse');
    const audit: AuditEntry[] = [];
    // Two links into one instrument share its tab: its rows are gathered and appended once.
    const byTab = new Map<Tab, Record<string, unknown>[]>();
    for (const p of planned) {
      if (!p.def || !p.tab) continue;
      const def = p.def;
      const rows = byTab.get(p.tab) ?? [];
      for (const v of p.verdicts.filter((x) => x.import)) {
        const row: Record<string, unknown> = { client: v.code, date: isoToSerial(v.date), session: '', source: sourceText(p.link.tab, v.row, v.timestamp, v.code) };
        v.items!.forEach((x, j) => (row[`item${j + 1}`] = x === null ? '' : x));
        rows.push(row);
        audit.push({
          action: 'importFormResponse',
          client: v.code,
          entity: `${def.name} from "${p.link.tab}" row ${v.row}`,
          summary: `${def.name} completed by the client on a form, ${v.when}; imported from "${p.link.tab}" row ${v.row}${v.safety.length ? `; SAFETY: ${v.safety.join('; ')}` : ''}`,
        });
      }
      byTab.set(p.tab, rows);
      p.report.imported = p.report.importable;
      p.report.safety = importSummary(def, p.link.tab, p.verdicts, true).safety;
    }
    for (const [tab, rows] of byTab) if (rows.length) appendRows(tab, rows);
    if (audit.length) book.audit(audit);
    const data = dataOf(problems, planned, true);
    return audit.length === 0 && retried ? ok(data, alreadySaved('the form import')) : ok(data);
  }, parsed.value.requestId);
}

/** Menu: shows the preview (safety first), asks before importing, then shows what was imported and what was not, with reasons. */
export function importFormResponsesFromMenu(): Result<FormImportData> {
  const ui = SpreadsheetApp.getUi();
  const preview = previewFormImport();
  if (!preview.ok) {
    ui.alert('Import form responses', preview.message, ui.ButtonSet.OK);
    return preview;
  }
  const n = preview.data.links.reduce((s, l) => s + l.importable, 0);
  if (n === 0) {
    ui.alert('Import form responses', formText(preview.data), ui.ButtonSet.OK);
    return preview;
  }
  if (ui.alert('Import form responses', `${formText(preview.data)}\n\nImport ${n} response${n === 1 ? '' : 's'} now?`, ui.ButtonSet.YES_NO) !== ui.Button.YES) return preview;
  const done = importFormResponses({});
  ui.alert('Import form responses', done.ok ? formText(done.data) : done.message, ui.ButtonSet.OK);
  return done;
}

/** The import as plain text (an alert): safety lines first, then the summary, each link's problem and every refused response. */
export function formText(d: FormImportData): string {
  const lines = [...d.safety, d.safety.length ? '' : null, d.summary, ...d.problems];
  for (const l of d.links) {
    if (l.problem) lines.push(`${l.tab}: ${l.problem}`);
    for (const r of l.rejected) lines.push(`${l.tab} row ${r.row} (${r.code || 'no code'}): ${r.reason}`);
  }
  return lines.filter((x): x is string => x !== null).join('\n');
}
