/**
 * Errors that help (issue 16, point 3): a 400 names each refused field, the value given
 * (shortened) and what is accepted — in the answer, never in the log.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zorgverzekeraarId } from '../../src/domain/model/zorgverzekeraar.ts';
import { foutAntwoordSchema } from '../../src/sync/protocol/fout.ts';
import { type TestStore } from '../support/stores.ts';
import { logVanger, startApp, stopApp } from './fixtures/app.ts';
import { mutation, userWithSession, type TestUser } from './fixtures/sync.ts';

const GEPLANT = 'Zwartvleugel-Hildegonda';

describe('a 400 names the field, the value and what is accepted', () => {
  let t: TestStore;
  let app: FastifyInstance;
  const { stream, tekst: log } = logVanger();
  let anna: TestUser;
  let bea: TestUser;

  beforeAll(async () => {
    ({ app, t } = await startApp({ logger: { level: 'trace', stream } }));
    anna = await userWithSession(t.store, 'arrangeur', 'Anna');
    bea = await userWithSession(t.store, 'beheerder', 'Bea');
  });
  afterAll(() => stopApp({ app, t }));

  it('a query: the field, the value as sent and the minimum', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/sync/pull?cursor=-1&limit=50',
      headers: { cookie: anna.cookie },
    });
    expect(res.statusCode).toBe(400);
    const fout = foutAntwoordSchema.parse(res.json());
    expect(fout.fouten).toEqual([
      expect.objectContaining({ veld: 'querystring.cursor', waarde: "'-1'", toegestaan: '≥ 0' }),
    ]);
    expect(fout.message).toContain('querystring.cursor: ');
    expect(fout.message).toContain("gegeven: '-1'");
  });

  it('a body: an enum lists what is accepted; a long value is shortened', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/beheer/gebruikers',
      headers: { cookie: bea.cookie },
      payload: {
        gebruikersnaam: `nieuw-${randomUUID().slice(0, 8)}`,
        naam: 'Nieuw',
        rol: `${GEPLANT}-${'x'.repeat(200)}`,
        wachtwoord: 'een-heel-lang-wachtwoord',
      },
    });
    expect(res.statusCode).toBe(400);
    const [rol] = foutAntwoordSchema.parse(res.json()).fouten ?? [];
    expect(rol?.veld).toBe('body.rol');
    expect(rol?.toegestaan).toBe("'arrangeur', 'casemanager', 'coordinator', 'beheerder'");
    expect(rol?.waarde?.startsWith(`'${GEPLANT}`)).toBe(true);
    expect(rol?.waarde?.length).toBeLessThanOrEqual(60);
  });

  it('the push body: a bad mutation id names its place in the batch', async () => {
    const m = { ...mutation({ recordType: 'client', recordId: randomUUID() as never }) };
    const res = await app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: { cookie: anna.cookie },
      payload: { deviceId: 'tablet-1', mutations: [{ ...m, mutationId: GEPLANT }] },
    });
    expect(res.statusCode).toBe(400);
    const [veld] = foutAntwoordSchema.parse(res.json()).fouten ?? [];
    expect(veld).toMatchObject({
      veld: 'body.mutations.0.mutationId',
      waarde: `'${GEPLANT}'`,
      toegestaan: 'formaat uuid',
    });
  });

  it('input the schema never sees (a forbidden key) still names where it is', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/sync/pull?cursor=0&__proto__=1',
      headers: { cookie: anna.cookie },
    });
    expect(res.statusCode).toBe(400);
    expect(foutAntwoordSchema.parse(res.json()).fouten).toEqual([
      expect.objectContaining({ veld: 'querystring.__proto__' }),
    ]);
  });

  it('malformed JSON names the body', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: { cookie: anna.cookie, 'content-type': 'application/json' },
      payload: '{"deviceId":',
    });
    expect(res.statusCode).toBe(400);
    expect(foutAntwoordSchema.parse(res.json()).fouten?.[0]?.veld).toBe('body');
  });

  it('the value given is in the answer only, never in the log', () => {
    expect(log()).not.toBe('');
    expect(log()).not.toContain(GEPLANT);
  });
});

describe('a name given to an unknown UZOVI code is kept on the server (issue 16, point 4)', () => {
  let t: TestStore;
  let app: FastifyInstance;
  beforeAll(async () => ({ app, t } = await startApp()));
  afterAll(() => stopApp({ app, t }));

  it('one arrangeur names it, another one pulls it', async () => {
    const anna = await userWithSession(t.store, 'arrangeur', 'Anna');
    const bert = await userWithSession(t.store, 'arrangeur', 'Bert');
    const id = zorgverzekeraarId('0101');
    const res = await app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: { cookie: anna.cookie },
      payload: {
        deviceId: 'tablet-anna',
        mutations: [
          mutation({
            recordType: 'zorgverzekeraar',
            recordId: id as never,
            fields: { uzovi: '0101', naam: 'Univé' },
          }),
        ],
      },
    });
    expect(res.json()).toMatchObject({ results: [{ status: 'applied' }] });
    const pull = await app.inject({
      method: 'GET',
      url: '/api/sync/pull?cursor=0',
      headers: { cookie: bert.cookie },
    });
    const records = (pull.json() as { records: { id: string; fields: unknown }[] }).records;
    expect(records.find((r) => r.id === id)?.fields).toEqual({ uzovi: '0101', naam: 'Univé' });
  });
});
