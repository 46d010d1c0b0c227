/**
 * The coordinator's "wie betaalt wat" at province scale (issue 13, point 5), over real HTTP on
 * loopback: our own server on PGlite (a temp data dir, as `npm start` runs).
 *
 * 1. 5,010 clients with their plans — the fictional demo clients (src/domain/demo) written 167
 *    times under different seeds — priced into the kept lines by werkKostenBij (the backfill a
 *    server does at start after migration 007). Reported: clients priced per second.
 * 2. The totals scaled to 100,000 clients set-based in SQL (as the issue allows): the kept totals
 *    of those 5,010 clients copied 20 times, each copy under its own gemeenten, zorgverzekeraars
 *    and zorgkantoren (as a province has many), so the overview reads 20× the cells and counts
 *    100,200 clients. Measured, median of 5 after one warm-up: the overview of 12 months
 *    (budget ≤ 1 s) and of 36 months.
 * 3. One client re-priced after a push (werkKostenBij for one client, inside a transaction):
 *    the cost the push pays to keep the totals.
 * 4. The CSV and JSON exports of every line of 36 months of the 5,010 clients, streamed: the
 *    heap the server retains while the body streams (after a full collection every 2 MB; the
 *    server runs in this process), next to the size of the body. Constant memory means the
 *    growth stays far below the body's size (budget 32 MB).
 * Machine: shared by other jobs during the run, so figures vary by tens of percent.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { maakDemoData } from '../../src/domain/demo/records.ts';
import { maakGebruiker, maakSessie } from '../../src/server/db/accounts.ts';
import { werkKostenBij } from '../../src/server/db/kosten-regels.ts';
import type { Store } from '../../src/server/db/store.ts';
import { loadConfig, type ServerConfig } from '../../src/server/config.ts';
import { startServer } from '../../src/server/main.ts';
import type { BenchResult } from './types.ts';

const KOPIEEN = 167; // × 30 demo clients ≈ 5,000
const HERHALINGEN = 5;
const NU = new Date('2026-11-23T09:00:00Z');
const PERIODE = 'van=2025-12&tot=2026-11';
const PERIODE_36 = 'van=2025-01&tot=2027-12';
const SCHAAL = 20; // × 5,010 clients = 100,200

async function sessie(store: Store, rol: 'arrangeur' | 'coordinator') {
  const g = await maakGebruiker(
    store,
    { gebruikersnaam: `bench-${randomUUID()}`, naam: 'Bench', rol, wachtwoord: 'x' },
    'scrypt$bench',
  );
  if (!g) throw new Error('bench user exists');
  const s = await maakSessie(store, g.id, new Date());
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

// A full garbage collection on demand, to measure what the server keeps (not what it dropped).
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/**
 * Streams a download, reading it as it arrives. Every 2 MB received: a full collection, then the
 * heap in use. Reported: the largest growth over the heap before the request (what is retained
 * while streaming), so a body held whole in memory would show as its size.
 */
async function heapTijdensDownload(
  url: string,
  cookie: string,
): Promise<{ bytes: number; groeiMb: number; ms: number }> {
  gc();
  const basis = process.memoryUsage().heapUsed;
  let piek = basis;
  const t0 = performance.now();
  const res = await fetch(url, { headers: { cookie } });
  if (res.status !== 200 || !res.body) throw new Error(`${url}: ${res.status}`);
  let bytes = 0;
  let volgende = 0;
  for await (const stuk of res.body) {
    bytes += (stuk as Uint8Array).byteLength;
    if (bytes >= volgende) {
      gc();
      piek = Math.max(piek, process.memoryUsage().heapUsed);
      volgende = bytes + 2e6;
    }
  }
  const ms = Math.round(performance.now() - t0);
  return { bytes, groeiMb: Math.round((piek - basis) / 1e5) / 10, ms };
}

