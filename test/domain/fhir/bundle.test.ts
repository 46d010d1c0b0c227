/**
 * The FHIR export, validated with a maintained validator (the `fhir` package: FHIR.js, which checks
 * a resource against the R4 structure definitions and value sets it ships), for every demo client.
 */
import fhirPkg from 'fhir';
import { describe, expect, it } from 'vitest';
import { maakDemoData } from '../../../src/domain/demo/records.ts';
import {
  clientUitFhir,
  exportsUitRecords,
  planNaarFhir,
  SYSTEMEN,
  type FhirBundle,
  type PlanExport,
} from '../../../src/domain/fhir/index.ts';

const { Fhir } = fhirPkg;
const validator = new Fhir();
const MOMENT = '2026-12-03T10:00:00.000Z';
const demo = maakDemoData({ now: new Date(MOMENT), updatedBy: 'demo-arrangeur' });
const uitkomst = exportsUitRecords(demo.records, MOMENT);
if (!uitkomst.ok) throw new Error(uitkomst.fout);
const exports = uitkomst.exports;
const bundles = exports.map((e) => planNaarFhir(e, MOMENT));

function problemen(resource: object) {
  const r = validator.validate(resource) as {
    valid: boolean;
    messages: { location: string; severity: string; message: string }[];
  };
  // Warnings count too (an "Unexpected property" is a field FHIR R4 does not have), except one
  // kind: a code of Arrangeur's own code systems in an element whose binding is only an *example*
  // (CarePlan.activity.detail.code, Goal.category). FHIR allows any code there; the validator
  // warns that the example value set does not list it.
  return r.messages.filter(
    (m) =>
      m.severity === 'error' ||
      (m.severity === 'warning' &&
        !(
          /not found in value set/.test(m.message) &&
          m.message.includes('(https://arrangeur.nl/fhir/CodeSystem/') &&
          /^(CarePlan\.activity\[\d+\]\.detail\.code|Goal\.category\[\d+\])$/.test(m.location)
        )),
  );
}

const resources = (b: FhirBundle, type: string) =>
  b.entry.map((e) => e.resource).filter((r) => r.resourceType === type);

