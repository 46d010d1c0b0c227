import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { REGELS } from '../../src/domain/routing/index.ts';
import { openDb, type ArrangeurDB } from '../../src/storage/db.ts';
import { saveClient } from '../../src/storage/repositories/clients.ts';
import {
  getOrCreatePlan,
  getPlanForClient,
  listPlanItems,
  stelPlanVast,
  updatePlan,
} from '../../src/storage/repositories/plans.ts';
import { CaseloadScreen } from '../../src/ui/features/caseload/index.ts';
import { PlanEditorScreen } from '../../src/ui/features/plan-editor/index.ts';
import { PlanPrintScreen } from '../../src/ui/features/plan-print/index.ts';
import { DbProvider } from '../../src/ui/hooks/useDb.tsx';
import { clientInvoer } from '../fixtures/clients.ts';
import { maakPlanMetItems } from '../fixtures/plans.ts';

// Real timers throughout: autosave is about real time (≤ 250 ms debounce, stored within 300 ms).
vi.setConfig({ testTimeout: 30_000 });

const VANDAAG = '2026-11-23';
let db: ArrangeurDB;
beforeEach(() => {
  db = openDb(`plan-ui-${crypto.randomUUID()}`);
});
afterEach(async () => {
  // Unmount first: leaving the screen flushes autosave, which needs the database still open.
  cleanup();
  await new Promise((r) => setTimeout(r, 20));
  await db.delete();
});

function renderMetDb(ui: ReactNode) {
  return render(
    <DbProvider db={db} userId="verpleegkundige-1">
      {ui}
    </DbProvider>,
  );
}

async function nieuweClient(overrides: Parameters<typeof clientInvoer>[0] = {}) {
  const r = await saveClient(db, clientInvoer(overrides), { updatedBy: 'seed' });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.client.id;
}

function editor(clientId: string, beginStap?: Parameters<typeof PlanEditorScreen>[0]['beginStap']) {
  return renderMetDb(
    <PlanEditorScreen
      clientId={clientId}
      onTerug={vi.fn()}
      onPrint={vi.fn()}
      vandaag={VANDAAG}
      beginStap={beginStap}
    />,
  );
}

const stapKnop = (naam: RegExp) =>
  within(screen.getByRole('navigation', { name: 'Stappen van het plan' })).getByRole('button', {
    name: naam,
  });

