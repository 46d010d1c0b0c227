import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDb, type ArrangeurDB } from '../../../src/storage/db.ts';
import { saveClient } from '../../../src/storage/repositories/clients.ts';
import {
  backoffMs,
  BACKOFF_MAX_MS,
  createSyncEngine,
  type SyncEngine,
  type SyncStatus,
} from '../../../src/sync/client/engine.ts';
import { watchConnectivity } from '../../../src/sync/client/connectivity.ts';
import { leesSyncState } from '../../../src/sync/client/state.ts';
import { clientInvoer } from '../../fixtures/clients.ts';
import { FakeServer, NepSloten, NepTimers, NepVerbinding } from './fake-server.ts';

const WIE = { updatedBy: 'gebruiker-1', now: new Date('2026-11-23T09:00:00Z') };
const NU = new Date('2026-11-23T12:00:00Z');

let db: ArrangeurDB;
let server: FakeServer;
let timers: NepTimers;
let verbinding: NepVerbinding;
let engine: SyncEngine;
let statussen: SyncStatus[];

function maakEngine(begin: 'online' | 'offline' = 'online') {
  verbinding = new NepVerbinding(begin);
  engine = createSyncEngine({
    db,
    fetch: server.fetch,
    connectivity: verbinding,
    timers,
    now: () => NU,
    random: () => 0.5, // jitter factor exactly 1
    onStatus: (s) => statussen.push(s),
  });
}

beforeEach(() => {
  db = openDb(`engine-${crypto.randomUUID()}`);
  server = new FakeServer();
  timers = new NepTimers();
  statussen = [];
  maakEngine();
});
afterEach(async () => {
  await engine.stop();
  await db.delete();
});

async function maakClient() {
  const r = await saveClient(db, clientInvoer(), WIE);
  if (!r.ok) throw new Error('opslaan');
  return r.client;
}

/** One device without Web Locks, on the real connectivity watcher `watcher`. */
function engineMetWachter(
  watcher: ReturnType<typeof watchConnectivity>,
  fetch: typeof server.fetch = server.fetch,
): SyncEngine {
  return createSyncEngine({
    db,
    fetch,
    connectivity: watcher,
    timers,
    now: () => NU,
    random: () => 0.5,
    locks: null,
  });
}

/** Lets the engine's non-awaited work (liveQuery, a run started by an event) finish. */
async function rustig(ms = 50) {
  await new Promise((r) => setTimeout(r, ms));
}

describe('status', () => {
  it('reports pending, bezig and last synced, and notifies only after a run has committed', async () => {
    await maakClient();
    engine.start();
    await vi.waitFor(() =>
      expect(engine.status()).toMatchObject({
        online: true,
        wachtend: 0,
        laatsteSync: NU.toISOString(),
      }),
    );
    expect(statussen.some((s) => s.bezig)).toBe(true);
    expect(statussen.some((s) => s.wachtend === 1)).toBe(true);
    expect((await leesSyncState(db)).lastSyncedAt).toBe(NU.toISOString());
    // After success: the next run every 30 s.
    expect(timers.wachtend()).toEqual([30_000]);
  });

  it('counts a new local change right away and sends it shortly after', async () => {
    engine.start();
    await vi.waitFor(() => expect(engine.status().laatsteSync).not.toBeNull());
    await maakClient();
    await vi.waitFor(() => expect(engine.status().wachtend).toBe(1));
    expect(timers.wachtend()).toEqual([2_000]);
    timers.vuur();
    await vi.waitFor(() => expect(engine.status().wachtend).toBe(0));
    expect(server.records.size).toBe(1);
  });
});

