import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDb, type ArrangeurDB, type OutboxRow } from '../../src/storage/db.ts';
import {
  bewaarSessie,
  leesSessie,
  PIN_ITERATIES,
  SESSIE_KEY,
  vergrendel,
} from '../../src/storage/sessie.ts';
import type { SyncEngine, SyncStatus } from '../../src/sync/client/engine.ts';
import type { ConnectivityWatcher } from '../../src/sync/client/connectivity.ts';
import type { FetchFn } from '../../src/sync/client/http.ts';
import { App, type AppServices } from '../../src/ui/app/App.tsx';
import { DbProvider } from '../../src/ui/hooks/useDb.tsx';

const ANJA = {
  id: '7d3f1c2a-0000-4000-8000-000000000001',
  gebruikersnaam: 'anja',
  naam: 'Anja de Boer',
  rol: 'arrangeur',
};

let db: ArrangeurDB | null = null;
afterEach(async () => {
  await db?.delete();
  db = null;
  window.history.replaceState(null, '', '/');
});

function online(): ConnectivityWatcher {
  return {
    current: () => 'online',
    subscribe: () => () => undefined,
    check: async () => 'online',
    stop: () => undefined,
  };
}

function nepEngine() {
  const status: SyncStatus = {
    online: true,
    wachtend: 0,
    geweigerd: 0,
    conflicten: 0,
    laatsteSync: null,
    fout: null,
    bezig: false,
  };
  const engine: SyncEngine = {
    start: vi.fn(),
    stop: vi.fn(async () => undefined),
    syncNow: vi.fn(async () => ({
      ok: true,
      pushed: { applied: 0, duplicate: 0, rejected: 0 },
      pulled: 0,
      overgeslagen: [],
      error: null,
    })),
    retryRejected: vi.fn(async () => true),
    status: () => status,
    subscribe: () => () => undefined,
  };
  return engine;
}

function renderApp(extra: Partial<AppServices> = {}) {
  const engine = nepEngine();
  const services: AppServices = {
    connectivity: online(),
    registerPwa: null,
    sync: { engine: async () => engine },
    ...extra,
  };
  render(
    <DbProvider db={db!}>
      <App services={services} />
    </DbProvider>,
  );
  return { engine };
}

function nieuweDb(): ArrangeurDB {
  db = openDb(`sessie-${crypto.randomUUID()}`);
  return db;
}

async function zetInWachtrij(d: ArrangeurDB, n: number) {
  for (let i = 0; i < n; i++) {
    await d.outbox.add({
      mutationId: crypto.randomUUID(),
      deviceId: 'apparaat',
      recordType: 'client',
      recordId: crypto.randomUUID(),
      clientId: null,
      fields: { voornaam: `Naam ${i}` },
      createdAt: new Date().toISOString(),
      op: 'update',
      status: 'pending',
    } as unknown as OutboxRow);
  }
}

const veld = (label: string) => screen.getByLabelText(label);

/** The last step of a login: the PIN for this device. */
async function kiesPin(pin: string) {
  await screen.findByRole('heading', { name: 'Kies uw pincode' }, { timeout: 5000 });
  await userEvent.type(veld('Kies een pincode van 5 cijfers'), pin);
  await userEvent.type(veld('Typ de pincode nog een keer'), pin);
  await userEvent.click(screen.getByRole('button', { name: 'Pincode opslaan' }));
}

