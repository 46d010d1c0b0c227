/**
 * The beheer screens against a fake API (issue 14): moving a client assigns the new arrangeur
 * first and then removes the old one; ending a review share sends `delen: false`; ending sessions
 * and a new start password call their routes and show the password once; a 409 on a username
 * shows a Dutch message.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { BeheerClient, BeheerGebruiker } from '../../src/domain/beheer/api.ts';
import type { FetchFn } from '../../src/sync/client/http.ts';
import { CaseloadsScreen, GebruikersScreen } from '../../src/ui/features/beheer/index.ts';

vi.setConfig({ testTimeout: 20_000 });

const id = () => crypto.randomUUID();
const gebruiker = (over: Partial<BeheerGebruiker>): BeheerGebruiker => ({
  id: id(),
  gebruikersnaam: 'x',
  naam: 'X',
  rol: 'arrangeur',
  actief: true,
  aangemaaktOp: '2026-01-01T00:00:00.000Z',
  caseload: [],
  reviewClienten: [],
  laatsteLogin: null,
  actieveSessies: 0,
  laatstActief: null,
  moetWachtwoordWijzigen: false,
  ...over,
});

interface Aanroep {
  method: string;
  path: string;
  body: unknown;
}

function fakeServer(gebruikers: BeheerGebruiker[], clienten: BeheerClient[]) {
  const aanroepen: Aanroep[] = [];
  const fetchFn: FetchFn = async (input, init) => {
    const url = new URL(input, 'http://localhost');
    const method = init?.method ?? 'GET';
    const body: unknown = init?.body ? JSON.parse(String(init.body)) : undefined;
    aanroepen.push({ method, path: url.pathname, body });
    if (url.pathname === '/api/beheer/gebruikers' && method === 'GET')
      return Response.json({ gebruikers });
    if (url.pathname === '/api/beheer/clienten') return Response.json({ clienten });
    if (url.pathname === '/api/beheer/gebruikers' && method === 'POST')
      return Response.json({ error: 'conflict' }, { status: 409 });
    if (url.pathname.endsWith('/wachtwoord'))
      return Response.json({ ingetrokken: 1, startwachtwoord: 'abcd-efgh-jkmn-pqrs' });
    if (url.pathname.endsWith('/intrekken')) return Response.json({ ingetrokken: 2 });
    return Response.json(body ?? {});
  };
  return { fetchFn, aanroepen };
}

describe('Caseloads', () => {
  it('moves a client: assign to the new arrangeur, then remove from the old one', async () => {
    const anja = gebruiker({ naam: 'Anja', gebruikersnaam: 'anja' });
    const bo = gebruiker({ naam: 'Bo', gebruikersnaam: 'bo' });
    const carla = gebruiker({ naam: 'Carla', gebruikersnaam: 'carla', rol: 'casemanager' });
    const client: BeheerClient = {
      id: id(),
      naam: 'Gerda Jansen',
      geboortedatum: '1941-03-12',
      caseload: [anja.id],
      historie: [{ gebruikerId: anja.id, van: '2026-01-01T00:00:00.000Z', tot: null }],
    };
    const gedeeld = { ...carla, reviewClienten: [client.id] };
    const { fetchFn, aanroepen } = fakeServer([anja, bo, gedeeld], [client]);
    render(<CaseloadsScreen fetch={fetchFn} />);
    const rij = await screen.findByText('Gerda Jansen (12 maart 1941)');
    const item = rij.closest('li')!;
    expect(within(item).getByText('In de caseload van Anja')).toBeTruthy();
    await userEvent.selectOptions(within(item).getByLabelText(/Verplaatsen naar/), 'Bo (bo)');
    await userEvent.click(within(item).getByRole('button', { name: /^Verplaatsen / }));
    await screen.findByText('Gerda Jansen staat nu in de caseload van Bo.');
    const puts = aanroepen.filter((a) => a.method === 'PUT');
    expect(puts.map((a) => a.body)).toEqual([
      { gebruikerId: bo.id, clientId: client.id, toewijzen: true },
      { gebruikerId: anja.id, clientId: client.id, toewijzen: false },
    ]);

    await userEvent.click(
      screen.getByRole('button', {
        name: 'Deling beëindigen: Gerda Jansen (12 maart 1941) met Carla',
      }),
    );
    await waitFor(() =>
      expect(aanroepen.filter((a) => a.path === '/api/beheer/review-deling')).toEqual([
        {
          method: 'PUT',
          path: '/api/beheer/review-deling',
          body: { casemanagerId: carla.id, clientId: client.id, delen: false },
        },
      ]),
    );
  });
});

describe('Gebruikers', () => {
  it('ends sessions, gives a new start password once, and words a taken username in Dutch', async () => {
    const nora = gebruiker({ naam: 'Nora', gebruikersnaam: 'nora', actieveSessies: 2 });
    const { fetchFn, aanroepen } = fakeServer([nora], []);
    render(<GebruikersScreen fetch={fetchFn} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Sessies beëindigen Nora' }));
    await screen.findByText('De sessies van Nora zijn beëindigd.');
    expect(
      aanroepen.some((a) => a.method === 'POST' && a.path.endsWith(`/${nora.id}/intrekken`)),
    ).toBe(true);

    await userEvent.click(screen.getByRole('button', { name: 'Nieuw wachtwoord Nora' }));
    await userEvent.click(screen.getByRole('button', { name: 'Ja, nieuw wachtwoord' }));
    const vak = await screen.findByRole('region', { name: 'Startwachtwoord voor Nora' });
    expect(vak.textContent).toContain('abcd-efgh-jkmn-pqrs');
    await userEvent.click(within(vak).getByRole('button', { name: 'Ik heb het doorgegeven' }));
    expect(screen.queryByText('abcd-efgh-jkmn-pqrs')).toBeNull();

    await userEvent.type(screen.getByLabelText('Naam'), 'Nora Twee');
    await userEvent.type(screen.getByLabelText('Gebruikersnaam'), 'nora');
    await userEvent.click(screen.getByRole('button', { name: 'Toevoegen' }));
    await screen.findByText('Deze gebruikersnaam bestaat al. Kies een andere.');
  });
});
