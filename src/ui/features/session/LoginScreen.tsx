import { useCallback, useId, useState, type FormEvent, type InputHTMLAttributes } from 'react';
import { bewaarSessie, wisselGebruiker } from '../../../storage/sessie.ts';
import type { FetchFn } from '../../../sync/client/http.ts';
import { login, logoutServer } from '../../../sync/client/sessie.ts';
import type { Gebruiker, LoginStap } from '../../../sync/client/start-stappen.ts';
import { useDb } from '../../hooks/db-context.tsx';
import { PinStap, StartStappen } from './StartStappen.tsx';

export const LOGIN_TEKST = {
  titel: 'Inloggen',
  intro:
    'Log in met uw gebruikersnaam en wachtwoord. Daarna kiest u een pincode van 5 cijfers voor dit apparaat.',
  gebruikersnaam: 'Gebruikersnaam',
  wachtwoord: 'Wachtwoord',
  knop: 'Inloggen',
  bezig: 'Bezig met inloggen…',
  leegGebruikersnaam: 'Vul uw gebruikersnaam in.',
  leegWachtwoord: 'Vul uw wachtwoord in.',
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

const VELDEN = ['gebruikersnaam', 'wachtwoord'] as const;
type Veld = (typeof VELDEN)[number];

/**
 * Online login (issue 5, item 2), in the order of issue 14 point 4: username and password; then
 * the steps the server still asks (her own password instead of a start password, the second
 * factor: enrolment or code); then, last, her PIN for this device. Only after the PIN are the
 * user and a hash of the PIN kept on the device, so the app opens later without internet. The
 * password is not kept.
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
  // After the password: the steps still open (issue 14), then the PIN.
  const [fase, setFase] = useState<
    | { stap: 'login' }
    | { stap: 'start'; vereist: readonly LoginStap[]; gebruiker: Gebruiker }
    | { stap: 'pin'; gebruiker: Gebruiker }
  >({ stap: 'login' });

  const gebruiker = fase.stap === 'login' ? null : fase.gebruiker;
  const naStappen = useCallback(() => {
    if (gebruiker) setFase({ stap: 'pin', gebruiker });
  }, [gebruiker]);
  const opnieuw = useCallback((m: string) => {
    setFase({ stap: 'login' });
    setMelding(m);
  }, []);
  const kiesPin = useCallback(
    async (pin: string) => {
      if (!gebruiker) return;
      try {
        await bewaarSessie(db, gebruiker, pin);
        onIngelogd();
      } catch (fout) {
        console.error('Inloggen: sessie niet opgeslagen.', fout);
        setFase({ stap: 'login' });
        setMelding('Inloggen is niet gelukt op dit apparaat. Probeer het nog een keer.');
      }
    },
    [db, gebruiker, onIngelogd],
  );

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
    setFouten(nieuw);
    const eerste = VELDEN.find((k) => nieuw[k]);
    if (eerste) {
      setMelding(LOGIN_TEKST.fouten);
      invoer(eerste)?.focus();
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
      setFase(
        uitkomst.vereist.length > 0
          ? { stap: 'start', vereist: uitkomst.vereist, gebruiker: uitkomst.gebruiker }
          : { stap: 'pin', gebruiker: uitkomst.gebruiker },
      );
    } catch (fout) {
      console.error('Inloggen: niet gelukt op dit apparaat.', fout);
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

  if (fase.stap === 'start') {
    return (
      <StartStappen
        fetch={fetchFn}
        vereist={fase.vereist}
        onKlaar={naStappen}
        onOpnieuw={opnieuw}
      />
    );
  }
  if (fase.stap === 'pin') return <PinStap onPin={kiesPin} />;

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
        <button type="submit" className="knop knop-primair" disabled={bezig}>
          {bezig ? LOGIN_TEKST.bezig : LOGIN_TEKST.knop}
        </button>
      </form>
    </section>
  );
}
