// A clinic in its fifth year as plain rows (issue 14): 12 clinicians, 2,000 clients (300 active), 50,000 sessions, 250,000 ratings, 45,000 PHQ-9 and 45,000 GAD-7 rows, 10,000 goals, 2,500 reviews, plus the irregularities hand-typing leaves; deterministic, and written straight into an emulator's cells.
import type { Emulator } from '../emulator';
import { itemsFor as items, rng } from '../preview/seed-data';
import { serial } from './workbook';

/** One tab's rows: values in the order of `headers` (Attain's input columns; computed columns are left to setup). */
export interface TabRows {
  headers: string[];
  rows: unknown[][];
}

export interface ClinicSize {
  clinicians: number;
  clients: number;
  active: number;
  sessionsPerClient: number;
  goalsPerClient: number;
}

/** The clinic; `scaled(k)` keeps every ratio and divides the clients by k. */
export const FIVE_YEARS: ClinicSize = { clinicians: 12, clients: 2000, active: 300, sessionsPerClient: 25, goalsPerClient: 5 };

export function scaled(k: number): ClinicSize {
  return { ...FIVE_YEARS, clients: Math.max(2, Math.round(FIVE_YEARS.clients / k)), active: Math.max(1, Math.round(FIVE_YEARS.active / k)) };
}

export interface Irregularities {
  /** Blank rows left inside Sessions, Ratings and PHQ-9 (a deleted row's contents, not the row). */
  blankRows: number;
  /** Rows typed without a client code (Sessions and PHQ-9). */
  rowsWithoutClient: number;
  /** Clients two of whose sessions (and their measures) were typed in the wrong order. */
  outOfOrderClients: number;
}

export interface Clinic {
  tabs: Record<string, TabRows>;
  irregular: Irregularities;
  /** Non-empty cells over every tab's rows (headers excluded). */
  dataCells: number;
  /** The last session date, the clinic's "today". */
  lastDate: string;
}

const LAST = '2026-11-20';
const DAY_MS = 86_400_000;
const isoPlus = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, x));

const SESSIONS = ['Client', 'Date', 'Session', 'Clinician', 'Attended', 'Event note'];
const RATINGS = ['Client', 'Session', 'Date', 'Goal ID', 'Rating (0–10)', 'GAS level'];
const measureHeaders = (n: number) => ['Client', 'Date', 'Session', ...Array.from({ length: n }, (_, i) => `Item ${i + 1}`)];

/**
 * Builds the clinic. Each client has `sessionsPerClient` ± a spread (pairs of clients balance, so the totals are exact),
 * weekly from a start date within the five years; every session rates every goal; PHQ-9 and GAD-7 are given at nine
 * sessions in ten; one review row in twenty sessions. Irregular rows are extra to those totals.
 */
