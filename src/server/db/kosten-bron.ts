/**
 * The coordinator's source data (issue 6, point 3): the vastgestelde plans of every client, as
 * the neutral KostenPlan the cost rules take — a pseudonym, an age band and a gemeente instead
 * of the client, and the client's identifying details only as a list to clean free text with.
 * Nothing in here is ever sent as such; the routes send what domain/kosten builds from it.
 *
 * The pseudonym is `C-` + 8 base32 characters of HMAC-SHA256(server key, client id): stable per
 * client, not reversible (nor guessable from a client id) without the key, which lives in the
 * `instellingen` table and is made on first use.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { laatsteDag } from '../../domain/kosten/datum.ts';
import type { Maand } from '../../domain/kosten/model.ts';
import { identificerendeDelen, leeftijdsband } from '../../domain/kosten/pseudoniem.ts';
import { besluitUitReferentie, isCatalogusCode } from '../../domain/kosten/referentie.ts';
import type { KostenItem, KostenPlan } from '../../domain/kosten/regels.ts';
import { findGemeente } from '../../domain/reference/index.ts';
import type { Queryable } from './store.ts';

const SLEUTEL_NAAM = 'pseudoniem-sleutel';
const sleutels = new WeakMap<Queryable, Promise<Buffer>>();

async function leesOfMaakSleutel(q: Queryable): Promise<Buffer> {
  // Two servers starting at once: both insert, one wins, both read the winner.
  await q.query(
    'INSERT INTO instellingen (sleutel, waarde) VALUES ($1, $2) ON CONFLICT (sleutel) DO NOTHING',
    [SLEUTEL_NAAM, randomBytes(32).toString('base64')],
  );
  const rows = await q.query<{ waarde: string }>(
    'SELECT waarde FROM instellingen WHERE sleutel = $1',
    [SLEUTEL_NAAM],
  );
  return Buffer.from(rows[0]!.waarde, 'base64');
}

/** The pseudonym key of this store (cached per store after the first read). */
export function pseudoniemSleutel(q: Queryable): Promise<Buffer> {
  let sleutel = sleutels.get(q);
  if (!sleutel) {
    sleutel = leesOfMaakSleutel(q);
    sleutels.set(q, sleutel);
    sleutel.catch(() => sleutels.delete(q));
  }
  return sleutel;
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** `C-` + 8 base32 characters (40 bits) of HMAC-SHA256(key, clientId). */
export function pseudoniem(sleutel: Buffer, clientId: string): string {
  const mac = createHmac('sha256', sleutel).update(clientId.toLowerCase()).digest();
  let bits = 0n;
  for (const b of mac.subarray(0, 5)) bits = (bits << 8n) | BigInt(b);
  let uit = '';
  for (let i = 7; i >= 0; i -= 1) uit += BASE32[Number((bits >> BigInt(i * 5)) & 31n)];
  return `C-${uit}`;
}

// Lenient reading of stored records: a record from an older shape is skipped, never a 500.
const clientVeldenSchema = z.object({
  voornaam: z.string().optional(),
  achternaam: z.string().optional(),
  geboortedatum: z.string().optional(),
  bsn: z.string().nullish(),
  postcode: z.string().nullish(),
  huisnummer: z.union([z.string(), z.number()]).nullish(),
  gemeente: z.string().nullish(),
  zorgverzekeraar: z.string().nullish(),
});

const domein = z.enum(['Wlz', 'Zvw', 'Wmo', 'Jeugdwet', 'geen']);
const besluitSchema = z.object({
  domein,
  financier: z.object({ soort: z.string(), code: z.string() }).nullable(),
  regel: z.string().optional(),
  regelversie: z.string().optional(),
});
const itemSchema = z.object({
  id: z.string(),
  stap: z.string(),
  inzet: z
    .object({
      code: z.string(),
      omvang: z.object({ aantal: z.number(), eenheid: z.string() }).nullish(),
      periode: z.object({ van: z.string(), tot: z.string().nullish() }).nullish(),
    })
    .nullish(),
  // Of a stored decision only the codes are read: names and grondslag come from reference data.
  routering: besluitSchema.nullish(),
  serverRoutering: besluitSchema.nullish(),
  override: z.object({ domein, reden: z.string() }).nullish(),
});
const versieSchema = z.object({
  planId: z.string(),
  versie: z.number(),
  vastgesteldOp: z.string(),
  inhoud: z.object({
    items: z.array(z.unknown()),
    naasten: z.array(z.unknown()).optional(),
  }),
});
const naasteSchema = z.object({ naam: z.string() });

/**
 * A snapshot item as the cost rules read it (issue 12): the server's routing decision when there
 * is one (a device's is used only for items from before the server routed), its financier and
 * grondslag from the reference data; an inzet code outside the catalog is not counted.
 */
function alsKostenItem(raw: unknown): KostenItem | undefined {
  const p = itemSchema.safeParse(raw);
  if (!p.success) return undefined;
  const { inzet, override } = p.data;
  if (inzet && !isCatalogusCode(inzet.code)) return undefined;
  const gekozen = p.data.serverRoutering ?? p.data.routering;
  const routering = gekozen ? besluitUitReferentie(gekozen) : null;
  const device = p.data.routering;
  const server = p.data.serverRoutering;
  const routeringAfwijkend =
    !!device &&
    !!server &&
    (device.domein !== server.domein ||
      (device.financier?.code ?? null) !== (server.financier?.code ?? null));
  return {
    id: p.data.id,
    stap: p.data.stap,
    ...(inzet
      ? {
          inzet: {
            code: inzet.code,
            ...(inzet.omvang ? { omvang: inzet.omvang } : {}),
            ...(inzet.periode
              ? {
                  periode: {
                    van: inzet.periode.van,
                    ...(inzet.periode.tot ? { tot: inzet.periode.tot } : {}),
                  },
                }
              : {}),
          },
        }
      : {}),
    ...(routering ? { routering } : {}),
    ...(override ? { override } : {}),
    routeringAfwijkend,
  };
}

export interface KostenBron {
  readonly plannen: KostenPlan[];
  /** The client id of each plan (same index): for the access log only, never sent. */
  readonly clientIds: string[];
  /** The client's birth date per plan (same index): for the age band of a later report only. */
  readonly geboortedata: (string | null)[];
}

interface Rij {
  id: string;
  type: string;
  client_id: string | null;
  fields: Record<string, unknown>;
}

/**
 * Every client with at least one vastgestelde versie of a (non-deleted) plan.
 * @param tot the report's last month: the age band is taken on its last day.
 */
export async function laadKostenBron(
  q: Queryable,
  tot: Maand,
  /** Only these clients (kosten-regels.ts); every client when left out. */
  alleen?: readonly string[],
): Promise<KostenBron> {
  const sleutel = await pseudoniemSleutel(q);
  // Only what the cost rules read leaves the database: of a planVersie snapshot the items with
  // an inzet and the naasten's names (to clean free text with), of a plan nothing but its id.
  // A snapshot holds the whole plan; sending all of it cost half the time of a 5,000-client
  // overview (npm run bench -- kosten).
  const rows = await q.query<Rij>(
    `SELECT id::text AS id, type, client_id::text AS client_id,
       CASE type
         WHEN 'plan' THEN '{}'::jsonb
         WHEN 'planVersie' THEN jsonb_build_object(
           'planId', fields->'planId',
           'versie', fields->'versie',
           'vastgesteldOp', fields->'vastgesteldOp',
           'inhoud', jsonb_build_object(
             'items', CASE WHEN jsonb_typeof(fields->'inhoud'->'items') = 'array' THEN COALESCE(
               (SELECT jsonb_agg(i) FROM jsonb_array_elements(fields->'inhoud'->'items') i
                WHERE i ? 'inzet'), '[]'::jsonb) ELSE '[]'::jsonb END,
             'naasten', CASE WHEN jsonb_typeof(fields->'inhoud'->'naasten') = 'array' THEN COALESCE(
               (SELECT jsonb_agg(jsonb_build_object('naam', n->'naam'))
                FROM jsonb_array_elements(fields->'inhoud'->'naasten') n), '[]'::jsonb)
               ELSE '[]'::jsonb END))
         WHEN 'naaste' THEN jsonb_build_object('naam', fields->'naam')
         ELSE fields
       END AS fields
     FROM records
     WHERE ((deleted = false AND type IN ('client', 'plan', 'planVersie')) OR type = 'naaste')
       ${alleen ? 'AND client_id = ANY($1::uuid[])' : ''}`,
    alleen ? [alleen] : [],
  );
  const clienten = new Map<string, z.infer<typeof clientVeldenSchema>>();
  const plannen = new Set<string>();
  const versiesPerClient = new Map<string, z.infer<typeof versieSchema>[]>();
  // Every naaste the client has or had (also one removed since): her name in a reason points at
  // the client as well as one in a snapshot does.
  const naastenPerClient = new Map<string, string[]>();
  for (const r of rows) {
    if (r.type === 'naaste') {
      const n = naasteSchema.safeParse(r.fields);
      if (n.success && r.client_id) {
        naastenPerClient.set(r.client_id, [
          ...(naastenPerClient.get(r.client_id) ?? []),
          n.data.naam,
        ]);
      }
    } else if (r.type === 'client') {
      const c = clientVeldenSchema.safeParse(r.fields);
      if (c.success) clienten.set(r.id, c.data);
    } else if (r.type === 'plan') plannen.add(r.id);
  }
  for (const r of rows) {
    if (r.type !== 'planVersie' || !r.client_id) continue;
    const v = versieSchema.safeParse(r.fields);
    if (!v.success || !plannen.has(v.data.planId)) continue;
    const lijst = versiesPerClient.get(r.client_id) ?? [];
    lijst.push(v.data);
    versiesPerClient.set(r.client_id, lijst);
  }

  const peildatum = laatsteDag(tot);
  const uit: KostenBron = { plannen: [], clientIds: [], geboortedata: [] };
  for (const [clientId, versies] of [...versiesPerClient].sort(([a], [b]) => a.localeCompare(b))) {
    const client = clienten.get(clientId);
    if (!client) continue;
    const naasten = [
      ...(naastenPerClient.get(clientId) ?? []),
      ...versies.flatMap((v) =>
        (v.inhoud.naasten ?? []).flatMap((n) => {
          const p = naasteSchema.safeParse(n);
          return p.success ? [p.data.naam] : [];
        }),
      ),
    ];
    const postcode = client.postcode ?? undefined;
    const huisnummer = client.huisnummer == null ? undefined : String(client.huisnummer);
    uit.plannen.push({
      pseudo: {
        pseudoniem: pseudoniem(sleutel, clientId),
        leeftijdsband: leeftijdsband(client.geboortedatum, peildatum),
        gemeente: (client.gemeente && findGemeente(client.gemeente)?.naam) || null,
      },
      context: {
        gemeente: client.gemeente ?? null,
        zorgverzekeraar: client.zorgverzekeraar ?? null,
      },
      identificerend: [
        ...identificerendeDelen({
          voornaam: client.voornaam,
          achternaam: client.achternaam,
          overig: [
            client.bsn,
            client.geboortedatum,
            postcode,
            postcode && huisnummer ? `${postcode} ${huisnummer}` : undefined,
            clientId,
          ],
        }),
        // A naaste's name in a reason points at the client just as well.
        ...naasten.flatMap((naam) => identificerendeDelen({ voornaam: naam })),
      ],
      versies: versies.map((v) => ({
        vanaf: v.vastgesteldOp,
        versie: v.versie,
        items: v.inhoud.items.flatMap((i) => alsKostenItem(i) ?? []),
      })),
    });
    uit.clientIds.push(clientId);
    uit.geboortedata.push(client.geboortedatum ?? null);
  }
  return uit;
}
