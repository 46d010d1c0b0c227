import type { Verevening } from '../../../domain/kosten/model.ts';
import { Tabel } from '../../components/Schermdelen.tsx';
import { euro } from './opmaak.ts';

/** "+ € 12,00" / "− € 12,00": the sign in words is in the column header. */
const verschil = (cent: number) =>
  cent === 0 ? euro(0) : `${cent > 0 ? '+' : '−'} ${euro(Math.abs(cent))}`;

/** Per financier: planned vs. by the rules; then who owes whom. */
export function VereveningView(props: { readonly verevening: Verevening }) {
  const { perFinancier, paren } = props.verevening;
  return (
    <div className="kosten-verevening">
      <p>
        Wat elke financier betaalt zoals gepland, en wat het zou zijn als elke inzet de gewone
        regels had gevolgd. Een verschil komt door een afwijking van een arrangeur of een afspraak
        tussen domeinen.
      </p>
      {perFinancier.length === 0 ? (
        <p className="lijst-leeg">Er zijn geen kosten in deze periode.</p>
      ) : (
        <Tabel
          label="Verevening per financier"
          caption="Per financier"
          captionZichtbaar
          className="kosten-tabel"
          kolommen={[
            'Financier',
            { kop: 'Gepland', getal: true },
            { kop: 'Volgens de regels', getal: true },
            { kop: 'Verschil (+ is meer betaald)', getal: true },
          ]}
        >
          {perFinancier.map((f) => (
            <tr key={f.financier.code}>
              <th scope="row">{f.financier.naam}</th>
              <td className="getal">{euro(f.geplandCent)}</td>
              <td className="getal">{euro(f.gerouteerdCent)}</td>
              <td className="getal">{verschil(f.verschilCent)}</td>
            </tr>
          ))}
        </Tabel>
      )}
      <h3>Te verrekenen</h3>
      {paren.length === 0 ? (
        <p className="lijst-leeg">Er hoeft niets verrekend te worden.</p>
      ) : (
        <ul className="kosten-paren">
          {paren.map((p) => (
            <li key={`${p.betaler.code}|${p.ontvanger.code}`}>
              <strong>{p.betaler.naam}</strong> betaalt <strong>{p.ontvanger.naam}</strong>{' '}
              <strong className="bedrag">{euro(p.bedragCent)}</strong>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
