// Export screen: a de-identified outcomes CSV (client codes, dates, totals, bands, GAS T-scores) built here with core's outcomesCsv from getOutcomes' rows; offered as a download and as read-only text to copy.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Bootstrap, OutcomesData } from '../../src/contract';
import { CheckboxField } from '../components/Field';
import { LoadProblem, Notice } from '../components/Messages';
import { ScreenHeading } from '../components/Screen';
import { useAction } from '../hooks/useAction';
import { csvFileName, csvOrProblem } from '../model/review';
import { call } from '../rpc';

export function ExportScreen({ boot }: { boot: Bootstrap }) {
  const load = useAction();
  const [data, setData] = useState<OutcomesData | null>(null);
  const [all, setAll] = useState(false);
  const [url, setUrl] = useState<string | null>(null);
  // core refuses a row it cannot export safely; the reason is shown instead of a CSV.
  const { csv, problem } = useMemo(() => (data ? csvOrProblem(data.rows, all) : { csv: '', problem: null }), [data, all]);
  // One object URL per CSV text, revoked when it changes or the screen closes.
  useEffect(() => {
    if (!csv) {
      setUrl(null);
      return;
    }
    const u = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [csv]);

  const build = async () => {
    const d = await load.run(() => call('getOutcomes'));
    if (d) setData(d);
  };

  const lines = data ? data.rows.length : 0;
  return (
    <section aria-labelledby="export-h">
      <ScreenHeading id="export-h">Export outcomes</ScreenHeading>
      <p class="muted small">
        A CSV of every client's measure totals and bands and their goal-review GAS T-scores, by client code and date. No names, notes or goal wording leave the spreadsheet. It is built here in the sidebar: nothing is saved to Drive.
      </p>
      <CheckboxField id="export-all" label="Also include the session number and GAS change from baseline" checked={all} onChange={setAll} />
      <div class="actions">
        <button type="button" class="btn btn-primary" onClick={() => void build()} aria-disabled={load.pending ? 'true' : undefined}>
          {load.pending ? 'Reading the spreadsheet…' : data ? 'Build the CSV again' : 'Build the CSV'}
        </button>
      </div>
      <LoadProblem action={load} />
      {problem ? (
        <Notice kind="error" role="alert">
          The CSV could not be built: {problem}
        </Notice>
      ) : null}
      {data && csv ? (
        <>
          <p role="status" id="export-summary">
            {lines} row{lines === 1 ? '' : 's'} from {data.clients} client{data.clients === 1 ? '' : 's'}.
            {data.skipped ? ` Left out ${data.skipped} client${data.skipped === 1 ? ' whose code looks like a name' : 's whose codes look like names'}.` : ''}
          </p>
          <div class="actions">
            {url ? (
              <a class="btn" id="export-download" href={url} download={csvFileName(boot.today)}>
                Download {csvFileName(boot.today)}
              </a>
            ) : null}
          </div>
          <div class="field">
            <label for="export-csv">CSV text (select all and copy if the download is blocked)</label>
            <textarea id="export-csv" readOnly rows={8} value={csv} spellcheck={false} onFocus={(e) => (e.currentTarget as HTMLTextAreaElement).select()} />
          </div>
        </>
      ) : null}
    </section>
  );
}
