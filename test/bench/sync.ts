/**
 * Sync throughput over real HTTP on loopback (issue 5, item 8): our own server on 127.0.0.1, a
 * free port, once on PGlite (a temp data dir on disk, as `npm start` runs) and once on a
 * throwaway PostgreSQL cluster (test/support/postgres.ts; fsync off, as in the tests).
 *
 * 1. Push 10,000 mutations in batches of 500 from one device, through the real route (per
 *    mutation: lock, replay check, access check, merge, domain validation, write, ledger):
 *    1,000 new clients, 4,000 new naasten, 5,000 edits of those clients (from the rev the device
 *    last saw, so the merge runs on existing records). Reported in mutations/s.
 * 2. A first pull (cursor 0) of 50,000 records in pages of 1,000 by a user whose caseload holds
 *    5,000 clients × 10 records. Those 50,000 are seeded directly by SQL, not pushed: pushing them
 *    would take minutes on this 2-core machine and measures push again. Reported in records/s.
 *
 * Informational, no budget: a sensible floor depends on the deployment's hardware. For scale, a
 * whole caseload of 40 clients with full plans is a few thousand records, so even the slowest
 * figure here is a first pull of seconds, and a day's offline work of one tablet (tens to a few
 * hundred mutations) pushes in well under a second.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { maakGebruiker, maakSessie } from '../../src/server/db/accounts.ts';
import type { Store } from '../../src/server/db/store.ts';
import { loadConfig, type ServerConfig } from '../../src/server/config.ts';
import { startServer } from '../../src/server/main.ts';
import type { Mutation } from '../../src/sync/protocol/mutation.ts';
import type { PullResponse, PushResponse } from '../../src/sync/protocol/wire.ts';
import { clientInvoer } from '../fixtures/clients.ts';
import { startTestPostgres } from '../support/postgres.ts';
import type { BenchResult } from './types.ts';

const PUSH_TOTAL = 10_000;
const PUSH_BATCH = 500;
const PULL_CLIENTS = 5_000;
const PULL_PER_CLIENT = 10;
const PULL_PAGE = 1_000;

async function sessionFor(store: Store, rol: 'arrangeur'): Promise<{ id: string; cookie: string }> {
  const g = await maakGebruiker(
    store,
    { gebruikersnaam: `bench-${randomUUID()}`, naam: 'Bench', rol, wachtwoord: 'x' },
    'scrypt$bench', // never used to log in: the session is made directly
  );
  if (!g) throw new Error('bench user exists');
  const s = await maakSessie(store, g.id, new Date());
  return { id: g.id, cookie: `arrangeur_sessie=${s.token}` };
}

/** The 10,000 mutations, in the order one device would queue them. */
function pushMutations(): Mutation[] {
  const clients = Array.from({ length: PUSH_TOTAL / 10 }, () => randomUUID());
  const at = new Date().toISOString();
  const m = (x: Omit<Mutation, 'mutationId' | 'deviceId' | 'createdAt'>): Mutation =>
    ({ mutationId: randomUUID(), deviceId: 'bench-tablet', createdAt: at, ...x }) as Mutation;
  const out: Mutation[] = [];
  for (const id of clients) {
    out.push(
      m({ recordType: 'client', recordId: id as never, fields: { ...clientInvoer(), bsn: null } }),
    );
  }
  for (let i = 0; i < 4 * clients.length; i++) {
    const clientId = clients[i % clients.length]!;
    out.push(
      m({
        recordType: 'naaste',
        recordId: randomUUID() as never,
        clientId: clientId as never,
        fields: {
          clientId,
          naam: `Naaste ${i}`,
          relatie: 'buurman',
          contact: null,
          watDoetHij: 'Boodschappen',
          hoeVaak: null,
          belasting: null,
        },
      }),
    );
  }
  for (let i = 0; i < 5 * clients.length; i++) {
    // baseRev 1: older than every client record, so the first edit of a field on each client
    // from this same device is a silent merge (own writes are always seen).
    out.push(
      m({
        recordType: 'client',
        recordId: clients[i % clients.length]! as never,
        baseRev: 1,
        fields: { huisarts: `Dr. ${i}` },
      }),
    );
  }
  return out;
}

