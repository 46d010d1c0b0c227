/**
 * The plan, read-only, in one place for every screen that shows it whole (issue 15, point 5):
 * - `samenvatting`: step 8 of the editor, the overview before the akkoord;
 * - `print`: the client's one A4 in plain Dutch (B1), "u", no codes (plan-print);
 * - `review`: the casemanager's review, section per step, each entry with her comments (review).
 * One skeleton: client, hulpvraag and doelen (in the order of the levensdomeinen), eigen kracht,
 * naasten and what they do, mantelzorgondersteuning, voorzieningen, hulpmiddelen, professionele
 * inzet with who pays (`geldendeBeslissing`, the same decision everywhere) and what is still
 * needed, akkoord and evaluatie. The variants differ in wording and headings only; the review adds
 * its comments through `sectie` and `entry`.
 */
import type { ReactNode } from 'react';
import { findInzetType } from '../../domain/catalog/index.ts';
import type { Client } from '../../domain/model/client.ts';
import { PLAN_STAPPEN, type PlanStap } from '../../domain/plan/ladder.ts';
import {
  LEVENSDOMEINEN,
  LEVENSDOMEIN_LABEL,
  type Doel,
  type Naaste,
  type Plan,
  type PlanItem,
} from '../../domain/plan/model.ts';
import { geldendeBeslissing } from '../../domain/plan/routering.ts';
import type { Voorziening } from '../../domain/sociale-kaart/model.ts';
import { nl } from '../i18n/nl.ts';
import { datumNl } from '../lib/opmaak.ts';
import { betalerKort, financierNaam, naastRoutering } from './betaler.ts';
import { betalerInWoorden, bereikbaar, gelijkeNaam, omvangInWoorden, tw } from './plan-woorden.ts';

const tp = nl.plan;
const tpr = nl.planPrint;

export type PlanWeergaveVariant = 'samenvatting' | 'print' | 'review';

/** Everything the rendering shows, loaded by the screen. */
export interface PlanInhoud {
  readonly client: Client;
  readonly plan: Plan;
  readonly doelen: readonly Doel[];
  readonly naasten: readonly Naaste[];
  readonly items: readonly PlanItem[];
  /** The sociale kaart, to say how to reach an activity or aanbieder (print). */
  readonly kaart?: readonly Voorziening[] | undefined;
  /**
   * UZOVI code → the name this device gave a zorgverzekeraar the shipped list lacks (issue 16,
   * point 4), so the client reads her insurer's name, never its code.
   */
  readonly zorgverzekeraarNamen?: ReadonlyMap<string, string> | undefined;
}

export interface PlanWeergaveProps {
  readonly variant: PlanWeergaveVariant;
  readonly inhoud: PlanInhoud;
  /** Wraps one section (review: its numbered heading and comments). */
  readonly sectie?: (s: {
    stap: PlanStap;
    nummer: number;
    kop: string;
    children: ReactNode;
  }) => ReactNode;
  /** Wraps one entry, a doel, naaste or item, as a list item (review: with its comments). */
  readonly entry?: (e: {
    stap: PlanStap;
    id: string;
    onderwerp: string;
    children: ReactNode;
  }) => ReactNode;
}

/** The doelen in the order of the levensdomeinen (Positieve Gezondheid), then as they were made. */
export function doelenPerDomein(doelen: readonly Doel[]): Doel[] {
  return LEVENSDOMEINEN.flatMap((d) => doelen.filter((x) => x.levensdomein === d));
}

/**
 * The sections per variant: a heading and the steps of the plan it shows. The overview and the
 * review follow the editor's steps; the print groups them as the client thinks of them.
 */
