/**
 * Field bookkeeping shared by every repository: which fields a mutation carries, the record meta
 * of a write and the shape of a refusal. The server's per-field merge (guarantee 3) works on
 * exactly these fields, so an update must carry only what changed and a create every field, with
 * `null` for "no value" (one shape on the wire for "not filled in").
 */
import type { RecordType } from '../../domain/model/record.ts';
import type { Gezien, PlanFout, WriteOptions } from './schrijven.ts';

/** Every listed field of a new record; absent becomes `null`. */
export function alleVelden(velden: readonly string[], waarde: object): Record<string, unknown> {
  const w = waarde as Record<string, unknown>;
  return Object.fromEntries(velden.map((v) => [v, w[v] ?? null]));
}

/** Only the listed fields whose value differs between `vorige` and `nieuw`. */
export function gewijzigdeVelden(
  velden: readonly string[],
  vorige: object,
  nieuw: object,
): Record<string, unknown> {
  const a = vorige as Record<string, unknown>;
  const b = nieuw as Record<string, unknown>;
  return Object.fromEntries(
    velden.filter((v) => !gelijk(a[v], b[v])).map((v) => [v, b[v] ?? null]),
  );
}

/** Structural equality of JSON-like values; absent, undefined and null are the same "no value". */
export function gelijk(a: unknown, b: unknown): boolean {
  if ((a ?? null) === null || (b ?? null) === null) return (a ?? null) === (b ?? null);
  if (typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ra = zonderUndefined(a as Record<string, unknown>);
  const rb = zonderUndefined(b as Record<string, unknown>);
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  return [...keys].every((k) => gelijk(ra[k], rb[k]));
}

/** IndexedDB would store `undefined` keys; dropping them keeps "absent" one shape. */
export function zonderUndefined<T extends object>(waarde: T): T {
  return Object.fromEntries(Object.entries(waarde).filter(([, v]) => v !== undefined)) as T;
}

/** The record meta of a write: `rev` stays the one last seen (the server sets a new one). */
export function meta(
  type: RecordType,
  id: string,
  vorige: { rev?: number | undefined } | undefined,
  opts: WriteOptions,
  now: Date,
) {
  return {
    type,
    id,
    rev: vorige?.rev,
    updatedAt: now.toISOString(),
    updatedBy: opts.updatedBy,
    deleted: false,
  };
}

/** The listed fields of a record, as they are (absent stays absent). */
export function veldenVan(namen: readonly string[], record: object): Record<string, unknown> {
  const r = record as Record<string, unknown>;
  return Object.fromEntries(namen.map((n) => [n, r[n]]));
}

/** A refused write with one reason (`path` '' for the whole record). */
export function fout(message: string, path = ''): { ok: false; issues: PlanFout[] } {
  return { ok: false, issues: [{ path, message }] };
}

export function fouten(issues: PlanFout[]): { ok: false; issues: PlanFout[] } {
  return { ok: false, issues };
}

/**
 * The base revision a write may claim at most (issue 11, point 2): for every written field whose
 * stored value differs from the value the form showed (`gezien`), the revision the form showed.
 * undefined when the form saw every value it overwrites. A record never synced counts as 0.
 */
export function gezienPlafond(
  gezien: Gezien | undefined,
  velden: readonly string[],
  vorige: object | undefined,
): number | undefined {
  if (!gezien || !vorige) return undefined;
  const opgeslagen = vorige as Record<string, unknown>;
  let plafond: number | undefined;
  for (const veld of velden) {
    const g = gezien[veld];
    if (!g || gelijk(g.waarde, opgeslagen[veld])) continue;
    plafond = Math.min(plafond ?? Number.POSITIVE_INFINITY, g.rev ?? 0);
  }
  return plafond;
}
