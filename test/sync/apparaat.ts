/**
 * For the integration tests that sync devices (Dexie on fake-indexeddb) through the REAL server
 * app in-process: a `fetch` over `app.inject` that keeps the session cookie like a browser tab,
 * and a sync of several devices that fails the test on any error, refusal or skipped record.
 */
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { SyncEngine } from '../../src/sync/client/engine.ts';
import type { FetchFn } from '../../src/sync/client/http.ts';

/** A `fetch` over `app.inject` with a one-cookie jar; `net.offline` makes it fail like no network. */
export function browserFetch(
  app: FastifyInstance,
  net: { readonly offline: boolean } = { offline: false },
): FetchFn {
  let sessie: string | null = null;
  return async (input, init) => {
    if (net.offline) throw new TypeError('Failed to fetch');
    const res = await app.inject({
      method: (init?.method ?? 'GET') as 'GET' | 'POST',
      url: input,
      ...(init?.body ? { payload: String(init.body) } : {}),
      headers: {
        ...(init?.body ? { 'content-type': 'application/json' } : {}),
        ...(sessie ? { cookie: sessie } : {}),
      },
    });
    const cookie = res.cookies.find((c) => c.name === 'arrangeur_sessie');
    if (cookie) sessie = cookie.value ? `arrangeur_sessie=${cookie.value}` : null;
    const leeg = res.statusCode === 204 || res.statusCode === 304;
    return new Response(leeg ? null : res.body, {
      status: res.statusCode,
      headers: { 'content-type': String(res.headers['content-type'] ?? 'application/json') },
    });
  };
}

/** Syncs each device in turn; every sync must succeed without refusals or skipped records. */
export async function sync(...wie: readonly { readonly engine: SyncEngine }[]): Promise<void> {
  for (const a of wie) {
    const uitkomst = await a.engine.syncNow();
    expect(uitkomst.error, JSON.stringify(uitkomst)).toBeNull();
    expect(uitkomst.pushed.rejected).toBe(0);
    expect(uitkomst.overgeslagen).toEqual([]);
  }
}
