import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { isGeldigePin, PIN_LENGTE } from '../../../storage/sessie.ts';
import type { FetchFn } from '../../../sync/client/http.ts';
import {
  beginInschrijving,
  bevestigInschrijving,
  geefCode,
  geefHerstelcode,
  kiesWachtwoord,
  type Inschrijving,
  type NaStap,
  type StapUitkomst,
} from '../../../sync/client/start-stappen.ts';
import type { LoginStap } from '../../../sync/client/start-stappen.ts';
import './stappen.css';

export const STAP_TEKST = {
  wachtwoord: {
    titel: 'Kies uw eigen wachtwoord',
    intro:
      'U bent ingelogd met een startwachtwoord van de beheerder. Kies nu een eigen wachtwoord. Alleen u kent het.',
    nieuw: 'Nieuw wachtwoord',
    hint: 'Minstens 12 tekens. Niet uw gebruikersnaam en geen bekend wachtwoord. Een paar losse woorden werkt goed.',
    nogmaals: 'Typ het nieuwe wachtwoord nog een keer',
    knop: 'Wachtwoord opslaan',
    leeg: 'Vul een nieuw wachtwoord in.',
    verschilt: 'De twee wachtwoorden zijn niet gelijk. Typ ze allebei opnieuw.',
  },
  instellen: {
    titel: 'Stel de tweede stap in',
    intro:
      'Bij het inloggen vraagt de app straks ook een code uit een app op uw telefoon (een authenticator-app). Zo kan niemand inloggen met alleen uw wachtwoord.',
    stap1: 'Open de authenticator-app op uw telefoon en scan deze QR-code.',
    qrAlt: 'QR-code om te scannen met uw authenticator-app',
    sleutelUitleg: 'Lukt scannen niet? Typ dan deze sleutel over in de app:',
    sleutel: 'Sleutel',
    stap2: 'Typ daarna de code van 6 cijfers die de app laat zien.',
    laden: 'De QR-code wordt gemaakt…',
  },
  code: {
    titel: 'Tweede stap',
    intro: 'Open de authenticator-app op uw telefoon en typ de code van 6 cijfers.',
    label: 'Code uit uw authenticator-app',
    hint: '6 cijfers. De code verandert elke 30 seconden.',
    knop: 'Code controleren',
    leeg: 'Vul de code van 6 cijfers in.',
    herstelKnop: 'Ik heb mijn telefoon niet bij me',
    herstelLabel: 'Herstelcode',
    herstelHint: 'Een van de herstelcodes die u heeft bewaard. Elke code werkt één keer.',
    herstelTerug: 'Toch een code uit de app gebruiken',
    herstelLeeg: 'Vul een herstelcode in.',
  },
  herstelcodes: {
    titel: 'Bewaar uw herstelcodes',
    intro:
      'Bent u uw telefoon kwijt? Dan kunt u met een van deze codes toch inloggen. Elke code werkt één keer. U ziet ze alleen nu: schrijf ze op of print ze, en bewaar ze op een veilige plek.',
    lijst: 'Herstelcodes',
    bewaard: 'Ik heb de herstelcodes bewaard',
    nietBewaard: 'Vink eerst aan dat u de herstelcodes heeft bewaard.',
    knop: 'Verder',
  },
  pin: {
    titel: 'Kies uw pincode',
    intro:
      'Kies als laatste een pincode van 5 cijfers. Daarmee opent u de app weer als hij na een tijdje op slot is gegaan, ook zonder internet.',
    pin: 'Kies een pincode van 5 cijfers',
    hint: 'Alleen cijfers. De pincode blijft op dit apparaat en gaat nooit naar de server.',
    nogmaals: 'Typ de pincode nog een keer',
    knop: 'Pincode opslaan',
    ongeldig: `Kies een pincode van precies ${PIN_LENGTE} cijfers.`,
    verschilt: 'De twee pincodes zijn niet gelijk. Typ ze allebei opnieuw.',
  },
  bezig: 'Even geduld…',
} as const;

interface Props {
  readonly fetch: FetchFn;
  readonly vereist: readonly LoginStap[];
  /** All steps done: the session is a normal one now. */
  readonly onKlaar: () => void;
  /** The half session ended (too slow, or refused): back to the login form, with this message. */
  readonly onOpnieuw: (melding: string) => void;
}

/**
 * The steps after a correct password (issue 14, points 2 and 4), one screen each: her own
 * password instead of the start password, then enrolling the second factor (QR code, the key as
 * text, a first code, the recovery codes once) or giving its code. The PIN comes after the last
 * of these (PinStap): it is the offline unlock of this device, so it is chosen last.
 */
