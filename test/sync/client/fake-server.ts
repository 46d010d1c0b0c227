/**
 * A fake sync server for the device tests: an in-memory record map behind a `fetch` function that
 * speaks src/sync/protocol/wire.ts. Its merge is the plain reading of the contract: a field that
 * another device wrote after the mutation's `baseRev` is overwritten and kept as a conflict (a
 * device's own earlier writes count as seen, as in src/sync/protocol/merge.ts). Not a reference
 * implementation of the real server.
 */
import {
  pullQuerySchema,
  pushRequestSchema,
  type ConflictFields,
  type PullResponse,
  type PushResponse,
  type PushResult,
  type RejectReason,
  type WireRecord,
} from '../../../src/sync/protocol/wire.ts';
import type { Mutation } from '../../../src/domain/model/record.ts';

interface Opgeslagen extends WireRecord {
  veldRev: Record<string, number>;
  veldDoor: Record<string, { door: string; op: string; apparaat: string }>;
}

export type Storing = 'netwerk' | 500 | 503 | null;

export class FakeServer {
  records = new Map<string, Opgeslagen>();
  gezien = new Map<string, number | null>();
  rev = 0;
  ingelogd = true;
  storing: Storing = null;
  /** Page size the server uses at most (smaller than the device asks, to test paging). */
  paginaGrootte = 1000;
  /** Every pushed mutation, in the order the server received it. */
  ontvangen: Mutation[] = [];
  /** Requests as `METHOD path`, in order. */
  verzoeken: string[] = [];
  /** Decide a rejection per mutation (forbidden, invalid, …); undefined = accept. */
  weiger: (m: Mutation) => RejectReason | undefined = () => undefined;
  klok = Date.parse('2026-11-23T12:00:00Z');
  /** Clients whose access was taken away (trekIn): their records are no longer pulled. */
  ingetrokken = new Map<string, number>();

  constructor(readonly gebruiker = 'gebruiker-1') {}

  /** The `fetch` a device uses; each device may log in as another user. */
  fetchAls(gebruiker: string) {
    return async (input: string, init?: RequestInit): Promise<Response> => {
      const url = new URL(input, 'http://arrangeur.test');
      this.verzoeken.push(`${init?.method ?? 'GET'} ${url.pathname}`);
      if (this.storing === 'netwerk') throw new TypeError('Failed to fetch');
      if (typeof this.storing === 'number') return json(this.storing, { error: 'storing' });
      if (url.pathname === '/api/health') return json(200, { status: 'ok' });
      if (!this.ingelogd) return json(401, { error: 'niet_ingelogd' });
      if (url.pathname === '/api/sync/push' && init?.method === 'POST') {
        const req = pushRequestSchema.safeParse(JSON.parse(String(init.body)));
        if (!req.success) return json(400, { error: 'bad_request', message: req.error.message });
        return json(200, this.push(req.data.mutations, gebruiker));
      }
      if (url.pathname === '/api/sync/pull') {
        const q = pullQuerySchema.parse(Object.fromEntries(url.searchParams));
        return json(200, this.pull(q.cursor, Math.min(q.limit, this.paginaGrootte)));
      }
      return json(404, { error: 'not_found' });
    };
  }

  get fetch() {
    return this.fetchAls(this.gebruiker);
  }

  push(mutaties: Mutation[], gebruiker: string): PushResponse {
    const results: PushResult[] = mutaties.map((m) => {
      this.ontvangen.push(m);
      if (this.gezien.has(m.mutationId)) {
        return {
          mutationId: m.mutationId,
          status: 'duplicate',
          rev: this.gezien.get(m.mutationId)!,
        };
      }
      const reden = this.weiger(m);
      if (reden) return { mutationId: m.mutationId, status: 'rejected', reason: reden };
      const { rev, conflicts } = this.pas(m, gebruiker);
      this.gezien.set(m.mutationId, rev);
      return { mutationId: m.mutationId, status: 'applied', rev, conflicts };
    });
    return { results };
  }

