// The sticky save bar every saving form ends with: the server-error summary, a thrown-failure notice, the server's notice, the success notice, and the submit button with its pending label; focusErrors moves focus to its summary.
import type { ComponentChildren } from 'preact';
import type { ActionState } from '../hooks/useAction';
import { ErrorSummary, FailureNotice, Notice } from './Messages';

interface Props {
  /** The form's id prefix: the error summary is `${prefix}-errors` and links to `${prefix}-…` fields. */
  prefix: string;
  action: ActionState;
  /** The submit button's label, and its label while the action runs. */
  label: string;
  pendingLabel?: string;
  /** Errors and summary shown instead of the action's (e.g. checks made before asking the server). */
  errors?: Record<string, string>;
  message?: string;
  describe?: (path: string) => string;
  targetFor?: (path: string) => string | null;
  /** Shown after a save: text in an "ok" status notice, or a notice of the screen's own. */
  saved?: ComponentChildren;
  /** Beside the button, e.g. "Unsaved changes". */
  children?: ComponentChildren;
}

export function SaveFooter({ prefix, action, label, pendingLabel = 'Saving…', errors = action.errors, message = action.message, describe, targetFor, saved, children }: Props) {
  // One sticky bar: on a long screen the button and the save's answer stay in view, and focus moved to the answer is visible.
  return (
    <div class="save-bar" id={`${prefix}-save-bar`}>
      <ErrorSummary prefix={prefix} message={message} errors={errors} describe={describe} targetFor={targetFor} />
      <FailureNotice message={action.failure} />
      {action.notice ? (
        <Notice kind="info" role="status">
          {action.notice}
        </Notice>
      ) : null}
      {typeof saved !== 'string' ? (saved ?? null) : saved !== '' ? (
        <Notice kind="ok" role="status">
          {saved}
        </Notice>
      ) : null}
      <div class="actions">
        <button type="submit" class="btn btn-primary" aria-disabled={action.pending ? 'true' : undefined}>
          {action.pending ? pendingLabel : label}
        </button>
        {children}
      </div>
    </div>
  );
}

/** Moves focus to a footer's error summary once it has rendered (after a save that returned errors). */
export function focusErrors(prefix: string): void {
  window.setTimeout(() => document.getElementById(`${prefix}-errors`)?.focus(), 0);
}
