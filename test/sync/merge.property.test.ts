/**
 * Convergence properties of the per-field merge (docs/style.md 6, docs/architecture.md Sync guarantee 3).
 *
 * Model: one record on a simulated server; two devices edit it offline from the same pulled
 * revision and may pull in between (which moves their baseRev to the server's current rev). The
 * server applies their mutations in any interleaving that keeps each device's own order — exactly
 * what push guarantees — and remembers applied mutation ids like the applied_mutations table.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  mergeMutation,
  sameValue,
  type FieldStamp,
  type MergeConflict,
  type MergeCurrent,
  type MergeMutation,
} from '../../src/sync/protocol/merge.ts';

const FIELDS = ['voornaam', 'achternaam', 'huisarts', 'postcode'] as const;
type Field = (typeof FIELDS)[number];
const T = '2026-11-23T10:00:00.000Z';

interface SimMutation extends MergeMutation {
  readonly id: string;
  /** Device clock: must never influence the outcome. */
  readonly createdAt: string;
}

/** A device step: an edit of some fields, a delete, or a pull (learn the server's current rev). */
type Step =
  { kind: 'edit'; fields: Partial<Record<Field, unknown>> } | { kind: 'delete' } | { kind: 'pull' };

interface Server {
  state: MergeCurrent;
  applied: Set<string>;
  seq: number;
  conflicts: MergeConflict[];
  /** Per applied mutation: the record's rev right after it (what "seeing" it means). */
  revAfter: Map<string, number>;
  log: { m: SimMutation; changed: readonly string[] }[];
}

function newServer(initial: Record<Field, unknown>): Server {
  const stamp: FieldStamp = { rev: 1, by: 'seed', at: T, device: 'seed' };
  return {
    state: {
      fields: { ...initial },
      fieldRevs: Object.fromEntries(FIELDS.map((f) => [f, stamp])),
      rev: 1,
      updatedBy: 'seed',
      updatedAt: T,
      deleted: false,
    },
    applied: new Set(),
    seq: 1,
    conflicts: [],
    revAfter: new Map(),
    log: [],
  };
}

/** What the push route does for one mutation, minus SQL: replay check, merge, write, remember. */
function apply(s: Server, m: SimMutation): void {
  if (s.applied.has(m.id)) return;
  s.seq += 1;
  const r = mergeMutation(s.state, m, { newRev: s.seq, by: m.deviceId, at: T });
  if (r.changed) {
    s.state = {
      fields: r.fields,
      fieldRevs: r.fieldRevs,
      rev: s.seq,
      updatedBy: m.deviceId,
      updatedAt: T,
      deleted: r.deleted,
    };
  }
  s.conflicts.push(...r.conflicts);
  s.applied.add(m.id);
  s.revAfter.set(m.id, s.state.rev);
  s.log.push({ m, changed: r.changedFields });
}

// Values: often unique (so "which write survived" is unambiguous), sometimes from a tiny pool
// (so "same value written twice" and "cleared" are exercised too).
const valueArb = fc.oneof(
  fc.uuid().map((u) => `v-${u.slice(0, 8)}`),
  fc.constantFrom<unknown>('Jansen', 'de Vries', null, 1, { x: 1 }),
);
const editArb = fc.subarray([...FIELDS], { minLength: 1 }).chain((fs) =>
  fc.tuple(...fs.map((f) => valueArb.map((v) => [f, v] as const))).map((kv) => ({
    kind: 'edit' as const,
    fields: Object.fromEntries(kv),
  })),
);
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: editArb },
  { weight: 2, arbitrary: fc.constant({ kind: 'pull' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'delete' as const }) },
);
const initialArb = fc
  .tuple(...FIELDS.map(() => valueArb))
  .map((vs) => Object.fromEntries(FIELDS.map((f, i) => [f, vs[i]])) as Record<Field, unknown>);
/** An interleaving of two device queues that keeps each device's own order. */
const scheduleArb = fc.array(fc.boolean(), { maxLength: 40 });

/**
 * Runs two devices' steps on a fresh server in the given interleaving. A device's baseRev is the
 * rev of its last pull (initially 1, the seed); mutations are made when the device reaches that
 * step, so a pull only affects what comes after it on that device.
 */
function run(
  initial: Record<Field, unknown>,
  a: readonly Step[],
  b: readonly Step[],
  schedule: readonly boolean[],
  clock: (i: number) => string = () => T,
): { server: Server; mutations: SimMutation[] } {
  const server = newServer(initial);
  const queues = { A: [...a], B: [...b] };
  const base = { A: 1, B: 1 };
  const gone = { A: false, B: false };
  const mutations: SimMutation[] = [];
  let n = 0;
  const step = (d: 'A' | 'B') => {
    const s = queues[d].shift();
    if (!s) return;
    if (s.kind === 'pull') {
      base[d] = server.state.rev;
      return;
    }
    // Like storage/repositories: a device cannot edit or delete a record it deleted itself.
    if (gone[d]) return;
    if (s.kind === 'delete') gone[d] = true;
    const m: SimMutation = {
      id: `${d}-${n}`,
      deviceId: d,
      baseRev: base[d],
      fields: s.kind === 'edit' ? s.fields : {},
      ...(s.kind === 'delete' ? { deleted: true as const } : {}),
      createdAt: clock(n),
    };
    n += 1;
    mutations.push(m);
    apply(server, m);
  };
  for (const pickA of schedule) step(pickA ? 'A' : 'B');
  while (queues.A.length > 0 || queues.B.length > 0) {
    step('A');
    step('B');
  }
  return { server, mutations };
}

