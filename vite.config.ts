import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type ResolvedConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import pkg from './package.json' with { type: 'json' };

const apiPort = process.env.API_PORT ?? '3000';

/**
 * Brotli and gzip siblings (x.js.br, x.js.gz) of the hashed JS and CSS in dist/assets, which the
 * server sends to browsers that accept them (@fastify/static `preCompressed`). On a slow mobile
 * link the first visit fetches a quarter of the bytes. Only hashed, immutable files: sw.js and
 * index.html must always be the bytes on disk (an update is a change of those files).
 */
function preCompress(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'arrangeur-pre-compress',
    apply: 'build',
    configResolved(c) {
      config = c;
    },
    closeBundle() {
      const dir = join(resolve(config.root, config.build.outDir), config.build.assetsDir);
      for (const file of readdirSync(dir)) {
        if (!/\.(js|css)$/.test(file)) continue;
        const bytes = readFileSync(join(dir, file));
        if (bytes.length < 1024) continue;
        writeFileSync(
          join(dir, `${file}.br`),
          brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
        writeFileSync(join(dir, `${file}.gz`), gzipSync(bytes, { level: 9 }));
      }
    },
  };
}

/**
 * The login screen's chunk (and its CSS) is asked for by index.html itself (issue 13.6): without a
 * session the app renders the login screen, and its chunk would otherwise be requested only after
 * the entry has run and read the session from IndexedDB, a round trip more before the first
 * screen on a first visit. With a session it is a few kB from the service worker's cache.
 */
function preloadLogin(): Plugin {
  const loginModule = '/src/ui/features/session/LoginScreen.tsx';
  return {
    name: 'arrangeur-preload-login',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {}).filter((c) => c.type === 'chunk');
        const login = chunks.find((c) => c.facadeModuleId?.endsWith(loginModule));
        const entry = chunks.find((c) => c.isEntry);
        if (!login || !entry) throw new Error(`preloadLogin: no chunk for ${loginModule}`);
        const alGeladen = new Set([entry.fileName, ...entry.imports]);
        const js = [login.fileName, ...login.imports].filter((f) => !alGeladen.has(f));
        const css = [...(login.viteMetadata?.importedCss ?? [])];
        return [
          ...js.map((f) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `/${f}` },
            injectTo: 'head' as const,
          })),
          ...css.map((f) => ({
            tag: 'link',
            attrs: { rel: 'stylesheet', crossorigin: true, href: `/${f}` },
            injectTo: 'head' as const,
          })),
        ];
      },
    },
  };
}

export default defineConfig({
  plugins: [
    react(),
    preCompress(),
    preloadLogin(),
    VitePWA({
      // 'prompt': a waiting update is offered in a Dutch banner (ui/app/UpdateBanner); the app
      // never reloads by itself in the middle of work at the kitchen table.
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['icons/*.png', 'icons/*.svg'],
      manifest: {
        name: 'Arrangeur — ondersteuningsplan',
        short_name: 'Arrangeur',
        description:
          'Samen met de cliënt en naasten één ondersteuningsplan maken, ook zonder internet. De app zoekt uit wie wat betaalt.',
        lang: 'nl',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        background_color: '#ffffff',
        theme_color: '#0b5394',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          {
            src: '/icons/icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      workbox: {
        // Precache the whole app shell (JS, CSS, HTML, icons): after the first visit the app opens
        // with no network at all. Data lives in IndexedDB, never in the HTTP cache.
        globPatterns: ['**/*.{js,css,html,png,svg,webmanifest}'],
        navigateFallback: '/index.html',
        // API calls must reach the network (or fail visibly); never serve them from a cache.
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
        // The first install takes control of the open page at once, so the very first visit is
        // already offline-proof. Updates still wait for the user (no skipWaiting).
        clientsClaim: true,
      },
    }),
  ],
  define: {
    __APP_VERSION__: JSON.stringify(pkg.version),
  },
  server: {
    proxy: { '/api': `http://127.0.0.1:${apiPort}` },
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    rollupOptions: {
      output: {
        // zod in one chunk of its own, loaded with the first lazy screen that needs it (src/csp.ts
        // makes it jitless beforehand without importing it: the CSP allows no eval).
        // src/csp.ts is a chunk of its own too: as the entry's first import it is evaluated before
        // any chunk that holds zod (inlined into the entry it would run after them).
        manualChunks(id) {
          if (id.includes('/node_modules/zod/')) return 'zod';
          if (id.endsWith('/src/csp.ts')) return 'csp';
          return undefined;
        },
      },
    },
  },
});
