/**
 * One IndexedDB watcher for the browser benches (browser.ts, browser-sync.ts): a Web Worker in the
 * page polls the app's database every 2 ms until a condition holds and records the absolute time
 * (timeOrigin + now) it saw it. It runs on its own thread, so a busy main thread cannot hide or
 * delay the moment a change is stored.
 */
import type { Page } from 'playwright-core';

/**
 * What to wait for in `store`: with `bevat`, a row whose JSON contains that text; with `sleutels`,
 * a row for each of those keys; otherwise the number of rows (of `index` = `key` when given) is at
 * least `min` and at most `max`.
 *
 * Polling must not load the database it watches: a count walks every row (5.9 ms for 10,000
 * clients, every 2 ms), so for "these rows arrived" `sleutels` looks up one key a poll, the first
 * not yet seen; and the outbox's `status` index is slow to walk after many deletes
 * (storage/outbox.ts), so `wachtrijLeeg` counts as the app does.
 */
export interface IdbVoorwaarde {
  readonly store: string;
  readonly index?: string;
  readonly key?: string;
  readonly min?: number;
  readonly max?: number;
  readonly bevat?: string;
  readonly sleutels?: readonly string[];
  /** The outbox holds no pending row: all rows minus the refused ones (as storage/outbox.ts counts). */
  readonly wachtrijLeeg?: true;
}

/** Starts the watcher; resolves once it has the database open (so nothing it should see is missed). */
export async function startIdbWachter(page: Page, voorwaarde: IdbVoorwaarde): Promise<void> {
  await page.evaluate((q) => {
    const code = `onmessage = async (e) => {
      const q = e.data;
      const db = await new Promise((res, rej) => {
        const r = indexedDB.open('arrangeur');
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      db.onversionchange = () => db.close();
      postMessage({ ready: true });
      let gezien = 0;
      const heeft = (sleutels) => new Promise((res, rej) => {
        const s = db.transaction(q.store, 'readonly').objectStore(q.store);
        const rs = sleutels.map((k) => s.count(k));
        rs[rs.length - 1].onsuccess = () => res(rs.map((r) => r.result > 0));
        rs[rs.length - 1].onerror = () => rej(rs[rs.length - 1].error);
      });
      // One key a poll until the first is there; then the rest in one transaction.
      const alleSleutels = async () => {
        while (gezien < q.sleutels.length) {
          const rest = q.sleutels.slice(gezien, gezien === 0 ? 1 : undefined);
          const er = await heeft(rest);
          const nieuw = er.indexOf(false);
          gezien += nieuw === -1 ? er.length : nieuw;
          if (nieuw !== -1) return false;
        }
        return true;
      };
      const wachtrijLeeg = () => new Promise((res, rej) => {
        const s = db.transaction(q.store, 'readonly').objectStore(q.store);
        const alle = s.count();
        const geweigerd = s.index('status').count('rejected');
        geweigerd.onsuccess = () => res(alle.result - geweigerd.result === 0);
        geweigerd.onerror = () => rej(geweigerd.error);
      });
      const klopt = () => q.sleutels !== undefined ? alleSleutels()
        : q.wachtrijLeeg ? wachtrijLeeg() : new Promise((res, rej) => {
        const s = db.transaction(q.store, 'readonly').objectStore(q.store);
        const r = q.bevat !== undefined ? s.getAll()
          : q.index ? s.index(q.index).count(q.key) : s.count();
        r.onsuccess = () => res(q.bevat !== undefined
          ? r.result.some((rij) => JSON.stringify(rij).includes(q.bevat))
          : (q.min === undefined || r.result >= q.min) && (q.max === undefined || r.result <= q.max));
        r.onerror = () => rej(r.error);
      });
      for (;;) {
        if (await klopt()) {
          postMessage({ t: performance.timeOrigin + performance.now() });
          db.close();
          return;
        }
        await new Promise((r) => setTimeout(r, 2));
      }
    };`;
    const worker = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
    const w = window as unknown as { __idbWachter?: Promise<number> };
    return new Promise<void>((ready) => {
      w.__idbWachter = new Promise<number>((gezien) => {
        worker.onmessage = (e: MessageEvent<{ ready?: true; t?: number }>) => {
          if (e.data.ready) ready();
          if (e.data.t !== undefined) {
            gezien(e.data.t);
            worker.terminate();
          }
        };
      });
      worker.postMessage(q);
    });
  }, voorwaarde);
}

/**
 * The absolute time the started watcher saw its condition hold, minus `start` (also absolute);
 * rejects when that does not happen within `timeoutMs`.
 */
export async function idbGezienNa(page: Page, start: number, timeoutMs: number): Promise<number> {
  return page.evaluate(
    async ({ start, timeoutMs }) => {
      const w = window as unknown as { __idbWachter?: Promise<number> };
      const op = new Promise<never>((_, nee) =>
        setTimeout(() => nee(new Error(`not seen within ${timeoutMs} ms`)), timeoutMs),
      );
      return (await Promise.race([w.__idbWachter!, op])) - start;
    },
    { start, timeoutMs },
  );
}
