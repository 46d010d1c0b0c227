import type { OverrideRegel } from '../../../domain/kosten/model.ts';
import { domeinFinancier, maandNl } from './opmaak.ts';

/** Every inzet whose routed domain an arrangeur changed, with her reason. */
export function OverridesView(props: { readonly overrides: readonly OverrideRegel[] }) {
  if (props.overrides.length === 0)
    return <p className="lijst-leeg">Er zijn geen afwijkingen van de regels in deze periode.</p>;
  return (
    <div className="tabel-scroll" role="region" aria-label="Afwijkingen" tabIndex={0}>
      <table className="kosten-tabel">
        <caption className="visueel-verborgen">Afwijkingen van de regels</caption>
        <thead>
          <tr>
            <th scope="col">Cliënt</th>
            <th scope="col">Inzet</th>
            <th scope="col">Volgens de regels</th>
            <th scope="col">Gekozen</th>
            <th scope="col">Reden</th>
            <th scope="col">Vanaf</th>
          </tr>
        </thead>
        <tbody>
          {props.overrides.map((o, i) => (
            <tr key={`${o.pseudoniem}|${o.inzetCode}|${o.vanaf}|${i}`}>
              <td>
                <span className="pseudoniem">{o.pseudoniem}</span>
                <span className="kosten-klein">
                  {o.leeftijdsband === 'onbekend' ? 'leeftijd onbekend' : `${o.leeftijdsband} jaar`}
                  {' · '}
                  {o.gemeente ?? 'gemeente onbekend'}
                </span>
              </td>
              <td>{o.inzetNaam}</td>
              <td>
                {domeinFinancier(o.gerouteerdDomein, o.gerouteerdeFinancier)}
                {o.grondslag && <span className="kosten-klein">{o.grondslag}</span>}
              </td>
              <td>
                <span aria-hidden="true">→ </span>
                {domeinFinancier(o.domein, o.financier)}
              </td>
              <td>{o.reden}</td>
              <td>{maandNl(o.vanaf)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
