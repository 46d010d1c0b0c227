/**
 * The sync wire (docs/architecture.md, Sync — guarantees 1–6), shared by the device (src/sync/client)
 * and the server (src/server/routes/sync). Pure: zod and the domain only.
 *
 * Push: the device sends outbox mutations in batches, in its own order. Each mutation has a
 * device-made id, so a replay changes nothing (guarantee 2). The server answers per mutation; one
 * rejected mutation never blocks the others (guarantee 5).
 *
 * Merge (guarantee 3): per field, against `baseRev`, the server revision the device last saw.
 * A field nobody else changed since baseRev is applied silently. A field that another write
 * changed after baseRev is still applied — the write the server applies later wins, server order,
 * never device clocks — and the value it overwrote is kept as a `conflict` record, which the UI
 * shows until someone resolves it. Resolving is itself a synced change (a mutation on the
 * conflict record, plus one on the record when the other value is chosen).
 *
 * Pull (guarantee 4): by cursor (the server's `rev` sequence), paged, only what this user may see.
 */
import { z } from 'zod';
import { deviceIdSchema } from '../../domain/model/ids.ts';
import { mutationSchema } from '../../domain/model/record.ts';
import { tekst } from '../../domain/model/tekst.ts';

export const PUSH_BATCH_MAX = 500;
export const PULL_PAGE_MAX = 1000;

/** Strict: an unknown key is refused (a typo or a crafted field never passes silently). */
export const pushRequestSchema = z.strictObject({
  deviceId: deviceIdSchema,
  /** Strict on the wire (the device's outbox rows carry local keys; the device strips them). */
  mutations: z.array(z.strictObject(mutationSchema.shape)).min(1).max(PUSH_BATCH_MAX),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

/**
 * Reasons the server can refuse a mutation, as codes the device translates into Dutch:
 * - `forbidden`: the record or its client is not in this user's caseload (never says which exists);
 * - `invalid`: the merged record does not pass the domain schema (`detail` names the fields);
 * - `unknown-client`: a record points at a client the server does not know (yet);
 * - `conflict-resolution-invalid`: a conflict resolution that does not match the conflict.
 */
export const REJECT_REASONS = [
  'forbidden',
  'invalid',
  'unknown-client',
  'conflict-resolution-invalid',
] as const;
export const rejectReasonSchema = z.enum(REJECT_REASONS);
export type RejectReason = z.infer<typeof rejectReasonSchema>;

export const pushResultSchema = z.discriminatedUnion('status', [
  /** Applied now; `rev` is the record's new revision; `conflicts` counts fields kept as conflict. */
  z.object({
    mutationId: z.uuid(),
    status: z.literal('applied'),
    rev: z.number().int().positive(),
    conflicts: z.number().int().nonnegative(),
  }),
  /** Already applied before (a replay): nothing changed; `rev` is what it produced then. */
  z.object({
    mutationId: z.uuid(),
    status: z.literal('duplicate'),
    rev: z.number().int().positive().nullable(),
  }),
  z.object({
    mutationId: z.uuid(),
    status: z.literal('rejected'),
    reason: rejectReasonSchema,
    detail: z.string().max(1000).optional(),
  }),
]);
export type PushResult = z.infer<typeof pushResultSchema>;

export const pushResponseSchema = z.object({ results: z.array(pushResultSchema) });
export type PushResponse = z.infer<typeof pushResponseSchema>;

/** A record as the server holds it: the full current fields, not a patch. */
export const wireRecordSchema = z.object({
  id: z.uuid(),
  type: z.string(),
  clientId: z.uuid().nullable(),
  fields: z.record(z.string(), z.unknown()),
  rev: z.number().int().positive(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  deleted: z.boolean(),
});
export type WireRecord = z.infer<typeof wireRecordSchema>;

export const pullQuerySchema = z.strictObject({
  /** The highest `rev` the device has applied; 0 for a first pull. */
  cursor: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().positive().max(PULL_PAGE_MAX).default(PULL_PAGE_MAX),
  /** The device's own id, for the access log (NEN 7513: from which device). Optional: old apps. */
  deviceId: z
    .string()
    .regex(/^[A-Za-z0-9._:-]{1,100}$/)
    .optional(),
});
export type PullQuery = z.infer<typeof pullQuerySchema>;

export const pullResponseSchema = z.object({
  records: z.array(wireRecordSchema),
  /**
   * Clients this user can no longer read (taken out of her caseload, a review share ended): the
   * device removes their records; its unsent changes of them are kept as refused (pull.ts). Sent
   * once, in the page whose cursor passes the revocation. Default `[]`: an older server.
   */
  ingetrokken: z.array(z.uuid()).default([]),
  /** Pass back as `cursor` for the next page. */
  nextCursor: z.number().int().nonnegative(),
  hasMore: z.boolean(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

/**
 * A kept conflict travels as an ordinary record of type `conflict` (so it syncs, is access-checked
 * by its clientId, and its resolution is a normal mutation).
 */
export const conflictFieldsSchema = z.object({
  recordType: z.string(),
  recordId: z.uuid(),
  field: z.string(),
  /** The value that was overwritten (it lost on server order) and who wrote it when. */
  overwrittenValue: z.unknown(),
  /** User ids; the names are copied for display (who, in Dutch: "Waarde van <naam>"). */
  overwrittenBy: z.string(),
  overwrittenByNaam: z.string().optional(),
  overwrittenAt: z.string(),
  /** The device that typed it ('' or absent: not known), so the UI can say "op dit apparaat". */
  overwrittenDevice: z.string().optional(),
  /** The value that won, and who wrote it when. */
  winningValue: z.unknown(),
  winningBy: z.string(),
  winningByNaam: z.string().optional(),
  winningAt: z.string(),
  winningDevice: z.string().optional(),
  resolved: z.boolean(),
});
export type ConflictFields = z.infer<typeof conflictFieldsSchema>;

export const ROLLEN = ['arrangeur', 'casemanager', 'coordinator', 'beheerder'] as const;
export const rolSchema = z.enum(ROLLEN);
export type Rol = z.infer<typeof rolSchema>;

export const loginRequestSchema = z.strictObject({
  gebruikersnaam: tekst().trim().min(1).max(100),
  wachtwoord: tekst().min(1).max(200),
});
export const gebruikerSchema = z.object({
  id: z.uuid(),
  gebruikersnaam: z.string(),
  naam: z.string(),
  rol: rolSchema,
});
export type Gebruiker = z.infer<typeof gebruikerSchema>;
/**
 * Steps still needed after a correct password (issue 14), in this order: choose her own password
 * (she logged in with a start password), set up the second factor, or give its code.
 */
export const LOGIN_STAPPEN = ['wachtwoord', 'tweedeFactorInstellen', 'tweedeFactor'] as const;
export const loginStapSchema = z.enum(LOGIN_STAPPEN);
export type LoginStap = z.infer<typeof loginStapSchema>;
export const loginResponseSchema = z.object({
  gebruiker: gebruikerSchema,
  /** ISO time the session ends unless renewed; the session itself is an HttpOnly cookie. */
  verlooptOp: z.string(),
  /**
   * Empty or absent: a normal session. Otherwise a "half" session that reaches only the routes of
   * these steps (`/api/auth/start/*`); the last step's answer is a normal login answer.
   */
  vereist: z.array(loginStapSchema).optional(),
});
export type LoginResponse = z.infer<typeof loginResponseSchema>;
