import type { Verevening } from '../../../domain/kosten/model.ts';
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
        <div
          className="tabel-scroll"
          role="region"
          aria-label="Verevening per financier"
          tabIndex={0}
        >
          <table className="kosten-tabel">
            <caption>Per financier</caption>
            <thead>
              <tr>
                <th scope="col">Financier</th>
                <th scope="col" className="getal">
                  Gepland
                </th>
                <th scope="col" className="getal">
                  Volgens de regels
                </th>
                <th scope="col" className="getal">
                  Verschil (+ is meer betaald)
                </th>
              </tr>
            </thead>
            <tbody>
              {perFinancier.map((f) => (
                <tr key={f.financier.code}>
                  <th scope="row">{f.financier.naam}</th>
                  <td className="getal">{euro(f.geplandCent)}</td>
                  <td className="getal">{euro(f.gerouteerdCent)}</td>
                  <td className="getal">{verschil(f.verschilCent)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
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
