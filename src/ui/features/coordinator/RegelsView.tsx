import {
  DOMEINEN,
  domeinSchema,
  type KostenRegel,
  type Maand,
} from '../../../domain/kosten/model.ts';
import { regelsAntwoordSchema } from '../../../domain/kosten/api.ts';
import type { FetchFn } from '../../../sync/client/http.ts';
import {
  DOMEIN_LABEL,
  domeinFinancier,
  euro,
  euroBedrag,
  financierNl,
  maandNl,
  maandenTussen,
  perEenheid,
  volumeNl,
} from './opmaak.ts';
import type { RegelFilter } from './OverzichtView.tsx';
import { useServerData } from './server.ts';
import { ExportLinks } from './ExportLinks.tsx';
import { Tabel } from '../../components/Schermdelen.tsx';
import { Keuzeveld } from '../../components/LosseVelden.tsx';
import { Laadmelding } from './Laadmelding.tsx';
import { PseudoniemCel } from './PseudoniemCel.tsx';

/** The arrangeur's app routed this inzet otherwise than the server did (issue 12). */
const ROUTERING_AFWIJKEND = 'Routering app wijkt af: de regels van de server tellen';

export function regelsUrl(van: Maand, tot: Maand, filter: RegelFilter): string {
  const q = new URLSearchParams({ van, tot });
  if (filter.maand) q.set('maand', filter.maand);
  if (filter.domein) q.set('domein', filter.domein);
  // 'geen' asks for the lines without a financier (the server's regelsVraagSchema).
  if (filter.financier !== undefined) q.set('financier', filter.financier?.code ?? 'geen');
  return `/api/coordinator/regels?${q.toString()}`;
}

/** The server filters by code; lines without a financier are picked out here. */
function pastBijFilter(r: KostenRegel, filter: RegelFilter): boolean {
  if (filter.maand && r.maand !== filter.maand) return false;
  if (filter.domein && r.domein !== filter.domein) return false;
  if (filter.financier === null) return r.financier === null;
  if (filter.financier) return r.financier?.code === filter.financier.code;
  return true;
}

/** More rows than this make a tablet slow; the total still counts every line. */
export const MAX_TONEN = 500;

const wijktAf = (r: KostenRegel) =>
  r.domein !== r.gerouteerdDomein || r.financier?.code !== r.gerouteerdeFinancier?.code;

export function RegelsView(props: {
  readonly fetch: FetchFn;
  readonly van: Maand;
  readonly tot: Maand;
  readonly filter: RegelFilter;
  readonly onFilter: (filter: RegelFilter) => void;
}) {
  const { filter } = props;
  const { status, opnieuw } = useServerData(
    props.fetch,
    regelsUrl(props.van, props.tot, filter),
    regelsAntwoordSchema,
  );
  const regels =
    status.soort === 'klaar' ? status.data.regels.filter((r) => pastBijFilter(r, filter)) : [];
  const totaal = regels.reduce((s, r) => s + r.kostenCent, 0);

  return (
    <div className="kosten-regels">
      <div className="kosten-filter">
        <Keuzeveld
          label="Maand"
          waarde={filter.maand ?? ''}
          onWijzig={(m) =>
            props.onFilter({ ...filter, maand: (m || undefined) as Maand | undefined })
          }
          alle="Alle maanden"
          opties={maandenTussen(props.van, props.tot).map((m) => ({
            waarde: m,
            tekst: maandNl(m),
          }))}
        />
        <Keuzeveld
          label="Domein"
          waarde={filter.domein ?? ''}
          onWijzig={(waarde) => {
            const d = domeinSchema.safeParse(waarde);
            // Another domain has other financiers: the financier filter goes with it.
            props.onFilter({ maand: filter.maand, domein: d.success ? d.data : undefined });
          }}
          alle="Alle domeinen"
          opties={DOMEINEN.map((d) => ({ waarde: d, tekst: DOMEIN_LABEL[d] }))}
        />
        {filter.financier !== undefined && (
          <p className="kosten-filter-financier">
            Financier: <strong>{financierNl(filter.financier)}</strong>{' '}
            <button
              type="button"
              className="knop knop-klein"
              onClick={() => props.onFilter({ maand: filter.maand, domein: filter.domein })}
            >
              Alle financiers
            </button>
          </p>
        )}
      </div>

      <Laadmelding status={status} onOpnieuw={opnieuw} />
      {status.soort === 'klaar' && (
        <ExportLinks
          soort="regels"
          wat="alle regels van de periode"
          van={props.van}
          tot={props.tot}
        />
      )}
      {status.soort === 'klaar' &&
        (regels.length === 0 ? (
          <p className="lijst-leeg">Er zijn geen regels voor deze keuze.</p>
        ) : (
          <>
            <p className="kosten-som" aria-live="polite">
              {regels.length === 1 ? '1 regel' : `${regels.length} regels`}, samen{' '}
              <strong data-testid="totaal-regels">{euro(totaal)}</strong>
            </p>
            {regels.length > MAX_TONEN && (
              <p className="waarschuwing">
                {`De eerste ${MAX_TONEN} regels staan hieronder. Kies een maand of domein om minder regels te zien, of download de CSV voor alles.`}
              </p>
            )}
            <Tabel
              label="Inzetregels"
              caption="Inzetregels met kosten"
              className="kosten-tabel"
              kolommen={[
                'Cliënt',
                'Maand',
                'Inzet',
                { kop: 'Volume', getal: true },
                { kop: 'Tarief', getal: true },
                { kop: 'Kosten', getal: true },
                'Betaald door',
                'Volgens de regels',
              ]}
            >
              {regels.slice(0, MAX_TONEN).map((r, i) => (
                <tr key={`${r.pseudoniem}|${r.maand}|${r.inzetCode}|${i}`}>
                  <PseudoniemCel regel={r} />
                  <td>{maandNl(r.maand)}</td>
                  <td>{r.inzetNaam}</td>
                  <td className="getal">{volumeNl(r.volume, r.volumeEenheid)}</td>
                  <td className="getal">
                    {r.tarief === null ? (
                      'geen tarief'
                    ) : (
                      <>
                        {euroBedrag(r.tarief)} {perEenheid(r.volumeEenheid)}
                        {r.tariefDemo && <span className="demo-label">Demo</span>}
                      </>
                    )}
                  </td>
                  <td className="getal">{euro(r.kostenCent)}</td>
                  <td>
                    {domeinFinancier(r.domein, r.financier)}
                    {r.override && (
                      <span className="kosten-override">
                        Aangepast door de arrangeur: {r.override.reden}
                      </span>
                    )}
                    {r.routeringAfwijkend && (
                      <span className="kosten-klein">{ROUTERING_AFWIJKEND}</span>
                    )}
                  </td>
                  <td>
                    {wijktAf(r) ? (
                      <>
                        {domeinFinancier(r.gerouteerdDomein, r.gerouteerdeFinancier)}
                        <span className="kosten-klein">
                          Dan was het {euro(r.gerouteerdKostenCent)}
                        </span>
                      </>
                    ) : (
                      'Hetzelfde'
                    )}
                  </td>
                </tr>
              ))}
            </Tabel>
          </>
        ))}
    </div>
  );
}
