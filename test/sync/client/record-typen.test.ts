/**
 * Issue 11, point 5: one registry of record types, and a conflict of every type resolves both
 * ways. The loop runs over the registry (RECORD_TYPES), so a new type cannot escape it: it needs a
 * sample record below, or this test fails.
 */
import { zorgverzekeraarId } from '../../../src/domain/model/zorgverzekeraar.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { maakDemoData } from '../../../src/domain/demo/records.ts';
import { RECORD_TYPES, type RecordType } from '../../../src/domain/model/record.ts';
import {
  openDb,
  RECORD_TABELLEN,
  SYNCED_TABLES,
  type ArrangeurDB,
} from '../../../src/storage/db.ts';
import { pending } from '../../../src/storage/outbox.ts';
import { resolveConflict, type ConflictKeuze } from '../../../src/sync/client/conflicts.ts';
import { pasPaginaToe } from '../../../src/sync/client/pull.ts';
import { SCHEMA, tabel, zonderLokaleSleutels } from '../../../src/sync/client/tabellen.ts';
import { RECORD_TYPE_INFO, recordLabel } from '../../../src/sync/protocol/record-typen.ts';
import type { WireRecord } from '../../../src/sync/protocol/wire.ts';

const NU = new Date('2026-11-23T09:00:00Z');
const GEBRUIKER = '00000000-0000-4000-8000-00000000aaaa';
const CASEMANAGER = '00000000-0000-4000-8000-00000000cccc';

const dbs: ArrangeurDB[] = [];
afterEach(async () => {
  await Promise.all(dbs.splice(0).map((d) => d.delete()));
});

/** One wire record of every type that a person writes (all but `conflict`, which the server makes). */
function voorbeelden(): Map<RecordType, WireRecord> {
  const demo = maakDemoData({
    now: NU,
    updatedBy: GEBRUIKER,
    review: { casemanagerId: CASEMANAGER, casemanagerNaam: 'Carla', arrangeurNaam: 'Anja' },
  });
  const perType = new Map<RecordType, WireRecord>();
  let rev = 1;
  for (const r of demo.records) {
    if (perType.has(r.type)) continue;
    perType.set(r.type, {
      id: r.id,
      type: r.type,
      clientId: r.clientId,
      fields: r.fields as Record<string, unknown>,
      rev: rev++,
      updatedAt: NU.toISOString(),
      updatedBy: r.updatedBy ?? GEBRUIKER,
      deleted: false,
    });
  }
  // The demo has no local sociale-kaart entries: one as a device adds it.
  perType.set('voorziening', {
    id: crypto.randomUUID(),
    type: 'voorziening',
    clientId: null,
    fields: {
      categorie: 'ontmoeting',
      naam: 'Koffie-ochtend De Brink',
      omschrijving: 'Elke dinsdag koffie en een praatje.',
      herkomst: 'lokaal',
    },
    rev: rev++,
    updatedAt: NU.toISOString(),
    updatedBy: GEBRUIKER,
    deleted: false,
  });
  // A name given to an unknown UZOVI code (its id follows from the code).
  perType.set('zorgverzekeraar', {
    id: zorgverzekeraarId('0101'),
    type: 'zorgverzekeraar',
    clientId: null,
    fields: { naam: 'Univé', uzovi: '0101' },
    rev: rev++,
    updatedAt: NU.toISOString(),
    updatedBy: GEBRUIKER,
    deleted: false,
  });
  return perType;
}

/** Another valid value for one field of the record: text gets words added, a number one more. */
function anderVeld(type: RecordType, rij: Record<string, unknown>): [string, unknown] {
  for (const [veld, waarde] of Object.entries(rij)) {
    if (['id', 'type', 'rev', 'updatedAt', 'updatedBy', 'deleted'].includes(veld)) continue;
    const ander =
      typeof waarde === 'string'
        ? `${waarde} (ander)`
        : typeof waarde === 'number'
          ? waarde + 1
          : typeof waarde === 'boolean'
            ? !waarde
            : undefined;
    if (ander === undefined) continue;
    if (SCHEMA[type].safeParse({ ...rij, [veld]: ander }).success) return [veld, ander];
  }
  throw new Error(`${type}: geen veld gevonden om een conflict op te maken`);
}