/** The kept totals copied SCHAAL - 1 more times, each copy under its own financiers. */
async function schaalTotalen(store: Store): Promise<void> {
  await store.query(
    `INSERT INTO kosten_totaal
     SELECT t.maand, t.domein, t.financier_sleutel || '#' || k,
       CASE WHEN t.financier IS NULL THEN NULL ELSE jsonb_build_object(
         'soort', t.financier->>'soort', 'code', (t.financier->>'code') || '-' || k,
         'naam', (t.financier->>'naam') || ' ' || k) END,
       t.clienten, t.regels, t.zonder_tarief, t.demo_regels, t.kosten_cent, t.volume_uur,
       t.volume_dagdeel, t.volume_rit, t.volume_etmaal, t.volume_maaltijd, t.volume_stuk,
       t.volume_maand
     FROM kosten_totaal t CROSS JOIN generate_series(2, $1::int) AS k`,
    [SCHAAL],
  );
  await store.query(
    'UPDATE kosten_maand SET clienten = clienten * $1, kosten_cent = kosten_cent * $1',
    [SCHAAL],
  );
  await store.query(
    `INSERT INTO kosten_client (client_id, geboortedatum)
     SELECT gen_random_uuid(), NULL FROM generate_series(1, (SELECT count(*) * ($1::int - 1) FROM kosten_client))`,
    [SCHAAL],
  );
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
    const ids = (
      await server.store.query<{ id: string }>(
        "SELECT DISTINCT client_id::text AS id FROM records WHERE type = 'planVersie'",
      )
    ).map((r) => r.id);
    const t0 = performance.now();
    await server.store.transaction((tx) => werkKostenBij(tx, ids));
    const prijsSec = (performance.now() - t0) / 1000;
    console.error(`kosten: ${clienten} clients priced in ${prijsSec.toFixed(1)} s`);
    const lijnen = (
      await server.store.query<{ n: number }>('SELECT count(*)::int AS n FROM kosten_regel')
    )[0]!.n;

    // One client after a push: the median of 21 re-pricings.
    const een: number[] = [];
    for (let i = 0; i <= 20; i++) {
      const id = ids[(i * 97) % ids.length]!;
      const t1 = performance.now();
      await server.store.transaction((tx) => werkKostenBij(tx, [id]));
      een.push(performance.now() - t1);
    }
    een.sort((a, b) => a - b);

    const csv = await heapTijdensDownload(
      `${base}/api/coordinator/export?soort=regels&formaat=csv&${PERIODE_36}`,
      coordinator.cookie,
    );
    const json = await heapTijdensDownload(
      `${base}/api/coordinator/export?soort=regels&formaat=json&${PERIODE_36}`,
      coordinator.cookie,
    );

    await schaalTotalen(server.store);
    const groot = (clienten * SCHAAL).toLocaleString('en-US');
    const overzicht = await mediaan(
      `${base}/api/coordinator/overzicht?${PERIODE}`,
      coordinator.cookie,
    );
    const overzicht36 = await mediaan(
      `${base}/api/coordinator/overzicht?${PERIODE_36}`,
      coordinator.cookie,
    );
    const n = clienten.toLocaleString('en-US');
    return [
      {
        name: `coordinator: price ${n} clients into kept lines (${lijnen.toLocaleString('en-US')} lines, PGlite)`,
        value: Math.round(clienten / prijsSec),
        unit: 'clients/s',
      },
      {
        name: 'coordinator: re-price one client after a push (median of 21)',
        value: Math.round(een[10]! * 10) / 10,
        unit: 'ms',
      },
      {
        name: `coordinator: overzicht 12 months, ${groot} clients (PGlite, ${Math.round(overzicht.bytes / 1024)} kB)`,
        value: overzicht.ms,
        unit: 'ms',
        budget: 1000,
        lowerIsBetter: true,
      },
      {
        name: `coordinator: overzicht 36 months, ${groot} clients (${Math.round(overzicht36.bytes / 1024)} kB)`,
        value: overzicht36.ms,
        unit: 'ms',
        budget: 1000,
        lowerIsBetter: true,
      },
      {
        name: `coordinator: CSV export 36 months, ${n} clients (${Math.round(csv.bytes / 1e6)} MB in ${csv.ms} ms): heap growth`,
        value: csv.groeiMb,
        unit: 'MB',
        budget: 32,
        lowerIsBetter: true,
      },
      {
        name: `coordinator: JSON export 36 months, ${n} clients (${Math.round(json.bytes / 1e6)} MB in ${json.ms} ms): heap growth`,
        value: json.groeiMb,
        unit: 'MB',
        budget: 32,
        lowerIsBetter: true,
      },
    ];
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
