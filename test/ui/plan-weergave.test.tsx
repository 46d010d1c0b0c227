/**
 * The one read-only plan rendering (issue 15, point 5): step 8, the print and the review show the
 * same plan from the same component, each part once, and the same payer (geldendeBeslissing).
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type ArrangeurDB } from '../../src/storage/db.ts';
import { savePlanItem, updatePlan } from '../../src/storage/repositories/plans.ts';
import {
  PlanWeergave,
  type PlanInhoud,
  type PlanWeergaveVariant,
} from '../../src/ui/components/PlanWeergave.tsx';
import { maakPlanMetItems } from '../fixtures/plans.ts';

let db: ArrangeurDB;
beforeEach(() => {
  db = openDb(`plan-weergave-${crypto.randomUUID()}`);
});
afterEach(async () => {
  cleanup();
  await db.delete();
});

async function planMetOverride(): Promise<PlanInhoud> {
  const m = await maakPlanMetItems(db, 6);
  const prof = m.items.find((i) => i.stap === 'professioneel')!;
  const r = await savePlanItem(
    db,
    {
      ...prof,
      omschrijving: 'Wondzorg aan het been',
      inzet: { code: 'VP-WONDZORG', omvang: { aantal: 3, eenheid: 'uur/week' } },
      override: { domein: 'Wmo', reden: 'Afspraak met de gemeente.' },
    },
    { updatedBy: 'test', vandaag: '2026-11-23' },
  );
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  const items = m.items.map((i) => (i.id === r.record.id ? r.record : i));
  const p = await updatePlan(
    db,
    m.plan.id,
    { evaluatiedatum: '2027-05-01' },
    { updatedBy: 'test' },
  );
  if (!p.ok) throw new Error(JSON.stringify(p.issues));
  const plan = p.record;
  return { client: m.client, plan, doelen: [m.doel], naasten: [m.naaste], items, kaart: [] };
}

const BETALER: Record<PlanWeergaveVariant, RegExp> = {
  samenvatting: /Wondzorg aan het been — Wmo — Gemeente Ede/,
  print: /Wie betaalt: de gemeente Ede \(Wmo\)/,
  review: /Financier: Gemeente Ede/,
};

describe('PlanWeergave', () => {
  it.each<PlanWeergaveVariant>(['samenvatting', 'print', 'review'])(
    '%s: every part of the plan once, and the payer of the chosen domain',
    async (variant) => {
      const inhoud = await planMetOverride();
      const { container } = render(<PlanWeergave variant={variant} inhoud={inhoud} />);
      const blad = container as HTMLElement;
      expect(blad).toHaveTextContent(inhoud.doelen[0]!.omschrijving);
      expect(within(blad).getAllByText(new RegExp(inhoud.naasten[0]!.naam))).not.toHaveLength(0);
      for (const item of inhoud.items) {
        const naam = item.voorzieningNaam ?? item.omschrijving;
        expect(blad.textContent!.split(naam).length - 1, naam).toBe(1);
      }
      expect(blad).toHaveTextContent(BETALER[variant]);
      // What the chosen domain still needs: for the arrangeur and the reviewer, not the client.
      if (variant === 'print') expect(blad).not.toHaveTextContent(/Nog nodig/);
      else expect(blad).toHaveTextContent(/Nog nodig: .*melding bij de gemeente/i);
      // The akkoord is step 8's own form; the print and the review say where it stands.
      if (variant === 'samenvatting') {
        expect(screen.getByRole('region', { name: 'Overzicht' })).toBeInTheDocument();
        expect(blad).not.toHaveTextContent(/evaluatie/i);
      } else {
        expect(blad).toHaveTextContent(/1 mei 2027/);
      }
    },
  );

  it('the review wraps every section and every entry for its comments', async () => {
    const inhoud = await planMetOverride();
    const secties: string[] = [];
    const entries: string[] = [];
    render(
      <PlanWeergave
        variant="review"
        inhoud={inhoud}
        sectie={({ stap, nummer, kop, children }) => {
          secties.push(`${nummer}. ${kop}`);
          return (
            <section key={stap} aria-label={kop}>
              {children}
            </section>
          );
        }}
        entry={({ id, onderwerp, children }) => {
          entries.push(onderwerp);
          return <li key={id}>{children}</li>;
        }}
      />,
    );
    expect(secties).toHaveLength(8);
    expect(secties[0]).toBe('1. Hulpvraag en doelen');
    expect(secties[7]).toMatch(/^8\. /);
    // One doel, one naaste, six items.
    expect(new Set(entries).size).toBe(8);
    expect(entries).toContain(`Naaste: ${inhoud.naasten[0]!.naam}`);
  });
});
