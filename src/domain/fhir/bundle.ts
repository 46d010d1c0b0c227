/**
 * A client's ondersteuningsplan as a FHIR R4 Bundle (issue 16), built on the device, offline, from
 * the records the device already holds. Pure: the caller passes the moment of export.
 *
 * Which zibs were followed, and where Arrangeur differs, is in docs/fhir.md. In short: Patient
 * (zib Patient, BSN as identifier), Coverage (zib Payer: the zorgverzekeraar by UZOVI), CarePlan
 * (the plan; its activities are the plan items, zib NursingIntervention for professional care and
 * HelpFromOthers for the network), Goal (zib Goal/Treatment objective, with the levensdomein),
 * RelatedPerson (zib ContactPerson/HelpFromOthers: the naasten) and Organization for financiers and
 * aanbieders. Every resource has a `urn:uuid:` full URL made from the record id, so a Bundle made
 * twice from the same records is the same Bundle (apart from its timestamp).
 */
import { findInzetType } from '../catalog/index.ts';
import type { Client } from '../model/client.ts';
import type { Doel, Naaste, Plan, PlanItem, PlanStatus } from '../plan/model.ts';
import { LEVENSDOMEIN_LABEL } from '../plan/model.ts';
import { geldendeFinancier, type FinancierRef } from './financier.ts';
import { SYSTEMEN, type FhirResource, type Reference } from './types.ts';

/** Everything of one client that goes into the export (a device export file holds the same). */
export interface PlanExport {
  readonly client: Client;
  readonly naasten: readonly Naaste[];
  readonly plan: Plan | null;
  readonly doelen: readonly Doel[];
  readonly items: readonly PlanItem[];
  /** UZOVI code → the name given to a zorgverzekeraar the shipped list lacks (issue 16.4). */
  readonly zorgverzekeraarNamen?: ReadonlyMap<string, string> | undefined;
}

export interface FhirBundle {
  readonly resourceType: 'Bundle';
  readonly id: string;
  readonly type: 'collection';
  readonly timestamp: string;
  readonly entry: readonly { readonly fullUrl: string; readonly resource: FhirResource }[];
}

const urn = (id: string) => `urn:uuid:${id}`;
const ref = (id: string, display?: string): Reference =>
  display ? { reference: urn(id), display } : { reference: urn(id) };

/** Plan status → CarePlan.status (required binding request-status). */
const CAREPLAN_STATUS: Record<PlanStatus, 'draft' | 'active' | 'completed'> = {
  concept: 'draft',
  'ter-review': 'draft',
  vastgesteld: 'active',
  geevalueerd: 'completed',
};
/** Plan status → activity.detail.status (required binding care-plan-activity-status). */
const ACTIVITEIT_STATUS: Record<PlanStatus, 'not-started' | 'scheduled' | 'completed'> = {
  concept: 'not-started',
  'ter-review': 'not-started',
  vastgesteld: 'scheduled',
  geevalueerd: 'completed',
};

