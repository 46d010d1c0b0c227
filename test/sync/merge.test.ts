import { describe, expect, it } from 'vitest';
import {
  mergeMutation,
  sameValue,
  type FieldStamp,
  type MergeCurrent,
  type MergeMutation,
} from '../../src/sync/protocol/merge.ts';

const T0 = '2026-11-01T10:00:00.000Z';
const T1 = '2026-11-02T10:00:00.000Z';

const stamp = (rev: number, by: string, device: string): FieldStamp => ({
  rev,
  by,
  at: T0,
  device,
});

/** A stored record whose every field was written at `rev` by anna on tablet-a, unless overridden. */
function record(
  fields: Record<string, unknown>,
  overrides: Partial<MergeCurrent> & { stamps?: Record<string, FieldStamp> } = {},
): MergeCurrent {
  const rev = overrides.rev ?? 5;
  return {
    fields,
    fieldRevs:
      overrides.stamps ??
      Object.fromEntries(Object.keys(fields).map((f) => [f, stamp(rev, 'anna', 'tablet-a')])),
    rev,
    updatedBy: overrides.updatedBy ?? 'anna',
    updatedAt: overrides.updatedAt ?? T0,
    deleted: overrides.deleted ?? false,
  };
}

const mut = (m: Partial<MergeMutation> & Pick<MergeMutation, 'fields'>): MergeMutation => ({
  deviceId: 'tablet-b',
  ...m,
});
const ctx = { newRev: 10, by: 'bert', at: T1 };

