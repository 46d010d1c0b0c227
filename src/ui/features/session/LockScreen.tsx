import { useId, useRef, useState, type FormEvent } from 'react';
import { controleerPin, MAX_PIN_POGINGEN, PIN_LENGTE } from '../../../storage/sessie.ts';
import { useDb } from '../../hooks/db-context.tsx';

export const SLOT_TEKST = {
  titel: 'De app is op slot',
  intro: (naam: string) =>
    `U was een tijdje niet actief. Typ uw pincode om verder te gaan als ${naam}.`,
  pin: 'Pincode (5 cijfers)',
  knop: 'Openen',
  fout: (over: number) =>
    over === 1
      ? 'Deze pincode klopt niet. U kunt het nog 1 keer proberen. Daarna moet u opnieuw inloggen met uw wachtwoord.'
      : `Deze pincode klopt niet. U kunt het nog ${over} keer proberen.`,
  leeg: `Typ uw pincode van ${PIN_LENGTE} cijfers.`,
  kwijt: `Pincode vergeten? Na ${MAX_PIN_POGINGEN} keer een verkeerde pincode moet u opnieuw inloggen met uw wachtwoord. Uw wijzigingen blijven op dit apparaat bewaard.`,
} as const;

/**
 * The idle lock (issue 5, item 2): the PIN is checked on this device only. After
 * MAX_PIN_POGINGEN wrong tries the local session is closed (the gate then shows the login);
 * records and unsent changes stay.
 */
export function LockScreen({ naam }: { readonly naam: string }) {
  const db = useDb();
  const id = useId();
  const invoer = useRef<HTMLInputElement>(null);
  const [fout, setFout] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);

  async function open(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const pin = invoer.current?.value ?? '';
    if (pin === '') {
      setFout(SLOT_TEKST.leeg);
      invoer.current?.focus();
      return;
    }
    setBezig(true);
    try {
      const uitkomst = await controleerPin(db, pin);
      if (!uitkomst.ok && !uitkomst.gesloten) {
        setFout(SLOT_TEKST.fout(uitkomst.over));
        if (invoer.current) invoer.current.value = '';
        invoer.current?.focus();
      }
      // ok or closed: the gate follows the session in the database and replaces this screen.
    } finally {
      setBezig(false);
    }
  }

  return (
    <section className="scherm sessie-scherm" aria-labelledby={`${id}-titel`}>
      <h1 id={`${id}-titel`}>{SLOT_TEKST.titel}</h1>
      <p>{SLOT_TEKST.intro(naam)}</p>
      <form onSubmit={(e) => void open(e)} noValidate>
        <div className="veld">
          <label htmlFor={`${id}-pin`}>{SLOT_TEKST.pin}</label>
          <input
            ref={invoer}
            id={`${id}-pin`}
            name="pin"
            type="password"
            inputMode="numeric"
            pattern="[0-9]*"
            maxLength={PIN_LENGTE}
            autoComplete="off"
            aria-invalid={fout ? true : undefined}
            aria-describedby={fout ? `${id}-fout` : undefined}
          />
          {fout && (
            <p className="fout" id={`${id}-fout`} role="alert">
              {fout}
            </p>
          )}
        </div>
        <button type="submit" className="knop knop-primair" disabled={bezig}>
          {SLOT_TEKST.knop}
        </button>
      </form>
      <p className="hint">{SLOT_TEKST.kwijt}</p>
    </section>
  );
}
