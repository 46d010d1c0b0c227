import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mutationSchema } from '../../src/domain/model/record.ts';
import { CATALOGUS } from '../../src/domain/sociale-kaart/catalogus.ts';
import type { VoorzieningInvoer } from '../../src/domain/sociale-kaart/model.ts';
import { openDb, type ArrangeurDB } from '../../src/storage/db.ts';
import { pending, pendingCount } from '../../src/storage/outbox.ts';
import {
  alleVoorzieningen,
  deleteVoorziening,
  listLokaleVoorzieningen,
  saveVoorziening,
} from '../../src/storage/repositories/sociale-kaart.ts';

const WIE = { updatedBy: 'arrangeur-1', now: new Date('2026-11-23T09:00:00Z') };
const LATER = { updatedBy: 'arrangeur-2', now: new Date('2026-11-23T10:00:00Z') };

function invoer(overrides: Partial<VoorzieningInvoer> = {}): VoorzieningInvoer {
  return {
    categorie: 'ontmoeting',
    naam: 'Koffieochtend De Kapel',
    omschrijving: 'Elke woensdag koffie en een praatje in de kapel.',
    wijk: 'Ede-Zuid',
    adres: '',
    contact: '0318-000 999',
    kosten: 'Gratis',
    ...overrides,
  };
}

let db: ArrangeurDB;
beforeEach(() => {
  db = openDb(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

async function maak(overrides: Partial<VoorzieningInvoer> = {}) {
  const r = await saveVoorziening(db, invoer(overrides), WIE);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.voorziening;
}

describe('saveVoorziening: a new local entry', () => {
  it('stores a parsed local record and queues one create mutation in the same write', async () => {
    const r = await saveVoorziening(db, invoer({ naam: '  Koffieochtend De Kapel ' }), WIE);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.voorziening).toMatchObject({
      type: 'voorziening',
      herkomst: 'lokaal',
      naam: 'Koffieochtend De Kapel',
      updatedAt: '2026-11-23T09:00:00.000Z',
      updatedBy: 'arrangeur-1',
      deleted: false,
    });
    expect(r.voorziening.adres).toBeUndefined(); // '' is stored as absent
    expect(r.voorziening.id).toMatch(/^[0-9a-f-]{36}$/);
    const rij = await db.voorzieningen.get(r.voorziening.id);
    expect(rij).toEqual(r.voorziening);
    expect(rij && 'adres' in rij).toBe(false);

    const rows = await pending(db);
    expect(rows).toHaveLength(1);
    expect(mutationSchema.parse(rows[0])).toBeTruthy();
    expect(rows[0]).toMatchObject({
      op: 'create',
      status: 'pending',
      recordType: 'voorziening',
      recordId: r.voorziening.id,
      createdAt: '2026-11-23T09:00:00.000Z',
      fields: {
        categorie: 'ontmoeting',
        naam: 'Koffieochtend De Kapel',
        omschrijving: 'Elke woensdag koffie en een praatje in de kapel.',
        wijk: 'Ede-Zuid',
        adres: null,
        contact: '0318-000 999',
        kosten: 'Gratis',
        herkomst: 'lokaal',
      },
    });
  });

  it('writes nothing for invalid input and returns the Dutch issues per field', async () => {
    const r = await saveVoorziening(
      db,
      invoer({ naam: '   ', omschrijving: '', categorie: 'onbekend' as never }),
      WIE,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual(
      expect.arrayContaining([
        { path: ['categorie'], message: 'Kies een categorie.' },
        { path: ['naam'], message: 'Vul de naam in.' },
        { path: ['omschrijving'], message: 'Vul een korte omschrijving in.' },
      ]),
    );
    expect(await db.voorzieningen.count()).toBe(0);
    expect(await pendingCount(db)).toBe(0);
  });

  it('refuses to change a catalog entry', async () => {
    const r = await saveVoorziening(db, { ...invoer(), id: CATALOGUS[0]!.id }, WIE);
    expect(r).toEqual({
      ok: false,
      issues: [{ path: [], message: 'Een voorziening uit de catalogus kunt u niet wijzigen.' }],
    });
    expect(await db.voorzieningen.count()).toBe(0);
    expect(await pendingCount(db)).toBe(0);
  });
});

describe('saveVoorziening: a change', () => {
  it('queues only the changed fields, and nothing when nothing changed', async () => {
    const v = await maak();
    const r = await saveVoorziening(
      db,
      { ...invoer({ kosten: '€ 1 voor koffie' }), id: v.id },
      LATER,
    );
    expect(r.ok && r.voorziening).toMatchObject({
      kosten: '€ 1 voor koffie',
      updatedBy: 'arrangeur-2',
    });
    const rows = await pending(db);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ op: 'update', fields: { kosten: '€ 1 voor koffie' } });

    await saveVoorziening(db, { ...invoer({ kosten: '€ 1 voor koffie' }), id: v.id }, LATER);
    expect(await pendingCount(db)).toBe(2);
  });
});

describe('deleteVoorziening', () => {
  it('leaves a tombstone and queues a delete mutation', async () => {
    const v = await maak();
    expect(await deleteVoorziening(db, v.id, LATER)).toBe(true);
    expect(await db.voorzieningen.get(v.id)).toMatchObject({
      deleted: true,
      updatedBy: 'arrangeur-2',
      updatedAt: '2026-11-23T10:00:00.000Z',
    });
    const rows = await pending(db);
    expect(rows[1]).toMatchObject({
      op: 'delete',
      recordType: 'voorziening',
      recordId: v.id,
      deleted: true,
      fields: {},
    });
    expect(await listLokaleVoorzieningen(db)).toEqual([]);
    // A removed entry cannot be edited back to life or removed twice.
    expect(await deleteVoorziening(db, v.id, LATER)).toBe(false);
    const opnieuw = await saveVoorziening(db, { ...invoer(), id: v.id }, LATER);
    expect(opnieuw.ok).toBe(false);
    expect(await pendingCount(db)).toBe(2);
  });

  it('does nothing for catalog entries or unknown ids', async () => {
    expect(await deleteVoorziening(db, CATALOGUS[0]!.id, WIE)).toBe(false);
    expect(await deleteVoorziening(db, crypto.randomUUID(), WIE)).toBe(false);
    expect(await pendingCount(db)).toBe(0);
  });
});

describe('reading the sociale kaart', () => {
  it('alleVoorzieningen = the catalog plus the living local entries', async () => {
    const a = await maak({ naam: 'Zangkoor De Heide' });
    const b = await maak({ naam: 'Aquarelgroep' });
    const weg = await maak({ naam: 'Verdwenen' });
    await deleteVoorziening(db, weg.id, LATER);

    expect((await listLokaleVoorzieningen(db)).map((v) => v.naam)).toEqual([
      'Aquarelgroep',
      'Zangkoor De Heide',
    ]);
    const alle = await alleVoorzieningen(db);
    expect(alle).toHaveLength(CATALOGUS.length + 2);
    expect(alle.slice(0, CATALOGUS.length)).toEqual(CATALOGUS);
    expect(alle.slice(CATALOGUS.length).map((v) => v.id)).toEqual([b.id, a.id]);
  });

  it('skips a stored row that fails the schema, without touching it', async () => {
    const v = await maak();
    await db.voorzieningen.put({ ...v, id: crypto.randomUUID() as typeof v.id, naam: '' });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await listLokaleVoorzieningen(db)).toEqual([v]);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
    expect(await db.voorzieningen.count()).toBe(2);
  });
});
