/**
 * Validation of a record after the merge (docs/architecture.md, Sync guarantee 5: the server is the
 * authority on validation). Pure: zod and the domain schemas only, so the device could run the
 * very same check before it queues a change.
 *
 * Why after the merge and not on the mutation: a mutation carries only the fields it changed;
 * whether the record is valid depends on the fields it did not carry too.
 *
 * What is checked, per record type (the fields schema of each is in record-typen.ts):
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
import type { z } from 'zod';
import { heeftOngeldigeTekens } from '../../domain/model/tekst.ts';
import { foutTekst, veldFouten } from '../../domain/model/fouten.ts';
import type { RecordType } from '../../domain/model/record.ts';
import { RECORD_TYPE_INFO, typenMetKoppeling } from './record-typen.ts';

/** Types that carry their client as a field, which must be the client they belong to. */
const MET_CLIENT_VELD: readonly RecordType[] = typenMetKoppeling('veld');

/** Types whose record belongs to no client (a sociale-kaart entry added on a device). */
export const CLIENTLOZE_TYPES: readonly RecordType[] = typenMetKoppeling('geen');

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
  const schema = RECORD_TYPE_INFO[type].velden;
  if (schema === null) return null; // a conflict: validateConflictResolution
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
    // Field and what is accepted (domain/model/fouten.ts); not the value: this detail is kept
    // in the server's mutation ledger, and the value may be client data.
    return cut(
      veldFouten(null, parsed.error.issues)
        .map((f) => foutTekst({ ...f, veld: f.veld || type }))
        .join('; '),
    );
  }
  const genest = onbekendeSleutel(invoer, parsed.data, '');
  if (genest) return cut(`unknown field: ${genest}`);
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

/**
 * The first key, at any depth, that the schema dropped while parsing (zod objects strip keys they
 * do not know): such a key would be stored and synced unchecked. Empty values ('' or null) that
 * an optional field turns into "absent" do not count. Top-level keys are checked before parsing.
 */
function onbekendeSleutel(invoer: unknown, uit: unknown, pad: string): string | null {
  if (Array.isArray(invoer) && Array.isArray(uit)) {
    for (let i = 0; i < invoer.length; i++) {
      const r = onbekendeSleutel(invoer[i], uit[i], `${pad}[${i}]`);
      if (r) return r;
    }
    return null;
  }
  if (!isPlainObject(invoer) || !isPlainObject(uit)) return null;
  for (const [k, v] of Object.entries(invoer)) {
    const p = pad ? `${pad}.${k}` : k;
    if (!Object.hasOwn(uit, k)) {
      if (pad && v !== '' && v !== null && v !== undefined) return p;
      continue;
    }
    const r = onbekendeSleutel(v, uit[k], p);
    if (r) return r;
  }
  return null;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

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
export const badString = heeftOngeldigeTekens;

const cut = (s: string): string => (s.length > DETAIL_MAX ? `${s.slice(0, DETAIL_MAX - 1)}…` : s);
