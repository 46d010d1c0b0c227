/**
 * The plan as the client reads it (issue 4 item 7, issue 11 point 10): one A4 in plain Dutch (B1),
 * "u" throughout, no internal codes. What must stay true:
 * - nothing on this page shows a CBS/GM code, a UZOVI code, a catalog code or a rule id;
 * - who pays is said in words ("de gemeente Ede (Wmo)"), from `geldendeBeslissing` — the same
 *   decision the editor, overview, review and coordinator show — never from a financier's code;
 * - every inzet says how much in words ("5 uur per week"), who provides it and how to reach them
 *   when that is known; every activity in the neighbourhood its address or phone number;
 * - no heading twice, no internal words ("versie 1 · concept").
 * A typical plan (one item per step) fits one A4 (test/e2e/print.spec.ts counts the PDF pages).
 */
import { useId } from 'react';
import { volledigeNaam, type Client } from '../../../domain/model/client.ts';
import { type Naaste, type Plan, type PlanItem } from '../../../domain/plan/model.ts';
import { geldendeBeslissing, type Beslissing } from '../../../domain/plan/routering.ts';
import { findGemeente, findZorgverzekeraar } from '../../../domain/reference/index.ts';
import type { Voorziening } from '../../../domain/sociale-kaart/model.ts';
import { useClient } from '../../hooks/useDb.tsx';
import {
  useDoelen,
  useNaasten,
  usePlan,
  usePlanForClient,
  usePlanItems,
} from '../../hooks/usePlan.ts';
import { useVoorzieningen } from '../../hooks/useSocialeKaart.ts';
import { datumNl } from '../../lib/opmaak.ts';
import { DoelenLijst } from '../../components/PlanWeergave.tsx';
import { nl } from '../../i18n/nl.ts';
import './plan-print.css';

const t = nl.planPrint;

export type PlanPrintScreenProps = { onTerug: () => void } & (
  { planId: string; clientId?: undefined } | { clientId: string; planId?: undefined }
);

export function PlanPrintScreen(props: PlanPrintScreenProps) {
  const viaId = usePlan(props.planId);
  const viaClient = usePlanForClient(props.clientId);
  const plan = props.planId !== undefined ? viaId : viaClient;
  const client = useClient(plan?.clientId);
  if (plan === undefined || (plan && client === undefined)) {
    return <p role="status">{nl.algemeen.laden}</p>;
  }
  if (!plan || !client) {
    return (
      <section className="scherm">
        <p role="alert">{t.nietGevonden}</p>
        <button type="button" className="knop" onClick={props.onTerug}>
          {t.terug}
        </button>
      </section>
    );
  }
  return <PlanPrint plan={plan} client={client} onTerug={props.onTerug} />;
}

const datum = datumNl;

/** "VGZ Zorgverzekeraar N.V." → "VGZ": the name people know, without the legal form. */
function gewoneNaam(naam: string): string {
  return (
    naam
      .replace(/\b(N\.?V\.?|B\.?V\.?|U\.?A\.?)$/i, '')
      .replace(/\bzorgverzekering(en)?\b|\bzorgverzekeraar\b/gi, '')
      .replace(/\s+/g, ' ')
      .trim() || naam
  );
}

/**
 * Who pays, in words for the client, from the decision that holds (`geldendeBeslissing`): the
 * chosen domain's financier after an override. Names come from the reference lists by code.
 */
export function betalerInWoorden(b: Beslissing | null): string {
  const w = t.betaler;
  if (!b) return w.onbekend;
  switch (b.domein) {
    case 'Wmo':
    case 'Jeugdwet': {
      const g = b.financier?.soort === 'gemeente' ? findGemeente(b.financier.code) : undefined;
      return g ? w.gemeente(g.naam, b.domein) : w.gemeenteOnbekend(b.domein);
    }
    case 'Zvw': {
      const v =
        b.financier?.soort === 'zorgverzekeraar'
          ? findZorgverzekeraar(b.financier.code)
          : undefined;
      return v ? w.zorgverzekeraar(gewoneNaam(v.naam)) : w.zorgverzekeraarOnbekend;
    }
    case 'Wlz':
      return w.zorgkantoor;
    case 'geen':
      return w.geen;
  }
}

