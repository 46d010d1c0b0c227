import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { zorgverzekeraarId } from '../../src/domain/model/zorgverzekeraar.ts';
import { openDb, type ArrangeurDB } from '../../src/storage/db.ts';
import {
  noemZorgverzekeraar,
  zorgverzekeraarNamen,
} from '../../src/storage/repositories/zorgverzekeraars.ts';
import { validateMerged } from '../../src/sync/protocol/validate.ts';

const OPTIES = { updatedBy: 'u1', now: new Date('2026-12-03T10:00:00Z') };

describe('naming an unknown UZOVI code once', () => {
  let db: ArrangeurDB;
  beforeEach(async () => {
    db = openDb(`zv-${crypto.randomUUID()}`);
    await db.open();
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  it('stores the name with its outbox mutation; the id follows from the code', async () => {
    const r = await noemZorgverzekeraar(db, { uzovi: '0101', naam: ' Univé ' }, OPTIES);
    expect(r).toMatchObject({ ok: true, zorgverzekeraar: { uzovi: '0101', naam: 'Univé' } });
    expect(await zorgverzekeraarNamen(db)).toEqual([
      expect.objectContaining({ id: zorgverzekeraarId('0101'), uzovi: '0101', naam: 'Univé' }),
    ]);
    const [rij] = await db.outbox.toArray();
    expect(rij).toMatchObject({
      recordType: 'zorgverzekeraar',
      recordId: zorgverzekeraarId('0101'),
      clientId: null,
      fields: { uzovi: '0101', naam: 'Univé' },
    });
    // What the device sends is what the server accepts.
    expect(validateMerged('zorgverzekeraar', rij!.fields, null)).toBeNull();
  });

  it('renaming changes only the name; naming the same code again writes nothing new', async () => {
    await noemZorgverzekeraar(db, { uzovi: '0101', naam: 'Univé' }, OPTIES);
    await noemZorgverzekeraar(db, { uzovi: '0101', naam: 'Univé' }, OPTIES);
    expect(await db.outbox.count()).toBe(1);
    await noemZorgverzekeraar(db, { uzovi: '0101', naam: 'Univé Zorg' }, OPTIES);
    expect((await db.outbox.toArray()).at(-1)?.fields).toEqual({ naam: 'Univé Zorg' });
    expect((await zorgverzekeraarNamen(db)).map((z) => z.naam)).toEqual(['Univé Zorg']);
  });

  it('refuses a code that is not 4 digits, and a code the list already names', async () => {
    const kort = await noemZorgverzekeraar(db, { uzovi: '101', naam: 'X' }, OPTIES);
    expect(kort).toMatchObject({ ok: false, issues: [{ path: ['uzovi'] }] });
    const bekend = await noemZorgverzekeraar(db, { uzovi: '3311', naam: 'Anders' }, OPTIES);
    expect(bekend).toMatchObject({
      ok: false,
      issues: [{ message: 'Deze zorgverzekeraar staat al in de lijst.' }],
    });
    expect(await db.outbox.count()).toBe(0);
  });
});
