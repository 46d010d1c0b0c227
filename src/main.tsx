/**
 * Client composition root: open the device database, ask for persistent storage, watch the
 * network, make the sync engine, register the service worker, render. The only place that wires everything together.
 */
import './csp.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { openDb } from './storage/db.ts';
import { leesSessie } from './storage/sessie.ts';
import { requestPersistence } from './storage/persistence.ts';
import { watchConnectivity } from './sync/client/connectivity.ts';
import type { SyncEngine } from './sync/client/engine.ts';
import { App } from './ui/app/App.tsx';
import { preloadStartScreen } from './ui/app/screens.ts';
import { registerPwa } from './ui/app/pwa.ts';
import { DbProvider } from './ui/hooks/db-context.tsx';
import './ui/app/app.css';
import './ui/components/components.css';

const db = openDb();
void requestPersistence(db);
const connectivity = watchConnectivity();
void connectivity.check();

// The sync engine, made on first use: its module brings zod and the wire schemas, which the entry
// chunk must not carry. The app shell starts it once a local session exists (App.tsx) and calls
// syncNow() right after a login.
let engine: Promise<SyncEngine> | undefined;
const sync = {
  engine: () =>
    (engine ??= import('./sync/client/engine.ts').then((m) =>
      m.createSyncEngine({ db, fetch: (input, init) => fetch(input, init), connectivity }),
    )),
};

const root = document.getElementById('root');
if (!root) throw new Error('#root missing in index.html');
// The start screen's chunk first (see ui/app/screens.ts): rendering before it is there would show
// a fallback and let React hold the screen back for its 300 ms fallback throttle. Which screen
// that is depends on the stored session (login, PIN, or the app); a database that does not answer
// within a second (blocked by an upgrade in another tab) does not hold the first render back.
void Promise.race([
  leesSessie(db).catch(() => null),
  new Promise<undefined>((r) => setTimeout(r, 1000)),
])
  .then(preloadStartScreen)
  .then(() =>
    createRoot(root).render(
      <StrictMode>
        <DbProvider db={db}>
          <App services={{ connectivity, registerPwa, sync }} />
        </DbProvider>
      </StrictMode>,
    ),
  );
