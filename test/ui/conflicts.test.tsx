import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type ArrangeurDB, type ConflictRow } from '../../src/storage/db.ts';
import { setMeta } from '../../src/storage/meta.ts';
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
    expect(kaart).toHaveTextContent(/Door u, ingevuld op 23 november om \d\d:05/);
    expect(kaart).toHaveTextContent(/Door Carla Visser, ingevuld op 23 november om \d\d:10/);
    expect(kaart).toHaveTextContent('Dokter de Vries');
    expect(kaart).toHaveTextContent('Dokter Jansen');
  });

  it('says which device typed each value and when, consistently (issue 11, point 4)', async () => {
    // The case seen: the value the server applied later was typed earlier (09:19, this tablet),
    // the overwritten one later (09:20, her other tablet). No "eerdere"/"latere" to contradict.
    const { d, conflictId } = await metConflict();
    await setMeta(d, 'deviceId', 'tablet-a');
    await d.conflicts.update(conflictId, {
      winningBy: IK,
      winningByNaam: 'Anja de Boer',
      winningAt: '2026-11-23T09:19:00.000Z',
      winningDevice: 'tablet-a',
      overwrittenAt: '2026-11-23T09:20:00.000Z',
      overwrittenDevice: 'tablet-b',
    });
    renderScherm(d);
    const kaart = await screen.findByTestId('conflict');
    await waitFor(() =>
      expect(kaart).toHaveTextContent(/Op dit apparaat, ingevuld op 23 november om \d\d:19/),
    );
    expect(kaart).toHaveTextContent(
      /Door u op een ander apparaat, ingevuld op 23 november om \d\d:20/,
    );
    expect(kaart).not.toHaveTextContent(/eerdere|latere/);
    // Oldest first: the headings read in the order the values were typed.
    const koppen = within(kaart).getAllByRole('heading', { level: 4 });
    expect(koppen.map((k) => k.textContent)).toEqual([
      expect.stringMatching(/^Op dit apparaat/),
      expect.stringMatching(/^Door u op een ander apparaat/),
    ]);
    expect(
      within(kaart).getByRole('button', { name: 'Kies de waarde van dit apparaat voor Huisarts' }),
    ).toBeInTheDocument();
    expect(
      within(kaart).getByRole('button', {
        name: 'Kies de waarde van uw andere apparaat voor Huisarts',
      }),
    ).toBeInTheDocument();
  });

  it('tells two values of hers apart by time when the devices are not known', async () => {
    const { d, conflictId } = await metConflict();
    await d.conflicts.update(conflictId, { winningBy: IK, winningByNaam: 'Anja de Boer' });
    renderScherm(d);
    const kaart = await screen.findByTestId('conflict');
    expect(kaart).toHaveTextContent(/Door u, ingevuld op 23 november om \d\d:05/);
    expect(kaart).toHaveTextContent(/Door u, ingevuld op 23 november om \d\d:10/);
    expect(
      within(kaart).getByRole('button', {
        name: /^Kies uw waarde van 23 november om \d\d:05 voor Huisarts$/,
      }),
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
