import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type ArrangeurDB } from '../../src/storage/db.ts';
import {
  requestPersistence,
  storageStatus,
  type StorageApi,
} from '../../src/storage/persistence.ts';

let db: ArrangeurDB;
beforeEach(() => {
  db = openDb(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

function fakeStorage(antwoord: boolean, al = false) {
  const calls = { persist: 0 };
  const storage: StorageApi = {
    persisted: async () => al,
    persist: async () => {
      calls.persist += 1;
      return antwoord;
    },
    estimate: async () => ({ usage: 1234, quota: 5_000_000 }),
  };
  return { storage, calls };
}

describe('requestPersistence', () => {
  it('asks once and remembers the outcome', async () => {
    const { storage, calls } = fakeStorage(true);
    expect(await requestPersistence(db, storage)).toBe('granted');
    expect(await requestPersistence(db, fakeStorage(false).storage)).toBe('granted');
    expect(calls.persist).toBe(1);
  });

  it('records a refusal', async () => {
    expect(await requestPersistence(db, fakeStorage(false).storage)).toBe('denied');
  });

  it('does not ask when storage is already persistent', async () => {
    const { storage, calls } = fakeStorage(false, true);
    expect(await requestPersistence(db, storage)).toBe('granted');
    expect(calls.persist).toBe(0);
  });

  it('says "unsupported" without the API, and "denied" when persist() throws', async () => {
    expect(await requestPersistence(db, undefined)).toBe('unsupported');
    const ander = openDb(`test-${crypto.randomUUID()}`);
    try {
      const kapot: StorageApi = {
        persist: () => Promise.reject(new Error('nee')),
      };
      expect(await requestPersistence(ander, kapot)).toBe('denied');
    } finally {
      await ander.delete();
    }
  });
});

describe('storageStatus', () => {
  it('reports usage, quota and persistence', async () => {
    expect(await storageStatus(fakeStorage(true, true).storage)).toEqual({
      usage: 1234,
      quota: 5_000_000,
      persisted: true,
    });
  });

  it('falls back to nulls without the API', async () => {
    expect(await storageStatus(undefined)).toEqual({ usage: null, quota: null, persisted: null });
    expect(await storageStatus({})).toEqual({ usage: null, quota: null, persisted: null });
  });
});
