// Hook for one server action answering Result<T>: pending flag, field errors with a summary message, and a thrown failure's plain message.
import { useCallback, useRef, useState } from 'preact/hooks';
import type { Result } from '../../src/contract';

export interface ActionState {
  pending: boolean;
  /** The server's summary message of a `{ok:false}` answer; '' when none. */
  message: string;
  /** Field errors by dotted path; empty when none. */
  errors: Record<string, string>;
  /** A thrown failure's message (the failure handler); null when none. */
  failure: string | null;
}

const IDLE: ActionState = { pending: false, message: '', errors: {}, failure: null };

export interface Action extends ActionState {
  /** Runs `send`; resolves with the data on success, or undefined after recording errors or a failure. Ignores a second run while one is pending. */
  run<T>(send: () => Promise<Result<T>>, mapErrors?: (errors: Record<string, string>) => Record<string, string>): Promise<T | undefined>;
  clear(): void;
}

export function useAction(): Action {
  const [state, setState] = useState<ActionState>(IDLE);
  const busy = useRef(false);
  const run = useCallback(async <T>(send: () => Promise<Result<T>>, mapErrors?: (errors: Record<string, string>) => Record<string, string>): Promise<T | undefined> => {
    if (busy.current) return undefined;
    busy.current = true;
    setState({ ...IDLE, pending: true });
    try {
      const result = await send();
      if (result && result.ok) {
        setState(IDLE);
        return result.data;
      }
      const errors = result && !result.ok && result.errors ? result.errors : {};
      const message = result && !result.ok ? result.message || 'Please correct the fields marked below.' : 'The spreadsheet gave an unexpected answer.';
      setState({ pending: false, message, errors: mapErrors ? mapErrors(errors) : errors, failure: null });
      return undefined;
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      setState({ ...IDLE, failure: message || 'Unknown error' });
      return undefined;
    } finally {
      busy.current = false;
    }
  }, []);
  const clear = useCallback(() => setState(IDLE), []);
  return { ...state, run, clear };
}