describe('faults', () => {
  it('401: stops with niet-ingelogd, keeps the changes, ignores automatic triggers until syncNow', async () => {
    await maakClient();
    server.ingelogd = false;

    const uitkomst = await engine.syncNow();

    expect(uitkomst.ok).toBe(false);
    expect(uitkomst.error?.code).toBe('niet-ingelogd');
    expect(engine.status().fout).toEqual({
      code: 'niet-ingelogd',
      tekst: expect.stringMatching(/Log opnieuw in/),
    });
    expect(timers.wachtend()).toEqual([]);
    expect(await db.outbox.count()).toBe(1);
    expect((await leesSyncState(db)).lastError?.code).toBe('niet-ingelogd');

    engine.start();
    verbinding.zet('offline');
    verbinding.zet('online');
    await rustig();
    expect(server.verzoeken).toHaveLength(1); // only the first push: nothing automatic

    server.ingelogd = true;
    const weer = await engine.syncNow();
    expect(weer.ok).toBe(true);
    expect(engine.status().fout).toBeNull();
    expect(await db.outbox.count()).toBe(0);
  });

  it('network failure: server-onbereikbaar, backs off 1 s, 2 s, 4 s … up to 5 min, reset on success', async () => {
    await maakClient();
    server.storing = 'netwerk';
    engine.start();
    await vi.waitFor(() => expect(timers.wachtend()).toHaveLength(1));
    expect(engine.status().fout?.code).toBe('server-onbereikbaar');
    const wachttijden = [timers.wachtend()];
    for (let i = 0; i < 10; i += 1) {
      const verzoeken = server.verzoeken.length;
      timers.vuur();
      await vi.waitFor(() => {
        expect(server.verzoeken.length).toBe(verzoeken + 1);
        expect(timers.wachtend()).toHaveLength(1);
      });
      wachttijden.push(timers.wachtend());
    }
    expect(wachttijden.slice(0, 5)).toEqual([[1_000], [2_000], [4_000], [8_000], [16_000]]);
    expect(wachttijden.at(-1)).toEqual([BACKOFF_MAX_MS]);
    expect(await db.outbox.count()).toBe(1);

    server.storing = null;
    timers.vuur();
    await vi.waitFor(() => expect(engine.status().fout).toBeNull());
    expect(timers.wachtend()).toEqual([30_000]);
    expect(await db.outbox.count()).toBe(0);
  });

  it('5xx: serverfout with back-off; 503 counts as unreachable', async () => {
    server.storing = 500;
    expect((await engine.syncNow()).error?.code).toBe('serverfout');
    expect(engine.status().fout?.tekst).toMatch(/beheerder/);
    server.storing = 503;
    expect((await engine.syncNow()).error?.code).toBe('server-onbereikbaar');
  });

  it('does not run while offline; coming online runs at once', async () => {
    await maakClient();
    maakEngine('offline');
    engine.start();
    await rustig();
    expect(server.verzoeken).toEqual([]);
    expect(engine.status().online).toBe(false);
    timers.vuur(); // a timer that fires while offline does nothing
    await rustig();
    expect(server.verzoeken).toEqual([]);

    verbinding.zet('online');
    await vi.waitFor(() =>
      expect(engine.status()).toMatchObject({ online: true, wachtend: 0, bezig: false }),
    );
    expect(engine.status().fout).toBeNull();
    expect(server.records.size).toBe(1);
  });

  it('folds a syncNow during a run into one follow-up run', async () => {
    await maakClient();
    const [a, b, c] = [engine.syncNow(), engine.syncNow(), engine.syncNow()];
    const uitkomsten = await Promise.all([a, b, c]);
    expect(uitkomsten.every((u) => u.ok)).toBe(true);
    expect(server.verzoeken.filter((v) => v.startsWith('GET'))).toHaveLength(2);
  });
});

describe('backoffMs', () => {
  it('stays within 1 s … 5 min whatever the jitter', () => {
    for (const r of [0, 0.25, 0.5, 0.999]) {
      for (let n = 0; n < 30; n += 1) {
        const ms = backoffMs(n, () => r);
        expect(ms).toBeGreaterThanOrEqual(1_000);
        expect(ms).toBeLessThanOrEqual(5 * 60_000);
      }
    }
    expect(backoffMs(3, () => 0)).toBe(3_000);
    expect(backoffMs(3, () => 0.999)).toBeCloseTo(5_000, -2);
  });
});

