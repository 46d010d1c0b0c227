import type { TestProject } from 'vitest/node';
import { startTestPostgres, type TestPostgres } from './postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

let pg: TestPostgres | null = null;

/** Server tests run on PGlite AND on a real PostgreSQL: a given TEST_DATABASE_URL, or a throwaway cluster. */
export async function setup(project: TestProject) {
  const given = process.env.TEST_DATABASE_URL;
  if (given) {
    project.provide('databaseUrl', given);
    return;
  }
  pg = await startTestPostgres();
  project.provide('databaseUrl', pg.url);
}

export function teardown() {
  pg?.stop();
}
