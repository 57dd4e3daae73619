// google.script.run and google.script.host for the real dist/Sidebar.html in the preview, with Apps Script's semantics:
// calls are asynchronous and return nothing; the success handler gets a JSON copy of the server's return value and the
// user object; the failure handler gets an Error carrying the server's message; Date, function and other non-JSON
// arguments throw at the call, as Apps Script does; private names (ending "_") and unknown names are not there at all.
// The preview server injects this (bundled) ahead of the sidebar's own script, after window.__ATTAIN_PREVIEW__.

interface PreviewConfig {
  functions: string[];
}

type Handler = (value: unknown, userObject?: unknown) => void;

interface RunnerState {
  success: Handler | null;
  failure: Handler | null;
  userObject: unknown;
  hasUserObject: boolean;
}

const w = window as unknown as { __ATTAIN_PREVIEW__?: PreviewConfig; google?: Record<string, unknown> };
const exposed = new Set((w.__ATTAIN_PREVIEW__?.functions ?? []).filter((n) => !n.endsWith('_')));

/** Tells the preview page (the parent frame) what happened, so it can refresh the grid or close the panel. */
function notify(type: 'rpc' | 'close', detail: Record<string, unknown> = {}): void {
  if (window.parent && window.parent !== window) window.parent.postMessage({ source: 'attain-preview', type, ...detail }, window.location.origin);
}

/** Throws as Apps Script does for an argument it cannot send: Date, function, symbol, bigint, a cycle. */
function checkArg(value: unknown, path: string, seen: Set<unknown>): void {
  if (value === null || value === undefined) return;
  const t = typeof value;
  if (t === 'string' || t === 'boolean') return;
  if (t === 'number') return;
  if (t === 'function' || t === 'symbol' || t === 'bigint' || value instanceof Date) throw new Error(`Failed due to illegal value in property: ${path}`);
  if (t === 'object') {
    if (seen.has(value)) throw new Error(`Failed due to illegal value in property: ${path}`);
    seen.add(value);
    const proto = Object.getPrototypeOf(value);
    if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) throw new Error(`Failed due to illegal value in property: ${path}`);
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) checkArg(v, path === '' ? k : `${path}.${k}`, seen);
    seen.delete(value);
  }
}

/** A <form> argument travels as {name: value} of its fields, as google.script.run sends one. */
function formToObject(form: HTMLFormElement): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  new FormData(form).forEach((value, key) => {
    const v = typeof value === 'string' ? value : value.name;
    if (key in out) out[key] = ([] as unknown[]).concat(out[key], v);
    else out[key] = v;
  });
  return out;
}

function invoke(name: string, state: RunnerState, rawArgs: unknown[]): void {
  const args = rawArgs.map((a) => (typeof HTMLFormElement !== 'undefined' && a instanceof HTMLFormElement ? formToObject(a) : a));
  args.forEach((a, i) => checkArg(a, String(i), new Set()));
  const body = JSON.stringify({ name, args });
  const fail = (error: Error): void => {
    if (state.failure) state.failure(error, state.hasUserObject ? state.userObject : undefined);
    // Without a failure handler Apps Script leaves the error uncaught in the sidebar's console.
    else
      setTimeout(() => {
        throw error;
      }, 0);
  };
  fetch('/rpc', { method: 'POST', headers: { 'content-type': 'application/json' }, body })
    .then(async (res) => {
      const text = await res.text();
      let reply: { ok: boolean; value?: unknown; message?: string };
      try {
        reply = JSON.parse(text);
      } catch {
        throw new Error(`NetworkError: Connection failure due to HTTP ${res.status}`);
      }
      return reply;
    })
    .then(
      (reply) => {
        notify('rpc', { name, ok: reply.ok });
        if (reply.ok) {
          if (state.success) state.success(reply.value, state.hasUserObject ? state.userObject : undefined);
        } else {
          fail(new Error(reply.message ?? 'We\u2019re sorry, a server error occurred. Please wait a bit and try again.'));
        }
      },
      (err: Error) => fail(err instanceof Error && err.message.startsWith('NetworkError') ? err : new Error('NetworkError: Connection failure due to HTTP 0')),
    );
}

function runner(state: RunnerState): Record<string, unknown> {
  return new Proxy(
    {},
    {
      get(_t, prop) {
        if (typeof prop !== 'string') return undefined;
        if (prop === 'withSuccessHandler') return (fn: Handler) => runner({ ...state, success: typeof fn === 'function' ? fn : null });
        if (prop === 'withFailureHandler') return (fn: Handler) => runner({ ...state, failure: typeof fn === 'function' ? fn : null });
        if (prop === 'withUserObject') return (obj: unknown) => runner({ ...state, userObject: obj, hasUserObject: true });
        if (!exposed.has(prop)) return undefined;
        return (...args: unknown[]): void => invoke(prop, state, args);
      },
      has(_t, prop) {
        return typeof prop === 'string' && (exposed.has(prop) || prop === 'withSuccessHandler' || prop === 'withFailureHandler' || prop === 'withUserObject');
      },
      ownKeys() {
        return [...exposed, 'withSuccessHandler', 'withFailureHandler', 'withUserObject'];
      },
      getOwnPropertyDescriptor(_t, prop) {
        if (typeof prop !== 'string') return undefined;
        if (!exposed.has(prop) && !prop.startsWith('with')) return undefined;
        return { configurable: true, enumerable: true, writable: false, value: (runner(state) as Record<string, unknown>)[prop] };
      },
    },
  );
}

const host = {
  origin: window.location.origin,
  close(): void {
    notify('close');
  },
  setHeight(): void {},
  setWidth(): void {},
  editor: {
    focus(): void {},
  },
};

w.google = { ...(w.google ?? {}), script: { run: runner({ success: null, failure: null, userObject: undefined, hasUserObject: false }), host } };
