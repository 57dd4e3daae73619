// The one typed promise wrapper over google.script.run; names and types come from the contract's SidebarApi.
import type { SidebarApi } from '../src/contract';

type Api = SidebarApi;
export type ApiName = { [K in keyof Api]: Api[K] extends (...args: never[]) => unknown ? K : never }[keyof Api];

/** Calls a server API function; resolves with its result or rejects with the server's Error. */
export function call<K extends ApiName>(name: K, ...args: Parameters<Api[K]>): Promise<ReturnType<Api[K]>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((value: unknown) => resolve(value as ReturnType<Api[K]>))
      .withFailureHandler((error: Error) => reject(error)) as unknown as Record<string, (...a: unknown[]) => void>;
    const fn = runner[name];
    if (typeof fn !== 'function') {
      reject(new Error(`Expected a server function named ${String(name)}; google.script.run has none`));
      return;
    }
    fn(...args);
  });
}
