import { Fragment } from 'react';
import {
  DOMEINEN,
  type KostenDomein,
  type KostenFinancier,
  type Maand,
  type Overzicht,
  type OverzichtRij,
} from '../../../domain/kosten/model.ts';
import { Tabel } from '../../components/Schermdelen.tsx';
import { KostenGrafiek } from './KostenGrafiek.tsx';
import { DOMEIN_LABEL, euro, financierNl, maandNl, volumesNl } from './opmaak.ts';

export interface RegelFilter {
  readonly maand?: Maand;
  readonly domein?: KostenDomein;
  /** undefined: every financier; null: lines without a financier. */
  readonly financier?: KostenFinancier | null;
}

const domeinVolgorde = (d: KostenDomein) => DOMEINEN.indexOf(d);

function sorteer(rijen: readonly OverzichtRij[]): OverzichtRij[] {
  return [...rijen].sort(
    (a, b) =>
      a.maand.localeCompare(b.maand) ||
      domeinVolgorde(a.domein) - domeinVolgorde(b.domein) ||
      financierNl(a.financier).localeCompare(financierNl(b.financier), 'nl'),
  );
}

export function DemoMelding() {
  return (
    <p className="demo-melding" role="note">
      <span className="demo-label">Demotarieven</span> Deze bedragen zijn berekend met
      voorbeeldtarieven. Het zijn geen echte, afgesproken prijzen.
    </p>
  );
}

/** Totals of the period, the chart and the table month × domain × financier. */
export function OverzichtView(props: {
  readonly overzicht: Overzicht;
  readonly onBekijkRegels: (filter: RegelFilter) => void;
}) {
  const { overzicht } = props;
  const totaal = overzicht.perMaand.reduce((s, m) => s + m.kostenCent, 0);
  const perMaand = new Map(overzicht.perMaand.map((m) => [m.maand, m]));
  const rijen = sorteer(overzicht.rijen);
  const maanden = [...new Set(rijen.map((r) => r.maand))];

  return (
    <div className="kosten-overzicht">
      {overzicht.demoTarieven && <DemoMelding />}
      <dl className="kosten-totalen">
        <div>
          <dt>Geplande kosten in deze periode</dt>
          <dd data-testid="totaal-periode">{euro(totaal)}</dd>
        </div>
        <div>
          <dt>Maanden met zorg</dt>
          <dd>{maanden.length}</dd>
        </div>
      </dl>
      {rijen.length === 0 ? (
        <p className="lijst-leeg">Er zijn geen geplande kosten in deze periode.</p>
      ) : (
        <>
          <KostenGrafiek overzicht={overzicht} />
          <Tabel
            label="Kosten per maand"
            caption="Per maand, domein en financier"
            captionZichtbaar
            className="kosten-tabel"
            kolommen={[
              'Domein',
              'Financier',
              { kop: 'Cliënten', getal: true },
              'Volume',
              { kop: 'Kosten', getal: true },
              { kop: <span className="visueel-verborgen">Regels</span> },
            ]}
          >
            {maanden.map((maand) => {
              const m = perMaand.get(maand);
              return (
                <Fragment key={maand}>
                  <tr className="kosten-maand">
                    <th scope="colgroup" colSpan={6}>
                      {maandNl(maand)}
                      {m && (
                        <span className="kosten-maand-totaal">
                          {' — '}
                          {m.clienten === 1 ? '1 cliënt' : `${m.clienten} cliënten`}, totaal{' '}
                          {euro(m.kostenCent)}
                        </span>
                      )}
                    </th>
                  </tr>
                  {rijen
                    .filter((r) => r.maand === maand)
                    .map((r) => (
                      <tr key={`${r.domein}|${r.financier?.code ?? '-'}`}>
                        <td>{DOMEIN_LABEL[r.domein]}</td>
                        <td>{financierNl(r.financier)}</td>
                        <td className="getal">{r.clienten}</td>
                        <td>{volumesNl(r.volume)}</td>
                        <td className="getal">
                          {euro(r.kostenCent)}
                          {r.zonderTarief > 0 && (
                            <span className="kosten-zonder-tarief">
                              {r.zonderTarief === 1
                                ? '1 regel zonder tarief'
                                : `${r.zonderTarief} regels zonder tarief`}
                            </span>
                          )}
                        </td>
                        <td>
                          <button
                            type="button"
                            className="knop knop-klein"
                            onClick={() =>
                              props.onBekijkRegels({
                                maand: r.maand,
                                domein: r.domein,
                                financier: r.financier,
                              })
                            }
                          >
                            Bekijk regels{' '}
                            <span className="visueel-verborgen">
                              {`van ${maandNl(r.maand)}, ${DOMEIN_LABEL[r.domein]}, ${financierNl(r.financier)}`}
                            </span>
                          </button>
                        </td>
                      </tr>
                    ))}
                </Fragment>
              );
            })}
          </Tabel>
        </>
      )}
    </div>
  );
}
