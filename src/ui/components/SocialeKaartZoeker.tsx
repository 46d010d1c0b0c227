/**
 * Search the sociale kaart and pick an algemene voorziening: used on the sociale-kaart screen and
 * in the plan's "algemene voorzieningen" step. Tablet first: every button is at least 44 px, every
 * control has a visible label, nothing depends on hover.
 *
 * Reads and writes go through the hooks in src/ui/hooks/useSocialeKaart.ts; this component holds
 * no validation (the form uses the domain's `voorzieningInvoerSchema`) and no storage calls.
 */
import { useId, useMemo, useRef, useState, type ReactNode } from 'react';
import type { FieldPath } from 'react-hook-form';
import {
  VOORZIENING_CATEGORIEEN,
  voorzieningCategorieSchema,
  voorzieningInvoerSchema,
  type Voorziening,
  type VoorzieningCategorie,
  type VoorzieningGegevens,
  type VoorzieningInvoer,
} from '../../domain/sociale-kaart/model.ts';
import { andereGemeente, eersteInGemeente } from '../../domain/sociale-kaart/gemeente.ts';
import {
  useSocialeKaart,
  useVoorzieningOpslaan,
  useVoorzieningVerwijderen,
} from '../hooks/useSocialeKaart.ts';
import { nl } from '../i18n/nl.ts';
import { SelectField, TextAreaField, TextField } from './fields.tsx';
import { Form, type FormApi } from './Form.tsx';
import { Zoekveld } from './LosseVelden.tsx';
import './sociale-kaart.css';

const t = nl.socialeKaart;

export interface SocialeKaartZoekerProps {
  /** Called with the entry the arrangeur picks. Absent: the list is for browsing only. */
  onKies?: (voorziening: Voorziening) => void;
  /** Entries already chosen: their button says "Gekozen" and cannot be pressed again. */
  gekozenIds?: readonly string[];
  /** Local entries get a "Verwijderen" button (with a check question). Default false. */
  verwijderbaar?: boolean;
  /** Heading level of each entry's naam, to fit the page outline. Default 3. */
  kopNiveau?: 2 | 3 | 4;
  /**
   * The client's gemeente (CBS code): offers there come first, others are marked with their
   * gemeente (issue 11, point 9). Absent: the search's order, nothing marked.
   */
  gemeente?: string | undefined;
}

