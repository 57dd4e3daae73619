// Shared message blocks: the server-error summary (role=alert, each error focusable), a thrown-failure notice, a read action's failure (LoadProblem) and a plain status line.
import type { ComponentChildren } from 'preact';
import { fieldId } from '../errors';

/** Summary of a `{ok:false}` answer: the server's message and every field error, each a button that moves focus to its field. */
export function ErrorSummary({
  prefix,
  message,
  errors,
  describe,
  targetFor,
}: {
  prefix: string;
  message: string;
  errors: Record<string, string>;
  describe?: (path: string) => string;
  /** The id of the control that fixes `path` when it is not the field's own id (e.g. a button to another screen). */
  targetFor?: (path: string) => string | null;
}) {
  const keys = Object.keys(errors);
  if (message === '' && keys.length === 0) return null;
  const target = (path: string) => (targetFor ? targetFor(path) : null) ?? fieldId(prefix, path);
  const focus = (path: string) => {
    const el = document.getElementById(target(path));
    if (el) el.focus();
  };
  const onScreen = (path: string) => typeof document !== 'undefined' && document.getElementById(target(path)) !== null;
  // One problem, one message: "Nothing was saved" once, and a field's own message only beside the field when the field is on screen.
  const single = keys.length === 1 && onScreen(keys[0]);
  let lead = message.replace(/^\s*Nothing was saved[.:]?\s*/i, '');
  if (single && /^\d+ fields? needs? attention\.?$/i.test(lead)) lead = '';
  return (
    <div class="notice notice-error" role="alert" id={`${prefix}-errors`} tabIndex={-1}>
      <p>
        <strong>Nothing was saved.</strong>
        {lead ? ` ${lead}` : null}
        {single ? (
          <>
            {' '}
            Check{' '}
            <button type="button" class="link-btn" onClick={() => focus(keys[0])}>
              {describe ? describe(keys[0]) : keys[0]}
            </button>
            .
          </>
        ) : null}
      </p>
      {keys.length > 0 && !single ? (
        <ul>
          {keys.map((k) => {
            const where = describe ? describe(k) : k;
            return (
              <li key={k}>
                {onScreen(k) ? (
                  <button type="button" class="link-btn" onClick={() => focus(k)}>
                    {where}: {errors[k]}
                  </button>
                ) : (
                  <span>
                    {where}: {errors[k]}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}

/** A thrown failure (the failure handler): a plain message; what was typed stays in the form. */
export function FailureNotice({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div class="notice notice-error" role="alert">
      <p>
        <strong>Could not reach the spreadsheet.</strong> Nothing you typed is lost; try again. ({message})
      </p>
    </div>
  );
}

/** A read action's outcome when it failed: the thrown failure, or the server's {ok:false} message as an alert. */
export function LoadProblem({ action }: { action: { failure: string | null; message: string } }) {
  return (
    <>
      <FailureNotice message={action.failure} />
      {action.message ? (
        <Notice kind="error" role="alert">
          {action.message}
        </Notice>
      ) : null}
    </>
  );
}

export function Notice({ kind, children, role }: { kind: 'ok' | 'warn' | 'info' | 'error'; children: ComponentChildren; role?: 'alert' | 'status' }) {
  return (
    <div class={`notice notice-${kind}`} role={role}>
      {children}
    </div>
  );
}