/** 5,000 clients × 10 records in the user's caseload, straight into the tables. */
/** A deterministic, RFC 4122-shaped (version 4, variant 8) uuid from a text, in SQL. */
const uuidSql = (text: string) =>
  `overlay(overlay(md5(${text}) placing '4' from 13) placing '8' from 17)::uuid`;

async function seedForPull(store: Store, userId: string): Promise<void> {
  const fields = JSON.stringify({ ...clientInvoer(), bsn: null });
  await store.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO caseload (gebruiker_id, client_id)
       SELECT $1, ${uuidSql("'bench-client-' || g")} FROM generate_series(1, $2::int) g`,
      [userId, PULL_CLIENTS],
    );
    await tx.query(
      `INSERT INTO records (id, type, client_id, fields, field_revs, rev, updated_at, updated_by)
       SELECT CASE WHEN k = 0 THEN ${uuidSql("'bench-client-' || g")} ELSE ${uuidSql("'bench-' || g || '-' || k")} END,
              CASE WHEN k = 0 THEN 'client' ELSE 'naaste' END,
              ${uuidSql("'bench-client-' || g")},
              $2::jsonb, '{}'::jsonb, nextval('record_rev_seq'), now(), $1
       FROM generate_series(1, $3::int) g, generate_series(0, $4::int - 1) k
       ORDER BY g, k`,
      [userId, fields, PULL_CLIENTS, PULL_PER_CLIENT],
    );
  });
}

async function measure(label: string, config: ServerConfig): Promise<BenchResult[]> {
  const server = await startServer(config);
  try {
    const base = server.url.replace('localhost', '127.0.0.1');
    const pusher = await sessionFor(server.store, 'arrangeur');
    const mutations = pushMutations();
    let t0 = performance.now();
    for (let i = 0; i < mutations.length; i += PUSH_BATCH) {
      const res = await fetch(`${base}/api/sync/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: pusher.cookie },
        body: JSON.stringify({
          deviceId: 'bench-tablet',
          mutations: mutations.slice(i, i + PUSH_BATCH),
        }),
      });
      if (res.status !== 200) throw new Error(`push ${res.status}: ${await res.text()}`);
      const body = (await res.json()) as PushResponse;
      const bad = body.results.find((r) => r.status !== 'applied');
      if (bad) throw new Error(`push not applied: ${JSON.stringify(bad)}`);
    }
    const pushSeconds = (performance.now() - t0) / 1000;

    const puller = await sessionFor(server.store, 'arrangeur');
    await seedForPull(server.store, puller.id);
    t0 = performance.now();
    let cursor = 0;
    let received = 0;
    for (;;) {
      const res = await fetch(`${base}/api/sync/pull?cursor=${cursor}&limit=${PULL_PAGE}`, {
        headers: { cookie: puller.cookie },
      });
      if (res.status !== 200) throw new Error(`pull ${res.status}: ${await res.text()}`);
      const page = (await res.json()) as PullResponse;
      received += page.records.length;
      cursor = page.nextCursor;
      if (!page.hasMore) break;
    }
    const pullSeconds = (performance.now() - t0) / 1000;
    const expected = PULL_CLIENTS * PULL_PER_CLIENT;
    if (received !== expected) throw new Error(`pulled ${received}, expected ${expected}`);

    return [
      {
        name: `sync: push ${PUSH_TOTAL.toLocaleString('en-US')} mutations, batches of ${PUSH_BATCH} (${label})`,
        value: Math.round(PUSH_TOTAL / pushSeconds),
        unit: 'mutations/s',
      },
      {
        name: `sync: first pull of ${expected.toLocaleString('en-US')} records, pages of ${PULL_PAGE} (${label})`,
        value: Math.round(expected / pullSeconds),
        unit: 'records/s',
      },
    ];
  } finally {
    await server.close();
  }
}

export async function run(): Promise<BenchResult[]> {
  const base: ServerConfig = {
    ...loadConfig({}),
    port: 0,
    host: '127.0.0.1',
    staticDir: null,
    demo: false,
    logLevel: process.env.BENCH_LOG ?? 'silent',
  };
  const results: BenchResult[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'arrangeur-bench-sync-'));
  try {
    results.push(...(await measure('PGlite', { ...base, dataDir, databaseUrl: undefined })));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  const pg = await startTestPostgres();
  try {
    results.push(...(await measure('PostgreSQL', { ...base, databaseUrl: pg.url })));
  } finally {
    pg.stop();
  }
  return results;
}
