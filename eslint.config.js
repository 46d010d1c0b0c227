import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The arrows of docs/architecture.md: ui, server → sync, storage → domain. A wrong import fails `npm test`.
const layer = (files, forbidden, why) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: forbidden.map((group) => ({ group: [group], message: why })) },
    ],
  },
});

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-server',
      'coverage',
      'test-output',
      'test-results',
      'node_modules',
      'data',
      'dev-dist',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // React rules where React lives (Playwright fixtures also call a function named `use`).
    files: ['src/ui/**', 'src/main.tsx', 'test/ui/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  layer(
    ['src/domain/**'],
    [
      '**/storage/**',
      '**/sync/**',
      '**/ui/**',
      '**/server/**',
      'react',
      'react-dom',
      'dexie',
      'fastify',
      'pg',
      '@electric-sql/*',
    ],
    'src/domain is pure: it imports zod and other domain files only. Pass dates and data in instead.',
  ),
  layer(
    ['src/storage/**'],
    ['**/sync/**', '**/ui/**', '**/server/**', 'react', 'fastify'],
    'src/storage may import src/domain only. Put sync logic in src/sync/client.',
  ),
  layer(
    ['src/sync/protocol/**'],
    ['**/storage/**', '**/client/**', '**/ui/**', '**/server/**', 'dexie', 'react', 'fastify'],
    'src/sync/protocol is pure and shared by app and server: domain only.',
  ),
  layer(
    ['src/sync/client/**'],
    ['**/ui/**', '**/server/**', 'react', 'fastify'],
    'src/sync/client may import domain, storage and sync/protocol; the UI subscribes to it, not the other way.',
  ),
  layer(
    ['src/ui/**'],
    ['**/server/**', 'fastify', 'pg', '@electric-sql/*', '**/sync/protocol/**'],
    'The UI talks to storage hooks and the sync client, never to the server code or the database.',
  ),
  // ESLint replaces (not merges) a rule's options per file, so the feature zone repeats the ui
  // zone's patterns. `../*/**` alone would also match `../../components/…` (`*` matches `..`); the
  // negation lets a feature reach src/ui/components, hooks, i18n and the layers below.
  {
    files: ['src/ui/features/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**', 'fastify', 'pg', '@electric-sql/*', '**/sync/protocol/**'],
              message:
                'The UI talks to storage hooks and the sync client, never to the server code or the database.',
            },
            {
              group: ['../*/**', '!../../**', '../../features/**', '**/ui/features/**'],
              message:
                'A feature never imports another feature: move shared parts to src/ui/components or src/ui/hooks.',
            },
          ],
        },
      ],
    },
  },
  layer(
    ['src/server/**'],
    ['**/storage/**', '**/ui/**', '**/sync/client/**', 'dexie', 'react'],
    'The server imports domain and sync/protocol only.',
  ),
);
