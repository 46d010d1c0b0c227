// Its own file: the "first start of this page" check in ui/app/sessie.ts is per module load.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, it } from 'vitest';
import { openDb, type ArrangeurDB } from '../../src/storage/db.ts';
import { bewaarSessie } from '../../src/storage/sessie.ts';
import { App } from '../../src/ui/app/App.tsx';
import { ACTIVITEIT_KEY } from '../../src/ui/app/sessie.ts';
import { DbProvider } from '../../src/ui/hooks/useDb.tsx';

let db: ArrangeurDB | null = null;
afterEach(async () => {
  await db?.delete();
  db = null;
});

it('an app reopened after the idle time starts locked, before any data is shown', async () => {
  const d = (db = openDb(`heropen-${crypto.randomUUID()}`));
  const uurGeleden = new Date(Date.now() - 60 * 60_000);
  await bewaarSessie(
    d,
    {
      id: '7d3f1c2a-0000-4000-8000-000000000001',
      gebruikersnaam: 'anja',
      naam: 'Anja',
      rol: 'arrangeur',
    },
    '24680',
    { now: uurGeleden, iteraties: 100_000 },
  );
  await d.meta.put({ key: ACTIVITEIT_KEY, value: uurGeleden.getTime() });
  render(
    <DbProvider db={d}>
      <App services={{ connectivity: null, registerPwa: null, idleMs: 15 * 60_000 }} />
    </DbProvider>,
  );
  expect(await screen.findByRole('heading', { name: 'De app is op slot' })).toBeInTheDocument();
  expect(screen.queryByTestId('statusbalk')).not.toBeInTheDocument();

  await userEvent.type(screen.getByLabelText('Pincode (5 cijfers)'), '24680');
  await userEvent.click(screen.getByRole('button', { name: 'Openen' }));
  expect(await screen.findByTestId('statusbalk', {}, { timeout: 5000 })).toBeInTheDocument();
});
