import { z } from 'zod';
import { isoDateSchema } from './dates.ts';

/**
 * Wlz leveringsvorm (iWlz COD578: 4 Verblijf, 5 VPT, 7 MPT, 2 PGB). `null` = indicatie is er, maar
 * de leveringsvorm is nog niet gekozen: routing then still goes to the Wlz (docs/financiering.md P6).
 */
export const LEVERINGSVORMEN = ['verblijf', 'vpt', 'mpt', 'pgb'] as const;
export const leveringsvormSchema = z.enum(LEVERINGSVORMEN, { error: 'Kies een leveringsvorm.' });
export type Leveringsvorm = z.infer<typeof leveringsvormSchema>;

export const LEVERINGSVORM_LABEL: Record<Leveringsvorm, string> = {
  verblijf: 'Verblijf in een instelling',
  vpt: 'Volledig pakket thuis (VPT)',
  mpt: 'Modulair pakket thuis (MPT)',
  pgb: 'Persoonsgebonden budget (pgb)',
};

/**
 * The zorgprofielen the CIZ indicates, with their iWlz code (COD163 zorgzwaartepakket; source:
 * iStandaarden, iWlz-codelijsten COD163, read 2026-12-03, and the CIZ list of zorgprofielen).
 * VV1–VV3 are no longer given to new clients but still occur on older indicaties; "VV9" is the
 * CIZ's VV9b (herstelgerichte behandeling; 9VV A, revalidatie, is Zvw-GRZ since 2013). GGZ-B is one
 * profile at the CIZ; the zorgkantoor picks the pakket (1–7 GGZ B), so it has no single code. The
 * iWlz list also has 5 GGZ W (beveiligd wonen, 888), so GGZ-W runs to 5, not 4.
 *
 * Stored in one canonical form (`VV5`, `GGZ-W2`, `ZGaud3`); `normaliseerZorgprofiel` accepts the
 * ways the CIZ, nurses and older app versions write them (`VV 5`, `VV-5`, `5VV`, `5 GGZ W`).
 */
const P = (profiel: string, sector: string, iwlz: string | null, omschrijving: string) =>
  ({ profiel, sector, iwlz, omschrijving, verouderd: false }) as const;
/** A value older app versions stored (sector only): still read, never offered in the form. */
const OUD = (profiel: string, sector: string) =>
  ({
    profiel,
    sector,
    iwlz: null,
    omschrijving: `${sector} (nummer niet vastgelegd)`,
    verouderd: true,
  }) as const;
