import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDb, type ArrangeurDB } from '../../src/storage/db.ts';
import { getPlanForClient, updatePlan } from '../../src/storage/repositories/plans.ts';
import {
  geefBesluit,
  listReviewComments,
  listReviews,
  saveReviewComment,
  stuurTerReview,
  terugNaarConcept,
  zetAfgehandeld,
} from '../../src/storage/repositories/reviews.ts';
import { CaseloadScreen } from '../../src/ui/features/caseload/index.ts';
import { PlanEditorScreen } from '../../src/ui/features/plan-editor/index.ts';
import { ReviewScreen } from '../../src/ui/features/review/index.ts';
import { DbProvider } from '../../src/ui/hooks/useDb.tsx';
import { maakPlanMetItems } from '../fixtures/plans.ts';

// The casemanager list comes from the server (GET /api/casemanagers); its wire format and cache
// are the sync client's own tests. Here: three casemanagers, as the device would have them, one
// of them the arrangeur herself (a casemanager also arranges), whom the picker leaves out.
const CARLA = { id: crypto.randomUUID(), naam: 'Carla de Wit' };
const DIRK = { id: crypto.randomUUID(), naam: 'Dirk Mulder' };
vi.mock('../../src/sync/client/casemanagers.ts', () => ({
  haalCasemanagers: vi.fn(async () => ({ lijst: [CARLA, DIRK, ANJA], bron: 'server' })),
}));

vi.setConfig({ testTimeout: 30_000 });

const VANDAAG = '2026-11-23';
const ANJA = { id: crypto.randomUUID(), naam: 'Anja de Boer' };
let db: ArrangeurDB;

beforeEach(() => {
  db = openDb(`review-ui-${crypto.randomUUID()}`);
});
afterEach(async () => {
  cleanup();
  await new Promise((r) => setTimeout(r, 20));
  await db.delete();
});

/** The local session the app shell would have after login: the screens read the name from it. */
async function sessie(wie: { id: string; naam: string }, rol: string) {
  await db.meta.put({
    key: 'sessie',
    value: {
      gebruiker: {
        id: wie.id,
        gebruikersnaam: wie.naam.split(' ')[0]!.toLowerCase(),
        naam: wie.naam,
        rol,
      },
      pinHash: 'x',
      pinSalt: 'y',
      iteraties: 210_000,
      mislukt: 0,
      vergrendeld: false,
      ingelogdOp: '2026-11-23T08:00:00.000Z',
    },
  });
}

function renderAls(userId: string, ui: ReactNode) {
  return render(
    <DbProvider db={db} userId={userId}>
      {ui}
    </DbProvider>,
  );
}

const stapKnop = (naam: RegExp) =>
  within(screen.getByRole('navigation', { name: 'Stappen van het plan' })).getByRole('button', {
    name: naam,
  });