const devicesArb = fc.record({
  initial: initialArb,
  a: fc.array(stepArb, { maxLength: 8 }),
  b: fc.array(stepArb, { maxLength: 8 }),
  schedule: scheduleArb,
});

describe('merge properties (two devices, any server order)', () => {
  it('(a) no written value is ever lost: it is final, in a conflict, or knowingly replaced', () => {
    fc.assert(
      fc.property(devicesArb, ({ initial, a, b, schedule }) => {
        const { server } = run(initial, a, b, schedule);
        server.log.forEach(({ m, changed }, i) => {
          // A write of the value the field already had is not a write of its own: that value's
          // first writer is the one checked (or it was the seed, which every device saw).
          for (const f of changed) {
            const v = m.fields[f];
            if (sameValue(server.state.fields[f], v)) continue;
            if (server.conflicts.some((c) => c.field === f && sameValue(c.overwrittenValue, v))) {
              continue;
            }
            // Replaced by a later write whose author had seen it: the same device (its own
            // order) or a device that pulled after this mutation was applied.
            const seenBy = server.log
              .slice(i + 1)
              .some(
                ({ m: later, changed }) =>
                  changed.includes(f) &&
                  (later.deviceId === m.deviceId ||
                    (later.baseRev ?? 0) >= (server.revAfter.get(m.id) ?? Infinity)),
              );
            expect(seenBy, `value ${JSON.stringify(v)} of ${f} by ${m.id} was lost`).toBe(true);
          }
        });
      }),
      { numRuns: 500 },
    );
  });

  it('(b) different fields always merge silently, both values kept', () => {
    const half = (fs: readonly Field[]) =>
      fc.array(
        fc.tuple(...fs.map((f) => valueArb.map((v) => [f, v] as const))).map((kv) => ({
          kind: 'edit' as const,
          fields: Object.fromEntries(kv),
        })),
        { minLength: 1, maxLength: 5 },
      );
    fc.assert(
      fc.property(
        initialArb,
        half(['voornaam', 'achternaam']),
        half(['huisarts', 'postcode']),
        scheduleArb,
        (initial, a, b, schedule) => {
          const { server } = run(initial, a, b, schedule);
          expect(server.conflicts).toEqual([]);
          const lastA = a.at(-1)!.fields;
          const lastB = b.at(-1)!.fields;
          for (const [f, v] of Object.entries({ ...lastA, ...lastB })) {
            expect(sameValue(server.state.fields[f], v)).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('(c) replaying any applied mutation, at any later point, is a no-op', () => {
    fc.assert(
      fc.property(devicesArb, fc.array(fc.nat(), { maxLength: 5 }), (d, replays) => {
        const { server, mutations } = run(d.initial, d.a, d.b, d.schedule);
        fc.pre(mutations.length > 0);
        const before = structuredClone({ state: server.state, conflicts: server.conflicts });
        for (const r of replays) apply(server, mutations[r % mutations.length]!);
        expect({ state: server.state, conflicts: server.conflicts }).toEqual(before);
      }),
      { numRuns: 300 },
    );
  });

  it('(c′) even without the applied-ids set, a mutation replayed right after itself changes nothing', () => {
    fc.assert(
      fc.property(devicesArb, (d) => {
        const { server, mutations } = run(d.initial, d.a, d.b, d.schedule);
        const last = mutations.at(-1);
        fc.pre(last !== undefined && !server.state.deleted);
        const r = mergeMutation(server.state, last!, { newRev: 999, by: 'x', at: T });
        expect(r.changed).toBe(false);
        expect(r.conflicts).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('(d) the final state is determined by server order only, never by device clocks', () => {
    fc.assert(
      fc.property(
        devicesArb,
        fc.array(fc.date({ noInvalidDate: true }), { minLength: 1, maxLength: 20 }),
        (d, clocks) => {
          const one = run(d.initial, d.a, d.b, d.schedule).server;
          const two = run(d.initial, d.a, d.b, d.schedule, (i) =>
            clocks[i % clocks.length]!.toISOString(),
          ).server;
          expect(two.state).toEqual(one.state);
          expect(two.conflicts).toEqual(one.conflicts);
          // And the order means "later write wins": each field holds the last value written to
          // it in server order before the record was deleted (a tombstone keeps its fields).
          const tot = one.log.findIndex(({ m }) => m.deleted === true);
          const levend = tot === -1 ? one.log : one.log.slice(0, tot + 1);
          for (const f of FIELDS) {
            const laatste = levend.filter(({ m }) => f in m.fields).at(-1);
            const verwacht = laatste ? laatste.m.fields[f] : d.initial[f];
            expect(sameValue(one.state.fields[f], verwacht)).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a device never conflicts with itself', () => {
    fc.assert(
      fc.property(initialArb, fc.array(stepArb, { maxLength: 10 }), (initial, a) => {
        const { server } = run(initial, a, [], []);
        expect(server.conflicts).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
