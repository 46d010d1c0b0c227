import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type ArrangeurDB, type ConflictRow } from '../../src/storage/db.ts';
import { saveClient } from '../../src/storage/repositories/clients.ts';
import { ConflictsScreen } from '../../src/ui/features/conflicts/ConflictsScreen.tsx';
import { DbProvider } from '../../src/ui/hooks/useDb.tsx';
import { clientInvoer } from '../fixtures/clients.ts';

const IK = '7d3f1c2a-0000-4000-8000-000000000001';
const CARLA = '7d3f1c2a-0000-4000-8000-000000000002';

let db: ArrangeurDB | null = null;
afterEach(async () => {
  await db?.delete();
  db = null;
});

/** A synced client (rev 3) whose huisarts Carla overwrote after me: one open conflict. */
async function metConflict(): Promise<{ d: ArrangeurDB; clientId: string; conflictId: string }> {
  const d = (db = openDb(`conflicten-${crypto.randomUUID()}`));
  const r = await saveClient(d, clientInvoer({ voornaam: 'Gerrit', achternaam: 'van Dijk' }), {
    updatedBy: IK,
  });
  if (!r.ok) throw new Error('seed');
  const clientId = r.client.id;
  await d.clients.update(clientId, { rev: 3, huisarts: 'Dokter Jansen' } as never);
  await d.outbox.clear();
  const conflict: ConflictRow = {
    id: crypto.randomUUID(),
    type: 'conflict',
    clientId,
    recordType: 'client',
    recordId: clientId,
    field: 'huisarts',
    overwrittenValue: 'Dokter de Vries',
    overwrittenBy: IK,
    overwrittenByNaam: 'Anja de Boer',
    overwrittenAt: '2026-11-23T09:05:00.000Z',
    winningValue: 'Dokter Jansen',
    winningBy: CARLA,
    winningByNaam: 'Carla Visser',
    winningAt: '2026-11-23T09:10:00.000Z',
    resolved: false,
    openstaand: 1,
    rev: 4,
    updatedAt: '2026-11-23T09:10:00.000Z',
    updatedBy: CARLA,
    deleted: false,
  };
  await d.conflicts.put(conflict);
  return { d, clientId, conflictId: conflict.id };
}

function renderScherm(d: ArrangeurDB) {
  render(
    <DbProvider db={d} userId={IK}>
      <ConflictsScreen />
    </DbProvider>,
  );
}

describe('conflicts screen', () => {
  it('shows the record, the field and both values in Dutch, with whose value is whose', async () => {
    const { d } = await metConflict();
    renderScherm(d);
    const kaart = await screen.findByTestId('conflict');
    expect(kaart).toHaveTextContent('Gegevens van de cliënt van Gerrit van Dijk: Huisarts');
    expect(kaart).toHaveTextContent(/Uw waarde, 23 november om \d\d:05/);
    expect(kaart).toHaveTextContent(/Waarde van Carla Visser, 23 november om \d\d:10/);
    expect(kaart).toHaveTextContent('Dokter de Vries');
    expect(kaart).toHaveTextContent('Dokter Jansen');
  });

  it('tells my earlier and my later value apart when I wrote both (two devices)', async () => {
    const { d, conflictId } = await metConflict();
    await d.conflicts.update(conflictId, { winningBy: IK, winningByNaam: 'Anja de Boer' });
    renderScherm(d);
    const kaart = await screen.findByTestId('conflict');
    expect(kaart).toHaveTextContent(/Uw eerdere waarde, 23 november om \d\d:05/);
    expect(kaart).toHaveTextContent(/Uw latere waarde, 23 november om \d\d:10/);
    expect(
      within(kaart).getByRole('button', { name: 'Kies uw eerdere waarde voor Huisarts' }),
    ).toBeInTheDocument();
  });

  it('choosing my value queues the field write and the resolution, in that order', async () => {
    const { d, clientId, conflictId } = await metConflict();
    renderScherm(d);
    const kaart = await screen.findByTestId('conflict');
    await userEvent.click(
      within(kaart).getByRole('button', { name: 'Kies uw waarde voor Huisarts' }),
    );
    expect(await screen.findByTestId('geen-conflicten')).toBeInTheDocument();
    const rijen = await d.outbox.orderBy('seq').toArray();
    expect(rijen.map((r) => [r.recordType, r.recordId, r.fields])).toEqual([
      ['client', clientId, { huisarts: 'Dokter de Vries' }],
      ['conflict', conflictId, { resolved: true }],
    ]);
    expect(rijen[0]?.baseRev).toBe(3);
    expect((await d.clients.get(clientId))?.huisarts).toBe('Dokter de Vries');
    expect((await d.conflicts.get(conflictId))?.openstaand).toBe(0);
  });

  it("keeping Carla's value queues only the resolution and leaves the record as it is", async () => {
    const { d, clientId, conflictId } = await metConflict();
    renderScherm(d);
    const kaart = await screen.findByTestId('conflict');
    await userEvent.click(
      within(kaart).getByRole('button', {
        name: 'Kies de waarde van Carla Visser voor Huisarts',
      }),
    );
    await waitFor(async () => expect(await d.outbox.count()).toBe(1));
    const [rij] = await d.outbox.toArray();
    expect(rij).toMatchObject({ recordType: 'conflict', recordId: conflictId });
    expect(rij?.fields).toEqual({ resolved: true });
    expect((await d.clients.get(clientId))?.huisarts).toBe('Dokter Jansen');
  });

  it('lists refused changes with the reason and puts one back on "Opnieuw proberen"', async () => {
    const d = (db = openDb(`geweigerd-${crypto.randomUUID()}`));
    const r = await saveClient(d, clientInvoer(), { updatedBy: IK });
    if (!r.ok) throw new Error('seed');
    const [rij] = await d.outbox.toArray();
    await d.outbox.put({
      ...rij!,
      status: 'rejected',
      rejectReason: 'Deze wijziging is niet verwerkt: u heeft geen toegang (meer) tot deze cliënt.',
      rejectCode: 'forbidden',
    });
    renderScherm(d);
    const geweigerd = await screen.findByTestId('geweigerd');
    expect(geweigerd).toHaveTextContent('u heeft geen toegang (meer) tot deze cliënt');
    await userEvent.click(within(geweigerd).getByRole('button', { name: 'Opnieuw proberen' }));
    await waitFor(async () => expect((await d.outbox.get(rij!.seq!))?.status).toBe('pending'));
    expect(await screen.findByText('Er zijn geen geweigerde wijzigingen.')).toBeInTheDocument();
  });
});
