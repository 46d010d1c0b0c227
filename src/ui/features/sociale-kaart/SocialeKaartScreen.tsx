import { useId } from 'react';
import { CATALOGUS_PEILDATUM } from '../../../domain/sociale-kaart/model.ts';
import { SocialeKaartZoeker } from '../../components/SocialeKaartZoeker.tsx';
import { nl } from '../../i18n/nl.ts';

const t = nl.socialeKaart;

// The peildatum is a calendar date: format it in UTC so no time zone moves it a day.
const peildatum = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'UTC' }).format(
  new Date(`${CATALOGUS_PEILDATUM}T00:00:00Z`),
);

/**
 * The sociale kaart on its own: search and browse the algemene voorzieningen, add an entry that
 * is missing, remove one's own entries. Choosing for a plan happens in the plan editor, which
 * uses the same SocialeKaartZoeker.
 */
export function SocialeKaartScreen() {
  const titelId = useId();
  return (
    <section className="scherm" aria-labelledby={titelId}>
      <h1 id={titelId}>{t.titel}</h1>
      <p>{t.intro}</p>
      <p className="veld-hint">{t.bron(peildatum)}</p>
      <SocialeKaartZoeker verwijderbaar kopNiveau={2} />
    </section>
  );
}
