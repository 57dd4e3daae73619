// Screen scaffolding: the focusable screen heading (focus moves there on navigation), the top navigation and the "choose a client first" prompt.
import type { ComponentChildren } from 'preact';

export type ScreenId = 'clients' | 'plan' | 'gas' | 'session' | 'priorities' | 'review' | 'discharge' | 'progress' | 'export' | 'check' | 'import';

export const SCREENS: { id: ScreenId; label: string; title: string; headingId: string }[] = [
  { id: 'clients', label: 'Clients', title: 'Clients', headingId: 'clients-h' },
  { id: 'plan', label: 'Plan', title: 'Plan editor', headingId: 'plan-h' },
  { id: 'gas', label: 'GAS', title: 'GAS scale builder', headingId: 'gas-h' },
  { id: 'session', label: 'Session', title: 'Session entry', headingId: 'session-h' },
  { id: 'priorities', label: 'Priorities', title: 'Priority matrix', headingId: 'priority-h' },
  { id: 'review', label: 'Review', title: 'Goal review', headingId: 'review-h' },
  { id: 'discharge', label: 'Discharge', title: 'Relapse-prevention plan', headingId: 'discharge-h' },
  { id: 'progress', label: 'Progress', title: 'Progress report', headingId: 'progress-h' },
  { id: 'export', label: 'Export', title: 'Export outcomes', headingId: 'export-h' },
  { id: 'check', label: 'Check', title: 'Check this spreadsheet', headingId: 'check-h' },
  { id: 'import', label: 'Forms', title: 'Import form responses', headingId: 'import-h' },
];

/** The id of a screen's h2, where focus lands after navigation. */
export const headingOf = (id: ScreenId): string => SCREENS.find((s) => s.id === id)?.headingId ?? 'clients-h';

/** The screen's h2; tabIndex −1 so navigation can move focus (and the screen reader) to it. */
export function ScreenHeading({ id, children }: { id: string; children: ComponentChildren }) {
  return (
    <h2 id={id} tabIndex={-1} class="screen-h">
      {children}
    </h2>
  );
}

/** Top navigation: one button per screen, the current one marked aria-current="page". */
export function Nav({ current, onGo }: { current: ScreenId; onGo(id: ScreenId): void }) {
  return (
    <nav aria-label="Screens">
      <ul class="nav">
        {SCREENS.map((s) => (
          <li key={s.id}>
            <button type="button" id={`nav-${s.id}`} aria-current={s.id === current ? 'page' : undefined} onClick={() => onGo(s.id)}>
              {s.label}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Shown by the client screens while no client is chosen. */
export function NeedClient({ headingId, title, onGo }: { headingId: string; title: string; onGo(id: ScreenId): void }) {
  return (
    <section aria-labelledby={headingId}>
      <ScreenHeading id={headingId}>{title}</ScreenHeading>
      <p>Choose a client first.</p>
      <div class="actions">
        <button type="button" class="btn btn-primary" onClick={() => onGo('clients')}>
          Go to Clients
        </button>
      </div>
    </section>
  );
}
