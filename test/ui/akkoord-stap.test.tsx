/**
 * Step 8 (Overzicht en akkoord): who pays after an override (issue 11, point 3) and every reason
 * the arrangeur gave — the ladder reason and each override reason (point 9).
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDb, type ArrangeurDB } from '../../src/storage/db.ts';
import { savePlanItem, updatePlan } from '../../src/storage/repositories/plans.ts';
import { PlanEditorScreen } from '../../src/ui/features/plan-editor/index.ts';
import { DbProvider } from '../../src/ui/hooks/useDb.tsx';
import { maakPlanMetItems } from '../fixtures/plans.ts';

vi.setConfig({ testTimeout: 30_000 });

const VANDAAG = '2026-11-23';
let db: ArrangeurDB;
beforeEach(() => {
  db = openDb(`akkoord-${crypto.randomUUID()}`);
});
afterEach(async () => {
  cleanup();
  await new Promise((r) => setTimeout(r, 20));
  await db.delete();
});

describe('step 8', () => {
  it('names the chosen domain’s payer with routing’s beside it, and shows every reason', async () => {
    const { client, plan, items } = await maakPlanMetItems(db, 6);
    await updatePlan(
      db,
      plan.id,
      { ladderToelichting: 'De dochter woont ver weg en kan niet vaker komen.' },
      { updatedBy: 'test' },
    );
    // Wondzorg routes to the Zvw (CZ); the arrangeur chose the Wmo.
    const prof = items.find((i) => i.stap === 'professioneel')!;
    const r = await savePlanItem(
      db,
      {
        ...prof,
        omschrijving: 'Wondzorg aan het been',
        inzet: { code: 'VP-WONDZORG', omvang: { aantal: 3, eenheid: 'uur/week' } },
        override: { domein: 'Wmo', reden: 'Afspraak met de gemeente Ede over deze wijk.' },
      },
      { updatedBy: 'test', vandaag: VANDAAG },
    );
    expect(r.ok && r.record.routering?.domein).toBe('Zvw');

    render(
      <DbProvider db={db} userId="verpleegkundige-1">
        <PlanEditorScreen
          clientId={client.id}
          onTerug={vi.fn()}
          onPrint={vi.fn()}
          vandaag={VANDAAG}
          beginStap="akkoord"
        />
      </DbProvider>,
    );
    const overzicht = await screen.findByRole('region', { name: 'Overzicht' });
    const wond = within(overzicht)
      .getByText(/Wondzorg aan het been/)
      .closest('li')!;
    expect(wond).toHaveTextContent('Wondzorg aan het been — Wmo — Gemeente Ede');
    expect(wond).toHaveTextContent('Volgens de routering: Zvw — CZ');
    expect(wond).toHaveTextContent(
      'Reden voor het andere domein: Afspraak met de gemeente Ede over deze wijk.',
    );
    expect(overzicht).toHaveTextContent(
      'Waarom professionele hulp nodig is: De dochter woont ver weg en kan niet vaker komen.',
    );
  });
});
