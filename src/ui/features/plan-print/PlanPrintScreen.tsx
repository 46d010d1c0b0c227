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
 * The sheet's content is the shared read-only plan (components/PlanWeergave.tsx, variant `print`).
 */
import { useId } from 'react';
import { volledigeNaam, type Client } from '../../../domain/model/client.ts';
import type { Plan } from '../../../domain/plan/model.ts';
import { useClient, useZorgverzekeraarNamen } from '../../hooks/useDb.tsx';
import {
  useDoelen,
  useNaasten,
  usePlan,
  usePlanForClient,
  usePlanItems,
} from '../../hooks/usePlan.ts';
import { useVoorzieningen } from '../../hooks/useSocialeKaart.ts';
import { datumNl } from '../../lib/opmaak.ts';
import { PlanWeergave } from '../../components/PlanWeergave.tsx';
import { NietGevonden } from '../../components/Scherm.tsx';
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
    return <NietGevonden melding={t.nietGevonden} terug={t.terug} onTerug={props.onTerug} />;
  }
  return <PlanPrint plan={plan} client={client} onTerug={props.onTerug} />;
}

/** What the status means for the client, or nothing (she need not know our workflow words). */
function standInWoorden(plan: Plan): string {
  if ((plan.status === 'vastgesteld' || plan.status === 'geevalueerd') && plan.vastgesteldOp) {
    return t.stand.vastgesteld(datumNl(plan.vastgesteldOp));
  }
  return t.stand.voorstel;
}

function PlanPrint(props: { plan: Plan; client: Client; onTerug: () => void }) {
  const { plan, client } = props;
  const doelen = useDoelen(plan.id);
  const naasten = useNaasten(client.id);
  const items = usePlanItems(plan.id);
  const kaart = useVoorzieningen();
  const zorgverzekeraarNamen = useZorgverzekeraarNamen();
  const titelId = useId();
  if (!doelen || !naasten || !items || !kaart || !zorgverzekeraarNamen) {
    return <p role="status">{nl.algemeen.laden}</p>;
  }

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

        <PlanWeergave
          variant="print"
          inhoud={{ client, plan, doelen, naasten, items, kaart, zorgverzekeraarNamen }}
        />
      </article>
    </section>
  );
}