describe('server reachability (issue 18)', () => {
  it('network up, server down for long, then back: unreachable, checks at most 30 s apart, sends at once with no user action', async () => {
    // The real watcher on the fake server's /api/health; the browser's network flag stays up.
    const win = Object.assign(new EventTarget(), { navigator: { onLine: true } });
    const watcher = watchConnectivity({
      fetch: server.fetch,
      win,
      doc: null,
      timers,
      random: () => 0.5,
    });
    engine = engineMetWachter(watcher);
    await maakClient();
    server.storing = 'netwerk';
    engine.start();
    await vi.waitFor(() =>
      expect(engine.status()).toMatchObject({
        verbinding: 'onbereikbaar',
        online: false,
        wachtend: 1,
        bezig: false,
      }),
    );
    expect(win.navigator.onLine).toBe(true);

    // A long outage: 30 health checks fail (well over 10 minutes at the push back-off's pace).
    const wachttijden: number[] = [];
    for (let i = 0; i < 30; i += 1) {
      await vi.waitFor(() => expect(timers.wachtend().length).toBeGreaterThan(0));
      wachttijden.push(Math.max(...timers.wachtend()));
      const verzoeken = server.verzoeken.length;
      timers.vuur();
      await vi.waitFor(() => expect(server.verzoeken.length).toBe(verzoeken + 1));
    }
    expect(Math.max(...wachttijden)).toBeLessThanOrEqual(30_000);
    expect(wachttijden.at(-1)).toBeGreaterThanOrEqual(20_000);
    // While unreachable only the cheap health check knocks; one push tried, nothing lost.
    expect(server.verzoeken.filter((v) => v !== 'GET /api/health')).toEqual([
      'POST /api/sync/push',
    ]);
    expect(engine.status().verbinding).toBe('onbereikbaar');
    expect(await db.outbox.count()).toBe(1);

    // The server is back: the next health check (≤ 30 s) resumes the loop at once.
    server.storing = null;
    await vi.waitFor(() => expect(timers.wachtend().length).toBeGreaterThan(0));
    timers.vuur();
    await vi.waitFor(() =>
      expect(engine.status()).toMatchObject({
        verbinding: 'online',
        online: true,
        wachtend: 0,
        fout: null,
        laatsteSync: NU.toISOString(),
      }),
    );
    expect(server.records.size).toBe(1);
    expect(await db.outbox.count()).toBe(0);
    watcher.stop();
  });

  it('the network comes back: sends at once, without waiting for the health check', async () => {
    const win = Object.assign(new EventTarget(), { navigator: { onLine: false } });
    // The health check hangs until the end of the test; the push must not wait for it.
    let laatHealthGaan: () => void = () => undefined;
    const healthHangt = new Promise<void>((r) => (laatHealthGaan = r));
    const fetch: typeof server.fetch = async (input, init) => {
      if (String(input).includes('/api/health')) await healthHangt;
      return server.fetch(input, init);
    };
    const watcher = watchConnectivity({ fetch, win, doc: null, timers, random: () => 0.5 });
    engine = engineMetWachter(watcher, fetch);
    await maakClient();
    engine.start();
    await rustig();
    expect(engine.status().verbinding).toBe('offline');
    expect(server.verzoeken).toEqual([]);

    win.navigator.onLine = true;
    win.dispatchEvent(new Event('online'));
    await vi.waitFor(() =>
      expect(engine.status()).toMatchObject({ verbinding: 'online', wachtend: 0, fout: null }),
    );
    expect(server.verzoeken).toContain('POST /api/sync/push');
    expect(server.verzoeken).not.toContain('GET /api/health'); // still waiting
    expect(server.records.size).toBe(1);
    laatHealthGaan();
    watcher.stop();
  });

  it('a sync request that reaches the server clears the unreachable state (e.g. "Nu synchroniseren")', async () => {
    const win = Object.assign(new EventTarget(), { navigator: { onLine: true } });
    const watcher = watchConnectivity({ fetch: server.fetch, win, doc: null, timers });
    engine = engineMetWachter(watcher);
    await maakClient();
    server.storing = 'netwerk';
    expect((await engine.syncNow()).error?.code).toBe('server-onbereikbaar');
    expect(watcher.current()).toBe('onbereikbaar');
    server.storing = null;
    expect((await engine.syncNow()).ok).toBe(true);
    expect(watcher.current()).toBe('online');
    watcher.stop();
  });
});

