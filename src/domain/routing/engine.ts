/**
 * The small interpreter over the rule table (docs/style.md 3): derive the situation and the facts,
 * take the first matching row valid on the peildatum, and say which facts it had to assume.
 * It decides nothing itself: every domain comes from a row in rules.ts.
 */
import type { Categorie } from '../catalog/index.ts';
import { leeftijdOp } from '../model/dates.ts';
import { periodeInWeken, type Inzet } from '../model/inzet.ts';
import type { RoutingContext } from '../model/routing-context.ts';
import { wlzGeldigOp, zorgprofielInfo } from '../model/wlz.ts';
import type { Ontbrekend } from './financier.ts';
import {
  REGELS,
  REGELVERSIES,
  WLZ_TOEGANG,
  type FeitNaam,
  type Feiten,
  type Regel,
  type Situatie,
} from './rules.ts';

export interface Toestand {
  readonly situatie: Situatie;
  /** Wlz verblijf with behandeling of the same instelling (E4); false outside verblijf. */
  readonly behandeling: boolean;
  readonly minderjarig: boolean;
  /** The indicatie rests on a psychische stoornis (zorgprofiel GGZ-W). */
  readonly psychischeStoornis: boolean;
  readonly ontbrekend: readonly Ontbrekend[];
}

export const ONTBREKEND_WLZ: Ontbrekend = {
  veld: 'context.wlzIndicatie',
  vraag: 'Heeft de cliënt een Wlz-indicatie, en zo ja met welke leveringsvorm?',
};

const ONTBREKEND_FEIT: Record<FeitNaam, Ontbrekend> = {
  verzorgingsaard: {
    veld: 'inzet.verzorgingsaard',
    vraag:
      'Hangt de verzorging samen met ziekte of een hoog risico daarop (geneeskundig), of is het aansporen bij een regieprobleem (begeleidend)?',
  },
  msvt: {
    veld: 'inzet.msvt',
    vraag: 'Valt de verpleging onder aansturing van een medisch specialist (MSVT)?',
  },
  medischeIndicatie: {
    veld: 'inzet.medischeIndicatie',
    vraag:
      'Is er een medische reden voor personenalarmering (volgens de criteria van de zorgverzekeraar)?',
  },
  langerDan26Weken: {
    veld: 'inzet.verwachteDuurWeken',
    vraag: 'Hoeveel weken is het hulpmiddel nodig?',
  },
  voorafgaandeZiekenhuisopname: {
    veld: 'inzet.voorafgaandeZiekenhuisopname',
    vraag: 'Volgt de revalidatie direct op een ziekenhuisopname?',
  },
  deelVanWijkverpleging: {
    veld: 'inzet.deelVanWijkverpleging',
    vraag: 'Hoort de zorgtechnologie bij de wijkverpleging?',
  },
  algemeenGebruikelijk: { veld: 'inzet.code', vraag: 'Is dit hulpmiddel algemeen gebruikelijk?' },
  intensieveKindzorg: {
    veld: 'context.intensieveKindzorg',
    vraag:
      'Heeft het kind intensieve zorg nodig vanwege een ernstige lichamelijke ziekte of beperking, met permanent toezicht of zorg dag en nacht in de buurt?',
  },
  soOfAvg: {
    veld: 'inzet.code',
    vraag:
      'Is het zorg van de specialist ouderengeneeskunde of AVG zelf, of van een gedragswetenschapper?',
  },
};

/**
 * The situation of docs/financiering.md §2 on the peildatum. An indicatie outside its geldigheid counts
 * as no indicatie. Unknown Wlz status: the most likely situation (verblijf if the client lives in
 * an instelling, otherwise none), with the fact named.
 */