function secties(variant: PlanWeergaveVariant): { kop: string; stappen: readonly PlanStap[] }[] {
  if (variant === 'print') {
    return [
      { kop: tpr.belangrijk, stappen: ['hulpvraag'] },
      { kop: tpr.zelf, stappen: ['eigen-kracht'] },
      { kop: tpr.wieHelpt, stappen: ['netwerk', 'mantelzorgondersteuning', 'voorziening'] },
      { kop: tpr.hulpEnZorg, stappen: ['hulpmiddel', 'professioneel'] },
      { kop: tpr.akkoord, stappen: ['akkoord'] },
    ];
  }
  // The overview is step 8 itself: the akkoord's fields follow it.
  const stappen = variant === 'review' ? PLAN_STAPPEN : PLAN_STAPPEN.filter((s) => s !== 'akkoord');
  return stappen.map((stap) => ({ kop: tp.stappen[stap], stappen: [stap] }));
}

export function PlanWeergave(props: PlanWeergaveProps) {
  const { variant } = props;
  const omSectie =
    props.sectie ??
    (({ kop, children }: { kop: string; children: ReactNode }) =>
      variant === 'print' ? (
        <>
          <h2>{kop}</h2>
          {children}
        </>
      ) : (
        <div>
          <h4>{kop}</h4>
          {children}
        </div>
      ));
  const inhoud = secties(variant).map(({ kop, stappen }, i) => (
    <Sectie key={stappen[0]} stap={stappen[0]!} nummer={i + 1} kop={kop} wrap={omSectie}>
      {variant === 'print' ? (
        <PrintInhoud stappen={stappen} {...props} />
      ) : (
        <StapInhoud stap={stappen[0]!} {...props} />
      )}
    </Sectie>
  ));
  if (variant === 'samenvatting') {
    return (
      <section className="plan-overzicht" aria-label={tp.overzicht}>
        <h3>{tp.overzicht}</h3>
        {inhoud}
      </section>
    );
  }
  return <>{inhoud}</>;
}

function Sectie(props: {
  stap: PlanStap;
  nummer: number;
  kop: string;
  wrap: NonNullable<PlanWeergaveProps['sectie']>;
  children: ReactNode;
}) {
  const { wrap, ...rest } = props;
  return <>{wrap(rest)}</>;
}

/** "Niets ingevuld." */
function Leeg({ variant }: { variant: PlanWeergaveVariant }) {
  return variant === 'print' ? (
    <p className="print-niets">{tpr.niets}</p>
  ) : (
    <p className="veld-hint">{tw.leeg}</p>
  );
}

/** A list of entries, or "Niets ingevuld." when there are none (and `leeg` is set). */
function Lijst(props: {
  variant: PlanWeergaveVariant;
  className?: string | undefined;
  leeg?: boolean;
  children: ReactNode[];
}) {
  if (props.children.length === 0) return props.leeg === false ? null : <Leeg {...props} />;
  const className = props.variant === 'review' ? 'review-items' : props.className;
  return <ul className={className}>{props.children}</ul>;
}

/** One entry as a list item; the review wraps it with its comments. */
function entryVan(props: PlanWeergaveProps, stap: PlanStap) {
  return (id: string, onderwerp: string, children: ReactNode): ReactNode =>
    props.entry ? props.entry({ stap, id, onderwerp, children }) : <li key={id}>{children}</li>;
}

/** The hulpvraag in the client's words, and the doelen. */
function HulpvraagEnDoelen(props: PlanWeergaveProps & { stap: PlanStap }) {
  const { variant } = props;
  const { plan, doelen } = props.inhoud;
  const entry = entryVan(props, props.stap);
  const citaat = { samenvatting: 'plan-hulpvraag', print: 'print-citaat', review: 'review-citaat' };
  const hulpvraag = plan.hulpvraag ? <p className={citaat[variant]}>{plan.hulpvraag}</p> : null;
  const doelLijst = (
    <Lijst variant={variant}>
      {doelenPerDomein(doelen).map((d) =>
        entry(
          d.id,
          `doel ${LEVENSDOMEIN_LABEL[d.levensdomein]}: ${d.omschrijving}`,
          variant === 'review' ? (
            <p>
              <DoelTekst doel={d} />
            </p>
          ) : (
            <DoelTekst doel={d} />
          ),
        ),
      )}
    </Lijst>
  );
  if (variant === 'samenvatting') {
    return (
      <>
        {hulpvraag}
        {doelen.length > 0 ? doelLijst : !hulpvraag && <Leeg variant={variant} />}
      </>
    );
  }
  return (
    <>
      {variant === 'review' && <h3>{tp.hulpvraag}</h3>}
      {hulpvraag ?? <Leeg variant={variant} />}
      {(variant === 'review' || doelen.length > 0) && (
        <>
          <h3>{variant === 'review' ? tw.doelen : tpr.doelen}</h3>
          {doelLijst}
        </>
      )}
    </>
  );
}

