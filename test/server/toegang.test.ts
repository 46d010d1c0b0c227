import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  leesbareClientIds,
  leesFilter,
  logToegang,
  logToegangPerClient,
  magClientAanmaken,
  magClientLezen,
  magClientSchrijven,
  voegToeAanCaseload,
  zetReviewDeling,
} from '../../src/server/db/toegang.ts';
import type { Gebruiker } from '../../src/sync/protocol/wire.ts';
import { STORE_KINDS, openTestStore, type TestStore } from '../support/stores.ts';
import { maakTestGebruiker } from './fixtures/gebruikers.ts';

/**
 * The access table of db/toegang.ts, case by case. The world:
 * - anja (arrangeur): client A in her caseload;
 * - bert (arrangeur): client B;
 * - carla (casemanager): client C in her caseload, and B shared with her for review;
 * - cor (coordinator) and bea (beheerder): no client records at all, even if a caseload row
 *   were somehow made for them (D);
 * - null: a sociale-kaart entry of no client; X: a client in nobody's caseload.
 */
type Wie = 'anja' | 'bert' | 'carla' | 'cor' | 'bea';
type Welke = 'A' | 'B' | 'C' | 'D' | 'X' | 'null';

const CASES: [Wie, Welke, { lezen: boolean; schrijven: boolean }][] = [
  ['anja', 'A', { lezen: true, schrijven: true }],
  ['anja', 'B', { lezen: false, schrijven: false }],
  ['anja', 'C', { lezen: false, schrijven: false }],
  ['anja', 'X', { lezen: false, schrijven: false }],
  ['anja', 'null', { lezen: true, schrijven: true }],
  ['bert', 'A', { lezen: false, schrijven: false }],
  ['bert', 'B', { lezen: true, schrijven: true }],
  ['carla', 'C', { lezen: true, schrijven: true }],
  ['carla', 'B', { lezen: true, schrijven: false }], // shared for review: read only
  ['carla', 'A', { lezen: false, schrijven: false }],
  ['carla', 'null', { lezen: true, schrijven: true }],
  ['cor', 'A', { lezen: false, schrijven: false }],
  ['cor', 'D', { lezen: false, schrijven: false }],
  ['cor', 'null', { lezen: false, schrijven: false }],
  ['bea', 'A', { lezen: false, schrijven: false }],
  ['bea', 'D', { lezen: false, schrijven: false }],
  ['bea', 'null', { lezen: false, schrijven: false }],
];

