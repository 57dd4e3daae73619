// Check screen: runs "Check this spreadsheet" (checkSpreadsheet) and lists its summary, every problem with its fix, and the platform probes' outcomes; offers Repair (repairSpreadsheet) after a plain confirmation when some problems are repairable; text is rendered only as text.
import { useState } from 'preact/hooks';
import type { CheckProblem, CheckRepairPlan, CheckReport, RepairReport } from '../../src/contract';
import { LoadProblem, Notice } from '../components/Messages';
import { SaveFooter } from '../components/SaveFooter';
import { ScreenHeading } from '../components/Screen';
import { useAction } from '../hooks/useAction';
import { call } from '../rpc';

const AREAS: { id: CheckProblem['area']; title: string }[] = [
  { id: 'layout', title: 'Layout' },
  { id: 'values', title: 'Computed values' },
  { id: 'platform', title: 'Platform' },
];

/** What Repair will do, in the words of its confirmation. */
export function repairPromise(plan: CheckRepairPlan): string {
  const parts = [
    plan.formulaCells ? `rewrites Attain's formulas in ${plan.formulaCells} cell${plan.formulaCells === 1 ? '' : 's'} of ${plan.formulaColumns.length === 1 ? 'column' : 'columns'} ${plan.formulaColumns.join(', ')}` : '',
    plan.validationCells ? `re-applies data validation to ${plan.validationCells} cell${plan.validationCells === 1 ? '' : 's'}` : '',
    plan.clearedCells ? `clears ${plan.clearedCells} typed cell${plan.clearedCells === 1 ? '' : 's'} blocking a hidden working column (the Audit row keeps their values)` : '',
    plan.trimmedCells ? `deletes the empty columns right of Attain's columns (${plan.trimmedCells} cells, toward Google Sheets' 10 million)` : '',
    plan.setup ? 're-runs set-up (it adds only what is missing, and applies any setting waiting for setup)' : '',
  ].filter(Boolean);
  return `Repair ${parts.join(', ')}; it does not change anything typed in input columns. Problems not marked "Repair fixes this" stay as they are.`;
}

export function CheckScreen() {
  const load = useAction();
  const fix = useAction();
  const [report, setReport] = useState<CheckReport | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [repaired, setRepaired] = useState<RepairReport | null>(null);
  const run = async () => {
    setConfirming(false);
    setRepaired(null);
    fix.clear();
    const r = await load.run(() => call('checkSpreadsheet'));
    if (r) setReport(r);
  };
  const repair = async (e: Event) => {
    e.preventDefault();
    const r = await fix.run((requestId) => call('repairSpreadsheet', { requestId }));
    if (!r) return;
    setConfirming(false);
    setRepaired(r);
    setReport(r.check);
  };
  const plan = report?.repair;
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
          {repaired ? (
            <Notice kind="ok" role="status">
              <span id="repair-summary">{repaired.summary}</span>
            </Notice>
          ) : null}
          <Notice kind={total ? 'warn' : 'ok'} role="status">
            <span id="check-summary">{report.summary}</span>
          </Notice>
          {plan && plan.problems > 0 && !confirming ? (
            <div class="actions">
              <button type="button" class="btn" id="repair-open" onClick={() => setConfirming(true)}>
                Repair {plan.problems} problem{plan.problems === 1 ? '' : 's'}…
              </button>
            </div>
          ) : null}
          {plan && plan.problems > 0 && confirming ? (
            <form id="repair-form" onSubmit={(e) => void repair(e)} aria-labelledby="repair-h">
              <h3 id="repair-h">Repair?</h3>
              <p id="repair-promise">{repairPromise(plan)}</p>
              <SaveFooter prefix="repair" action={fix} label="Repair now" pendingLabel="Repairing…">
                <button type="button" class="btn" onClick={() => setConfirming(false)}>
                  Cancel
                </button>
              </SaveFooter>
            </form>
          ) : null}
          {!confirming && fix.notice ? (
            <Notice kind="info" role="status">
              {fix.notice}
            </Notice>
          ) : null}
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
                      <span class="muted">
                        Fix: {p.fix}
                        {p.repair ? ' (Repair fixes this.)' : ''}
                      </span>
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
