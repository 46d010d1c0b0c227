/**
 * The coordinator's "wie betaalt wat" over real HTTP on loopback (issue 6): our own server on
 * PGlite (a temp data dir, as `npm start` runs) holding about 5,000 clients with their plans —
 * the fictional demo clients (src/domain/demo) written 167 times under different seeds, so the
 * mix of scenarios, vastgestelde versies, overrides and demo tariffs is the shipped one.
 *
 * Measured, each the median of 5 requests after one warm-up: the overview of 12 months, the
 * drill-down of every line of those months, and the CSV export of those lines. Each request
 * reads every plan from the database and prices it anew (nothing is cached), so this is the
 * figure a coordinator waits for.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { maakDemoData } from '../../src/domain/demo/records.ts';
import { maakGebruiker, maakSessie } from '../../src/server/db/accounts.ts';
import type { Store } from '../../src/server/db/store.ts';
import { loadConfig, type ServerConfig } from '../../src/server/config.ts';
import { startServer } from '../../src/server/main.ts';
import type { BenchResult } from './types.ts';

const KOPIEEN = 167; // × 30 demo clients ≈ 5,000
const HERHALINGEN = 5;
const NU = new Date('2026-11-23T09:00:00Z');
const PERIODE = 'van=2025-12&tot=2026-11';

async function sessie(store: Store, rol: 'arrangeur' | 'coordinator') {
  const g = await maakGebruiker(
    store,
    { gebruikersnaam: `bench-${randomUUID()}`, naam: 'Bench', rol, wachtwoord: 'x' },
    'scrypt$bench',
  );
  if (!g) throw new Error('bench user exists');
  const s = await maakSessie(store, g.id, NU);
  return { id: g.id, cookie: `arrangeur_sessie=${s.token}` };
}

/** The demo records, KOPIEEN times, straight into the record table (one INSERT per copy). */
async function seed(store: Store, auteur: string): Promise<number> {
  let clienten = 0;
  for (let k = 0; k < KOPIEEN; k++) {
    const demo = maakDemoData({ now: NU, updatedBy: auteur, seed: `bench-${k}` });
    clienten += demo.clientIds.length;
    const rijen = demo.records.map((r) => ({
      id: r.id,
      type: r.type,
      client_id: r.clientId,
      fields: r.fields,
    }));
    await store.query(
      `INSERT INTO records (id, type, client_id, fields, field_revs, rev, updated_at, updated_by)
       SELECT x.id, x.type, x.client_id, x.fields, '{}'::jsonb, nextval('record_rev_seq'), now(), $2
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, type text, client_id uuid, fields jsonb)`,
      [JSON.stringify(rijen), auteur],
    );
  }
  return clienten;
}

async function mediaan(url: string, cookie: string): Promise<{ ms: number; bytes: number }> {
  const tijden: number[] = [];
  let bytes = 0;
  for (let i = 0; i <= HERHALINGEN; i++) {
    const t0 = performance.now();
    const res = await fetch(url, { headers: { cookie } });
    const body = await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
    bytes = body.byteLength;
    if (i > 0) tijden.push(performance.now() - t0); // the first is the warm-up
  }
  tijden.sort((a, b) => a - b);
  return { ms: Math.round(tijden[Math.floor(tijden.length / 2)]!), bytes };
}

export async function run(): Promise<BenchResult[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'arrangeur-bench-kosten-'));
  const config: ServerConfig = {
    ...loadConfig({}),
    port: 0,
    host: '127.0.0.1',
    staticDir: null,
    demo: false,
    dataDir,
    databaseUrl: undefined,
    logLevel: process.env.BENCH_LOG ?? 'silent',
  };
  const server = await startServer(config);
  try {
    const base = server.url.replace('localhost', '127.0.0.1');
    const arrangeur = await sessie(server.store, 'arrangeur');
    const coordinator = await sessie(server.store, 'coordinator');
    const clienten = await seed(server.store, arrangeur.id);
    const n = clienten.toLocaleString('en-US');
    const overzicht = await mediaan(
      `${base}/api/coordinator/overzicht?${PERIODE}`,
      coordinator.cookie,
    );
    const regels = await mediaan(`${base}/api/coordinator/regels?${PERIODE}`, coordinator.cookie);
    const csv = await mediaan(
      `${base}/api/coordinator/export?soort=regels&formaat=csv&${PERIODE}`,
      coordinator.cookie,
    );
    return [
      {
        name: `coordinator: overzicht 12 months, ${n} clients (PGlite)`,
        value: overzicht.ms,
        unit: 'ms',
        budget: 2000,
        lowerIsBetter: true,
      },
      {
        name: `coordinator: all lines of 12 months, ${n} clients (${Math.round(regels.bytes / 1024)} kB JSON)`,
        value: regels.ms,
        unit: 'ms',
      },
      {
        name: `coordinator: CSV export of those lines (${Math.round(csv.bytes / 1024)} kB)`,
        value: csv.ms,
        unit: 'ms',
      },
    ];
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