/** "Dagelijks leven: Zelf weer boodschappen doen". */
function DoelTekst({ doel }: { readonly doel: Doel }) {
  return (
    <>
      <strong>{LEVENSDOMEIN_LABEL[doel.levensdomein]}:</strong> {doel.omschrijving}
    </>
  );
}

/** "Els (dochter): boodschappen (elke week)", with belasting for the review, contact for the client. */
function NaasteTekst({ naaste: n, variant }: { naaste: Naaste; variant: PlanWeergaveVariant }) {
  const tekst = (
    <>
      <strong>
        {n.naam} ({n.relatie})
      </strong>
      {n.watDoetHij ? `: ${n.watDoetHij}` : ''}
      {n.hoeVaak ? ` (${n.hoeVaak})` : ''}
      {variant === 'review' && n.belasting
        ? ` · ${tp.naaste.belasting}: ${tp.belasting[n.belasting]}`
        : ''}
      {variant === 'print' && n.contact ? `. ${tpr.bereik(n.contact)}` : ''}
    </>
  );
  return variant === 'review' ? <p>{tekst}</p> : tekst;
}

/** One step's content, for the overview and the review (the editor's steps). */
function StapInhoud(props: PlanWeergaveProps & { stap: PlanStap }) {
  const { variant, stap } = props;
  const { plan, naasten, items } = props.inhoud;
  const entry = entryVan(props, stap);
  const hier = items.filter((i) => i.stap === stap);
  const itemEntries = hier.map((i) =>
    entry(i.id, i.voorzieningNaam ?? i.omschrijving, <ItemTekst item={i} {...props} />),
  );
  const naastEntries = naasten.map((n) =>
    entry(n.id, tw.naaste(n.naam), <NaasteTekst naaste={n} variant={variant} />),
  );
  switch (stap) {
    case 'hulpvraag':
      return <HulpvraagEnDoelen {...props} />;
    case 'netwerk':
      return variant === 'review' ? (
        <>
          <h3>{tw.naasten}</h3>
          <Lijst variant={variant}>{naastEntries}</Lijst>
          <h3>{tp.netwerkHulp}</h3>
          <Lijst variant={variant}>{itemEntries}</Lijst>
        </>
      ) : (
        <Lijst variant={variant}>{[...naastEntries, ...itemEntries]}</Lijst>
      );
    case 'professioneel':
      return (
        <>
          {plan.ladderToelichting &&
            (variant === 'review' ? (
              <>
                <h3>{tw.ladderToelichting}</h3>
                <p className="review-citaat">{plan.ladderToelichting}</p>
              </>
            ) : (
              <p className="overzicht-reden">
                <strong>{nl.betaler.ladderReden}:</strong> {plan.ladderToelichting}
              </p>
            ))}
          <Lijst variant={variant}>{itemEntries}</Lijst>
        </>
      );
    case 'akkoord':
      return <AkkoordTekst {...props} />;
    default:
      return <Lijst variant={variant}>{itemEntries}</Lijst>;
  }
}

/** The akkoord and the evaluatiedatum. */
function AkkoordTekst({ variant, inhoud: { plan } }: PlanWeergaveProps) {
  if (variant === 'print') {
    return (
      <p>
        {plan.akkoord ? tpr.akkoordOp(datumNl(plan.akkoord.datum)) : tpr.geenAkkoord}
        {plan.evaluatiedatum && <> {tpr.evaluatie(datumNl(plan.evaluatiedatum))}</>}
      </p>
    );
  }
  return (
    <>
      <h3>{tw.akkoordClient}</h3>
      <p>
        {plan.akkoord
          ? tw.akkoordOp(
              datumNl(plan.akkoord.datum),
              tp.wijze[plan.akkoord.wijze].toLocaleLowerCase('nl'),
              tp.door[plan.akkoord.door].toLocaleLowerCase('nl'),
            )
          : tw.geenAkkoord}
      </p>
      <p>
        {plan.evaluatiedatum
          ? tw.evaluatiedatum(datumNl(plan.evaluatiedatum))
          : tw.geenEvaluatiedatum}
      </p>
    </>
  );
}

