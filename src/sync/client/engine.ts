/**
 * The sync engine: when to push and pull, and what the user is told (docs/architecture.md, Sync 6).
 * push.ts and pull.ts do the work; this file decides when, keeps the status, and backs off.
 *
 * - Runs on start, when the server becomes reachable, every 30 s while it is, and a moment after
 *   a local change (so an edit reaches the server within seconds without a request per keystroke).
 * - Reachability comes from connectivity.ts: a request that finds the server unreachable is
 *   reported there, and its health checks (at most 30 s apart) bring the loop back at once when
 *   the server answers again (issue 18), however long the push back-off has grown.
 * - A 401 stops automatic runs (`niet-ingelogd`) until `syncNow()` is called, normally after a
 *   new login. Server faults back off exponentially with jitter (1 s … 5 min) and reset on the
 *   first success.
 * - One engine per device (issue 11, 7): with the Web Locks API only the tab holding the
 *   `arrangeur-sync` lock runs the automatic loop; the other tabs follow the same IndexedDB
 *   (counts, last sync, fault) through liveQuery. The tab in front (visible at start, or when it
 *   becomes visible again) takes the lock over, since the browser throttles the timers of a
 *   hidden tab; the tab that loses it queues again and takes over when the other closes. Every run,
 *   also a "Nu synchroniseren" in another tab, holds `arrangeur-sync-run`, so two never overlap.
 * - Never blocks the UI: the UI calls `start`, `syncNow` and `subscribe` without awaiting; one
 *   run at a time, a request during a run is folded into one follow-up run.
 * - Status listeners are called only after the transactions they report have committed
 *   (docs/style.md 7).
 */
import { liveQuery, type Subscription } from 'dexie';
import type { ArrangeurDB } from '../../storage/db.ts';
import { outboxTelling, retryRejected as zetTerug } from '../../storage/outbox.ts';
import type { Connectivity, ConnectivityWatcher } from './connectivity.ts';
import { openConflictCount } from './conflicts.ts';
import { SyncHttpFout, type FetchFn } from './http.ts';
import { syncFout, type SyncFout } from './meldingen.ts';
import type { VerwijderdeClient } from '../../storage/intrekking.ts';
import { pull, type OvergeslagenRecord } from './pull.ts';
import { push, type PushTelling } from './push.ts';
import { leesSyncState, zetSyncState } from './state.ts';

export type { SyncFout, SyncFoutCode } from './meldingen.ts';

export interface SyncStatus {
  /** The server was reachable at the last check or request. */
  online: boolean;
  /** No network, network but no server, or online (connectivity.ts); absent = from `online`. */
  verbinding?: Connectivity;
  /** This tab runs the automatic sync loop (the others follow it). */
  leider?: boolean;
  /** Changes waiting to be sent ("N wijzigingen nog niet verzonden"). */
  wachtend: number;
  /** Changes the server refused; they stay until retried (guarantee 5). */
  geweigerd: number;
  /** Open conflicts waiting for a choice. */
  conflicten: number;
  /** ISO time the last complete push + pull ended; null before the first. */
  laatsteSync: string | null;
  fout: SyncFout | null;
  /** A run is in progress. */
  bezig: boolean;
}

