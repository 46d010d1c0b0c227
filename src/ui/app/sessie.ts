/**
 * The session gate's plumbing in the app shell (entry chunk): reading the local session, the idle
 * timer, and the lazily created sync engine. Kept free of zod (storage/sessie.ts checks by hand).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { ArrangeurDB } from '../../storage/db.ts';
import { parseSessie, SESSIE_KEY, vergrendel, type LokaleSessie } from '../../storage/sessie.ts';
import type { SyncEngine, SyncStatus } from '../../sync/client/engine.ts';

/** Minutes without touch or key before the app locks and asks the PIN (issue 5, item 2). */
export const IDLE_MINUTEN = 15;

declare global {
  interface Window {
    /** Test hook (e2e sets it with addInitScript): the idle timeout in ms. Not in any URL. */
    __ARRANGEUR_IDLE_MS__?: number;
  }
}

export function idleMs(override?: number): number {
  if (override !== undefined) return override;
  const test = typeof window !== 'undefined' ? window.__ARRANGEUR_IDLE_MS__ : undefined;
  return typeof test === 'number' && test > 0 ? test : IDLE_MINUTEN * 60_000;
}

/** The sync engine, made on first use (its module brings zod; the entry chunk must not). */
export interface SyncDienst {
  engine(): Promise<SyncEngine>;
}

/** Device-only meta key: when someone last used the app (written at most every ACTIVITEIT_MS). */
export const ACTIVITEIT_KEY = 'sessieActiviteit';
const ACTIVITEIT_MS = 15_000;
/** Whether this page load has shown the app unlocked once (only a reopened app is checked). */
let paginaGestart = false;

/**
 * The local session; `undefined` while reading, `null` without one. The idle time also counts
 * while the app is closed: reopening it after more than `idleMs` since the last use (or the
 * login or unlock, whichever is latest) shows it locked, before any screen with data is rendered.
 */
export function useLokaleSessie(db: ArrangeurDB, idleMs: number): LokaleSessie | null | undefined {
  return useLiveQuery(async () => {
    const sessie = parseSessie((await db.meta.get(SESSIE_KEY))?.value);
    if (!sessie || sessie.vergrendeld || paginaGestart) return sessie;
    const rij = await db.meta.get(ACTIVITEIT_KEY);
    const laatst = Math.max(
      typeof rij?.value === 'number' ? rij.value : 0,
      Date.parse(sessie.ingelogdOp) || 0,
      Date.parse(sessie.ontgrendeldOp ?? '') || 0,
    );
    // Locked in memory only: the right PIN unlocks (and stores) as usual.
    if (Date.now() - laatst > idleMs) return { ...sessie, vergrendeld: true };
    paginaGestart = true;
    return sessie;
  }, [db, idleMs]);
}

/** Locks the session after `ms` without pointer, key or touch activity; notes the last use. */
export function useIdleLock(db: ArrangeurDB, actief: boolean, ms: number): void {
  useEffect(() => {
    if (!actief) return;
    paginaGestart = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let geschreven = 0;
    const noteer = () => {
      const nu = Date.now();
      if (nu - geschreven < ACTIVITEIT_MS) return;
      geschreven = nu;
      void db.meta.put({ key: ACTIVITEIT_KEY, value: nu }).catch(() => undefined);
    };
    const herstart = () => {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => void vergrendel(db), ms);
      noteer();
    };
    const events = ['pointerdown', 'keydown', 'touchstart', 'wheel', 'input'] as const;
    for (const e of events) window.addEventListener(e, herstart, { passive: true, capture: true });
    herstart();
    return () => {
      if (timer !== undefined) clearTimeout(timer);
      for (const e of events) window.removeEventListener(e, herstart, { capture: true });
    };
  }, [db, actief, ms]);
}

/** Starts the engine while there is a session and stops it when the session ends. */
export function useSyncMotor(sync: SyncDienst | null | undefined, heeftSessie: boolean): void {
  useEffect(() => {
    if (!sync || !heeftSessie) return;
    let gestopt = false;
    void sync.engine().then((e) => {
      if (!gestopt) e.start();
    });
    return () => {
      gestopt = true;
      void sync.engine().then((e) => e.stop());
    };
  }, [sync, heeftSessie]);
}

/** The engine's status, null until the engine is there (or when there is none). */
export function useSyncStatus(sync: SyncDienst | null | undefined): SyncStatus | null {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  useEffect(() => {
    if (!sync) return;
    let stop: (() => void) | undefined;
    let weg = false;
    void sync.engine().then((e) => {
      if (weg) return;
      setStatus(e.status());
      stop = e.subscribe(setStatus);
    });
    return () => {
      weg = true;
      stop?.();
    };
  }, [sync]);
  return status;
}
