/**
 * One hulpmiddel or professional inzet, with who pays for it next to it, live: routing is pure and
 * fast, so it runs on every keystroke from the values as typed (what is not valid yet is left
 * out), and the arrangeur sees the domain, financier, `uitleg` and open voorwaarden change while
 * she fills in the item. Storage routes again when it saves and keeps that snapshot.
 */
import { useEffect, useId, useMemo } from 'react';
import { useWatch } from 'react-hook-form';
import { INZET_CATALOGUS, findInzetType } from '../../../domain/catalog/index.ts';
import type { Client } from '../../../domain/model/client.ts';
import type { Doel, LadderStap, PlanItem } from '../../../domain/plan/model.ts';
import { geldendeBeslissing, probeerRouteerPlanItem } from '../../../domain/plan/routering.ts';
import type { Domein, Ontbrekend } from '../../../domain/routing/index.ts';
import { deletePlanItem, savePlanItem } from '../../../storage/repositories/plans.ts';
import { financierNaam, naastRoutering } from '../../components/betaler.ts';
import { DateField, SelectField, TextAreaField, TextField } from '../../components/index.ts';
import type { useAutosaveForm } from '../../hooks/useAutosave.ts';
import { useZorgverzekeraarNamen } from '../../hooks/useDb.tsx';
import { nl } from '../../i18n/nl.ts';
import { behouden, DoelKeuze, useOnderdeelForm } from './editors.tsx';
import { RouteringServerMelding } from './RouteringServerMelding.tsx';
import { inzetFormSchema, inzetVoorRoutering, type InzetForm, type JaNee } from './schemas.ts';

const t = nl.plan;
const DOMEINEN: readonly Domein[] = ['Wmo', 'Zvw', 'Wlz', 'Jeugdwet', 'geen'];

const jaNee = (v: boolean | undefined): JaNee => (v === undefined ? '' : v ? 'ja' : 'nee');

export function naarInzetForm(item: PlanItem | undefined): InzetForm {
  const i = item?.inzet;
  return {
    omschrijving: item?.omschrijving ?? '',
    doelId: item?.doelId ?? '',
    aanbieder: item?.aanbieder ?? '',
    aanbiederAgb: item?.aanbiederAgb ?? '',
    inzet: {
      code: i?.code ?? '',
      omvang: { aantal: i?.omvang ? String(i.omvang.aantal).replace('.', ',') : '' },
      periode: { van: i?.periode?.van ?? '', tot: i?.periode?.tot ?? '' },
      verzorgingsaard: i?.verzorgingsaard ?? '',
      msvt: jaNee(i?.msvt),
      medischeIndicatie: jaNee(i?.medischeIndicatie),
      voorafgaandeZiekenhuisopname: jaNee(i?.voorafgaandeZiekenhuisopname),
      deelVanWijkverpleging: jaNee(i?.deelVanWijkverpleging),
      verwachteDuurWeken: i?.verwachteDuurWeken === undefined ? '' : String(i.verwachteDuurWeken),
    },
    override: item?.override ?? null,
  };
}

/** The inzet facts routing can ask about, and the input that answers each. */
const FEIT_VELDEN = [
  'verzorgingsaard',
  'msvt',
  'medischeIndicatie',
  'voorafgaandeZiekenhuisopname',
  'deelVanWijkverpleging',
  'verwachteDuurWeken',
] as const;
type FeitVeld = (typeof FEIT_VELDEN)[number];

