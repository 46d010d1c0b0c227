/**
 * Who is logged in on this device, read from the local session (storage/sessie.ts). Screens that
 * write a display name into a record (a review says who asked, a comment shows its author) read
 * it here: the DbProvider only carries the user id.
 */
import type { ArrangeurDB } from '../../storage/db.ts';
import { leesSessie } from '../../storage/sessie.ts';

/**
 * The display name to write into a record, read at the moment of writing (a form opened and saved
 * within a few milliseconds must not wait for a live query). Falls back to `anders` (the user id)
 * when there is no session, as in component tests without login.
 */
export async function naamVoorOpslaan(db: ArrangeurDB, anders: string): Promise<string> {
  return (await leesSessie(db))?.gebruiker.naam ?? anders;
}
