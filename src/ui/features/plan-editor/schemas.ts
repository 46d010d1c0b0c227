/**
 * The editor's form schemas, composed from the domain schemas only (docs/style.md 14): every message the
 * arrangeur sees comes from src/domain. What this file adds is the mapping from what an input can
 * hold (text) to the record's shape: '' → absent, "2,5" → 2.5. The mapping keeps every path, so a
 * domain error lands next to the field it is about.
 */
import { z } from 'zod';
import { findInzetType } from '../../../domain/catalog/index.ts';
import { inzetFeitenSchema, omvangSchema, periodeSchema } from '../../../domain/model/inzet.ts';
import {
  akkoordSchema,
  doelVeldenSchema,
  naasteVeldenSchema,
  overrideSchema,
  planItemVeldenSchema,
  planVeldenSchema,
} from '../../../domain/plan/model.ts';
import type { Domein } from '../../../domain/routing/index.ts';

export const hulpvraagSchema = planVeldenSchema.pick({ hulpvraag: true });
export const ladderToelichtingSchema = planVeldenSchema.pick({ ladderToelichting: true });
export const evaluatieSchema = planVeldenSchema.pick({ evaluatiedatum: true });
export const akkoordFormSchema = z.object({ akkoord: akkoordSchema.nullable() });

export const doelFormSchema = doelVeldenSchema.pick({ levensdomein: true, omschrijving: true });
export type DoelForm = z.input<typeof doelFormSchema>;

export const naasteFormSchema = naasteVeldenSchema.omit({ clientId: true });
export type NaasteForm = z.input<typeof naasteFormSchema>;

const leegIsAfwezig = (v: unknown) => (v === '' || v === null ? undefined : v);

/** Eigen kracht, netwerk and mantelzorgondersteuning: what happens, for which doel, by whom. */
export const itemFormSchema = planItemVeldenSchema
  .pick({ omschrijving: true, doelId: true, naasteId: true })
  .extend({
    doelId: z.preprocess(leegIsAfwezig, planItemVeldenSchema.shape.doelId),
    naasteId: z.preprocess(leegIsAfwezig, planItemVeldenSchema.shape.naasteId),
  });
export interface ItemForm {
  omschrijving: string;
  doelId: string;
  naasteId: string;
}

/** Yes/no/unknown as a select holds it. */
export type JaNee = '' | 'ja' | 'nee';

/** What the inputs of one hulpmiddel or professional inzet hold (all text, as typed). */
export interface InzetForm {
  omschrijving: string;
  doelId: string;
  aanbieder: string;
  aanbiederAgb: string;
  inzet: {
    code: string;
    omvang: { aantal: string };
    periode: { van: string; tot: string };
    verzorgingsaard: '' | 'geneeskundig' | 'begeleidend';
    msvt: JaNee;
    medischeIndicatie: JaNee;
    voorafgaandeZiekenhuisopname: JaNee;
    deelVanWijkverpleging: JaNee;
    verwachteDuurWeken: string;
  };
  override: { domein: Domein; reden: string } | null;
}

/** "2,5" and "2.5" are both two and a half; anything else stays text, which the schema refuses. */
export function leesGetal(tekst: string): number | string | undefined {
  const t = tekst.trim().replace(',', '.');
  if (t === '') return undefined;
  return /^\d+(\.\d+)?$/.test(t) ? Number(t) : tekst;
}

const jaNee = (v: JaNee): boolean | undefined => (v === '' ? undefined : v === 'ja');

/**
 * Form → the item's stored shape. Paths stay the same (`inzet.omvang.aantal` is the field that
 * holds the number), so a domain message is shown at the field that caused it.
 */
export function naarInzetInvoer(f: InzetForm) {
  const type = findInzetType(f.inzet.code);
  const aantal = leesGetal(f.inzet.omvang.aantal);
  const { van, tot } = f.inzet.periode;
  return {
    omschrijving: f.omschrijving,
    doelId: leegIsAfwezig(f.doelId),
    aanbieder: f.aanbieder,
    aanbiederAgb: leegIsAfwezig(f.aanbiederAgb.trim()),
    inzet: {
      code: f.inzet.code,
      omvang: aantal === undefined ? undefined : { aantal, eenheid: type?.eenheid ?? 'stuk' },
      periode: van === '' && tot === '' ? undefined : { van, tot: tot === '' ? undefined : tot },
      verzorgingsaard: leegIsAfwezig(f.inzet.verzorgingsaard),
      msvt: jaNee(f.inzet.msvt),
      medischeIndicatie: jaNee(f.inzet.medischeIndicatie),
      voorafgaandeZiekenhuisopname: jaNee(f.inzet.voorafgaandeZiekenhuisopname),
      deelVanWijkverpleging: jaNee(f.inzet.deelVanWijkverpleging),
      verwachteDuurWeken: leesGetal(f.inzet.verwachteDuurWeken),
    },
    override: f.override ?? undefined,
  };
}

/** The inzet as routing checks it: a catalog type, and omvang/periode/facts with Dutch messages. */
const inzetInvoerSchema = inzetFeitenSchema.extend({
  code: z.string().refine((c) => findInzetType(c) !== undefined, {
    message: 'Kies welke hulp of welk hulpmiddel het is.',
  }),
  omvang: omvangSchema.optional(),
  periode: periodeSchema.optional(),
});

export const inzetFormSchema = z.preprocess(
  (v) => naarInzetInvoer(v as InzetForm),
  planItemVeldenSchema
    .pick({ omschrijving: true, doelId: true, aanbieder: true, aanbiederAgb: true })
    .extend({ inzet: inzetInvoerSchema, override: overrideSchema.optional() }),
);
export type InzetUitvoer = z.output<typeof inzetFormSchema>;

/**
 * The inzet as far as it is valid now, for the live routing next to the item: routing must answer
 * while the arrangeur is still typing, so a half-typed date or amount is simply left out.
 */
export function inzetVoorRoutering(f: InzetForm): unknown {
  const invoer = naarInzetInvoer(f).inzet;
  const periode = periodeSchema.safeParse(invoer.periode);
  const omvang = omvangSchema.safeParse(invoer.omvang);
  const feiten = inzetFeitenSchema.safeParse({
    ...invoer,
    verwachteDuurWeken:
      typeof invoer.verwachteDuurWeken === 'number' ? invoer.verwachteDuurWeken : undefined,
  });
  return {
    code: invoer.code,
    ...(feiten.success ? feiten.data : {}),
    ...(periode.success ? { periode: periode.data } : {}),
    ...(omvang.success ? { omvang: omvang.data } : {}),
  };
}