/** A stable id for a resource that has no record of its own (an organisation, the coverage). */
function afgeleidId(plan: string, sleutel: string): string {
  // FNV-1a over the key, spread into the 32 hex digits of a UUID (version 5-like layout); pure
  // and stable, not cryptographic: it only has to be the same every time for the same key.
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  const s = `${plan}|${sleutel}`;
  for (let i = 0; i < s.length; i++) {
    h1 = Math.imul(h1 ^ s.charCodeAt(i), 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ s.charCodeAt(i), 0x811c9dc5) >>> 0;
  }
  const hex = (n: number) => n.toString(16).padStart(8, '0');
  const x = hex(h1) + hex(h2) + hex(h1 ^ 0x5bd1e995) + hex(h2 ^ 0x1b873593);
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-5${x.slice(13, 16)}-a${x.slice(17, 20)}-${x.slice(20, 32)}`;
}

function patient(c: Client): FhirResource {
  return {
    resourceType: 'Patient',
    id: c.id,
    // Routing fact for a child (Bzv art. 2.10 lid 2): intensieve kindzorg, when it was asked.
    ...(c.intensieveKindzorg !== undefined && c.intensieveKindzorg !== null
      ? { extension: [{ url: SYSTEMEN.extIntensieveKindzorg, valueBoolean: c.intensieveKindzorg }] }
      : {}),
    ...(c.bsn ? { identifier: [{ system: SYSTEMEN.bsn, value: c.bsn }] } : {}),
    name: [{ family: c.achternaam, given: [c.voornaam] }],
    birthDate: c.geboortedatum,
    address: [
      {
        use: 'home',
        line: [c.huisnummer],
        postalCode: c.postcode,
        country: 'NL',
        extension: [
          {
            url: SYSTEMEN.extGemeente,
            valueCoding: { system: SYSTEMEN.cbsGemeente, code: c.gemeente },
          },
        ],
      },
    ],
    ...(c.huisarts ? { generalPractitioner: [{ display: c.huisarts }] } : {}),
  };
}

function telecom(contact: string | undefined) {
  if (!contact) return undefined;
  const waarde = contact.trim();
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(waarde)) return [{ system: 'email', value: waarde }];
  if (/^[+\d][\d\s-]{5,}$/.test(waarde)) return [{ system: 'phone', value: waarde }];
  return [{ system: 'other', value: waarde }];
}

function relatedPerson(n: Naaste, clientId: string): FhirResource {
  const t = telecom(n.contact);
  return {
    resourceType: 'RelatedPerson',
    id: n.id,
    patient: ref(clientId),
    relationship: [{ text: n.relatie }],
    name: [{ text: n.naam }],
    ...(t ? { telecom: t } : {}),
    ...(n.watDoetHij || n.hoeVaak || n.belasting
      ? {
          extension: [
            ...(n.watDoetHij ? [{ url: SYSTEMEN.extHulp, valueString: n.watDoetHij }] : []),
            ...(n.hoeVaak ? [{ url: SYSTEMEN.extHoeVaak, valueString: n.hoeVaak }] : []),
            ...(n.belasting ? [{ url: SYSTEMEN.extBelasting, valueCode: n.belasting }] : []),
          ],
        }
      : {}),
  };
}

function goal(d: Doel, clientId: string): FhirResource {
  return {
    resourceType: 'Goal',
    id: d.id,
    lifecycleStatus: 'active',
    category: [
      {
        coding: [
          {
            system: SYSTEMEN.levensdomein,
            code: d.levensdomein,
            display: LEVENSDOMEIN_LABEL[d.levensdomein],
          },
        ],
      },
    ],
    description: { text: d.omschrijving },
    subject: ref(clientId),
  };
}

/** An aanbieder by name, with its AGB-Z code where the arrangeur entered one. */
type Aanbieder = { naam: string; agb?: string | undefined };

function organisatie(id: string, f: FinancierRef | Aanbieder): FhirResource {
  const identifier =
    'systeem' in f
      ? [{ system: f.systeem, value: f.code }]
      : f.agb
        ? [{ system: SYSTEMEN.agb, value: f.agb }]
        : undefined;
  return {
    resourceType: 'Organization',
    id,
    ...(identifier ? { identifier } : {}),
    name: f.naam,
  };
}

/**
 * The FHIR R4 Bundle of one client's plan. `moment` is the export's timestamp (ISO), passed in so
 * the function stays pure.
 */
export function planNaarFhir(exp: PlanExport, moment: string): FhirBundle {
  const { client, plan } = exp;
  const entries: { fullUrl: string; resource: FhirResource }[] = [];
  const add = (r: FhirResource) => entries.push({ fullUrl: urn(r.id), resource: r });
  const sleutel = plan?.id ?? client.id;
  const organisaties = new Map<string, string>();
  const organisatieRef = (f: FinancierRef | Aanbieder): Reference => {
    const k =
      'systeem' in f
        ? `${f.systeem}|${f.code}`
        : f.agb
          ? `${SYSTEMEN.agb}|${f.agb}`
          : `aanbieder|${f.naam}`;
    let id = organisaties.get(k);
    if (!id) {
      id = afgeleidId(sleutel, k);
      organisaties.set(k, id);
      add(organisatie(id, f));
    }
    return ref(id, f.naam);
  };

  add(patient(client));
  const naasten = exp.naasten.filter((n) => !n.deleted);
  for (const n of naasten) add(relatedPerson(n, client.id));
  if (client.zorgverzekeraar) {
    const verzekeraar = geldendeFinancier('Zvw', client, exp.zorgverzekeraarNamen);
    if (verzekeraar) {
      add({
        resourceType: 'Coverage',
        id: afgeleidId(sleutel, 'coverage'),
        status: 'active',
        beneficiary: ref(client.id),
        payor: [organisatieRef(verzekeraar)],
      });
    }
  }
  if (!plan) return bundle(sleutel, moment, entries);

  const doelen = exp.doelen.filter((d) => !d.deleted && d.planId === plan.id);
  for (const d of doelen) add(goal(d, client.id));
  const naasteIds = new Set(naasten.map((n) => n.id));
  const doelIds = new Set(doelen.map((d) => d.id));
  const items = exp.items.filter((i) => !i.deleted && i.planId === plan.id);

  const activiteiten = items.map((item) => {
    const type = item.inzet ? findInzetType(item.inzet.code) : undefined;
    const performer: Reference[] = [];
    if (item.naasteId && naasteIds.has(item.naasteId)) performer.push(ref(item.naasteId));
    else if (item.stap === 'eigen-kracht') performer.push(ref(client.id));
    if (item.aanbieder) {
      performer.push(organisatieRef({ naam: item.aanbieder, agb: item.aanbiederAgb }));
    } else if (item.voorzieningNaam) performer.push(organisatieRef({ naam: item.voorzieningNaam }));

    const financiering = financieringExtensie(
      item,
      client,
      organisatieRef,
      exp.zorgverzekeraarNamen,
    );
    const detail = {
      ...(financiering ? { extension: [financiering] } : {}),
      ...(item.stap === 'professioneel'
        ? { kind: 'ServiceRequest' }
        : item.stap === 'hulpmiddel'
          ? { kind: 'DeviceRequest' }
          : {}),
      code: type
        ? {
            coding: [{ system: SYSTEMEN.inzet, code: type.code, display: type.label }],
            text: type.label,
          }
        : { coding: [{ system: SYSTEMEN.ladderstap, code: item.stap }], text: item.omschrijving },
      ...(item.doelId && doelIds.has(item.doelId) ? { goal: [ref(item.doelId)] } : {}),
      status: ACTIVITEIT_STATUS[plan.status],
      ...(item.inzet?.periode
        ? {
            scheduledPeriod: {
              start: item.inzet.periode.van,
              ...(item.inzet.periode.tot ? { end: item.inzet.periode.tot } : {}),
            },
          }
        : {}),
      ...(performer.length ? { performer } : {}),
      ...(item.inzet?.omvang
        ? { quantity: { value: item.inzet.omvang.aantal, unit: item.inzet.omvang.eenheid } }
        : {}),
      description: item.omschrijving,
    };
    return { detail };
  });

  const planExtensies = [
    ...(plan.evaluatiedatum
      ? [{ url: SYSTEMEN.extEvaluatie, valueDate: plan.evaluatiedatum }]
      : []),
    ...(plan.ladderToelichting
      ? [{ url: SYSTEMEN.extLadderToelichting, valueString: plan.ladderToelichting }]
      : []),
  ];
  add({
    resourceType: 'CarePlan',
    id: plan.id,
    ...(planExtensies.length ? { extension: planExtensies } : {}),
    status: CAREPLAN_STATUS[plan.status],
    intent: 'plan',
    title: `Ondersteuningsplan, versie ${plan.versie}`,
    ...(plan.hulpvraag ? { description: plan.hulpvraag } : {}),
    subject: ref(client.id),
    ...(plan.vastgesteldOp ? { period: { start: plan.vastgesteldOp } } : {}),
    ...(doelen.length ? { goal: doelen.map((d) => ref(d.id)) } : {}),
    ...(activiteiten.length ? { activity: activiteiten } : {}),
  });
  return bundle(sleutel, moment, entries);
}

/** Routed and chosen domain and financier of an item, as one complex extension. */
function financieringExtensie(
  item: PlanItem,
  client: Client,
  organisatieRef: (f: FinancierRef) => Reference,
  zorgverzekeraarNamen: PlanExport['zorgverzekeraarNamen'],
) {
  const r = item.routering;
  if (!r) return undefined;
  const delen: Record<string, unknown>[] = [{ url: 'gerouteerdDomein', valueCode: r.domein }];
  const gerouteerd = geldendeFinancier(r.domein, client, zorgverzekeraarNamen);
  if (gerouteerd)
    delen.push({ url: 'gerouteerdeFinancier', valueReference: organisatieRef(gerouteerd) });
  delen.push({ url: 'grondslag', valueString: r.grondslag });
  delen.push({ url: 'regelversie', valueString: r.regelversie });
  if (item.override) {
    delen.push({ url: 'gekozenDomein', valueCode: item.override.domein });
    const gekozen = geldendeFinancier(item.override.domein, client, zorgverzekeraarNamen);
    if (gekozen) delen.push({ url: 'gekozenFinancier', valueReference: organisatieRef(gekozen) });
    delen.push({ url: 'reden', valueString: item.override.reden });
  }
  return { url: SYSTEMEN.extFinanciering, extension: delen };
}

function bundle(
  sleutel: string,
  moment: string,
  entry: { fullUrl: string; resource: FhirResource }[],
): FhirBundle {
  return {
    resourceType: 'Bundle',
    id: afgeleidId(sleutel, 'bundle'),
    type: 'collection',
    timestamp: moment,
    entry,
  };
}
