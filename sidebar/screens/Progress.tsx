// Progress screen: builds the printable "Progress <code>" tab for the current client (goals in their words, measures in plain language, milestones, next steps, charts) via buildProgressReport, with optional typed next steps.
import { useState } from 'preact/hooks';
import type { ClientDetail, ProgressReportData } from '../../src/contract';
import { TextArea } from '../components/Field';
import { focusErrors, SaveFooter } from '../components/SaveFooter';
import { ScreenHeading } from '../components/Screen';
import { useAction } from '../hooks/useAction';
import { call } from '../rpc';

const P = 'progress';
/** core progress-report.ts PROGRESS_LIMITS.nextSteps: the field stops where the server would refuse. */
const NEXT_STEPS_MAX = 1000;

export function ProgressScreen({ detail }: { detail: ClientDetail }) {
  const code = detail.client.code;
  const [nextSteps, setNextSteps] = useState('');
  const [built, setBuilt] = useState<ProgressReportData | null>(null);
  const save = useAction();
  const shown = detail.goals.filter((g) => g.status === 'active' || g.status === 'modified' || g.status === 'achieved').length;

  const submit = async (e: Event) => {
    e.preventDefault();
    setBuilt(null);
    const data = await save.run((requestId) => call('buildProgressReport', { clientCode: code, ...(nextSteps.trim() ? { nextSteps } : {}), requestId }));
    if (data) setBuilt(data);
    else focusErrors(P);
  };

  return (
    <section aria-labelledby="progress-h">
      <ScreenHeading id="progress-h">Progress report for {code}</ScreenHeading>
      <p class="muted small">
        A report written for {code} to keep: {shown} goal(s) in their own words, each questionnaire’s first and latest score in plain language, milestones, next steps and charts. It becomes a tab, “Progress {code}”, with the client code only: no notes, no alerts, no other client. Building it again replaces that tab only.
      </p>
      <form onSubmit={submit} noValidate id={`${P}-form`} tabIndex={-1}>
        <TextArea id={`${P}-nextSteps`} label="Next steps (optional)" hint="What you agreed together, one per line. Printed as written." value={nextSteps} onInput={setNextSteps} error={save.errors.nextSteps} rows={4} maxLength={NEXT_STEPS_MAX} />
        <SaveFooter
          prefix={P}
          action={save}
          describe={(path) => (path === 'nextSteps' ? 'Next steps' : path === 'clientCode' ? 'Client' : path)}
          label="Build progress report"
          pendingLabel="Building…"
          saved={
            built ? (
              <div class="notice notice-ok" role="status" id="progress-built">
                <p>
                  <strong>
                    {built.rebuilt ? 'Rebuilt' : 'Built'} the tab “{built.sheetName}”
                  </strong>{' '}
                  ({built.lines.length} lines, {built.charts} chart{built.charts === 1 ? '' : 's'}).
                </p>
                <p class="small">To give it to {code}: open the tab, then File ▸ Download ▸ PDF (portrait, A4 or Letter).</p>
                <ul class="small" aria-label="What the report says">
                  {built.lines
                    .filter((l) => l.startsWith('Your ') && !l.startsWith('Your progress report'))
                    .map((l, i) => (
                      <li key={i}>{l}</li>
                    ))}
                </ul>
              </div>
            ) : null
          }
        />
      </form>
    </section>
  );
}