/**
 * One plan item in words. The overview: what, who pays (routing's decision and the reason beside
 * it) and what is still needed. The review: also how much, when, by whom, for which doel.
 */
function ItemTekst(props: PlanWeergaveProps & { item: PlanItem }) {
  const { item, variant } = props;
  const { client, doelen, naasten } = props.inhoud;
  const naam = item.voorzieningNaam ?? item.omschrijving;
  // Who pays: the chosen domain's decision, routing's beside it.
  const geldend = geldendeBeslissing(item, client);
  // What is still needed before the payer pays (the editor's "Nog nodig").
  const nogNodig = geldend?.voorwaarden.length
    ? `${tp.voorwaarden}: ${geldend.voorwaarden.map((v) => v.tekst).join('; ')}`
    : null;
  if (variant !== 'review') {
    const naast = geldend && naastRoutering(geldend);
    return (
      <>
        {naam}
        {geldend && ` — ${betalerKort(geldend)}`}
        {naast && (
          <>
            <br />
            <span className="veld-hint">{naast}</span>
          </>
        )}
        {nogNodig && (
          <>
            <br />
            <span className="veld-hint">{nogNodig}</span>
          </>
        )}
        {geldend?.reden && (
          <>
            <br />
            <span className="overzicht-reden">{nl.betaler.reden(geldend.reden)}</span>
          </>
        )}
      </>
    );
  }
  const type = item.inzet ? findInzetType(item.inzet.code) : undefined;
  const naaste = naasten.find((n) => n.id === item.naasteId);
  const doel = doelen.find((d) => d.id === item.doelId);
  const regels: string[] = [];
  if (naaste) regels.push(tw.naaste(naaste.naam));
  if (item.inzet?.omvang) {
    regels.push(
      tw.omvang(item.inzet.omvang.aantal.toLocaleString('nl-NL'), item.inzet.omvang.eenheid),
    );
  }
  if (item.inzet?.periode?.van) {
    regels.push(
      tw.periode(
        datumNl(item.inzet.periode.van),
        item.inzet.periode.tot ? datumNl(item.inzet.periode.tot) : undefined,
      ),
    );
  }
  if (item.aanbieder) regels.push(tw.aanbieder(item.aanbieder));
  if (item.inzet) {
    if (geldend) regels.push(tw.domein(tp.domeinNaam[geldend.domein]));
    regels.push(geldend ? tw.financier(financierNaam(geldend)) : tw.financierOnbekend);
  }
  return (
    <>
      <p>
        <strong>{naam}</strong>
        {type && type.label !== item.omschrijving ? ` (${type.label})` : ''}
      </p>
      {regels.length > 0 && <p className="review-details">{regels.join(' · ')}</p>}
      {nogNodig && <p className="review-details">{nogNodig}</p>}
      {geldend?.gerouteerd && geldend.reden !== null ? (
        <p className="review-details" data-testid="review-override">
          {tw.override(betalerKort(geldend.gerouteerd), geldend.reden)}
        </p>
      ) : (
        geldend?.reden && (
          <p className="review-details" data-testid="review-override">
            {nl.betaler.reden(geldend.reden)}
          </p>
        )
      )}
      {doel && <p className="review-details">{tw.bijDoel(doel.omschrijving)}</p>}
    </>
  );
}

/**
 * One section of the print, in the client's words: what she does herself (with how much), who
 * helps and how to reach them, which care, how much, from when, by whom and who pays.
 */
