/**
 * The sociale kaart for screens: catalog plus the living local entries on this device, live
 * (an entry added or removed anywhere in the app shows up at once). The database is read only
 * when the table changes; typing only re-runs the in-memory search, so results never blink
 * back to "laden" between keystrokes. Writes go through the storage repository, never Dexie.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo } from 'react';
import type {
  Voorziening,
  VoorzieningCategorie,
  VoorzieningInvoer,
} from '../../domain/sociale-kaart/model.ts';
import { zoekVoorzieningen } from '../../domain/sociale-kaart/zoeken.ts';
import {
  alleVoorzieningen,
  deleteVoorziening,
  saveVoorziening,
  type SaveVoorzieningResult,
} from '../../storage/repositories/sociale-kaart.ts';
import { useDb, useUserId } from './useDb.tsx';

/** All entries, catalog first; `undefined` while loading. */
export function useVoorzieningen(): Voorziening[] | undefined {
  const db = useDb();
  return useLiveQuery(() => alleVoorzieningen(db), [db]);
}

/**
 * Entries matching the text (all when empty) in the category (all when absent or ''), best
 * first; `undefined` while loading.
 */
export function useSocialeKaart(
  tekst: string,
  categorie?: VoorzieningCategorie | '',
): Voorziening[] | undefined {
  const alle = useVoorzieningen();
  return useMemo(
    () => (alle === undefined ? undefined : zoekVoorzieningen(alle, { tekst, categorie })),
    [alle, tekst, categorie],
  );
}

/** Adds (or changes) a local entry as the current user; resolves once it is durable. */
export function useVoorzieningOpslaan(): (
  invoer: VoorzieningInvoer & { id?: string },
) => Promise<SaveVoorzieningResult> {
  const db = useDb();
  const updatedBy = useUserId();
  return useCallback((invoer) => saveVoorziening(db, invoer, { updatedBy }), [db, updatedBy]);
}

/** Removes a local entry as the current user; resolves with whether one was removed. */
export function useVoorzieningVerwijderen(): (id: string) => Promise<boolean> {
  const db = useDb();
  const updatedBy = useUserId();
  return useCallback((id) => deleteVoorziening(db, id, { updatedBy }), [db, updatedBy]);
}
