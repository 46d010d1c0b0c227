import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, SYNCED_TABLES, type ArrangeurDB } from '../../src/storage/db.ts';
import { deviceId } from '../../src/storage/meta.ts';
import { VORIGE_GEBRUIKER_KEY, wisselGebruiker } from '../../src/storage/sessie.ts';

let db: ArrangeurDB;
beforeEach(() => {
  db = openDb(`sessie-wissel-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

describe('wisselGebruiker', () => {
  it('clears every synced table, the review tables included, for another user', async () => {
    for (const naam of SYNCED_TABLES) {
      await db.table(naam).put({ id: crypto.randomUUID(), type: naam, deleted: false });
    }
    await db.meta.put({ key: VORIGE_GEBRUIKER_KEY, value: { id: 'carla', naam: 'Carla' } });
    expect(await db.reviews.count()).toBe(1);
    expect(await db.reviewComments.count()).toBe(1);

    expect(await wisselGebruiker(db, 'carla')).toEqual({ ok: true });
    expect(await db.reviews.count()).toBe(1);

    expect(await wisselGebruiker(db, 'anja')).toEqual({ ok: true });
    for (const naam of SYNCED_TABLES) expect(await db.table(naam).count(), naam).toBe(0);
  });

  it('gives the tablet a new device id for another user, the same one for the same user', async () => {
    const id = () => db.transaction('rw', db.meta, () => deviceId(db));
    await db.meta.put({ key: VORIGE_GEBRUIKER_KEY, value: { id: 'carla', naam: 'Carla' } });
    const eerste = await id();
    expect(await wisselGebruiker(db, 'carla')).toEqual({ ok: true });
    expect(await id()).toBe(eerste);
    // The server binds a device id to its first user (issue 12): Anja must not borrow Carla's.
    expect(await wisselGebruiker(db, 'anja')).toEqual({ ok: true });
    expect(await id()).not.toBe(eerste);
  });
});