export function StartStappen({ fetch: fetchFn, vereist: begin, onKlaar, onOpnieuw }: Props) {
  const [vereist, setVereist] = useState<readonly LoginStap[]>(begin);
  const [herstelcodes, setHerstelcodes] = useState<readonly string[] | null>(null);
  const kop = useRef<HTMLHeadingElement>(null);
  const stap = herstelcodes ? 'herstelcodes' : vereist[0];

  // Each step is a new screen: focus its heading, so a screen reader reads where she is.
  useEffect(() => kop.current?.focus(), [stap]);
  useEffect(() => {
    if (stap === undefined) onKlaar();
  }, [stap, onKlaar]);

  const verder = (uitkomst: StapUitkomst<NaStap>): string | null => {
    if (!uitkomst.ok) {
      if (uitkomst.opnieuwInloggen) onOpnieuw(uitkomst.fout);
      return uitkomst.fout;
    }
    if (uitkomst.data.herstelcodes) setHerstelcodes(uitkomst.data.herstelcodes);
    setVereist(uitkomst.data.vereist);
    return null;
  };

  if (stap === 'herstelcodes' && herstelcodes) {
    return (
      <HerstelcodesStap kop={kop} codes={herstelcodes} onVerder={() => setHerstelcodes(null)} />
    );
  }
  if (stap === 'wachtwoord') {
    return <WachtwoordStap kop={kop} fetch={fetchFn} verder={verder} />;
  }
  if (stap === 'tweedeFactorInstellen') {
    return <InstelStap kop={kop} fetch={fetchFn} verder={verder} onOpnieuw={onOpnieuw} />;
  }
  if (stap === 'tweedeFactor') return <CodeStap kop={kop} fetch={fetchFn} verder={verder} />;
  return <p role="status">{STAP_TEKST.bezig}</p>;
}

type Verder = (u: StapUitkomst<NaStap>) => string | null;
type Kop = React.RefObject<HTMLHeadingElement | null>;

function Scherm({ kop, titel, children }: { kop: Kop; titel: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="scherm sessie-scherm" aria-labelledby={`${id}-titel`}>
      <h1 id={`${id}-titel`} ref={kop} tabIndex={-1}>
        {titel}
      </h1>
      {children}
    </section>
  );
}

function Veld({
  naam,
  label,
  hint,
  fout,
  ...props
}: {
  naam: string;
  label: string;
  hint?: string;
  fout?: string | undefined;
} & React.InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  const beschrijving = [hint ? `${id}-hint` : '', fout ? `${id}-fout` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className="veld">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <input
        id={id}
        name={naam}
        aria-invalid={fout ? true : undefined}
        aria-describedby={beschrijving || undefined}
        {...props}
      />
      {fout && (
        <p className="fout" id={`${id}-fout`}>
          {fout}
        </p>
      )}
    </div>
  );
}

function Melding({ tekst }: { tekst: string | null }) {
  return tekst ? (
    <p className="fout-melding" role="alert">
      {tekst}
    </p>
  ) : null;
}

function WachtwoordStap({
  kop,
  fetch: fetchFn,
  verder,
}: {
  kop: Kop;
  fetch: FetchFn;
  verder: Verder;
}) {
  const [fout, setFout] = useState<{ nieuw?: string; nogmaals?: string }>({});
  const [melding, setMelding] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);
  const t = STAP_TEKST.wachtwoord;

  async function verstuur(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const nieuw = String(data.get('nieuw') ?? '');
    const nogmaals = String(data.get('nogmaals') ?? '');
    const invoer = (n: string) => form.elements.namedItem(n) as HTMLInputElement | null;
    if (nieuw === '') {
      setFout({ nieuw: t.leeg });
      invoer('nieuw')?.focus();
      return;
    }
    if (nieuw !== nogmaals) {
      setFout({ nogmaals: t.verschilt });
      invoer('nogmaals')?.focus();
      return;
    }
    setFout({});
    setBezig(true);
    const m = verder(await kiesWachtwoord(fetchFn, nieuw));
    setBezig(false);
    if (m) {
      setMelding(null);
      setFout({ nieuw: m });
      invoer('nieuw')?.focus();
    }
  }

  return (
    <Scherm kop={kop} titel={t.titel}>
      <p>{t.intro}</p>
      <Melding tekst={melding} />
      <form onSubmit={(e) => void verstuur(e)} noValidate>
        <Veld
          naam="nieuw"
          label={t.nieuw}
          hint={t.hint}
          fout={fout.nieuw}
          type="password"
          autoComplete="new-password"
        />
        <Veld
          naam="nogmaals"
          label={t.nogmaals}
          fout={fout.nogmaals}
          type="password"
          autoComplete="new-password"
        />
        <button type="submit" className="knop knop-primair" disabled={bezig}>
          {bezig ? STAP_TEKST.bezig : t.knop}
        </button>
      </form>
    </Scherm>
  );
}

