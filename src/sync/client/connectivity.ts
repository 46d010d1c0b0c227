/**
 * Watches whether the device is online. `navigator.onLine` only says a network interface is up,
 * so a change to "online" is confirmed with a real request to /api/health before sync may start.
 * Never blocks the UI: listeners are called, nothing is awaited by the caller.
 */
export type Connectivity = 'online' | 'offline';

export interface ConnectivityWatcher {
  current(): Connectivity;
  subscribe(listener: (state: Connectivity) => void): () => void;
  /** Re-checks now (e.g. after a failed request). */
  check(): Promise<Connectivity>;
  stop(): void;
}

export function watchConnectivity(
  healthUrl = '/api/health',
  fetchFn: typeof fetch = (...args) => fetch(...args),
  win: Pick<Window, 'addEventListener' | 'removeEventListener'> & { navigator: Navigator } = window,
): ConnectivityWatcher {
  let state: Connectivity = win.navigator.onLine ? 'online' : 'offline';
  const listeners = new Set<(s: Connectivity) => void>();
  const set = (next: Connectivity) => {
    if (next === state) return;
    state = next;
    for (const l of listeners) l(state);
  };
  const check = async () => {
    if (!win.navigator.onLine) {
      set('offline');
      return state;
    }
    try {
      const res = await fetchFn(healthUrl, { cache: 'no-store' });
      set(res.ok ? 'online' : 'offline');
    } catch {
      set('offline');
    }
    return state;
  };
  const onOnline = () => void check();
  const onOffline = () => set('offline');
  win.addEventListener('online', onOnline);
  win.addEventListener('offline', onOffline);
  return {
    current: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    check,
    stop() {
      win.removeEventListener('online', onOnline);
      win.removeEventListener('offline', onOffline);
      listeners.clear();
    },
  };
}
