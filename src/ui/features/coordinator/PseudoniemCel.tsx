/** A client as the coordinator sees her: a code, an age band and a gemeente, never a name. */
export function PseudoniemCel(props: {
  readonly regel: {
    readonly pseudoniem: string;
    readonly leeftijdsband: string;
    readonly gemeente: string | null;
  };
}) {
  const { pseudoniem, leeftijdsband, gemeente } = props.regel;
  return (
    <td>
      <span className="pseudoniem">{pseudoniem}</span>
      <span className="kosten-klein">
        {leeftijdsband === 'onbekend' ? 'leeftijd onbekend' : `${leeftijdsband} jaar`}
        {' · '}
        {gemeente ?? 'gemeente onbekend'}
      </span>
    </td>
  );
}
