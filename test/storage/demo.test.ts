import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type ArrangeurDB } from '../../src/storage/db.ts';
import { seedDemoClients } from '../../src/storage/demo.ts';
import { pendingCount } from '../../src/storage/outbox.ts';
import { listClients, saveClient } from '../../src/storage/repositories/clients.ts';
import { clientInvoer } from '../fixtures/clients.ts';

let db: ArrangeurDB;
afterEach(async () => db.delete());

describe('seedDemoClients', () => {
  it('fills an empty device once, through the normal save path', async () => {
    db = openDb(`demo-${crypto.randomUUID()}`);
    const added = await seedDemoClients(db);
    expect(added).toBeGreaterThanOrEqual(8);
    expect(await listClients(db)).toHaveLength(added);
    expect(await pendingCount(db)).toBe(added);
    expect(await seedDemoClients(db)).toBe(0);
    expect(await listClients(db)).toHaveLength(added);
  });

  it('never adds demo clients to a device that already has real ones', async () => {
    db = openDb(`demo-${crypto.randomUUID()}`);
    await saveClient(db, clientInvoer(), { updatedBy: 'test' });
    expect(await seedDemoClients(db)).toBe(0);
    expect(await listClients(db)).toHaveLength(1);
  });
});