describe('FHIR R4 export of the ondersteuningsplan', () => {
  it('makes one Bundle per demo client', () => {
    expect(exports.length).toBe(demo.clientIds.length);
  });

  it('every resource of every demo Bundle is valid FHIR R4 (0 errors, 0 warnings)', () => {
    const fouten = bundles.flatMap((b) =>
      b.entry.flatMap((e) =>
        problemen(e.resource).map((m) => `${e.resource.resourceType}: ${m.location} ${m.message}`),
      ),
    );
    expect(fouten).toEqual([]);
    // The Bundle itself too, with its entries inline.
    expect(bundles.flatMap((b) => problemen(b).map((m) => `${m.location} ${m.message}`))).toEqual(
      [],
    );
  });

  it('the validator does refuse a broken resource (the check can fail)', () => {
    const kapot = { ...bundles[0]!.entry[0]!.resource, gender: 'vrouw', foo: 1 };
    expect(problemen(kapot).length).toBeGreaterThan(0);
  });

  it('Patient carries the BSN under the national NamingSystem; CarePlan, Goals, RelatedPersons are there', () => {
    const metPlan = exports.findIndex((e) => e.plan && e.doelen.length > 0 && e.naasten.length > 0);
    const b = bundles[metPlan]!;
    const e = exports[metPlan]!;
    const patient = resources(b, 'Patient')[0] as {
      identifier?: { system: string; value: string }[];
    };
    if (e.client.bsn)
      expect(patient.identifier).toEqual([{ system: SYSTEMEN.bsn, value: e.client.bsn }]);
    expect(resources(b, 'CarePlan')).toHaveLength(1);
    expect(resources(b, 'Goal')).toHaveLength(e.doelen.filter((d) => !d.deleted).length);
    expect(resources(b, 'RelatedPerson')).toHaveLength(e.naasten.filter((n) => !n.deleted).length);
    const careplan = resources(b, 'CarePlan')[0] as { activity?: unknown[] };
    expect(careplan.activity).toHaveLength(
      e.items.filter((i) => !i.deleted && i.planId === e.plan!.id).length,
    );
  });

  it('an override shows the routed and the chosen domain with their financiers by code', () => {
    const i = exports.findIndex((e) => e.items.some((it) => it.override));
    expect(i).toBeGreaterThanOrEqual(0);
    const json = JSON.stringify(bundles[i]);
    expect(json).toContain('"gerouteerdDomein"');
    expect(json).toContain('"gekozenDomein"');
    expect(json).toContain('"gekozenFinancier"');
    const orgs = resources(bundles[i]!, 'Organization') as { identifier?: { system: string }[] }[];
    const systemen = new Set(orgs.flatMap((o) => o.identifier?.map((x) => x.system) ?? []));
    expect(systemen.size).toBeGreaterThanOrEqual(2);
  });

  it('the zorgverzekeraar is a Coverage payor with its UZOVI code', () => {
    const i = exports.findIndex((e) => e.client.zorgverzekeraar);
    const b = bundles[i]!;
    const coverage = resources(b, 'Coverage')[0] as unknown as { payor: { reference: string }[] };
    const payor = b.entry.find((e) => e.fullUrl === coverage.payor[0]!.reference)!
      .resource as unknown as {
      identifier: { system: string; value: string }[];
    };
    expect(payor.identifier[0]).toEqual({
      system: SYSTEMEN.uzovi,
      value: exports[i]!.client.zorgverzekeraar,
    });
  });

  it('an insurer the shipped list lacks: its code, and the name the organisation gave it', () => {
    const i = exports.findIndex((e) => e.client.zorgverzekeraar);
    const onbekend = { ...exports[i]!, client: { ...exports[i]!.client, zorgverzekeraar: '9999' } };
    const payorNaam = (e: PlanExport) => {
      const b = planNaarFhir(e, MOMENT);
      expect(problemen(b)).toEqual([]);
      const coverage = resources(b, 'Coverage')[0] as unknown as {
        payor: { reference: string }[];
      };
      const payor = b.entry.find((x) => x.fullUrl === coverage.payor[0]!.reference)!
        .resource as unknown as { name: string; identifier: { value: string }[] };
      expect(payor.identifier[0]!.value).toBe('9999');
      return payor.name;
    };
    expect(payorNaam(onbekend)).toBe('Zorgverzekeraar (UZOVI 9999)');
    const namen = new Map([['9999', 'Het Oosten']]);
    expect(payorNaam({ ...onbekend, zorgverzekeraarNamen: namen })).toBe('Het Oosten');
    // From a device's export file: the name travels as a zorgverzekeraar record.
    const metRecord = exportsUitRecords(
      [
        ...demo.records.map((r) =>
          r.id === onbekend.client.id
            ? { ...r, fields: { ...r.fields, zorgverzekeraar: '9999' } }
            : r,
        ),
        {
          id: '00000000-0000-4000-8000-000000009999',
          type: 'zorgverzekeraar',
          clientId: null,
          fields: { uzovi: '9999', naam: 'Het Oosten' },
        },
      ],
      MOMENT,
    );
    if (!metRecord.ok) throw new Error(metRecord.fout);
    const zelfde = metRecord.exports.find((e) => e.client.id === onbekend.client.id)!;
    expect(payorNaam(zelfde)).toBe('Het Oosten');
  });

  it('intensieve kindzorg travels on the Patient and comes back', () => {
    const kind = { ...exports[0]!, client: { ...exports[0]!.client, intensieveKindzorg: true } };
    const b = planNaarFhir(kind, MOMENT);
    expect(problemen(b.entry[0]!.resource)).toEqual([]);
    const terug = clientUitFhir(b);
    expect(terug.ok && terug.import.client.intensieveKindzorg).toBe(true);
  });

  it('the same records give the same Bundle (stable ids)', () => {
    expect(planNaarFhir(exports[0]!, MOMENT)).toEqual(bundles[0]);
  });

  it('round trip: Patient, Coverage and RelatedPersons come back as a new client and her naasten', () => {
    for (const [i, b] of bundles.entries()) {
      const e = exports[i]!;
      const terug = clientUitFhir(JSON.parse(JSON.stringify(b)));
      expect(terug.ok, terug.ok ? '' : terug.fout).toBe(true);
      if (!terug.ok) continue;
      const {
        voornaam,
        achternaam,
        geboortedatum,
        bsn,
        postcode,
        huisnummer,
        gemeente,
        zorgverzekeraar,
        huisarts,
      } = e.client;
      expect(terug.import.client).toMatchObject({
        voornaam,
        achternaam,
        geboortedatum,
        postcode,
        huisnummer,
        gemeente,
      });
      expect(terug.import.client.bsn).toBe(bsn);
      expect(terug.import.client.zorgverzekeraar).toBe(zorgverzekeraar);
      expect(terug.import.client.huisarts).toBe(huisarts);
      expect(terug.import.client.intensieveKindzorg).toBe(e.client.intensieveKindzorg ?? undefined);
      const naasten = e.naasten.filter((n) => !n.deleted);
      expect(terug.import.naasten).toEqual(
        naasten.map((n) => ({
          naam: n.naam,
          relatie: n.relatie,
          contact: n.contact,
          watDoetHij: n.watDoetHij,
          hoeVaak: n.hoeVaak,
          belasting: n.belasting,
        })),
      );
    }
  });

  it('import says in Dutch what is wrong with something that is not a Bundle', () => {
    expect(clientUitFhir({ resourceType: 'Patient' })).toEqual({
      ok: false,
      fout: 'Dit is geen FHIR-Bundle.',
    });
    expect(clientUitFhir({ resourceType: 'Bundle', entry: [] })).toMatchObject({ ok: false });
  });

  it('an aanbieder with an AGB code is an Organization identified by agb-z; without one, by name only', () => {
    const idx = exports.findIndex((e) => e.plan && e.items.some((i) => i.stap === 'professioneel'));
    const e = exports[idx]!;
    const item = e.items.find((i) => i.stap === 'professioneel')!;
    const metAgb = {
      ...e,
      items: e.items.map((i) =>
        i === item ? { ...i, aanbieder: 'Thuiszorg De Vallei', aanbiederAgb: '12345678' } : i,
      ),
    };
    const b = planNaarFhir(metAgb, MOMENT);
    const orgs = resources(b, 'Organization') as unknown as {
      id: string;
      name: string;
      identifier?: { system: string; value: string }[];
    }[];
    const vallei = orgs.find((o) => o.name === 'Thuiszorg De Vallei');
    expect(vallei?.identifier).toEqual([
      { system: 'http://fhir.nl/fhir/NamingSystem/agb-z', value: '12345678' },
    ]);
    expect(b.entry.flatMap((x) => problemen(x.resource))).toEqual([]);
    const zonder = planNaarFhir(
      { ...e, items: e.items.map((i) => (i === item ? { ...i, aanbieder: 'Buurtzorg X' } : i)) },
      MOMENT,
    );
    const x = (
      resources(zonder, 'Organization') as unknown as { name: string; identifier?: unknown }[]
    ).find((o) => o.name === 'Buurtzorg X');
    expect(x).toBeDefined();
    expect(x?.identifier).toBeUndefined();
  });
});
