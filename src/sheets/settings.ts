// The Settings tab's rows as data (key, label, default, validation, note) and reading them back into typed settings.
import { BUILT_IN_INSTRUMENTS } from '../core/instruments/registry';
import { clinicChoices } from '../core/instruments/clinic-choices';
import type { InstrumentDefinition } from '../core/instruments/schema';
import type { InstrumentOptions } from './instrument-layout';
import type { Validation } from './columns';
import { FORM_LINKS_KEY } from '../core/form-import';

export interface SettingRow {
  key: string;
  label: string;
  value: string | number | boolean;
  validation?: Validation;
  about: string;
}

export const DEFAULT_INSTRUMENTS = ['phq9', 'gad7'];

/** Every setting row, in the order setup writes them; instrument rows come from the registry. */
export function settingRows(instruments: readonly InstrumentDefinition[] = BUILT_IN_INSTRUMENTS): SettingRow[] {
  const rows: SettingRow[] = [
    { key: 'schema.version', label: 'Layout version', value: 0, about: 'Written by "Set up this spreadsheet"; tells Attain which layout this workbook has. Do not edit.' },
    { key: 'clinic.name', label: 'Clinic name', value: '', about: 'Shown in the sidebar header.' },
    { key: 'review.everySessions', label: 'Review goals every N sessions', value: 4, validation: { kind: 'number', min: 1, max: 12 }, about: 'Schedule a formal goal review every 4–6 sessions (seed 003); default 4.' },
    { key: 'gas.rho', label: 'GAS ρ (correlation between goals)', value: 0.3, validation: { kind: 'number', min: 0, max: 0.99 }, about: 'Kiresuk–Sherman T-score; 0.3 is the usual value (Turner-Stokes 2009 erratum [S1], gasr [S6]).' },
    { key: 'gas.baseline', label: 'Default GAS baseline', value: -1, validation: { kind: 'list', values: ['-1', '-2'] }, about: '-1 when the client has some ability, -2 when none at all (Turner-Stokes [S2]). Each goal can still set its own.' },
    { key: 'alerts.notOnTrackSession', label: 'Not-on-track check from session K', value: 3, validation: { kind: 'number', min: 1, max: 20 }, about: 'From this session on, flag a client whose ratings have not improved since the start (policy).' },
    { key: 'alerts.plateauWindow', label: 'Plateau window M (sessions)', value: 3, validation: { kind: 'number', min: 2, max: 12 }, about: 'Flag a goal whose rating has not changed over the last M sessions (policy).' },
    { key: 'alerts.measureOverdue', label: 'Measure overdue after N sessions', value: 4, validation: { kind: 'number', min: 1, max: 20 }, about: 'Flag an enabled measure not completed in the last N sessions (policy).' },
    { key: 'protection.mode', label: 'Protection mode', value: 'warning', validation: { kind: 'list', values: ['warning', 'strict'] }, about: 'warning: editing headers and computed columns shows a warning; strict: only the owner, the person who ran setup and the supervisors may edit them or this tab. Applied by "Set up this spreadsheet"; back to warning only by the owner or whoever set strict.' },
    { key: 'supervisors', label: 'Supervisors', value: '', about: 'Email addresses, separated by commas, who may edit protected ranges in strict mode. Applied (added and removed) by "Set up this spreadsheet".' },
    {
      key: FORM_LINKS_KEY,
      label: 'Form links',
      value: '',
      about: 'Which Google Form responses tab feeds which measure: "<responses tab> = <measure>", one per line or separated by ";", e.g. "Form Responses 1 = PHQ-9". Optional: "(code: <question>)" names the client-code question. Then Extensions ▸ Attain ▸ Import form responses. See the README, "Questionnaires clients fill in themselves".',
    },
  ];
  for (const def of instruments) {
    const on = DEFAULT_INSTRUMENTS.includes(def.id);
    rows.push({ key: `instrument.${def.id}`, label: `Use ${def.name}`, value: on, validation: { kind: 'checkbox' }, about: `Tick to get a ${def.name} tab (then run "Set up this spreadsheet"). ${def.licence}` });
    const choices = clinicChoices(def);
    if (def.bandSchemes && choices.bandScheme) {
      rows.push({
        key: `${def.id}.bandScheme`,
        label: `${def.name} band scheme`,
        value: def.bandSchemes[0].name,
        validation: { kind: 'list', values: def.bandSchemes.map((b) => b.name) },
        about: `Sources disagree on ${def.name} bands: ${def.bandSchemes.map((b) => `${b.name} ${b.source}`).join('; ')}. Applies to rows recorded after a change.`,
      });
    }
    const cut = def.cutoff;
    if (cut?.range && choices.cutoff) {
      rows.push({ key: `${def.id}.cutoff`, label: `${def.name} cut-off`, value: cut.value, validation: { kind: 'number', min: cut.range[0], max: cut.range[1] }, about: `${cut.note} ${cut.source}. Applies to rows recorded after a change.` });
    }
    if (cut && choices.atCutoff) {
      rows.push({ key: `${def.id}.atCutoffIsClinical`, label: `${def.name}: a score exactly at ${cut.value} is "${cut.clinicalLabel}"`, value: cut.atCutoffIsClinical, validation: { kind: 'checkbox' }, about: `${cut.note} ${cut.source}. Applies to rows recorded after a change.` });
    }
  }
  return rows;
}

