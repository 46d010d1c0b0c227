/**
 * The production runtime (issue 15 points 1 and 4): the compiled server runs with plain `node`
 * (no TypeScript loader), logs JSON lines with request ids, and on SIGTERM drains: a push still
 * being uploaded when the signal arrives finishes with 200, new connections are refused, the
 * database is closed and the process exits 0.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_GEBRUIKERS } from '../../src/server/demo-users.ts';
import type { Mutation } from '../../src/sync/protocol/mutation.ts';
import { pullResponseSchema, pushResponseSchema } from '../../src/sync/protocol/wire.ts';
import { buildCompiledServer, startCompiledServer } from '../support/compiled-server.ts';
import { newClient } from './fixtures/sync.ts';

let build: { dir: string; remove(): void };
beforeAll(() => {
  build = buildCompiledServer();
}, 180_000);
afterAll(() => build.remove());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

async function login(base: string): Promise<string> {
  const anja = DEMO_GEBRUIKERS.find((g) => g.rol === 'arrangeur')!;
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ gebruikersnaam: anja.gebruikersnaam, wachtwoord: anja.wachtwoord }),
  });
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

/** A POST whose body is sent in two halves: the request is in flight until `finish()`. */
function slowPush(base: string, cookie: string, mutations: Mutation[]) {
  const body = Buffer.from(JSON.stringify({ deviceId: 'tablet-drain', mutations }));
  const req = request(`${base}/api/sync/push`, {
    method: 'POST',
    agent: false,
    headers: { 'content-type': 'application/json', 'content-length': body.length, cookie },
  });
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on('error', reject);
    req.on('response', (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
  });
  const half = Math.floor(body.length / 2);
  req.write(body.subarray(0, half));
  return { answer, finish: () => req.end(body.subarray(half)) };
}

async function pullIds(base: string, cookie: string): Promise<Set<string>> {
  const ids = new Set<string>();
  let cursor = 0;
  for (;;) {
    const res = await fetch(`${base}/api/sync/pull?cursor=${cursor}&limit=1000`, {
      headers: { cookie },
    });
    const page = pullResponseSchema.parse(await res.json());
    for (const r of page.records) ids.add(r.id);
    cursor = page.nextCursor;
    if (!page.hasMore) return ids;
  }
}

describe('compiled server', () => {
  it('carries no TypeScript: no .ts file and no import of a .ts path in the build', () => {
    const files = filesUnder(build.dir);
    expect(files.filter((f) => f.endsWith('.ts'))).toEqual([]);
    const tsImports = files
      .filter((f) => f.endsWith('.js'))
      .filter((f) =>
        /\bfrom\s+['"][^'"]+\.tsx?['"]|import\(['"][^'"]+\.tsx?['"]\)/.test(
          readFileSync(f, 'utf8'),
        ),
      );
    expect(tsImports).toEqual([]);
    // The files the server reads at run time are next to the code.
    expect(
      files.some((f) => f.endsWith(join('server', 'db', 'migrations', '001_records.sql'))),
    ).toBe(true);
    expect(files.some((f) => f.endsWith('wachtwoorden-verboden.txt'))).toBe(true);
  });

  it('starts with plain node and logs JSON lines that carry the request id', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'arrangeur-rt-'));
    try {
      const s = await startCompiledServer(build.dir, { DATA_DIR: dataDir });
      expect(s.child.spawnargs.slice(1)).toEqual([join(build.dir, 'server', 'main.js')]);
      const res = await fetch(`${s.base}/api/health`, { headers: { 'x-request-id': 'probe-1' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('x-request-id')).toBe('probe-1');
      s.child.kill('SIGTERM');
      expect(await s.exited).toBe(0);
      const lines = s
        .output()
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(lines).toContainEqual(
        expect.objectContaining({ reqId: 'probe-1', route: '/api/health', status: 200 }),
      );
      expect(lines).toContainEqual(expect.objectContaining({ msg: 'shut down' }));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 240_000);
});

async function postgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = inject('databaseUrl');
  const name = `rt_${randomUUID().replace(/-/g, '')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

describe.each(['pglite', 'postgres'] as const)('graceful shutdown on %s', (kind) => {
  it('lets a push in flight at SIGTERM finish with 200, refuses new connections, exits 0', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'arrangeur-rt-'));
    const db = kind === 'postgres' ? await postgresDatabase() : null;
    const env: Record<string, string> = db
      ? { DATABASE_URL: db.url, DEMO: '1' }
      : { DATA_DIR: dataDir, DEMO: '1' };
    try {
      let s = await startCompiledServer(build.dir, env);
      const cookie = await login(s.base);
      const batch = Array.from({ length: 50 }, () => newClient());
      const push = slowPush(s.base, cookie, batch);
      await sleep(300); // the request is in flight: headers and half the body are in
      s.child.kill('SIGTERM');
      await sleep(500);
      // No longer accepting: a new connection is refused while the push is still open.
      await expect(fetch(`${s.base}/api/health`)).rejects.toThrow();
      expect(s.child.exitCode).toBeNull();
      push.finish();
      const answer = await push.answer;
      expect(answer.status).toBe(200);
      const results = pushResponseSchema.parse(JSON.parse(answer.body)).results;
      expect(results.map((r) => r.status)).toEqual(batch.map(() => 'applied'));
      expect(await s.exited).toBe(0);

      // Committed, not lost: a new process on the same data serves the pushed records.
      s = await startCompiledServer(build.dir, env);
      const ids = await pullIds(s.base, await login(s.base));
      for (const m of batch) expect(ids.has(m.recordId)).toBe(true);
      s.child.kill('SIGTERM');
      expect(await s.exited).toBe(0);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
      await db?.drop();
    }
  }, 240_000);
});