/** "5 uur per week", "2,5 uur per maand", "3 dagdelen per week", "1 stuk": how much, in words. */
export function omvangInWoorden(
  omvang: { aantal: number; eenheid: string } | undefined,
): string | null {
  if (!omvang || !Number.isFinite(omvang.aantal)) return null;
  const n = omvang.aantal;
  const getal = n.toLocaleString('nl-NL', { maximumFractionDigits: 2 });
  const meer = n !== 1;
  const e = t.eenheden;
  switch (omvang.eenheid) {
    case 'uur/week':
      return `${getal} ${e.uur} ${e.perWeek}`;
    case 'uur/maand':
      return `${getal} ${e.uur} ${e.perMaand}`;
    case 'dagdeel/week':
      return `${getal} ${meer ? e.dagdelen : e.dagdeel} ${e.perWeek}`;
    case 'rit/week':
      return `${getal} ${meer ? e.ritten : e.rit} ${e.perWeek}`;
    case 'etmaal':
      return `${getal} ${meer ? e.etmalen : e.etmaal}`;
    case 'etmaal/maand':
      return `${getal} ${meer ? e.etmalen : e.etmaal} ${e.perMaand}`;
    case 'maaltijd/week':
      return `${getal} ${meer ? e.maaltijden : e.maaltijd} ${e.perWeek}`;
    case 'stuk':
      return `${getal} ${e.stuk}`;
    case 'abonnement':
      return e.abonnement;
    default:
      return getal;
  }
}

/** How to reach an entry of the sociale kaart: its phone or e-mail, and its address. */
function bereikbaar(v: Pick<Voorziening, 'contact' | 'adres'> | undefined): string | null {
  if (!v) return null;
  const delen = [v.adres, v.contact].filter((d): d is string => !!d);
  return delen.length > 0 ? delen.join(', ') : null;
}

const gelijkeNaam = (a: string, b: string) =>
  a.localeCompare(b, 'nl', { sensitivity: 'base' }) === 0;

/** What the status means for the client, or nothing (she need not know our workflow words). */
function standInWoorden(plan: Plan): string {
  if ((plan.status === 'vastgesteld' || plan.status === 'geevalueerd') && plan.vastgesteldOp) {
    return t.stand.vastgesteld(datum(plan.vastgesteldOp));
  }
  return t.stand.voorstel;
}