export function SocialeKaartZoeker(props: SocialeKaartZoekerProps) {
  const { onKies, gekozenIds = [], verwijderbaar = false, kopNiveau = 3, gemeente } = props;
  const [tekst, setTekst] = useState('');
  const [categorie, setCategorie] = useState<VoorzieningCategorie | ''>('');
  const [melding, setMelding] = useState('');
  const gevonden = useSocialeKaart(tekst, categorie);
  const resultaten = useMemo(
    () => gevonden && eersteInGemeente(gevonden, gemeente),
    [gevonden, gemeente],
  );
  const categorieId = useId();

  function toegevoegd(v: Voorziening) {
    // Show the new entry right away, with its Kiezen button, whatever the search was.
    setTekst(v.naam);
    setCategorie('');
    setMelding(t.toegevoegd(v.naam));
  }

  return (
    <div className="sk-zoeker">
      <div className="rij sk-filters">
        <Zoekveld
          label={t.zoekLabel}
          hint={t.zoekHint}
          waarde={tekst}
          onWijzig={(tekst) => {
            setTekst(tekst);
            setMelding('');
          }}
        />
        <div className="veld">
          <label htmlFor={categorieId} className="veld-label">
            {t.categorieLabel}
          </label>
          <select
            id={categorieId}
            className="veld-invoer"
            value={categorie}
            onChange={(e) => {
              const c = voorzieningCategorieSchema.safeParse(e.target.value);
              setCategorie(c.success ? c.data : '');
              setMelding('');
            }}
          >
            <option value="">{t.alleCategorieen}</option>
            {VOORZIENING_CATEGORIEEN.map((c) => (
              <option key={c} value={c}>
                {t.categorieen[c]}
              </option>
            ))}
          </select>
        </div>
      </div>

      <EigenVoorziening kopNiveau={kopNiveau} onToegevoegd={toegevoegd} />

      {/* One live region for both messages, so a screen reader hears the count after a change. */}
      <p role="status" className="veld-hint sk-status">
        {melding && <span className="sk-melding">{melding} </span>}
        {resultaten === undefined
          ? nl.algemeen.laden
          : resultaten.length === 0
            ? t.geenResultaten
            : t.aantal(resultaten.length)}
      </p>
      {resultaten !== undefined && resultaten.length > 0 && (
        <ul className="sk-lijst" aria-label={t.lijstLabel}>
          {resultaten.map((v) => (
            <li key={v.id}>
              <VoorzieningKaart
                voorziening={v}
                andereGemeente={andereGemeente(v, gemeente)}
                kopNiveau={kopNiveau}
                gekozen={gekozenIds.includes(v.id)}
                onKies={onKies}
                verwijderbaar={verwijderbaar && v.herkomst === 'lokaal'}
                onVerwijderd={(naam) => setMelding(t.verwijderd(naam))}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function VoorzieningKaart(props: {
  voorziening: Voorziening;
  /** Set when the entry is in another gemeente than the client's: its name(s). */
  andereGemeente: string | null;
  kopNiveau: 2 | 3 | 4;
  gekozen: boolean;
  onKies: ((v: Voorziening) => void) | undefined;
  verwijderbaar: boolean;
  onVerwijderd: (naam: string) => void;
}) {
  const { voorziening: v, gekozen, onKies } = props;
  const Kop = `h${props.kopNiveau}` as const;
  const kopId = useId();
  return (
    <article className={`sk-kaart${gekozen ? ' sk-gekozen' : ''}`} aria-labelledby={kopId}>
      <Kop id={kopId} className="sk-naam">
        {v.naam}
      </Kop>
      <p className="sk-meta">
        <span className="sk-categorie">{t.categorieen[v.categorie]}</span>
        {v.wijk && <span> · {v.wijk}</span>}
        {v.herkomst === 'lokaal' && <span className="sk-eigen"> · {t.eigen}</span>}
        {props.andereGemeente && (
          <span className="sk-andere-gemeente" data-testid="andere-gemeente">
            {' '}
            · {nl.socialeKaartGemeente.andere(props.andereGemeente)}
          </span>
        )}
      </p>
      <p className="sk-omschrijving">{v.omschrijving}</p>
      <dl className="sk-gegevens">
        <Gegeven term={t.kosten}>{v.kosten ?? t.kostenOnbekend}</Gegeven>
        {v.adres && <Gegeven term={t.adres}>{v.adres}</Gegeven>}
        {v.contact && <Gegeven term={t.contact}>{v.contact}</Gegeven>}
      </dl>
      {(onKies || props.verwijderbaar) && (
        <div className="knoppen">
          {onKies && (
            <button
              type="button"
              className={`knop${gekozen ? '' : ' knop-primair'}`}
              disabled={gekozen}
              onClick={() => onKies(v)}
            >
              {/* The visible word starts the accessible name ("Kiezen Buurthuis De Brinkhof"),
                  so speech input ("klik Kiezen") and screen readers agree (WCAG 2.5.3). */}
              {gekozen ? t.gekozen : t.kiezen} <span className="visueel-verborgen">{v.naam}</span>
            </button>
          )}
          {props.verwijderbaar && <Verwijderen voorziening={v} onVerwijderd={props.onVerwijderd} />}
        </div>
      )}
    </article>
  );
}

function Gegeven(props: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{props.term}</dt>
      <dd>{props.children}</dd>
    </div>
  );
}

/** Removing asks once more in place (no browser dialog), because it cannot be undone. */
function Verwijderen(props: { voorziening: Voorziening; onVerwijderd: (naam: string) => void }) {
  const { voorziening: v } = props;
  const verwijder = useVoorzieningVerwijderen();
  const [vragen, setVragen] = useState(false);
  const [fout, setFout] = useState(false);
  const vraagId = useId();

  if (!vragen) {
    return (
      <button type="button" className="knop" onClick={() => setVragen(true)}>
        {t.verwijderen} <span className="visueel-verborgen">{v.naam}</span>
      </button>
    );
  }
  return (
    <div className="sk-vraag" role="group" aria-labelledby={vraagId}>
      <p id={vraagId} className="sk-vraag-tekst">
        {t.verwijderVraag(v.naam)}
      </p>
      {fout && (
        <p className="veld-fout" role="alert">
          {nl.algemeen.opslaanMislukt}
        </p>
      )}
      <div className="knoppen">
        <button
          type="button"
          className="knop knop-primair"
          onClick={() => {
            verwijder(v.id).then(
              () => props.onVerwijderd(v.naam),
              (error: unknown) => {
                console.error(error);
                setFout(true);
              },
            );
          }}
        >
          {t.jaVerwijderen}
        </button>
        <button type="button" className="knop" onClick={() => setVragen(false)}>
          {t.neeBewaren}
        </button>
      </div>
    </div>
  );
}

type VoorzieningForm = FormApi<typeof voorzieningInvoerSchema>;

const LEEG: Partial<VoorzieningInvoer> = {
  naam: '',
  omschrijving: '',
  wijk: '',
  adres: '',
  contact: '',
  kosten: '',
};

/** "Eigen voorziening toevoegen": a button that opens the form in place. */
function EigenVoorziening(props: { kopNiveau: 2 | 3 | 4; onToegevoegd: (v: Voorziening) => void }) {
  const [open, setOpen] = useState(false);
  const opslaan = useVoorzieningOpslaan();
  const knop = useRef<HTMLButtonElement>(null);
  const titelId = useId();
  const Kop = `h${props.kopNiveau}` as const;
  const f = t.formulier;

  function sluit() {
    setOpen(false);
    // The form disappears; focus goes back to the button that opened it, not to the page top.
    queueMicrotask(() => knop.current?.focus());
  }

  async function verstuur(values: VoorzieningGegevens, form: VoorzieningForm) {
    const result = await opslaan(values);
    if (!result.ok) {
      // Storage validates with the same schema, so this is rare; its messages go to the fields.
      for (const issue of result.issues) {
        const naam = issue.path.length ? issue.path.join('.') : 'root';
        form.setError(naam as FieldPath<VoorzieningInvoer>, { message: issue.message });
      }
      return;
    }
    sluit();
    props.onToegevoegd(result.voorziening);
  }

  return (
    <div className="sk-toevoegen">
      <button
        ref={knop}
        type="button"
        className="knop"
        aria-expanded={open}
        onClick={() => (open ? sluit() : setOpen(true))}
      >
        {t.toevoegen}
      </button>
      {open && (
        <section className="sk-formulier" aria-labelledby={titelId}>
          <Kop id={titelId} className="sk-formulier-titel">
            {t.toevoegen}
          </Kop>
          <p className="veld-hint">{t.toevoegenUitleg}</p>
          <Form
            schema={voorzieningInvoerSchema}
            defaultValues={LEEG}
            onSubmit={verstuur}
            submitLabel={f.opslaan}
            aria-labelledby={titelId}
            secondary={
              <button type="button" className="knop" onClick={sluit}>
                {nl.algemeen.annuleren}
              </button>
            }
          >
            {({ control }) => (
              <>
                <SelectField
                  control={control}
                  name="categorie"
                  label={f.categorie}
                  emptyLabel={f.kiesCategorie}
                  options={VOORZIENING_CATEGORIEEN.map((c) => ({
                    value: c,
                    label: t.categorieen[c],
                  }))}
                />
                <TextField control={control} name="naam" label={f.naam} />
                <TextAreaField
                  control={control}
                  name="omschrijving"
                  label={f.omschrijving}
                  hint={f.omschrijvingHint}
                  rows={3}
                />
                <div className="rij">
                  <TextField control={control} name="wijk" label={f.wijk} optional />
                  <TextField control={control} name="adres" label={f.adres} optional />
                </div>
                <TextField
                  control={control}
                  name="contact"
                  label={f.contact}
                  hint={f.contactHint}
                  optional
                />
                <TextField
                  control={control}
                  name="kosten"
                  label={f.kosten}
                  hint={f.kostenHint}
                  optional
                />
              </>
            )}
          </Form>
        </section>
      )}
    </div>
  );
}