function PrintInhoud(props: PlanWeergaveProps & { stappen: readonly PlanStap[] }) {
  const { variant } = props;
  const { client, naasten, items, kaart = [], zorgverzekeraarNamen } = props.inhoud;
  const van = (stap: PlanStap) => items.filter((i) => i.stap === stap);
  const [eerste] = props.stappen;
  const voorzieningVan = (i: PlanItem) =>
    kaart.find((v) => v.id === i.voorzieningId) ??
    (i.voorzieningNaam ? kaart.find((v) => gelijkeNaam(v.naam, i.voorzieningNaam!)) : undefined);
  // An aanbieder that is on the sociale kaart (by name) has a known phone number or address.
  const aanbiederContact = (aanbieder: string) =>
    bereikbaar(kaart.find((v) => gelijkeNaam(v.naam, aanbieder)));
  /** "Boodschappen doen (2 uur per week)". */
  const metOmvang = (i: PlanItem) => {
    const hoeveel = omvangInWoorden(i.inzet?.omvang);
    return (
      <li key={i.id}>
        {i.omschrijving}
        {hoeveel ? ` (${hoeveel})` : ''}
      </li>
    );
  };

  switch (eerste) {
    case 'hulpvraag':
      return <HulpvraagEnDoelen {...props} stap="hulpvraag" />;
    case 'eigen-kracht':
      return <Lijst variant={variant}>{van('eigen-kracht').map(metOmvang)}</Lijst>;
    case 'netwerk': {
      const mantelzorg = van('mantelzorgondersteuning');
      const voorzieningen = van('voorziening');
      return (
        <>
          <Lijst variant={variant}>
            {[
              ...naasten.map((n) => (
                <li key={n.id}>
                  <NaasteTekst naaste={n} variant={variant} />
                </li>
              )),
              ...van('netwerk').map((i) => {
                const n = naasten.find((x) => x.id === i.naasteId);
                return (
                  <li key={i.id}>
                    {n ? `${n.naam}: ` : ''}
                    {i.omschrijving}
                  </li>
                );
              }),
            ]}
          </Lijst>
          {mantelzorg.length > 0 && (
            <>
              <h3>{tpr.mantelzorg}</h3>
              <Lijst variant={variant}>{mantelzorg.map(metOmvang)}</Lijst>
            </>
          )}
          {voorzieningen.length > 0 && (
            <>
              <h3>{tpr.voorzieningen}</h3>
              <Lijst variant={variant}>
                {voorzieningen.map((i) => {
                  const contact = bereikbaar(voorzieningVan(i));
                  return (
                    <li key={i.id}>
                      <strong>{i.voorzieningNaam ?? i.omschrijving}</strong>
                      {i.voorzieningNaam && i.omschrijving !== i.voorzieningNaam
                        ? `: ${i.omschrijving}`
                        : ''}
                      {contact ? `. ${tpr.bereik(contact)}` : ''}
                    </li>
                  );
                })}
              </Lijst>
            </>
          )}
        </>
      );
    }
    case 'hulpmiddel':
      return (
        <Lijst variant={variant} className="print-zorg">
          {[...van('hulpmiddel'), ...van('professioneel')].map((i) => {
            const hoeveel = omvangInWoorden(i.inzet?.omvang);
            const contact = i.aanbieder ? aanbiederContact(i.aanbieder) : null;
            const periode = i.inzet?.periode;
            const wanneer = periode?.van
              ? periode.tot
                ? tpr.periodeTot(datumNl(periode.van), datumNl(periode.tot))
                : tpr.vanaf(datumNl(periode.van))
              : null;
            return (
              <li key={i.id} data-testid="print-inzet">
                <strong>{i.omschrijving}</strong>
                {hoeveel || wanneer ? `: ${[hoeveel, wanneer].filter(Boolean).join(', ')}` : ''}
                .
                <br />
                {i.aanbieder
                  ? tpr.door(contact ? `${i.aanbieder} (${contact})` : i.aanbieder)
                  : tpr.doorOnbekend}{' '}
                {tpr.betaald(betalerInWoorden(geldendeBeslissing(i, client), zorgverzekeraarNamen))}
              </li>
            );
          })}
        </Lijst>
      );
    default:
      return <AkkoordTekst {...props} />;
  }
}
