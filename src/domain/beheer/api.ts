/**
 * Contracts of /api/beheer/* that the beheer screens read (issue 14), shared by the server route
 * (src/server/routes/beheer.ts) and the device (src/ui/features/beheer), so both validate the same
 * thing (as domain/kosten/api.ts for the coordinator). Pure: zod only.
 */
import { z } from 'zod';

/** The roles, as the sync wire has them (ROLLEN in src/sync/protocol/wire.ts; a test holds them equal). */
export const BEHEER_ROLLEN = ['arrangeur', 'casemanager', 'coordinator', 'beheerder'] as const;
export type BeheerRol = (typeof BEHEER_ROLLEN)[number];

export const gebruikerSchema = z.object({
  id: z.uuid(),
  gebruikersnaam: z.string(),
  naam: z.string(),
  rol: z.enum(BEHEER_ROLLEN),
});

export const toegangRegelSchema = z.object({
  id: z.number().int(),
  op: z.string(),
  gebruikerId: z.uuid().nullable(),
  gebruikersnaam: z.string().nullable(),
  rol: z.string().nullable(),
  actie: z.string(),
  clientId: z.uuid().nullable(),
  aantal: z.number().int(),
  apparaat: z.string().nullable(),
  adres: z.string().nullable(),
  uitkomst: z.enum(['ok', 'geweigerd', 'mislukt']),
  betreftGebruikerId: z.uuid().nullable(),
});
export type ToegangRegelWire = z.infer<typeof toegangRegelSchema>;

export const toegangslogAntwoordSchema = z.object({
  regels: z.array(toegangRegelSchema),
  /** More rows matched than the server's maximum: narrow the period. */
  meer: z.boolean(),
});

export const beheerGebruikerSchema = gebruikerSchema.extend({
  actief: z.boolean(),
  aangemaaktOp: z.string(),
  caseload: z.array(z.uuid()),
  reviewClienten: z.array(z.uuid()),
  /** Issue 14: the last successful login (from the access log), null when never. */
  laatsteLogin: z.string().nullable(),
  /** Live sessions now (not expired, not ended). */
  actieveSessies: z.number().int().nonnegative(),
  /** When a live session was last used, null when none. */
  laatstActief: z.string().nullable(),
  /** She still has to replace her start password. */
  moetWachtwoordWijzigen: z.boolean(),
});
export type BeheerGebruiker = z.infer<typeof beheerGebruikerSchema>;

export const gebruikersAntwoordSchema = z.object({ gebruikers: z.array(beheerGebruikerSchema) });

/** POST /beheer/gebruikers without a password: the start password, shown once and never again. */
export const startwachtwoordAntwoordSchema = z.object({
  gebruiker: gebruikerSchema,
  startwachtwoord: z.string(),
});

/** POST /beheer/gebruikers/:id/wachtwoord: with no password given, a new start password. */
export const wachtwoordHerstelAntwoordSchema = z.object({
  ingetrokken: z.number().int().nonnegative(),
  startwachtwoord: z.string().optional(),
});

/** A client as the beheerder sees it: only what tells clients apart (least privilege). */
export const beheerClientSchema = z.object({
  id: z.uuid(),
  naam: z.string().nullable(),
  geboortedatum: z.string().nullable(),
  caseload: z.array(z.uuid()),
  historie: z.array(
    z.object({ gebruikerId: z.uuid(), van: z.string(), tot: z.string().nullable() }),
  ),
});
export type BeheerClient = z.infer<typeof beheerClientSchema>;
export const clientenAntwoordSchema = z.object({ clienten: z.array(beheerClientSchema) });

/** The largest import file (characters): a caseload, not a register. */
export const IMPORT_MAX_TEKENS = 500_000;

export const importVraagSchema = z
  .object({
    /** The file's text (`;`-separated, a header row; a BOM is allowed). */
    bestand: z.string().min(1).max(IMPORT_MAX_TEKENS),
    /** The arrangeur (or casemanager) whose caseload receives the new clients. */
    gebruikerId: z.uuid(),
    /** true: only check and show; nothing is stored. */
    voorbeeld: z.boolean(),
  })
  .strict();
export type ImportVraag = z.infer<typeof importVraagSchema>;

export const importRijAntwoordSchema = z.object({
  regel: z.number().int(),
  /** nieuw: will be (or was) stored; bestaat: the same client is already there (unchanged). */
  status: z.enum(['nieuw', 'bestaat', 'fout']),
  /** Only for a good row: the name as in the file. */
  naam: z.string().nullable(),
  geboortedatum: z.string().nullable(),
  fouten: z.array(z.string()),
});
export type ImportRijAntwoord = z.infer<typeof importRijAntwoordSchema>;

export const importAntwoordSchema = z.object({
  rijen: z.array(importRijAntwoordSchema),
  onbekendeKolommen: z.array(z.string()),
  ontbrekendeKolommen: z.array(z.string()),
  /** Clients stored by this request (0 for a preview). */
  opgeslagen: z.number().int().nonnegative(),
});
export type ImportAntwoord = z.infer<typeof importAntwoordSchema>;
