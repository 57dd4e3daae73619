// Setup on the built bundle: every tab with headers, notes, frozen rows and validations; idempotent byte for byte; an older layout migrates in place.
import type { EmulatorState } from '../../../emulator';
import { AUDIT, CLIENTS, FIXED_TABS, GOALS, instrumentTab, PRIORITIES, RATINGS, SESSIONS, SETTINGS } from '../../../src/sheets/layout';
import { findInstrument } from '../../../src/core/instruments/registry';
import { columnLetters } from '../../../src/sheets/formulas';
import { client, emulator, fiveGoalPlan, ok, session, setUp } from '../../../kit/workbook';

type Cell = EmulatorState['sheets'][number]['cells'][number];

/** Pre-existing cells that differ (or vanished) after, and cells that appeared: both empty when nothing changed. */
function diff(before: Map<string, Cell>, after: Map<string, Cell>): { changed: string[]; added: string[] } {
  const changed = [...before].filter(([k, c]) => JSON.stringify(after.get(k)) !== JSON.stringify(c)).map(([k]) => k);
  return { changed, added: [...after.keys()].filter((k) => !before.has(k)) };
}

/** Every non-empty cell by sheet and A1. */
function cells(state: EmulatorState): Map<string, Cell> {
  const m = new Map<string, Cell>();
  for (const s of state.sheets) for (const c of s.cells) m.set(`${s.name}!${c.a1}`, c);
  return m;
}

const LAYOUTS = [...FIXED_TABS, instrumentTab(findInstrument('phq9')), instrumentTab(findInstrument('gad7'))];

