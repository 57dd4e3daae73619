// Supervision tab on the built bundle: client, risk in words and alerts first; risk order (safety first), alerts equal core's for every seeded client, clinician filter, totals, colours, widths, migration of an earlier layout.
import { ALERT_ORDER, clientAlerts, riskRank, riskWord, RISK_WORDS, type Alert } from '../../../src/core/alerts';
import type { MeasurePoint } from '../../../src/core/measure-series';
import { supervisionRows, supervisionTotals, type SupervisionClient } from '../../../src/core/supervision';
import { ALERT_LABELS } from '../../../src/sheets/alert-formulas';
import { columnLetters } from '../../../src/sheets/formulas';
import { client, bulkRows, measure, ok, serial, session, setUp } from '../../../kit/workbook';
import type { Emulator } from '../../../emulator';

const SETTINGS = { reviewEverySessions: 4, notOnTrackBySession: 3, plateauWindow: 3, measureEverySessions: 4, reliableChangeMethod: 'points' as const };

/** PHQ-9 items summing to `total`, item 9 as given (kept within 0–3 per item). */
function phq(total: number, item9 = 0): number[] {
  const items = new Array(9).fill(0);
  items[8] = item9;
  let left = total - item9;
  for (let i = 0; i < 8 && left > 0; i++) {
    items[i] = Math.min(3, left);
    left -= items[i];
  }
  return items;
}
const gad = (total: number) => phq(total).slice(0, 7).map((v, i, a) => (i === 6 ? Math.min(3, total - a.slice(0, 6).reduce((s, x) => s + x, 0)) : v));

const CASES: { code: string; clinician: string; visits: { phq?: [number, number?]; gad?: number }[] }[] = [
  // Improving, but item 9 endorsed at the latest session.
  { code: 'C-SAFE', clinician: 'Dr Rivera', visits: [{ phq: [18] }, { phq: [14] }, { phq: [9] }, { phq: [6, 1] }] },
  // Reliable deterioration 8 → 15.
  { code: 'C-DET', clinician: 'Dr Chen', visits: [{ phq: [8] }, { phq: [11] }, { phq: [15] }] },
  // Recovered on PHQ-9, improved on GAD-7.
  { code: 'C-OK1', clinician: 'Dr Rivera', visits: [{ phq: [16], gad: 15 }, { phq: [10], gad: 12 }, { phq: [5], gad: 10 }] },
  // Flat in the clinical range: not on track and plateau.
  { code: 'C-FLAT', clinician: 'Dr Chen', visits: [{ phq: [14] }, { phq: [13] }, { phq: [14] }] },
  // Six sessions, no measures: review and measure overdue.
  { code: 'C-NOM', clinician: 'Dr Lone', visits: [{}, {}, {}, {}, {}, {}] },
  // One ordinary session.
  { code: 'A-ONE', clinician: 'Dr Chen', visits: [{ phq: [12], gad: 9 }] },
  // Not on track at its edge: 11 → 7 is now in the mild range (no alert); 11 → 12 is still clinical after 3 sessions (alert).
  { code: 'B-MILD', clinician: 'Dr Rivera', visits: [{ phq: [11] }, { phq: [9] }, { phq: [7] }] },
  { code: 'B-STUCK', clinician: 'Dr Rivera', visits: [{ phq: [11] }, { phq: [10] }, { phq: [12] }] },
];

function seed(): Emulator {
  const em = setUp();
  for (const c of CASES) ok(em.run('addClient', client(c.code, c.clinician)));
  ok(em.run('addClient', client('C-PAUSED', 'Dr Chen')));
  for (const c of CASES) {
    c.visits.forEach((v, i) => {
      const measures = [...(v.phq ? [{ instrument: 'phq9', items: phq(v.phq[0], v.phq[1]) }] : []), ...(v.gad !== undefined ? [{ instrument: 'gad7', items: gad(v.gad) }] : [])];
      const date = new Date(Date.UTC(2026, 1, 2 + i * 7)).toISOString().slice(0, 10);
      ok(em.run('recordSession', session(c.code, [], { date, clinician: c.clinician, ratings: [], measures })));
    });
  }
  // A paused client never shows; a review with a GAS result for C-OK1 at session 3.
  const clients = em.spreadsheet.getSheetByName('Clients')!;
  const row = clients.getRange('A:A').getValues().findIndex((r) => r[0] === 'C-PAUSED') + 1;
  em.edit('Clients', row, 4, 'paused');
  bulkRows(em, 'Reviews', [{ Client: 'C-OK1', Date: serial('2026-02-16'), Session: 3, 'Goal ID': 'C-OK1.G1', Decision: 'continue', 'GAS level': 0, 'T-score': 55.2, 'Change from baseline': 12.3 }]);
  return em;
}

