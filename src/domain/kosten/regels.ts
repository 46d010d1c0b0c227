/**
 * From vastgestelde plans to priced inzet lines per month (issue 6, points 2 and 3).
 *
 * What counts: only what a client agreed to, i.e. the planVersie snapshots. Each versie applies
 * from its vastgesteldOp up to the day before the next versie's (the last one stays open until
 * the end of the report). Within that span an item's own periode narrows it; an item without
 * periode runs over the whole span. Only hulpmiddel and professioneel items with an inzet, an
 * omvang in a known unit and a routing snapshot count: the other rungs cost the financiers nothing.
 *
 * Who pays: `geldendeBeslissing` (plan/routering.ts), the one function every screen uses: the
 * arrangeur's override when there is one, else routing's domain; the financier of an overridden
 * domain follows from the client's context, as routing would.
 * Price: the tariff on the first day of the month; kostenCent = round(volume × tarief × 100).
 *
 * A one-off unit (stuk, etmaal) counts once per item, in the month it starts within the plan,
 * even when later versies of the plan still list it.
 */
import { findInzetType } from '../catalog/index.ts';
import { geldendeBeslissing } from '../plan/routering.ts';
import { isIsoDatum, laatsteDag, maandenTussen, plusDagen } from './datum.ts';
import type {
  KostenDomein,
  KostenFinancier,
  KostenRegel,
  Maand,
  OverrideRegel,
  PseudoClient,
  Tarief,
} from './model.ts';
import { schoonTekst } from './pseudoniem.ts';
import { prijsDatum, zoekTarief } from './tarieven.ts';
import { isEenheid, RITME, VOLUME_EENHEID, volumeHonderdsten, type Periode } from './volume.ts';

/** The part of a plan item the cost rules read (a PlanItem from a planVersie fits). */
export interface KostenItem {
  readonly id: string;
  readonly stap: string;
  readonly inzet?:
    | {
        readonly code: string;
        readonly omvang?: { readonly aantal: number; readonly eenheid: string } | undefined;
        readonly periode?: { readonly van: string; readonly tot?: string | undefined } | undefined;
      }
    | undefined;
  readonly routering?:
    | {
        readonly domein: KostenDomein;
        readonly financier: {
          readonly soort: string;
          readonly code: string;
          readonly naam: string;
        } | null;
        readonly grondslag: string;
      }
    | undefined;
  readonly override?: { readonly domein: KostenDomein; readonly reden: string } | undefined;
  /** The device's routing differs from the server's (issue 12); `routering` is the server's. */
  readonly routeringAfwijkend?: boolean | undefined;
}

export interface KostenVersie {
  /** The day it was vastgesteld: it applies from then. */
  readonly vanaf: string;
  /** The versie number, to order two vaststellingen on one day. */
  readonly versie: number;
  readonly items: readonly KostenItem[];
}

/** One client's plan as the cost rules see it: no name, no BSN, no address. */
export interface KostenPlan {
  readonly pseudo: PseudoClient;
  /** What bepaalFinancier needs for an overridden domain. */
  readonly context: {
    readonly gemeente?: string | null | undefined;
    readonly zorgverzekeraar?: string | null | undefined;
  };
  /** Details that identify the client, to clean free text with (never copied into a line). */
  readonly identificerend?: readonly string[];
  readonly versies: readonly KostenVersie[];
}

export interface KostenInput {
  readonly plannen: readonly KostenPlan[];
  readonly tarieven: readonly Tarief[];
  readonly van: Maand;
  readonly tot: Maand;
}

/** A line with where it came from: for the overrides list, never sent as such. */
export interface RegelMetBron {
  readonly regel: KostenRegel;
  readonly planIndex: number;
  readonly itemId: string;
  readonly grondslag: string;
}

const TELLENDE_STAPPEN = new Set(['hulpmiddel', 'professioneel']);

const financierVan = (
  f: { soort: string; code: string; naam: string } | null | undefined,
): KostenFinancier | null =>
  f && (f.soort === 'gemeente' || f.soort === 'zorgverzekeraar' || f.soort === 'zorgkantoor')
    ? { soort: f.soort, code: f.code, naam: f.naam }
    : null;

/** The span each versie applies in, ending at the latest at `eind`; empty spans are left out. */
function versieSpans(
  versies: readonly KostenVersie[],
  eind: string,
): { versie: KostenVersie; van: string; tot: string }[] {
  const geordend = versies
    .filter((v) => isIsoDatum(v.vanaf))
    .sort((a, b) => a.vanaf.localeCompare(b.vanaf) || a.versie - b.versie);
  const spans: { versie: KostenVersie; van: string; tot: string }[] = [];
  geordend.forEach((versie, i) => {
    const volgende = geordend[i + 1];
    const tot = volgende ? plusDagen(volgende.vanaf, -1) : eind;
    // Not clipped at the report start: a one-off item counted in an earlier versie (before the
    // report) must be seen as counted, or a later versie would count it again.
    spans.push({ versie, van: versie.vanaf, tot: tot < eind ? tot : eind });
  });
  return spans.filter((s) => s.van <= s.tot);
}

const later = (a: string, b: string) => (a > b ? a : b);
const eerder = (a: string, b: string) => (a < b ? a : b);

