/**
 * Planned cost per month, stacked per domain: a small SVG of our own (issue 13.6: the chart
 * library weighed 115 kB gzip in the precache of every role, for one screen). The picture is for
 * seeing; for a screen reader it is one image with a name and a summary, and the same numbers are
 * in a table that is visually hidden. A pointer on a bar shows its month, domain and amount.
 */
import { useId } from 'react';
import { DOMEINEN, type KostenDomein, type Overzicht } from '../../../domain/kosten/model.ts';
import { DOMEIN_KLEUR, DOMEIN_LABEL, euro, maandKort, maandNl, maandenTussen } from './opmaak.ts';

type Punt = { maand: string; label: string } & Partial<Record<KostenDomein, number>>;

export function grafiekData(overzicht: Overzicht): { punten: Punt[]; domeinen: KostenDomein[] } {
  const cent = new Map<string, number>();
  for (const r of overzicht.rijen) {
    const k = `${r.maand}|${r.domein}`;
    cent.set(k, (cent.get(k) ?? 0) + r.kostenCent);
  }
  const domeinen = DOMEINEN.filter((d) =>
    overzicht.rijen.some((r) => r.domein === d && r.kostenCent > 0),
  );
  const punten = maandenTussen(overzicht.van, overzicht.tot).map((maand) => {
    const p: Punt = { maand, label: maandKort(maand) };
    // Euros for the axis; exact cents stay in the tables.
    for (const d of domeinen) p[d] = (cent.get(`${maand}|${d}`) ?? 0) / 100;
    return p;
  });
  return { punten, domeinen };
}

const euroAs = new Intl.NumberFormat('nl-NL', {
  style: 'currency',
  currency: 'EUR',
  notation: 'compact',
  maximumFractionDigits: 1,
});

export function KostenGrafiek(props: { readonly overzicht: Overzicht }) {
  const titelId = useId();
  const uitlegId = useId();
  const { punten, domeinen } = grafiekData(props.overzicht);
  const totaal = props.overzicht.perMaand.reduce((s, m) => s + m.kostenCent, 0);
  const hoogste = props.overzicht.perMaand.reduce<{ maand: string; kostenCent: number } | null>(
    (h, m) => (!h || m.kostenCent > h.kostenCent ? m : h),
    null,
  );

  return (
    <figure className="kosten-grafiek" aria-labelledby={titelId}>
      <figcaption id={titelId} className="kosten-grafiek-titel">
        Geplande kosten per maand, per domein
      </figcaption>
      <p id={uitlegId} className="visueel-verborgen">
        {`Gestapelde staafgrafiek. Totaal ${euro(totaal)}.`}
        {hoogste && hoogste.kostenCent > 0
          ? ` De hoogste maand is ${maandNl(hoogste.maand)} met ${euro(hoogste.kostenCent)}.`
          : ''}
        {' De tabel hieronder geeft dezelfde bedragen.'}
      </p>
      <div
        role="img"
        aria-label="Staafgrafiek van de geplande kosten per maand, per domein"
        aria-describedby={uitlegId}
        className="kosten-grafiek-vlak"
      >
        <Staven punten={punten} domeinen={domeinen} />
        <ul className="kosten-grafiek-legenda">
          {domeinen.map((d) => (
            <li key={d}>
              <svg className="kosten-grafiek-kleur" viewBox="0 0 16 16" aria-hidden="true">
                <rect width="16" height="16" rx="2" fill={DOMEIN_KLEUR[d]} />
              </svg>
              {DOMEIN_LABEL[d]}
            </li>
          ))}
        </ul>
      </div>
      <table className="visueel-verborgen">
        <caption>Geplande kosten per maand, per domein</caption>
        <thead>
          <tr>
            <th scope="col">Maand</th>
            {domeinen.map((d) => (
              <th key={d} scope="col">
                {DOMEIN_LABEL[d]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {punten.map((p) => (
            <tr key={p.maand}>
              <th scope="row">{maandNl(p.maand)}</th>
              {domeinen.map((d) => (
                <td key={d}>{euro(Math.round((p[d] ?? 0) * 100))}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

/** Chart area in SVG user units; the SVG scales to the width of the screen. */
const BREED = 720;
const HOOG = 320;
const LINKS = 84;
const RECHTS = 8;
const BOVEN = 12;
const ONDER = 44;

/**
 * The y axis: 0 up to a round maximum ≥ `max` in 4–5 steps of 1, 2, 2.5 or 5 × 10ⁿ (euros).
 * `max` 0 gives one step of 1, so an empty period still draws an axis.
 */
export function asStappen(max: number): number[] {
  if (!(max > 0)) return [0, 1];
  const ruw = max / 4;
  const macht = 10 ** Math.floor(Math.log10(ruw));
  const stap = [1, 2, 2.5, 5, 10].map((f) => f * macht).find((s) => s >= ruw)!;
  const stappen: number[] = [];
  for (let v = 0; v < max + stap / 2 && stappen.length < 12; v += stap) stappen.push(v);
  if (stappen[stappen.length - 1]! < max) stappen.push(stappen.length * stap);
  return stappen;
}

function Staven(props: { readonly punten: Punt[]; readonly domeinen: KostenDomein[] }) {
  const { punten, domeinen } = props;
  const totalen = punten.map((p) => domeinen.reduce((s, d) => s + (p[d] ?? 0), 0));
  const stappen = asStappen(Math.max(0, ...totalen));
  const top = stappen[stappen.length - 1]!;
  const vlakH = HOOG - BOVEN - ONDER;
  const y = (euroWaarde: number) => BOVEN + vlakH - (euroWaarde / top) * vlakH;
  const vak = (BREED - LINKS - RECHTS) / Math.max(1, punten.length);
  const staaf = Math.min(48, vak * 0.7);
  return (
    <svg
      className="kosten-grafiek-svg"
      viewBox={`0 0 ${BREED} ${HOOG}`}
      width="100%"
      aria-hidden="true"
      focusable="false"
    >
      {stappen.map((v) => (
        <g key={v}>
          <line
            x1={LINKS}
            x2={BREED - RECHTS}
            y1={y(v)}
            y2={y(v)}
            stroke="#c8c8c8"
            strokeDasharray={v === 0 ? undefined : '3 3'}
          />
          <text x={LINKS - 6} y={y(v)} dy="0.35em" textAnchor="end" className="grafiek-as">
            {euroAs.format(v)}
          </text>
        </g>
      ))}
      {punten.map((p, i) => {
        const midden = LINKS + vak * i + vak / 2;
        let onder = 0;
        const [maand, jaar] = p.label.split(' ');
        return (
          <g key={p.maand}>
            {domeinen.map((d) => {
              const waarde = p[d] ?? 0;
              if (waarde <= 0) return null;
              const y1 = y(onder + waarde);
              const h = y(onder) - y1;
              onder += waarde;
              return (
                <rect
                  key={d}
                  className="grafiek-staaf"
                  x={midden - staaf / 2}
                  y={y1}
                  width={staaf}
                  height={h}
                  fill={DOMEIN_KLEUR[d]}
                >
                  <title>{`${maandNl(p.maand)}, ${DOMEIN_LABEL[d]}: ${euro(Math.round(waarde * 100))}`}</title>
                </rect>
              );
            })}
            <text x={midden} y={HOOG - ONDER + 18} textAnchor="middle" className="grafiek-as">
              {maand}
              <tspan x={midden} dy="1.1em">
                {jaar}
              </tspan>
            </text>
          </g>
        );
      })}
    </svg>
  );
}