/** Core's input for every client, read back from the sheet's rows (totals and items as recorded). */
function coreClients(em: Emulator): SupervisionClient[] {
  const ss = em.spreadsheet;
  const rows = (name: string) => {
    const v = ss.getSheetByName(name)!.getDataRange().getValues();
    const h = v[0].map(String);
    return v.slice(1).filter((r) => r[0] !== '').map((r) => Object.fromEntries(h.map((k, i) => [k, r[i]])));
  };
  const iso = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d));
  const measure = (name: string, code: string, items: number): MeasurePoint[] =>
    rows(name)
      .filter((r) => r.Client === code)
      .map((r) => ({ date: iso(r.Date), session: r.Session as number, total: typeof r.Total === 'number' ? r.Total : null, items: Array.from({ length: items }, (_, i) => r[`Item ${i + 1}`]) }));
  const sessions = rows('Sessions');
  const reviews = rows('Reviews');
  return rows('Clients').map((c) => {
    const code = String(c['Client code']);
    const mine = reviews.filter((r) => r.Client === code);
    const phqPoints = measure('PHQ-9', code, 9);
    const gadPoints = measure('GAD-7', code, 7);
    return {
      clientCode: code,
      clinician: String(c.Clinician),
      status: c.Status as SupervisionClient['status'],
      sessions: sessions.filter((s) => s.Client === code && s.Attended === true).length,
      lastReviewAt: Math.max(0, ...mine.map((r) => r.Session as number)),
      measures: { ...(phqPoints.length ? { 'PHQ-9': phqPoints } : {}), ...(gadPoints.length ? { 'GAD-7': gadPoints } : {}) },
      gas: mine.map((r) => ({ date: iso(r.Date), session: r.Session as number, tScore: r['T-score'] as number, change: r['Change from baseline'] as number })),
    };
  });
}

/** The Alerts cell core's alerts should give: label per kind (safety with the flag's words), in ALERT_ORDER. */
function alertText(alerts: readonly Alert[]): string {
  return alerts.map((a) => (a.kind === 'safety' ? `${ALERT_LABELS.safety}: ${a.message.replace(/ \(session \d+, [\d-]+\)\.$/, '')}` : `${ALERT_LABELS[a.kind]}${a.instrument ? `: ${a.instrument}` : ''}`)).join('; ');
}

/** The helper tab's rows by header (the working columns, such as the risk rank, the Supervision tab does not show). */
function helper(em: Emulator): Record<string, unknown>[] {
  const v = em.spreadsheet.getSheetByName('Attain alerts')!.getDataRange().getValues();
  const h = v[0].map(String);
  return v.slice(1).filter((r) => r[0] !== '').map((r) => Object.fromEntries(h.map((k, i) => [k, r[i]])));
}

function table(em: Emulator): Record<string, unknown>[] {
  const v = em.spreadsheet.getSheetByName('Supervision')!.getRange('A3:O60').getValues();
  const h = v[0].map(String);
  return v.slice(1).filter((r) => r[0] !== '').map((r) => Object.fromEntries(h.map((k, i) => [k, r[i]])));
}