  private pas(m: Mutation, gebruiker: string): { rev: number; conflicts: number } {
    const op = new Date((this.klok += 1000)).toISOString();
    const bestaand = this.records.get(m.recordId);
    const rec: Opgeslagen = bestaand ?? {
      id: m.recordId,
      type: m.recordType,
      clientId: m.clientId ?? null,
      fields: {},
      rev: 0,
      updatedAt: op,
      updatedBy: gebruiker,
      deleted: false,
      veldRev: {},
      veldDoor: {},
    };
    const base = m.baseRev ?? 0;
    const rev = ++this.rev;
    let conflicts = 0;
    for (const [veld, waarde] of Object.entries(m.fields)) {
      const vorige = rec.veldRev[veld];
      const ander = rec.veldDoor[veld]?.apparaat !== m.deviceId;
      if (
        bestaand &&
        vorige !== undefined &&
        vorige > base &&
        ander &&
        !gelijk(rec.fields[veld], waarde)
      ) {
        conflicts += 1;
        this.bewaarConflict(rec, veld, waarde, gebruiker, op);
      }
      rec.fields[veld] = waarde;
      rec.veldRev[veld] = rev;
      rec.veldDoor[veld] = { door: gebruiker, op, apparaat: m.deviceId };
    }
    if (m.deleted) rec.deleted = true;
    // A conflict record written in this mutation took a rev of its own; the record is newest.
    rec.rev = conflicts > 0 ? ++this.rev : rev;
    rec.updatedAt = op;
    rec.updatedBy = gebruiker;
    this.records.set(rec.id, rec);
    return { rev: rec.rev, conflicts };
  }

  private bewaarConflict(
    rec: Opgeslagen,
    veld: string,
    winnaar: unknown,
    gebruiker: string,
    op: string,
  ): void {
    const fields: ConflictFields = {
      recordType: rec.type,
      recordId: rec.id,
      field: veld,
      overwrittenValue: rec.fields[veld],
      overwrittenBy: rec.veldDoor[veld]!.door,
      overwrittenAt: rec.veldDoor[veld]!.op,
      winningValue: winnaar,
      winningBy: gebruiker,
      winningAt: op,
      resolved: false,
    };
    const id = crypto.randomUUID();
    const rev = ++this.rev;
    this.records.set(id, {
      id,
      type: 'conflict',
      clientId: rec.clientId,
      fields,
      rev,
      updatedAt: op,
      updatedBy: gebruiker,
      deleted: false,
      veldRev: Object.fromEntries(Object.keys(fields).map((k) => [k, rev])),
      veldDoor: {},
    });
  }

  pull(cursor: number, limit: number): PullResponse {
    const weg = (r: Opgeslagen) =>
      this.ingetrokken.has(r.clientId ?? '') || (r.type === 'client' && this.ingetrokken.has(r.id));
    const na = [...this.records.values()]
      .filter((r) => r.rev > cursor && !weg(r))
      .sort((a, b) => a.rev - b.rev);
    const pagina = na.slice(0, limit);
    const grens = na.length > limit ? (pagina.at(-1)?.rev ?? cursor) : Infinity;
    const intrekkingen = [...this.ingetrokken].filter(([, rev]) => rev > cursor && rev <= grens);
    return {
      records: pagina.map(({ veldRev: _r, veldDoor: _d, ...r }) => structuredClone(r)),
      ingetrokken: intrekkingen.map(([c]) => c),
      nextCursor: Math.max(pagina.at(-1)?.rev ?? cursor, ...intrekkingen.map(([, rev]) => rev)),
      hasMore: na.length > limit,
    };
  }

  /** Takes access to a client away (as the real server's toegang_intrekking). */
  trekIn(clientId: string): void {
    this.ingetrokken.set(clientId, ++this.rev);
  }

  /** A change made on the server side (another device), as one mutation. */
  wijzigDoorAnder(
    recordId: string,
    fields: Record<string, unknown>,
    gebruiker = 'gebruiker-2',
  ): number {
    const rec = this.records.get(recordId);
    if (!rec) throw new Error(`onbekend record ${recordId}`);
    return this.pas(
      {
        mutationId: crypto.randomUUID(),
        deviceId: 'ander-apparaat',
        recordType: rec.type as Mutation['recordType'],
        recordId: rec.id as Mutation['recordId'],
        baseRev: rec.rev,
        fields,
        createdAt: new Date(this.klok).toISOString(),
      },
      gebruiker,
    ).rev;
  }

