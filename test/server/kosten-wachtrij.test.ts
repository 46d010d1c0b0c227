/**
 * The cost queue (db/kosten-wachtrij.ts) under concurrency, on PostgreSQL (PGlite has one
 * connection, so a drain never runs inside a push there). A drain that runs while a push is in
 * flight must not take away that push's queued client: it would price the client without the
 * push's records and leave nothing queued once the push commits, so the coordinator would show
 * stale lines until the client changed again.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { werkKostenWachtrijBij, zetInKostenWachtrij } from '../../src/server/db/kosten-wachtrij.ts';
import { openTestStore, type TestStore } from '../support/stores.ts';

describe('the cost queue on PostgreSQL', () => {
  let t: TestStore;
  beforeAll(async () => {
    t = await openTestStore('postgres');
  });
  afterAll(() => t.cleanup());

  const wachtrij = async () =>
    (
      await t.store.query<{ id: string }>(
        'SELECT client_id::text AS id FROM kosten_wachtrij ORDER BY client_id',
      )
    ).map((r) => r.id);

  /** A push transaction that has queued `ids` and waits for `los()` before it commits. */
  function pushInVlucht(ids: string[]) {
    let los!: () => void;
    let binnen!: () => void;
    const open = new Promise<void>((r) => (binnen = r));
    const mag = new Promise<void>((r) => (los = r));
    const klaar = t.store.transaction(async (tx) => {
      await zetInKostenWachtrij(tx, ids);
      binnen();
      await mag;
    });
    return { open, los, klaar };
  }

  it('a drain during a push leaves the client of that push queued, already queued or not', async () => {
    const eerder = randomUUID();
    const nieuw = randomUUID();
    await zetInKostenWachtrij(t.store, [eerder]); // an earlier push, committed
    const push = pushInVlucht([eerder, nieuw]);
    await push.open;
    // The background drain runs now: it cannot see the push's records, so it must not price or
    // dequeue its clients.
    expect(await werkKostenWachtrijBij(t.store)).toBe(0);
    push.los();
    await push.klaar;
    expect(await wachtrij()).toEqual([eerder, nieuw].sort());
    // After the commit the next drain (a coordinator read) prices both.
    expect(await werkKostenWachtrijBij(t.store)).toBe(2);
    expect(await wachtrij()).toEqual([]);
  });

  it('a drain takes the clients no push holds, and the held one once that push committed', async () => {
    const los = randomUUID();
    const vast = randomUUID();
    await zetInKostenWachtrij(t.store, [los, vast]);
    const push = pushInVlucht([vast]);
    await push.open;
    expect(await werkKostenWachtrijBij(t.store)).toBe(1);
    expect(await wachtrij()).toEqual([vast]);
    push.los();
    await push.klaar;
    expect(await werkKostenWachtrijBij(t.store)).toBe(1);
    expect(await wachtrij()).toEqual([]);
  });
});
