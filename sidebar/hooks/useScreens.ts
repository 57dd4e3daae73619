// The screens part (every screen but Clients): asked for once with getSidebarScreens after the first render, run as a script, and shared by every later render.
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ScreensPart } from '../screens-part';
import { call } from '../rpc';

type PartWindow = { __attainScreens?: ScreensPart };

let pending: Promise<ScreensPart> | null = null;

/** Loads the part (one call, however many ask); a failure is forgotten so the next ask tries again. */
export function loadScreens(): Promise<ScreensPart> {
  const w = window as unknown as PartWindow;
  if (w.__attainScreens) return Promise.resolve(w.__attainScreens);
  pending ??= call('getSidebarScreens')
    .then((r) => {
      if (!r.ok) throw new Error(r.message);
      // An inline script runs as it is added; the part sets window.__attainScreens.
      const script = document.createElement('script');
      script.text = r.data;
      document.head.appendChild(script);
      if (!w.__attainScreens) throw new Error('Expected the sidebar screens to load; they did not start. Close the sidebar and open it again');
      return w.__attainScreens;
    })
    .catch((e: unknown) => {
      pending = null;
      throw e;
    });
  return pending;
}

/** The part once loaded (null before); starts loading when `start` first holds (after the first render). */
export function useScreens(start: boolean): { screens: ScreensPart | null; error: string | null; reload(): void } {
  const [screens, setScreens] = useState<ScreensPart | null>(() => (window as unknown as PartWindow).__attainScreens ?? null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!start || screens) return;
    let live = true;
    loadScreens().then(
      (s) => live && setScreens(() => s),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [start, screens, attempt]);
  const reload = useCallback(() => {
    setError(null);
    setAttempt((n) => n + 1);
  }, []);
  return { screens, error, reload };
}