describe('PlanEditorScreen', () => {
  it('makes the plan, shows its status and saves the hulpvraag while typing, without a button', async () => {
    const clientId = await nieuweClient();
    const user = userEvent.setup({ delay: null });
    editor(clientId);

    expect(
      await screen.findByRole('heading', { name: /Ondersteuningsplan van Jan Jansen/ }),
    ).toBeInTheDocument();
    expect(screen.getByTestId('plan-stand')).toHaveTextContent('Concept · versie 1');
    // Eight steps, the first one current, each says whether it is filled.
    const nav = screen.getByRole('navigation', { name: 'Stappen van het plan' });
    expect(within(nav).getAllByRole('button')).toHaveLength(8);
    expect(stapKnop(/1\. Hulpvraag en doelen/)).toHaveAttribute('aria-current', 'step');
    expect(stapKnop(/2\. Eigen kracht/)).toHaveAccessibleName(/nog leeg/);
    expect(screen.queryByRole('button', { name: /^Opslaan$/ })).not.toBeInTheDocument();

    await user.type(screen.getByLabelText(/Wat is belangrijk voor u\?/), 'Thuis blijven wonen');
    // Stored with no blur and no button: the debounce alone writes it. (How fast is measured in
    // `npm run bench`, not asserted here: timed assertions flake on a busy machine.)
    await waitFor(
      async () =>
        expect((await getPlanForClient(db, clientId))?.hulpvraag).toBe('Thuis blijven wonen'),
      { timeout: 3000, interval: 10 },
    );
    expect(await screen.findByText('Opgeslagen')).toBeInTheDocument();
    await waitFor(() =>
      expect(stapKnop(/1\. Hulpvraag en doelen/)).toHaveAccessibleName(/ingevuld/),
    );
  });

  it('keeps an invalid doel in its field with the Dutch message, and saves once valid', async () => {
    const clientId = await nieuweClient();
    const user = userEvent.setup({ delay: null });
    editor(clientId);
    await user.click(await screen.findByRole('button', { name: /Doel toevoegen: Lichaam/ }));
    const doel = screen.getByRole('textbox', { name: /Doel 1 \(Lichaam\)/ });
    await user.type(doel, 'x');
    await user.clear(doel);
    expect(await screen.findByText('Niet opgeslagen: Beschrijf het doel.')).toBeInTheDocument();
    expect(doel).toHaveAccessibleDescription(/Beschrijf het doel/);
    await user.type(doel, 'Zonder pijn lopen naar de bakker');
    await waitFor(async () => {
      const plan = await getPlanForClient(db, clientId);
      const doelen = await db.doelen.where('planId').equals(plan!.id).toArray();
      expect(doelen.map((d) => d.omschrijving)).toEqual(['Zonder pijn lopen naar de bakker']);
    });
    expect(await screen.findByText('Opgeslagen')).toBeInTheDocument();
  });

  it('says which rungs are empty at step 7, asks why, keeps the reason, and does not block', async () => {
    const clientId = await nieuweClient();
    const user = userEvent.setup({ delay: null });
    editor(clientId);
    await user.click(await screen.findByRole('button', { name: /7\. Professionele hulp/ }));
    expect(stapKnop(/7\. Professionele hulp/)).toHaveAttribute('aria-current', 'step');
    expect(
      screen.getByText(/Deze stappen zijn nog leeg: eigen kracht, netwerk en mantelzorg/),
    ).toBeInTheDocument();
    // Never a wall: adding professional inzet is possible before any reason is given.
    expect(screen.getByRole('button', { name: /Professionele hulp toevoegen/ })).toBeEnabled();
    await user.type(
      screen.getByLabelText('Waarom is professionele hulp toch nodig?'),
      'Dochter woont ver weg',
    );
    await waitFor(async () =>
      expect((await getPlanForClient(db, clientId))?.ladderToelichting).toBe(
        'Dochter woont ver weg',
      ),
    );
  });

  it('shows the routed domain live: huishoudelijke hulp → Wmo Ede, verpleging → Zvw at her insurer', async () => {
    const clientId = await nieuweClient({ zorgverzekeraar: '7095' }); // VGZ, no Wlz, Ede
    const user = userEvent.setup({ delay: null });
    editor(clientId, 'professioneel');
    await user.click(await screen.findByRole('button', { name: /Professionele hulp toevoegen/ }));
    await user.selectOptions(screen.getByLabelText('Soort hulp'), 'HH-SCHOONMAAK');
    const routering = () => screen.getByTestId('routering');
    expect(routering()).toHaveTextContent('Wmo');
    expect(routering()).toHaveTextContent('Gemeente Ede');
    expect(screen.getByLabelText('Wat gebeurt er?')).toHaveValue(
      'Hulp bij het huishouden (schoonmaken)',
    );
    await user.type(screen.getByLabelText(/Hoeveel \(uur\/week\)/), '2,5');

    await user.selectOptions(screen.getByLabelText('Soort hulp'), 'VP-WONDZORG');
    expect(routering()).toHaveTextContent('Zvw');
    expect(routering()).toHaveTextContent(/VGZ/);
    await waitFor(async () => {
      const plan = await getPlanForClient(db, clientId);
      const [item] = await listPlanItems(db, plan!.id);
      expect(item?.inzet).toMatchObject({ code: 'VP-WONDZORG', omvang: { aantal: 2.5 } });
      expect(item?.routering?.domein).toBe('Zvw');
    });
  });

  it('asks the question routing needs and routes again with the answer', async () => {
    const clientId = await nieuweClient();
    const user = userEvent.setup({ delay: null });
    editor(clientId, 'professioneel');
    await user.click(await screen.findByRole('button', { name: /Professionele hulp toevoegen/ }));
    await user.selectOptions(screen.getByLabelText('Soort hulp'), 'PV-ADL');
    const vraag = screen.getByLabelText(/Hangt de verzorging samen met ziekte/);
    await user.selectOptions(vraag, 'geneeskundig');
    expect(screen.getByTestId('routering')).toHaveTextContent('Zvw');
    await user.selectOptions(vraag, 'begeleidend');
    expect(screen.getByTestId('routering')).toHaveTextContent('Wmo');
  });

  it('lets the arrangeur choose another domain only with a reason, and keeps the routed one', async () => {
    const clientId = await nieuweClient();
    const user = userEvent.setup({ delay: null });
    editor(clientId, 'professioneel');
    await user.click(await screen.findByRole('button', { name: /Professionele hulp toevoegen/ }));
    await user.selectOptions(screen.getByLabelText('Soort hulp'), 'HH-SCHOONMAAK');
    await waitFor(async () => {
      const plan = await getPlanForClient(db, clientId);
      expect(await listPlanItems(db, plan!.id)).toHaveLength(1);
    });

    await user.click(screen.getByLabelText('Ander domein kiezen dan de routering'));
    await user.selectOptions(screen.getByLabelText('Gekozen domein'), 'Zvw');
    await user.type(screen.getByLabelText('Waarom een ander domein?'), 'kort');
    expect(
      await screen.findByText(
        'Nog niet opgeslagen: Geef kort de reden (minstens 5 tekens). De andere velden zijn opgeslagen.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Waarom een ander domein?')).toHaveValue('kort');
    const plan = await getPlanForClient(db, clientId);
    expect((await listPlanItems(db, plan!.id))[0]?.override).toBeUndefined();

    await user.type(screen.getByLabelText('Waarom een ander domein?'), ' na ziekenhuisopname');
    await waitFor(async () => {
      const [item] = await listPlanItems(db, plan!.id);
      expect(item?.override).toEqual({ domein: 'Zvw', reden: 'kort na ziekenhuisopname' });
      expect(item?.routering?.domein).toBe('Wmo');
    });
    // Issue 11, point 3: the chosen domain's payer, uitleg and voorwaarden; routing's beside it.
    expect(screen.getByTestId('routering')).toHaveTextContent('Gekozen: Zvw');
    expect(screen.getByTestId('routering')).toHaveTextContent(/Financier\s*CZ/);
    expect(screen.getByTestId('routering')).not.toHaveTextContent('Gemeente Ede');
    expect(screen.getByText(/Gekozen voor de zorgverzekeraar \(Zvw\)/)).toBeInTheDocument();
    expect(
      screen.getByText(/Vooraf toestemming \(machtiging\) van de zorgverzekeraar/),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Een melding bij de gemeente/)).not.toBeInTheDocument();
    expect(screen.getByTestId('routering-naast')).toHaveTextContent(
      'Volgens de routering: Wmo — Gemeente Ede',
    );
  });

  it('vaststellen makes the plan read-only; "Nieuwe versie maken" reopens it as a concept', async () => {
    const { client, plan } = await maakPlanMetItems(db, 6);
    const r = await updatePlan(
      db,
      plan.id,
      {
        hulpvraag: 'Thuis blijven wonen',
        akkoord: { datum: '2026-11-20', wijze: 'mondeling', door: 'client' },
        evaluatiedatum: '2027-05-20',
      },
      { updatedBy: 'seed' },
    );
    expect(r.ok).toBe(true);
    const user = userEvent.setup({ delay: null });
    editor(client.id, 'akkoord');

    await user.click(await screen.findByRole('button', { name: 'Plan vaststellen' }));
    await waitFor(() => expect(screen.getByTestId('plan-stand')).toHaveTextContent('Vastgesteld'));
    expect(screen.getByRole('note')).toHaveTextContent(/vastgesteld op 23 november 2026/);
    expect(screen.getByLabelText('Evaluatiedatum')).toBeDisabled();
    await user.click(stapKnop(/1\. Hulpvraag/));
    expect(screen.getByLabelText(/Wat is belangrijk voor u/)).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Nieuwe versie maken' }));
    await waitFor(() =>
      expect(screen.getByTestId('plan-stand')).toHaveTextContent('Concept · versie 2'),
    );
    expect(screen.getByLabelText(/Wat is belangrijk voor u/)).toBeEnabled();
    expect(screen.getByLabelText(/Wat is belangrijk voor u/)).toHaveValue('Thuis blijven wonen');
  });

  it('names what is missing when the plan cannot be vastgesteld yet', async () => {
    const clientId = await nieuweClient();
    await getOrCreatePlan(db, clientId, { updatedBy: 'seed' });
    const user = userEvent.setup({ delay: null });
    editor(clientId, 'akkoord');
    await user.click(await screen.findByRole('button', { name: 'Plan vaststellen' }));
    const melding = await screen.findByRole('alert');
    expect(melding).toHaveTextContent(/akkoord/);
    expect(melding).toHaveTextContent(/evaluatiedatum/);
    expect(screen.getByTestId('plan-stand')).toHaveTextContent('Concept');
  });
});

