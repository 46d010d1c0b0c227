import { useId } from 'react';
import { CATALOGUS_PEILDATUM } from '../../../domain/sociale-kaart/model.ts';
import { SocialeKaartZoeker } from '../../components/SocialeKaartZoeker.tsx';
import { nl } from '../../i18n/nl.ts';
import { datumNl } from '../../lib/opmaak.ts';

const t = nl.socialeKaart;

// A calendar date, written out without any time zone (so none moves it a day).
const peildatum = datumNl(CATALOGUS_PEILDATUM);

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
