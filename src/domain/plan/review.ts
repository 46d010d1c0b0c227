/**
 * Review of an ondersteuningsplan by a casemanager dementie (issue 6, point 1).
 *
 * Two record types, both belonging to the plan's client (the unit of access):
 * - `review`: one review round. The arrangeur makes it when she sends the plan "ter review" to a
 *   casemanager (plan status concept → ter-review); the casemanager fills in the besluit
 *   (`akkoord` or `aanpassen`). A new round (after "aanpassen") is a new `review` record.
 * - `reviewComment`: one comment of the reviewer on a section of the plan or on one item in it.
 *   The arrangeur marks it `afgehandeld` when she has dealt with it.
 *
 * Records are small and separate (docs/architecture.md, Data): the reviewer never writes a plan
 * record, so her comments and the arrangeur's edits never collide.
 */
import { z } from 'zod';
import { tekst } from '../model/tekst.ts';
import { recordMetaSchema } from '../model/client.ts';
import { recordIdSchema } from '../model/ids.ts';
import { PLAN_STAPPEN } from './ladder.ts';

const optioneleTekst = (max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    tekst().trim().max(max, `Dit is te lang (max. ${max} tekens).`).optional(),
  );

export const REVIEW_BESLUITEN = ['akkoord', 'aanpassen'] as const;
export const reviewBesluitSchema = z.enum(REVIEW_BESLUITEN, {
  error: 'Kies akkoord of aanpassen.',
});
export type ReviewBesluit = z.infer<typeof reviewBesluitSchema>;

/**
 * What a comment is about: one step of the plan editor (hulpvraag, the ladder rungs, akkoord),
 * so the arrangeur finds it where she works.
 */
export const REVIEW_SECTIES = PLAN_STAPPEN;
export const reviewSectieSchema = z.enum(REVIEW_SECTIES, { error: 'Kies een onderdeel.' });
export type ReviewSectie = z.infer<typeof reviewSectieSchema>;

export const reviewVeldenSchema = z.object({
  planId: recordIdSchema,
  clientId: recordIdSchema,
  /** The plan version under review. */
  versie: z.number().int().positive(),
  /** User id of the casemanager asked to review; the server shares the client with her. */
  casemanagerId: z.uuid(),
  /** Display name, a snapshot (the device has no user directory). */
  casemanagerNaam: tekst().trim().min(1).max(100),
  /** Display name of the arrangeur who asked. */
  gevraagdDoorNaam: tekst().trim().min(1).max(100),
  /** ISO timestamp of the request. */
  gevraagdOp: z.iso.datetime(),
  /** An optional question from the arrangeur to the reviewer. */
  vraag: optioneleTekst(1000),
  besluit: reviewBesluitSchema.nullable().default(null),
  /** ISO timestamp of the besluit. */
  besluitOp: z.iso.datetime().optional(),
  besluitToelichting: optioneleTekst(2000),
});
export type ReviewInvoer = z.input<typeof reviewVeldenSchema>;
export const reviewSchema = reviewVeldenSchema
  .extend({ type: z.literal('review') })
  .and(recordMetaSchema);
export type Review = z.output<typeof reviewSchema>;

/** The fields a reviewer (who may not write the rest) changes when she decides. */
export const REVIEW_BESLUIT_VELDEN = ['besluit', 'besluitOp', 'besluitToelichting'] as const;

export const reviewCommentVeldenSchema = z.object({
  reviewId: recordIdSchema,
  planId: recordIdSchema,
  sectie: reviewSectieSchema,
  /** A doel, naaste or planItem the comment is about; absent for the section as a whole. */
  itemId: recordIdSchema.optional(),
  tekst: z
    .string()
    .trim()
    .min(1, 'Schrijf een opmerking.')
    .max(2000, 'Dit is te lang (max. 2000 tekens).'),
  /** User id of the author: a reviewer may only change her own comments. */
  auteurId: z.uuid(),
  auteurNaam: tekst().trim().min(1).max(100),
  /** Set by the arrangeur when she has dealt with the comment. */
  afgehandeld: z.boolean().default(false),
  /** ISO timestamp; lists sort on it so every device shows the same order. */
  aangemaaktOp: tekst(),
});
export type ReviewCommentInvoer = z.input<typeof reviewCommentVeldenSchema>;
export const reviewCommentSchema = reviewCommentVeldenSchema
  .extend({ type: z.literal('reviewComment') })
  .and(recordMetaSchema);
export type ReviewComment = z.output<typeof reviewCommentSchema>;
