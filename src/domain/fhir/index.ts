export { planNaarFhir, type FhirBundle, type PlanExport } from './bundle.ts';
export { clientUitFhir, type FhirImport, type FhirImportUitkomst } from './import.ts';
export { exportBestandSchema, exportsUitRecords, type ExportRecord } from './records.ts';
export { SYSTEMEN } from './types.ts';
