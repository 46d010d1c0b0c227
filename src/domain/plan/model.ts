/**
 * The ondersteuningsplan as small, separate records (docs/architecture.md, Data): one `plan` per client,
 * its `doel`s, the client's `naaste`n, and one `planItem` per ladder rung entry. Two people editing
 * different parts of one plan therefore never touch the same record.
 *
 * Shapes only; the rules on them (ladder, status transitions) live beside this file.
 */
import { z } from 'zod';
import { tekst } from '../model/tekst.ts';
import { recordMetaSchema } from '../model/client.ts';
import { isoDateSchema } from '../model/dates.ts';
import { recordIdSchema } from '../model/ids.ts';

const optioneleTekst = (max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    tekst().trim().max(max, `Dit is te lang (max. ${max} tekens).`).optional(),
  );
const optioneleDatum = z.preprocess(
  (v) => (v === '' || v === null ? undefined : v),
  isoDateSchema.optional(),
);

/**
 * Levensdomeinen: the six dimensions of Positieve Gezondheid (Huber, iPH). Chosen over the ZRM
 * because it starts from what matters to the client ("wat is belangrijk voor u?") rather than from
 * deficits, and is widely used by wijkverpleging and sociale wijkteams, also in the Ede region.
 */
export const LEVENSDOMEINEN = [
  'lichaamsfuncties',
  'mentaal-welbevinden',
  'zingeving',
  'kwaliteit-van-leven',
  'meedoen',
  'dagelijks-functioneren',
] as const;
export const levensdomeinSchema = z.enum(LEVENSDOMEINEN, { error: 'Kies een levensdomein.' });
export type Levensdomein = z.infer<typeof levensdomeinSchema>;
export const LEVENSDOMEIN_LABEL: Record<Levensdomein, string> = {
  lichaamsfuncties: 'Lichaam',
  'mentaal-welbevinden': 'Gevoel en gedachten',
  zingeving: 'Zingeving',
  'kwaliteit-van-leven': 'Kwaliteit van leven',
  meedoen: 'Meedoen',
  'dagelijks-functioneren': 'Dagelijks leven',
};

/**
 * Rungs of the ladder, in the order of Wmo 2015 art. 2.3.2 lid 4 (b eigen kracht, c netwerk,
 * d mantelzorgondersteuning, e algemene voorzieningen), then hulpmiddelen and professional inzet.
 */
export const LADDER_STAPPEN = [
  'eigen-kracht',
  'netwerk',
  'mantelzorgondersteuning',
  'voorziening',
  'hulpmiddel',
  'professioneel',
] as const;
export const ladderStapSchema = z.enum(LADDER_STAPPEN);
export type LadderStap = z.infer<typeof ladderStapSchema>;

export const PLAN_STATUSSEN = ['concept', 'ter-review', 'vastgesteld', 'geevalueerd'] as const;
export const planStatusSchema = z.enum(PLAN_STATUSSEN);
export type PlanStatus = z.infer<typeof planStatusSchema>;

export const akkoordSchema = z.object({
  datum: isoDateSchema,
  wijze: z.enum(['mondeling', 'handtekening', 'digitaal'], {
    error: 'Kies hoe de cliënt akkoord gaf.',
  }),
  door: z.enum(['client', 'vertegenwoordiger'], { error: 'Kies wie akkoord gaf.' }),
});
export type Akkoord = z.infer<typeof akkoordSchema>;

/** The plan's own fields (what the editor writes). */
export const planVeldenSchema = z.object({
  clientId: recordIdSchema,
  /** Step 1: what matters to the client, in her own words. */
  hulpvraag: optioneleTekst(4000),
  /** Step 2 summary; the concrete items are planItems with stap 'eigen-kracht'. */
  status: planStatusSchema,
  /** Starts at 1; a new concept after vaststelling gets versie + 1. */
  versie: z.number().int().positive(),
  /** Why professional inzet was chosen while earlier rungs are empty (ladder first, never a wall). */
  ladderToelichting: optioneleTekst(2000),
  akkoord: akkoordSchema.nullable().default(null),
  evaluatiedatum: optioneleDatum,
  vastgesteldOp: optioneleDatum,
});
export type PlanVeldenInvoer = z.input<typeof planVeldenSchema>;
export type PlanVelden = z.output<typeof planVeldenSchema>;
export const planSchema = planVeldenSchema
  .extend({ type: z.literal('plan') })
  .and(recordMetaSchema);
