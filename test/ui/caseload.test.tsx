import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDb, type ArrangeurDB } from '../../src/storage/db.ts';
import { pending, pendingCount } from '../../src/storage/outbox.ts';
import { getClient, saveClient } from '../../src/storage/repositories/clients.ts';
import { CaseloadScreen, ClientFormScreen } from '../../src/ui/features/caseload/index.ts';
import { MAX_RIJEN } from '../../src/ui/features/caseload/CaseloadScreen.tsx';
import { DbProvider } from '../../src/ui/hooks/useDb.tsx';
import { CASELOAD, clientInvoer, wlzIndicatie } from '../fixtures/clients.ts';

// Typing a whole form through user-event takes a few seconds on a busy 2-core CI machine.
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
    <DbProvider db={db} userId="verpleegkundige-1">
      {ui}
    </DbProvider>,
  );
}

async function seed(...invoer: Parameters<typeof clientInvoer>[0][]) {
  const ids: string[] = [];
  for (const i of invoer) {
    const r = await saveClient(db, clientInvoer(i), { updatedBy: 'seed' });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    ids.push(r.client.id);
  }
  return ids;
}

const veld = (label: string | RegExp) => screen.getByLabelText(label);

/** Fills the required fields the way an arrangeur would. */
async function vulVerplichteVelden(user: ReturnType<typeof userEvent.setup>) {
  await user.type(veld('Voornaam'), 'Jan');
  await user.type(veld('Achternaam'), 'de Vries');
  await user.type(veld('Geboortedatum'), '1942-03-15');
  await user.type(veld('Postcode'), '6711ab');
  await user.type(veld('Huisnummer'), '12a');
  await user.type(veld('Gemeente'), 'Ede');
}

describe('ClientFormScreen: new client', () => {
  it('saves a client with a Wlz-indicatie and reports its id once stored', async () => {
    const user = userEvent.setup({ delay: null });
    const onDone = vi.fn();
    renderMetDb(<ClientFormScreen onDone={onDone} onCancel={vi.fn()} />);

    expect(screen.getByRole('heading', { name: 'Nieuwe cliënt' })).toBeInTheDocument();
    await vulVerplichteVelden(user);
    await user.type(veld(/^BSN/), '111222333');
    await user.selectOptions(veld(/^Zorgverzekeraar/), '7119');
    await user.type(veld(/^Huisarts/), 'Praktijk De Brink');

    await user.click(screen.getByRole('radio', { name: 'Ja' }));
    await user.selectOptions(veld('Zorgprofiel'), 'VV6');
    expect(screen.queryByLabelText(/Met behandeling/)).not.toBeInTheDocument();
    await user.selectOptions(veld('Leveringsvorm'), 'verblijf');
    await user.click(veld(/Met behandeling/));
    await user.type(veld('Geldig vanaf'), '2026-01-01');

    await user.click(screen.getByRole('button', { name: 'Opslaan' }));

    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    const id = onDone.mock.calls[0]![0] as string;
    expect(await getClient(db, id)).toMatchObject({
      voornaam: 'Jan',
      achternaam: 'de Vries',
      geboortedatum: '1942-03-15',
      bsn: '111222333',
      postcode: '6711 AB',
      huisnummer: '12a',
      gemeente: 'GM0228',
      zorgverzekeraar: '7119',
      huisarts: 'Praktijk De Brink',
      wlzIndicatie: {
        zorgprofiel: 'VV6',
        leveringsvorm: 'verblijf',
        behandeling: true,
        geldigVan: '2026-01-01',
      },
      updatedBy: 'verpleegkundige-1',
    });
    expect(await pendingCount(db)).toBe(1);
  });

  it('shows a bad BSN next to the field, keeps everything typed, and saves once corrected', async () => {
    const user = userEvent.setup({ delay: null });
    const onDone = vi.fn();
    renderMetDb(<ClientFormScreen onDone={onDone} onCancel={vi.fn()} />);

    await vulVerplichteVelden(user);
    await user.type(veld(/^BSN/), '123456789');
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));

    const bsn = veld(/^BSN/);
    const melding = 'Dit BSN klopt niet (de elfproef faalt). Kijk het nummer na.';
    expect(await screen.findByText(melding)).toBeInTheDocument();
    expect(bsn).toHaveAttribute('aria-invalid', 'true');
    expect(bsn).toHaveAccessibleDescription(expect.stringContaining(melding));
    expect(screen.getByRole('alert')).toHaveTextContent(/Nog niet opgeslagen/);
    // Nothing typed is lost.
    expect(veld('Voornaam')).toHaveValue('Jan');
    expect(veld('Achternaam')).toHaveValue('de Vries');
    expect(veld('Geboortedatum')).toHaveValue('1942-03-15');
    expect(veld('Postcode')).toHaveValue('6711ab');
    expect(veld('Huisnummer')).toHaveValue('12a');
    expect(veld('Gemeente')).toHaveValue('Ede (GM0228)');
    expect(bsn).toHaveValue('123456789');
    expect(veld('Voornaam')).toHaveAttribute('aria-invalid', 'false');
    // Nothing half-written.
    expect(onDone).not.toHaveBeenCalled();
    expect(await db.clients.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);

    await user.clear(bsn);
    await user.type(bsn, '123456782');
    await waitFor(() => expect(screen.queryByText(melding)).not.toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(await db.clients.count()).toBe(1);
  });

  it('explains a Wlz end date before its start at the end-date field', async () => {
    const user = userEvent.setup({ delay: null });
    renderMetDb(<ClientFormScreen onDone={vi.fn()} onCancel={vi.fn()} />);
    await vulVerplichteVelden(user);
    await user.click(screen.getByRole('radio', { name: 'Ja' }));
    await user.selectOptions(veld('Zorgprofiel'), 'VV5');
    await user.type(veld('Geldig vanaf'), '2026-05-01');
    await user.type(veld(/^Geldig tot en met/), '2026-04-30');
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));

    const tot = veld(/^Geldig tot en met/);
    expect(await screen.findByText('De einddatum ligt vóór de begindatum.')).toBeInTheDocument();
    expect(tot).toHaveAttribute('aria-invalid', 'true');
    expect(tot).toHaveAccessibleDescription(/De einddatum ligt vóór de begindatum/);
    expect(await db.clients.count()).toBe(0);
  });

  it('asks for a gemeente from the list when the text matches none', async () => {
    const user = userEvent.setup({ delay: null });
    renderMetDb(<ClientFormScreen onDone={vi.fn()} onCancel={vi.fn()} />);
    await vulVerplichteVelden(user);
    await user.clear(veld('Gemeente'));
    await user.type(veld('Gemeente'), 'Atlantis');
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(await screen.findByText('Kies een gemeente uit de lijst.')).toBeInTheDocument();
    expect(veld('Gemeente')).toHaveValue('Atlantis');
  });

  it('asks about intensieve kindzorg for a child only, and stores the answer', async () => {
    const user = userEvent.setup({ delay: null });
    const onDone = vi.fn();
    renderMetDb(<ClientFormScreen onDone={onDone} onCancel={vi.fn()} />);
    await vulVerplichteVelden(user);
    // An adult (1942): the question is not asked.
    expect(screen.queryByLabelText(/Intensieve kindzorg/)).not.toBeInTheDocument();
    await user.clear(veld('Geboortedatum'));
    await user.type(veld('Geboortedatum'), '2019-08-20');
    await user.click(veld(/Intensieve kindzorg/));
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(await getClient(db, onDone.mock.calls[0]![0] as string)).toMatchObject({
      geboortedatum: '2019-08-20',
      intensieveKindzorg: true,
    });
  });

  it('keeps a started Wlz-indicatie when switching to "Nee" and back', async () => {
    const user = userEvent.setup({ delay: null });
    renderMetDb(<ClientFormScreen onDone={vi.fn()} onCancel={vi.fn()} />);
    await user.click(screen.getByRole('radio', { name: 'Ja' }));
    await user.selectOptions(veld('Zorgprofiel'), 'VG1');
    await user.click(screen.getByRole('radio', { name: 'Nee' }));
    expect(screen.queryByLabelText('Zorgprofiel')).not.toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Ja' }));
    expect(veld('Zorgprofiel')).toHaveValue('VG1');
  });
});

