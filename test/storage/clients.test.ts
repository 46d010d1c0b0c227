import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mutationSchema } from '../../src/domain/model/record.ts';
import { openDb, type ArrangeurDB } from '../../src/storage/db.ts';
import { enqueue, pending, pendingCount } from '../../src/storage/outbox.ts';
import {
  clientsMetIds,
  deleteClient,
  eersteClients,
  getClient,
  listClients,
  saveClient,
  searchClients,
  zoekwoorden,
} from '../../src/storage/repositories/clients.ts';
import { sorteersleutel } from '../../src/storage/sorteersleutel.ts';
import { CASELOAD, clientInvoer, wlzIndicatie } from '../fixtures/clients.ts';

const WIE = { updatedBy: 'gebruiker-1', now: new Date('2026-11-23T09:00:00Z') };
const LATER = { updatedBy: 'gebruiker-2', now: new Date('2026-11-23T10:00:00Z') };

let db: ArrangeurDB;
beforeEach(() => {
  db = openDb(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

async function maak(overrides = {}) {
  const r = await saveClient(db, clientInvoer(overrides), WIE);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.client;
}

describe('saveClient: create', () => {
  it('stores a parsed record with meta and queues one create mutation with every field', async () => {
    const r = await saveClient(db, clientInvoer({ postcode: '6711ab', bsn: '' }), WIE);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.client).toMatchObject({
      type: 'client',
      postcode: '6711 AB',
      updatedAt: '2026-11-23T09:00:00.000Z',
      updatedBy: 'gebruiker-1',
      deleted: false,
    });
    expect(r.client.rev).toBeUndefined(); // never synced yet
    expect(r.client.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await getClient(db, r.client.id)).toEqual(r.client);

    const rows = await pending(db);
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(mutationSchema.parse(row)).toBeTruthy();
    expect(row).toMatchObject({
      op: 'create',
      status: 'pending',
      recordType: 'client',
      recordId: r.client.id,
      createdAt: '2026-11-23T09:00:00.000Z',
    });
    expect(row!.baseRev).toBeUndefined();
    expect(row!.deleted).toBeUndefined();
    // Every field, with "not filled in" as null on the wire.
    expect(row!.fields).toEqual({
      voornaam: 'Jan',
      achternaam: 'Jansen',
      geboortedatum: '1942-03-15',
      bsn: null,
      postcode: '6711 AB',
      huisnummer: '12',
      gemeente: 'GM0228',
      zorgverzekeraar: '7119',
      wlzIndicatie: null,
      intensieveKindzorg: null,
      huisarts: 'Huisartsenpraktijk De Brink',
    });
  });

  it('gives every mutation its own id and the same device id', async () => {
    await maak();
    await maak({ voornaam: 'Piet' });
    const [a, b] = await pending(db);
    expect(a!.mutationId).not.toBe(b!.mutationId);
    expect(a!.deviceId).toBe(b!.deviceId);
    expect(a!.seq).toBeLessThan(b!.seq!);
    expect(await pendingCount(db)).toBe(2);
  });

  it('writes nothing and returns the issues per field when the input is invalid', async () => {
    const r = await saveClient(
      db,
      clientInvoer({ bsn: '123456789', postcode: '0123 AB', achternaam: '' }),
      WIE,
    );
    expect(r).toEqual({
      ok: false,
      issues: [
        { path: ['achternaam'], message: 'Vul de achternaam in.' },
        { path: ['bsn'], message: 'Dit BSN klopt niet (de elfproef faalt). Kijk het nummer na.' },
        { path: ['postcode'], message: 'Vul een postcode in zoals 6711 AB.' },
      ],
    });
    expect(await db.clients.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('writes the record and its outbox row in one transaction: if the outbox write fails, so does the save', async () => {
    db.outbox.hook('creating', () => {
      throw new Error('schijf vol');
    });
    await expect(saveClient(db, clientInvoer(), WIE)).rejects.toThrow('schijf vol');
    expect(await db.clients.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('refuses to enqueue outside a transaction', async () => {
    await expect(
      enqueue(db, {
        op: 'create',
        recordType: 'client',
        recordId: crypto.randomUUID(),
        clientId: null,
        fields: {},
        now: WIE.now,
      }),
    ).rejects.toThrow(/inside a readwrite transaction/);
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('saveClient: update', () => {
  it('queues only the changed fields, with the base revision, and keeps the id', async () => {
    const client = await maak();
    await db.clients.update(client.id, { rev: 7 }); // as if the sync client had applied rev 7
    await db.outbox.clear();

    const r = await saveClient(
      db,
      clientInvoer({ huisnummer: '14', bsn: '', wlzIndicatie: wlzIndicatie() }),
      { ...LATER, id: client.id },
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.client).toMatchObject({
      id: client.id,
      huisnummer: '14',
      rev: 7,
      updatedBy: 'gebruiker-2',
    });
    expect(r.client.bsn).toBeUndefined();

    const [row, ...rest] = await pending(db);
    expect(rest).toEqual([]);
    expect(row).toMatchObject({ op: 'update', recordId: client.id, baseRev: 7 });
    expect(row!.fields).toEqual({
      bsn: null,
      huisnummer: '14',
      wlzIndicatie: {
        zorgprofiel: 'VV5',
        leveringsvorm: 'vpt',
        behandeling: false,
        geldigVan: '2026-01-01',
      },
    });
    expect(await db.clients.count()).toBe(1);
  });

  it('treats a nested object as unchanged when its values are equal', async () => {
    const client = await maak({ wlzIndicatie: wlzIndicatie() });
    const r = await saveClient(
      db,
      clientInvoer({ wlzIndicatie: wlzIndicatie(), voornaam: 'Johannes' }),
      {
        ...LATER,
        id: client.id,
      },
    );
    expect(r.ok).toBe(true);
    const rows = await pending(db);
    expect(rows.map((m) => m.fields)).toEqual([expect.any(Object), { voornaam: 'Johannes' }]);
  });

  it('writes nothing when nothing changed (postcode typed differently is the same postcode)', async () => {
    const client = await maak();
    const r = await saveClient(db, clientInvoer({ postcode: '6711ab' }), {
      ...LATER,
      id: client.id,
    });
    expect(r).toEqual({ ok: true, client });
    expect(await pendingCount(db)).toBe(1);
    expect((await getClient(db, client.id))?.updatedBy).toBe('gebruiker-1');
  });

  it('leaves the stored client untouched when the update is invalid', async () => {
    const client = await maak();
    const r = await saveClient(db, clientInvoer({ voornaam: 'Jo', bsn: '123' }), {
      ...LATER,
      id: client.id,
    });
    expect(r.ok).toBe(false);
    expect(await getClient(db, client.id)).toEqual(client);
    expect(await pendingCount(db)).toBe(1);
  });
});

describe('deleteClient', () => {
  it('keeps a tombstone, hides the client from reads and queues a delete mutation', async () => {
    const client = await maak();
    const ander = await maak({ voornaam: 'Piet', achternaam: 'Pietersen' });

    expect(await deleteClient(db, client.id, LATER)).toBe(true);

    const rij = await db.clients.get(client.id);
    expect(rij).toMatchObject({ deleted: true, updatedBy: 'gebruiker-2', voornaam: 'Jan' });
    expect(await getClient(db, client.id)).toBeUndefined();
    expect((await listClients(db)).map((c) => c.id)).toEqual([ander.id]);
    expect(await searchClients(db, 'jan')).toEqual([]);

    const laatste = (await pending(db)).at(-1);
    expect(laatste).toMatchObject({ op: 'delete', recordId: client.id, deleted: true, fields: {} });
  });

  it('does nothing for an unknown or already deleted client, and a deleted client cannot be saved', async () => {
    const client = await maak();
    await deleteClient(db, client.id, LATER);
    expect(await deleteClient(db, client.id, LATER)).toBe(false);
    expect(await deleteClient(db, crypto.randomUUID(), LATER)).toBe(false);
    const r = await saveClient(db, clientInvoer(), { ...LATER, id: client.id });
    expect(r.ok).toBe(false);
    expect(await pendingCount(db)).toBe(2);
  });
});

describe('listClients and searchClients', () => {
  beforeEach(async () => {
    for (const invoer of CASELOAD) {
      const r = await saveClient(db, invoer, WIE);
      expect(r.ok).toBe(true);
    }
  });
  const namen = (clients: { voornaam: string; achternaam: string }[]) =>
    clients.map((c) => `${c.voornaam} ${c.achternaam}`);

  it('lists everyone as a Dutch list: by achternaam without voorvoegsel, then voornaam', async () => {
    expect(namen(await listClients(db))).toEqual([
      'José Bakker',
      'Janneke van den Berg',
      'Jan Jansen',
      'Piet de Vries',
    ]);
    expect(namen(await searchClients(db, '   '))).toHaveLength(4);
  });

  it.each([
    ['jan', ['Janneke van den Berg', 'Jan Jansen']],
    ['JANS', ['Jan Jansen']],
    ['jansen', ['Jan Jansen']],
    ['jan jansen', ['Jan Jansen']],
    ['jansen jan', ['Jan Jansen']],
    ['berg', ['Janneke van den Berg']],
    ['janneke van den berg', ['Janneke van den Berg']],
    ['jose', ['José Bakker']],
    ['josé b', ['José Bakker']],
    ['vries', ['Piet de Vries']],
    ['an', []],
    ['piet jansen', []],
  ])('search %j finds %j', async (query, verwacht) => {
    expect(namen(await searchClients(db, query))).toEqual(verwacht);
  });

  it('gives the first rows of the list from its index, and the length of the whole list', async () => {
    expect(await eersteClients(db, 2)).toEqual({
      clients: (await listClients(db)).slice(0, 2),
      totaal: 4,
    });
    const [eerste] = await listClients(db);
    await deleteClient(db, eerste!.id, LATER);
    const { clients, totaal } = await eersteClients(db, 10);
    expect(namen(clients)).toEqual(['Janneke van den Berg', 'Jan Jansen', 'Piet de Vries']);
    expect(totaal).toBe(3);
  });

  it('keeps a renamed client in her new place and gives the clients of a filter in list order', async () => {
    const [bakker, berg] = await listClients(db);
    await saveClient(
      db,
      { ...clientInvoer(), voornaam: 'José', achternaam: 'Zwart' },
      {
        ...LATER,
        id: bakker!.id,
      },
    );
    expect(namen((await eersteClients(db, 10)).clients).at(-1)).toBe('José Zwart');
    expect(namen(await clientsMetIds(db, [bakker!.id, berg!.id, crypto.randomUUID()]))).toEqual([
      'Janneke van den Berg',
      'José Zwart',
    ]);
  });

  it.each([
    [{ achternaam: 'van den Berg', voornaam: 'Anna' }, 'berg\u0001anna'],
    [{ achternaam: "'t Hart", voornaam: 'Émile' }, 'hart\u0001emile'],
    [{ achternaam: 'Øster', voornaam: 'Søren' }, 'oster\u0001soren'],
    [{ achternaam: 'Van', voornaam: 'Piet' }, 'van\u0001piet'],
  ])('sorts %j under %j', (naam, verwacht) => {
    expect(sorteersleutel(naam)).toBe(verwacht);
  });

  it('splits names into accent-free lower-case words', () => {
    expect(zoekwoorden("José 't Hart-van Dijk")).toEqual(['jose', 't', 'hart', 'van', 'dijk']);
  });
});

describe('reads parse at the edge', () => {
  it('does not show a stored row that the domain schema rejects, and does not delete it', async () => {
    const client = await maak();
    await db.clients.update(client.id, { bsn: '123456789' as never });
    const warn = console.warn;
    console.warn = () => {};
    try {
      expect(await getClient(db, client.id)).toBeUndefined();
      expect(await listClients(db)).toEqual([]);
      expect(await eersteClients(db, 10)).toEqual({ clients: [], totaal: 0 });
    } finally {
      console.warn = warn;
    }
    expect(await db.clients.count()).toBe(1);
  });
});
