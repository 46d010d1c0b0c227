import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import { tariefSchema, type Tarief } from '../../src/domain/kosten/model.ts';
import type { FetchFn } from '../../src/sync/client/http.ts';
import { TarievenScreen } from '../../src/ui/features/tarieven/index.ts';

vi.setConfig({ testTimeout: 20_000 });

const tarief = (over: Partial<z.input<typeof tariefSchema>>): Tarief =>
  tariefSchema.parse({
    id: crypto.randomUUID(),
    inzetCode: 'PV-ADL',
    domein: 'Zvw',
    financierCode: null,
    bedrag: 60,
    geldigVan: '2026-01-01',
    volumeEenheid: 'uur',
    demo: true,
    bijgewerktOp: '2026-01-01T00:00:00.000Z',
    ...over,
  });

function startTarieven(): Tarief[] {
  return [
    tarief({ id: 'adl-oud', bedrag: 55, geldigVan: '2025-01-01', geldigTot: '2025-12-31' }),
    tarief({ id: 'adl-nu', bedrag: 60, geldigVan: '2026-01-01' }),
    tarief({
      id: 'db-utrecht',
      inzetCode: 'DB-OUDEREN',
      domein: 'Wmo',
      financierCode: 'GM0344',
      bedrag: 45.5,
      volumeEenheid: 'dagdeel',
      demo: false,
    }),
  ];
}

interface Aanroep {
  method: string;
  path: string;
  body: unknown;
}

/** A fake tariffs API keeping to the contract (409 when geldigVan is not after the last row). */
function fakeServer(opties: { fout?: (a: Aanroep) => Response | undefined } = {}) {
  let tarieven = startTarieven();
  const aanroepen: Aanroep[] = [];
  const fetchFn: FetchFn = async (input, init) => {
    const url = new URL(input, 'http://localhost');
    const method = init?.method ?? 'GET';
    const body: unknown = init?.body ? JSON.parse(String(init.body)) : undefined;
    const a = { method, path: url.pathname, body };
    aanroepen.push(a);
    const fout = opties.fout?.(a);
    if (fout) return fout;
    if (method === 'GET' && url.pathname === '/api/tarieven') return Response.json({ tarieven });
    if (method === 'POST' && url.pathname === '/api/beheer/tarieven') {
      const b = body as Tarief;
      const vorige = tarieven.find(
        (t) =>
          t.inzetCode === b.inzetCode &&
          t.domein === b.domein &&
          t.financierCode === b.financierCode &&
          !t.geldigTot,
      );
      if (vorige && b.geldigVan <= vorige.geldigVan)
        return Response.json({ error: 'conflict', message: 'later' }, { status: 409 });
      const nieuw = tarief({
        ...b,
        id: crypto.randomUUID(),
        demo: false,
        volumeEenheid: vorige?.volumeEenheid ?? 'uur',
      });
      tarieven = [
        ...tarieven.map((t) => (t === vorige ? tarief({ ...t, geldigTot: '2026-12-31' }) : t)),
        nieuw,
      ];
      return Response.json({ tarief: nieuw }, { status: 201 });
    }
    if (method === 'DELETE') {
      const id = url.pathname.split('/').at(-1);
      tarieven = tarieven.filter((t) => t.id !== id);
      return new Response(null, { status: 204 });
    }
    return new Response('{}', { status: 404 });
  };
  return { fetchFn, aanroepen };
}

const plat = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

