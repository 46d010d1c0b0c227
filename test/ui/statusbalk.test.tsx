import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../src/sync/client/engine.ts';
import { StatusBar } from '../../src/ui/app/StatusBar.tsx';
import { DbProvider } from '../../src/ui/hooks/useDb.tsx';
import { openDb } from '../../src/storage/db.ts';

const STATUS: SyncStatus = {
  online: true,
  wachtend: 0,
  geweigerd: 0,
  conflicten: 0,
  laatsteSync: new Date().toISOString(),
  fout: null,
  bezig: false,
};

describe('Nu synchroniseren', () => {
  it('says "Bezig" from the tap until the run it asked for has ended, also before the engine reports it', async () => {
    let klaar: (v: unknown) => void = () => undefined;
    const run = new Promise((resolve) => {
      klaar = resolve;
    });
    render(
      <DbProvider db={openDb(`statusbalk-${crypto.randomUUID()}`)}>
        <StatusBar connectivity={null} sync={STATUS} onSyncNu={() => run} />
      </DbProvider>,
    );
    const knop = screen.getByRole('button', { name: 'Nu synchroniseren' });
    expect(screen.getByTestId('laatst-gesynchroniseerd')).toHaveTextContent(
      /Laatst gesynchroniseerd om \d\d:\d\d/,
    );
    await userEvent.click(knop);
    // The engine still says bezig: false (its run has not started), yet the bar shows the run.
    expect(screen.getByTestId('laatst-gesynchroniseerd')).toHaveTextContent(
      'Bezig met synchroniseren…',
    );
    expect(knop).toBeDisabled();
    await act(async () => {
      klaar({ ok: true });
      await run;
    });
    expect(screen.getByTestId('laatst-gesynchroniseerd')).toHaveTextContent(
      /Laatst gesynchroniseerd om \d\d:\d\d/,
    );
    expect(knop).toBeEnabled();
  });
});