describe('CaseloadScreen: plans and evaluations', () => {
  it('shows each plan status, marks a due evaluation, filters on it and opens the plan', async () => {
    const { client, plan } = await maakPlanMetItems(db, 6, {
      client: { voornaam: 'Gerda', achternaam: 'Smit' },
    });
    await updatePlan(
      db,
      plan.id,
      {
        akkoord: { datum: '2026-11-20', wijze: 'mondeling', door: 'client' },
        evaluatiedatum: '2026-11-30',
      },
      { updatedBy: 'seed' },
    );
    const vast = await stelPlanVast(db, plan.id, { updatedBy: 'seed', vandaag: VANDAAG });
    expect(vast.ok).toBe(true);
    await nieuweClient({ voornaam: 'Kees', achternaam: 'Zonder', bsn: undefined });
    const onOpenPlan = vi.fn();
    const user = userEvent.setup({ delay: null });
    renderMetDb(
      <CaseloadScreen onOpen={vi.fn()} onNew={vi.fn()} onOpenPlan={onOpenPlan} vandaag={VANDAAG} />,
    );

    const gerda = await screen.findByRole('button', { name: /^Gerda Smit/ });
    await waitFor(() => expect(gerda).toHaveTextContent('Plan: vastgesteld, versie 1'));
    expect(gerda).toHaveTextContent('Evaluatie op 30 november 2026');
    expect(screen.getByRole('button', { name: /^Kees Zonder/ })).toHaveTextContent('Nog geen plan');
    expect(screen.getByText(/Evaluaties die eraan komen: 1/)).toBeInTheDocument();

    await user.click(screen.getByLabelText('Alleen cliënten met een evaluatie'));
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: /^Kees Zonder/ })).not.toBeInTheDocument(),
    );
    await user.click(screen.getByRole('button', { name: 'Plan van Gerda Smit' }));
    expect(onOpenPlan).toHaveBeenCalledWith(client.id);
  });
});

