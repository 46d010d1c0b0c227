import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CHECK_MAX_MS,
  checkDelayMs,
  watchConnectivity,
  type Connectivity,
  type ConnectivityWatcher,
} from '../../../src/sync/client/connectivity.ts';
import { NepTimers } from './fake-server.ts';

/** A window and document a test drives: the network flag, focus and page visibility. */
class NepVenster extends EventTarget {
  navigator = { onLine: true };
}
class NepDocument extends EventTarget {
  visibilityState: DocumentVisibilityState = 'visible';
}

let win: NepVenster;
let doc: NepDocument;
let timers: NepTimers;
let serverOp: boolean;
let checks: number;
let watcher: ConnectivityWatcher;
let toestanden: Connectivity[];

beforeEach(() => {
  win = new NepVenster();
  doc = new NepDocument();
  timers = new NepTimers();
  serverOp = true;
  checks = 0;
  toestanden = [];
  watcher = watchConnectivity({
    fetch: async (url) => {
      expect(url).toBe('/api/health');
      checks += 1;
      if (!serverOp) throw new TypeError('Failed to fetch');
      return new Response('{"status":"ok"}', { status: 200 });
    },
    win,
    doc,
    timers,
    random: () => 1 - 1e-9, // no jitter: the full wait
  });
  watcher.subscribe((s) => toestanden.push(s));
});

describe('checkDelayMs', () => {
  it('starts at a few seconds, grows, and never waits more than 30 s whatever the jitter', () => {
    for (const r of [0, 0.5, 0.999]) {
      for (let n = 0; n < 40; n += 1) {
        const ms = checkDelayMs(n, () => r);
        expect(ms).toBeGreaterThanOrEqual(1_500);
        expect(ms).toBeLessThanOrEqual(CHECK_MAX_MS);
      }
    }
    expect(checkDelayMs(1, () => 0.999)).toBeLessThanOrEqual(2_000);
    expect(checkDelayMs(3, () => 0.999)).toBeCloseTo(8_000, -2);
    expect(checkDelayMs(30, () => 0)).toBe(22_500);
  });
});

describe('watchConnectivity', () => {
  it('network up, server down: onbereikbaar, and keeps checking at most 30 s apart until it is back', async () => {
    serverOp = false;
    expect(await watcher.check()).toBe('onbereikbaar');
    expect(toestanden).toEqual(['onbereikbaar']);
    const wachttijden: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      await vi.waitFor(() => expect(timers.wachtend()).toHaveLength(1));
      wachttijden.push(timers.wachtend()[0]!);
      timers.vuur();
      await vi.waitFor(() => expect(checks).toBe(i + 2));
    }
    expect(wachttijden.slice(0, 4)).toEqual([2_000, 4_000, 8_000, 16_000]);
    expect(Math.max(...wachttijden)).toBeLessThanOrEqual(30_000);
    expect(wachttijden.at(-1)).toBeGreaterThanOrEqual(22_500);

    serverOp = true;
    await vi.waitFor(() => expect(timers.wachtend()).toHaveLength(1));
    timers.vuur();
    await vi.waitFor(() => expect(watcher.current()).toBe('online'));
    expect(timers.wachtend()).toEqual([]); // no polling while the server answers
  });

  it('a failed sync request marks the server unreachable and starts the checks', async () => {
    watcher.meldOnbereikbaar?.();
    expect(watcher.current()).toBe('onbereikbaar');
    expect(timers.wachtend()).toEqual([2_000]);
    watcher.meldBereikbaar?.();
    expect(watcher.current()).toBe('online');
    expect(timers.wachtend()).toEqual([]);
  });

  it('checks at once when the page becomes visible and on focus', async () => {
    serverOp = false;
    await watcher.check();
    serverOp = true;
    doc.visibilityState = 'hidden';
    doc.dispatchEvent(new Event('visibilitychange'));
    expect(checks).toBe(1);
    doc.visibilityState = 'visible';
    doc.dispatchEvent(new Event('visibilitychange'));
    await vi.waitFor(() => expect(watcher.current()).toBe('online'));
    expect(checks).toBe(2);

    serverOp = false;
    win.dispatchEvent(new Event('focus'));
    await vi.waitFor(() => expect(watcher.current()).toBe('onbereikbaar'));
    expect(checks).toBe(3);
  });

  it('no network: offline without a request; the online event checks the server', async () => {
    win.navigator.onLine = false;
    win.dispatchEvent(new Event('offline'));
    expect(watcher.current()).toBe('offline');
    expect(await watcher.check()).toBe('offline');
    expect(checks).toBe(0);
    watcher.meldOnbereikbaar?.(); // a failed request without a network is just offline
    expect(watcher.current()).toBe('offline');
    expect(timers.wachtend()).toEqual([]);

    win.navigator.onLine = true;
    serverOp = false;
    win.dispatchEvent(new Event('online'));
    await vi.waitFor(() => expect(watcher.current()).toBe('onbereikbaar'));
    expect(toestanden).toEqual(['offline', 'onbereikbaar']);
  });

  it('focus and visibilitychange together make one request', async () => {
    win.dispatchEvent(new Event('focus'));
    doc.dispatchEvent(new Event('visibilitychange'));
    await vi.waitFor(() => expect(checks).toBe(1));
    await new Promise((r) => setTimeout(r, 20));
    expect(checks).toBe(1);
  });
});
