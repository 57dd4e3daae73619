// Setup and one recorded session on the five-year clinic (issue 14): calls_setup_5y / io_calls_setup_5y (setup run again on the clinic's workbook), setup_changed_data_cells_5y (the clinic's typed cells it changed: must be 0) and recalc_ms_record_session_5y (formula-engine time of one recordSession, median over three clients, as recalc_ms_record_session_demo).
import { fiveYearClinic, writeClinic, type Clinic } from '../../kit/five-year-clinic';
import { emulator, measure, ok, session } from '../../kit/workbook';
import type { Emulator } from '../../emulator';

type Report = (name: string, value: number, unit: string) => void;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** The clinic's typed cells as the sheet holds them now: per tab, its input columns (found by header), every data row. */
function typedCells(em: Emulator, clinic: Clinic): Map<string, unknown[][]> {
  const out = new Map<string, unknown[][]>();
  for (const [name, tab] of Object.entries(clinic.tabs)) {
    const sheet = em.spreadsheet.getSheetByName(name)!;
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
    const rows = sheet.getLastRow() - 1;
    for (const h of tab.headers) out.set(`${name}!${h}`, rows > 0 ? sheet.getRange(2, header.indexOf(h) + 1, rows, 1).getValues() : []);
  }
  return out;
}

function changedCells(before: Map<string, unknown[][]>, after: Map<string, unknown[][]>): number {
  let n = 0;
  for (const [key, was] of before) {
    const now = after.get(key) ?? [];
    for (let i = 0; i < Math.max(was.length, now.length); i++) if (String(was[i]?.[0] ?? '') !== String(now[i]?.[0] ?? '')) n++;
  }
  return n;
}

export async function run(report: Report, _ctx: { dist: Record<string, unknown>; root: string }): Promise<void> {
  const em = emulator();
  em.run('setupSpreadsheet');
  const clinic = fiveYearClinic();
  writeClinic(em, clinic);
  const before = typedCells(em, clinic);
  const m = measure(em, () => em.run('setupSpreadsheet'));
  report('calls_setup_5y', m.total, 'calls');
  report('io_calls_setup_5y', m.counted, 'calls');
  report('setup_changed_data_cells_5y', changedCells(before, typedCells(em, clinic)), 'cells');
  // Three active clients, each recording one session with ratings of up to five active goals, a PHQ-9 and a GAD-7.
  const active = clinic.tabs.Clients.rows.filter((r) => r[0] && r[3] === 'active').map((r) => String(r[0]));
  const times: number[] = [];
  for (const code of active.slice(0, 3)) {
    const detail = ok<{ goals: { id: string; status: string }[] }>(em.run('getClient', code));
    const ids = detail.goals.filter((g) => g.status === 'active').map((g) => g.id).slice(0, 5);
    // Everything read so far is evaluated first (evaluationMs evaluates pending writes), so the difference is this session's recalculation.
    const t0 = em.evaluationMs();
    ok(em.run('recordSession', session(code, ids, { date: clinic.lastDate, clinician: 'Dr Ana Rivera' })));
    times.push(em.evaluationMs() - t0);
  }
  report('recalc_ms_record_session_5y', Math.round(median(times)), 'ms');
}