export function bepaalToestand(context: RoutingContext, peildatum: string): Toestand {
  const minderjarig = leeftijdOp(context.geboortedatum, peildatum) < 18;
  const zonderWlz: Situatie = minderjarig ? 'minderjarig' : 'geen-wlz';
  const geen = { behandeling: false, minderjarig, psychischeStoornis: false };
  const w = context.wlzIndicatie;
  if (w === 'onbekend') {
    return context.woonsituatie === 'instelling'
      ? { situatie: 'wlz-verblijf', ...geen, ontbrekend: [ONTBREKEND_WLZ] }
      : { situatie: zonderWlz, ...geen, ontbrekend: [ONTBREKEND_WLZ] };
  }
  if (w === null || !wlzGeldigOp(w, peildatum)) {
    return { situatie: zonderWlz, ...geen, ontbrekend: [] };
  }
  // Wlz art. 3.2.1: some grounds are closed to minors, or did not exist yet (rules.ts WLZ_TOEGANG).
  // Such an indicatie cannot count; say which fact to check instead of routing to the Wlz.
  const sector = zorgprofielInfo(w.zorgprofiel).sector;
  const toegang = WLZ_TOEGANG.find((t) => t.sector === sector);
  if (toegang && (peildatum < toegang.validFrom || (toegang.alleenMeerderjarig && minderjarig))) {
    return {
      situatie: zonderWlz,
      ...geen,
      ontbrekend: [{ veld: 'context.wlzIndicatie.zorgprofiel', vraag: toegang.vraag }],
    };
  }
  const situatie: Situatie = w.leveringsvorm ? `wlz-${w.leveringsvorm}` : 'wlz-geen-leveringsvorm';
  return {
    situatie,
    behandeling: situatie === 'wlz-verblijf' && w.behandeling,
    minderjarig,
    psychischeStoornis: sector === 'GGZ-W',
    ontbrekend: [],
  };
}

/** The facts rows can test. The inzet's own statement wins over what its catalog type implies. */
export function bepaalFeiten(context: RoutingContext, inzet: Inzet): Feiten {
  const vast = inzet.type.feiten ?? {};
  const weken =
    inzet.verwachteDuurWeken ?? (inzet.periode ? periodeInWeken(inzet.periode) : undefined);
  return {
    verzorgingsaard: inzet.verzorgingsaard ?? vast.verzorgingsaard,
    msvt: inzet.msvt ?? vast.msvt,
    medischeIndicatie: inzet.medischeIndicatie,
    langerDan26Weken: weken === undefined ? undefined : weken > 26,
    voorafgaandeZiekenhuisopname: inzet.voorafgaandeZiekenhuisopname,
    deelVanWijkverpleging: inzet.deelVanWijkverpleging,
    algemeenGebruikelijk: vast.algemeenGebruikelijk,
    intensieveKindzorg: context.intensieveKindzorg,
    soOfAvg: vast.soOfAvg,
  };
}

export function geldigOp(regel: Pick<Regel, 'validFrom' | 'validTo'>, peildatum: string): boolean {
  return (
    regel.validFrom <= peildatum && (regel.validTo === undefined || peildatum <= regel.validTo)
  );
}

/** The rule version in force on the peildatum, or undefined before the first one. */
export function regelversieOp(peildatum: string): string | undefined {
  let versie: string | undefined;
  for (const v of REGELVERSIES) if (v.versie <= peildatum) versie = v.versie;
  return versie;
}

/** null = no match; otherwise the facts this row had to assume because they are unknown. */
export function pastRegel(regel: Regel, toestand: Toestand, feiten: Feiten): FeitNaam[] | null {
  const w = regel.when;
  if (w.situatie && !w.situatie.includes(toestand.situatie)) return null;
  if (w.behandeling !== undefined && w.behandeling !== toestand.behandeling) return null;
  if (w.minderjarig !== undefined && w.minderjarig !== toestand.minderjarig) return null;
  if (w.psychischeStoornis !== undefined && w.psychischeStoornis !== toestand.psychischeStoornis)
    return null;
  const aangenomen: FeitNaam[] = [];
  if (w.feiten) {
    for (const naam of Object.keys(w.feiten) as FeitNaam[]) {
      const waarde = feiten[naam];
      if (waarde === undefined) {
        if (!w.ookAlsOnbekend?.includes(naam)) return null;
        aangenomen.push(naam);
      } else if (waarde !== w.feiten[naam]) {
        return null;
      }
    }
  }
  return aangenomen;
}

const regelsPerCategorie = new Map<Categorie, Regel[]>();
for (const r of REGELS) {
  const lijst = regelsPerCategorie.get(r.categorie) ?? [];
  lijst.push(r);
  regelsPerCategorie.set(r.categorie, lijst);
}

export interface Keuze {
  readonly regel: Regel;
  readonly ontbrekend: readonly Ontbrekend[];
}

/** First matching row valid on the peildatum; undefined only if the table has a gap (a test forbids that). */
export function kiesRegel(
  categorie: Categorie,
  toestand: Toestand,
  feiten: Feiten,
  peildatum: string,
): Keuze | undefined {
  for (const regel of regelsPerCategorie.get(categorie) ?? []) {
    if (!geldigOp(regel, peildatum)) continue;
    const aangenomen = pastRegel(regel, toestand, feiten);
    if (aangenomen) return { regel, ontbrekend: aangenomen.map((f) => ONTBREKEND_FEIT[f]) };
  }
  return undefined;
}