export interface SyncOutcome {
  ok: boolean;
  pushed: PushTelling;
  pulled: number;
  overgeslagen: OvergeslagenRecord[];
  /** Clients removed from this device because access ended, with their kept unsent changes. */
  ingetrokken?: VerwijderdeClient[];
  error: SyncFout | null;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The part of the Web Locks API the engine uses (`navigator.locks`); tests pass a fake. */
export interface Sloten {
  request<T>(
    name: string,
    options: LockOptions,
    callback: (lock: Lock | null) => Promise<T> | T,
  ): Promise<T>;
}

/** Held for as long as a tab runs the automatic loop. */
export const LEIDER_SLOT = 'arrangeur-sync';
/** Held during every run, in whichever tab. */
export const RUN_SLOT = 'arrangeur-sync-run';

export interface SyncEngineOptions {
  db: ArrangeurDB;
  fetch: FetchFn;
  connectivity: Pick<
    ConnectivityWatcher,
    'current' | 'subscribe' | 'meldOnbereikbaar' | 'meldBereikbaar' | 'netwerkTerug'
  >;
  /**
   * Web Locks (default `navigator.locks`); null: no locks, this engine always leads (a browser
   * without the API, or a unit test of one device).
   */
  locks?: Sloten | null;
  /**
   * The page (default `document`): the tab in front takes the lock over, at start and when it
   * becomes visible again. null: never take over.
   */
  doc?:
    | (Pick<Document, 'visibilityState'> &
        Pick<EventTarget, 'addEventListener' | 'removeEventListener'>)
    | null;
  now?: () => Date;
  onStatus?: (status: SyncStatus) => void;
  /** Injectable for tests; defaults to the global timers. */
  timers?: Timers;
  /** Jitter source in [0, 1); defaults to Math.random. */
  random?: () => number;
  /** Prefix for /api/...; '' (same origin) in the app. */
  baseUrl?: string;
  intervalMs?: number;
  /** Delay between a local change and the run that sends it. */
  naWijzigingMs?: number;
}

export interface SyncEngine {
  start(): void;
  /** Stops automatic runs; resolves when a run in progress has ended (e.g. before logout). */
  stop(): Promise<void>;
  /**
   * Runs now (also after a 401 stop); resolves when this request has been served. Never rejects:
   * a failure is in the outcome and the status. Safe offline: it fails with
   * `server-onbereikbaar` and nothing local is lost or changed.
   */
  syncNow(): Promise<SyncOutcome>;
  /**
   * Puts a rejected change back in the queue and starts a run. @returns whether it was found.
   * Safe offline: only the local outbox row changes; it is sent when the server is reachable.
   */
  retryRejected(seq: number): Promise<boolean>;
  status(): SyncStatus;
  subscribe(listener: (status: SyncStatus) => void): () => void;
}

export const BACKOFF_MIN_MS = 1_000;
export const BACKOFF_MAX_MS = 5 * 60_000;

/**
 * Wait before attempt `pogingen + 1` after `pogingen` failures in a row: 1 s, 2 s, 4 s … capped at
 * 5 min, times a jitter of 0.75–1.25 so that many tablets coming back at once do not all knock at
 * the same moment; always within 1 s … 5 min.
 */
export function backoffMs(pogingen: number, random: () => number = Math.random): number {
  const basis = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** Math.max(0, pogingen - 1));
  const metJitter = basis * (0.75 + random() * 0.5);
  return Math.round(Math.min(BACKOFF_MAX_MS, Math.max(BACKOFF_MIN_MS, metJitter)));
}