describe('Supervision tab', () => {
  const em = seed();
  const core = coreClients(em);
  const shown = table(em);

  test('no formula errors anywhere, and no #DIV/0! or other error on the tab', () => {
    expect(em.formulaErrors()).toEqual([]);
    const all = em.spreadsheet.getSheetByName('Supervision')!.getDataRange().getValues().flat();
    expect(all.filter((v) => typeof v === 'string' && v.startsWith('#'))).toEqual([]);
  });

  test('the first columns are client, risk and alerts, so they show beside the sidebar', () => {
    const headers = em.spreadsheet.getSheetByName('Supervision')!.getRange('A3:C3').getValues()[0];
    expect(headers).toEqual(['Client', 'Risk', 'Alerts']);
  });

  test('risk reads as words, most urgent alert first, a dash with none', () => {
    expect(Object.fromEntries(shown.map((r) => [r.Client, r.Risk]))).toEqual({
      'C-SAFE': 'Safety',
      'C-DET': 'Deteriorating',
      'C-FLAT': 'Not on track',
      'C-NOM': 'Review overdue',
      'B-STUCK': 'Not on track',
      'C-OK1': '—',
      'A-ONE': '—',
      'B-MILD': '—',
    });
    expect(shown.every((r) => typeof r.Risk === 'string')).toBe(true);
  });

  test('not on track needs the latest score still clinical: 11 → 7 (mild) has no alert, 11 → 12 after 3 sessions has one', () => {
    const byCode = (code: string) => shown.find((r) => r.Client === code)!;
    expect(byCode('B-MILD').Alerts).toBe('');
    expect(String(byCode('B-STUCK').Alerts)).toContain('Not on track: PHQ-9');
    // Core says the same of both.
    const kinds = (code: string) => clientAlerts(core.find((c) => c.clientCode === code)!, SETTINGS).map((a) => a.kind);
    expect(kinds('B-MILD')).toEqual([]);
    expect(kinds('B-STUCK')).toContain('not-on-track');
  });

  test('one row per active client, most at risk first: the safety client, then the deteriorating one', () => {
    expect(shown.map((r) => r.Client)).not.toContain('C-PAUSED');
    expect(shown.slice(0, 2).map((r) => r.Client)).toEqual(['C-SAFE', 'C-DET']);
    expect(String(shown[0].Alerts)).toBe('Safety: PHQ-9 item 9 (self-harm thoughts) endorsed: review risk now');
    expect(String(shown[1].Alerts)).toBe('Reliable deterioration: PHQ-9');
    // The whole order is core's risk order, ties by client code.
    const expected = supervisionRows(core, SETTINGS)
      .map((r) => ({ code: r.clientCode, rank: r.riskRank }))
      .sort((a, b) => a.rank - b.rank || (a.code < b.code ? -1 : 1))
      .map((r) => r.code);
    expect(shown.map((r) => r.Client)).toEqual(expected);
  });

  test.each(CASES.map((c) => [c.code]))('%s: alerts, risk key, latest scores, bands and change categories equal core', (code) => {
    const c = core.find((x) => x.clientCode === code)!;
    const row = shown.find((r) => r.Client === code)!;
    const alerts = clientAlerts(c, SETTINGS);
    expect(row.Alerts).toBe(alertText(alerts));
    expect(row.Risk).toBe(riskWord(alerts));
    // The number that orders the list stays in the hidden helper, equal to core's rank.
    expect(helper(em).find((r) => r.Client === code)!['Risk rank']).toBe(riskRank(alerts));
    const sup = supervisionRows([c], SETTINGS)[0];
    for (const m of sup.measures) {
      expect([m.instrument, row[`${m.instrument} latest`], row[`${m.instrument} band`], row[`${m.instrument} change`]]).toEqual([m.instrument, m.latest?.total ?? '', m.latest?.band ?? '', m.category ?? '']);
    }
    expect([row.Sessions, row['GAS T-score'], row['GAS change']]).toEqual([c.sessions, sup.gasTScore ?? '', sup.gasChange ?? '']);
    expect(row.Review).toBe(sup.review.overdue ? 'Overdue' : sup.review.due ? 'Due' : `At session ${sup.review.nextAt}`);
  });

  test('every alert kind is exercised by the seed', () => {
    const kinds = new Set(core.flatMap((c) => (c.status === 'active' ? clientAlerts(c, SETTINGS).map((a) => a.kind) : [])));
    expect([...kinds].sort()).toEqual([...ALERT_ORDER].sort());
  });

  test('per-clinician totals equal core, with blanks (not #DIV/0!) where there is nothing to divide', () => {
    const sheet = em.spreadsheet.getSheetByName('Supervision')!;
    // The totals table starts at the second "Clinician" header of row 3 (R, after the list's Task completion column).
    const heads = sheet.getRange(3, 1, 1, sheet.getLastColumn()).getValues()[0];
    const at = heads.indexOf('Clinician', heads.indexOf('Clinician') + 1) + 1;
    expect(at).toBe(18);
    const v = sheet.getRange(3, at, 10, 5).getValues();
    expect(v[0].slice(0, 4)).toEqual(['Clinician', 'Caseload', 'Reliably improved %', 'Review overdue %']);
    expect(v[0][4]).toBe('Measured in last 4 sessions %');
    const t = supervisionTotals(supervisionRows(core, SETTINGS));
    const pct = (p: number | null) => (p === null ? '' : p);
    const want = [t.all, ...t.clinicians].map((x) => [x.clinician, x.caseload, pct(x.reliablyImproved.percent), pct(x.reviewOverdue.percent), pct(x.measuredRecently.percent)]);
    expect(v.slice(1, 1 + want.length)).toEqual(want);
    // Dr Lone's only client has no change category yet: blank, not an error.
    expect(want.find((w) => w[0] === 'Dr Lone')![2]).toBe('');
  });

  test('the clinician selector filters the list (typed like a person), blank shows everyone', () => {
    em.edit('Supervision', 1, 2, 'Dr Chen');
    expect(table(em).map((r) => r.Clinician)).toEqual(['Dr Chen', 'Dr Chen', 'Dr Chen']);
    expect(table(em).map((r) => r.Client)).toEqual(['C-DET', 'C-FLAT', 'A-ONE']);
    em.edit('Supervision', 1, 2, '');
    expect(table(em).length).toBe(CASES.length);
  });

  test('conditional formats: safety rows red, deterioration amber (by the risk words), bands by severity', () => {
    const rules = em.exportState().sheets.find((s) => s.name === 'Supervision')!.conditionalFormats;
    const text = JSON.stringify(rules);
    expect(rules.length).toBeGreaterThanOrEqual(5);
    expect(rules.slice(0, 2).map((r) => [r.condition?.values[0], r.format?.background])).toEqual([
      [`=$B4="${RISK_WORDS.safety}"`, '#ea9999'],
      [`=$B4="${RISK_WORDS['reliable-deterioration']}"`, '#fce5cd'],
    ]);
    expect(text.toLowerCase()).toContain('severe');
    expect(text.toLowerCase()).toContain('moderate');
  });

  test('alerts wrap in a wide column; clinician names and e-mail addresses and the headers have room', () => {
    const sheet = em.spreadsheet.getSheetByName('Supervision')!;
    expect(sheet.getColumnWidth(3)).toBeGreaterThanOrEqual(300);
    // Clinician (D) and the totals' clinician column (R, after Task completion) fit an address such as clinician.a@example.org.
    expect([sheet.getColumnWidth(4), sheet.getColumnWidth(18)]).toEqual([200, 200]);
    expect(['A3', 'B3', 'C3', 'C4', 'D4', 'R3'].map((a1) => sheet.getRange(a1).getWrap())).toEqual([true, true, true, true, true, true]);
    // Client, risk and alerts together fit the sheet beside a 300 px sidebar on a 1366 px screen (about 1000 px of grid).
    expect(sheet.getColumnWidth(1) + sheet.getColumnWidth(2) + sheet.getColumnWidth(3)).toBeLessThanOrEqual(700);
  });

  test('a second setup rewrites nothing', () => {
    const before = em.exportState();
    // Not even the same contents again: the tabs are compared with their formulas as Sheets stores them ('Clients'!A:A as Clients!A:A).
    const run = measure(em, () => em.run('setupSpreadsheet'));
    expect(run.log.filter((call) => /\.(set|clear|insert|delete|hide|show)/.test(call))).toEqual([]);
    expect(em.exportState()).toEqual(before);
  });

  test('an earlier layout (risk a number last, alerts in M, 420 px wide) is rewritten in place by setup; a clinic column beyond the tab stays', () => {
    const supervision = () => em.exportState().sheets.find((s) => s.name === 'Supervision')!;
    const want = supervision();
    const sheet = em.spreadsheet.getSheetByName('Supervision')!;
    const rows = sheet.getMaxRows() - 2;
    const block = sheet.getRange(3, 1, rows, 15);
    const [f, v] = [block.getFormulas(), block.getValues()];
    // Earlier order: client, clinician, sessions, last session, the measures, GAS, alerts, review, risk (today's column indexes).
    const earlier = [0, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 2, 14, 1];
    block.setValues(f.map((r, i) => earlier.map((k) => r[k] || v[i][k])));
    // The earlier code formatted its own rows only (capacity + 3, the helper's rows + 2).
    sheet.getRange(4, 4, em.spreadsheet.getSheetByName('Attain alerts')!.getMaxRows() - 1, 1).setNumberFormat('yyyy-mm-dd');
    sheet.getRange(3, 1, rows, 15).setWrap(false);
    sheet.setColumnWidth(13, 420);
    sheet.insertColumnsAfter(sheet.getMaxColumns(), 2);
    const clinic = sheet.getMaxColumns();
    sheet.getRange(3, clinic, 2, 1).setValues([['Supervisor notes'], ['Discussed C-DET on 2026-03-02']]);
    expect(sheet.getRange('A3:C3').getValues()[0]).toEqual(['Client', 'Clinician', 'Sessions']);

    em.run('setupSpreadsheet');

    const got = supervision();
    const letter = columnLetters(clinic);
    const clinicCol = got.cells.filter((c) => /^[A-Z]+/.exec(c.a1)![0] === letter);
    expect(clinicCol.map((c) => [c.a1, c.v])).toEqual([
      [`${letter}3`, 'Supervisor notes'],
      [`${letter}4`, 'Discussed C-DET on 2026-03-02'],
    ]);
    expect({ ...got, maxColumns: want.maxColumns, cells: got.cells.filter((c) => !clinicCol.includes(c)) }).toEqual(want);
    expect(table(em)).toEqual(shown);
  });
});