describe('login', () => {
  it('says in Dutch what is missing, without calling the server; the login form has no PIN', async () => {
    nieuweDb();
    const fetch = vi.fn();
    renderApp({ fetch });
    await userEvent.click(await screen.findByRole('button', { name: 'Inloggen' }));
    expect(screen.getByText('Vul uw gebruikersnaam in.')).toBeInTheDocument();
    expect(screen.getByText('Vul uw wachtwoord in.')).toBeInTheDocument();
    expect(screen.queryByLabelText('Kies een pincode van 5 cijfers')).toBeNull();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('asks the PIN after the password, checks it in Dutch, and keeps the session only then', async () => {
    const d = nieuweDb();
    const fetch = vi.fn(
      async () =>
        new Response(JSON.stringify({ gebruiker: ANJA, verlooptOp: '2026-12-01T00:00:00Z' }), {
          status: 200,
        }),
    );
    renderApp({ fetch });
    await userEvent.type(await screen.findByLabelText('Gebruikersnaam'), 'anja');
    await userEvent.type(veld('Wachtwoord'), 'demo-anja-2026');
    await userEvent.click(screen.getByRole('button', { name: 'Inloggen' }));
    const kop = await screen.findByRole('heading', { name: 'Kies uw pincode' });
    await waitFor(() => expect(kop).toHaveFocus());
    expect(await leesSessie(d)).toBeNull();

    await userEvent.type(veld('Kies een pincode van 5 cijfers'), '12');
    await userEvent.click(screen.getByRole('button', { name: 'Pincode opslaan' }));
    expect(screen.getByText('Kies een pincode van precies 5 cijfers.')).toBeInTheDocument();
    await userEvent.clear(veld('Kies een pincode van 5 cijfers'));
    await userEvent.type(veld('Kies een pincode van 5 cijfers'), '12345');
    await userEvent.type(veld('Typ de pincode nog een keer'), '12346');
    await userEvent.click(screen.getByRole('button', { name: 'Pincode opslaan' }));
    expect(
      await screen.findByText('De twee pincodes zijn niet gelijk. Typ ze allebei opnieuw.'),
    ).toBeInTheDocument();
    expect(veld('Kies een pincode van 5 cijfers')).toHaveValue('');
    expect(veld('Kies een pincode van 5 cijfers')).toHaveAttribute('inputmode', 'numeric');
    expect(await leesSessie(d)).toBeNull();
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('a start password: her own password first, the PIN only after it (issue 14.4)', async () => {
    const d = nieuweDb();
    const fetch = vi.fn(async (url: string) =>
      url.endsWith('/api/auth/login')
        ? new Response(
            JSON.stringify({
              gebruiker: ANJA,
              verlooptOp: '2026-12-01T00:00:00Z',
              vereist: ['wachtwoord'],
            }),
            { status: 200 },
          )
        : new Response(JSON.stringify({ vereist: [] }), { status: 200 }),
    );
    renderApp({ fetch });
    await userEvent.type(await screen.findByLabelText('Gebruikersnaam'), 'anja');
    await userEvent.type(veld('Wachtwoord'), 'start-wachtwoord');
    await userEvent.click(screen.getByRole('button', { name: 'Inloggen' }));
    expect(
      await screen.findByRole('heading', { name: 'Kies uw eigen wachtwoord' }),
    ).toBeInTheDocument();
    expect(screen.queryByLabelText('Kies een pincode van 5 cijfers')).toBeNull();
    await userEvent.type(screen.getByLabelText('Nieuw wachtwoord'), 'zomer-kano-boterham');
    await userEvent.type(veld('Typ het nieuwe wachtwoord nog een keer'), 'zomer-kano-boterham');
    await userEvent.click(screen.getByRole('button', { name: 'Wachtwoord opslaan' }));
    expect(await screen.findByRole('heading', { name: 'Kies uw pincode' })).toBeInTheDocument();
    expect(await leesSessie(d)).toBeNull();
    await userEvent.type(veld('Kies een pincode van 5 cijfers'), '24680');
    await userEvent.type(veld('Typ de pincode nog een keer'), '24680');
    await userEvent.click(screen.getByRole('button', { name: 'Pincode opslaan' }));
    expect(await screen.findByTestId('gebruiker', {}, { timeout: 5000 })).toHaveTextContent(
      'Anja de Boer',
    );
    expect((await leesSessie(d))?.gebruiker.id).toBe(ANJA.id);
    expect(fetch.mock.calls.map((c) => String(c[0]))).toEqual([
      '/api/auth/login',
      '/api/auth/start/wachtwoord',
    ]);
  });

  it('shows the server refusing the password in Dutch and keeps no session', async () => {
    const d = nieuweDb();
    const fetch = vi.fn(
      async () => new Response('{"error":"invalid_credentials"}', { status: 401 }),
    );
    renderApp({ fetch });
    await userEvent.type(await screen.findByLabelText('Gebruikersnaam'), 'anja');
    await userEvent.type(veld('Wachtwoord'), 'fout');
    await userEvent.click(screen.getByRole('button', { name: 'Inloggen' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'De gebruikersnaam of het wachtwoord klopt niet.',
    );
    expect(await leesSessie(d)).toBeNull();
  });

  it('says in Dutch how long to wait after too many tries (429 + Retry-After)', async () => {
    const d = nieuweDb();
    const fetch = vi.fn(
      async () =>
        new Response('{"error":"too_many_attempts"}', {
          status: 429,
          headers: { 'retry-after': '600' },
        }),
    );
    renderApp({ fetch });
    await userEvent.type(await screen.findByLabelText('Gebruikersnaam'), 'anja');
    await userEvent.type(veld('Wachtwoord'), 'fout');
    await userEvent.click(screen.getByRole('button', { name: 'Inloggen' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Te veel pogingen. Probeer het over 10 minuten opnieuw.',
    );
    expect(await leesSessie(d)).toBeNull();
  });

  it('logs in online, keeps only a PBKDF2 hash of the PIN, never sends it, and syncs', async () => {
    const d = nieuweDb();
    const fetch = vi.fn(
      async (_url: string, _init?: RequestInit) =>
        new Response(JSON.stringify({ gebruiker: ANJA, verlooptOp: '2026-12-01T00:00:00Z' }), {
          status: 200,
          headers: { 'content-type': 'application/json' },
        }),
    );
    const { engine } = renderApp({ fetch });
    await userEvent.type(await screen.findByLabelText('Gebruikersnaam'), 'anja');
    await userEvent.type(veld('Wachtwoord'), 'demo-anja-2026');
    await userEvent.click(screen.getByRole('button', { name: 'Inloggen' }));
    await kiesPin('24680');
    expect(await screen.findByTestId('gebruiker', {}, { timeout: 5000 })).toHaveTextContent(
      'Anja de Boer',
    );
    await waitFor(() => expect(engine.syncNow).toHaveBeenCalled());
    expect(engine.start).toHaveBeenCalled();

    const body = String(fetch.mock.calls[0]![1]!.body);
    expect(body).not.toContain('24680');
    const opgeslagen = JSON.stringify((await d.meta.get(SESSIE_KEY))?.value);
    expect(opgeslagen).not.toContain('24680');
    expect(opgeslagen).not.toContain('demo-anja-2026');
    expect((await leesSessie(d))?.iteraties).toBeGreaterThanOrEqual(100_000);
  });
});

describe('shared tablet: another user logs in', () => {
  async function logInAlsAnja(fetch: FetchFn) {
    renderApp({ fetch });
    await userEvent.type(await screen.findByLabelText('Gebruikersnaam'), 'anja');
    await userEvent.type(veld('Wachtwoord'), 'demo-anja-2026');
    await userEvent.click(screen.getByRole('button', { name: 'Inloggen' }));
  }
  const loginFetch = () =>
    vi.fn(async (url: string) =>
      url.endsWith('/logout')
        ? new Response(null, { status: 204 })
        : new Response(JSON.stringify({ gebruiker: ANJA, verlooptOp: '2026-12-01T00:00:00Z' }), {
            status: 200,
          }),
    );

  it("is refused while the previous user's changes are unsent; nothing is thrown away", async () => {
    const d = nieuweDb();
    await bewaarSessie(d, { ...ANJA, id: crypto.randomUUID(), naam: 'Carla Visser' }, '11111', {
      iteraties: 100_000,
    });
    await d.meta.delete(SESSIE_KEY);
    await zetInWachtrij(d, 2);
    const fetch = loginFetch();
    await logInAlsAnja(fetch);
    expect(await screen.findByRole('alert', {}, { timeout: 5000 })).toHaveTextContent(
      'Op dit apparaat staan nog 2 wijzigingen van Carla Visser',
    );
    expect(fetch).toHaveBeenCalledWith('/api/auth/logout', expect.anything());
    expect(await leesSessie(d)).toBeNull();
    expect(await d.outbox.count()).toBe(2);
  });

  it("removes the previous user's records (nothing unsent) before the new session opens", async () => {
    const d = nieuweDb();
    await bewaarSessie(d, { ...ANJA, id: crypto.randomUUID(), naam: 'Carla Visser' }, '11111', {
      iteraties: 100_000,
    });
    await d.meta.delete(SESSIE_KEY);
    await d.clients.put({ id: crypto.randomUUID(), voornaam: 'X' } as never);
    await logInAlsAnja(loginFetch());
    await kiesPin('24680');
    expect(await screen.findByTestId('gebruiker', {}, { timeout: 5000 })).toHaveTextContent(
      'Anja de Boer',
    );
    expect(await d.clients.count()).toBe(0);
  });
});

describe('lock', () => {
  it('locks after the idle time and opens again with the right PIN', async () => {
    const d = nieuweDb();
    await bewaarSessie(d, ANJA, '24680', { iteraties: 100_000 });
    renderApp({ idleMs: 100 });
    expect(await screen.findByTestId('gebruiker')).toBeInTheDocument();
    expect(
      await screen.findByRole('heading', { name: 'De app is op slot' }, { timeout: 3000 }),
    ).toBeInTheDocument();
    await userEvent.type(veld('Pincode (5 cijfers)'), '24680');
    await userEvent.click(screen.getByRole('button', { name: 'Openen' }));
    expect(await screen.findByTestId('gebruiker', {}, { timeout: 5000 })).toBeInTheDocument();
  });

  it('closes the session after 5 wrong PINs and keeps records and unsent changes', async () => {
    const d = nieuweDb();
    await bewaarSessie(d, ANJA, '24680', { iteraties: PIN_ITERATIES });
    await vergrendel(d);
    await zetInWachtrij(d, 3);
    renderApp();
    await screen.findByRole('heading', { name: 'De app is op slot' });
    for (let i = 1; i <= 4; i++) {
      await userEvent.type(veld('Pincode (5 cijfers)'), '11111');
      await userEvent.click(screen.getByRole('button', { name: 'Openen' }));
      expect(
        await screen.findByText(new RegExp(`nog ${5 - i} keer proberen`), {}, { timeout: 5000 }),
      ).toBeInTheDocument();
    }
    await userEvent.type(veld('Pincode (5 cijfers)'), '11111');
    await userEvent.click(screen.getByRole('button', { name: 'Openen' }));
    expect(
      await screen.findByRole('heading', { name: 'Inloggen' }, { timeout: 5000 }),
    ).toBeInTheDocument();
    expect(await leesSessie(d)).toBeNull();
    expect(await d.outbox.count()).toBe(3);
  });
});

describe('logout', () => {
  it('warns with the count and keeps the unsent changes by default', async () => {
    const d = nieuweDb();
    await bewaarSessie(d, ANJA, '24680', { iteraties: 100_000 });
    await zetInWachtrij(d, 2);
    const fetch = vi.fn(async () => new Response(null, { status: 204 }));
    const { engine } = renderApp({ fetch });
    await userEvent.click(await screen.findByRole('button', { name: 'Uitloggen' }));
    expect(await screen.findByTestId('uitlog-status')).toHaveTextContent(
      'Let op: 2 wijzigingen zijn nog niet naar de server verstuurd.',
    );
    expect(screen.getByRole('button', { name: 'Eerst synchroniseren' })).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', {
        name: 'Toch uitloggen en wijzigingen bewaren op dit apparaat',
      }),
    );
    expect(await screen.findByRole('heading', { name: 'Inloggen' })).toBeInTheDocument();
    expect(engine.stop).toHaveBeenCalled();
    expect(fetch).toHaveBeenCalledWith(
      '/api/auth/logout',
      expect.objectContaining({ method: 'POST' }),
    );
    expect(await d.outbox.count()).toBe(2);
    expect(await leesSessie(d)).toBeNull();
  });

  it('throws changes away only after the count was shown and a second yes', async () => {
    const d = nieuweDb();
    await bewaarSessie(d, ANJA, '24680', { iteraties: 100_000 });
    await zetInWachtrij(d, 2);
    renderApp({ fetch: vi.fn(async () => new Response(null, { status: 204 })) });
    await userEvent.click(await screen.findByRole('button', { name: 'Uitloggen' }));
    await userEvent.click(
      await screen.findByRole('button', { name: 'Uitloggen en 2 wijzigingen weggooien' }),
    );
    expect(await d.outbox.count()).toBe(2);
    expect(screen.getByRole('alertdialog')).toHaveTextContent('voorgoed verloren');
    await userEvent.click(screen.getByRole('button', { name: 'Nee, terug' }));
    expect(await d.outbox.count()).toBe(2);

    await userEvent.click(
      screen.getByRole('button', { name: 'Uitloggen en 2 wijzigingen weggooien' }),
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Ja, 2 wijzigingen weggooien en uitloggen' }),
    );
    expect(await screen.findByRole('heading', { name: 'Inloggen' })).toBeInTheDocument();
    expect(await d.outbox.count()).toBe(0);
  });
});