async function rijen(): Promise<string[]> {
  const tabel = await screen.findByRole('table');
  return within(tabel)
    .getAllByRole('row')
    .slice(1)
    .map((r) => plat(r.textContent));
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('TarievenScreen', () => {
  it('shows every tariff with its catalog label, financier, amount, dates and a demo badge (read-only)', async () => {
    const { fetchFn } = fakeServer();
    render(<TarievenScreen fetch={fetchFn} magBewerken={false} />);

    const r = await rijen();
    expect(r).toEqual([
      'Dagbesteding ouderenWmoGemeente Utrecht€ 45,50 per dagdeelvanaf 1 januari 2026',
      'Persoonlijke verzorging (wassen, aankleden, toilet)ZvwAlle (standaard Zvw)€ 60,00 per uurDemovanaf 1 januari 2026',
      'Persoonlijke verzorging (wassen, aankleden, toilet)ZvwAlle (standaard Zvw)€ 55,00 per uurDemovanaf 1 januari 2025 tot en met 31 december 2025',
    ]);
    expect(screen.getByRole('note')).toHaveTextContent('voorbeeldbedragen');
    expect(
      screen.getByText('U kunt de tarieven hier alleen bekijken.', { exact: false }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Nieuw tarief/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /Verwijder/ })).toBeNull();
  });

  it('filters by domain and by search text', async () => {
    const { fetchFn } = fakeServer();
    const user = userEvent.setup();
    render(<TarievenScreen fetch={fetchFn} magBewerken={false} />);
    await rijen();

    await user.selectOptions(screen.getByLabelText('Domein'), 'Wmo');
    expect(await rijen()).toHaveLength(1);
    await user.selectOptions(screen.getByLabelText('Domein'), '');
    await user.type(screen.getByLabelText('Zoek op inzet of financier'), 'verzorging');
    expect((await rijen()).every((r) => r.startsWith('Persoonlijke verzorging'))).toBe(true);
    await user.click(screen.getByLabelText('Verberg oude tarieven'));
    expect(await rijen()).toHaveLength(1);
  });

  it('refuses a negative amount in Dutch and posts nothing', async () => {
    const { fetchFn, aanroepen } = fakeServer();
    const user = userEvent.setup();
    render(<TarievenScreen fetch={fetchFn} magBewerken />);
    await rijen();

    // Only the latest row of a key has the buttons.
    expect(screen.getAllByRole('button', { name: /Nieuw tarief vanaf datum/ })).toHaveLength(2);
    await user.click(
      screen.getByRole('button', { name: /Nieuw tarief vanaf datum voor Persoonlijke verzorging/ }),
    );
    const bedrag = screen.getByLabelText('Nieuw bedrag in euro per uur');
    await user.clear(bedrag);
    await user.type(bedrag, '-5');
    await user.clear(screen.getByLabelText('Geldig vanaf'));
    await user.type(screen.getByLabelText('Geldig vanaf'), '2027-01-01');
    await user.click(screen.getByRole('button', { name: 'Tarief opslaan' }));

    expect(await screen.findByText('Een tarief is niet negatief.')).toBeInTheDocument();
    expect(bedrag).toHaveAttribute('aria-invalid', 'true');
    expect(aanroepen.filter((a) => a.method === 'POST')).toHaveLength(0);

    // A date not after the current price is refused before the server is asked, too.
    await user.clear(bedrag);
    await user.type(bedrag, '62,5');
    await user.clear(screen.getByLabelText('Geldig vanaf'));
    await user.type(screen.getByLabelText('Geldig vanaf'), '2025-06-01');
    await user.click(screen.getByRole('button', { name: 'Tarief opslaan' }));
    expect(await screen.findByText(/Kies een datum na 1 januari 2026/)).toBeInTheDocument();
    expect(aanroepen.filter((a) => a.method === 'POST')).toHaveLength(0);
  });

  it('adds a new price from a date (Dutch decimal comma) and shows it', async () => {
    const { fetchFn, aanroepen } = fakeServer();
    const user = userEvent.setup();
    render(<TarievenScreen fetch={fetchFn} magBewerken />);
    await rijen();

    await user.click(
      screen.getByRole('button', { name: /Nieuw tarief vanaf datum voor Persoonlijke verzorging/ }),
    );
    const bedrag = screen.getByLabelText('Nieuw bedrag in euro per uur');
    expect(bedrag).toHaveValue('60,00');
    await user.clear(bedrag);
    await user.type(bedrag, '62,75');
    await user.clear(screen.getByLabelText('Geldig vanaf'));
    await user.type(screen.getByLabelText('Geldig vanaf'), '2027-01-01');
    await user.click(screen.getByRole('button', { name: 'Tarief opslaan' }));

    await screen.findByText(/Nieuw tarief opgeslagen: € 62,75 per uur vanaf 1 januari 2027/);
    const post = aanroepen.find((a) => a.method === 'POST')!;
    expect(post.path).toBe('/api/beheer/tarieven');
    expect(post.body).toEqual({
      inzetCode: 'PV-ADL',
      domein: 'Zvw',
      financierCode: null,
      bedrag: 62.75,
      geldigVan: '2027-01-01',
    });
    await waitFor(async () =>
      expect(await rijen()).toContain(
        'Persoonlijke verzorging (wassen, aankleden, toilet)ZvwAlle (standaard Zvw)€ 62,75 per uurvanaf 1 januari 2027Nieuw tarief vanaf datum voor Persoonlijke verzorging (wassen, aankleden, toilet), ZvwVerwijder laatste tarief voor Persoonlijke verzorging (wassen, aankleden, toilet), Zvw',
      ),
    );
  });

  it("adds one financier's own price for a new row", async () => {
    const { fetchFn, aanroepen } = fakeServer();
    const user = userEvent.setup();
    render(<TarievenScreen fetch={fetchFn} magBewerken />);
    await rijen();
    await user.click(screen.getByRole('button', { name: 'Tarief voor een nieuwe rij' }));
    const form = screen.getByRole('form', { name: 'Tarief voor een nieuwe rij' });
    await user.click(within(form).getByRole('button', { name: 'Tarief opslaan' }));
    expect(await within(form).findByText('Kies een soort inzet.')).toBeInTheDocument();
    expect(within(form).getByText('Vul een bedrag in.')).toBeInTheDocument();

    await user.selectOptions(within(form).getByLabelText('Soort inzet'), 'VP-WONDZORG');
    await user.selectOptions(within(form).getByLabelText('Domein'), 'Zvw');
    await user.selectOptions(within(form).getByLabelText(/^Financier/), '7095');
    await user.type(within(form).getByLabelText(/^Bedrag in euro/), '58,1');
    await user.clear(within(form).getByLabelText('Geldig vanaf'));
    await user.type(within(form).getByLabelText('Geldig vanaf'), '2027-02-01');
    await user.click(within(form).getByRole('button', { name: 'Tarief opslaan' }));

    await screen.findByText(/Nieuw tarief opgeslagen: Wondzorg/);
    expect(aanroepen.find((a) => a.method === 'POST')?.body).toEqual({
      inzetCode: 'VP-WONDZORG',
      domein: 'Zvw',
      financierCode: '7095',
      bedrag: 58.1,
      geldigVan: '2027-02-01',
    });
  });

  it('shows the server 409 on the date field in Dutch', async () => {
    const { fetchFn } = fakeServer({
      fout: (a) =>
        a.method === 'POST' ? Response.json({ error: 'conflict' }, { status: 409 }) : undefined,
    });
    const user = userEvent.setup();
    render(<TarievenScreen fetch={fetchFn} magBewerken />);
    await rijen();
    await user.click(
      screen.getByRole('button', { name: /Nieuw tarief vanaf datum voor Dagbesteding/ }),
    );
    await user.clear(screen.getByLabelText('Geldig vanaf'));
    await user.type(screen.getByLabelText('Geldig vanaf'), '2027-03-01');
    await user.click(screen.getByRole('button', { name: 'Tarief opslaan' }));
    const datum = screen.getByLabelText('Geldig vanaf');
    await waitFor(() => expect(datum).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByText('Er is al een tarief vanaf die datum of later.')).toBeInTheDocument();
  });

  it('removes the latest tariff after a confirmation', async () => {
    const { fetchFn, aanroepen } = fakeServer();
    const user = userEvent.setup();
    render(<TarievenScreen fetch={fetchFn} magBewerken />);
    await rijen();
    await user.click(
      screen.getByRole('button', { name: /Verwijder laatste tarief voor Dagbesteding/ }),
    );
    await user.click(screen.getByRole('button', { name: 'Ja, verwijder' }));
    await screen.findByText(/voor Dagbesteding ouderen is verwijderd/);
    const del = aanroepen.find((a) => a.method === 'DELETE')!;
    expect(del.path).toBe('/api/beheer/tarieven/db-utrecht');
    await waitFor(async () => expect(await rijen()).toHaveLength(2));
  });

  it('shows a refused change in Dutch', async () => {
    const { fetchFn } = fakeServer({
      fout: (a) => (a.method === 'DELETE' ? new Response('{}', { status: 403 }) : undefined),
    });
    const user = userEvent.setup();
    render(<TarievenScreen fetch={fetchFn} magBewerken />);
    await rijen();
    await user.click(
      screen.getByRole('button', { name: /Verwijder laatste tarief voor Dagbesteding/ }),
    );
    await user.click(screen.getByRole('button', { name: 'Ja, verwijder' }));
    expect(await screen.findByText('U mag dit niet doen met uw account.')).toBeInTheDocument();
  });

  it('shows a failing list as a server fault with a retry', async () => {
    let keer = 0;
    const { fetchFn } = fakeServer({
      fout: (a) =>
        a.method === 'GET' && keer++ === 0 ? new Response('', { status: 404 }) : undefined,
    });
    const user = userEvent.setup();
    render(<TarievenScreen fetch={fetchFn} magBewerken={false} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('Er ging iets mis op de server.');
    await user.click(screen.getByRole('button', { name: 'Probeer opnieuw' }));
    expect(await rijen()).toHaveLength(3);
  });

  it('explains a refused removal (409: not the latest any more) and reloads', async () => {
    let gets = 0;
    const { fetchFn } = fakeServer({
      fout: (a) => {
        if (a.method === 'GET') gets += 1;
        return a.method === 'DELETE'
          ? Response.json({ error: 'conflict' }, { status: 409 })
          : undefined;
      },
    });
    const user = userEvent.setup();
    render(<TarievenScreen fetch={fetchFn} magBewerken />);
    await rijen();
    await user.click(
      screen.getByRole('button', { name: /Verwijder laatste tarief voor Dagbesteding/ }),
    );
    await user.click(screen.getByRole('button', { name: 'Ja, verwijder' }));
    expect(
      await screen.findByText(
        'Alleen het laatste tarief van een rij kan weg. De lijst is vernieuwd.',
      ),
    ).toBeInTheDocument();
    await waitFor(() => expect(gets).toBe(2));
  });

  it('says it is offline instead of crashing', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const { fetchFn, aanroepen } = fakeServer();
    render(<TarievenScreen fetch={fetchFn} magBewerken={false} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('U bent offline.');
    expect(aanroepen).toHaveLength(0);
  });
});
