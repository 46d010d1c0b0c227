/**
 * The casemanagers an arrangeur can send a plan to for review (GET /api/casemanagers), kept in
 * the device's `meta` table so the picker also works offline: sending ter review is a local write
 * like any other, and the review syncs later.
 */
import { getMeta, setMeta } from '../../storage/meta.ts';
import type { ArrangeurDB } from '../../storage/db.ts';
import {
  casemanagerKeuzeSchema,
  casemanagersResponseSchema,
  type CasemanagerKeuze,
} from '../protocol/casemanagers.ts';
import { vraag, type FetchFn } from './http.ts';

/** The `meta` key of the cached list (device-only, never synced). */
export const CASEMANAGERS_KEY = 'casemanagers';

export interface Casemanagers {
  lijst: CasemanagerKeuze[];
  /** 'server': fresh from the server (and now cached); 'cache': the last list this device saw. */
  bron: 'server' | 'cache';
}

/**
 * Asks the server for the list and caches it; offline, logged out or on a server fault it returns
 * the cached list instead (empty when there never was one). Never rejects.
 */
export async function haalCasemanagers(
  db: ArrangeurDB,
  fetchFn: FetchFn,
  baseUrl = '',
): Promise<Casemanagers> {
  try {
    const antwoord = await vraag(
      fetchFn,
      `${baseUrl}/api/casemanagers`,
      { method: 'GET' },
      casemanagersResponseSchema,
    );
    await setMeta(db, CASEMANAGERS_KEY, antwoord.casemanagers);
    return { lijst: antwoord.casemanagers, bron: 'server' };
  } catch {
    return { lijst: await gecachteCasemanagers(db), bron: 'cache' };
  }
}

/** The cached list; entries that no longer parse are dropped, never thrown on. */
export async function gecachteCasemanagers(db: ArrangeurDB): Promise<CasemanagerKeuze[]> {
  const waarde = await getMeta(db, CASEMANAGERS_KEY);
  if (!Array.isArray(waarde)) return [];
  return waarde.flatMap((w) => {
    const r = casemanagerKeuzeSchema.safeParse(w);
    return r.success ? [r.data] : [];
  });
}
