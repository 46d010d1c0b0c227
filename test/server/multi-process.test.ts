/**
 * More than one server (issue 13 point 3): two compiled server processes on one fresh PostgreSQL,
 * started at the same moment (migrations and demo seeding under the advisory lock), serve the
 * same devices through a round-robin client: every request goes to the next process. Many devices
 * push (new clients and edits, some batches replayed on the other process) and pull concurrently.
 *
 * Checked: sessions live in the database (a login on one process works on the other); every
 * mutation is applied exactly once (distinct revs; a replay is `duplicate` with the same rev); the
 * pull cursor is gap-free and repeat-free for every device: each device's pulls, paged while
 * others write, see every committed change (a record at a rev ≥ each rev applied to it, ending at
 * its final rev) and never the same (record, rev) twice.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_GEBRUIKERS } from '../../src/server/demo-users.ts';
import type { Mutation } from '../../src/sync/protocol/mutation.ts';
import {
  pullResponseSchema,
  pushResponseSchema,
  type PushResult,
} from '../../src/sync/protocol/wire.ts';
import {
  buildCompiledServer,
  startCompiledServer,
  type ServerProcess,
} from '../support/compiled-server.ts';
import { edit, newClient } from './fixtures/sync.ts';

const DEVICES = 12;
const ROUNDS = 6;
const NEW_PER_ROUND = 8;

let build: { dir: string; remove(): void };
let dbName = '';
let dbUrl = '';
let servers: ServerProcess[] = [];

beforeAll(async () => {
  build = buildCompiledServer();
  dbName = `mp_${randomUUID().replace(/-/g, '')}`;
  const admin = new pg.Client({ connectionString: inject('databaseUrl') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const url = new URL(inject('databaseUrl'));
  url.pathname = `/${dbName}`;
  dbUrl = url.toString();
  // Both at once on the fresh database: the second waits for the first one's migrations.
  servers = await Promise.all(
    [1, 2].map(() =>
      startCompiledServer(build.dir, { DATABASE_URL: dbUrl, DEMO: '1', LOG_LEVEL: 'warn' }),
    ),
  );
}, 300_000);

afterAll(async () => {
  for (const s of servers) s.child.kill('SIGTERM');
  const codes = await Promise.all(servers.map((s) => s.exited));
  build.remove();
  const admin = new pg.Client({ connectionString: inject('databaseUrl') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.end();
  expect(codes).toEqual([0, 0]);
}, 60_000);

let turn = 0;
/** The round-robin client: each request to the next process. */
function nextBase(): string {
  turn += 1;
  return servers[turn % servers.length]!.base;
}

