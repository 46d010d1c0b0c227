/**
 * Push and pull on both stores (issue 5, items 3, 6, 7): idempotent replay, per-field merge,
 * conflicts kept as records, rejections that never stop a batch, paging, crash convergence, and
 * 4xx — never 5xx — for bad input.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { conflictFieldsSchema } from '../../src/sync/protocol/wire.ts';
import { STORE_KINDS, openTestStore, type TestStore } from '../support/stores.ts';
import {
  eigenApparaat,
  clientFields,
  count,
  edit,
  mutation,
  newClient,
  newNaaste,
  pull,
  pullAll,
  push,
  pushOk,
  userWithSession,
  type TestUser,
} from './fixtures/sync.ts';

describe.each(STORE_KINDS)('sync on %s', (kind) => {
  let t: TestStore;
  let app: FastifyInstance;
  let anna: TestUser;
  let dirk: TestUser;

  beforeAll(async () => {
    t = await openTestStore(kind);
    app = await buildApp({ store: t.store, schemaVersion: t.schemaVersion, staticDir: null });
    anna = await userWithSession(t.store, 'arrangeur', 'Anna');
    dirk = await userWithSession(t.store, 'arrangeur', 'Dirk');
  });
  afterAll(async () => {
    await app.close();
    await t.cleanup();
  });

  /** A client made by Anna and shared with Dirk's caseload: two people who may both edit it. */
  async function sharedClient(): Promise<{ id: string; rev: number }> {
    const id = randomUUID();
    const rev = await pushOk(app, anna, newClient(id));
    await t.store.query('INSERT INTO caseload (gebruiker_id, client_id) VALUES ($1, $2)', [
      dirk.id,
      id,
    ]);
    return { id, rev };
  }

  const conflictsOf = async (recordId: string) =>
    (await pullAll(app, anna)).filter(
      (r) => r.type === 'conflict' && r.fields['recordId'] === recordId,
    );

  it('a replay is a no-op: the same answer, the rev unchanged, no new conflict', async () => {
    const id = randomUUID();
    const create = newClient(id);
    const [first] = await push(app, anna, [create]);
    expect(first).toMatchObject({ status: 'applied', conflicts: 0 });
    const rev = first?.status === 'applied' ? first.rev : -1;
    // An edit that conflicts with nothing, then replays of both, alone and in a batch.
    const change = edit('client', id, undefined, { huisarts: 'Dr. Tromp' }, 'tablet-2');
    const [changed] = await push(app, anna, [change], 'tablet-2');
    expect(changed).toMatchObject({ status: 'applied', conflicts: 1 }); // no baseRev: counts as 0
    const recordsBefore = await count(t.store, 'records');
    const replay = await push(app, anna, [create, change, create]);
    expect(replay).toEqual([
      { mutationId: create.mutationId, status: 'duplicate', rev },
      {
        mutationId: change.mutationId,
        status: 'duplicate',
        rev: changed?.status === 'applied' ? changed.rev : -1,
      },
      { mutationId: create.mutationId, status: 'duplicate', rev },
    ]);
    expect(await count(t.store, 'records')).toBe(recordsBefore);
    const [row] = await t.store.query<{ rev: string | number }>(
      'SELECT rev FROM records WHERE id = $1',
      [id],
    );
    expect(Number(row?.rev)).toBe(changed?.status === 'applied' ? changed.rev : -1);
  });

  it('different fields from two devices are both kept, silently', async () => {
    const { id, rev } = await sharedClient();
    const r = await push(app, anna, [edit('client', id, rev, { voornaam: 'Johanna' }, 'tab-a')]);
    const s = await push(app, dirk, [edit('client', id, rev, { huisarts: 'Dr. Smit' }, 'tab-b')]);
    expect(r[0]).toMatchObject({ status: 'applied', conflicts: 0 });
    expect(s[0]).toMatchObject({ status: 'applied', conflicts: 0 });
    const client = (await pullAll(app, dirk)).find((x) => x.id === id);
    expect(client?.fields).toMatchObject({ voornaam: 'Johanna', huisarts: 'Dr. Smit' });
    expect(await conflictsOf(id)).toEqual([]);
  });

  it('the same field on two devices: the later write wins, both values kept in a conflict', async () => {
    const { id, rev } = await sharedClient();
    await pushOk(app, anna, edit('client', id, rev, { huisarts: 'Dr. Anna' }, 'tab-a'));
    const [later] = await push(app, dirk, [
      edit('client', id, rev, { huisarts: 'Dr. Dirk' }, 'tab-b'),
    ]);
    expect(later).toMatchObject({ status: 'applied', conflicts: 1 });

    for (const user of [anna, dirk]) {
      const records = await pullAll(app, user);
      expect(records.find((x) => x.id === id)?.fields['huisarts']).toBe('Dr. Dirk');
      const conflicts = records.filter((r) => r.type === 'conflict' && r.fields['recordId'] === id);
      expect(conflicts).toHaveLength(1);
      expect(conflicts[0]?.clientId).toBe(id);
      expect(conflicts[0]?.fields).toMatchObject({
        overwrittenByNaam: 'Anna',
        winningByNaam: 'Dirk',
        // The devices that typed the values, for "Op dit apparaat" (issue 11, point 4).
        overwrittenDevice: eigenApparaat(anna, 'tab-a'),
        winningDevice: eigenApparaat(dirk, 'tab-b'),
      });
      expect(conflictFieldsSchema.parse(conflicts[0]?.fields)).toMatchObject({
        recordType: 'client',
        field: 'huisarts',
        overwrittenValue: 'Dr. Anna',
        overwrittenBy: anna.id,
        winningValue: 'Dr. Dirk',
        winningBy: dirk.id,
        resolved: false,
      });
    }
  });

  it('a conflict is resolved by a normal mutation; anything else on it is refused', async () => {
    const { id, rev } = await sharedClient();
    await pushOk(app, anna, edit('client', id, rev, { voornaam: 'A' }, 'tab-a'));
    await pushOk(app, dirk, edit('client', id, rev, { voornaam: 'B' }, 'tab-b'));
    const [conflict] = await conflictsOf(id);
    if (!conflict) throw new Error('no conflict');
    const results = await push(app, anna, [
      edit('conflict', conflict.id, conflict.rev, { winningValue: 'mine' }),
      edit('conflict', conflict.id, conflict.rev, { resolved: 'ja' }),
      mutation({
        recordType: 'conflict',
        recordId: randomUUID() as never,
        fields: { resolved: true },
      }),
      edit('conflict', conflict.id, conflict.rev, { resolved: true }),
    ]);
    expect(results.map((r) => (r.status === 'rejected' ? r.reason : r.status))).toEqual([
      'conflict-resolution-invalid',
      'conflict-resolution-invalid',
      'conflict-resolution-invalid',
      'applied',
    ]);
    const after = (await pullAll(app, dirk)).find((r) => r.id === conflict.id);
    expect(after?.fields).toMatchObject({ resolved: true, overwrittenValue: 'A' });
  });

  it('a delete wins over a concurrent edit, and the edit is kept as a conflict', async () => {
    const { id, rev } = await sharedClient();
    await pushOk(
      app,
      anna,
      mutation({ recordType: 'client', recordId: id as never, baseRev: rev, deleted: true }),
    );
    const [late] = await push(app, dirk, [
      edit('client', id, rev, { huisarts: 'Dr. Laat' }, 'tab-b'),
    ]);
    expect(late).toMatchObject({ status: 'applied', conflicts: 1 });
    const records = await pullAll(app, dirk);
    expect(records.find((r) => r.id === id)).toMatchObject({ deleted: true });
    expect(
      records.find((r) => r.type === 'conflict' && r.fields['recordId'] === id)?.fields,
    ).toMatchObject({
      overwrittenValue: 'Dr. Laat',
      overwrittenByNaam: 'Dirk',
      winningByNaam: 'Anna',
      winningValue: null,
    });
  });

  it('rejects one bad mutation with a reason and goes on with the rest of the batch', async () => {
    const id = randomUUID();
    const bad = [
      newClient(randomUUID(), { postcode: 'geen postcode' }),
      newClient(randomUUID(), { schoenmaat: 42 }),
      newClient(randomUUID(), { huisarts: 'nul\u0000byte' }),
      newClient(randomUUID(), { huisarts: 'half \ud800 surrogaat' }),
      mutation({
        recordType: 'naaste',
        recordId: randomUUID() as never,
        fields: { naam: 'X', relatie: 'y' },
      }),
      mutation({
        recordType: 'client',
        recordId: randomUUID() as never,
        clientId: randomUUID() as never,
        fields: clientFields(),
      }),
    ];
    const results = await push(app, anna, [...bad, newClient(id)]);
    expect(results.map((r) => r.status)).toEqual([...bad.map(() => 'rejected'), 'applied']);
    for (const r of results.slice(0, bad.length)) {
      expect(r).toMatchObject({ status: 'rejected', reason: 'invalid' });
    }
    expect(results[0]).toMatchObject({ detail: expect.stringContaining('postcode') });
    expect(results[1]).toMatchObject({ detail: expect.stringContaining('schoenmaat') });
    // A rejection is remembered: the same mutation gets the same answer while nothing changed.
    expect((await push(app, anna, [bad[0]!]))[0]).toEqual(results[0]);
    // An update that would make the stored record invalid is refused; the record stays as it was.
    const [leeg] = await push(app, anna, [edit('client', id, undefined, { voornaam: null })]);
    expect(leeg).toMatchObject({ status: 'rejected', reason: 'invalid' });
    expect((await pullAll(app, anna)).find((r) => r.id === id)?.fields['voornaam']).toBe('Jan');
  });

  it('checks that a record belongs to the client it claims', async () => {
    const a = randomUUID();
    const b = randomUUID();
    await pushOk(app, anna, newClient(a));
    await pushOk(app, anna, newClient(b));
    const plan = randomUUID();
    const planFields = {
      clientId: a,
      status: 'concept',
      versie: 1,
      hulpvraag: null,
      ladderToelichting: null,
      akkoord: null,
      evaluatiedatum: null,
      vastgesteldOp: null,
    };
    const results = await push(app, anna, [
      // plan.clientId must be the record's client
      mutation({
        recordType: 'plan',
        recordId: randomUUID() as never,
        clientId: b as never,
        fields: planFields,
      }),
      mutation({
        recordType: 'plan',
        recordId: plan as never,
        clientId: a as never,
        fields: planFields,
      }),
      // a doel of client b may not point at client a's plan
      mutation({
        recordType: 'doel',
        recordId: randomUUID() as never,
        clientId: b as never,
        fields: { planId: plan, levensdomein: 'meedoen', omschrijving: 'Thuis blijven wonen' },
      }),
      // without clientId (an old outbox row) the client is taken from the plan
      mutation({
        recordType: 'doel',
        recordId: randomUUID() as never,
        fields: { planId: plan, levensdomein: 'meedoen', omschrijving: 'Thuis blijven wonen' },
      }),
      // a voorziening belongs to no client
      mutation({
        recordType: 'voorziening',
        recordId: randomUUID() as never,
        clientId: null,
        fields: {
          categorie: 'maaltijden',
          naam: 'Tafeltje-dek-je',
          omschrijving: 'Warme maaltijd aan huis',
          wijk: null,
        },
      }),
    ]);
    expect(results.map((r) => (r.status === 'rejected' ? r.reason : r.status))).toEqual([
      'invalid',
      'applied',
      'invalid',
      'applied',
      'applied',
    ]);
    expect(results[2]).toMatchObject({ detail: expect.stringContaining('planId') });
  });

  it('a crash between two mutations of a batch converges on retry: no duplicate, no loss', async () => {
    const id = randomUUID();
    const rev0 = await pushOk(app, anna, newClient(id));
    const batch = [
      edit('client', id, rev0, { voornaam: 'Jo' }),
      newNaaste(id, { naam: 'Kees' }),
      edit('client', id, rev0, { voornaam: 'Joke' }), // same device: no conflict with itself
      newNaaste(id, { naam: 'Lies' }),
      edit('client', id, rev0, { huisarts: 'Dr. Veld' }),
      mutation({
        recordType: 'client',
        recordId: randomUUID() as never,
        clientId: randomUUID() as never,
        fields: {},
      }), // rejected
    ];
    const before = await count(t.store, 'records');
    // The "crash": only the first half reached the server; the device never saw the answers.
    await push(app, anna, batch.slice(0, 3));
    const retry = await push(app, anna, batch);
    expect(retry.map((r) => r.status)).toEqual([
      'duplicate',
      'duplicate',
      'duplicate',
      'applied',
      'applied',
      'rejected',
    ]);
    expect(await count(t.store, 'records')).toBe(before + 2); // two naasten, nothing twice
    expect(
      await count(t.store, 'applied_mutations WHERE mutation_id = ANY($1::uuid[])', [
        batch.map((m) => m.mutationId),
      ]),
    ).toBe(batch.length);
    const client = (await pullAll(app, anna)).find((r) => r.id === id);
    expect(client?.fields).toMatchObject({ voornaam: 'Joke', huisarts: 'Dr. Veld' });
    expect(await conflictsOf(id)).toEqual([]);
  });

  it('pulls every record exactly once, in rev order, with a small page size', async () => {
    const u = await userWithSession(t.store, 'arrangeur', 'Paging');
    const ids = new Set<string>();
    for (let c = 0; c < 3; c++) {
      const id = randomUUID();
      const batch = [newClient(id), ...Array.from({ length: 6 }, () => newNaaste(id))];
      for (const m of batch) ids.add(m.recordId);
      expect((await push(app, u, batch)).every((r) => r.status === 'applied')).toBe(true);
    }
    // A change moves a record to a new rev: it must come once, at its new place.
    const first = [...ids][0]!;
    await pushOk(app, u, edit('client', first, undefined, { huisarts: 'Dr. Nieuw' }));
    let cursor = 0;
    const seen: number[] = [];
    const got: string[] = [];
    for (let pages = 0; ; pages++) {
      expect(pages).toBeLessThan(50);
      const page = await pull(app, u, cursor, 4);
      expect(page.records.length).toBeLessThanOrEqual(4);
      seen.push(...page.records.map((r) => r.rev));
      got.push(...page.records.map((r) => r.id));
      expect(page.nextCursor).toBe(page.records.at(-1)?.rev ?? cursor);
      cursor = page.nextCursor;
      if (!page.hasMore) break;
    }
    const own = got.filter((id) => ids.has(id));
    expect(new Set(own)).toEqual(ids);
    expect(got.length).toBe(new Set(got).size);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    // Nothing new: an empty page that keeps the cursor.
    expect(await pull(app, u, cursor, 4)).toEqual({
      records: [],
      ingetrokken: [],
      nextCursor: cursor,
      hasMore: false,
    });
  });

  // Push: one row per transaction, client and outcome, with a count, written in the statement
  // that writes the changes (issue 12, point 9: the log row commits with its effects). Pull: one
  // row per page and client, with a count.
  it('logs a push per transaction and client, and a pull per request and client, with a count', async () => {
    const u = await userWithSession(t.store, 'arrangeur', 'Log');
    const id = randomUUID();
    await push(app, u, [newClient(id), newNaaste(id), newNaaste(id)]);
    await pull(app, u, 0);
    const rows = await t.store.query<{ actie: string; client_id: string | null; aantal: number }>(
      `SELECT actie, client_id, aantal FROM toegang_log
       WHERE gebruiker_id = $1 AND client_id = $2 ORDER BY id`,
      [u.id, id],
    );
    expect(rows).toEqual([
      { actie: 'push', client_id: id, aantal: 3 },
      { actie: 'pull', client_id: id, aantal: 3 },
    ]);
  });

  describe('bad input is a 400, never a 5xx', () => {
    const bodies: [string, unknown][] = [
      ['no mutations', { deviceId: 'x', mutations: [] }],
      ['no deviceId', { mutations: [newClient()] }],
      ['a NUL in deviceId', { deviceId: 'a\u0000b', mutations: [newClient()] }],
      [
        'too many mutations',
        { deviceId: 'x', mutations: Array.from({ length: 501 }, () => newClient()) },
      ],
      ['a bad mutation id', { deviceId: 'x', mutations: [{ ...newClient(), mutationId: 'nope' }] }],
      [
        'an unknown record type',
        { deviceId: 'x', mutations: [{ ...newClient(), recordType: 'wachtwoord' }] },
      ],
      [
        'fields that are not an object',
        { deviceId: 'x', mutations: [{ ...newClient(), fields: [1] }] },
      ],
      ['a negative baseRev', { deviceId: 'x', mutations: [{ ...newClient(), baseRev: -1 }] }],
      ['deleted: false', { deviceId: 'x', mutations: [{ ...newClient(), deleted: false }] }],
      [
        'a bad createdAt',
        { deviceId: 'x', mutations: [{ ...newClient(), createdAt: 'gisteren' }] },
      ],
      ['an array body', [1, 2]],
      ['null', null],
    ];
    it.each(bodies)('push with %s', async (_name, payload) => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/sync/push',
        headers: { cookie: anna.cookie, 'content-type': 'application/json' },
        payload: JSON.stringify(payload),
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toMatchObject({ error: expect.any(String) });
    });

    it.each([
      ['not JSON', '{"deviceId": '],
      ['an empty body', ''],
      ['a prototype-polluting key', `{"deviceId":"x","mutations":[],"__proto__":{"x":1}}`],
    ])('push with %s', async (_name, raw) => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/sync/push',
        headers: { cookie: anna.cookie, 'content-type': 'application/json' },
        payload: raw,
      });
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
    });

    it.each([
      'cursor=-1',
      'cursor=abc',
      'cursor=1e30',
      'cursor=1.5',
      'limit=0',
      'limit=1001',
      'limit=x',
    ])('pull with %s', async (qs) => {
      const res = await app.inject({
        method: 'GET',
        url: `/api/sync/pull?${qs}`,
        headers: { cookie: anna.cookie },
      });
      expect(res.statusCode, res.body).toBe(400);
    });
  });
});
