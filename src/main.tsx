/**
 * Client composition root: open the device database, ask for persistent storage, watch the
 * network, register the service worker, render. The only place that wires everything together.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { openDb } from './storage/db.ts';
import { seedDemoClients } from './storage/demo.ts';
import { requestPersistence } from './storage/persistence.ts';
import { watchConnectivity } from './sync/client/connectivity.ts';
import { App } from './ui/app/App.tsx';
import { registerPwa } from './ui/app/pwa.ts';
import { DbProvider } from './ui/hooks/useDb.tsx';
import './ui/app/app.css';
import './ui/components/components.css';

const db = openDb();
void requestPersistence(db);
const connectivity = watchConnectivity();
void connectivity.check();

// Demo deployments (`npm start`) fill an empty device once with fictional clients.
void fetch('/api/config')
  .then((res) => (res.ok ? (res.json() as Promise<{ demo?: boolean }>) : null))
  .then((config) => (config?.demo ? seedDemoClients(db) : 0))
  .catch(() => 0);

const root = document.getElementById('root');
if (!root) throw new Error('#root missing in index.html');
createRoot(root).render(
  <StrictMode>
    <DbProvider db={db}>
      <App services={{ connectivity, registerPwa }} />
    </DbProvider>
  </StrictMode>,
);
