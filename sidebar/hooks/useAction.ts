// Hook for one server action answering Result<T>: pending flag, field errors with a summary message, a thrown failure's plain message, the server's notice, and the save's request id (kept for a retry after a lost reply).
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
  /** The server's notice on a success worth reading (a retry of a save that had already landed); '' when none. */
  notice: string;
}

const IDLE: ActionState = { pending: false, message: '', errors: {}, failure: null, notice: '' };

/** A new request id: 8–64 letters, digits and "-" (the server's rule, core/request-id.ts). */
export function newRequestId(): string {
  const bytes = new Uint8Array(12);
  if (typeof crypto !== 'undefined' && crypto.getRandomValues) crypto.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  return `r-${Date.now().toString(36)}-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export interface Action extends ActionState {
  /**
   * Runs `send` with the save's request id; resolves with the data on success, or undefined after recording errors or a failure.
   * Ignores a second run while one is pending. The id is kept after a thrown failure (the save may have landed with its reply
   * lost: sending it again lets the server write once) and renewed after any answer from the server.
   */
  run<T>(send: (requestId: string) => Promise<Result<T>>, mapErrors?: (errors: Record<string, string>) => Record<string, string>): Promise<T | undefined>;
  clear(): void;
}

export function useAction(): Action {
  const [state, setState] = useState<ActionState>(IDLE);
  const busy = useRef(false);
  const requestId = useRef('');
  const run = useCallback(async <T>(send: (requestId: string) => Promise<Result<T>>, mapErrors?: (errors: Record<string, string>) => Record<string, string>): Promise<T | undefined> => {
    if (busy.current) return undefined;
    busy.current = true;
    setState({ ...IDLE, pending: true });
    if (!requestId.current) requestId.current = newRequestId();
    try {
      const result = await send(requestId.current);
      // The server answered: this save is settled either way, and the next one is a new request.
      requestId.current = '';
      if (result && result.ok) {
        setState({ ...IDLE, notice: result.notice ?? '' });
        return result.data;
      }
      const errors = result && !result.ok && result.errors ? result.errors : {};
      const message = result && !result.ok ? result.message || 'Please correct the fields marked below.' : 'The spreadsheet gave an unexpected answer.';
      setState({ ...IDLE, message, errors: mapErrors ? mapErrors(errors) : errors });
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
