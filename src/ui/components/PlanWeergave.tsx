/**
 * Read-only pieces of a plan, shared by step 8 (the overview before akkoord), the print and the
 * review, so the three say the same thing the same way. Each screen keeps its own headings and
 * wording around them (the print speaks to the client, the review lets a reviewer comment).
 */
import type { ReactNode } from 'react';
import { LEVENSDOMEINEN, LEVENSDOMEIN_LABEL, type Doel } from '../../domain/plan/model.ts';

/** The doelen in the order of the levensdomeinen (Positieve Gezondheid), then as they were made. */
export function doelenPerDomein(doelen: readonly Doel[]): Doel[] {
  return LEVENSDOMEINEN.flatMap((d) => doelen.filter((x) => x.levensdomein === d));
}

/** "Dagelijks leven: Zelf weer boodschappen doen". */
export function DoelTekst({ doel }: { readonly doel: Doel }) {
  return (
    <>
      <strong>{LEVENSDOMEIN_LABEL[doel.levensdomein]}:</strong> {doel.omschrijving}
    </>
  );
}

/**
 * The doelen as a list, one per levensdomein in order. `item` renders one entry (default: a list
 * item with the doel's text); the review wraps it in its comment block.
 */
export function DoelenLijst(props: {
  readonly doelen: readonly Doel[];
  readonly className?: string;
  readonly item?: (doel: Doel) => ReactNode;
}) {
  const item =
    props.item ??
    ((doel: Doel) => (
      <li key={doel.id}>
        <DoelTekst doel={doel} />
      </li>
    ));
  return <ul className={props.className}>{doelenPerDomein(props.doelen).map(item)}</ul>;
}
