import { useCallback, useId, useState, type FormEvent, type InputHTMLAttributes } from 'react';
import {
  bewaarSessie,
  isGeldigePin,
  PIN_LENGTE,
  wisselGebruiker,
} from '../../../storage/sessie.ts';
import type { FetchFn } from '../../../sync/client/http.ts';
import { login, logoutServer } from '../../../sync/client/sessie.ts';
import type { Gebruiker, LoginStap } from '../../../sync/client/start-stappen.ts';
import { useDb } from '../../hooks/db-context.tsx';
import { StartStappen } from './StartStappen.tsx';

export const LOGIN_TEKST = {
  titel: 'Inloggen',
  intro:
    'Log in met uw gebruikersnaam en wachtwoord. Kies ook een pincode van 5 cijfers. Daarmee opent u de app weer als hij na een tijdje op slot is gegaan, ook zonder internet.',
  gebruikersnaam: 'Gebruikersnaam',
  wachtwoord: 'Wachtwoord',
  pin: 'Kies een pincode van 5 cijfers',
  pinHint: 'Alleen cijfers. De pincode blijft op dit apparaat en gaat nooit naar de server.',
  pinNogmaals: 'Typ de pincode nog een keer',
  knop: 'Inloggen',
  bezig: 'Bezig met inloggen…',
  leegGebruikersnaam: 'Vul uw gebruikersnaam in.',
  leegWachtwoord: 'Vul uw wachtwoord in.',
  pinOngeldig: `Kies een pincode van precies ${PIN_LENGTE} cijfers.`,
  pinVerschilt: 'De twee pincodes zijn niet gelijk. Typ ze allebei opnieuw.',
  fouten: 'U bent nog niet ingelogd. Verbeter de velden met een rode melding.',
  andereGebruiker: (naam: string, n: number) =>
    `Op dit apparaat ${n === 1 ? 'staat' : 'staan'} nog ${n === 1 ? '1 wijziging' : `${n} wijzigingen`} van ${naam} die niet ${n === 1 ? 'is' : 'zijn'} verstuurd. Laat ${naam} eerst inloggen om ze te versturen. Daarna kunt u inloggen.`,
  /** Issue 11.8: opened over plain http from another machine (not a secure context). */
  onveilig: {
    titel: 'Open de app via https',
    uitleg:
      'U heeft de app geopend via een adres dat begint met http://. Die verbinding is niet beveiligd. Daardoor kan de app niets veilig op dit apparaat bewaren, werkt hij niet zonder internet en lukt inloggen niet.',
    watTeDoen:
      'Vraag de beheerder van de app om het beveiligde adres. Dat begint met https://. Open de app via dat adres en log daar in.',
    adres: (adres: string) => `Nu geopend: ${adres}`,
  },
} as const;

/** Crypto (the PIN hash), the service worker and offline storage need a secure context (https). */
function isVeiligeContext(): boolean {
  return typeof window === 'undefined' || window.isSecureContext !== false;
}

const VELDEN = ['gebruikersnaam', 'wachtwoord', 'pin', 'pin2'] as const;
type Veld = (typeof VELDEN)[number];

/**
 * Online login (issue 5, item 2). On success the user and a hash of the PIN are kept on this
 * device, so the app opens later without internet. The password is not kept.
 */