/** The lines with their source; `bouwKostenRegels` is the public form. */
export function bouwRegelsMetBron(input: KostenInput): RegelMetBron[] {
  const { plannen, tarieven, van, tot } = input;
  if (van > tot) return [];
  const eind = laatsteDag(tot);
  const maanden = maandenTussen(van, tot);
  const uit: RegelMetBron[] = [];

  plannen.forEach((plan, planIndex) => {
    const eenmaligGeteld = new Set<string>();
    for (const span of versieSpans(plan.versies, eind)) {
      for (const item of span.versie.items) {
        const { inzet, routering } = item;
        if (!TELLENDE_STAPPEN.has(item.stap) || !inzet?.omvang || !routering) continue;
        const eenheid = inzet.omvang.eenheid;
        if (!isEenheid(eenheid) || !Number.isFinite(inzet.omvang.aantal)) continue;
        // The item's own periode narrows the versie span; an unreadable date is no narrowing.
        const eigen = inzet.periode;
        const eigenVan = eigen && isIsoDatum(eigen.van) ? eigen.van : undefined;
        const eigenTot = eigen?.tot && isIsoDatum(eigen.tot) ? eigen.tot : undefined;
        const periode: Periode = {
          van: eigenVan ? later(eigenVan, span.van) : span.van,
          tot: eigenTot ? eerder(eigenTot, span.tot) : span.tot,
        };
        if (periode.tot! < periode.van) continue;
        if (RITME[eenheid] === 'eenmalig') {
          if (eenmaligGeteld.has(item.id)) continue;
          eenmaligGeteld.add(item.id);
        }
        const omvang = { aantal: inzet.omvang.aantal, eenheid };

        const gerouteerdDomein = routering.domein;
        const gerouteerdeFinancier = financierVan(routering.financier);
        // Who pays as planned: the same function the editor, overview, print and review use.
        const geldend = geldendeBeslissing(item, plan.context)!;
        const domein = geldend.domein;
        const financier = financierVan(geldend.financier);
        const override = item.override
          ? {
              domein: item.override.domein,
              reden: schoonTekst(item.override.reden, plan.identificerend ?? []),
            }
          : null;
        const inzetNaam = findInzetType(inzet.code)?.label ?? inzet.code;
        const volumeEenheid = VOLUME_EENHEID[eenheid];

        for (const maand of maanden) {
          const h = volumeHonderdsten(omvang, periode, maand);
          if (h <= 0) continue;
          const datum = prijsDatum(maand);
          const tarief = zoekTarief(tarieven, inzet.code, domein, financier?.code ?? null, datum);
          const gerouteerd = zoekTarief(
            tarieven,
            inzet.code,
            gerouteerdDomein,
            gerouteerdeFinancier?.code ?? null,
            datum,
          );
          // A tariff in another unit than the plan's cannot price it (the catalog changed).
          const prijs = tarief && tarief.volumeEenheid === volumeEenheid ? tarief : undefined;
          const gPrijs =
            gerouteerd && gerouteerd.volumeEenheid === volumeEenheid ? gerouteerd : undefined;
          uit.push({
            planIndex,
            itemId: item.id,
            grondslag: routering.grondslag,
            regel: {
              ...plan.pseudo,
              maand,
              inzetCode: inzet.code,
              inzetNaam,
              volumeEenheid,
              volume: h / 100,
              domein,
              financier,
              gerouteerdDomein,
              gerouteerdeFinancier,
              override,
              tarief: prijs ? prijs.bedrag : null,
              tariefDemo: prijs?.demo ?? false,
              kostenCent: prijs ? kosten(h, prijs.bedrag) : 0,
              gerouteerdKostenCent: gPrijs ? kosten(h, gPrijs.bedrag) : 0,
              ...(item.routeringAfwijkend ? { routeringAfwijkend: true } : {}),
            },
          });
        }
      }
    }
  });
  return uit.sort(
    (a, b) =>
      a.regel.maand.localeCompare(b.regel.maand) ||
      a.regel.pseudoniem.localeCompare(b.regel.pseudoniem) ||
      a.regel.inzetCode.localeCompare(b.regel.inzetCode) ||
      a.itemId.localeCompare(b.itemId),
  );
}

/** Cents for a volume in hundredths at a price in euro: exact integer arithmetic, then one rounding. */
export function kosten(volumeHonderdsten: number, tariefEuro: number): number {
  return Math.round((volumeHonderdsten * Math.round(tariefEuro * 100)) / 100);
}

/** Every priced inzet line per month of the report period [van, tot]. */
export function bouwKostenRegels(input: KostenInput): KostenRegel[] {
  return bouwRegelsMetBron(input).map((r) => r.regel);
}

/**
 * Every override in the period: one row per plan item and override, from the first month it
 * has a line in. Built from the same lines as the totals, so the two cannot disagree.
 */
export function maakOverrides(lijnen: readonly RegelMetBron[]): OverrideRegel[] {
  const gezien = new Map<string, OverrideRegel>();
  for (const { regel, planIndex, itemId, grondslag } of lijnen) {
    if (!regel.override) continue;
    const sleutel = `${planIndex}|${itemId}|${regel.override.domein}|${regel.override.reden}`;
    const eerder = gezien.get(sleutel);
    if (eerder && eerder.vanaf <= regel.maand) continue;
    gezien.set(sleutel, {
      pseudoniem: regel.pseudoniem,
      leeftijdsband: regel.leeftijdsband,
      gemeente: regel.gemeente,
      inzetCode: regel.inzetCode,
      inzetNaam: regel.inzetNaam,
      gerouteerdDomein: regel.gerouteerdDomein,
      gerouteerdeFinancier: regel.gerouteerdeFinancier,
      domein: regel.domein,
      financier: regel.financier,
      grondslag,
      reden: regel.override.reden,
      vanaf: regel.maand,
    });
  }
  return [...gezien.values()].sort(
    (a, b) =>
      a.vanaf.localeCompare(b.vanaf) ||
      a.pseudoniem.localeCompare(b.pseudoniem) ||
      a.inzetCode.localeCompare(b.inzetCode),
  );
}