  /** Puts a record straight in, as if another device had created it long ago. */
  zetRecord(r: Omit<WireRecord, 'rev'> & { rev?: number }): number {
    const rev = r.rev ?? ++this.rev;
    this.rev = Math.max(this.rev, rev);
    this.records.set(r.id, {
      ...r,
      rev,
      veldRev: Object.fromEntries(Object.keys(r.fields).map((k) => [k, rev])),
      veldDoor: Object.fromEntries(
        Object.keys(r.fields).map((k) => [
          k,
          { door: r.updatedBy, op: r.updatedAt, apparaat: 'elders' },
        ]),
      ),
    });
    return rev;
  }

  conflicten(): WireRecord[] {
    return [...this.records.values()].filter((r) => r.type === 'conflict');
  }
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

function gelijk(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Timers a test advances by hand: the engine's back-off and interval become observable. */
export class NepTimers {
  private volgendId = 1;
  taken = new Map<number, { fn: () => void; ms: number }>();
  setTimeout = (fn: () => void, ms: number): unknown => {
    const id = this.volgendId++;
    this.taken.set(id, { fn, ms });
    return id;
  };
  clearTimeout = (id: unknown): void => {
    this.taken.delete(id as number);
  };
  /** Delays of the timers now waiting. */
  wachtend(): number[] {
    return [...this.taken.values()].map((t) => t.ms);
  }
  /** Fires the waiting timers whose delay matches (e.g. only the health check). */
  vuurWaar(welke: (ms: number) => boolean): void {
    const nu = [...this.taken.entries()].filter(([, t]) => welke(t.ms));
    for (const [id] of nu) this.taken.delete(id);
    for (const [, t] of nu) t.fn();
  }
  /** Fires every waiting timer (as if their time had come). */
  vuur(): void {
    const nu = [...this.taken.entries()];
    this.taken.clear();
    for (const [, t] of nu) t.fn();
  }
}

/** A connectivity watcher a test switches by hand. */
export class NepVerbinding {
  private toestand: 'online' | 'offline';
  private luisteraars = new Set<(s: 'online' | 'offline') => void>();
  constructor(begin: 'online' | 'offline' = 'online') {
    this.toestand = begin;
  }
  current = () => this.toestand;
  subscribe = (l: (s: 'online' | 'offline') => void) => {
    this.luisteraars.add(l);
    return () => {
      this.luisteraars.delete(l);
    };
  };
  zet(toestand: 'online' | 'offline'): void {
    this.toestand = toestand;
    for (const l of this.luisteraars) l(toestand);
  }
}

/**
 * The Web Locks API as one browser has it for all its tabs (`navigator.locks`), exclusive mode
 * only: a request waits until the lock is free and is granted in order, can be aborted while it
 * waits, and `steal` takes a held lock (the holder's request then rejects with AbortError). Node
 * has no `navigator.locks`.
 */
export class NepSloten {
  private houders = new Map<string, { afpakken: () => void }>();
  private rij = new Map<string, (() => void)[]>();
  /** Names of the locks held now. */
  gehouden(): string[] {
    return [...this.houders.keys()];
  }
  async request<T>(
    name: string,
    options: LockOptions,
    callback: (lock: Lock | null) => Promise<T> | T,
  ): Promise<T> {
    if (options.steal) {
      this.houders.get(name)?.afpakken();
      this.houders.delete(name);
    } else if (this.houders.has(name)) {
      if (options.ifAvailable) return callback(null);
      await new Promise<void>((resolve, reject) => {
        const beurt = () => {
          options.signal?.removeEventListener('abort', af);
          resolve();
        };
        const af = () => {
          this.rij.set(
            name,
            (this.rij.get(name) ?? []).filter((w) => w !== beurt),
          );
          reject(new DOMException('aborted', 'AbortError'));
        };
        if (options.signal?.aborted) return af();
        options.signal?.addEventListener('abort', af);
        this.rij.set(name, [...(this.rij.get(name) ?? []), beurt]);
      });
    }
    let afpakken!: () => void;
    const afgepakt = new Promise<never>((_, reject) => {
      afpakken = () => reject(new DOMException('stolen', 'AbortError'));
    });
    const houder = { afpakken };
    this.houders.set(name, houder);
    try {
      return await Promise.race([
        Promise.resolve(callback({ name, mode: 'exclusive' } as Lock)),
        afgepakt,
      ]);
    } finally {
      if (this.houders.get(name) === houder) {
        this.houders.delete(name);
        const volgende = this.rij.get(name)?.shift();
        if (volgende) {
          this.houders.set(name, { afpakken: () => undefined }); // reserved for the next in line
          volgende();
        }
      }
    }
  }
}
