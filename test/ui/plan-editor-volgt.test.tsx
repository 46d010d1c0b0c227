/**
 * Issue 11, points 1 and 2: the plan editor never loses, misplaces or garbles what is typed.
 * - Autosave never moves focus; an invalid field is not saved yet (and says so), the rest is.
 * - An open editor follows the synced record: a field she is not editing takes the synced value
 *   in place; a field she is editing keeps her text and its save makes the server keep the other
 *   value as a conflict, never a silent overwrite.
 */
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDb, type ArrangeurDB } from '../../src/storage/db.ts';
import { saveClient } from '../../src/storage/repositories/clients.ts';
import {
  getOrCreatePlan,
  getPlanForClient,
  listPlanItems,
  updatePlan,
} from '../../src/storage/repositories/plans.ts';
import { listOpenConflicts, resolveConflict } from '../../src/sync/client/conflicts.ts';
import { createSyncEngine } from '../../src/sync/client/engine.ts';
import { PlanEditorScreen } from '../../src/ui/features/plan-editor/index.ts';
import { DbProvider } from '../../src/ui/hooks/useDb.tsx';
import { clientInvoer } from '../fixtures/clients.ts';
import { FakeServer, NepTimers, NepVerbinding } from '../sync/client/fake-server.ts';

vi.setConfig({ testTimeout: 30_000 });

const VANDAAG = '2026-11-23';
const WIE = { updatedBy: 'verpleegkundige-1' };
const dbs: ArrangeurDB[] = [];

function nieuweDb(): ArrangeurDB {
  const db = openDb(`plan-volgt-${crypto.randomUUID()}`);
  dbs.push(db);
  return db;
}

afterEach(async () => {
  cleanup();
  await new Promise((r) => setTimeout(r, 20));
  await Promise.all(dbs.splice(0).map((d) => d.delete()));
});

function editor(db: ArrangeurDB, clientId: string, beginStap?: 'professioneel') {
  const ui: ReactNode = (
    <DbProvider db={db} userId={WIE.updatedBy}>
      <PlanEditorScreen
        clientId={clientId}
        onTerug={vi.fn()}
        onPrint={vi.fn()}
        vandaag={VANDAAG}
        beginStap={beginStap}
      />
    </DbProvider>
  );
  return render(ui);
}

const wacht = (ms: number) => act(() => new Promise((r) => setTimeout(r, ms)));

describe('autosave never moves focus (issue 11, point 1)', () => {
  let db: ArrangeurDB;
  let clientId: string;
  beforeEach(async () => {
    db = nieuweDb();
    const r = await saveClient(db, clientInvoer(), WIE);
    if (!r.ok) throw new Error('client');
    clientId = r.client.id;
  });

  async function inzetMetType() {
    const user = userEvent.setup({ delay: null });
    editor(db, clientId, 'professioneel');
    await user.click(await screen.findByRole('button', { name: /Professionele hulp toevoegen/ }));
    await user.selectOptions(screen.getByLabelText('Soort hulp'), 'HH-SCHOONMAAK');
    const plan = await waitFor(async () => {
      const p = await getPlanForClient(db, clientId);
      expect(await listPlanItems(db, p!.id)).toHaveLength(1);
      return p!;
    });
    return { user, plan };
  }

  it('typing in Aanbieder while the reason is empty: the text stays in Aanbieder and is saved there', async () => {
    const { user, plan } = await inzetMetType();
    await user.click(screen.getByLabelText('Ander domein kiezen dan de routering'));
    const aanbieder = screen.getByLabelText(/^Aanbieder/);
    await user.click(aanbieder);
    await user.type(aanbieder, 'Thuiszorg De Vallei');
    // Longer than the debounce: the save ran while the reason was still empty.
    await wacht(500);
    expect(document.activeElement).toBe(aanbieder);
    await user.keyboard(', team');
    await wacht(500);
    expect(document.activeElement).toBe(aanbieder);
    expect(aanbieder).toHaveValue('Thuiszorg De Vallei, team');
    const reden = screen.getByLabelText('Waarom een ander domein?');
    expect(reden).toHaveValue('');

    await waitFor(async () => {
      const [item] = await listPlanItems(db, plan.id);
      expect(item?.aanbieder).toBe('Thuiszorg De Vallei, team');
      // The invalid choice waits for its reason: not saved yet.
      expect(item?.override).toBeUndefined();
    });
    expect(screen.getByTestId('opslag-status')).toHaveTextContent(/^Nog niet opgeslagen: /);
    expect(reden).toHaveAccessibleDescription(/Nog niet opgeslagen/);
  });

  it('"twee" in Hoeveel is not saved yet; Aanbieder typed after it is, and the cursor stays', async () => {
    const { user, plan } = await inzetMetType();
    const hoeveel = screen.getByLabelText(/^Hoeveel/);
    await user.type(hoeveel, 'twee');
    await wacht(400);
    expect(document.activeElement).toBe(hoeveel);
    const aanbieder = screen.getByLabelText(/^Aanbieder/);
    await user.click(aanbieder);
    await user.type(aanbieder, 'Buurtzorg Ede');
    await wacht(400);
    expect(document.activeElement).toBe(aanbieder);
    await waitFor(async () => {
      const [item] = await listPlanItems(db, plan.id);
      expect(item?.aanbieder).toBe('Buurtzorg Ede');
      expect(item?.inzet?.omvang).toBeUndefined();
    });
    expect(hoeveel).toHaveValue('twee');
    expect(screen.getByTestId('opslag-status')).toHaveTextContent(/Nog niet opgeslagen/);
  });
});