export function LoginScreen({
  fetch: fetchFn,
  onIngelogd,
}: {
  readonly fetch: FetchFn;
  readonly onIngelogd: () => void;
}) {
  const db = useDb();
  const id = useId();
  const [fouten, setFouten] = useState<Partial<Record<Veld, string>>>({});
  const [melding, setMelding] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);
  const [veilig] = useState(isVeiligeContext);
  // Issue 14: steps still open after the password; the PIN waits here (memory only) until they
  // are done, and is then kept on the device like after any login.
  const [stappen, setStappen] = useState<{
    vereist: readonly LoginStap[];
    gebruiker: Gebruiker;
    pin: string;
  } | null>(null);

  const naStappen = useCallback(() => {
    if (!stappen) return;
    void bewaarSessie(db, stappen.gebruiker, stappen.pin)
      .then(onIngelogd)
      .catch((fout: unknown) => {
        console.error('Inloggen: sessie niet opgeslagen.', fout);
        setStappen(null);
        setMelding('Inloggen is niet gelukt op dit apparaat. Probeer het nog een keer.');
      });
  }, [db, stappen, onIngelogd]);
  const opnieuw = useCallback((m: string) => {
    setStappen(null);
    setMelding(m);
  }, []);

  async function verstuur(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formulier = e.currentTarget;
    const form = new FormData(formulier);
    const waarde = (k: Veld) => String(form.get(k) ?? '');
    const invoer = (k: Veld) => formulier.elements.namedItem(k) as HTMLInputElement | null;
    const nieuw: Partial<Record<Veld, string>> = {};
    if (waarde('gebruikersnaam').trim() === '')
      nieuw.gebruikersnaam = LOGIN_TEKST.leegGebruikersnaam;
    if (waarde('wachtwoord') === '') nieuw.wachtwoord = LOGIN_TEKST.leegWachtwoord;
    if (!isGeldigePin(waarde('pin'))) nieuw.pin = LOGIN_TEKST.pinOngeldig;
    else if (waarde('pin') !== waarde('pin2')) nieuw.pin2 = LOGIN_TEKST.pinVerschilt;
    setFouten(nieuw);
    const eerste = VELDEN.find((k) => nieuw[k]);
    if (eerste) {
      setMelding(LOGIN_TEKST.fouten);
      if (nieuw.pin2) {
        for (const k of ['pin', 'pin2'] as const) {
          const el = invoer(k);
          if (el) el.value = '';
        }
        invoer('pin')?.focus();
      } else {
        invoer(eerste)?.focus();
      }
      return;
    }
    setMelding(null);
    setBezig(true);
    try {
      const uitkomst = await login(fetchFn, waarde('gebruikersnaam'), waarde('wachtwoord'));
      if (!uitkomst.ok) {
        setMelding(uitkomst.fout);
        return;
      }
      const wissel = await wisselGebruiker(db, uitkomst.gebruiker.id);
      if (!wissel.ok) {
        await logoutServer(fetchFn);
        setMelding(LOGIN_TEKST.andereGebruiker(wissel.vorigeNaam, wissel.aantal));
        return;
      }
      if (uitkomst.vereist.length > 0) {
        setStappen({
          vereist: uitkomst.vereist,
          gebruiker: uitkomst.gebruiker,
          pin: waarde('pin'),
        });
        return;
      }
      await bewaarSessie(db, uitkomst.gebruiker, waarde('pin'));
      onIngelogd();
    } catch (fout) {
      console.error('Inloggen: sessie niet opgeslagen.', fout);
      setMelding('Inloggen is niet gelukt op dit apparaat. Probeer het nog een keer.');
    } finally {
      setBezig(false);
    }
  }

  const veld = (
    naam: Veld,
    label: string,
    props: InputHTMLAttributes<HTMLInputElement>,
    hint?: string,
  ) => {
    const fout = fouten[naam];
    const beschrijving = [hint ? `${id}-${naam}-hint` : '', fout ? `${id}-${naam}-fout` : '']
      .filter(Boolean)
      .join(' ');
    return (
      <div className="veld">
        <label htmlFor={`${id}-${naam}`}>{label}</label>
        {hint && (
          <p className="hint" id={`${id}-${naam}-hint`}>
            {hint}
          </p>
        )}
        <input
          id={`${id}-${naam}`}
          name={naam}
          aria-invalid={fout ? true : undefined}
          aria-describedby={beschrijving || undefined}
          {...props}
        />
        {fout && (
          <p className="fout" id={`${id}-${naam}-fout`}>
            {fout}
          </p>
        )}
      </div>
    );
  };

  const pinProps = {
    type: 'password',
    inputMode: 'numeric',
    pattern: '[0-9]*',
    maxLength: PIN_LENGTE,
    autoComplete: 'off',
  } as const;

  if (!veilig) {
    return (
      <section className="scherm sessie-scherm" aria-labelledby={`${id}-titel`}>
        <h1 id={`${id}-titel`}>{LOGIN_TEKST.titel}</h1>
        <div className="waarschuwing" role="alert" data-testid="onveilige-verbinding">
          <h2>{LOGIN_TEKST.onveilig.titel}</h2>
          <p>{LOGIN_TEKST.onveilig.uitleg}</p>
          <p>{LOGIN_TEKST.onveilig.watTeDoen}</p>
          <p className="hint">{LOGIN_TEKST.onveilig.adres(window.location.origin)}</p>
        </div>
      </section>
    );
  }

  if (stappen) {
    return (
      <StartStappen
        fetch={fetchFn}
        vereist={stappen.vereist}
        onKlaar={naStappen}
        onOpnieuw={opnieuw}
      />
    );
  }

  return (
    <section className="scherm sessie-scherm" aria-labelledby={`${id}-titel`}>
      <h1 id={`${id}-titel`}>{LOGIN_TEKST.titel}</h1>
      <p>{LOGIN_TEKST.intro}</p>
      {melding && (
        <p className="fout-melding" role="alert">
          {melding}
        </p>
      )}
      <form onSubmit={(e) => void verstuur(e)} noValidate>
        {veld('gebruikersnaam', LOGIN_TEKST.gebruikersnaam, {
          type: 'text',
          autoComplete: 'username',
          autoCapitalize: 'none',
          spellCheck: false,
        })}
        {veld('wachtwoord', LOGIN_TEKST.wachtwoord, {
          type: 'password',
          autoComplete: 'current-password',
        })}
        {veld('pin', LOGIN_TEKST.pin, pinProps, LOGIN_TEKST.pinHint)}
        {veld('pin2', LOGIN_TEKST.pinNogmaals, pinProps)}
        <button type="submit" className="knop knop-primair" disabled={bezig}>
          {bezig ? LOGIN_TEKST.bezig : LOGIN_TEKST.knop}
        </button>
      </form>
    </section>
  );
}
