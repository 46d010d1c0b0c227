/**
 * From stored records (as the server keeps them, or as a device export file holds them: `id`,
 * `type`, `clientId`, `fields`) to one `PlanExport` per client. Every record is parsed with its
 * domain schema first, so a file from elsewhere cannot smuggle a shape the export does not know.
 */
import { z } from 'zod';
import { clientSchema } from '../model/client.ts';
import { parseMetHerstel } from '../model/herstel.ts';
import { zorgverzekeraarNaamInvoerSchema } from '../model/zorgverzekeraar.ts';
import { doelSchema, naasteSchema, planItemSchema, planSchema } from '../plan/model.ts';
import type { PlanExport } from './bundle.ts';

export const exportRecordSchema = z.object({
  id: z.string(),
  type: z.string(),
  clientId: z.string().nullable().optional(),
  fields: z.record(z.string(), z.unknown()),
  deleted: z.boolean().optional(),
  updatedAt: z.string().optional(),
  updatedBy: z.string().optional(),
});
export type ExportRecord = z.infer<typeof exportRecordSchema>;

/** A device export file: the records of one or more clients. */
export const exportBestandSchema = z.object({ records: z.array(exportRecordSchema) });

export type ExportsUitkomst = { ok: true; exports: PlanExport[] } | { ok: false; fout: string };

export function exportsUitRecords(
  records: readonly ExportRecord[],
  moment: string,
): ExportsUitkomst {
  const perClient = new Map<string, ExportRecord[]>();
  for (const r of records) {
    const clientId = r.type === 'client' ? r.id : r.clientId;
    if (!clientId) continue;
    perClient.set(clientId, [...(perClient.get(clientId) ?? []), r]);
  }
  // Names given to unlisted UZOVI codes travel in the file as `zorgverzekeraar` records.
  const zorgverzekeraarNamen = new Map<string, string>();
  for (const r of records) {
    if (r.type !== 'zorgverzekeraar' || r.deleted) continue;
    const z = zorgverzekeraarNaamInvoerSchema.safeParse(r.fields);
    if (z.success) zorgverzekeraarNamen.set(z.data.uzovi, z.data.naam);
  }
  const exports: PlanExport[] = [];
  for (const [clientId, eigen] of perClient) {
    const als = <T>(schema: z.ZodType<T>, r: ExportRecord): T => {
      const parsed = parseMetHerstel(schema, {
        updatedAt: moment,
        updatedBy: 'export',
        ...r.fields,
        id: r.id,
        type: r.type,
        deleted: r.deleted ?? false,
      });
      if (!parsed.success) {
        const i = parsed.error.issues[0];
        throw new Error(
          `record ${r.id} (${r.type}): ${i?.path.join('.') ?? ''} ${i?.message ?? ''}`,
        );
      }
      return parsed.data;
    };
    try {
      const levend = eigen.filter((r) => !r.deleted);
      const clientRecord = levend.find((r) => r.type === 'client');
      if (!clientRecord) continue;
      const planRecord = levend.find((r) => r.type === 'plan');
      exports.push({
        client: als(clientSchema, clientRecord),
        naasten: levend.filter((r) => r.type === 'naaste').map((r) => als(naasteSchema, r)),
        plan: planRecord ? als(planSchema, planRecord) : null,
        doelen: levend.filter((r) => r.type === 'doel').map((r) => als(doelSchema, r)),
        items: levend.filter((r) => r.type === 'planItem').map((r) => als(planItemSchema, r)),
        zorgverzekeraarNamen,
      });
    } catch (e) {
      return { ok: false, fout: `Cliënt ${clientId}: ${(e as Error).message}` };
    }
  }
  return { ok: true, exports };
}