describe('ClientFormScreen: existing client', () => {
  it('shows the stored values and queues only the changed field', async () => {
    const [id] = await seed({ wlzIndicatie: wlzIndicatie() });
    const user = userEvent.setup({ delay: null });
    const onDone = vi.fn();
    renderMetDb(<ClientFormScreen clientId={id} onDone={onDone} onCancel={vi.fn()} />);

    expect(await screen.findByRole('heading', { name: 'Cliënt wijzigen' })).toBeInTheDocument();
    expect(veld('Voornaam')).toHaveValue('Jan');
    expect(veld('Gemeente')).toHaveValue('Ede (GM0228)');
    expect(screen.getByRole('radio', { name: 'Ja' })).toBeChecked();
    expect(veld('Leveringsvorm')).toHaveValue('vpt');

    await user.clear(veld('Huisnummer'));
    await user.type(veld('Huisnummer'), '14');
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));

    await waitFor(() => expect(onDone).toHaveBeenCalledWith(id));
    const [, wijziging] = await pending(db);
    expect(wijziging).toMatchObject({ op: 'update', recordId: id, fields: { huisnummer: '14' } });
  });

  it('says so when the client does not exist', async () => {
    const onCancel = vi.fn();
    renderMetDb(
      <ClientFormScreen clientId={crypto.randomUUID()} onDone={vi.fn()} onCancel={onCancel} />,
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('bestaat niet');
    await userEvent
      .setup({ delay: null })
      .click(screen.getByRole('button', { name: 'Terug naar de lijst' }));
    expect(onCancel).toHaveBeenCalled();
  });
});

