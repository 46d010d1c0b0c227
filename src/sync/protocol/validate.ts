/**
 * Validation of a record after the merge (ARCHITECTURE.md, Sync guarantee 5: the server is the
 * authority on validation). Pure: zod and the domain schemas only, so the device could run the
 * very same check before it queues a change.
 *
 * Why after the merge and not on the mutation: a mutation carries only the fields it changed;
 * whether the record is valid depends on the fields it did not carry too.
 *
 * What is checked, per record type:
 * - every type: the fields are a JSON object whose strings PostgreSQL's jsonb can store (no NUL
 *   character, no lone surrogate) — otherwise the write would fail as a 5xx;
 * - client, naaste, plan, doel, planItem, planVersie, voorziening, review, reviewComment: the merged
 *   fields parse with the
 *   domain schema the device's forms and repositories use, and carry no field that schema does not
 *   know (a typo would otherwise sync forever, unseen);
 * - naaste, plan, review: their `clientId` field is the client the record belongs to (the unit of
 *   access);
 * - conflict: only `resolved` may change, and only to a boolean (a conflict is made by the server).
 * Not checked here: plan status transitions and links between records (planId → a plan of the same
 * client is checked by the push route, which can read the database).
 */
import { z } from 'zod';
import { clientInvoerSchema } from '../../domain/model/client.ts';
import type { RecordType } from '../../domain/model/record.ts';
import {
  doelVeldenSchema,
  naasteVeldenSchema,
  planItemServerVelden,
  planItemVeldenSchema,
  planVeldenSchema,
  planVersieSchema,
} from '../../domain/plan/model.ts';
import { reviewCommentVeldenSchema, reviewVeldenSchema } from '../../domain/plan/review.ts';
import { voorzieningInvoerSchema } from '../../domain/sociale-kaart/model.ts';

/** Mirrors the domain's private `aangemaaktOp` (set once on create, sorts lists on every device). */
const aangemaaktOp = { aangemaaktOp: z.string().optional() };

type VeldenSchema = z.ZodObject<z.ZodRawShape>;

/** The fields schema per record type: exactly what the device's repositories queue. */
const VELDEN: Readonly<Record<Exclude<RecordType, 'conflict'>, VeldenSchema>> = {
  client: clientInvoerSchema,
  naaste: naasteVeldenSchema.extend(aangemaaktOp),
  plan: planVeldenSchema,
  doel: doelVeldenSchema.extend(aangemaaktOp),
  planItem: planItemVeldenSchema.extend({ ...aangemaaktOp, ...planItemServerVelden }),
  planVersie: planVersieSchema.def.left.omit({ type: true }),
  voorziening: voorzieningInvoerSchema,
  review: reviewVeldenSchema,
  reviewComment: reviewCommentVeldenSchema,
};

/** Types that carry their client as a field, which must be the client they belong to. */
const MET_CLIENT_VELD: readonly RecordType[] = ['naaste', 'plan', 'review'];

/** Types whose record belongs to no client (a sociale-kaart entry added on a device). */
export const CLIENTLOZE_TYPES: readonly RecordType[] = ['voorziening'];

const DETAIL_MAX = 1000;

/**
 * @returns null when the merged record may be stored, else a short English reason naming the
 * fields (the wire's `detail`; the device translates the reason code, not this text).
 */
export function validateMerged(
  type: RecordType,
  fields: Readonly<Record<string, unknown>>,
  clientId: string | null,
): string | null {
  const opslag = storable(fields);
  if (opslag) return opslag;
  if (type === 'conflict') return null; // resolution rules: validateConflictResolution
  const schema = VELDEN[type];
  const shape = schema.shape;
  const onbekend = Object.keys(fields).filter((k) => !Object.hasOwn(shape, k));
  if (onbekend.length > 0) return cut(`unknown field(s): ${onbekend.join(', ')}`);

  // The wire says null for "no value"; the domain schemas say absent (optional) for most fields
  // and null only where null is a value of its own (wlzIndicatie, akkoord). Translate per field.
  const invoer: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (v === null && !(shape[k] as z.ZodType).safeParse(null).success) continue;
    invoer[k] = v;
  }
  const parsed = schema.safeParse(invoer);
  if (!parsed.success) {
    return cut(
      parsed.error.issues
        .map((i) => `${i.path.map(String).join('.') || type}: ${i.message}`)
        .join('; '),
    );
  }
  if (MET_CLIENT_VELD.includes(type) && fields['clientId'] !== clientId) {
    return 'clientId: must be the client this record belongs to';
  }
  return null;
}

/**
 * A conflict record is made by the server; a device may only mark it resolved (or delete it).
 * @returns null when allowed, else the reason.
 */
export function validateConflictResolution(
  fields: Readonly<Record<string, unknown>>,
): string | null {
  const andere = Object.keys(fields).filter((k) => k !== 'resolved');
  if (andere.length > 0) return cut(`only "resolved" may change, not: ${andere.join(', ')}`);
  if ('resolved' in fields && typeof fields['resolved'] !== 'boolean') {
    return 'resolved: must be true or false';
  }
  return null;
}

/** Why jsonb would refuse these fields, or null. */
function storable(value: unknown, path = ''): string | null {
  if (typeof value === 'string')
    return badString(value) ? `${path || 'value'}: invalid text` : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const r = storable(value[i], `${path}[${i}]`);
      if (r) return r;
    }
    return null;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      const p = path ? `${path}.${k}` : k;
      if (badString(k)) return `${path || 'fields'}: invalid field name`;
      const r = storable(v, p);
      if (r) return r;
    }
    return null;
  }
  return null;
}

/** NUL or an unpaired surrogate: valid in a JS string, refused by PostgreSQL text and jsonb. */
export const badString = (s: string): boolean =>
  // eslint-disable-next-line no-control-regex
  /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);

const cut = (s: string): string => (s.length > DETAIL_MAX ? `${s.slice(0, DETAIL_MAX - 1)}…` : s);