describe.each(STORE_KINDS)('access rules on %s', (kind) => {
  let t: TestStore;
  const wie = {} as Record<Wie, Gebruiker>;
  const client: Record<Welke, string | null> = {
    A: randomUUID(),
    B: randomUUID(),
    C: randomUUID(),
    D: randomUUID(),
    X: randomUUID(),
    null: null,
  };
  const id = (w: Welke) => client[w] as string;

  beforeAll(async () => {
    t = await openTestStore(kind);
    wie.anja = await maakTestGebruiker(t.store, { gebruikersnaam: 'anja', rol: 'arrangeur' });
    wie.bert = await maakTestGebruiker(t.store, { gebruikersnaam: 'bert', rol: 'arrangeur' });
    wie.carla = await maakTestGebruiker(t.store, { gebruikersnaam: 'carla', rol: 'casemanager' });
    wie.cor = await maakTestGebruiker(t.store, { gebruikersnaam: 'cor', rol: 'coordinator' });
    wie.bea = await maakTestGebruiker(t.store, { gebruikersnaam: 'bea', rol: 'beheerder' });
    await voegToeAanCaseload(t.store, wie.anja.id, id('A'));
    await voegToeAanCaseload(t.store, wie.anja.id, id('A')); // idempotent
    await voegToeAanCaseload(t.store, wie.bert.id, id('B'));
    await voegToeAanCaseload(t.store, wie.carla.id, id('C'));
    await zetReviewDeling(t.store, wie.carla.id, id('B'), true, wie.bea.id);
    // The beheer routes refuse this; the rules must hold even if such a row exists.
    await voegToeAanCaseload(t.store, wie.cor.id, id('D'));
    await voegToeAanCaseload(t.store, wie.bea.id, id('D'));
    // A review share to an arrangeur (refused by the route too) gives her nothing.
    await zetReviewDeling(t.store, wie.anja.id, id('C'), true, wie.bea.id);
  });
  afterAll(async () => {
    await t.cleanup();
  });

  it.each(CASES)('%s on client %s → %o', async (w, c, verwacht) => {
    expect({
      lezen: await magClientLezen(t.store, wie[w], client[c]),
      schrijven: await magClientSchrijven(t.store, wie[w], client[c]),
    }).toEqual(verwacht);
  });

  it.each<[Wie, Welke[]]>([
    ['anja', ['A']],
    ['bert', ['B']],
    ['carla', ['B', 'C']],
    ['cor', []],
    ['bea', []],
  ])('%s may read exactly the clients %j', async (w, clienten) => {
    expect(await leesbareClientIds(t.store, wie[w])).toEqual(clienten.map(id).sort());
  });

  it.each<Wie>(['anja', 'bert', 'carla', 'cor', 'bea'])(
    'leesFilter agrees with magClientLezen for %s',
    async (w) => {
      const filter = leesFilter(wie[w], 'v.client_id', 1);
      const alle = Object.values(client);
      const waarden = alle.map((_, i) => `($${i + 1 + filter.params.length}::uuid)`).join(', ');
      const rows = await t.store.query<{ client_id: string | null }>(
        `SELECT v.client_id FROM (VALUES ${waarden}) AS v(client_id) WHERE ${filter.sql}`,
        [...filter.params, ...alle],
      );
      const verwacht: (string | null)[] = [];
      for (const c of alle) if (await magClientLezen(t.store, wie[w], c)) verwacht.push(c);
      expect(rows.map((r) => r.client_id).sort()).toEqual(verwacht.sort());
    },
  );

  it('leesFilter refuses anything but a column name', () => {
    expect(() => leesFilter(wie.anja, 'client_id; DROP TABLE records', 1)).toThrow();
  });

  it('lets only arrangeur and casemanager create clients', () => {
    expect(
      (['anja', 'carla', 'cor', 'bea'] as const).map((w) => magClientAanmaken(wie[w])),
    ).toEqual([true, true, false, false]);
  });

  it('withdraws read access when a review share ends', async () => {
    const E = randomUUID();
    await zetReviewDeling(t.store, wie.carla.id, E, true, wie.bea.id);
    expect(await magClientLezen(t.store, wie.carla, E)).toBe(true);
    await zetReviewDeling(t.store, wie.carla.id, E, false, wie.bea.id);
    expect(await magClientLezen(t.store, wie.carla, E)).toBe(false);
  });

  it('records access in the log, one row per client, null for no client', async () => {
    await logToegang(t.store, wie.anja, 'push', id('A'), 3);
    await logToegangPerClient(
      t.store,
      wie.carla,
      'pull',
      new Map([
        [id('B'), 5],
        [id('C'), 2],
        [null, 7],
      ]),
    );
    await logToegangPerClient(t.store, wie.carla, 'pull', new Map());
    const rows = await t.store.query<{
      gebruiker_id: string;
      actie: string;
      client_id: string | null;
      aantal: number;
    }>(`SELECT gebruiker_id, actie, client_id, aantal FROM toegang_log
        WHERE actie IN ('push', 'pull') ORDER BY id`);
    expect(rows).toEqual([
      { gebruiker_id: wie.anja.id, actie: 'push', client_id: id('A'), aantal: 3 },
      { gebruiker_id: wie.carla.id, actie: 'pull', client_id: id('B'), aantal: 5 },
      { gebruiker_id: wie.carla.id, actie: 'pull', client_id: id('C'), aantal: 2 },
      { gebruiker_id: wie.carla.id, actie: 'pull', client_id: null, aantal: 7 },
    ]);
    const op = await t.store.query<{ op: Date }>('SELECT op FROM toegang_log LIMIT 1');
    expect(op[0]?.op).toBeInstanceOf(Date);
  });
});
