// Import form responses screen: previews what Attain understood of each linked Google Form responses tab (previewFormImport), imports on request (importFormResponses), safety lines first, then every response not imported with its reason; text is rendered only as text.
import { useState } from 'preact/hooks';
import type { FormImportData } from '../../src/contract';
import { LoadProblem, Notice } from '../components/Messages';
import { ScreenHeading } from '../components/Screen';
import { useAction } from '../hooks/useAction';
import { call } from '../rpc';

export function ImportScreen() {
  const look = useAction();
  const save = useAction();
  const [data, setData] = useState<FormImportData | null>(null);
  const preview = async () => {
    save.clear();
    const r = await look.run(() => call('previewFormImport'));
    if (r) setData(r);
  };
  const run = async () => {
    const r = await save.run((requestId) => call('importFormResponses', { requestId }));
    if (r) setData(r);
  };
  const importable = data ? data.links.reduce((s, l) => s + l.importable, 0) : 0;
  return (
    <section aria-labelledby="import-h">
      <ScreenHeading id="import-h">Import form responses</ScreenHeading>
      <p class="muted small">
        Questionnaires clients filled in on a Google Form linked to this spreadsheet (Settings ▸ Form links says which responses tab feeds which measure). Attain never edits the responses tab; a response it cannot import stays there, listed with the reason, for you to fix and import later.
      </p>
      <div class="actions">
        <button type="button" class="btn" id="import-preview" onClick={() => void preview()} aria-disabled={look.pending ? 'true' : undefined}>
          {look.pending ? 'Reading…' : data ? 'Look again' : 'Look at the responses'}
        </button>
        {data && !data.done && importable > 0 ? (
          <button type="button" class="btn btn-primary" id="import-run" onClick={() => void run()} aria-disabled={save.pending ? 'true' : undefined}>
            {save.pending ? 'Importing…' : `Import ${importable} response${importable === 1 ? '' : 's'}`}
          </button>
        ) : null}
      </div>
      <LoadProblem action={look} />
      <LoadProblem action={save} />
      {save.notice ? (
        <Notice kind="info" role="status">
          {save.notice}
        </Notice>
      ) : null}
      {data ? (
        <>
          {data.safety.length ? (
            <Notice kind="warn" role="alert">
              <ul class="check-list" id="import-safety">
                {data.safety.map((s, i) => (
                  <li key={i}>
                    <strong>{s}</strong>
                  </li>
                ))}
              </ul>
            </Notice>
          ) : null}
          <Notice kind={data.done ? 'ok' : 'info'} role="status">
            <span id="import-summary">{data.summary}</span>
          </Notice>
          {data.problems.length ? (
            <ul class="check-list">
              {data.problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          ) : null}
          {data.links.map((l) => (
            <div key={l.tab} class="import-link">
              <h3>
                {l.tab} → {l.instrument}
              </h3>
              {l.problem ? (
                <Notice kind="warn" role="status">
                  {l.problem}
                </Notice>
              ) : (
                <>
                  <p class="small">{data.done ? `Imported ${l.imported}.` : `Would import ${l.importable}.`}</p>
                  <details>
                    <summary>What Attain understood</summary>
                    <ul class="check-list small">
                      {l.understood.map((u, i) => (
                        <li key={i}>{u}</li>
                      ))}
                    </ul>
                  </details>
                </>
              )}
              {l.rejected.length ? (
                <>
                  <h4>Not imported ({l.rejected.length})</h4>
                  <ul class="check-list import-rejected">
                    {l.rejected.map((r) => (
                      <li key={r.row}>
                        <strong>
                          Row {r.row} ({r.code || 'no code'}
                          {r.when ? `, ${r.when}` : ''})
                        </strong>
                        : {r.reason}
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </div>
          ))}
        </>
      ) : null}
    </section>
  );
}