const TE_TESTEN = RECORD_TYPES.filter((t) => t !== 'conflict');

describe('the record-type registry', () => {
  it('has a table, schema and label for every type, and every synced table is one of them', () => {
    for (const type of RECORD_TYPES) {
      expect(RECORD_TYPE_INFO[type].label, type).not.toBe('');
      expect(recordLabel(type)).toBe(RECORD_TYPE_INFO[type].label);
      expect(SYNCED_TABLES).toContain(RECORD_TABELLEN[type]);
    }
    expect(new Set(SYNCED_TABLES).size).toBe(RECORD_TYPES.length);
    expect(recordLabel('onbekend')).toBe('Onderdeel');
  });

  for (const type of TE_TESTEN) {
    for (const keuze of ['behouden', 'andere'] as const satisfies readonly ConflictKeuze[]) {
      it(`resolves a conflict on a ${type} with '${keuze}'`, async () => {
        await resolveerConflict(type, keuze);
      });
    }
  }
});

async function resolveerConflict(type: RecordType, keuze: ConflictKeuze) {
  const db = openDb(`registry-${crypto.randomUUID()}`);
  dbs.push(db);
  const voorbeeld = voorbeelden().get(type);
  expect(voorbeeld, `no sample ${type} record: add one to voorbeelden()`).toBeDefined();
  expect(await pasPaginaToe(db, [voorbeeld!], voorbeeld!.rev)).toEqual([]);
  const opgeslagen = await tabel(db, type).get(voorbeeld!.id);
  expect(opgeslagen, type).toBeDefined();

  // The record holds the winning value; the conflict keeps the one it overwrote.
  const rij = zonderLokaleSleutels(opgeslagen!);
  const [veld, winnend] = anderVeld(type, rij);
  const overschreven = rij[veld];
  const conflict: WireRecord = {
    id: crypto.randomUUID(),
    type: 'conflict',
    clientId: voorbeeld!.clientId,
    fields: {
      recordType: type,
      recordId: voorbeeld!.id,
      field: veld,
      overwrittenValue: overschreven,
      overwrittenBy: GEBRUIKER,
      overwrittenAt: NU.toISOString(),
      winningValue: winnend,
      winningBy: CASEMANAGER,
      winningAt: NU.toISOString(),
      resolved: false,
    },
    rev: 100,
    updatedAt: NU.toISOString(),
    updatedBy: CASEMANAGER,
    deleted: false,
  };
  const winnaar: WireRecord = {
    ...voorbeeld!,
    fields: { ...voorbeeld!.fields, [veld]: winnend },
    rev: 99,
  };
  expect(await pasPaginaToe(db, [winnaar, conflict], 100)).toEqual([]);
  expect((await tabel(db, type).get(voorbeeld!.id))?.[veld]).toEqual(winnend);

  expect(await resolveConflict(db, conflict.id, keuze, { updatedBy: GEBRUIKER })).toEqual({
    ok: true,
  });

  const verwacht = keuze === 'andere' ? overschreven : winnend;
  expect((await tabel(db, type).get(voorbeeld!.id))?.[veld], `${type}.${veld}`).toEqual(verwacht);
  expect((await db.conflicts.get(conflict.id))?.resolved).toBe(true);
  const wachtrij = (await pending(db)).map((m) => [m.recordType, m.recordId, m.fields]);
  expect(wachtrij).toEqual([
    ...(keuze === 'andere' ? [[type, voorbeeld!.id, { [veld]: overschreven }]] : []),
    ['conflict', conflict.id, { resolved: true }],
  ]);
}
