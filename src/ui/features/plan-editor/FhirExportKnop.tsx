/**
 * "Exporteren (FHIR)": the plan as a FHIR R4 Bundle (src/domain/fhir), built on the device from what
 * it holds — works offline — and downloaded as a JSON file for the organisation's ECD. The file
 * name carries no name or BSN (a download list is not private), only the date.
 */
import { nu, vandaag } from '../../lib/klok.ts';
import type { Client } from '../../../domain/model/client.ts';
import { planNaarFhir } from '../../../domain/fhir/index.ts';
import type { Doel, Naaste, Plan, PlanItem } from '../../../domain/plan/model.ts';
import { useZorgverzekeraarNamen } from '../../hooks/useDb.tsx';
import { nl } from '../../i18n/nl.ts';

interface Props {
  readonly client: Client;
  readonly plan: Plan;
  readonly naasten: readonly Naaste[];
  readonly doelen: readonly Doel[];
  readonly items: readonly PlanItem[];
}

export function FhirExportKnop(props: Props) {
  const zorgverzekeraarNamen = useZorgverzekeraarNamen();
  const exporteer = () => {
    const moment = nu();
    const bundle = planNaarFhir({ ...props, zorgverzekeraarNamen }, moment.toISOString());
    const blob = new Blob([JSON.stringify(bundle, null, 2)], { type: 'application/fhir+json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `ondersteuningsplan-${vandaag(moment)}.fhir.json`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };
  return (
    <button type="button" className="knop" onClick={exporteer}>
      {nl.plan.fhirExport}
    </button>
  );
}