function CodeVeld({ fout }: { fout: string | undefined }) {
  return (
    <Veld
      naam="code"
      label={STAP_TEKST.code.label}
      hint={STAP_TEKST.code.hint}
      fout={fout}
      type="text"
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={7}
    />
  );
}

/** Reads the code field; focuses it with a message when empty. */
function leesCode(form: HTMLFormElement, veld: string): string {
  return String(new FormData(form).get(veld) ?? '').trim();
}

function InstelStap({
  kop,
  fetch: fetchFn,
  verder,
  onOpnieuw,
}: {
  kop: Kop;
  fetch: FetchFn;
  verder: Verder;
  onOpnieuw: (m: string) => void;
}) {
  const [inschrijving, setInschrijving] = useState<Inschrijving | null>(null);
  const [fout, setFout] = useState<string | undefined>();
  const [melding, setMelding] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);
  const t = STAP_TEKST.instellen;
  const gestart = useRef(false);

  useEffect(() => {
    if (gestart.current) return;
    gestart.current = true;
    void beginInschrijving(fetchFn).then((u) => {
      if (u.ok) setInschrijving(u.data);
      else if (u.opnieuwInloggen) onOpnieuw(u.fout);
      else setMelding(u.fout);
    });
  }, [fetchFn, onOpnieuw]);

  async function verstuur(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const code = leesCode(form, 'code');
    const invoer = form.elements.namedItem('code') as HTMLInputElement | null;
    if (code === '') {
      setFout(STAP_TEKST.code.leeg);
      invoer?.focus();
      return;
    }
    setBezig(true);
    const m = verder(await bevestigInschrijving(fetchFn, code));
    setBezig(false);
    setFout(m ?? undefined);
    if (m) invoer?.focus();
  }

  // The key in groups of four, as authenticator apps show it; spaces do not matter when typed.
  const sleutel = inschrijving?.geheim.match(/.{1,4}/g)?.join(' ') ?? '';
  return (
    <Scherm kop={kop} titel={t.titel}>
      <p>{t.intro}</p>
      <Melding tekst={melding} />
      {!inschrijving ? (
        !melding && <p role="status">{t.laden}</p>
      ) : (
        <>
          <p>{t.stap1}</p>
          <img
            className="qr-code"
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(inschrijving.qrSvg)}`}
            alt={t.qrAlt}
            width={200}
            height={200}
          />
          <p id="tf-sleutel-uitleg">{t.sleutelUitleg}</p>
          <p>
            <span className="visueel-verborgen">{t.sleutel}: </span>
            <code
              className="tf-sleutel"
              data-testid="tf-sleutel"
              aria-describedby="tf-sleutel-uitleg"
            >
              {sleutel}
            </code>
          </p>
          <p>{t.stap2}</p>
          <form onSubmit={(e) => void verstuur(e)} noValidate>
            <CodeVeld fout={fout} />
            <button type="submit" className="knop knop-primair" disabled={bezig}>
              {bezig ? STAP_TEKST.bezig : STAP_TEKST.code.knop}
            </button>
          </form>
        </>
      )}
    </Scherm>
  );
}

function CodeStap({ kop, fetch: fetchFn, verder }: { kop: Kop; fetch: FetchFn; verder: Verder }) {
  const [herstel, setHerstel] = useState(false);
  const [fout, setFout] = useState<string | undefined>();
  const [bezig, setBezig] = useState(false);
  const t = STAP_TEKST.code;

  async function verstuur(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const veld = herstel ? 'herstelcode' : 'code';
    const waarde = leesCode(form, veld);
    const invoer = form.elements.namedItem(veld) as HTMLInputElement | null;
    if (waarde === '') {
      setFout(herstel ? t.herstelLeeg : t.leeg);
      invoer?.focus();
      return;
    }
    setBezig(true);
    const m = verder(
      await (herstel ? geefHerstelcode(fetchFn, waarde) : geefCode(fetchFn, waarde)),
    );
    setBezig(false);
    setFout(m ?? undefined);
    if (m) invoer?.focus();
  }

  return (
    <Scherm kop={kop} titel={t.titel}>
      <p>{herstel ? t.herstelHint : t.intro}</p>
      <form onSubmit={(e) => void verstuur(e)} noValidate key={herstel ? 'herstel' : 'code'}>
        {herstel ? (
          <Veld
            naam="herstelcode"
            label={t.herstelLabel}
            fout={fout}
            type="text"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={40}
          />
        ) : (
          <CodeVeld fout={fout} />
        )}
        <button type="submit" className="knop knop-primair" disabled={bezig}>
          {bezig ? STAP_TEKST.bezig : t.knop}
        </button>
      </form>
      <p>
        <button
          type="button"
          className="knop"
          onClick={() => {
            setFout(undefined);
            setHerstel(!herstel);
          }}
        >
          {herstel ? t.herstelTerug : t.herstelKnop}
        </button>
      </p>
    </Scherm>
  );
}

function HerstelcodesStap({
  kop,
  codes,
  onVerder,
}: {
  kop: Kop;
  codes: readonly string[];
  onVerder: () => void;
}) {
  const id = useId();
  const [fout, setFout] = useState<string | undefined>();
  const t = STAP_TEKST.herstelcodes;
  return (
    <Scherm kop={kop} titel={t.titel}>
      <p>{t.intro}</p>
      <h2 id={`${id}-lijst`}>{t.lijst}</h2>
      <ul className="herstelcodes" aria-labelledby={`${id}-lijst`} data-testid="herstelcodes">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ul>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const vink = e.currentTarget.elements.namedItem('bewaard') as HTMLInputElement | null;
          if (!vink?.checked) {
            setFout(t.nietBewaard);
            vink?.focus();
            return;
          }
          onVerder();
        }}
      >
        <div className="veld veld-vinkje">
          <input
            id={`${id}-bewaard`}
            name="bewaard"
            type="checkbox"
            aria-invalid={fout ? true : undefined}
            aria-describedby={fout ? `${id}-fout` : undefined}
          />
          <label htmlFor={`${id}-bewaard`}>{t.bewaard}</label>
          {fout && (
            <p className="fout" id={`${id}-fout`}>
              {fout}
            </p>
          )}
        </div>
        <button type="submit" className="knop knop-primair">
          {t.knop}
        </button>
      </form>
    </Scherm>
  );
}

/**
 * The last step of every online login (issue 14, point 4): her PIN for this device, the offline
 * unlock. It never leaves the component except to `onPin`, which keeps only its hash.
 */
export function PinStap({ onPin }: { readonly onPin: (pin: string) => Promise<void> }) {
  const kop = useRef<HTMLHeadingElement>(null);
  const [fout, setFout] = useState<{ pin?: string; nogmaals?: string }>({});
  const [bezig, setBezig] = useState(false);
  const t = STAP_TEKST.pin;
  useEffect(() => kop.current?.focus(), []);

  async function verstuur(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const pin = String(data.get('pin') ?? '');
    const nogmaals = String(data.get('nogmaals') ?? '');
    const invoer = (n: string) => form.elements.namedItem(n) as HTMLInputElement | null;
    if (!isGeldigePin(pin)) {
      setFout({ pin: t.ongeldig });
      invoer('pin')?.focus();
      return;
    }
    if (pin !== nogmaals) {
      setFout({ nogmaals: t.verschilt });
      for (const n of ['pin', 'nogmaals']) {
        const el = invoer(n);
        if (el) el.value = '';
      }
      invoer('pin')?.focus();
      return;
    }
    setFout({});
    setBezig(true);
    try {
      await onPin(pin);
    } finally {
      setBezig(false);
    }
  }

  const pinProps = {
    type: 'password',
    inputMode: 'numeric',
    pattern: '[0-9]*',
    maxLength: PIN_LENGTE,
    autoComplete: 'off',
  } as const;
  return (
    <Scherm kop={kop} titel={t.titel}>
      <p>{t.intro}</p>
      <form onSubmit={(e) => void verstuur(e)} noValidate>
        <Veld naam="pin" label={t.pin} hint={t.hint} fout={fout.pin} {...pinProps} />
        <Veld naam="nogmaals" label={t.nogmaals} fout={fout.nogmaals} {...pinProps} />
        <button type="submit" className="knop knop-primair" disabled={bezig}>
          {bezig ? STAP_TEKST.bezig : t.knop}
        </button>
      </form>
    </Scherm>
  );
}
