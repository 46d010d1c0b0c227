/**
 * `npm run fhir -- --demo` prints one FHIR R4 Bundle per demo client as NDJSON (one JSON per
 * line); `npm run fhir -- <export.json>` converts a device export file (`{ "records": [...] }`,
 * each record `{ id, type, clientId, fields, deleted? }` as the sync wire carries it) the same way.
 * Exit code 2 when the input cannot be used. Format: docs/fhir.md.
 *
 * The edge: it reads the file and the clock here, so the domain stays pure.
 */
import { readFileSync } from 'node:fs';
import { maakDemoData } from '../domain/demo/records.ts';
import {
  exportBestandSchema,
  exportsUitRecords,
  planNaarFhir,
  type ExportRecord,
} from '../domain/fhir/index.ts';

export function naarNdjson(records: readonly ExportRecord[], moment: string): string {
  const uitkomst = exportsUitRecords(records, moment);
  if (!uitkomst.ok) throw new Error(uitkomst.fout);
  return uitkomst.exports.map((e) => `${JSON.stringify(planNaarFhir(e, moment))}\n`).join('');
}

function main(argv: readonly string[]): number {
  const moment = new Date().toISOString();
  const arg = argv[0];
  if (!arg || argv.length > 1) {
    process.stderr.write('Gebruik: npm run fhir -- --demo   of   npm run fhir -- <export.json>\n');
    return 2;
  }
  let records: readonly ExportRecord[];
  if (arg === '--demo') {
    records = maakDemoData({ now: new Date(moment), updatedBy: 'demo' }).records;
  } else {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(arg, 'utf8'));
    } catch (e) {
      process.stderr.write(`Kan ${arg} niet lezen als JSON: ${(e as Error).message}\n`);
      return 2;
    }
    const bestand = exportBestandSchema.safeParse(json);
    if (!bestand.success) {
      const i = bestand.error.issues[0];
      process.stderr.write(
        `${arg}: verwacht { "records": [ { id, type, clientId, fields } ] } — ${i?.path.join('.') ?? ''}: ${i?.message ?? ''}\n`,
      );
      return 2;
    }
    records = bestand.data.records;
  }
  try {
    process.stdout.write(naarNdjson(records, moment));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    return 2;
  }
  return 0;
}

// Run only when executed, not when imported by a test.
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  process.exitCode = main(process.argv.slice(2));
}
