/**
 * The client's paper (issue 11, point 10) and its payer (point 3): how much in words, who
 * provides it and how to reach them, the sociale kaart's phone or address, every heading once,
 * no internal words, and the chosen domain's payer after an override.
 */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { catalogusId } from '../../src/domain/sociale-kaart/catalogus.ts';
import { openDb, type ArrangeurDB } from '../../src/storage/db.ts';
import { savePlanItem, updatePlan } from '../../src/storage/repositories/plans.ts';
import { saveVoorziening } from '../../src/storage/repositories/sociale-kaart.ts';
import { noemZorgverzekeraar } from '../../src/storage/repositories/zorgverzekeraars.ts';
import { PlanPrintScreen } from '../../src/ui/features/plan-print/index.ts';
import { omvangInWoorden } from '../../src/ui/components/plan-woorden.ts';
import { DbProvider } from '../../src/ui/hooks/useDb.tsx';
import { maakPlanMetItems } from '../fixtures/plans.ts';

vi.setConfig({ testTimeout: 30_000 });

let db: ArrangeurDB;
beforeEach(() => {
  db = openDb(`plan-print-${crypto.randomUUID()}`);
});
afterEach(async () => {
  cleanup();
  await new Promise((r) => setTimeout(r, 20));
  await db.delete();
});

const wie = { updatedBy: 'test', vandaag: '2026-11-23' };

async function print(planId: string) {
  render(
    <DbProvider db={db} userId="verpleegkundige-1">
      <PlanPrintScreen planId={planId} onTerug={vi.fn()} />
    </DbProvider>,
  );
  await screen.findByRole('heading', { name: 'Welke hulp en zorg' });
  return document.querySelector('.print-blad') as HTMLElement;
}

describe('omvangInWoorden', () => {
  it.each([
    [{ aantal: 5, eenheid: 'uur/week' }, '5 uur per week'],
    [{ aantal: 2.5, eenheid: 'uur/week' }, '2,5 uur per week'],
    [{ aantal: 1, eenheid: 'uur/maand' }, '1 uur per maand'],
    [{ aantal: 3, eenheid: 'dagdeel/week' }, '3 dagdelen per week'],
    [{ aantal: 1, eenheid: 'dagdeel/week' }, '1 dagdeel per week'],
    [{ aantal: 2, eenheid: 'rit/week' }, '2 ritten per week'],
    [{ aantal: 5, eenheid: 'maaltijd/week' }, '5 maaltijden per week'],
    [{ aantal: 1, eenheid: 'stuk' }, '1 stuk'],
  ])('%j → %s', (omvang, woorden) => {
    expect(omvangInWoorden(omvang)).toBe(woorden);
  });
});

describe('the print of a typical plan (one item per step)', () => {
  it('says how much, who provides it and how to reach them; the payer after an override', async () => {
    const { plan, items } = await maakPlanMetItems(db, 6);
    await updatePlan(db, plan.id, { hulpvraag: 'Thuis blijven wonen' }, { updatedBy: 'test' });
    // The aanbieder is on the sociale kaart (the arrangeur's own entry): its phone is known.
    const eigen = await saveVoorziening(
      db,
      {
        categorie: 'informatie-en-advies',
        naam: 'Thuiszorg De Vallei (fictief)',
        omschrijving: 'Thuiszorg in Ede.',
        contact: '0318-000 999',
      },
      { updatedBy: 'test' },
    );
    expect(eigen.ok).toBe(true);
    const prof = items.find((i) => i.stap === 'professioneel')!;
    await savePlanItem(
      db,
      {
        ...prof,
        aanbieder: 'Thuiszorg De Vallei (fictief)',
        override: { domein: 'Zvw', reden: 'Hoort bij de wijkverpleging na ontslag.' },
      },
      wie,
    );
    // A voorziening picked from the catalog: its address and phone are on the paper.
    const voorziening = items.find((i) => i.stap === 'voorziening')!;
    await savePlanItem(
      db,
      { ...voorziening, voorzieningId: catalogusId(1), voorzieningNaam: 'Buurthuis De Brinkhof' },
      wie,
    );

    const blad = await print(plan.id);
    const zorg = await screen.findAllByTestId('print-inzet');
    const schoonmaak = zorg.find((z) => z.textContent?.includes('Hulp bij het schoonmaken'))!;
    expect(schoonmaak).toHaveTextContent('2 uur per week');
    expect(schoonmaak).toHaveTextContent('Wie doet het: Thuiszorg De Vallei (fictief) (');
    expect(schoonmaak).toHaveTextContent('0318-000 999');
    // Point 3: Wmo routed, Zvw chosen → the client's zorgverzekeraar (CZ), not the gemeente.
    expect(schoonmaak).toHaveTextContent('Wie betaalt: uw zorgverzekeraar CZ');
    expect(schoonmaak).not.toHaveTextContent('gemeente');
    const douchestoel = zorg.find((z) => z.textContent?.includes('Douchestoel'))!;
    expect(douchestoel).toHaveTextContent('1 stuk');
    expect(douchestoel).toHaveTextContent('Wie het doet, spreken we nog af.');

    expect(blad).toHaveTextContent('Brinkhoflaan 12, 6712 XA Ede');
    expect(blad).toHaveTextContent('0318-000 101');
    expect(blad).toHaveTextContent(
      'Gesprek met de mantelzorgconsulent voor de dochter (3) (1 uur per maand)',
    );
    expect(blad).toHaveTextContent('06-12345678'); // how to reach the naaste
  });

  it('names an insurer the shipped list lacks by the name given on this device, never its code', async () => {
    const { plan, items } = await maakPlanMetItems(db, 6, { client: { zorgverzekeraar: '9999' } });
    const prof = items.find((i) => i.stap === 'professioneel')!;
    const zvw = { domein: 'Zvw' as const, reden: 'Wijkverpleging.' };
    await savePlanItem(db, { ...prof, override: zvw }, wie);
    const inzet = async () =>
      (await screen.findAllByTestId('print-inzet')).find((z) =>
        z.textContent?.includes('Hulp bij het schoonmaken'),
      )!;

    await print(plan.id);
    expect(await inzet()).toHaveTextContent('Wie betaalt: uw zorgverzekeraar.');
    cleanup();

    const genoemd = await noemZorgverzekeraar(
      db,
      { uzovi: '9999', naam: 'Zorgverzekeraar Het Oosten' },
      { updatedBy: 'test' },
    );
    expect(genoemd.ok).toBe(true);
    const blad = await print(plan.id);
    expect(await inzet()).toHaveTextContent('Wie betaalt: uw zorgverzekeraar Het Oosten.');
    expect(blad).not.toHaveTextContent('9999');
  });

  it('repeats no heading and uses no internal words for the status', async () => {
    const { plan } = await maakPlanMetItems(db, 6);
    const blad = await print(plan.id);
    const koppen = [...blad.querySelectorAll('h1, h2, h3, h4, th')].map((h) =>
      (h.textContent ?? '').trim().toLocaleLowerCase('nl'),
    );
    expect(koppen.length).toBeGreaterThan(4);
    expect(new Set(koppen).size).toBe(koppen.length);
    expect(blad).not.toHaveTextContent(/versie\s*\d/i);
    expect(blad).not.toHaveTextContent(/concept/i);
    expect(screen.getByTestId('print-stand')).toHaveTextContent(
      'Dit is een voorstel. Het plan is nog niet definitief.',
    );
  });
});
