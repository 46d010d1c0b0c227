/**
 * Planned cost per month, stacked per domain (recharts: only this lazy screen imports it, so the
 * library is in this screen's chunk and nowhere else). The picture is for seeing; for a screen
 * reader it is one image with a name and a summary, and the same numbers are in a table that is
 * visually hidden.
 */
import { useId } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
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
        <ResponsiveContainer
          width="100%"
          height={320}
          initialDimension={{ width: 640, height: 320 }}
        >
          <BarChart
            data={punten}
            accessibilityLayer={false}
            margin={{ top: 8, right: 8, bottom: 8, left: 8 }}
          >
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fill: '#1a1a1a', fontSize: 14 }} />
            <YAxis
              width={80}
              tick={{ fill: '#1a1a1a', fontSize: 14 }}
              tickFormatter={(v: number) => euroAs.format(v)}
            />
            <Tooltip
              formatter={(v) => euro(Math.round(Number(v) * 100))}
              labelFormatter={(_, p) => {
                const m = (p[0]?.payload as Punt | undefined)?.maand;
                return m ? maandNl(m) : '';
              }}
            />
            <Legend />
            {domeinen.map((d) => (
              <Bar
                key={d}
                dataKey={d}
                name={DOMEIN_LABEL[d]}
                stackId="kosten"
                fill={DOMEIN_KLEUR[d]}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
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
