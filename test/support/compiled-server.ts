/**
 * The compiled server (what `npm start` runs) as a real process for the runtime tests: built once
 * per test file with `scripts/build.mjs --server-only` into its own folder under test-output/
 * (inside the project, so its imports resolve to node_modules), started with plain `node` — no
 * TypeScript loader.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      srv.close(() =>
        typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Compiles the server into test-output/server-<pid>-<n>; returns the folder and a remover. */
export function buildCompiledServer(): { dir: string; remove(): void } {
  const dir = join('test-output', `server-${process.pid}-${Date.now()}`);
  const r = spawnSync(
    process.execPath,
    ['scripts/build.mjs', '--server-only', `--out-dir=${dir}`],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`build failed: ${r.stdout}\n${r.stderr}`);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface ServerProcess {
  readonly child: ChildProcess;
  readonly base: string;
  /** The exit code (or the signal's name) once the process has ended. */
  readonly exited: Promise<number | string>;
  /** Everything the process wrote to stdout (JSON log lines). */
  output(): string;
}

/** Starts `node <dir>/server/main.js` on a free port; resolves once /api/ready answers 200. */
export async function startCompiledServer(
  dir: string,
  env: Record<string, string>,
): Promise<ServerProcess> {
  const port = env['PORT'] ?? String(await freePort());
  const child = spawn(process.execPath, [join(dir, 'server', 'main.js')], {
    env: {
      ...process.env,
      LOG_LEVEL: 'info',
      STATIC_DIR: '/nonexistent',
      ...env,
      PORT: port,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(`${base}/api/ready`)).ok) {
        return { child, base, exited, output: () => out };
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not start:\n${out}`);
}
