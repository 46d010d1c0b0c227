import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { openTestStore } from '../support/stores.ts';
import { newClient, userWithSession } from './fixtures/sync.ts';

it('repro', async () => {
  const t = await openTestStore('pglite');
  let log = '';
  const stream = new Writable({ write(c, _e, cb) { log += c.toString(); cb(); } });
  const app = await buildApp({ store: t.store, schemaVersion: t.schemaVersion, staticDir: null, logger: { level: 'info', stream } });
  const a = await userWithSession(t.store, 'arrangeur', 'Anna');
  const m = newClient(randomUUID(), { bsn: '111222333', achternaam: 'Geheimnaam' });
  for (const dev of ['tab\u0000x', 'x'.repeat(100000)]) {
    const res = await app.inject({ method: 'POST', url: '/api/sync/push', headers: { cookie: a.cookie }, payload: { deviceId: 'd', mutations: [{ ...m, mutationId: randomUUID(), deviceId: dev }] } });
    console.log(res.statusCode, res.body.slice(0, 300));
  }
  console.log(log.slice(0, 3000));
  await app.close(); await t.cleanup();
});