describe('mergeMutation', () => {
  it('creates a new record with every field stamped by the writer', () => {
    const r = mergeMutation(null, mut({ fields: { a: 1, b: null } }), ctx);
    expect(r.fields).toEqual({ a: 1, b: null });
    expect(r.fieldRevs.a).toEqual({ rev: 10, by: 'bert', at: T1, device: 'tablet-b' });
    expect(r).toMatchObject({ changed: true, deleted: false, changedFields: ['a', 'b'] });
    expect(r.conflicts).toEqual([]);
  });

  it('applies a field nobody changed since baseRev silently and leaves other fields alone', () => {
    const r = mergeMutation(record({ a: 1, b: 2 }), mut({ baseRev: 5, fields: { a: 3 } }), ctx);
    expect(r.fields).toEqual({ a: 3, b: 2 });
    expect(r.fieldRevs.b).toEqual(stamp(5, 'anna', 'tablet-a'));
    expect(r.changedFields).toEqual(['a']);
    expect(r.conflicts).toEqual([]);
  });

  it('same field changed after baseRev: the later write wins and the other value is a conflict', () => {
    const r = mergeMutation(record({ a: 'anna' }), mut({ baseRev: 4, fields: { a: 'bert' } }), ctx);
    expect(r.fields.a).toBe('bert');
    expect(r.conflicts).toEqual([
      {
        kind: 'concurrent-edit',
        field: 'a',
        overwrittenValue: 'anna',
        overwrittenBy: 'anna',
        overwrittenAt: T0,
        // Which device typed each value (issue 11, point 4: "Op dit apparaat").
        overwrittenDevice: 'tablet-a',
        winningValue: 'bert',
        winningBy: 'bert',
        winningAt: T1,
        winningDevice: 'tablet-b',
      },
    ]);
  });

  it('writing the value a field already has is neither a change nor a conflict', () => {
    const r = mergeMutation(
      record({ a: { x: 1, y: [1, 2] } }),
      mut({ fields: { a: { y: [1, 2], x: 1 } } }),
      ctx,
    );
    expect(r).toMatchObject({ changed: false, changedFields: [], conflicts: [] });
  });

  it('no baseRev on an existing record counts as baseRev 0: every differing field conflicts', () => {
    const r = mergeMutation(record({ a: 1, b: 2 }), mut({ fields: { a: 9, b: 2 } }), ctx);
    expect(r.conflicts.map((c) => c.field)).toEqual(['a']);
  });

  it('a device always saw its own earlier writes: no conflict with itself', () => {
    const current = record({ a: 1 }, { stamps: { a: stamp(8, 'bert', 'tablet-b') } });
    const r = mergeMutation(current, mut({ baseRev: 2, fields: { a: 2 } }), ctx);
    expect(r.fields.a).toBe(2);
    expect(r.conflicts).toEqual([]);
  });

  it('attributes a conflict to whoever wrote that field, not to the record’s last author', () => {
    const current = record(
      { a: 'anna', b: 'carla' },
      {
        rev: 7,
        updatedBy: 'carla',
        stamps: { a: stamp(5, 'anna', 'tablet-a'), b: stamp(7, 'carla', 'tablet-c') },
      },
    );
    const r = mergeMutation(current, mut({ baseRev: 3, fields: { a: 'bert' } }), ctx);
    expect(r.conflicts[0]).toMatchObject({ overwrittenBy: 'anna', overwrittenValue: 'anna' });
  });

  it('a field without a stamp (older row) falls back to the record’s last change', () => {
    const current = record({ a: 1 }, { rev: 6, stamps: {} });
    expect(mergeMutation(current, mut({ baseRev: 6, fields: { a: 2 } }), ctx).conflicts).toEqual(
      [],
    );
    expect(
      mergeMutation(current, mut({ baseRev: 5, fields: { a: 2 } }), ctx).conflicts,
    ).toHaveLength(1);
  });

  it('treats null, undefined and absent as the same "no value"', () => {
    expect(sameValue(null, undefined)).toBe(true);
    expect(sameValue({ a: null }, {})).toBe(true);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
    expect(sameValue(0, null)).toBe(false);
    expect(sameValue('', null)).toBe(false);
    const r = mergeMutation(record({ b: 1 }), mut({ baseRev: 5, fields: { a: null } }), ctx);
    expect(r.changed).toBe(false);
  });

  it('keeps a field literally named __proto__ as data', () => {
    const fields = JSON.parse('{"__proto__": {"x": 1}}') as Record<string, unknown>;
    const r = mergeMutation(null, mut({ fields }), ctx);
    expect(Object.getPrototypeOf(r.fields)).toBe(Object.prototype);
    expect(Object.hasOwn(r.fields, '__proto__')).toBe(true);
  });

  describe('tombstone against a concurrent edit: the tombstone wins, the edit is kept', () => {
    it('an edit applied after the delete leaves the tombstone and returns its values as conflicts', () => {
      const tomb = record({ a: 1, b: 2 }, { deleted: true, updatedBy: 'anna' });
      const r = mergeMutation(tomb, mut({ baseRev: 4, fields: { a: 5, b: 2 } }), ctx);
      expect(r).toMatchObject({ deleted: true, changed: false, fields: { a: 1, b: 2 } });
      expect(r.conflicts).toEqual([
        expect.objectContaining({
          kind: 'edit-after-delete',
          field: 'a',
          overwrittenValue: 5,
          overwrittenBy: 'bert',
          winningValue: null,
          winningBy: 'anna',
        }),
      ]);
    });

    it('a delete applied after an unseen edit keeps the values and reports the unseen fields', () => {
      const current = record(
        { a: 'anna', b: 'old' },
        { rev: 6, stamps: { a: stamp(6, 'anna', 'tablet-a'), b: stamp(2, 'anna', 'tablet-a') } },
      );
      const r = mergeMutation(current, mut({ baseRev: 3, fields: {}, deleted: true }), ctx);
      expect(r).toMatchObject({ deleted: true, changed: true, fields: { a: 'anna', b: 'old' } });
      expect(r.conflicts).toEqual([
        expect.objectContaining({
          kind: 'delete-after-edit',
          field: 'a',
          overwrittenValue: 'anna',
        }),
      ]);
    });

    it('deleting a tombstone again changes nothing', () => {
      const tomb = record({ a: 1 }, { deleted: true });
      expect(mergeMutation(tomb, mut({ fields: {}, deleted: true }), ctx)).toMatchObject({
        changed: false,
        conflicts: [],
      });
    });
  });
});