export type Plan = z.output<typeof planSchema>;

/**
 * When a doel, naaste or plan item was first made (ISO timestamp). Lists sort on it so every
 * device shows the same order; it travels in the create mutation and never changes afterwards.
 * Optional only so records written before it existed still read.
 */
const aangemaaktOp = { aangemaaktOp: tekst().optional() };

export const doelVeldenSchema = z.object({
  planId: recordIdSchema,
  levensdomein: levensdomeinSchema,
  omschrijving: tekst().trim().min(1, 'Beschrijf het doel.').max(1000, 'Dit is te lang.'),
});
export type DoelInvoer = z.input<typeof doelVeldenSchema>;
export const doelSchema = doelVeldenSchema
  .extend({ type: z.literal('doel'), ...aangemaaktOp })
  .and(recordMetaSchema);
export type Doel = z.output<typeof doelSchema>;

export const BELASTING = ['licht', 'gemiddeld', 'zwaar', 'overbelast'] as const;
export const naasteVeldenSchema = z.object({
  clientId: recordIdSchema,
  naam: tekst().trim().min(1, 'Vul de naam in.').max(100, 'De naam is te lang.'),
  relatie: tekst().trim().min(1, 'Vul de relatie in, bijvoorbeeld dochter of buurman.').max(60),
  contact: optioneleTekst(200),
  watDoetHij: optioneleTekst(1000),
  hoeVaak: optioneleTekst(200),
  /** How heavy the care weighs on this naaste (mantelzorger); absent when not asked. */
  belasting: z.preprocess((v) => (v === '' ? undefined : v), z.enum(BELASTING).optional()),
});
export type Belasting = (typeof BELASTING)[number];
export type NaasteInvoer = z.input<typeof naasteVeldenSchema>;
export const naasteSchema = naasteVeldenSchema
  .extend({ type: z.literal('naaste'), ...aangemaaktOp })
  .and(recordMetaSchema);
export type Naaste = z.output<typeof naasteSchema>;

/**
 * Stored inzet input (catalog code, omvang, periode, facts) as typed; routing parses it with
 * `inzetSchema` from domain/model/inzet.ts. Stored raw so a later catalog change never makes an
 * old record unreadable.
 */
export const opgeslagenInzetSchema = z.object({
  code: tekst(),
  omvang: z.object({ aantal: z.number(), eenheid: tekst() }).optional(),
  periode: z.object({ van: tekst(), tot: tekst().optional() }).optional(),
  verzorgingsaard: z.enum(['geneeskundig', 'begeleidend']).optional(),
  msvt: z.boolean().optional(),
  medischeIndicatie: z.boolean().optional(),
  verwachteDuurWeken: z.number().optional(),
  voorafgaandeZiekenhuisopname: z.boolean().optional(),
  deelVanWijkverpleging: z.boolean().optional(),
});
export type OpgeslagenInzet = z.infer<typeof opgeslagenInzetSchema>;

/** What routing decided when the item was last saved: kept so coordinators see routed vs. chosen. */
export const routeringSnapshotSchema = z.object({
  domein: z.enum(['Wlz', 'Zvw', 'Wmo', 'Jeugdwet', 'geen']),
  financier: z.object({ soort: tekst(), code: tekst(), naam: tekst() }).nullable(),
  grondslag: tekst(),
  regel: tekst(),
  regelversie: tekst(),
  zeker: z.boolean(),
  peildatum: tekst(),
});
export type RouteringSnapshot = z.infer<typeof routeringSnapshotSchema>;

