/**
 * The Dutch words of the sync client: what went wrong and what the user can do (B1). Kept in one
 * place so the UI shows the same text as the outbox row stores.
 */
import type { RejectReason } from '../protocol/wire.ts';

export type SyncFoutCode = 'niet-ingelogd' | 'server-onbereikbaar' | 'serverfout' | 'geweigerd';

/** A fault the status shows: a code for the UI's logic and a sentence for the user. */
export interface SyncFout {
  code: SyncFoutCode;
  tekst: string;
}

export const FOUT_TEKST: Record<SyncFoutCode, string> = {
  'niet-ingelogd':
    'U bent niet meer ingelogd. Log opnieuw in om uw wijzigingen te versturen. Ze blijven bewaard op dit apparaat.',
  'server-onbereikbaar':
    'De server is nu niet bereikbaar. Uw wijzigingen blijven bewaard op dit apparaat en worden vanzelf verstuurd zodra er weer verbinding is.',
  geweigerd:
    'De server heeft de gegevens niet aangenomen. Uw wijzigingen blijven bewaard op dit apparaat. Neem contact op met de beheerder als deze melding blijft staan.',
  serverfout:
    'Er ging iets mis op de server. Uw wijzigingen blijven bewaard op dit apparaat; we proberen het straks opnieuw. Blijft deze melding staan, neem dan contact op met de beheerder.',
};

/**
 * @param velden for `geweigerd` (a 400): the fields the server named, shown after the sentence
 * so the beheerder knows where to look ("Het ging om: body.mutations.0.recordId.").
 */
export function syncFout(code: SyncFoutCode, velden: readonly string[] = []): SyncFout {
  const genoemd = [...new Set(velden)].slice(0, 3);
  const tekst =
    code === 'geweigerd' && genoemd.length > 0
      ? `${FOUT_TEKST[code]} Het ging om: ${genoemd.join(', ')}.`
      : FOUT_TEKST[code];
  return { code, tekst };
}

const WEIGER_TEKST: Record<RejectReason | 'lokaal-ongeldig', string> = {
  forbidden:
    'Deze wijziging is niet verwerkt: u heeft geen toegang (meer) tot deze cliënt. Vraag de beheerder om de cliënt aan uw caseload toe te voegen en probeer het dan opnieuw.',
  invalid:
    'Deze wijziging is niet verwerkt: de server vond de gegevens niet juist. Controleer de velden en probeer het opnieuw.',
  'unknown-client':
    'Deze wijziging is niet verwerkt: de server kent deze cliënt (nog) niet. Probeer het opnieuw als de cliënt zelf verstuurd is.',
  'conflict-resolution-invalid':
    'Deze keuze bij een conflict is niet verwerkt: het conflict is intussen veranderd. Bekijk het conflict opnieuw.',
  'lokaal-ongeldig':
    'Deze wijziging kan niet verstuurd worden: ze is op dit apparaat onvolledig opgeslagen. Neem contact op met de beheerder.',
};

/** The Dutch reason stored on a rejected outbox row; the server's detail names fields, if any. */
export function weigerTekst(reden: RejectReason | 'lokaal-ongeldig', detail?: string): string {
  const tekst = WEIGER_TEKST[reden];
  return detail && reden === 'invalid' ? `${tekst} (${detail})` : tekst;
}

/**
 * An unsent change of a client this user no longer has access to (removed from her caseload, or a
 * review that ended): kept on the device as refused, never sent, never silently dropped.
 */
export const INGETROKKEN_TEKST =
  'Deze wijziging is niet verstuurd: u heeft geen toegang meer tot deze cliënt. De gegevens van deze cliënt zijn van dit apparaat gehaald; deze wijziging is bewaard zodat u ziet wat er niet is aangekomen. Vraag de beheerder om toegang als dit niet klopt.';
