/**
 * Reading stored records back through the domain schemas (docs/style.md 12: repair or reject at the
 * edge). A row that fails its schema is hidden and logged by id only, never deleted: a newer app
 * version or a repair can still read it.
 */
import type { z } from 'zod';

export type Schema<R> = {
  parse(data: unknown): R;
  safeParse(data: unknown): z.ZodSafeParseResult<R>;
};

export function lees<R>(schema: Schema<R>, rij: unknown): R | undefined {
  const result = schema.safeParse(rij);
  if (result.success) return result.data;
  const id = (rij as { id?: unknown }).id;
  console.warn(
    `Record ${String(id)} voldoet niet aan het schema en wordt niet getoond.`,
    result.error,
  );
  return undefined;
}

export function levend<R>(schema: Schema<R>, rijen: readonly { deleted?: boolean }[]): R[] {
  return rijen
    .filter((r) => !r.deleted)
    .map((r) => lees(schema, r))
    .filter((r): r is R => r !== undefined);
}
