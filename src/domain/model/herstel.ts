import type { z } from 'zod';

/**
 * Parses a candidate row with its domain schema, repairing one known difference between the wire
 * and the device (docs/style.md 12): the wire says "no value" with `null`, while most optional fields on
 * the device are absent instead. A field that fails only because it is `null` is dropped and the
 * parse repeated; fields whose schema accepts `null` (wlzIndicatie, akkoord) keep it.
 */
export function parseMetHerstel<T>(
  schema: { safeParse(data: unknown): z.ZodSafeParseResult<T> },
  kandidaat: Record<string, unknown>,
): z.ZodSafeParseResult<T> {
  const rij = { ...kandidaat };
  let result = schema.safeParse(rij);
  for (let poging = 0; poging < 5 && !result.success; poging += 1) {
    const nulls = result.error.issues
      .map((i) => i.path[0])
      .filter((k): k is string => typeof k === 'string' && rij[k] === null);
    if (nulls.length === 0) break;
    for (const k of nulls) delete rij[k];
    result = schema.safeParse(rij);
  }
  return result;
}
