// Hooks that load server data: the Bootstrap (clinic, clients, instruments, templates) and one client's detail, each reloadable.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Bootstrap, ClientDetail, Result } from '../../src/contract';
import { call } from '../rpc';

export interface Loaded<T> {
  data: T | null;
  loading: boolean;
  /** A plain message when loading failed (either `{ok:false}` or a thrown failure). */
  error: string | null;
  reload(): void;
  /** Replaces the data with a fresher copy the server returned from a save (no extra round trip). */
  replace(data: T): void;
}

function useLoad<T>(load: (() => Promise<Result<T>>) | null, key: string): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [loading, setLoading] = useState(load !== null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const seq = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    const fn = loadRef.current;
    if (!fn) {
      setData(null);
      setLoading(false);
      setError(null);
      return;
    }
    const mine = ++seq.current;
    setLoading(true);
    setError(null);
    fn().then(
      (r) => {
        if (mine !== seq.current) return;
        if (r && r.ok) setData(r.data);
        else setError(r && !r.ok ? r.message || 'The spreadsheet could not be read.' : 'The spreadsheet gave an unexpected answer.');
        setLoading(false);
      },
      (e: unknown) => {
        if (mine !== seq.current) return;
        setError(e instanceof Error ? e.message : String(e));
        setLoading(false);
      },
    );
  }, [key, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  const replace = useCallback((next: T) => {
    seq.current++;
    setData(next);
    setLoading(false);
    setError(null);
  }, []);
  return { data, loading, error, reload, replace };
}

let early: Promise<Result<Bootstrap>> | null = null;

/**
 * Asks for the Bootstrap as the page's script starts, before the first render: an effect runs only after the first paint,
 * so asking from useBootstrap's effect alone left the server idle for a frame or more. The first useBootstrap load takes it.
 */
export function prefetchBootstrap(): void {
  early = call('getBootstrap');
  // Handled here too, so a failure before the first render is not reported as unhandled; useBootstrap still shows it.
  early.catch(() => undefined);
}

export function useBootstrap(): Loaded<Bootstrap> {
  return useLoad(() => {
    const asked = early;
    early = null;
    return asked ?? call('getBootstrap');
  }, 'bootstrap');
}

/** The selected client's goals, sessions and priorities; nothing while no client is chosen. */
export function useClientDetail(code: string | null): Loaded<ClientDetail> {
  return useLoad(code ? () => call('getClient', code) : null, code ?? '');
}
