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
  return (
    <div class="notice notice-error" role="alert" id={`${prefix}-errors`} tabIndex={-1}>
      <p>
        <strong>Nothing was saved.</strong> {message}
      </p>
      {keys.length > 0 ? (
        <ul>
          {keys.map((k) => {
            const where = describe ? describe(k) : k;
            const hasField = typeof document !== 'undefined' && document.getElementById(target(k)) !== null;
            return (
              <li key={k}>
                {hasField ? (
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
