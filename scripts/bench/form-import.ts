// Service calls of one form import of 10 and 1,000 responses (calls_import_form_responses_*): flat by design, each tab read once and written once (responses tab read as one block, Clients codes once, the PHQ-9 Source column once, PHQ-9 appended once, Audit once).
import { caseload, formResponses, measure, ok, setSetting, type FormRow } from '../../kit/workbook';

type Report = (name: string, value: number, unit: string) => void;

export async function run(report: Report, _ctx: { dist: Record<string, unknown>; root: string }): Promise<void> {
  for (const n of [10, 1000]) {
    const { em } = caseload(100);
    setSetting(em, 'forms.links', 'Form Responses 1 = PHQ-9');
    // One response a minute, each from one of the 100 clients, every answer in range.
    const rows: FormRow[] = Array.from({ length: n }, (_, i) => ({
      at: `2026-11-${String(1 + Math.floor(i / 600)).padStart(2, '0')} ${String(8 + Math.floor((i % 600) / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00`,
      code: `C-${String((i % 100) + 1).padStart(5, '0')}`,
      answers: Array.from({ length: 9 }, (_, k) => (i + k) % 4),
    }));
    formResponses(em, 'Form Responses 1', rows);
    const m = measure(em, () => {
      const d = ok<{ links: { imported: number }[] }>(em.run('importFormResponses', {}));
      if (d.links[0].imported !== n) throw new Error(`Expected ${n} responses imported; got ${d.links[0].imported}`);
    });
    report(`calls_import_form_responses_${n}`, m.total, 'calls');
    report(`io_calls_import_form_responses_${n}`, m.counted, 'calls');
    report(`cells_read_import_form_responses_${n}`, m.cells, 'cells');
  }
}
