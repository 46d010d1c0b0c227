/**
 * The plan as the client reads it (issue 4 item 7): one A4 in plain Dutch (B1), "u" throughout,
 * no internal codes. What must stay true: nothing on this page shows a CBS/GM code, a UZOVI code,
 * a catalog code or a rule id. Who pays is said in words ("de gemeente Ede (Wmo)"), taken from the
 * reference names, never from a financier's code.
 */
import { useId } from 'react';
import { volledigeNaam, type Client } from '../../../domain/model/client.ts';
import {
  LEVENSDOMEINEN,
  LEVENSDOMEIN_LABEL,
  type Naaste,
  type Plan,
  type PlanItem,
} from '../../../domain/plan/model.ts';
import { effectiefDomein } from '../../../domain/plan/routering.ts';
import { findGemeente, findZorgverzekeraar } from '../../../domain/reference/index.ts';
import type { Domein } from '../../../domain/routing/index.ts';
import { useClient } from '../../hooks/useDb.tsx';
import {
  useDoelen,
  useNaasten,
  usePlan,
  usePlanForClient,
  usePlanItems,
} from '../../hooks/usePlan.ts';
import { datumNl } from '../../i18n/datum.ts';
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

/** Who pays, in words for the client. */
export function betalerInWoorden(domein: Domein | undefined, client: Client): string {
  const b = t.betaler;
  switch (domein) {
    case 'Wmo':
    case 'Jeugdwet': {
      const g = findGemeente(client.gemeente);
      return g ? b.gemeente(g.naam, domein) : b.gemeenteOnbekend(domein);
    }
    case 'Zvw': {
      const v = client.zorgverzekeraar ? findZorgverzekeraar(client.zorgverzekeraar) : undefined;
      return v ? b.zorgverzekeraar(gewoneNaam(v.naam)) : b.zorgverzekeraarOnbekend;
    }
    case 'Wlz':
      return b.zorgkantoor;
    case 'geen':
      return b.geen;
    default:
      return b.onbekend;
  }
}

function PlanPrint(props: { plan: Plan; client: Client; onTerug: () => void }) {
  const { plan, client } = props;
  const doelen = useDoelen(plan.id);
  const naasten = useNaasten(client.id);
  const items = usePlanItems(plan.id);
  const titelId = useId();
  if (!doelen || !naasten || !items) return <p role="status">{nl.algemeen.laden}</p>;

  const van = (stap: PlanItem['stap']) => items.filter((i) => i.stap === stap);
  const zorg = [...van('hulpmiddel'), ...van('professioneel')];
  const naasteVan = (id: string | undefined): Naaste | undefined =>
    naasten.find((n) => n.id === id);

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
            {t.versie(plan.versie, nl.plan.status[plan.status].toLocaleLowerCase('nl'))}
          </p>
        </header>

        <h2>{t.belangrijk}</h2>
        {plan.hulpvraag ? <p className="print-citaat">{plan.hulpvraag}</p> : <Niets />}
        {doelen.length > 0 && (
          <>
            <h3>{t.doelen}</h3>
            <ul>
              {LEVENSDOMEINEN.flatMap((d) =>
                doelen
                  .filter((x) => x.levensdomein === d)
                  .map((x) => (
                    <li key={x.id}>
                      <strong>{LEVENSDOMEIN_LABEL[d]}:</strong> {x.omschrijving}
                    </li>
                  )),
              )}
            </ul>
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
              {van('voorziening').map((i) => (
                <li key={i.id}>{i.voorzieningNaam ?? i.omschrijving}</li>
              ))}
            </ul>
          </>
        )}

        <h2>{t.hulpEnZorg}</h2>
        {zorg.length === 0 ? (
          <Niets />
        ) : (
          <table className="print-tabel">
            <thead>
              <tr>
                <th scope="col">{t.hulpEnZorg}</th>
                <th scope="col">{t.wieBetaalt}</th>
              </tr>
            </thead>
            <tbody>
              {zorg.map((i) => (
                <tr key={i.id}>
                  <td>
                    {i.omschrijving}
                    {i.aanbieder ? ` — ${i.aanbieder}` : ''}
                    {i.inzet?.periode?.van ? ` (vanaf ${datum(i.inzet.periode.van)})` : ''}
                  </td>
                  <td>{betalerInWoorden(effectiefDomein(i), client)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}

        <h2>{t.wieBetaalt}</h2>
        {zorg.length === 0 ? (
          <Niets />
        ) : (
          <ul>
            {[...perBetaler(zorg, client)].map(([betaler, wat]) => (
              <li key={betaler}>
                <strong>{betaler[0]!.toLocaleUpperCase('nl') + betaler.slice(1)}:</strong>{' '}
                {wat.join(', ')}
              </li>
            ))}
          </ul>
        )}

        <h2>{t.akkoord}</h2>
        <p>{plan.akkoord ? t.akkoordOp(datum(plan.akkoord.datum)) : t.geenAkkoord}</p>
        {plan.evaluatiedatum && <p>{t.evaluatie(datum(plan.evaluatiedatum))}</p>}
      </article>
    </section>
  );
}

function perBetaler(zorg: readonly PlanItem[], client: Client): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const i of zorg) {
    const betaler = betalerInWoorden(effectiefDomein(i), client);
    map.set(betaler, [...(map.get(betaler) ?? []), i.omschrijving]);
  }
  return map;
}

function Niets() {
  return <p className="print-niets">{t.niets}</p>;
}

function Lijst({ items }: { items: readonly PlanItem[] }) {
  if (items.length === 0) return <Niets />;
  return (
    <ul>
      {items.map((i) => (
        <li key={i.id}>{i.omschrijving}</li>
      ))}
    </ul>
  );
}
