/**
 * The sync client's HTTP edge: every request goes with the session cookie (`same-origin`), every
 * answer is parsed with its wire schema (docs/style.md 12), and every failure becomes one of three faults
 * the status can explain: not logged in (401), server unreachable (network error, 502–504), the
 * request refused (400: the answer names the fields, sync/protocol/fout.ts), or a server fault
 * (any other non-2xx, or an answer that does not match the wire).
 */
import type { z } from 'zod';
import { syncFout, type SyncFout, type SyncFoutCode } from './meldingen.ts';

/** The part of `fetch` the sync client uses; tests pass a fake server here. */
export type FetchFn = (input: string, init?: RequestInit) => Promise<Response>;

export class SyncHttpFout extends Error {
  readonly fout: SyncFout;
  constructor(
    code: SyncFoutCode,
    readonly status?: number,
    velden: readonly string[] = [],
  ) {
    super(`sync: ${code}${status ? ` (${status})` : ''}`);
    this.fout = syncFout(code, velden);
  }
}

/** The server did not answer: no network, a refused connection, or the time-out ran out. */
export class GeenAntwoord extends Error {
  constructor() {
    super('geen antwoord van de server');
  }
}

export interface Verzoek {
  method?: string;
  /** JSON text (the caller stringifies, so it decides what goes out). */
  body?: string;
  /** Gives up after this many milliseconds (a health check must not hang). */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** The answer's type; 'geen' for a request whose body does not matter. */
  accept?: 'json' | 'geen';
}

/**
 * The ONE fetch of the app's API calls (sync, login, health check, the online screens): with the
 * session cookie (`same-origin`), never from the HTTP cache, JSON in and out. Rejects only with
 * `GeenAntwoord`; what an answer means (a 401, a 409) is for the caller.
 */
export async function verstuur(fetchFn: FetchFn, url: string, v: Verzoek = {}): Promise<Response> {
  const signalen = [
    ...(v.signal ? [v.signal] : []),
    ...(v.timeoutMs !== undefined ? [AbortSignal.timeout(v.timeoutMs)] : []),
  ];
  try {
    return await fetchFn(url, {
      method: v.method ?? 'GET',
      credentials: 'same-origin',
      cache: 'no-store',
      headers: {
        ...(v.accept === 'geen' ? {} : { accept: 'application/json' }),
        ...(v.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(v.body !== undefined ? { body: v.body } : {}),
      ...(signalen.length > 0
        ? { signal: signalen.length === 1 ? signalen[0] : AbortSignal.any(signalen) }
        : {}),
    });
  } catch {
    throw new GeenAntwoord();
  }
}

const ONBEREIKBAAR = new Set([502, 503, 504]);

/** A request of the sync client: the answer parsed with its wire schema, faults as `SyncHttpFout`. */
export async function vraag<S extends z.ZodType>(
  fetchFn: FetchFn,
  url: string,
  init: Verzoek,
  schema: S,
): Promise<z.output<S>> {
  let res: Response;
  try {
    res = await verstuur(fetchFn, url, init);
  } catch {
    throw new SyncHttpFout('server-onbereikbaar');
  }
  if (res.status === 401) throw new SyncHttpFout('niet-ingelogd', 401);
  if (ONBEREIKBAAR.has(res.status)) throw new SyncHttpFout('server-onbereikbaar', res.status);
  if (res.status === 400) throw new SyncHttpFout('geweigerd', 400, await velden(res));
  if (!res.ok) throw new SyncHttpFout('serverfout', res.status);
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    throw new SyncHttpFout('serverfout', res.status);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    console.warn(`Antwoord van ${url} past niet bij het sync-protocol.`, parsed.error);
    throw new SyncHttpFout('serverfout', res.status);
  }
  return parsed.data;
}

/** The fields a 400 names (not their values: the status is stored on the device and shown). */
async function velden(res: Response): Promise<string[]> {
  try {
    // Loaded when a 400 comes (rare): the schema needs zod, which is not part of the first paint
    // (issue 13.6); the service worker has the chunk precached.
    const { foutAntwoordSchema } = await import('../protocol/fout.ts');
    const body = foutAntwoordSchema.safeParse(await res.json());
    return body.success ? (body.data.fouten ?? []).map((f) => f.veld) : [];
  } catch {
    return [];
  }
}