export function InzetEditor(props: {
  id: string;
  planId: string;
  stap: Extract<LadderStap, 'hulpmiddel' | 'professioneel'>;
  item: PlanItem | undefined;
  client: Client;
  doelen: readonly Doel[];
  vandaag: string;
  nummer: number;
  onWeg: (id: string) => void;
}) {
  const { id, planId, stap, item, client, vandaag } = props;
  const { form, autosave, verwijder } = useOnderdeelForm({
    schema: inzetFormSchema,
    waarden: naarInzetForm(item),
    record: item,
    opslaan: (v, { db, updatedBy, gezien }) =>
      savePlanItem(
        db,
        {
          ...behouden(item, ['naasteId', 'voorzieningId', 'voorzieningNaam']),
          doelId: undefined,
          override: undefined,
          ...v,
          planId,
          stap,
          id,
        },
        { updatedBy, vandaag, gezien },
      ),
    verwijderen: (db, opts) => deletePlanItem(db, id, opts),
    onWeg: () => props.onWeg(id),
  });
  const { control } = form;
  const waarden = useWatch({ control }) as InzetForm;
  const type = findInzetType(waarden.inzet.code);

  // Choosing a type fills an empty description with its name; the arrangeur may reword it.
  useEffect(() => {
    if (type && form.getValues('omschrijving').trim() === '') {
      form.setValue('omschrijving', type.label, { shouldValidate: true });
    }
  }, [type, form]);

  const routing = useMemo(
    () =>
      waarden.inzet.code === ''
        ? null
        : probeerRouteerPlanItem(
            client,
            { inzet: inzetVoorRoutering(waarden) as PlanItem['inzet'] },
            vandaag,
          ),
    [client, waarden, vandaag],
  );
  const besluit = routing?.ok ? routing.besluit : null;
  const zorgverzekeraarNamen = useZorgverzekeraarNamen();
  const geldend = besluit
    ? geldendeBeslissing({ routering: besluit, override: waarden.override }, client)
    : null;
  const gevraagd = new Set<FeitVeld>(
    (besluit?.ontbrekend ?? [])
      .map((o) => o.veld.replace(/^inzet\./, ''))
      .filter((v): v is FeitVeld => (FEIT_VELDEN as readonly string[]).includes(v)),
  );
  // A fact once answered stays visible, so the answer can be changed.
  for (const v of FEIT_VELDEN) if (waarden.inzet[v] !== '') gevraagd.add(v);
  const vragen = new Map<string, Ontbrekend>((besluit?.ontbrekend ?? []).map((o) => [o.veld, o]));

  const typen = INZET_CATALOGUS.filter((i) => i.trede === stap);
  const naam = item?.omschrijving || `${t.stappen[stap]} ${props.nummer}`;
  const routeringId = useId();

  function zetOverride(aan: boolean) {
    const anders = DOMEINEN.find((d) => d !== besluit?.domein) ?? 'Wmo';
    form.setValue('override', aan ? { domein: anders, reden: '' } : null, { shouldDirty: true });
  }

  return (
    <article className="onderdeel inzet" aria-label={naam} {...autosave.focus}>
      <div className="inzet-invoer">
        <SelectField
          control={control}
          name="inzet.code"
          label={stap === 'hulpmiddel' ? t.inzetTypeHulpmiddel : t.inzetType}
          emptyLabel={t.kiesType}
          options={typen.map((i) => ({ value: i.code, label: i.label }))}
        />
        <TextAreaField control={control} name="omschrijving" label={t.omschrijving} rows={2} />
        <TextField control={control} name="aanbieder" label={t.aanbieder} optional />
        <TextField
          control={control}
          name="aanbiederAgb"
          label={t.aanbiederAgb}
          hint={t.aanbiederAgbHint}
          inputMode="numeric"
          optional
        />
        <TextField
          control={control}
          name="inzet.omvang.aantal"
          label={t.omvang(type?.eenheid ?? 'aantal')}
          hint={t.omvangHint}
          inputMode="decimal"
          optional
        />
        <div className="rij">
          <DateField control={control} name="inzet.periode.van" label={t.startdatum} optional />
          <DateField control={control} name="inzet.periode.tot" label={t.einddatum} optional />
        </div>
        <DoelKeuze control={control} doelen={props.doelen} />
      </div>
      <section className="routering" aria-labelledby={routeringId} aria-live="polite">
        <h4 id={routeringId}>{t.routering}</h4>
        <RouteringServerMelding item={item} />
        {routing === null ? (
          <p>{t.routeringLaden}</p>
        ) : !routing.ok ? (
          <p className="veld-fout">{t.routeringFout(routing.fout)}</p>
        ) : besluit && geldend ? (
          <>
            {/* Who pays: the chosen domain's decision, routing's beside it (geldendeBeslissing). */}
            <dl className="gegevens routering-besluit" data-testid="routering">
              <dt>{t.domein}</dt>
              <dd>
                <strong>
                  {geldend.gerouteerd
                    ? nl.betaler.gekozen(t.domeinNaam[geldend.domein])
                    : t.domeinNaam[geldend.domein]}
                </strong>
              </dd>
              <dt>{t.financier}</dt>
              <dd>{financierNaam(geldend, zorgverzekeraarNamen)}</dd>
            </dl>
            {geldend.uitleg && <p className="routering-uitleg">{geldend.uitleg}</p>}
            {geldend.voorwaarden.length > 0 && (
              <>
                <h5>{t.voorwaarden}</h5>
                <ul className="routering-voorwaarden">
                  {geldend.voorwaarden.map((v) => (
                    <li key={v.code}>{v.tekst}</li>
                  ))}
                </ul>
              </>
            )}
            {geldend.gerouteerd && (
              <p className="routering-naast" data-testid="routering-naast">
                {naastRoutering(geldend)}
                {geldend.gerouteerd.uitleg ? `. ${geldend.gerouteerd.uitleg}` : ''}
              </p>
            )}
            {!besluit.zeker && besluit.ontbrekend.length > 0 && (
              <p className="routering-onzeker">{t.onzeker}</p>
            )}
            {besluit.ontbrekend
              .filter((o) => o.veld.startsWith('context.'))
              .map((o) => (
                <p key={o.veld} className="veld-hint">
                  {o.vraag} {t.vraagClient}
                </p>
              ))}
          </>
        ) : null}
        <FeitVragen form={form} gevraagd={gevraagd} vragen={vragen} />
        <div className="veld veld-vinkje">
          <input
            id={`${routeringId}-override`}
            type="checkbox"
            checked={waarden.override !== null}
            onChange={(e) => zetOverride(e.target.checked)}
          />
          <label htmlFor={`${routeringId}-override`}>{t.override}</label>
        </div>
        {waarden.override && (
          <>
            <SelectField
              control={control}
              name="override.domein"
              label={t.overrideDomein}
              options={DOMEINEN.map((d) => ({ value: d, label: t.domeinNaam[d] }))}
            />
            <TextAreaField
              control={control}
              name="override.reden"
              label={t.overrideReden}
              hint={t.overrideRedenHint}
              rows={2}
            />
          </>
        )}
      </section>
      <button
        type="button"
        className="knop knop-klein"
        aria-label={t.verwijderenVan(naam)}
        onClick={() => void verwijder()}
      >
        {t.verwijderen}
      </button>
    </article>
  );
}