export const ZORGPROFIEL_TABEL = [
  P('VV1', 'VV', '750', 'Beschut wonen met enige begeleiding'),
  P('VV2', 'VV', '751', 'Beschut wonen met begeleiding en verzorging'),
  P('VV3', 'VV', '752', 'Beschut wonen met begeleiding en intensieve verzorging'),
  P('VV4', 'VV', '753', 'Beschut wonen met intensieve begeleiding en uitgebreide verzorging'),
  P('VV5', 'VV', '754', 'Beschermd wonen met intensieve dementiezorg'),
  P('VV6', 'VV', '755', 'Beschermd wonen met intensieve verzorging en verpleging'),
  P('VV7', 'VV', '756', 'Beschermd wonen met zeer intensieve zorg, nadruk op begeleiding'),
  P(
    'VV8',
    'VV',
    '757',
    'Beschermd wonen met zeer intensieve zorg, nadruk op verzorging/verpleging',
  ),
  P('VV9b', 'VV', '191', 'Herstelgerichte behandeling met verpleging en verzorging'),
  P('VV10', 'VV', '759', 'Beschermd verblijf met intensieve palliatief-terminale zorg'),
  P('VG1', 'VG', '800', 'Wonen met enige begeleiding'),
  P('VG2', 'VG', '802', 'Wonen met begeleiding'),
  P('VG3', 'VG', '804', 'Wonen met begeleiding en verzorging'),
  P('VG4', 'VG', '806', 'Wonen met begeleiding en intensieve verzorging'),
  P('VG5', 'VG', '808', 'Wonen met intensieve begeleiding en intensieve verzorging'),
  P('VG6', 'VG', '810', 'Wonen met intensieve begeleiding, verzorging en gedragsregulering'),
  P(
    'VG7',
    'VG',
    '812',
    '(Besloten) wonen met zeer intensieve begeleiding, verzorging en gedragsregulering',
  ),
  P('VG8', 'VG', '814', 'Wonen met begeleiding en volledige verzorging en verpleging'),
  P('LG1', 'LG', '820', 'Wonen met enige begeleiding en enige verzorging'),
  P('LG2', 'LG', '822', 'Wonen met begeleiding en enige verzorging'),
  P('LG3', 'LG', '824', 'Wonen met enige begeleiding en verzorging'),
  P('LG4', 'LG', '826', 'Wonen met begeleiding en verzorging'),
  P('LG5', 'LG', '828', 'Wonen met begeleiding en intensieve verzorging'),
  P('LG6', 'LG', '830', 'Wonen met intensieve begeleiding en intensieve verzorging'),
  P('LG7', 'LG', '832', 'Wonen met zeer intensieve begeleiding en zeer intensieve verzorging'),
  P('LVG1', 'LVG', '780', 'Wonen met enige behandeling en begeleiding'),
  P('LVG2', 'LVG', '781', 'Wonen met behandeling en begeleiding'),
  P('LVG3', 'LVG', '782', 'Wonen met intensieve behandeling en begeleiding, kleine groep'),
  P('LVG4', 'LVG', '783', 'Wonen met zeer intensieve behandeling en begeleiding'),
  P('LVG5', 'LVG', '784', 'Besloten wonen met zeer intensieve behandeling en begeleiding'),
  P('SGLVG', 'SGLVG', '790', 'Behandeling in een SGLVG-behandelcentrum'),
  P('ZGaud1', 'ZGaud', '850', 'Wonen met begeleiding en enige verzorging'),
  P('ZGaud2', 'ZGaud', '852', 'Wonen met intensieve begeleiding en verzorging'),
  P('ZGaud3', 'ZGaud', '854', 'Wonen met intensieve begeleiding en intensieve verzorging'),
  P('ZGaud4', 'ZGaud', '856', 'Wonen met intensieve begeleiding en enige verzorging'),
  P('ZGvis1', 'ZGvis', '840', 'Wonen met enige begeleiding en enige verzorging'),
  P('ZGvis2', 'ZGvis', '842', 'Wonen met begeleiding en enige verzorging'),
  P('ZGvis3', 'ZGvis', '844', 'Wonen met intensieve begeleiding en verzorging'),
  P('ZGvis4', 'ZGvis', '846', 'Wonen met intensieve begeleiding en intensieve verzorging'),
  P(
    'ZGvis5',
    'ZGvis',
    '848',
    'Wonen met zeer intensieve begeleiding en zeer intensieve verzorging',
  ),
  P(
    'GGZ-B',
    'GGZ-B',
    null,
    'Voortgezet verblijf met behandeling (pakket 1–7 GGZ B door het zorgkantoor)',
  ),
  P('GGZ-W1', 'GGZ-W', '880', 'Wonen met intensieve begeleiding'),
  P('GGZ-W2', 'GGZ-W', '882', 'Wonen met intensieve begeleiding en verzorging'),
  P('GGZ-W3', 'GGZ-W', '884', 'Wonen met intensieve begeleiding en gedragsregulering'),
  P(
    'GGZ-W4',
    'GGZ-W',
    '886',
    'Wonen met intensieve begeleiding en intensieve verpleging en verzorging',
  ),
  P('GGZ-W5', 'GGZ-W', '888', 'Beveiligd wonen vanwege extreme gedragsproblematiek'),
  OUD('VG', 'VG'),
  OUD('LG', 'LG'),
  OUD('LVG', 'LVG'),
  OUD('ZG', 'ZG'),
  OUD('GGZ-W', 'GGZ-W'),
] as const;
export type Zorgprofiel = (typeof ZORGPROFIEL_TABEL)[number]['profiel'];
export type ZorgprofielSector = (typeof ZORGPROFIEL_TABEL)[number]['sector'];
export const ZORGPROFIELEN = ZORGPROFIEL_TABEL.map((p) => p.profiel) as readonly Zorgprofiel[];
/** What the client form offers: the current profiles, not the sector-only values of old versions. */
export const ZORGPROFIELEN_KEUZE = ZORGPROFIEL_TABEL.filter((p) => !p.verouderd).map(
  (p) => p.profiel,
) as readonly Zorgprofiel[];

