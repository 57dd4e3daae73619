// The Session screen's "Last time": last session's safety flags (kept on show until acknowledged in this session), then its date, scores with band and change, and the review cadence.
import type { ClientDetail } from '../../src/contract';
import { SAFETY_ADVICE } from '../model/measures';
import { cadenceText } from '../model/review';
import { measureLine } from '../model/risk';
import { CheckboxField } from './Field';

const P = 'session-last';

/** The flags from the client's last administration, with the acknowledgement the save records in Audit. */
export function LastFlags({ detail, acknowledged, onAcknowledge }: { detail: ClientDetail; acknowledged: boolean; onAcknowledge(v: boolean): void }) {
  const flags = detail.lastTime?.flags ?? [];
  if (flags.length === 0) return null;
  return (
    <div class="safety" id={`${P}-flags`} role="alert" tabIndex={-1}>
      <p>⚠ Safety flag from last time:</p>
      <ul>
        {flags.map((f) => (
          <li key={`${f.instrument}@${f.date}`}>
            {f.instrument}, {f.date || `session ${f.session}`}: {f.text}.
          </li>
        ))}
      </ul>
      <p>{SAFETY_ADVICE}</p>
      <CheckboxField id={`${P}-ack`} label="I have reviewed risk with the client" checked={acknowledged} onChange={onAcknowledge} />
    </div>
  );
}

/** Last session, each measure's last score (band, change, reliable change as the measure's tab words them), the other alerts and the review cadence. */
export function LastTime({ detail }: { detail: ClientDetail }) {
  const last = detail.lastTime;
  const others = (last?.alerts ?? []).filter((a) => !a.startsWith('Safety'));
  return (
    <section class="card last-time" aria-labelledby={`${P}-h`} id={P}>
      <h3 id={`${P}-h`}>Last time</h3>
      {last ? (
        <>
          <p>{last.session > 0 ? `Session ${last.session}${last.date ? `, ${last.date}` : ''}.` : 'No session yet.'}</p>
          {last.measures.length > 0 ? (
            <ul class="small">
              {last.measures.map((m) => (
                <li key={m.instrument}>{measureLine(m)}</li>
              ))}
            </ul>
          ) : null}
          {others.length > 0 ? <p class="small">Alerts: {others.join('; ')}.</p> : null}
        </>
      ) : (
        <p class="muted small">Last scores are not available: run Extensions ▸ Attain ▸ Set up this spreadsheet to bring the hidden alerts tab up to date.</p>
      )}
      <p class="small" id={`${P}-review`}>
        {cadenceText(detail.review)}
      </p>
    </section>
  );
}
