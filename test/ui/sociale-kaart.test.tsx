import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CATALOGUS } from '../../src/domain/sociale-kaart/catalogus.ts';
import { openDb, type ArrangeurDB } from '../../src/storage/db.ts';
import { pending } from '../../src/storage/outbox.ts';
import {
  listLokaleVoorzieningen,
  saveVoorziening,
} from '../../src/storage/repositories/sociale-kaart.ts';
import { SocialeKaartZoeker } from '../../src/ui/components/SocialeKaartZoeker.tsx';
import { SocialeKaartScreen } from '../../src/ui/features/sociale-kaart/index.ts';
import { DbProvider } from '../../src/ui/hooks/useDb.tsx';

vi.setConfig({ testTimeout: 20_000 });

let db: ArrangeurDB;
beforeEach(() => {
  db = openDb(`ui-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

function renderMetDb(ui: ReactNode) {
  return render(
    <DbProvider db={db} userId="arrangeur-1">
      {ui}
    </DbProvider>,
  );
}

/** The names shown in the result list, in order. */
function getoondeNamen(): string[] {
  const lijst = screen.queryByRole('list', { name: 'Voorzieningen' });
  if (!lijst) return [];
  return within(lijst)
    .getAllByRole('heading')
    .map((h) => h.textContent ?? '');
}

async function wachtOpLijst() {
  await screen.findByRole('list', { name: 'Voorzieningen' });
}

describe('SocialeKaartZoeker', () => {
  it('shows the whole catalog, and narrows it down while typing', async () => {
    const user = userEvent.setup({ delay: null });
    renderMetDb(<SocialeKaartZoeker onKies={vi.fn()} />);
    await wachtOpLijst();
    expect(getoondeNamen()).toHaveLength(CATALOGUS.length);
    expect(screen.getByRole('status')).toHaveTextContent(
      `${CATALOGUS.length} voorzieningen gevonden.`,
    );

    await user.type(screen.getByRole('searchbox', { name: 'Zoeken' }), 'alzheimer cafe');
    await waitFor(() => expect(getoondeNamen()).toEqual(['Geheugencafé De Wissel']));
    expect(screen.getByRole('status')).toHaveTextContent('1 voorziening gevonden.');

    await user.clear(screen.getByRole('searchbox', { name: 'Zoeken' }));
    await user.type(screen.getByRole('searchbox', { name: 'Zoeken' }), 'qqq');
    expect(await screen.findByText(/Geen voorzieningen gevonden/)).toBeInTheDocument();
    expect(getoondeNamen()).toEqual([]);
  });

  it('filters by category, also together with text', async () => {
    const user = userEvent.setup({ delay: null });
    renderMetDb(<SocialeKaartZoeker onKies={vi.fn()} />);
    await wachtOpLijst();

    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Zoek in categorie' }),
      'Vervoer',
    );
    const vervoer = CATALOGUS.filter((v) => v.categorie === 'vervoer').map((v) => v.naam);
    await waitFor(() => expect(getoondeNamen().sort()).toEqual([...vervoer].sort()));
    const lijst = screen.getByRole('list', { name: 'Voorzieningen' });
    expect(within(lijst).getAllByText('Vervoer')).toHaveLength(vervoer.length);

    await user.type(screen.getByRole('searchbox', { name: 'Zoeken' }), 'wageningen');
    await waitFor(() => expect(getoondeNamen()).toEqual(['Buurtbus De Wageningse Pendel']));

    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Zoek in categorie' }),
      'Alle categorieën',
    );
    await waitFor(() => expect(getoondeNamen().length).toBeGreaterThan(1));
  });

  it('shows naam, categorie, wijk and kosten, and "Kiezen" hands the entry to onKies', async () => {
    const user = userEvent.setup({ delay: null });
    const onKies = vi.fn();
    const tafeltje = CATALOGUS.find((v) => v.naam === 'Tafeltje-dek-je Ede')!;
    renderMetDb(<SocialeKaartZoeker onKies={onKies} />);
    await wachtOpLijst();
    await user.type(screen.getByRole('searchbox', { name: 'Zoeken' }), 'tafeltje');

    const kaart = await screen.findByRole('article', { name: 'Tafeltje-dek-je Ede' });
    expect(kaart).toHaveTextContent('Maaltijden');
    expect(kaart).toHaveTextContent('Ede en Otterlo');
    expect(kaart).toHaveTextContent('Kosten€ 7,50 per maaltijd, bezorgd aan huis.');

    await user.click(within(kaart).getByRole('button', { name: 'Kiezen Tafeltje-dek-je Ede' }));
    expect(onKies).toHaveBeenCalledTimes(1);
    expect(onKies).toHaveBeenCalledWith(tafeltje);
  });

  it('marks entries that are already chosen', async () => {
    const tafeltje = CATALOGUS.find((v) => v.naam === 'Tafeltje-dek-je Ede')!;
    renderMetDb(<SocialeKaartZoeker onKies={vi.fn()} gekozenIds={[tafeltje.id]} />);
    const knop = await screen.findByRole('button', { name: 'Gekozen Tafeltje-dek-je Ede' });
    expect(knop).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Kiezen Stoelyoga Bennekom' })).toBeEnabled();
  });

  it('adds an own entry: errors next to the fields, nothing typed lost, then it shows up', async () => {
    const user = userEvent.setup({ delay: null });
    const onKies = vi.fn();
    renderMetDb(<SocialeKaartZoeker onKies={onKies} />);
    await wachtOpLijst();

    const open = screen.getByRole('button', { name: 'Eigen voorziening toevoegen' });
    expect(open).toHaveAttribute('aria-expanded', 'false');
    await user.click(open);
    expect(open).toHaveAttribute('aria-expanded', 'true');

    await user.type(screen.getByLabelText('Naam'), 'Zangkoor De Heide');
    await user.type(screen.getByLabelText(/^Kosten/), '€ 2 per keer');
    await user.click(screen.getByRole('button', { name: 'Toevoegen' }));

    // The schema's Dutch messages, next to their fields; what was typed stays.
    expect(await screen.findByText('Kies een categorie.')).toBeInTheDocument();
    expect(screen.getByText('Vul een korte omschrijving in.')).toBeInTheDocument();
    expect(screen.getByLabelText(/^Omschrijving/)).toHaveAccessibleDescription(
      /Vul een korte omschrijving in\./,
    );
    expect(screen.getByLabelText('Naam')).toHaveValue('Zangkoor De Heide');
    expect(screen.getByLabelText(/^Kosten/)).toHaveValue('€ 2 per keer');
    expect(await listLokaleVoorzieningen(db)).toEqual([]);

    await user.selectOptions(screen.getByLabelText('Categorie'), 'Ontmoeting');
    await user.type(screen.getByLabelText(/^Omschrijving/), 'Samen zingen op maandagavond.');
    await user.type(screen.getByLabelText(/^Wijk of plaats/), 'Lunteren');
    await user.click(screen.getByRole('button', { name: 'Toevoegen' }));

    // The form closes, focus goes back to its button, and the new entry is shown to choose.
    await waitFor(() => expect(getoondeNamen()).toEqual(['Zangkoor De Heide']));
    expect(screen.queryByRole('button', { name: 'Toevoegen' })).not.toBeInTheDocument();
    await waitFor(() => expect(open).toHaveFocus());
    expect(screen.getByRole('status')).toHaveTextContent(
      '"Zangkoor De Heide" staat nu op de sociale kaart.',
    );
    const kaart = screen.getByRole('article', { name: 'Zangkoor De Heide' });
    expect(kaart).toHaveTextContent('Eigen toevoeging');

    const [opgeslagen] = await listLokaleVoorzieningen(db);
    expect(opgeslagen).toMatchObject({
      herkomst: 'lokaal',
      categorie: 'ontmoeting',
      wijk: 'Lunteren',
      kosten: '€ 2 per keer',
      updatedBy: 'arrangeur-1',
    });
    expect(await pending(db)).toHaveLength(1);

    await user.click(within(kaart).getByRole('button', { name: 'Kiezen Zangkoor De Heide' }));
    expect(onKies).toHaveBeenCalledWith(opgeslagen);

    // It is part of normal searching from now on.
    await user.clear(screen.getByRole('searchbox', { name: 'Zoeken' }));
    await user.type(screen.getByRole('searchbox', { name: 'Zoeken' }), 'zingen lunteren');
    await waitFor(() => expect(getoondeNamen()).toEqual(['Zangkoor De Heide']));
  });
});

describe('SocialeKaartScreen', () => {
  it('removes an own entry after a check question; catalog entries cannot be removed', async () => {
    const user = userEvent.setup({ delay: null });
    const r = await saveVoorziening(
      db,
      {
        categorie: 'bewegen',
        naam: 'Jeu de boules Kernhem',
        omschrijving: 'Elke vrijdag jeu de boules.',
      },
      { updatedBy: 'seed' },
    );
    expect(r.ok).toBe(true);
    renderMetDb(<SocialeKaartScreen />);
    expect(screen.getByRole('heading', { level: 1, name: 'Sociale kaart' })).toBeInTheDocument();
    expect(screen.getByText(/bijgewerkt op 23 november 2026/)).toBeInTheDocument();
    await wachtOpLijst();
    expect(getoondeNamen()).toContain('Jeu de boules Kernhem');
    // Only own entries have a remove button; the screen itself chooses nothing.
    expect(screen.getAllByRole('button', { name: /^Verwijderen/ })).toHaveLength(1);
    expect(screen.queryByRole('button', { name: /^Kiezen/ })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Verwijderen Jeu de boules Kernhem' }));
    const vraag = screen.getByRole('group', {
      name: 'Wilt u "Jeu de boules Kernhem" van de sociale kaart verwijderen?',
    });
    await user.click(within(vraag).getByRole('button', { name: 'Nee, bewaren' }));
    expect(getoondeNamen()).toContain('Jeu de boules Kernhem');

    await user.click(screen.getByRole('button', { name: 'Verwijderen Jeu de boules Kernhem' }));
    await user.click(screen.getByRole('button', { name: 'Ja, verwijderen' }));
    await waitFor(() => expect(getoondeNamen()).not.toContain('Jeu de boules Kernhem'));
    expect(screen.getByRole('status')).toHaveTextContent('"Jeu de boules Kernhem" is verwijderd.');
    expect(await listLokaleVoorzieningen(db)).toEqual([]);
    expect(getoondeNamen()).toHaveLength(CATALOGUS.length);
  });
});

describe('SocialeKaartZoeker for a client (issue 11, point 9)', () => {
  it('lists offers in the client’s gemeente first and marks the others with theirs', async () => {
    const user = userEvent.setup({ delay: null });
    renderMetDb(<SocialeKaartZoeker onKies={vi.fn()} gemeente="GM0289" />);
    await wachtOpLijst();
    const lijst = screen.getByRole('list', { name: 'Voorzieningen' });
    const kaarten = within(lijst).getAllByRole('article');
    // A client in Wageningen: the first offers are in Wageningen, none of them marked.
    expect(kaarten[0]).toHaveTextContent('Wageningen');
    expect(within(kaarten[0]!).queryByTestId('andere-gemeente')).toBeNull();
    const brinkhof = within(lijst).getByRole('article', { name: 'Buurthuis De Brinkhof' });
    expect(brinkhof).toHaveTextContent('Andere gemeente: Ede');
    const namen = getoondeNamen();
    const eersteAndere = kaarten.findIndex((k) => within(k).queryByTestId('andere-gemeente'));
    expect(eersteAndere).toBeGreaterThan(0);
    for (const k of kaarten.slice(0, eersteAndere)) {
      expect(within(k).queryByTestId('andere-gemeente')).toBeNull();
    }
    expect(namen.indexOf('Buurthuis De Brinkhof')).toBeGreaterThanOrEqual(eersteAndere);

    // Searching keeps the order: Wageningen's mantelzorgcafé first, the others marked.
    await user.type(screen.getByRole('searchbox', { name: 'Zoeken' }), 'mantelzorg');
    await waitFor(() =>
      expect(within(lijst).getAllByRole('article')[0]).not.toHaveTextContent('Andere gemeente'),
    );
  });

  it('marks nothing without a client', async () => {
    renderMetDb(<SocialeKaartZoeker onKies={vi.fn()} />);
    await wachtOpLijst();
    expect(screen.queryAllByTestId('andere-gemeente')).toEqual([]);
  });
});