const SECTOREN = ['VV', 'VG', 'LG', 'LVG', 'SGLVG', 'ZGAUD', 'ZGVIS', 'GGZW'] as const;
const CANONIEK = new Map<string, Zorgprofiel>(
  ZORGPROFIEL_TABEL.map((p) => [p.profiel.replace(/[^A-Za-z0-9]/g, '').toUpperCase(), p.profiel]),
);
CANONIEK.set('VV9', 'VV9b');
CANONIEK.set('SGLVG1', 'SGLVG');
CANONIEK.set('GGZB', 'GGZ-B');

/**
 * The canonical form of a zorgprofiel as people write it: `VV5`, `VV 5`, `VV-5`, `5VV`, `5 VV`,
 * `vv5`, `GGZ-W2`, `GGZ W 2`, `2GGZ W`, `ZGaud 3`, `3ZGaud`. Undefined when it is not a profile.
 */
export function normaliseerZorgprofiel(invoer: string): Zorgprofiel | undefined {
  const plat = invoer
    .normalize('NFKC')
    .replace(/[\s\-_.]/g, '')
    .toUpperCase();
  const direct = CANONIEK.get(plat);
  if (direct) return direct;
  // Number first, as in the iWlz codelist ("5VV", "2GGZW"): move it behind the sector.
  const m = /^(\d{1,2})([A-Z]+?)(B?)$/.exec(plat);
  if (m && (SECTOREN as readonly string[]).includes(m[2]!))
    return CANONIEK.get(`${m[2]}${m[1]}${m[3]}`);
  return undefined;
}

export function zorgprofielInfo(profiel: Zorgprofiel) {
  return ZORGPROFIEL_TABEL.find((p) => p.profiel === profiel)!;
}

export const zorgprofielSchema = z
  .string({ error: 'Kies een zorgprofiel.' })
  .transform((v, ctx) => {
    const p = normaliseerZorgprofiel(v);
    if (p) return p;
    ctx.addIssue({
      code: 'custom',
      message: `Onbekend zorgprofiel '${v}'. Gebruik een zorgprofiel van het CIZ, zoals VV5, VG6, LG4, LVG3, ZGaud2, ZGvis3, GGZ-B of GGZ-W2.`,
    });
    return z.NEVER;
  });

export const wlzIndicatieSchema = z
  .object({
    zorgprofiel: zorgprofielSchema,
    leveringsvorm: leveringsvormSchema.nullable(),
    /** Only meaningful with verblijf: verblijf mét behandeling van dezelfde instelling (E4). */
    behandeling: z.boolean().default(false),
    geldigVan: isoDateSchema,
    /**
     * Open-ended when absent: most Wlz-indicaties have no end date. An empty date input arrives
     * as '' or null; both mean "no end date" and are stored as absent (one shape for "not known").
     */
    geldigTot: z.preprocess(
      (v) => (v === '' || v === null ? undefined : v),
      isoDateSchema.optional(),
    ),
  })
  .refine((w) => !w.geldigTot || w.geldigTot >= w.geldigVan, {
    path: ['geldigTot'],
    message: 'De einddatum ligt vóór de begindatum.',
  });
export type WlzIndicatie = z.infer<typeof wlzIndicatieSchema>;

/** Is the indicatie in force on the peildatum (both ends inclusive)? */
export function wlzGeldigOp(w: Pick<WlzIndicatie, 'geldigVan' | 'geldigTot'>, peildatum: string) {
  return w.geldigVan <= peildatum && (!w.geldigTot || peildatum <= w.geldigTot);
}
