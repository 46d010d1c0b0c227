import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDb, type ArrangeurDB } from '../../src/storage/db.ts';
import { bewaarSessie } from '../../src/storage/sessie.ts';
import { App, type AppServices } from '../../src/ui/app/App.tsx';
import { DbProvider } from '../../src/ui/hooks/useDb.tsx';

let db: ArrangeurDB | null = null;
afterEach(async () => {
  await db?.delete();
  db = null;
  window.history.replaceState(null, '', '/');
});

/** The app with a local session (logged in on this device before). */
async function renderApp(services: AppServices, gebruiker = ANJA) {
  db = openDb(`shell-${crypto.randomUUID()}`);
  await bewaarSessie(db, gebruiker, '12345');
  return render(
    <DbProvider db={db}>
      <App services={services} />
    </DbProvider>,
  );
}

const ANJA = {
  id: '7d3f1c2a-0000-4000-8000-000000000001',
  gebruikersnaam: 'anja',
  naam: 'Anja de Boer',
  rol: 'arrangeur',
};

describe('app shell per role', () => {
  const noServices: AppServices = {
    connectivity: null,
    registerPwa: null,
    fetch: () => Promise.reject(new TypeError('offline')),
  };

  it('starts a coordinator on "Wie betaalt wat" with no client screens in her menu', async () => {
    await renderApp(noServices, { ...ANJA, naam: 'Cor', rol: 'coordinator' });
    // The coordinator screen's chunk takes a while to import in jsdom under load.
    expect(
      await screen.findByRole('heading', { name: /Wie betaalt wat/ }, { timeout: 10_000 }),
    ).toBeInTheDocument();
    const menu = screen.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(menu).toHaveTextContent('Tarieven');
    expect(menu).not.toHaveTextContent('Cliënten');
    expect(menu).not.toHaveTextContent('Sociale kaart');
  });

  it('sends a coordinator who opens a client screen by its path to her start screen', async () => {
    window.history.replaceState(null, '', '/clienten/nieuw');
    await renderApp(noServices, { ...ANJA, naam: 'Cor', rol: 'coordinator' });
    // The coordinator screen's chunk takes a while to import in jsdom under load.
    expect(
      await screen.findByRole('heading', { name: /Wie betaalt wat/ }, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(screen.queryByLabelText(/Achternaam/)).not.toBeInTheDocument();
  });

  it('starts a beheerder on the tariffs', async () => {
    await renderApp(noServices, { ...ANJA, naam: 'Bea', rol: 'beheerder' });
    expect(
      await screen.findByRole('heading', { name: /Tarieven/ }, { timeout: 10_000 }),
    ).toBeInTheDocument();
    const menu = screen.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(menu).not.toHaveTextContent('Wie betaalt wat');
    expect(menu).not.toHaveTextContent('Cliënten');
  });

  it('keeps the arrangeur on her caseload with the client menu', async () => {
    await renderApp(noServices);
    const menu = await screen.findByRole('navigation', { name: 'Hoofdmenu' });
    expect(menu).toHaveTextContent('Cliënten');
    expect(menu).not.toHaveTextContent('Wie betaalt wat');
    expect(menu).not.toHaveTextContent('Tarieven');
  });
});

describe('app shell', () => {
  it('registers the service worker before any login and offers updates on the login screen', async () => {
    db = openDb(`shell-${crypto.randomUUID()}`);
    const registerPwa = vi.fn((e: { onUpdateWaiting(): void }) => {
      setTimeout(() => e.onUpdateWaiting(), 0);
      return { applyUpdate: vi.fn() };
    });
    render(
      <DbProvider db={db}>
        <App services={{ connectivity: null, registerPwa }} />
      </DbProvider>,
    );
    expect(await screen.findByRole('button', { name: /Inloggen/ })).toBeInTheDocument();
    expect(registerPwa).toHaveBeenCalled();
    expect(await screen.findByTestId('update-banner')).toHaveTextContent('nieuwe versie');
  });

  it('offers a waiting update in Dutch and only applies it when the user says so', async () => {
    const applyUpdate = vi.fn();
    let events: { onUpdateWaiting(): void } | undefined;
    await renderApp({
      connectivity: null,
      registerPwa: (e) => {
        events = e;
        return { applyUpdate };
      },
    });
    expect(await screen.findByTestId('statusbalk')).toHaveTextContent('Anja de Boer');
    expect(screen.queryByTestId('update-banner')).not.toBeInTheDocument();
    events?.onUpdateWaiting();
    const banner = await screen.findByTestId('update-banner');
    expect(banner).toHaveTextContent('nieuwe versie');
    expect(applyUpdate).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: 'Later' }));
    expect(screen.queryByTestId('update-banner')).not.toBeInTheDocument();
    expect(applyUpdate).not.toHaveBeenCalled();

    events?.onUpdateWaiting();
    await userEvent.click(await screen.findByRole('button', { name: 'Nu vernieuwen' }));
    expect(applyUpdate).toHaveBeenCalledTimes(1);
  });

  it('navigates to "Over deze app" without putting record ids in the URL', async () => {
    await renderApp({ connectivity: null, registerPwa: null });
    await userEvent.click(await screen.findByRole('button', { name: 'Over deze app' }));
    expect(await screen.findByRole('heading', { name: 'Over deze app' })).toBeInTheDocument();
    expect(window.location.pathname).toBe('/over');
    await waitFor(() => expect(screen.getByTestId('opslag')).not.toHaveTextContent('bezig'));
  });

  it('shows offline state and the number of unsent changes', async () => {
    const listeners = new Set<(s: 'online' | 'offline') => void>();
    await renderApp({
      registerPwa: null,
      connectivity: {
        current: () => 'offline',
        subscribe: (l) => {
          listeners.add(l);
          return () => listeners.delete(l);
        },
        check: async () => 'offline',
        stop: () => undefined,
      },
    });
    expect(await screen.findByTestId('statusbalk')).toHaveTextContent('Offline');
    expect(await screen.findByTestId('wachtrij')).toHaveTextContent(
      'Alles is op dit apparaat opgeslagen',
    );
  });
});