describe('PlanPrintScreen', () => {
  it('reads in plain words who pays, without GM, UZOVI, catalog codes or rule ids', async () => {
    const { plan } = await maakPlanMetItems(db, 6, { client: { zorgverzekeraar: '7095' } });
    await updatePlan(db, plan.id, { hulpvraag: 'Thuis blijven wonen' }, { updatedBy: 'seed' });
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    renderMetDb(<PlanPrintScreen planId={plan.id} onTerug={vi.fn()} />);

    for (const kop of [
      'Wat is belangrijk voor u',
      'Wat u zelf doet',
      'Wie helpt',
      'Welke hulp en zorg',
    ]) {
      expect(await screen.findByRole('heading', { name: kop })).toBeInTheDocument();
    }
    const tekst = document.body.textContent ?? '';
    expect(tekst).toContain('de gemeente Ede (Wmo)');
    expect(tekst).toContain('Thuis blijven wonen');
    expect(tekst).not.toMatch(/GM\d{4}/);
    expect(tekst).not.toMatch(/\b(7095|7119|3311)\b/);
    expect(tekst).not.toMatch(/UZOVI/i);
    expect(tekst).not.toMatch(/\b[A-Z]{2,4}-[A-Z]{2,}/); // catalog codes such as HH-SCHOONMAAK
    for (const regel of REGELS) expect(tekst).not.toContain(regel.id);
    expect(tekst).not.toMatch(/\b(Wlz|Zvw|Wmo) art\./); // no legal grondslag either

    await userEvent.setup({ delay: null }).click(screen.getByRole('button', { name: 'Printen' }));
    expect(print).toHaveBeenCalled();
    print.mockRestore();
  });
});