describe('an open editor follows the synced record (issue 11, point 2)', () => {
  let server: FakeServer;
  beforeEach(() => {
    server = new FakeServer(WIE.updatedBy);
  });

  function apparaat() {
    const db = nieuweDb();
    const engine = createSyncEngine({
      db,
      fetch: server.fetchAls(WIE.updatedBy),
      connectivity: new NepVerbinding(),
      timers: new NepTimers(),
    });
    return {
      db,
      async sync() {
        const uitkomst = await act(() => engine.syncNow());
        expect(uitkomst.error).toBeNull();
      },
    };
  }

  /** A makes the client and plan with a hulpvraag; B gets them and opens the editor. */
  async function tweeApparaten() {
    const a = apparaat();
    const b = apparaat();
    const r = await saveClient(a.db, clientInvoer(), WIE);
    if (!r.ok) throw new Error('client');
    const clientId = r.client.id;
    const plan = await getOrCreatePlan(a.db, clientId, WIE);
    await updatePlan(a.db, plan.id, { hulpvraag: 'Thuis blijven wonen' }, WIE);
    await a.sync();
    await b.sync();
    editor(b.db, clientId);
    const veld = await screen.findByLabelText(/Wat is belangrijk voor u\?/);
    expect(veld).toHaveValue('Thuis blijven wonen');
    return { a, b, planId: plan.id, veld };
  }

  const serverHulpvraag = (planId: string) => server.records.get(planId)?.fields['hulpvraag'];

  it("a field she is not editing shows A's synced value in place", async () => {
    const { a, b, planId, veld } = await tweeApparaten();
    await updatePlan(a.db, planId, { hulpvraag: 'Met de kat thuis blijven' }, WIE);
    await a.sync();
    await b.sync();
    await waitFor(() => expect(veld).toHaveValue('Met de kat thuis blijven'));
    // Nothing is written back: the value came from the server.
    await wacht(400);
    expect(await b.db.outbox.count()).toBe(0);
  });

  it("while she types, her text stays, and her save makes the server keep A's value as a conflict", async () => {
    const { a, b, planId, veld } = await tweeApparaten();
    const user = userEvent.setup({ delay: null });
    await user.click(veld);
    await user.type(veld, ', door B');
    await waitFor(async () =>
      expect(
        (await getPlanForClient(b.db, (await b.db.plans.get(planId))!.clientId))?.hulpvraag,
      ).toBe('Thuis blijven wonen, door B'),
    );
    await b.sync();
    // A has seen B's text, and replaces it: no conflict there.
    await a.sync();
    await updatePlan(a.db, planId, { hulpvraag: 'Van A' }, WIE);
    await a.sync();
    await b.sync();
    // B is still in the field: her text stays.
    expect(document.activeElement).toBe(veld);
    expect(veld).toHaveValue('Thuis blijven wonen, door B');

    await user.type(veld, ' en meer');
    await waitFor(async () => expect(await b.db.outbox.count()).toBe(1));
    await b.sync();
    expect(serverHulpvraag(planId)).toBe('Thuis blijven wonen, door B en meer');
    const conflicten = server.conflicten().filter((c) => c.fields['field'] === 'hulpvraag');
    expect(conflicten.map((c) => c.fields['overwrittenValue'])).toEqual(['Van A']);
    await b.sync();
    expect((await listOpenConflicts(b.db)).map((c) => c.overwrittenValue)).toEqual(['Van A']);
  });

  it("a conflict resolved to A's value on A arrives in B's open editor", async () => {
    const { a, b, planId, veld } = await tweeApparaten();
    // Offline on both: A and B change the hulpvraag; B pushes last, so B's value wins.
    await updatePlan(a.db, planId, { hulpvraag: 'Van A' }, WIE);
    await a.sync();
    const user = userEvent.setup({ delay: null });
    await user.clear(veld);
    await user.type(veld, 'Van B');
    await user.tab();
    await waitFor(async () => expect(await b.db.outbox.count()).toBeGreaterThan(0));
    await b.sync();
    await a.sync();
    const [conflict] = await listOpenConflicts(a.db);
    expect(conflict).toMatchObject({ overwrittenValue: 'Van A', winningValue: 'Van B' });

    expect(await resolveConflict(a.db, conflict!.id, 'andere', WIE)).toEqual({ ok: true });
    await a.sync();
    await b.sync();
    await waitFor(() => expect(veld).toHaveValue('Van A'));
    expect(serverHulpvraag(planId)).toBe('Van A');
  });
});