describe('setup on a new spreadsheet', () => {
  const em = setUp();
  const state = em.exportState();

  test.each(LAYOUTS.map((l) => [l.name, l] as const))('%s: headers in layout order, each with its note, row 1 frozen', (name, layout) => {
    const sheet = state.sheets.find((s) => s.name === name)!;
    expect(sheet).toBeDefined();
    expect(sheet.frozenRows).toBe(1);
    const header = layout.columns.map((_, i) => sheet.cells.find((c) => c.a1 === `${columnLetters(i + 1)}1`));
    // A spill column's header cell is its formula, whose first value is the header.
    expect(header.map((c, i) => (layout.columns[i].spill ? c?.f?.startsWith('=') : c?.v))).toEqual(layout.columns.map((c) => (c.spill ? true : c.header)));
    expect(em.spreadsheet.getSheetByName(name)!.getRange(1, 1, 1, layout.columns.length).getValues()[0]).toEqual(layout.columns.map((c) => c.header));
    expect(header.map((c) => c?.note)).toEqual(layout.columns.map((c) => c.note));
    expect(header.every((c) => c?.fw === 'bold')).toBe(true);
  });

  test('every constrained column has its validation on row 2 and on the last row', () => {
    const all = cells(state);
    for (const layout of LAYOUTS) {
      const sheet = state.sheets.find((s) => s.name === layout.name)!;
      layout.columns.forEach((c, i) => {
        if (!c.validation) return;
        const letter = columnLetters(i + 1);
        for (const row of [2, sheet.maxRows]) {
          const dv = all.get(`${layout.name}!${letter}${row}`)?.dv;
          expect([layout.name, c.header, row, dv?.criteria]).toEqual([layout.name, c.header, row, expect.any(String)]);
          expect(dv?.allowInvalid).toBe(false);
        }
      });
    }
  });

  test('date columns are formatted yyyy-mm-dd and text columns as plain text', () => {
    const all = cells(state);
    expect(all.get('Sessions!B2')?.nf).toBe('yyyy-mm-dd');
    expect(all.get('Clients!A2')?.nf).toBe('@');
    expect(all.get('Audit!A2')?.nf).toBe('yyyy-mm-dd hh:mm:ss');
  });

  test('Settings holds the documented defaults and records the schema version', () => {
    const settings = state.sheets.find((s) => s.name === 'Settings')!;
    const byKey = new Map<string, unknown>();
    const rows = new Map<number, Record<string, unknown>>();
    for (const c of settings.cells) {
      const m = /^([A-Z]+)(\d+)$/.exec(c.a1)!;
      const r = rows.get(Number(m[2])) ?? {};
      r[m[1]] = c.v;
      rows.set(Number(m[2]), r);
    }
    for (const r of rows.values()) if (typeof r.D === 'string') byKey.set(r.D, r.B);
    expect(byKey.get('schema.version')).toBe(1);
    expect(byKey.get('review.everySessions')).toBe(4);
    expect(byKey.get('gas.rho')).toBe(0.3);
    expect(byKey.get('gas.baseline')).toBe(-1);
    expect(byKey.get('instrument.phq9')).toBe(true);
    expect(byKey.get('instrument.gad7')).toBe(true);
    expect(byKey.get('instrument.pcl5')).toBe(false);
    expect(byKey.get('pcl5.cutoff')).toBe(33);
    expect(byKey.get('k10.bandScheme')).toBe('ABS');
    expect(byKey.get('ors.atCutoffIsClinical')).toBe(false);
    expect(byKey.get('protection.mode')).toBe('warning');
    expect(state.properties.document['attain.schemaVersion']).toBe('1');
  });

  test('header rows carry a warning-only protection', () => {
    const index = state.sheets.find((x) => x.name === 'Attain index')!;
    expect([index.hidden, index.protections.map((p) => [p.type, p.warningOnly])]).toEqual([true, [['SHEET', true]]]);
    // Tabs built by formulas (Supervision, its helpers, Review) have whole-tab protections instead; computed columns have their own (supervision tests).
    for (const s of state.sheets.filter((x) => x.name !== 'Sheet1' && x !== index && !['Supervision', 'Attain alerts', 'Review', 'Attain codes'].includes(x.name))) {
      expect(s.protections.filter((p) => p.description.startsWith('Attain: header row of ')).map((p) => [p.range, p.warningOnly])).toEqual([['1:1', true]].map(([r, w]) => [expect.stringContaining(String(r).split(':')[0]), w]));
    }
  });

  test('no formula errors; the hidden index gives every column position by header', () => {
    expect(em.formulaErrors()).toEqual([]);
    const index = em.spreadsheet.getSheetByName('Attain index')!.getDataRange().getValues();
    const sessions = index.find((r) => r[0] === 'Sessions')!;
    // Last used row (header only so far), the width that covers (A:I), then the nine column positions (the last two the hidden key columns).
    expect(sessions.slice(1, 12)).toEqual([1, 9, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});

describe('setup is idempotent', () => {
  test('a workbook with clinic data, hand edits, extra columns and formatting is unchanged in every pre-existing cell, twice', () => {
    const em = setUp();
    ok(em.run('addClient', client('C-0001')));
    const plan = ok<{ goals: { id: string }[] }>(em.run('savePlan', fiveGoalPlan('C-0001')));
    ok(em.run('recordSession', session('C-0001', plan.goals.map((g) => g.id))));
    // Hand edits: a typed row, a user column with a header and values, a background, a changed setting, a note.
    // The clinic adds columns of its own first (a tab setup creates is only as wide as its layout).
    const room = em.spreadsheet.getSheetByName('Sessions')!.getLastColumn() + 1; // after Sessions' last column (its hidden key columns)
    for (const t of ['Clients', 'Sessions']) em.spreadsheet.getSheetByName(t)!.insertColumnsAfter(em.spreadsheet.getSheetByName(t)!.getMaxColumns(), 2);
    em.edit('Clients', 3, 1, 'C-0002');
    em.edit('Clients', 3, 2, 'Dr Typed');
    em.edit('Clients', 1, 8, 'Referral source');
    em.edit('Clients', 2, 8, 'GP');
    em.edit('Sessions', 1, room, 'Room');
    em.edit('Sessions', 2, room, '=1+1');
    em.spreadsheet.getSheetByName('Goals')!.getRange('F2').setBackground('#ffeeaa');
    em.spreadsheet.getSheetByName('PHQ-9')!.getRange('B1').setNote('Our own note');
    em.edit('Settings', 3, 2, 'Riverside Clinic');
    const before = em.exportState();
    em.run('setupSpreadsheet');
    const once = em.exportState();
    em.run('setupSpreadsheet');
    const twice = em.exportState();
    const b = cells(before);
    expect(b.size).toBeGreaterThan(1000);
    for (const after of [cells(once), cells(twice)]) expect(diff(b, after)).toEqual({ changed: [], added: [] });
    expect(twice.sheets.map((s) => s.name)).toEqual(before.sheets.map((s) => s.name));
    expect(twice).toEqual(before);
  });

  test('a typed cell blocking the "Order: rows" spill (row 1 shows #REF!): setup adds no second column and changes nothing, and its report says so', () => {
    const em = setUp();
    ok(em.run('addClient', client('C-0001')));
    ok(em.run('recordSession', session('C-0001', [])));
    const phq9 = em.spreadsheet.getSheetByName('PHQ-9')!;
    const width = phq9.getLastColumn();
    const at = phq9.getRange(1, 1, 1, width).getValues()[0].indexOf('Order: rows') + 1;
    em.edit('PHQ-9', 2, at, 'typed');
    const header = phq9.getRange(1, 1, 1, phq9.getMaxColumns()).getFormulas();
    expect(phq9.getRange(1, at).getValue()).toBe('#REF!');
    const before = em.exportState();
    const report = em.run('setupSpreadsheet') as { addedColumns: unknown[]; notes: string[] };
    expect(report.addedColumns).toEqual([]);
    expect(report.notes).toEqual([`The "PHQ-9" tab's working column "Order: rows" (${columnLetters(at)}) shows an error: cells typed below its header block it, so Change from first is blank there. Check this spreadsheet names them; its Repair clears them.`]);
    expect(phq9.getLastColumn()).toBe(width);
    expect(phq9.getRange(1, 1, 1, phq9.getMaxColumns()).getFormulas()).toEqual(header);
    expect(em.exportState()).toEqual(before);
  });
});

describe('an older layout migrates in place', () => {
  test('missing columns are appended after the last header; rows, user columns and values stay', () => {
    const em = setUp();
    ok(em.run('addClient', client('C-0001')));
    ok(em.run('addClient', client('C-0002')));
    const plan = ok<{ goals: { id: string }[] }>(em.run('savePlan', fiveGoalPlan('C-0001')));
    // Make it "version 0": no Modality in Clients, no Weight in Goals, no Event note in Sessions, a user column in Clients.
    const ss = em.spreadsheet;
    // A workbook set up before setup trimmed new tabs: Sheets' 26 columns each.
    for (const t of ss.getSheets()) if (t.getMaxColumns() < 26) t.insertColumnsAfter(t.getMaxColumns(), 26 - t.getMaxColumns());
    const clients = ss.getSheetByName('Clients')!;
    clients.deleteColumn(6); // "Code is not a name" came later still
    clients.deleteColumn(5);
    clients.getRange('E1').setValue('Referral source');
    clients.getRange('E2').setValue('GP');
    ss.getSheetByName('Goals')!.deleteColumn(25);
    // "Voided" came later still, and the hidden key columns (Order: live, Order: attended) last.
    for (const c of [9, 8, 7, 6]) ss.getSheetByName('Sessions')!.deleteColumn(c);
    const props = em.services.PropertiesService as GoogleAppsScript.Properties.PropertiesService;
    props.getDocumentProperties().setProperty('attain.schemaVersion', '0');
    const before = cells(em.exportState());

    const report = em.run('setupSpreadsheet') as { addedColumns: { tab: string; headers: string[] }[]; previousVersion: number };
    expect(report.previousVersion).toBe(0);
    expect(report.addedColumns).toEqual([
      { tab: 'Clients', headers: ['Modality', 'Code is not a name'] },
      { tab: 'Goals', headers: ['Weight'] },
      { tab: 'Sessions', headers: ['Event note', 'Voided', 'Order: live', 'Order: attended'] },
    ]);
    const after = cells(em.exportState());
    const { changed, added } = diff(before, after);
    // Clinic cells are untouched; only Attain's hidden index follows the moved columns (its last-row formulas now reach them).
    // The alerts helper follows the re-added Voided column too (its counts and lookups skip voided rows).
    expect(changed.filter((k) => !k.startsWith('Attain index!') && !k.startsWith('Attain alerts!'))).toEqual([]);
    const index = ss.getSheetByName('Attain index')!.getDataRange().getValues();
    expect(index.find((r) => r[0] === 'Clients')!.slice(1, 3)).toEqual([3, 7]);
    // Only the appended columns (header, formats, validations, filled formulas) and the version cell are new.
    expect(added.filter((k) => !/^Clients![FG]\d+$|^Goals!AB\d+$|^Sessions![F-I]\d+$/.test(k))).toEqual([]);
    expect(after.get('Clients!E1')?.v).toBe('Referral source');
    expect(after.get('Clients!F1')?.v).toBe('Modality');
    expect(after.get('Goals!AB1')?.v).toBe('Weight');
    // The new computed column is filled for the rows that were already there, and computes.
    expect(after.get('Goals!AB2')?.f).toBe('=IF(AND(ISNUMBER(W2),ISNUMBER(X2)),W2*X2,"")');
    expect(ss.getSheetByName('Goals')!.getRange('AB3').getValue()).toBe(2);
    expect(em.exportState().properties.document['attain.schemaVersion']).toBe('1');
    expect(em.formulaErrors()).toEqual([]);
    // Actions keep working on the migrated layout, mapping columns by header name.
    const s = ok<{ sessionNumber: number }>(em.run('recordSession', session('C-0001', plan.goals.map((g) => g.id), { note: 'after migration' })));
    expect(s.sessionNumber).toBe(1);
    const sessions = ss.getSheetByName('Sessions')!.getRange('A2:F2').getValues()[0];
    expect(sessions[0]).toBe('C-0001');
    expect(sessions[5]).toBe('after migration');
    expect(ok<{ client: { modality: string } }>(em.run('getClient', 'C-0002')).client.modality).toBe('');
  });

  test('before setup the sidebar is told so, and actions ask for setup instead of failing', () => {
    const em = emulator();
    const boot = ok<{ isSetUp: boolean; clients: unknown[]; instruments: { id: string }[] }>(em.run('getBootstrap'));
    expect(boot.isSetUp).toBe(false);
    expect(boot.clients).toEqual([]);
    expect(boot.instruments.map((i) => i.id)).toEqual(['phq9', 'gad7']);
    const r = em.run('addClient', client('C-0001')) as { ok: boolean; message: string };
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/Set up this spreadsheet/);
  });
});

export { AUDIT, CLIENTS, GOALS, PRIORITIES, RATINGS, SESSIONS, SETTINGS };

describe('protection mode', () => {
  test('strict limits header editing to the person running setup and the supervisors; cells stay untouched', () => {
    const em = setUp();
    const s = em.spreadsheet.getSheetByName('Settings')!;
    const keys = s.getRange(1, 4, s.getLastRow(), 1).getValues().map((r) => r[0]);
    em.edit('Settings', keys.indexOf('protection.mode') + 1, 2, 'strict');
    em.edit('Settings', keys.indexOf('supervisors') + 1, 2, 'lead@example.org');
    const before = cells(em.exportState());
    em.run('setupSpreadsheet');
    const state = em.exportState();
    const sessions = state.sheets.find((x) => x.name === 'Sessions')!.protections[0];
    expect([sessions.warningOnly, [...sessions.editors].sort()]).toEqual([false, ['clinician@example.org', 'lead@example.org']]);
    // Only the Applied record of the two settings setup applied changes (Settings column E).
    expect(diff(before, cells(state))).toEqual({ changed: [`Settings!E${keys.indexOf('protection.mode') + 1}`, `Settings!E${keys.indexOf('supervisors') + 1}`], added: [] });
  });
});
