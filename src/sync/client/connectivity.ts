/**
 * Watches whether the server can be reached (issue 18). `navigator.onLine` only says a network
 * interface is up, so three states are told apart:
 *
 * - `offline`: the browser has no network at all;
 * - `onbereikbaar`: there is a network, but the server does not answer (a restart, a deploy, a
 *   proxy hiccup): the last health check or sync request failed;
 * - `online`: the last health check or sync request reached the server.
 *
 * A failed check (or a failed sync request reported with `meldOnbereikbaar`) schedules the next
 * health check: every few seconds at first, never more than 30 s apart, with jitter, also while the
 * browser says it is online. So a tablet notices within 30 s that the server is back, however long
 * it was away. The browser's `online` event, the page becoming visible again and window focus
 * each check at once. Never blocks the UI: listeners are called, nothing is awaited by the caller.
 */
import { verstuur } from './http.ts';
export type Connectivity = 'online' | 'offline' | 'onbereikbaar';

export interface ConnectivityWatcher {
  current(): Connectivity;
  subscribe(listener: (state: Connectivity) => void): () => void;
  /** Re-checks now (e.g. after a failed request). */
  check(): Promise<Connectivity>;
  /** A request to the server failed as unreachable: mark it so and keep checking until it is back. */
  meldOnbereikbaar?(): void;
  /** A request reached the server (any answer): it is reachable. */
  meldBereikbaar?(): void;
  /**
   * The browser's network came back (its `online` event). The state stays as it is until the
   * health check answers, but a sync run may start at once: its own request tells as much as the
   * health check (it reports back with meldBereikbaar or meldOnbereikbaar), a round trip sooner.
   */
  netwerkTerug?(listener: () => void): () => void;
  stop(): void;
}

export interface ConnectivityTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

type Doel = Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;

export interface ConnectivityOptions {
  healthUrl?: string;
  fetch?: (input: string, init?: RequestInit) => Promise<Response>;
  /** The window: `online`/`offline`/`focus` events and `navigator.onLine`. */
  win?: Doel & { navigator: Pick<Navigator, 'onLine'> };
  /** The document: `visibilitychange` and `visibilityState`. */
  doc?: (Doel & Pick<Document, 'visibilityState'>) | null;
  timers?: ConnectivityTimers;
  /** Jitter source in [0, 1); defaults to Math.random. */
  random?: () => number;
  /** A health check that has no answer after this long counts as failed. */
  timeoutMs?: number;
}

export const CHECK_MIN_MS = 2_000;
/** Never longer than this between two checks while the server is unreachable (issue 18, 3). */
export const CHECK_MAX_MS = 30_000;

/**
 * Wait before the next health check after `mislukt` failures in a row: 2 s, 4 s, 8 s, 16 s, then
 * 30 s, times a jitter of 0.75–1 (so many tablets do not knock at the same moment, and the wait
 * never exceeds 30 s).
 */
export function checkDelayMs(mislukt: number, random: () => number = Math.random): number {
  const basis = Math.min(CHECK_MAX_MS, CHECK_MIN_MS * 2 ** Math.max(0, mislukt - 1));
  return Math.round(Math.min(CHECK_MAX_MS, basis * (0.75 + random() * 0.25)));
}

export function watchConnectivity(opts: ConnectivityOptions = {}): ConnectivityWatcher {
  const healthUrl = opts.healthUrl ?? '/api/health';
  const fetchFn = opts.fetch ?? ((input, init) => fetch(input, init));
  const win = opts.win ?? window;
  const doc =
    opts.doc === undefined ? (typeof document === 'undefined' ? null : document) : opts.doc;
  const timers: ConnectivityTimers = opts.timers ?? {
    setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
    clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
  };
  const random = opts.random ?? Math.random;
  const timeoutMs = opts.timeoutMs ?? 10_000;

  let state: Connectivity = win.navigator.onLine ? 'online' : 'offline';
  const listeners = new Set<(s: Connectivity) => void>();
  /** Failed checks (and failed requests) since the server was last reached. */
  let mislukt = 0;
  let wekker: unknown = null;
  let lopend: Promise<Connectivity> | null = null;
  let gestopt = false;

  const set = (next: Connectivity) => {
    if (next === state) return;
    state = next;
    for (const l of listeners) l(state);
  };
  const wekAf = () => {
    if (wekker !== null) timers.clearTimeout(wekker);
    wekker = null;
  };
  /** Plans the next check, unless one is planned already. */
  const planCheck = () => {
    if (gestopt || wekker !== null) return;
    wekker = timers.setTimeout(
      () => {
        wekker = null;
        void check();
      },
      checkDelayMs(mislukt, random),
    );
  };
  const onbereikbaar = () => {
    if (!win.navigator.onLine) {
      set('offline');
      return;
    }
    mislukt += 1;
    set('onbereikbaar');
    planCheck();
  };
  /**
   * The server answered. Only a sync request that got through (`meldBereikbaar`) resets the
   * cadence: a health check that answers while the sync routes still fail must not make the
   * device knock every 2 s.
   */
  const bereikbaar = (reset: boolean) => {
    if (reset) mislukt = 0;
    wekAf();
    set(win.navigator.onLine ? 'online' : 'offline');
  };

  async function eenCheck(): Promise<Connectivity> {
    if (!win.navigator.onLine) {
      wekAf();
      set('offline');
      return state;
    }
    let ok = false;
    try {
      const res = await verstuur(fetchFn, healthUrl, { timeoutMs, accept: 'geen' });
      ok = res.ok;
    } catch {
      ok = false;
    }
    if (gestopt) return state;
    if (ok) bereikbaar(false);
    else onbereikbaar();
    return state;
  }

  /** One check at a time: `focus` and `visibilitychange` often come together. */
  function check(): Promise<Connectivity> {
    wekAf();
    lopend ??= eenCheck().finally(() => {
      lopend = null;
    });
    return lopend;
  }

  const netwerkLuisteraars = new Set<() => void>();
  const onOnline = () => {
    for (const l of netwerkLuisteraars) l();
    void check();
  };
  const onOffline = () => {
    wekAf();
    set('offline');
  };
  const onFocus = () => void check();
  const onVisibility = () => {
    if (doc?.visibilityState === 'visible') void check();
  };
  win.addEventListener('online', onOnline);
  win.addEventListener('offline', onOffline);
  win.addEventListener('focus', onFocus);
  doc?.addEventListener('visibilitychange', onVisibility);
  return {
    current: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    check,
    meldOnbereikbaar: onbereikbaar,
    meldBereikbaar: () => bereikbaar(true),
    netwerkTerug(listener) {
      netwerkLuisteraars.add(listener);
      return () => netwerkLuisteraars.delete(listener);
    },
    stop() {
      gestopt = true;
      wekAf();
      win.removeEventListener('online', onOnline);
      win.removeEventListener('offline', onOffline);
      win.removeEventListener('focus', onFocus);
      doc?.removeEventListener('visibilitychange', onVisibility);
      listeners.clear();
      netwerkLuisteraars.clear();
    },
  };
}