async function pushVia(base: string, cookie: string, deviceId: string, mutations: Mutation[]) {
  const res = await fetch(`${base}/api/sync/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ deviceId, mutations }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return pushResponseSchema.parse(await res.json()).results;
}

interface Device {
  readonly id: string;
  cursor: number;
  /** Every (record id, rev) this device's pulls returned, in order. */
  readonly seen: { id: string; rev: number }[];
}

async function pullUntilDone(device: Device, cookie: string): Promise<void> {
  for (;;) {
    const res = await fetch(
      `${nextBase()}/api/sync/pull?cursor=${device.cursor}&limit=37&deviceId=${device.id}`,
      { headers: { cookie } },
    );
    expect(res.status).toBe(200);
    const page = pullResponseSchema.parse(await res.json());
    for (const r of page.records) device.seen.push({ id: r.id, rev: r.rev });
    expect(page.nextCursor).toBeGreaterThanOrEqual(device.cursor);
    device.cursor = page.nextCursor;
    if (!page.hasMore) return;
  }
}

describe('two server processes on one PostgreSQL', () => {
  it('migrated the fresh database once and made the demo users once', async () => {
    const c = new pg.Client({ connectionString: dbUrl });
    await c.connect();
    const { rows: mig } = await c.query<{ n: number; d: number }>(
      'SELECT count(*)::int AS n, count(DISTINCT version)::int AS d FROM schema_migrations',
    );
    const { rows: users } = await c.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM gebruikers',
    );
    await c.end();
    expect(mig[0]!.n).toBe(mig[0]!.d);
    expect(users[0]!.n).toBe(DEMO_GEBRUIKERS.length);
  });

  it('serves many devices round robin: exactly-once apply, gap-free cursors', async () => {
    const anja = DEMO_GEBRUIKERS.find((g) => g.rol === 'arrangeur')!;
    // Logged in on the first process; the session (in the database) is used on both.
    const login = await fetch(`${servers[0]!.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ gebruikersnaam: anja.gebruikersnaam, wachtwoord: anja.wachtwoord }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const me = await fetch(`${servers[1]!.base}/api/auth/me`, { headers: { cookie } });
    expect(me.status).toBe(200);

    const devices: Device[] = Array.from({ length: DEVICES }, (_, i) => ({
      id: `tablet-mp-${i}`,
      cursor: 0,
      seen: [],
    }));
    /** Every applied change: record id and the rev it produced. */
    const applied: { id: string; rev: number }[] = [];

    await Promise.all(
      devices.map(async (device) => {
        const mine: { id: string; rev: number }[] = [];
        for (let round = 0; round < ROUNDS; round++) {
          const batch: Mutation[] = Array.from({ length: NEW_PER_ROUND }, () => ({
            ...newClient(),
            deviceId: device.id,
          }));
          // Edit two of this device's earlier records, against the rev it got back.
          for (const r of mine.slice(-2)) {
            batch.push(edit('client', r.id, r.rev, { huisarts: `Praktijk ${round}` }, device.id));
          }
          const results: PushResult[] = await pushVia(nextBase(), cookie, device.id, batch);
          expect(results.map((r) => r.status)).toEqual(batch.map(() => 'applied'));
          results.forEach((r, i) => {
            if (r.status !== 'applied') return;
            const id = batch[i]!.recordId;
            applied.push({ id, rev: r.rev });
            const earlier = mine.find((x) => x.id === id);
            if (earlier) earlier.rev = r.rev;
            else mine.push({ id, rev: r.rev });
          });
          if (round % 2 === 1) {
            // The answer was "lost": the device replays the batch, on the other process.
            const replay = await pushVia(nextBase(), cookie, device.id, batch);
            expect(replay.map((r) => [r.mutationId, r.status, 'rev' in r ? r.rev : null])).toEqual(
              results.map((r) => [
                r.mutationId,
                'duplicate',
                r.status === 'applied' ? r.rev : null,
              ]),
            );
          }
          await pullUntilDone(device, cookie);
        }
      }),
    );
    // Once more after everyone is done: the devices catch up on the others' last pushes.
    await Promise.all(devices.map((d) => pullUntilDone(d, cookie)));

    // Exactly once: every applied mutation made its own rev.
    expect(applied).toHaveLength(DEVICES * ROUNDS * NEW_PER_ROUND + DEVICES * (ROUNDS - 1) * 2);
    expect(new Set(applied.map((a) => a.rev)).size).toBe(applied.length);
    const finalRev = new Map<string, number>();
    for (const a of applied) finalRev.set(a.id, Math.max(finalRev.get(a.id) ?? 0, a.rev));
    expect(finalRev.size).toBe(DEVICES * ROUNDS * NEW_PER_ROUND);

    for (const device of devices) {
      // Never the same change twice.
      const keys = device.seen.map((s) => `${s.id}@${s.rev}`);
      expect(new Set(keys).size).toBe(keys.length);
      // Never a skipped change: each applied rev is covered by a pulled version at or after it,
      // and the last version pulled of each record is its final one.
      const lastSeen = new Map<string, number>();
      for (const s of device.seen) lastSeen.set(s.id, Math.max(lastSeen.get(s.id) ?? 0, s.rev));
      for (const [id, rev] of finalRev) expect(lastSeen.get(id), id).toBe(rev);
      const pulledRevs = new Set(device.seen.map((s) => s.rev));
      const missed = applied.filter(
        (a) => !pulledRevs.has(a.rev) && !device.seen.some((s) => s.id === a.id && s.rev > a.rev),
      );
      expect(missed).toEqual([]);
    }

    // And the database holds each record once.
    const c = new pg.Client({ connectionString: dbUrl });
    await c.connect();
    const { rows } = await c.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM records WHERE id = ANY($1::uuid[])',
      [[...finalRev.keys()]],
    );
    await c.end();
    expect(rows[0]!.n).toBe(finalRev.size);
  }, 600_000);
});
