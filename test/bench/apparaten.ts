/**
 * The devices of the sync bench (sync.ts), in a process of their own. Tablets are other machines:
 * their HTTP client (fetch, JSON of the request and the answer) must not run on the server's event
 * loop, where it would count as server time and delay the requests it measures. The server under
 * test runs in the bench's process, as `npm start` runs it.
 *
 * `pushVanuitApparaten` forks this file with each device's batches; the child sends them (each
 * device in order, all devices at once), checks every answer and reports every batch's duration.
 */
import { fork } from 'node:child_process';
import { Agent, request } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { Mutation } from '../../src/sync/protocol/mutation.ts';
import type { PushResponse } from '../../src/sync/protocol/wire.ts';

export interface ApparaatPlan {
  readonly cookie: string;
  readonly deviceId: string;
  readonly mutations: readonly Mutation[];
}

interface Opdracht {
  readonly base: string;
  readonly plans: readonly ApparaatPlan[];
  readonly batch: number;
}

/** The argument that makes this file the devices' process. */
const KIND = '--bench-apparaten';

type Uitkomst = { ok: true; batchMs: number[]; seconds: number } | { ok: false; fout: string };

/**
 * Sends every device's mutations in batches of `batch` from a child process, all devices at once.
 * @returns every batch's duration (ms) and the wall time of the whole run (s).
 */
export function pushVanuitApparaten(
  base: string,
  plans: readonly ApparaatPlan[],
  batch: number,
): Promise<{ batchMs: number[]; seconds: number }> {
  const opdracht: Opdracht = { base, plans, batch };
  const kind = fork(fileURLToPath(import.meta.url), [KIND], {
    execArgv: ['--import', 'tsx'],
    serialization: 'advanced',
  });
  return new Promise((klaar, mis) => {
    kind.once('message', (u: Uitkomst) => {
      kind.kill();
      if (u.ok) klaar({ batchMs: u.batchMs, seconds: u.seconds });
      else mis(new Error(u.fout));
    });
    kind.once('error', mis);
    kind.once('exit', (code) => mis(new Error(`bench devices exited (${code})`)));
    kind.send(opdracht);
  });
}

/** Kept-alive connections, as a tablet keeps hers between batches. */
const agent = new Agent({ keepAlive: true });

/**
 * POST with node:http: the devices' own CPU (undici's fetch costs about twice as much per request)
 * competes with the server on this 2-core machine, which real tablets do not.
 */
function post(
  url: string,
  cookie: string,
  body: string,
): Promise<{ status: number; tekst: string }> {
  return new Promise((klaar, mis) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          cookie,
        },
      },
      (res) => {
        const delen: Buffer[] = [];
        res.on('data', (d: Buffer) => delen.push(d));
        res.on('end', () =>
          klaar({ status: res.statusCode ?? 0, tekst: Buffer.concat(delen).toString('utf8') }),
        );
        res.on('error', mis);
      },
    );
    req.on('error', mis);
    req.end(body);
  });
}

/** Pushes one batch and checks every mutation applied. @returns the request's duration in ms. */
export async function pushBatch(
  base: string,
  cookie: string,
  deviceId: string,
  mutations: readonly Mutation[],
): Promise<number> {
  const t0 = performance.now();
  const body = JSON.stringify({ deviceId, mutations });
  const send = () => post(`${base}/api/sync/push`, cookie, body);
  // A kept-alive socket the server closed after its idle timeout (5 s) while this client picked
  // it: ECONNRESET before the request arrived. A device retries (a push is idempotent), so do we;
  // the retry counts in the batch's time.
  const res = await send().catch((error: unknown) => {
    if ((error as { code?: unknown }).code !== 'ECONNRESET') throw error;
    console.warn('bench sync: push retried after ECONNRESET');
    return send();
  });
  if (res.status !== 200) throw new Error(`push ${res.status}: ${res.tekst}`);
  const antwoord = JSON.parse(res.tekst) as PushResponse;
  const bad = antwoord.results.find((r) => r.status !== 'applied');
  if (bad) throw new Error(`push not applied: ${JSON.stringify(bad)}`);
  return performance.now() - t0;
}

async function voerUit({ base, plans, batch }: Opdracht): Promise<Uitkomst> {
  const batchMs: number[] = [];
  const t0 = performance.now();
  await Promise.all(
    plans.map(async (p) => {
      for (let i = 0; i < p.mutations.length; i += batch) {
        batchMs.push(await pushBatch(base, p.cookie, p.deviceId, p.mutations.slice(i, i + batch)));
      }
    }),
  );
  return { ok: true, batchMs, seconds: (performance.now() - t0) / 1000 };
}

if (process.argv[2] === KIND && process.send) {
  process.once('message', (opdracht: Opdracht) => {
    void voerUit(opdracht)
      .catch((e: unknown): Uitkomst => ({ ok: false, fout: String(e) }))
      .then((u) => process.send!(u));
  });
}
