/**
 * Builds what `npm start` runs, in plain Node (no TypeScript loader):
 *   - the PWA: `vite build` → dist/
 *   - the server: `tsc -p tsconfig.server.json` → dist-server/ (src/server, src/cli and what they
 *     import from src/domain and src/sync), plus the files the server reads at run time
 *     (migrations/*.sql, the password list) copied next to the compiled code.
 *
 *   node scripts/build.mjs              build both
 *   node scripts/build.mjs --if-needed  only what is missing or older than its sources (`prestart`)
 *   node scripts/build.mjs --server-only --out-dir=test-output/x   only the server, elsewhere (tests;
 *                                       the folder must be inside the project so node_modules resolves)
 *
 * With --if-needed on a tree installed with `npm ci --omit=dev` (no vite, no typescript) an
 * existing build is used as it is; a missing one stops with the command to run.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

const ifNeeded = process.argv.includes('--if-needed');
const serverOnly = process.argv.includes('--server-only');
const outDir =
  process.argv.find((a) => a.startsWith('--out-dir='))?.slice('--out-dir='.length) ?? 'dist-server';

/** Newest modification time under `path` (0 when missing). */
function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), 0);
}

function mtime(path) {
  return existsSync(path) ? statSync(path).mtimeMs : 0;
}

function run(label, args) {
  console.log(label);
  const result = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('Bouwen mislukt; zie de meldingen hierboven.');
    process.exit(1);
  }
}

/** Copies the non-TypeScript files the server reads at run time (src/server/**) to dist-server/. */
function copyServerAssets(dir = 'src/server') {
  for (const name of readdirSync(dir)) {
    const from = join(dir, name);
    if (statSync(from).isDirectory()) copyServerAssets(from);
    else if (/\.(sql|txt)$/.test(name)) {
      const to = join(outDir, relative('src', from));
      mkdirSync(dirname(to), { recursive: true });
      copyFileSync(from, to);
    }
  }
}

const targets = [
  {
    name: 'app',
    output: 'dist/index.html',
    inputs: ['src', 'public', 'index.html', 'vite.config.ts', 'package.json'],
    tool: 'node_modules/vite/bin/vite.js',
    build() {
      run('De app wordt gebouwd (vite build)…', [this.tool, 'build', '--logLevel', 'warn']);
    },
  },
  {
    name: 'server',
    output: join(outDir, 'cli', 'start.js'),
    inputs: [
      'src/server',
      'src/cli',
      'src/domain',
      'src/sync',
      'tsconfig.json',
      'tsconfig.server.json',
      'package.json',
    ],
    tool: 'node_modules/typescript/bin/tsc',
    build() {
      run('De server wordt gecompileerd (tsc)…', [
        this.tool,
        '-p',
        'tsconfig.server.json',
        '--outDir',
        outDir,
        '--tsBuildInfoFile',
        join(outDir, '.tsbuildinfo'),
      ]);
      copyServerAssets();
    },
  },
];

for (const t of serverOnly ? targets.filter((x) => x.name === 'server') : targets) {
  const built = mtime(t.output);
  if (ifNeeded && built && built >= Math.max(...t.inputs.map(newest))) continue;
  if (!existsSync(t.tool)) {
    if (ifNeeded && built) continue; // production install (npm ci --omit=dev): use the build as it is
    console.error(
      `${t.output} ontbreekt en ${t.tool} is niet geïnstalleerd: bouw eerst met \`npm install && npm run build\`.`,
    );
    process.exit(1);
  }
  t.build();
}
