import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDb, type ArrangeurDB } from '../../src/storage/db.ts';
import { LoginScreen } from '../../src/ui/features/session/LoginScreen.tsx';
import { DbProvider } from '../../src/ui/hooks/useDb.tsx';

/**
 * Issue 11.8: opened as http://<server-ip>:PORT the page is no secure context (no crypto.subtle,
 * no service worker), so login cannot work. The login screen says so, in Dutch, with what to do.
 */
let db: ArrangeurDB | null = null;
afterEach(async () => {
  vi.unstubAllGlobals();
  await db?.delete();
  db = null;
});

function renderLogin() {
  db = openDb(`onveilig-${crypto.randomUUID()}`);
  const fetch = vi.fn();
  render(
    <DbProvider db={db}>
      <LoginScreen fetch={fetch} onIngelogd={() => undefined} />
    </DbProvider>,
  );
  return { fetch };
}

describe('login screen in a page that is no secure context', () => {
  it('says the app must be opened over https and what to do, and offers no login form', () => {
    vi.stubGlobal('isSecureContext', false);
    renderLogin();
    const melding = screen.getByRole('alert');
    expect(melding).toHaveTextContent('Open de app via https');
    expect(melding).toHaveTextContent('begint met http://');
    expect(melding).toHaveTextContent(
      'Vraag de beheerder van de app om het beveiligde adres. Dat begint met https://.',
    );
    expect(melding).toHaveTextContent(`Nu geopend: ${window.location.origin}`);
    expect(screen.queryByLabelText('Gebruikersnaam')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Inloggen' })).toBeNull();
  });

  it('shows the normal login form in a secure context', () => {
    vi.stubGlobal('isSecureContext', true);
    renderLogin();
    expect(screen.getByLabelText('Gebruikersnaam')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Inloggen' })).toBeInTheDocument();
    expect(screen.queryByText('Open de app via https')).toBeNull();
  });
});