export interface Settings {
  schemaVersion: number;
  clinic: string;
  reviewEvery: number;
  rho: number;
  baseline: -1 | -2;
  protectionMode: 'warning' | 'strict';
  supervisors: string[];
  /** Enabled instrument ids in registry order. */
  instruments: string[];
  options: Record<string, InstrumentOptions>;
  raw: Record<string, unknown>;
}

function num(v: unknown, fallback: number, min: number, max: number): number {
  return typeof v === 'number' && isFinite(v) && v >= min && v <= max ? v : fallback;
}

/** Typed settings from key → cell value; anything missing or out of range falls back to its default. */
export function parseSettings(raw: Record<string, unknown>, instruments: readonly InstrumentDefinition[] = BUILT_IN_INSTRUMENTS): Settings {
  const has = (k: string) => Object.prototype.hasOwnProperty.call(raw, k);
  const bool = (k: string, d: boolean) => (has(k) ? raw[k] === true || String(raw[k]).toUpperCase() === 'TRUE' : d);
  const enabled = instruments.filter((d) => bool(`instrument.${d.id}`, DEFAULT_INSTRUMENTS.includes(d.id))).map((d) => d.id);
  const options: Record<string, InstrumentOptions> = {};
  for (const d of instruments) {
    const o: InstrumentOptions = {};
    const scheme = raw[`${d.id}.bandScheme`];
    if (typeof scheme === 'string' && d.bandSchemes?.some((b) => b.name === scheme || b.id === scheme)) o.bandScheme = scheme;
    const cut = raw[`${d.id}.cutoff`];
    if (d.cutoff?.range && typeof cut === 'number' && cut >= d.cutoff.range[0] && cut <= d.cutoff.range[1]) o.cutoff = cut;
    if (d.cutoff && has(`${d.id}.atCutoffIsClinical`)) o.atCutoffIsClinical = bool(`${d.id}.atCutoffIsClinical`, d.cutoff.atCutoffIsClinical);
    options[d.id] = o;
  }
  const baseline = raw['gas.baseline'];
  const mode = String(raw['protection.mode'] ?? 'warning').trim().toLowerCase();
  return {
    schemaVersion: num(raw['schema.version'], 0, 0, 1e6),
    clinic: typeof raw['clinic.name'] === 'string' ? (raw['clinic.name'] as string).trim() : String(raw['clinic.name'] ?? ''),
    reviewEvery: num(raw['review.everySessions'], 4, 1, 12),
    rho: num(raw['gas.rho'], 0.3, 0, 0.99),
    baseline: baseline === -2 || baseline === '-2' ? -2 : -1,
    protectionMode: mode === 'strict' ? 'strict' : 'warning',
    supervisors: String(raw.supervisors ?? '')
      .split(/[,;\s]+/)
      .map((s) => s.trim())
      .filter((s) => s.includes('@')),
    instruments: enabled,
    options,
    raw,
  };
}

// ---- Settings that take effect only when setup runs (issue 11) -----------------

/** DocumentProperties key: JSON of key → the value text the last setup applied, for the settings below. */
export const APPLIED_PROPERTY = 'attain.appliedSettings';

/** Settings that change nothing until "Set up this spreadsheet" runs: protection mode, supervisors, the measures in use. */
export function appliesAtSetup(key: string): boolean {
  return key === 'protection.mode' || key === 'supervisors' || key.startsWith('instrument.');
}

/** A cell value as the Applied column and DocumentProperties keep it: text, checkboxes TRUE/FALSE, blank "(none)" (so an applied blank differs from never applied). */
export function appliedText(v: unknown): string {
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  const t = String(v ?? '').trim();
  return t === '' ? '(none)' : t;
}

/** Labels of setup-only settings whose value differs from what the last setup applied (compared as Sheets compares text: ignoring case). */
export function pendingSetup(raw: Record<string, unknown>, applied: Record<string, string>, instruments: readonly InstrumentDefinition[] = BUILT_IN_INSTRUMENTS): string[] {
  return settingRows(instruments)
    .filter((r) => appliesAtSetup(r.key) && r.key in applied && r.key in raw && appliedText(raw[r.key]).toLowerCase() !== String(applied[r.key]).toLowerCase())
    .map((r) => r.label);
}

/** The applied record from its DocumentProperties text; anything unreadable counts as nothing applied (no false "waits for setup"). */
export function parseApplied(text: string | null): Record<string, string> {
  if (!text) return {};
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, string>) : {};
  } catch {
    return {};
  }
}
