import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type ArrangeurDB } from '../../../src/storage/db.ts';
import {
  CASEMANAGERS_KEY,
  gecachteCasemanagers,
  haalCasemanagers,
} from '../../../src/sync/client/casemanagers.ts';
import type { FetchFn } from '../../../src/sync/client/http.ts';

const CARLA = { id: '00000000-0000-4000-8000-00000000c001', naam: 'Carla Smit' };
const CEES = { id: '00000000-0000-4000-8000-00000000c002', naam: 'Cees Bos' };

let db: ArrangeurDB;
beforeEach(() => {
  db = openDb(`casemanagers-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

const antwoord =
  (status: number, body: unknown, gezien: RequestInit[] = []): FetchFn =>
  async (_url, init) => {
    gezien.push(init ?? {});
    return new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  };

describe('haalCasemanagers', () => {
  it('asks the server with the session cookie and caches the list', async () => {
    const gezien: RequestInit[] = [];
    const urls: string[] = [];
    const fetchFn: FetchFn = async (url, init) => {
      urls.push(url);
      return antwoord(200, { casemanagers: [CARLA, CEES] }, gezien)(url, init);
    };
    expect(await haalCasemanagers(db, fetchFn)).toEqual({ lijst: [CARLA, CEES], bron: 'server' });
    expect(urls).toEqual(['/api/casemanagers']);
    expect(gezien[0]).toMatchObject({ method: 'GET', credentials: 'same-origin' });
    expect(await gecachteCasemanagers(db)).toEqual([CARLA, CEES]);
  });

  it('falls back to the cache offline, logged out, or on a bad answer', async () => {
    expect(await haalCasemanagers(db, () => Promise.reject(new TypeError('offline')))).toEqual({
      lijst: [],
      bron: 'cache',
    });
    await haalCasemanagers(db, antwoord(200, { casemanagers: [CARLA] }));
    for (const fetchFn of [
      () => Promise.reject(new TypeError('offline')),
      antwoord(401, { error: 'unauthenticated' }),
      antwoord(503, {}),
      antwoord(200, { casemanagers: [{ id: 'geen-uuid', naam: 'X' }] }),
    ] as FetchFn[]) {
      expect(await haalCasemanagers(db, fetchFn)).toEqual({ lijst: [CARLA], bron: 'cache' });
    }
    // A damaged cache entry is dropped, the rest kept.
    await db.meta.put({ key: CASEMANAGERS_KEY, value: [CARLA, { id: 1 }] });
    expect(await gecachteCasemanagers(db)).toEqual([CARLA]);
  });
});
