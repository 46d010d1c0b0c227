/**
 * The way back: the Patient, her Coverage and RelatedPersons of a Bundle become the input of a new
 * client and her naasten, checked by the same schemas as the client form. What cannot be read
 * (a missing BSN, an unknown gemeente) is left for the client form to ask, never guessed.
 */
import { z } from 'zod';
import { clientInvoerSchema, type ClientGegevens } from '../model/client.ts';
import { naasteVeldenSchema } from '../plan/model.ts';
import { SYSTEMEN } from './types.ts';

const coding = z.object({ system: z.string().optional(), code: z.string().optional() });
const patientSchema = z.object({
  resourceType: z.literal('Patient'),
  id: z.string(),
  extension: z
    .array(z.object({ url: z.string(), valueBoolean: z.boolean().optional() }))
    .optional(),
  identifier: z.array(z.object({ system: z.string(), value: z.string() })).optional(),
  name: z.array(z.object({ family: z.string(), given: z.array(z.string()).optional() })).min(1),
  birthDate: z.string(),
  address: z
    .array(
      z.object({
        line: z.array(z.string()).optional(),
        postalCode: z.string().optional(),
        extension: z
          .array(z.object({ url: z.string(), valueCoding: coding.optional() }))
          .optional(),
      }),
    )
    .optional(),
  generalPractitioner: z.array(z.object({ display: z.string().optional() })).optional(),
});
const relatedSchema = z.object({
  resourceType: z.literal('RelatedPerson'),
  name: z.array(z.object({ text: z.string() })).min(1),
  relationship: z.array(z.object({ text: z.string() })).min(1),
  telecom: z.array(z.object({ value: z.string() })).optional(),
  extension: z
    .array(
      z.object({
        url: z.string(),
        valueString: z.string().optional(),
        valueCode: z.string().optional(),
      }),
    )
    .optional(),
});
const coverageSchema = z.object({
  resourceType: z.literal('Coverage'),
  payor: z.array(z.object({ reference: z.string().optional() })),
});
const organisationSchema = z.object({
  resourceType: z.literal('Organization'),
  identifier: z.array(z.object({ system: z.string(), value: z.string() })).optional(),
});

export interface FhirImport {
  readonly client: ClientGegevens;
  readonly naasten: readonly z.output<
    ReturnType<typeof naasteVeldenSchema.omit<{ clientId: true }>>
  >[];
}

export type FhirImportUitkomst = { ok: true; import: FhirImport } | { ok: false; fout: string };

/** Reads a Bundle (parsed JSON) back into a new client's input. Never throws. */
export function clientUitFhir(bundle: unknown): FhirImportUitkomst {
  const entries = z
    .object({
      resourceType: z.literal('Bundle'),
      entry: z.array(z.object({ fullUrl: z.string().optional(), resource: z.unknown() })),
    })
    .safeParse(bundle);
  if (!entries.success) return { ok: false, fout: 'Dit is geen FHIR-Bundle.' };
  const resources = entries.data.entry.map((e) => ({ url: e.fullUrl, r: e.resource }));
  const p = resources.map((e) => patientSchema.safeParse(e.r)).find((x) => x.success)?.data;
  if (!p) return { ok: false, fout: 'De Bundle bevat geen Patient met naam en geboortedatum.' };

  const adres = p.address?.[0];
  const gemeente = adres?.extension?.find((e) => e.url === SYSTEMEN.extGemeente)?.valueCoding?.code;
  const payorRef = resources.map((e) => coverageSchema.safeParse(e.r)).find((x) => x.success)?.data
    .payor[0]?.reference;
  const payor = resources.find((e) => e.url === payorRef);
  const uzovi = payor
    ? organisationSchema
        .safeParse(payor.r)
        .data?.identifier?.find((i) => i.system === SYSTEMEN.uzovi)?.value
    : undefined;

  const client = clientInvoerSchema.safeParse({
    voornaam: p.name[0]?.given?.join(' ') ?? '',
    achternaam: p.name[0]?.family ?? '',
    geboortedatum: p.birthDate,
    bsn: p.identifier?.find((i) => i.system === SYSTEMEN.bsn)?.value,
    postcode: adres?.postalCode ?? '',
    huisnummer: adres?.line?.[0] ?? '',
    gemeente,
    zorgverzekeraar: uzovi,
    wlzIndicatie: null,
    intensieveKindzorg: p.extension?.find((e) => e.url === SYSTEMEN.extIntensieveKindzorg)
      ?.valueBoolean,
    huisarts: p.generalPractitioner?.[0]?.display,
  });
  if (!client.success) {
    const eerste = client.error.issues[0];
    return {
      ok: false,
      fout: `Patient: ${eerste?.path.join('.') ?? ''} — ${eerste?.message ?? ''}`,
    };
  }

  const naasteSchema = naasteVeldenSchema.omit({ clientId: true });
  const naasten = [];
  for (const e of resources) {
    const rp = relatedSchema.safeParse(e.r);
    if (!rp.success) continue;
    const ext = (url: string) => rp.data.extension?.find((x) => x.url === url);
    const n = naasteSchema.safeParse({
      naam: rp.data.name[0]?.text,
      relatie: rp.data.relationship[0]?.text,
      contact: rp.data.telecom?.[0]?.value,
      watDoetHij: ext(SYSTEMEN.extHulp)?.valueString,
      hoeVaak: ext(SYSTEMEN.extHoeVaak)?.valueString,
      belasting: ext(SYSTEMEN.extBelasting)?.valueCode,
    });
    if (!n.success)
      return { ok: false, fout: `RelatedPerson: ${n.error.issues[0]?.message ?? ''}` };
    naasten.push(n.data);
  }
  return { ok: true, import: { client: client.data, naasten } };
}