describe('CaseloadScreen', () => {
  it('lists clients with age, gemeente and Wlz, and filters by name', async () => {
    await seed(
      ...CASELOAD.slice(0, 3),
      clientInvoer({
        voornaam: 'Piet',
        achternaam: 'de Vries',
        gemeente: 'GM0202',
        geboortedatum: '1950-12-01',
        wlzIndicatie: wlzIndicatie({ geldigVan: '2026-01-01' }),
      }),
    );
    const user = userEvent.setup({ delay: null });
    renderMetDb(<CaseloadScreen onOpen={vi.fn()} onNew={vi.fn()} vandaag="2026-11-23" />);

    const lijst = await screen.findByRole('list', { name: 'Cliënten' });
    const rijen = () =>
      within(lijst)
        .queryAllByRole('button')
        .map((b) => b.textContent);
    expect(rijen()).toHaveLength(4);
    const piet = within(lijst).getByRole('button', { name: /Piet de Vries/ });
    expect(piet).toHaveTextContent('75 jaar · Arnhem');
    expect(piet).toHaveTextContent('Wlz: ja');
    expect(within(lijst).getByRole('button', { name: /Jan Jansen/ })).toHaveTextContent(
      '84 jaar · Ede Wlz: nee',
    );

    await user.type(screen.getByLabelText('Zoek op naam'), 'berg');
    await waitFor(() => expect(rijen()).toHaveLength(1));
    expect(within(lijst).getByRole('button', { name: /Janneke van den Berg/ })).toBeInTheDocument();

    await user.clear(screen.getByLabelText('Zoek op naam'));
    await user.type(screen.getByLabelText('Zoek op naam'), 'jan');
    await waitFor(() => expect(rijen()).toHaveLength(2));

    await user.type(screen.getByLabelText('Zoek op naam'), 'xyz');
    expect(await screen.findByText('Geen cliënten gevonden voor "janxyz".')).toBeInTheDocument();
  });

  it('with "Gegevens": the row opens the plan, the button the client’s details (issue 11, point 9)', async () => {
    const [id] = await seed({});
    const onOpen = vi.fn();
    const onOpenGegevens = vi.fn();
    const user = userEvent.setup({ delay: null });
    renderMetDb(
      <CaseloadScreen
        onOpen={onOpen}
        onNew={vi.fn()}
        onOpenGegevens={onOpenGegevens}
        onOpenPlan={vi.fn()}
      />,
    );
    await user.click(await screen.findByRole('button', { name: 'Gegevens van Jan Jansen' }));
    expect(onOpenGegevens).toHaveBeenCalledWith(id);
    expect(onOpen).not.toHaveBeenCalled();
    // One way into the plan: the row itself (no second "Plan" button beside it).
    expect(screen.queryByRole('button', { name: 'Plan van Jan Jansen' })).toBeNull();
    await user.click(screen.getByRole('button', { name: /^Jan Jansen/ }));
    expect(onOpen).toHaveBeenCalledWith(id);
  });

  it('opens a client and starts a new one through the callbacks', async () => {
    const [id] = await seed({});
    const onOpen = vi.fn();
    const onNew = vi.fn();
    const user = userEvent.setup({ delay: null });
    renderMetDb(<CaseloadScreen onOpen={onOpen} onNew={onNew} />);

    await user.click(await screen.findByRole('button', { name: /Jan Jansen/ }));
    expect(onOpen).toHaveBeenCalledWith(id);
    await user.click(screen.getByRole('button', { name: 'Nieuwe cliënt' }));
    expect(onNew).toHaveBeenCalled();
  });

  it('invites to add the first client when the caseload is empty', async () => {
    renderMetDb(<CaseloadScreen onOpen={vi.fn()} onNew={vi.fn()} />);
    expect(await screen.findByText(/nog geen cliënten/)).toBeInTheDocument();
  });

  it('renders at most MAX_RIJEN rows of a large caseload and lets search narrow it', async () => {
    const extra = MAX_RIJEN + 5;
    await db.transaction('rw', [db.clients, db.outbox, db.meta], async () => {
      for (let i = 0; i < extra; i++) {
        const r = await saveClient(db, clientInvoer({ achternaam: `Lijst${i}` }), {
          updatedBy: 'seed',
        });
        if (!r.ok) throw new Error(JSON.stringify(r.issues));
      }
    });
    const user = userEvent.setup({ delay: null });
    renderMetDb(<CaseloadScreen onOpen={vi.fn()} onNew={vi.fn()} />);
    const lijst = await screen.findByRole('list', { name: 'Cliënten' });
    expect(within(lijst).getAllByRole('listitem')).toHaveLength(MAX_RIJEN);
    expect(
      screen.getByText(new RegExp(`${extra} cliënten. U ziet de eerste ${MAX_RIJEN}`)),
    ).toBeInTheDocument();
    await user.type(screen.getByLabelText('Zoek op naam'), `lijst${extra - 1}`);
    // Search runs per keystroke over 105 clients; on a loaded 2-core machine that can take seconds.
    await waitFor(() => expect(within(lijst).getAllByRole('listitem')).toHaveLength(1), {
      timeout: 10_000,
    });
  });
});
