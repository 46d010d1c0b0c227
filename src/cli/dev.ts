/** `npm run dev`: the API on API_PORT (default 3000) plus the Vite dev server proxying /api to it. */
import { spawn } from 'node:child_process';
import { loadConfig } from '../server/config.ts';
import { startServer } from '../server/main.ts';

const apiPort = Number(process.env.API_PORT ?? 3000);
const server = await startServer({
  ...loadConfig({ DEMO: '1', ...process.env, PORT: String(apiPort) }),
  staticDir: null,
});
console.log(`API op ${server.url}/api (de app zelf: zie de Vite-link hieronder)`);
const vite = spawn(process.execPath, ['node_modules/vite/bin/vite.js'], {
  stdio: 'inherit',
  env: { ...process.env, API_PORT: String(apiPort) },
});
const stop = () => {
  vite.kill('SIGTERM');
  void server.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
vite.once('exit', stop);