export function fiveYearClinic(size: ClinicSize = FIVE_YEARS, seed = 5): Clinic {
  const rand = rng(seed);
  const clinicians = Array.from({ length: size.clinicians }, (_, i) => `clinician.${String.fromCharCode(97 + i)}@clinic.invalid`);
  const clients: unknown[][] = [];
  const goals: unknown[][] = [];
  const sessions: unknown[][] = [];
  const ratings: unknown[][] = [];
  const phq: unknown[][] = [];
  const gad: unknown[][] = [];
  const reviews: unknown[][] = [];
  const irregular: Irregularities = { blankRows: 0, rowsWithoutClient: 0, outOfOrderClients: 0 };
  let globalSession = 0;
  for (let c = 0; c < size.clients; c++) {
    const code = `C-${String(c + 1).padStart(5, '0')}`;
    const clinician = clinicians[c % clinicians.length];
    const spread = Math.floor(c / 2) % 20;
    const n = size.sessionsPerClient + (c % 2 === 0 ? spread : -spread);
    // Active clients are the most recent; the others finished at some point in the five years.
    const active = c >= size.clients - size.active;
    const lastOffset = active ? 0 : 7 * Math.floor(rand() * (5 * 52 - n));
    const start = isoPlus(LAST, -lastOffset - 7 * (n - 1) - 3);
    clients.push([code, clinician, serial(start), active ? 'active' : c % 7 === 0 ? 'paused' : 'discharged', c % 3 === 0 ? 'DBT' : 'CBT']);
    const ids: string[] = [];
    for (let g = 0; g < size.goalsPerClient; g++) {
      const id = g === 0 ? `${code}.G1` : `${code}.G1.O${g}`;
      ids.push(id);
      goals.push([id, g === 0 ? '' : `${code}.G1`, code, g === 0 ? 'long' : 'short', g === 0 ? 'Get back to work' : `Objective ${g}`, active ? 'active' : 'achieved', -1, 2, 1]);
    }
    const phqFrom = 8 + Math.floor(rand() * 15);
    const phqTo = clamp(phqFrom + Math.round((rand() - 0.7) * 16), 0, 27);
    const risky = rand() < 0.03;
    const clientSessions: unknown[][] = [];
    const clientRatings: unknown[][][] = [];
    const clientPhq: (unknown[] | null)[] = [];
    const clientGad: (unknown[] | null)[] = [];
    for (let s = 0; s < n; s++, globalSession++) {
      const date = serial(isoPlus(start, 7 * s));
      const frac = n > 1 ? s / (n - 1) : 1;
      clientSessions.push([code, date, s + 1, clinician, rand() > 0.08, s === 0 ? 'Assessment' : '']);
      const level = clamp(Math.round(-1 + 2.5 * frac + (rand() - 0.5)), -2, 2);
      clientRatings.push(ids.map((id) => [code, s + 1, date, id, clamp(Math.round(2 + 6 * frac + (rand() * 2 - 1)), 0, 10), level]));
      const total = clamp(Math.round(phqFrom + (phqTo - phqFrom) * frac + (rand() * 4 - 2)), 0, 27);
      clientPhq.push(globalSession % 10 === 9 ? null : [code, date, s + 1, ...items(total, 9, rand, risky && s === n - 1 ? { 8: 1 } : {})]);
      clientGad.push(globalSession % 10 === 4 ? null : [code, date, s + 1, ...items(clamp(Math.round(total * 0.75), 0, 21), 7, rand)]);
      if (globalSession % 20 === 10) reviews.push([code, date, s + 1, `${code}.G1`, 'continue', '', level, clamp(Math.round(2 + 6 * frac), 0, 10)]);
    }
    // One client in a hundred had two sessions typed in the wrong order (dates out of order in every tab).
    if (c % 100 === 37 && n > 3) {
      irregular.outOfOrderClients++;
      for (const list of [clientSessions, clientRatings, clientPhq, clientGad] as unknown[][]) [list[1], list[2]] = [list[2], list[1]];
    }
    sessions.push(...clientSessions);
    for (const r of clientRatings) ratings.push(...r);
    for (const r of clientPhq) if (r) phq.push(r);
    for (const r of clientGad) if (r) gad.push(r);
    // Every 250 clients, a deleted row's blank and a row typed without a client.
    if (c % 250 === 249) {
      for (const tab of [sessions, ratings, phq]) tab.push(new Array(tab[0].length).fill(''));
      irregular.blankRows += 3;
      sessions.push(['', serial(isoPlus(start, 1)), 1, clinician, true, 'typed without a client']);
      phq.push(['', serial(isoPlus(start, 1)), 1, ...items(12, 9, rand)]);
      irregular.rowsWithoutClient += 2;
    }
  }
  const tabs: Record<string, TabRows> = {
    Clients: { headers: ['Client code', 'Clinician', 'Start date', 'Status', 'Modality'], rows: clients },
    Goals: { headers: ['Goal ID', 'Parent ID', 'Client', 'Horizon', 'Goal', 'Status', 'Baseline', 'Importance', 'Difficulty'], rows: goals },
    Sessions: { headers: SESSIONS, rows: sessions },
    Ratings: { headers: RATINGS, rows: ratings },
    'PHQ-9': { headers: measureHeaders(9), rows: phq },
    'GAD-7': { headers: measureHeaders(7), rows: gad },
    Reviews: { headers: ['Client', 'Date', 'Session', 'Goal ID', 'Decision', 'Reason', 'GAS level', 'Rating'], rows: reviews },
  };
  let dataCells = 0;
  for (const t of Object.values(tabs)) for (const r of t.rows) for (const v of r) if (v !== '' && v !== null && v !== undefined) dataCells++;
  return { tabs, irregular, dataCells, lastDate: LAST };
}

/** Real (non-blank, client-coded) rows of a tab. */
export function realRows(t: TabRows): number {
  return t.rows.filter((r) => r[0] !== '' && r[0] !== null).length;
}

/** Writes the clinic's rows under a set-up workbook's headers, one setValues per tab and column run (values only; no action runs). */
export function writeClinic(em: Emulator, clinic: Clinic): void {
  for (const [name, tab] of Object.entries(clinic.tabs)) {
    if (!tab.rows.length) continue;
    const sheet = em.spreadsheet.getSheetByName(name);
    if (!sheet) throw new Error(`Expected a tab ${name}; run setup first`);
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map((h) => String(h));
    const at = tab.headers.map((h) => {
      const i = header.indexOf(h);
      if (i < 0) throw new Error(`Expected the header "${h}" in ${name}; row 1 has ${header.join(', ')}`);
      return i + 1;
    });
    const first = sheet.getLastRow() + 1;
    const need = first + tab.rows.length - 1 - sheet.getMaxRows();
    if (need > 0) sheet.insertRowsAfter(sheet.getMaxRows(), need);
    // Adjacent columns go in one write; computed columns between them are never written.
    for (let i = 0; i < at.length; ) {
      let j = i;
      while (j + 1 < at.length && at[j + 1] === at[j] + 1) j++;
      sheet.getRange(first, at[i], tab.rows.length, j - i + 1).setValues(tab.rows.map((r) => r.slice(i, j + 1)));
      i = j + 1;
    }
  }
}