export function createSyncEngine(opts: SyncEngineOptions): SyncEngine {
  const { db, connectivity } = opts;
  const now = opts.now ?? (() => new Date());
  const timers: Timers = opts.timers ?? {
    setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
    clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
  };
  const random = opts.random ?? Math.random;
  const baseUrl = opts.baseUrl ?? '';
  const intervalMs = opts.intervalMs ?? 30_000;
  const naWijzigingMs = opts.naWijzigingMs ?? 2_000;
  const locks =
    opts.locks !== undefined
      ? opts.locks
      : typeof navigator !== 'undefined' && navigator.locks
        ? navigator.locks
        : null;
  const doc = opts.doc !== undefined ? opts.doc : typeof document !== 'undefined' ? document : null;

  const listeners = new Set<(s: SyncStatus) => void>();
  let status: SyncStatus = {
    online: connectivity.current() === 'online',
    verbinding: connectivity.current(),
    leider: false,
    wachtend: 0,
    geweigerd: 0,
    conflicten: 0,
    laatsteSync: null,
    fout: null,
    bezig: false,
  };
  let actief = false;
  /** After a 401: no automatic runs until syncNow(). */
  let geblokkeerd = false;
  let mislukt = 0;
  let wekker: { handle: unknown; op: number } | null = null;
  let lopend: Promise<SyncOutcome> | null = null;
  let volgende: Promise<SyncOutcome> | null = null;
  let stopConnectivity: (() => void) | null = null;
  let stopNetwerk: (() => void) | null = null;
  let tellers: Subscription | null = null;
  /** This tab runs the automatic loop (holds LEIDER_SLOT, or there are no locks). */
  let leider = false;
  /** Releases LEIDER_SLOT while this tab holds it. */
  let laatLos: (() => void) | null = null;
  /** The newest request for LEIDER_SLOT; an older one (or any after stop) is void. */
  let poging: { wacht: AbortController } | null = null;

  function zet(wijziging: Partial<SyncStatus>): void {
    status = { ...status, ...wijziging };
    opts.onStatus?.(status);
    for (const l of listeners) l(status);
  }

  function wekAf(): void {
    if (wekker) timers.clearTimeout(wekker.handle);
    wekker = null;
  }

  /** Schedules the next automatic run in `ms`, unless one is already due sooner. */
  function plan(ms: number): void {
    if (!actief || !leider || geblokkeerd) return;
    const op = now().getTime() + ms;
    if (wekker && wekker.op <= op) return;
    wekAf();
    wekker = {
      op,
      handle: timers.setTimeout(() => {
        wekker = null;
        automatisch();
      }, ms),
    };
  }

  function automatisch(): void {
    if (!actief || !leider || geblokkeerd || connectivity.current() !== 'online') return;
    void vraagRun();
  }

  /** Waits for this tab to lead (or the engine to stop); runs the loop while it leads. */
  /**
   * Asks for LEIDER_SLOT and runs the loop once it is granted. `neemOver`: take it from the tab
   * that has it now (this tab is the one in front; a hidden tab's timers are throttled by the
   * browser, so it would send late). The tab that loses it follows and queues again.
   */
  function vraagLeiding(neemOver = false): void {
    if (!locks) {
      leider = true;
      zet({ leider: true });
      automatisch();
      return;
    }
    const deze = { wacht: new AbortController() };
    const vorige = poging;
    poging = deze;
    vorige?.wacht.abort(); // an older request still waiting is dropped
    locks
      .request(
        LEIDER_SLOT,
        // (A steal may not carry a signal.)
        neemOver ? { steal: true } : { signal: deze.wacht.signal },
        () =>
          new Promise<void>((losgelaten) => {
            if (!actief || poging !== deze) {
              losgelaten();
              return;
            }
            laatLos = losgelaten;
            leider = true;
            zet({ leider: true });
            automatisch();
          }),
      )
      .catch(() => {
        // Dropped while waiting (stop, or a newer request of this tab): nothing to do.
        if (poging !== deze || !actief) return;
        // Another tab took the lock: follow it, and queue to take over when it closes.
        volg();
        vraagLeiding();
      });
  }

  /** This tab no longer runs the loop. */
  function volg(): void {
    laatLos = null;
    if (!leider) return;
    leider = false;
    wekAf();
    zet({ leider: false });
  }

  function geefLeidingOp(): void {
    const p = poging;
    poging = null;
    p?.wacht.abort();
    laatLos?.();
    volg();
  }

  /** The page came to the front: this tab runs the loop from now on. */
  function naarVoren(): void {
    if (actief && locks && !leider && doc?.visibilityState === 'visible') vraagLeiding(true);
  }

  /** One run at a time; a request during a run becomes one follow-up run. */
  function vraagRun(): Promise<SyncOutcome> {
    if (!lopend) {
      lopend = (locks ? locks.request(RUN_SLOT, {}, run) : run()).finally(() => {
        lopend = null;
      });
      return lopend;
    }
    volgende ??= lopend.then(() => {
      volgende = null;
      return vraagRun();
    });
    return volgende;
  }

  async function run(): Promise<SyncOutcome> {
    wekAf();
    zet({ bezig: true });
    const pushed: PushTelling = { applied: 0, duplicate: 0, rejected: 0 };
    const pulled = {
      records: 0,
      paginas: 0,
      overgeslagen: [] as OvergeslagenRecord[],
      ingetrokken: [] as VerwijderdeClient[],
    };
    let fout: SyncFout | null = null;
    try {
      await push(db, opts.fetch, baseUrl, pushed);
      await pull(db, opts.fetch, baseUrl, pulled);
      const lastSyncedAt = now().toISOString();
      await zetSyncState(db, { lastSyncedAt, lastError: null });
      mislukt = 0;
      connectivity.meldBereikbaar?.();
      await ververs({ laatsteSync: lastSyncedAt, fout: null, bezig: false });
      // A change made while this run was pulling goes soon, not after the whole interval.
      plan(status.wachtend > 0 ? naWijzigingMs : intervalMs);
    } catch (e) {
      if (e instanceof SyncHttpFout) {
        fout = e.fout;
      } else {
        // Not a network or server answer: a storage failure or a bug. Logged with its stack;
        // the user sees a general fault and the engine keeps trying with back-off.
        console.error('Synchroniseren mislukt.', e);
        fout = syncFout('serverfout');
      }
      try {
        await zetSyncState(db, { lastError: fout });
      } catch (opslagFout) {
        console.error('Syncstatus niet opgeslagen.', opslagFout);
      }
      if (fout.code === 'niet-ingelogd') {
        geblokkeerd = true;
      } else {
        mislukt += 1;
      }
      // Unreachable: connectivity.ts checks again (at most 30 s apart) and restarts the loop when
      // the server answers. Any other answer means the server is there.
      if (fout.code === 'server-onbereikbaar') connectivity.meldOnbereikbaar?.();
      else connectivity.meldBereikbaar?.();
      await ververs({ fout, bezig: false });
      if (!geblokkeerd) plan(backoffMs(mislukt, random));
    }
    return {
      ok: fout === null,
      pushed,
      pulled: pulled.records,
      overgeslagen: pulled.overgeslagen,
      ingetrokken: pulled.ingetrokken,
      error: fout,
    };
  }

  async function tel(): Promise<Pick<SyncStatus, 'wachtend' | 'geweigerd' | 'conflicten'>> {
    const [outbox, conflicten] = await Promise.all([outboxTelling(db), openConflictCount(db)]);
    return { ...outbox, conflicten };
  }

  async function ververs(wijziging: Partial<SyncStatus> = {}): Promise<void> {
    let tellingen = {};
    try {
      tellingen = await tel();
    } catch (e) {
      console.error('Wachtrij niet te tellen.', e);
    }
    zet({ ...tellingen, ...wijziging });
  }

  return {
    start() {
      if (actief) return;
      actief = true;
      stopConnectivity = connectivity.subscribe((toestand) => {
        zet({ online: toestand === 'online', verbinding: toestand });
        if (toestand === 'online') {
          wekAf();
          automatisch();
        } else {
          wekAf();
        }
      });
      // The network is back: send at once, without waiting for the health check's round trip
      // (the run's own request is the check; a failure goes through the back-off as usual).
      stopNetwerk =
        connectivity.netwerkTerug?.(() => {
          if (actief && leider && !geblokkeerd) void vraagRun();
        }) ?? null;
      // Counts and the stored outcome follow every write to IndexedDB, also another tab's (the
      // UI's "N wijzigingen nog niet verzonden", last sync, fault). A new outbox row schedules
      // a run shortly, so a saved change does not wait for the 30 s interval.
      let gezienSeq: number | null = null;
      tellers = liveQuery(async () => {
        const [t, s, laatste] = await Promise.all([
          tel(),
          leesSyncState(db),
          db.outbox.orderBy(':id').lastKey(),
        ]);
        return { ...t, laatsteSync: s.lastSyncedAt, fout: s.lastError, laatste };
      }).subscribe({
        next: ({ laatste, ...t }) => {
          const seq = typeof laatste === 'number' ? laatste : 0;
          const nieuw = gezienSeq !== null && seq > gezienSeq;
          gezienSeq = Math.max(gezienSeq ?? 0, seq);
          zet(t);
          // Not during back-off: the back-off timer decides when the server is tried again.
          if (nieuw && t.wachtend > 0 && connectivity.current() === 'online' && mislukt === 0) {
            plan(naWijzigingMs);
          }
        },
        error: (e) => console.error('Wachtrij niet te volgen.', e),
      });
      zet({ online: connectivity.current() === 'online', verbinding: connectivity.current() });
      doc?.addEventListener('visibilitychange', naarVoren);
      vraagLeiding(doc?.visibilityState === 'visible');
    },
    async stop() {
      actief = false;
      wekAf();
      doc?.removeEventListener('visibilitychange', naarVoren);
      geefLeidingOp();
      stopConnectivity?.();
      stopConnectivity = null;
      stopNetwerk?.();
      stopNetwerk = null;
      tellers?.unsubscribe();
      tellers = null;
      await (volgende ?? lopend);
    },
    syncNow() {
      geblokkeerd = false;
      return vraagRun();
    },
    async retryRejected(seq) {
      const gevonden = await zetTerug(db, seq);
      if (gevonden) {
        await ververs();
        if (actief && connectivity.current() === 'online') void vraagRun();
      }
      return gevonden;
    },
    status: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