const JA_NEE_OPTIES = [
  { value: 'ja', label: t.ja },
  { value: 'nee', label: t.nee },
];

/** The facts routing asks about (`ontbrekend`), each with the question as its label. */
function FeitVragen(props: {
  form: ReturnType<typeof useAutosaveForm<InzetForm, typeof inzetFormSchema>>['form'];
  gevraagd: ReadonlySet<FeitVeld>;
  vragen: ReadonlyMap<string, Ontbrekend>;
}) {
  const { control } = props.form;
  const vraag = (veld: FeitVeld, standaard: string) =>
    props.vragen.get(`inzet.${veld}`)?.vraag ?? standaard;
  return (
    <>
      {props.gevraagd.has('verzorgingsaard') && (
        <SelectField
          control={control}
          name="inzet.verzorgingsaard"
          label={vraag('verzorgingsaard', 'Aard van de verzorging')}
          emptyLabel={t.weetNiet}
          options={[
            { value: 'geneeskundig', label: t.geneeskundig },
            { value: 'begeleidend', label: t.begeleidend },
          ]}
        />
      )}
      {(
        [
          'msvt',
          'medischeIndicatie',
          'voorafgaandeZiekenhuisopname',
          'deelVanWijkverpleging',
        ] as const
      )
        .filter((v) => props.gevraagd.has(v))
        .map((v) => (
          <SelectField
            key={v}
            control={control}
            name={`inzet.${v}`}
            label={vraag(v, t.feit[v])}
            emptyLabel={t.weetNiet}
            options={JA_NEE_OPTIES}
          />
        ))}
      {props.gevraagd.has('verwachteDuurWeken') && (
        <TextField
          control={control}
          name="inzet.verwachteDuurWeken"
          label={vraag('verwachteDuurWeken', t.verwachteDuur)}
          inputMode="numeric"
        />
      )}
    </>
  );
}
