import type { OverrideRegel } from '../../../domain/kosten/model.ts';
import { Tabel } from '../../components/Schermdelen.tsx';
import { domeinFinancier, maandNl } from './opmaak.ts';
import { PseudoniemCel } from './PseudoniemCel.tsx';

/** Every inzet whose routed domain an arrangeur changed, with her reason. */
export function OverridesView(props: { readonly overrides: readonly OverrideRegel[] }) {
  if (props.overrides.length === 0)
    return <p className="lijst-leeg">Er zijn geen afwijkingen van de regels in deze periode.</p>;
  return (
    <Tabel
      label="Afwijkingen"
      caption="Afwijkingen van de regels"
      className="kosten-tabel"
      kolommen={['Cliënt', 'Inzet', 'Volgens de regels', 'Gekozen', 'Reden', 'Vanaf']}
    >
      {props.overrides.map((o, i) => (
        <tr key={`${o.pseudoniem}|${o.inzetCode}|${o.vanaf}|${i}`}>
          <PseudoniemCel regel={o} />
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
    </Tabel>
  );
}