export const overrideSchema = z.object({
  domein: z.enum(['Wlz', 'Zvw', 'Wmo', 'Jeugdwet', 'geen']),
  reden: tekst().trim().min(5, 'Geef kort de reden (minstens 5 tekens).').max(1000),
});
export type Override = z.infer<typeof overrideSchema>;

export const planItemVeldenSchema = z.object({
  planId: recordIdSchema,
  stap: ladderStapSchema,
  /** What happens, in plain words ("Dochter Anja doet de boodschappen"). */
  omschrijving: tekst().trim().min(1, 'Beschrijf wat er gebeurt.').max(1000, 'Dit is te lang.'),
  doelId: recordIdSchema.optional(),
  naasteId: recordIdSchema.optional(),
  /** Voorziening from the sociale kaart; the name is copied so the plan reads well offline. */
  voorzieningId: tekst().optional(),
  voorzieningNaam: tekst().optional(),
  /** Hulpmiddel and professioneel: the inzet that routing decides on. */
  inzet: opgeslagenInzetSchema.optional(),
  aanbieder: optioneleTekst(200),
  /**
   * The aanbieder's AGB code (Vektis AGB-Z: 8 digits) where the arrangeur knows it; exported as the
   * Organization's identifier (docs/fhir.md). Never required: a plan does not wait for it.
   */
  aanbiederAgb: z
    .string()
    .trim()
    .regex(/^[0-9]{8}$/, 'Een AGB-code heeft 8 cijfers, bijvoorbeeld 12345678.')
    .optional(),
  routering: routeringSnapshotSchema.optional(),
  override: overrideSchema.optional(),
});
export type PlanItemInvoer = z.input<typeof planItemVeldenSchema>;

/**
 * What the server says about an item's routing (issue 12, point 1), written by the server only
 * (a device's value is ignored) and pulled like any field:
 * - 'afwijkend': the device's `routering` is not what the server's rules decide (an app with older
 *   rules, or a tampered value); costs use the server's decision.
 * - 'gewijzigd': the client's facts changed (Wlz-indicatie, gemeente, zorgverzekeraar) and the
 *   server routed the item anew; `vorig` is what it decided before.
 */
export const routeringMeldingSchema = z.object({
  soort: z.enum(['afwijkend', 'gewijzigd']),
  /** ISO timestamp (server time). */
  op: z.string(),
  vorig: routeringSnapshotSchema.nullable().optional(),
});
export type RouteringMelding = z.infer<typeof routeringMeldingSchema>;

/** The server-only fields of a plan item (a device never writes them; the server strips them). */
export const planItemServerVelden = {
  /** The server's own routing of the inzet, beside the device's `routering`. */
  serverRoutering: routeringSnapshotSchema.nullable().optional(),
  routeringMelding: routeringMeldingSchema.nullable().optional(),
};
export const SERVER_ITEM_VELDEN = Object.keys(planItemServerVelden);

export const planItemSchema = planItemVeldenSchema
  .extend({ type: z.literal('planItem'), ...aangemaaktOp, ...planItemServerVelden })
  .and(recordMetaSchema);
export type PlanItem = z.output<typeof planItemSchema>;

/**
 * The read-only copy of a plan at the moment it was vastgesteld (issue 4, point 6): the plan and
 * everything it consisted of, so later edits in a new concept never change what the client agreed
 * to. Written once, never updated.
 */
export const planVersieSchema = z
  .object({
    type: z.literal('planVersie'),
    planId: recordIdSchema,
    versie: z.number().int().positive(),
    vastgesteldOp: isoDateSchema,
    inhoud: z.object({
      plan: planSchema,
      doelen: z.array(doelSchema),
      naasten: z.array(naasteSchema),
      items: z.array(planItemSchema),
    }),
  })
  .and(recordMetaSchema);
export type PlanVersie = z.output<typeof planVersieSchema>;
