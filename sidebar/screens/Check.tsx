// Check screen: runs "Check this spreadsheet" (checkSpreadsheet) and lists its summary, every problem with its fix, and the platform probes' outcomes; text is rendered only as text.
import { useState } from 'preact/hooks';
import type { CheckProblem, CheckReport } from '../../src/contract';
import { LoadProblem, Notice } from '../components/Messages';
import { ScreenHeading } from '../components/Screen';
import { useAction } from '../hooks/useAction';
import { call } from '../rpc';

const AREAS: { id: CheckProblem['area']; title: string }[] = [
  { id: 'layout', title: 'Layout' },
  { id: 'values', title: 'Computed values' },
  { id: 'platform', title: 'Platform' },
];

export function CheckScreen() {
  const load = useAction();
  const [report, setReport] = useState<CheckReport | null>(null);
  const run = async () => {
    const r = await load.run(() => call('checkSpreadsheet'));
    if (r) setReport(r);
  };
  const total = report ? report.counts.layout + report.counts.values + report.counts.platform : 0;
  return (
    <section aria-labelledby="check-h">
      <ScreenHeading id="check-h">Check this spreadsheet</ScreenHeading>
      <p class="muted small">
        Looks for what setup made and is no longer intact (tabs, headers, formulas, validations, protections, the hidden index), recomputes measure totals, bands and goal weights, and tests how this spreadsheet handles a few things Attain relies on. It changes nothing but one Audit row.
      </p>
      <div class="actions">
        <button type="button" class="btn btn-primary" id="check-run" onClick={() => void run()} aria-disabled={load.pending ? 'true' : undefined}>
          {load.pending ? 'Checking…' : report ? 'Check again' : 'Check now'}
        </button>
      </div>
      <LoadProblem action={load} />
      {report ? (
        <>
          <Notice kind={total ? 'warn' : 'ok'} role="status">
            <span id="check-summary">{report.summary}</span>
          </Notice>
          {AREAS.map((a) => {
            const list = report.problems.filter((p) => p.area === a.id);
            if (!list.length) return null;
            return (
              <div key={a.id}>
                <h3>
                  {a.title} ({report.counts[a.id]})
                </h3>
                <ul class="check-list">
                  {list.map((p, i) => (
                    <li key={i}>
                      <strong>{[p.tab, p.where].filter(Boolean).join(', ')}</strong>: {p.problem}
                      <br />
                      <span class="muted">Fix: {p.fix}</span>
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
          {report.moreProblems ? <p class="muted small">… and {report.moreProblems} more, not listed here; fix these and check again.</p> : null}
          <h3>Platform probes</h3>
          <ul class="check-list">
            {report.probes.map((p) => (
              <li key={p.id}>
                <strong>{p.passed ? (p.kind === 'observe' ? 'Noted' : 'OK') : 'Failed'}</strong> {p.tests}: {p.observed}
                {p.passed ? '' : ` (expected ${p.expected})`}
              </li>
            ))}
          </ul>
          <p class="muted small">Checked {report.checkedAt}.</p>
        </>
      ) : null}
    </section>
  );
}