describe('one sync engine per device (issue 11, 7: Web Locks)', () => {
  it('only the tab holding the lock runs the loop; the other shows the same data and takes over when the first stops', async () => {
    const sloten = new NepSloten();
    const dbB = openDb(db.name); // the second tab: the same IndexedDB
    const wie: string[] = [];
    const via = (tab: string) => async (input: string, init?: RequestInit) => {
      wie.push(tab);
      return server.fetch(input, init);
    };
    const timersA = new NepTimers();
    const timersB = new NepTimers();
    const maak = (naam: string, tabDb: ArrangeurDB, t: NepTimers) =>
      createSyncEngine({
        db: tabDb,
        fetch: via(naam),
        connectivity: new NepVerbinding(),
        timers: t,
        now: () => NU,
        random: () => 0.5,
        locks: sloten,
      });
    const a = maak('A', db, timersA);
    const b = maak('B', dbB, timersB);
    try {
      a.start();
      await vi.waitFor(() =>
        expect(a.status()).toMatchObject({ leider: true, laatsteSync: NU.toISOString() }),
      );
      b.start();
      await rustig();
      expect(b.status().leider).toBe(false);
      expect(sloten.gehouden()).toEqual(['arrangeur-sync']);

      // Tab B saves a change: tab A sends it shortly; B shows the same counts and last sync.
      const r = await saveClient(dbB, clientInvoer(), WIE);
      expect(r.ok).toBe(true);
      await vi.waitFor(() => expect(b.status().wachtend).toBe(1));
      await vi.waitFor(() => expect(timersA.wachtend()).toContain(2_000));
      expect(timersB.wachtend()).toEqual([]);
      timersA.vuur();
      await vi.waitFor(() => expect(a.status().wachtend).toBe(0));
      await vi.waitFor(() =>
        expect(b.status()).toMatchObject({ wachtend: 0, laatsteSync: NU.toISOString() }),
      );
      expect(server.records.size).toBe(1);
      expect(wie.every((t) => t === 'A')).toBe(true);

      // "Nu synchroniseren" in tab B works, but never overlaps a run of tab A.
      wie.length = 0;
      await saveClient(dbB, clientInvoer(), WIE);
      const [uitA, uitB] = await Promise.all([a.syncNow(), b.syncNow()]);
      expect(uitA.ok && uitB.ok).toBe(true);
      const wissels = wie.filter((t, i) => i > 0 && t !== wie[i - 1]).length;
      expect(wie).toContain('B');
      expect(wissels).toBe(1); // all of one run, then all of the other
      expect(server.records.size).toBe(2);

      // Tab A closes: tab B takes the lock and runs the loop.
      wie.length = 0;
      await a.stop();
      await vi.waitFor(() => expect(b.status().leider).toBe(true));
      await vi.waitFor(() => expect(wie).toContain('B'));
      expect(wie.every((t) => t === 'B')).toBe(true);
    } finally {
      await a.stop();
      await b.stop();
      dbB.close();
    }
    expect(sloten.gehouden()).toEqual([]);
  });

  it('the tab that comes to the front takes the loop over; the other follows and takes it back when that one closes', async () => {
    const sloten = new NepSloten();
    const pagina = (zichtbaar: DocumentVisibilityState) =>
      Object.assign(new EventTarget(), { visibilityState: zichtbaar });
    const docA = pagina('visible');
    const docB = pagina('hidden');
    const dbB = openDb(db.name);
    const wie: string[] = [];
    const maak = (naam: string, tabDb: ArrangeurDB, doc: ReturnType<typeof pagina>) =>
      createSyncEngine({
        db: tabDb,
        fetch: async (input, init) => {
          wie.push(naam);
          return server.fetch(input, init);
        },
        connectivity: new NepVerbinding(),
        timers: new NepTimers(),
        now: () => NU,
        locks: sloten,
        doc,
      });
    const a = maak('A', db, docA);
    const b = maak('B', dbB, docB);
    try {
      a.start();
      await vi.waitFor(() => expect(a.status().leider).toBe(true));
      b.start(); // opened in the background: waits
      await rustig();
      expect(b.status().leider).toBe(false);

      // The nurse switches to tab B.
      docA.visibilityState = 'hidden';
      docA.dispatchEvent(new Event('visibilitychange'));
      docB.visibilityState = 'visible';
      docB.dispatchEvent(new Event('visibilitychange'));
      await vi.waitFor(() => expect(b.status().leider).toBe(true));
      await vi.waitFor(() => expect(a.status().leider).toBe(false));
      await vi.waitFor(() => expect(wie).toContain('B'));

      // Tab B closes: A, which queued again, runs the loop.
      await b.stop();
      await vi.waitFor(() => expect(a.status().leider).toBe(true));
      expect(sloten.gehouden()).toContain('arrangeur-sync');
    } finally {
      await a.stop();
      await b.stop();
      dbB.close();
    }
    await vi.waitFor(() => expect(sloten.gehouden()).toEqual([]));
  });

  it('two visible tabs: the newer one takes the lock once; no taking it back and forth', async () => {
    const sloten = new NepSloten();
    const zichtbaar = () =>
      Object.assign(new EventTarget(), { visibilityState: 'visible' as const });
    const dbB = openDb(db.name);
    let verzoeken = 0;
    const maak = (tabDb: ArrangeurDB) =>
      createSyncEngine({
        db: tabDb,
        fetch: async (input, init) => {
          verzoeken += 1;
          return server.fetch(input, init);
        },
        connectivity: new NepVerbinding(),
        timers: new NepTimers(),
        now: () => NU,
        locks: sloten,
        doc: zichtbaar(),
      });
    const a = maak(db);
    const b = maak(dbB);
    try {
      a.start();
      await vi.waitFor(() => expect(a.status().leider).toBe(true));
      b.start();
      await vi.waitFor(() => expect(b.status().leider).toBe(true));
      await rustig(200);
      expect(a.status().leider).toBe(false);
      expect(b.status().leider).toBe(true);
      // One run per start (one pull each), nothing more.
      expect(verzoeken).toBe(2);
    } finally {
      await a.stop();
      await b.stop();
      dbB.close();
    }
  });

  it('an engine stopped while it waits for the lock never runs', async () => {
    const sloten = new NepSloten();
    let vrijgeven!: () => void;
    void sloten.request('arrangeur-sync', {}, () => new Promise<void>((r) => (vrijgeven = r)));
    engine = createSyncEngine({
      db,
      fetch: server.fetch,
      connectivity: new NepVerbinding(),
      timers,
      now: () => NU,
      locks: sloten,
    });
    engine.start();
    await rustig();
    await engine.stop();
    vrijgeven();
    await rustig();
    expect(server.verzoeken).toEqual([]);
    expect(engine.status().leider).toBe(false);
    expect(sloten.gehouden()).toEqual([]);
  });
});