function zeker<T>(r: { ok: true; record: T } | { ok: false; issues: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.record;
}

/** A plan of Jan Jansen ter review bij Carla, with two comments of hers and her besluit. */
async function planMetReview(besluit?: 'akkoord' | 'aanpassen') {
  const p = await maakPlanMetItems(db, 6);
  const review = zeker(
    await stuurTerReview(
      db,
      { updatedBy: ANJA.id, naam: ANJA.naam },
      p.plan.id,
      CARLA,
      'Klopt de hulp bij het huishouden?',
    ),
  );
  const alsCarla = { updatedBy: CARLA.id, naam: CARLA.naam };
  zeker(
    await saveReviewComment(db, alsCarla, {
      reviewId: review.id,
      planId: p.plan.id,
      sectie: 'hulpvraag',
      tekst: 'Vraag ook wat zijn vrouw wil.',
    }),
  );
  zeker(
    await saveReviewComment(db, alsCarla, {
      reviewId: review.id,
      planId: p.plan.id,
      sectie: 'professioneel',
      itemId: p.items[5]!.id,
      tekst: 'Is twee uur per week genoeg?',
    }),
  );
  if (besluit) {
    zeker(
      await geefBesluit(db, { updatedBy: CARLA.id }, review.id, besluit, 'Kijk nog naar de uren.'),
    );
  }
  return { ...p, review };
}

describe('Plan editor: ter review sturen', () => {
  it('sends the plan to the chosen casemanager with a question; the plan waits read-only', async () => {
    const { client, plan } = await maakPlanMetItems(db, 6);
    await sessie(ANJA, 'arrangeur');
    const user = userEvent.setup({ delay: null });
    renderAls(
      ANJA.id,
      <PlanEditorScreen
        clientId={client.id}
        onTerug={vi.fn()}
        onPrint={vi.fn()}
        vandaag={VANDAAG}
      />,
    );
    const banner = await screen.findByTestId('review-banner');
    await user.click(within(banner).getByRole('button', { name: 'Ter review sturen' }));
    const kies = await screen.findByLabelText('Naar welke casemanager?');
    expect(
      within(kies)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Kies', 'Carla de Wit', 'Dirk Mulder']);
    expect(screen.getByRole('button', { name: 'Versturen' })).toBeDisabled();
    await user.selectOptions(kies, CARLA.id);
    await user.type(screen.getByLabelText('Uw vraag aan de casemanager'), 'Is dit genoeg?');
    await user.click(screen.getByRole('button', { name: 'Versturen' }));

    expect(await screen.findByText(/Ter review bij Carla de Wit sinds/)).toBeInTheDocument();
    expect(screen.getByTestId('plan-stand')).toHaveTextContent('Ter beoordeling');
    const [review] = await listReviews(db, plan.id);
    expect(review).toMatchObject({
      casemanagerId: CARLA.id,
      casemanagerNaam: 'Carla de Wit',
      gevraagdDoorNaam: 'Anja de Boer',
      vraag: 'Is dit genoeg?',
      besluit: null,
      versie: 1,
    });
    expect((await getPlanForClient(db, client.id))?.status).toBe('ter-review');
    // Ter review the content waits: step 1 is read-only, no "Terug naar concept" needed to read.
    await waitFor(() => expect(screen.getByLabelText(/Wat is belangrijk voor u\?/)).toBeDisabled());
  });
});

describe('Plan editor: the reviewer’s comments', () => {
  it('shows the comments on their step with the open count; Verwerkt lowers it; back to concept', async () => {
    const { client, plan } = await planMetReview('aanpassen');
    await sessie(ANJA, 'arrangeur');
    const user = userEvent.setup({ delay: null });
    renderAls(
      ANJA.id,
      <PlanEditorScreen
        clientId={client.id}
        onTerug={vi.fn()}
        onPrint={vi.fn()}
        vandaag={VANDAAG}
      />,
    );

    const banner = await screen.findByTestId('review-banner');
    expect(banner).toHaveTextContent('Carla de Wit vraagt om aanpassingen');
    expect(banner).toHaveTextContent('Kijk nog naar de uren.');
    expect(stapKnop(/^1\. Hulpvraag/)).toHaveAccessibleName(/1 open opmerking/);
    expect(stapKnop(/^7\. Professionele hulp/)).toHaveAccessibleName(/1 open opmerking/);
    expect(stapKnop(/^2\. Eigen kracht/)).not.toHaveAccessibleName(/open opmerking/);

    // Step 1: the comment on the section, with author.
    const op1 = screen.getByTestId('stap-opmerking');
    expect(op1).toHaveTextContent('Vraag ook wat zijn vrouw wil.');
    expect(op1).toHaveTextContent('Carla de Wit');

    // Step 7: the comment on one item names the item.
    await user.click(stapKnop(/^7\. Professionele hulp/));
    const op7 = await screen.findByTestId('stap-opmerking');
    expect(op7).toHaveTextContent('Bij: Hulp bij het schoonmaken van het huis (6)');
    const verwerkt = within(op7).getByRole('checkbox', { name: /Verwerkt: Is twee uur/ });
    expect(verwerkt).toBeEnabled();
    await user.click(verwerkt);
    await waitFor(() =>
      expect(stapKnop(/^7\. Professionele hulp/)).not.toHaveAccessibleName(/open opmerking/),
    );
    const comments = await listReviewComments(db, plan.id);
    expect(comments.find((c) => c.sectie === 'professioneel')?.afgehandeld).toBe(true);
    expect(comments.find((c) => c.sectie === 'hulpvraag')?.afgehandeld).toBe(false);

    // Back to concept: she can edit again and send the plan once more.
    await user.click(stapKnop(/^1\. Hulpvraag/));
    expect(screen.getByLabelText(/Wat is belangrijk voor u\?/)).toBeDisabled();
    await user.click(within(banner).getByRole('button', { name: 'Terug naar concept' }));
    await waitFor(() => expect(screen.getByTestId('plan-stand')).toHaveTextContent('Concept'));
    await waitFor(() => expect(screen.getByLabelText(/Wat is belangrijk voor u\?/)).toBeEnabled());
    expect(
      within(screen.getByTestId('review-banner')).getByRole('button', {
        name: 'Opnieuw ter review sturen',
      }),
    ).toBeInTheDocument();
  });

  it('after the reviewer’s akkoord the plan can be vastgesteld straight from ter review', async () => {
    const { client, plan } = await planMetReview('akkoord');
    await updatePlan(
      db,
      plan.id,
      {
        akkoord: { datum: '2026-11-20', wijze: 'mondeling', door: 'client' },
        evaluatiedatum: '2027-05-01',
        ladderToelichting: 'De dochter woont ver weg.',
      },
      { updatedBy: ANJA.id },
    );
    await sessie(ANJA, 'arrangeur');
    const user = userEvent.setup({ delay: null });
    renderAls(
      ANJA.id,
      <PlanEditorScreen
        clientId={client.id}
        onTerug={vi.fn()}
        onPrint={vi.fn()}
        vandaag={VANDAAG}
        beginStap="akkoord"
      />,
    );
    const banner = await screen.findByTestId('review-banner');
    expect(banner).toHaveTextContent('Carla de Wit is akkoord met het plan.');
    expect(within(banner).queryByRole('button', { name: 'Terug naar concept' })).toBeNull();
    // Step 8 stays open ter review: the client's akkoord and vaststellen are done here.
    await user.click(screen.getByRole('button', { name: 'Plan vaststellen' }));
    await waitFor(() => expect(screen.getByTestId('plan-stand')).toHaveTextContent('Vastgesteld'));
    expect((await getPlanForClient(db, client.id))?.status).toBe('vastgesteld');
    expect(screen.queryByTestId('review-banner')).not.toBeInTheDocument();
  });

  it('while the reviewer has not decided, vaststellen says why not', async () => {
    const { client } = await planMetReview();
    await sessie(ANJA, 'arrangeur');
    const user = userEvent.setup({ delay: null });
    renderAls(
      ANJA.id,
      <PlanEditorScreen
        clientId={client.id}
        onTerug={vi.fn()}
        onPrint={vi.fn()}
        vandaag={VANDAAG}
        beginStap="akkoord"
      />,
    );
    expect(await screen.findByTestId('review-banner')).toHaveTextContent(
      /Ter review bij Carla de Wit sinds \d+ \w+ 2026/,
    );
    await user.click(screen.getByRole('button', { name: 'Plan vaststellen' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Het plan ligt ter review.');
    expect((await getPlanForClient(db, client.id))?.status).toBe('ter-review');
  });

  it('marks the client in the caseload: review state and open comments', async () => {
    const { client } = await planMetReview('aanpassen');
    renderAls(
      ANJA.id,
      <CaseloadScreen onOpen={vi.fn()} onNew={vi.fn()} onOpenPlan={vi.fn()} vandaag={VANDAAG} />,
    );
    const rij = await screen.findByRole('button', { name: /^Jan Jansen/ });
    await waitFor(() => expect(rij).toHaveTextContent('Aanpassen gevraagd'));
    await waitFor(() => expect(rij).toHaveTextContent('2 open opmerkingen'));
    // Not her review: no "Te reviewen" list for the arrangeur; "Plan" opens her editor.
    expect(screen.queryByRole('heading', { name: /Te reviewen/ })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: `Plan van Jan Jansen` })).toBeInTheDocument();
    expect(client.id).toBeTruthy();
  });
});

describe('ReviewScreen (casemanager)', () => {
  it('shows the plan read-only, saves her comments and her besluit, then locks', async () => {
    const p = await maakPlanMetItems(db, 6);
    const review = zeker(
      await stuurTerReview(
        db,
        { updatedBy: ANJA.id, naam: ANJA.naam },
        p.plan.id,
        CARLA,
        'Klopt dit?',
      ),
    );
    await sessie(CARLA, 'casemanager');
    const user = userEvent.setup({ delay: null });
    renderAls(CARLA.id, <ReviewScreen clientId={p.client.id} onTerug={vi.fn()} />);

    expect(
      await screen.findByRole('heading', { name: 'Review: ondersteuningsplan van Jan Jansen' }),
    ).toBeInTheDocument();
    expect(await screen.findByText('Klopt dit?')).toBeInTheDocument();
    // Every section, with the items of the plan as text (routed domain and financier included).
    for (const kop of [
      /^1\. Hulpvraag en doelen$/,
      /^2\. Eigen kracht$/,
      /^3\. Netwerk en mantelzorg$/,
      /^7\. Professionele hulp$/,
      /^8\. Overzicht en akkoord$/,
    ]) {
      expect(screen.getByRole('heading', { level: 2, name: kop })).toBeInTheDocument();
    }
    const prof = screen.getByRole('region', { name: /^7\. Professionele hulp$/ });
    expect(prof).toHaveTextContent('Hulp bij het schoonmaken van het huis (6)');
    expect(prof).toHaveTextContent('2 uur/week');
    expect(prof).toHaveTextContent('Domein: Wmo');
    expect(prof).toHaveTextContent(/Financier: .*Ede/);
    // Read-only: the only input is the besluit's toelichting; no plan field, checkbox or choice.
    expect(screen.getAllByRole('textbox')).toHaveLength(1);
    expect(screen.getByLabelText(/Toelichting bij uw besluit/)).toBeInTheDocument();
    expect(screen.queryAllByRole('checkbox')).toHaveLength(0);
    expect(screen.queryAllByRole('combobox')).toHaveLength(0);
    expect(screen.queryAllByRole('radio')).toHaveLength(0);

    // A comment on the section and one on an item.
    await user.click(
      screen.getByRole('button', { name: 'Opmerking toevoegen bij Hulpvraag en doelen' }),
    );
    await user.type(
      screen.getByLabelText('Uw opmerking bij Hulpvraag en doelen'),
      'Vraag ook wat zijn vrouw wil.',
    );
    await user.click(screen.getByRole('button', { name: 'Opmerking opslaan' }));
    expect(
      await screen.findByText('Vraag ook wat zijn vrouw wil.', { selector: '.opmerking-tekst' }),
    ).toBeInTheDocument();
    await user.click(
      within(prof).getByRole('button', {
        name: 'Opmerking toevoegen bij Hulp bij het schoonmaken van het huis (6)',
      }),
    );
    await user.type(within(prof).getByRole('textbox'), 'Is twee uur genoeg?');
    await user.click(within(prof).getByRole('button', { name: 'Opmerking opslaan' }));
    expect(
      await within(prof).findByText('Is twee uur genoeg?', { selector: '.opmerking-tekst' }),
    ).toBeInTheDocument();

    // Her own comment can be changed.
    await user.click(
      screen.getByRole('button', { name: 'Wijzigen: opmerking Is twee uur genoeg?' }),
    );
    const veld = within(prof).getByRole('textbox');
    await user.clear(veld);
    await user.type(veld, 'Is drie uur beter?');
    await user.click(within(prof).getByRole('button', { name: 'Opmerking opslaan' }));
    expect(
      await within(prof).findByText('Is drie uur beter?', { selector: '.opmerking-tekst' }),
    ).toBeInTheDocument();

    const comments = await listReviewComments(db, p.plan.id);
    expect(
      comments.map((c) => ({
        sectie: c.sectie,
        itemId: c.itemId,
        tekst: c.tekst,
        auteur: c.auteurNaam,
      })),
    ).toEqual([
      {
        sectie: 'hulpvraag',
        itemId: undefined,
        tekst: 'Vraag ook wat zijn vrouw wil.',
        auteur: 'Carla de Wit',
      },
      {
        sectie: 'professioneel',
        itemId: p.items[5]!.id,
        tekst: 'Is drie uur beter?',
        auteur: 'Carla de Wit',
      },
    ]);

    // And deleted: a third comment, gone again (a tombstone, so the delete syncs too).
    await user.click(screen.getByRole('button', { name: 'Opmerking toevoegen bij Eigen kracht' }));
    await user.type(screen.getByLabelText('Uw opmerking bij Eigen kracht'), 'Foutje');
    await user.click(screen.getByRole('button', { name: 'Opmerking opslaan' }));
    await user.click(await screen.findByRole('button', { name: 'Verwijderen: opmerking Foutje' }));
    await waitFor(() => expect(screen.queryByText('Foutje')).not.toBeInTheDocument());
    expect((await listReviewComments(db, p.plan.id)).map((c) => c.tekst)).not.toContain('Foutje');
    expect((await db.reviewComments.toArray()).find((c) => c.tekst === 'Foutje')?.deleted).toBe(
      true,
    );

    // The besluit: aanpassen nodig, with a toelichting. Then everything is locked.
    await user.type(screen.getByLabelText(/Toelichting bij uw besluit/), 'Kijk nog naar de uren.');
    await user.click(screen.getByRole('button', { name: 'Aanpassen nodig' }));
    expect(await screen.findByTestId('review-besluit')).toHaveTextContent('aanpassen nodig');
    expect(screen.getByTestId('review-besluit')).toHaveTextContent('Kijk nog naar de uren.');
    expect(screen.getByRole('button', { name: 'Akkoord' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Aanpassen nodig' })).toBeDisabled();
    expect(screen.queryAllByRole('button', { name: /^Opmerking toevoegen/ })).toHaveLength(0);
    expect(screen.queryAllByRole('button', { name: /^Wijzigen: opmerking/ })).toHaveLength(0);
    const [opgeslagen] = await listReviews(db, p.plan.id);
    expect(opgeslagen).toMatchObject({
      id: review.id,
      besluit: 'aanpassen',
      besluitToelichting: 'Kijk nog naar de uren.',
    });
  });

  it('says so when there is no review for this user', async () => {
    const p = await maakPlanMetItems(db, 1);
    zeker(await stuurTerReview(db, { updatedBy: ANJA.id, naam: ANJA.naam }, p.plan.id, CARLA));
    renderAls(DIRK.id, <ReviewScreen clientId={p.client.id} onTerug={vi.fn()} />);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Er is geen review van dit plan voor u.',
    );
    expect(screen.queryByRole('button', { name: /Opmerking toevoegen/ })).not.toBeInTheDocument();
  });
});

describe('A second review round', () => {
  it('shows the casemanager her earlier comments read-only, marked as such, with their state', async () => {
    const p = await planMetReview('aanpassen');
    // By its text: comments made in one millisecond order by their random ids.
    const eerste = (await listReviewComments(db, p.plan.id)).find((c) =>
      c.tekst.includes('Vraag ook wat zijn vrouw wil.'),
    );
    zeker(await zetAfgehandeld(db, { updatedBy: ANJA.id }, eerste!.id, true));
    zeker(await terugNaarConcept(db, { updatedBy: ANJA.id }, p.plan.id));
    const tweede = zeker(
      await stuurTerReview(
        db,
        // A later moment: two rounds in one millisecond would order by their random ids.
        { updatedBy: ANJA.id, naam: ANJA.naam, now: new Date(Date.now() + 60_000) },
        p.plan.id,
        CARLA,
        'Nu goed?',
      ),
    );
    renderAls(CARLA.id, <ReviewScreen clientId={p.client.id} onTerug={vi.fn()} />);
    expect(await screen.findByText('Nu goed?')).toBeInTheDocument();
    const oud = screen
      .getAllByTestId('review-opmerking')
      .find((o) => o.textContent?.includes('Vraag ook wat zijn vrouw wil.'));
    expect(oud).toHaveTextContent('eerdere review');
    expect(oud).toHaveTextContent('verwerkt');
    expect(within(oud!).queryByRole('button')).toBeNull();
    // The new round is open for comments and a besluit.
    expect(screen.getByRole('button', { name: 'Akkoord' })).toBeEnabled();
    expect(
      screen.getByRole('button', { name: 'Opmerking toevoegen bij Hulpvraag en doelen' }),
    ).toBeInTheDocument();
    expect(tweede.versie).toBe(1);
  });
});

describe('A withdrawn review', () => {
  it('is closed for the casemanager: no comments, no besluit, not in her list', async () => {
    const p = await maakPlanMetItems(db, 1);
    zeker(await stuurTerReview(db, { updatedBy: ANJA.id, naam: ANJA.naam }, p.plan.id, CARLA));
    zeker(await terugNaarConcept(db, { updatedBy: ANJA.id }, p.plan.id));
    renderAls(CARLA.id, <ReviewScreen clientId={p.client.id} onTerug={vi.fn()} />);
    expect(await screen.findByRole('note')).toHaveTextContent('Deze review is afgesloten');
    expect(screen.queryAllByRole('button', { name: /^Opmerking toevoegen/ })).toHaveLength(0);
    expect(screen.getByRole('button', { name: 'Akkoord' })).toBeDisabled();
    expect(screen.queryAllByRole('textbox')).toHaveLength(0);
    cleanup();

    renderAls(
      CARLA.id,
      <CaseloadScreen onOpen={vi.fn()} onNew={vi.fn()} onOpenReview={vi.fn()} vandaag={VANDAAG} />,
    );
    await screen.findByRole('button', { name: /^Jan Jansen/ });
    // Still hers to read (the row opens the review), but nothing waits for her.
    expect(
      await screen.findByRole('button', { name: 'Review van Jan Jansen' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: /Te reviewen/ })).not.toBeInTheDocument();
  });
});

describe('Caseload of a casemanager', () => {
  it('lists the plans to review on top; her reviews open the review screen, never the editor', async () => {
    const p = await maakPlanMetItems(db, 1, {
      client: { voornaam: 'Gerrit', achternaam: 'van Dijk' },
    });
    zeker(await stuurTerReview(db, { updatedBy: ANJA.id, naam: ANJA.naam }, p.plan.id, CARLA));
    const onOpen = vi.fn();
    const onOpenPlan = vi.fn();
    const onOpenReview = vi.fn();
    const user = userEvent.setup({ delay: null });
    renderAls(
      CARLA.id,
      <CaseloadScreen
        onOpen={onOpen}
        onNew={vi.fn()}
        onOpenPlan={onOpenPlan}
        onOpenReview={onOpenReview}
        vandaag={VANDAAG}
      />,
    );
    const lijst = await screen.findByRole('region', { name: 'Te reviewen (1)' });
    await waitFor(() => expect(lijst).toHaveTextContent('Gerrit van Dijk'));
    expect(lijst).toHaveTextContent('Gevraagd door Anja de Boer');
    await user.click(within(lijst).getByRole('button', { name: 'Review openen: Gerrit van Dijk' }));
    expect(onOpenReview).toHaveBeenLastCalledWith(p.client.id);

    // In the list: "Review" instead of "Plan", and the row opens the review too.
    expect(
      screen.queryByRole('button', { name: 'Plan van Gerrit van Dijk' }),
    ).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Review van Gerrit van Dijk' }));
    await user.click(screen.getByRole('button', { name: /^Gerrit van Dijk/ }));
    expect(onOpenReview).toHaveBeenCalledTimes(3);
    expect(onOpen).not.toHaveBeenCalled();
    expect(onOpenPlan).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: /^Gerrit van Dijk/ })).toHaveTextContent(
      'Ter review',
    );
  });
});