function PlanPrint(props: { plan: Plan; client: Client; onTerug: () => void }) {
  const { plan, client } = props;
  const doelen = useDoelen(plan.id);
  const naasten = useNaasten(client.id);
  const items = usePlanItems(plan.id);
  const kaart = useVoorzieningen();
  const titelId = useId();
  if (!doelen || !naasten || !items || !kaart) return <p role="status">{nl.algemeen.laden}</p>;

  const van = (stap: PlanItem['stap']) => items.filter((i) => i.stap === stap);
  const zorg = [...van('hulpmiddel'), ...van('professioneel')];
  const naasteVan = (id: string | undefined): Naaste | undefined =>
    naasten.find((n) => n.id === id);
  const voorzieningVan = (i: PlanItem) =>
    kaart.find((v) => v.id === i.voorzieningId) ??
    (i.voorzieningNaam ? kaart.find((v) => gelijkeNaam(v.naam, i.voorzieningNaam!)) : undefined);
  // An aanbieder that is on the sociale kaart (by name) has a known phone number or address.
  const aanbiederContact = (aanbieder: string) =>
    bereikbaar(kaart.find((v) => gelijkeNaam(v.naam, aanbieder)));

  return (
    <section className="scherm plan-print" aria-labelledby={titelId}>
      <div className="knoppen print-knoppen">
        <button type="button" className="knop" onClick={props.onTerug}>
          {t.terug}
        </button>
        <button type="button" className="knop knop-primair" onClick={() => window.print()}>
          {t.printen}
        </button>
      </div>
      <article className="print-blad">
        <header>
          <h1 id={titelId}>{t.titel}</h1>
          <p>
            {t.voor(volledigeNaam(client))}
            <br />
            <span data-testid="print-stand">{standInWoorden(plan)}</span>
          </p>
        </header>

        <h2>{t.belangrijk}</h2>
        {plan.hulpvraag ? <p className="print-citaat">{plan.hulpvraag}</p> : <Niets />}
        {doelen.length > 0 && (
          <>
            <h3>{t.doelen}</h3>
            <DoelenLijst doelen={doelen} />
          </>
        )}

        <h2>{t.zelf}</h2>
        <Lijst items={van('eigen-kracht')} />

        <h2>{t.wieHelpt}</h2>
        {naasten.length === 0 && van('netwerk').length === 0 ? (
          <Niets />
        ) : (
          <ul>
            {naasten.map((n) => (
              <li key={n.id}>
                <strong>
                  {n.naam} ({n.relatie})
                </strong>
                {n.watDoetHij ? `: ${n.watDoetHij}` : ''}
                {n.hoeVaak ? ` (${n.hoeVaak})` : ''}
                {n.contact ? `. ${t.bereik(n.contact)}` : ''}
              </li>
            ))}
            {van('netwerk').map((i) => {
              const n = naasteVan(i.naasteId);
              return (
                <li key={i.id}>
                  {n ? `${n.naam}: ` : ''}
                  {i.omschrijving}
                </li>
              );
            })}
          </ul>
        )}
        {van('mantelzorgondersteuning').length > 0 && (
          <>
            <h3>{t.mantelzorg}</h3>
            <Lijst items={van('mantelzorgondersteuning')} />
          </>
        )}
        {van('voorziening').length > 0 && (
          <>
            <h3>{t.voorzieningen}</h3>
            <ul>
              {van('voorziening').map((i) => {
                const contact = bereikbaar(voorzieningVan(i));
                const naam = i.voorzieningNaam ?? i.omschrijving;
                return (
                  <li key={i.id}>
                    <strong>{naam}</strong>
                    {i.voorzieningNaam && i.omschrijving !== i.voorzieningNaam
                      ? `: ${i.omschrijving}`
                      : ''}
                    {contact ? `. ${t.bereik(contact)}` : ''}
                  </li>
                );
              })}
            </ul>
          </>
        )}

        <h2>{t.hulpEnZorg}</h2>
        {zorg.length === 0 ? (
          <Niets />
        ) : (
          <ul className="print-zorg">
            {zorg.map((i) => {
              const hoeveel = omvangInWoorden(i.inzet?.omvang);
              const contact = i.aanbieder ? aanbiederContact(i.aanbieder) : null;
              const wanneer = i.inzet?.periode?.van
                ? i.inzet.periode.tot
                  ? t.periodeTot(datum(i.inzet.periode.van), datum(i.inzet.periode.tot))
                  : t.vanaf(datum(i.inzet.periode.van))
                : null;
              return (
                <li key={i.id} data-testid="print-inzet">
                  <strong>{i.omschrijving}</strong>
                  {hoeveel || wanneer ? `: ${[hoeveel, wanneer].filter(Boolean).join(', ')}` : ''}
                  .
                  <br />
                  {i.aanbieder
                    ? t.door(contact ? `${i.aanbieder} (${contact})` : i.aanbieder)
                    : t.doorOnbekend}{' '}
                  {t.betaald(betalerInWoorden(geldendeBeslissing(i, client)))}
                </li>
              );
            })}
          </ul>
        )}

        <h2>{t.akkoord}</h2>
        <p>
          {plan.akkoord ? t.akkoordOp(datum(plan.akkoord.datum)) : t.geenAkkoord}
          {plan.evaluatiedatum && <> {t.evaluatie(datum(plan.evaluatiedatum))}</>}
        </p>
      </article>
    </section>
  );
}

function Niets() {
  return <p className="print-niets">{t.niets}</p>;
}

function Lijst({ items }: { items: readonly PlanItem[] }) {
  if (items.length === 0) return <Niets />;
  return (
    <ul>
      {items.map((i) => {
        const hoeveel = omvangInWoorden(i.inzet?.omvang);
        return (
          <li key={i.id}>
            {i.omschrijving}
            {hoeveel ? ` (${hoeveel})` : ''}
          </li>
        );
      })}
    </ul>
  );
}
