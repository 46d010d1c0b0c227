/**
 * /api/coordinator/* (issue 6, points 3 and 4): "wie betaalt wat", pseudonymised and enforced
 * here, on the server. Only the coordinator role (every other role 403, no session 401).
 *
 * What a response can hold is fixed by its zod contract (domain/kosten/model.ts and api.ts):
 * the serializer drops every property the contract does not list, and no contract has a field
 * for a name, BSN, address or birth date. Free text (override reasons) is cleaned of the
 * client's identifiers in domain/kosten (schoonTekst). test/server/coordinator.test.ts calls
 * every route registered under this prefix and searches each answer for the identifiers.
 *
 * - GET /overzicht?van&tot               → Overzicht
 * - GET /regels?van&tot[&maand&domein&financier] → { van, tot, regels: KostenRegel[] }
 *   (financier: a financier code, or 'geen' for lines without financier)
 * - GET /overrides?van&tot               → { van, tot, overrides: OverrideRegel[] }
 * - GET /verevening?van&tot              → Verevening
 * - GET /export?soort&formaat&van&tot    → the same object as JSON, or CSV (coordinator-csv.ts),
 *   as a download named after the kind and period only.
 * van, tot: months `YYYY-MM`, van ≤ tot, at most 36 months (400 otherwise).
 *
 * Access log: line-level answers (regels, overrides) write one row per client they show, as
 * care data about that client was read; aggregates write one row without client.
 *
 * Province scale (issue 13, point 5): the answers read the lines and totals kept up to date by
 * db/kosten-regels.ts (no pricing per request); the overview reads maintained totals only, and
 * the line exports stream page by page. A period past the kept horizon is priced per request.
 */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  exportVraagSchema,
  overridesAntwoordSchema,
  periodeVraagSchema,
  regelsAntwoordSchema,
  regelsVraagSchema,
  type ExportSoort,
} from '../../domain/kosten/api.ts';
import { Readable } from 'node:stream';
import { laatsteDag } from '../../domain/kosten/datum.ts';
import {
  kostenRegelSchema,
  overzichtSchema,
  vereveningSchema,
  type KostenRegel,
  type Maand,
} from '../../domain/kosten/model.ts';
import { filterRegels, maakOverzicht } from '../../domain/kosten/overzicht.ts';
import { leeftijdsband } from '../../domain/kosten/pseudoniem.ts';
import { bouwRegelsMetBron, maakOverrides, type RegelMetBron } from '../../domain/kosten/regels.ts';
import { maakVerevening } from '../../domain/kosten/verevening.ts';
import { laadKostenBron } from '../db/kosten-bron.ts';
import {
  aantalKostenClienten,
  kostenHorizon,
  leesOverzicht,
  leesVereveningSommen,
  regelsPerClient,
  stroomRegels,
  type OpgeslagenRegel,
  type RegelFilter,
} from '../db/kosten-regels.ts';
import { alleTarieven } from '../db/tarieven.ts';
import { ACTIES, logToegang, logToegangPerClient } from '../db/toegang.ts';
import { ingelogd } from '../plugins/auth.ts';
import { FOUT } from '../plugins/zod-contract.ts';
import {
  bestandsnaam,
  overridesCsv,
  overzichtCsv,
  REGELS_KOP,
  regelRij,
  regelsCsv,
  tabelStroom,
  vereveningCsv,
} from './coordinator-csv.ts';

const BESCHERMD = { 400: FOUT, 401: FOUT, 403: FOUT };

type Periode = z.output<typeof periodeVraagSchema>;

/** A file answer: text, or a stream of it (exports are streamed in constant memory). */
const BESTAND = z.custom<string | Readable>((v) => typeof v === 'string' || v instanceof Readable);

export const coordinatorRoutes: FastifyPluginAsyncZod = async (app) => {
  // onRequest: before the query is validated, so another role learns nothing from a 400.
  app.addHook('onRequest', app.vereisRol('coordinator'));
  // Every answer equals a full pricing: the clients pushes queued are priced first
  // (db/kosten-wachtrij.ts; usually the background drain has done so already).
  app.addHook('preHandler', async () => {
    await app.kostenWachtrij.bijwerken();
  });

  /** Lines of the period with their source, and the client id per plan (for the log only). */
  async function lijnen(van: Maand, tot: Maand) {
    const [bron, tarieven] = await Promise.all([
      laadKostenBron(app.store, tot),
      alleTarieven(app.store),
    ]);
    return { lijnen: bouwRegelsMetBron({ plannen: bron.plannen, tarieven, van, tot }), bron };
  }

  /** Whether the kept lines cover the period (else it is priced per request, as before). */
  const bijgehouden = async (tot: Maand) => tot <= (await kostenHorizon(app.store));

  /** A kept line as sent: with the age band on the report's last day. */
  const alsRegel = (o: OpgeslagenRegel, tot: Maand): KostenRegel =>
    kostenRegelSchema.parse({
      ...o.regel,
      leeftijdsband: leeftijdsband(o.geboortedatum ?? undefined, laatsteDag(tot)),
    });

  /** The kept lines of `f` with their source; the plan index is the client's in `clientIds`. */
  async function bewaardeLijnen(f: RegelFilter) {
    const clientIds: string[] = [];
    const index = new Map<string, number>();
    const uit: RegelMetBron[] = [];
    for await (const pagina of stroomRegels(app.store, f)) {
      for (const o of pagina) {
        let i = index.get(o.clientId);
        if (i === undefined) {
          i = clientIds.push(o.clientId) - 1;
          index.set(o.clientId, i);
        }
        uit.push({
          regel: alsRegel(o, f.tot),
          planIndex: i,
          itemId: o.itemId,
          grondslag: o.grondslag,
        });
      }
    }
    return { lijnen: uit, clientIds };
  }

  /** One log row per client shown, `aantal` = the lines of that client. */
  async function logPerClient(
    request: FastifyRequest,
    actie: string,
    getoond: readonly RegelMetBron[],
    clientIds: readonly string[],
  ) {
    const perClient = new Map<string | null, number>();
    for (const l of getoond) {
      const id = clientIds[l.planIndex]!;
      perClient.set(id, (perClient.get(id) ?? 0) + 1);
    }
    if (perClient.size === 0) perClient.set(null, 0);
    await logToegangPerClient(app.store, ingelogd(request), actie, perClient);
  }

  const actie = (soort: ExportSoort, exporteren = false) =>
    `${ACTIES.coordinator}:${exporteren ? 'export-' : ''}${soort}`;

  type Gemaakt =
    | { soort: 'overzicht'; data: z.output<typeof overzichtSchema> }
    | { soort: 'verevening'; data: z.output<typeof vereveningSchema> }
    | { soort: 'regels'; data: z.output<typeof regelsAntwoordSchema> }
    | { soort: 'overrides'; data: z.output<typeof overridesAntwoordSchema> };
  type Log =
    { getoond: readonly RegelMetBron[]; clientIds: readonly string[] } | { aantalClienten: number };

  /** Priced per request over every plan: a period past the kept horizon. */
  async function maakPerVraag(soort: ExportSoort, p: Periode): Promise<Gemaakt & { log: Log }> {
    const { lijnen: l, bron } = await lijnen(p.van, p.tot);
    const regels = l.map((x) => x.regel);
    const aantal = { aantalClienten: bron.plannen.length };
    switch (soort) {
      case 'overzicht':
        return { soort, data: maakOverzicht(regels, p.van, p.tot), log: aantal };
      case 'verevening':
        return { soort, data: maakVerevening(regels, p.van, p.tot), log: aantal };
      case 'regels':
        return {
          soort,
          data: { van: p.van, tot: p.tot, regels },
          log: { getoond: l, clientIds: bron.clientIds },
        };
      case 'overrides':
        return {
          soort,
          data: { van: p.van, tot: p.tot, overrides: maakOverrides(l) },
          log: { getoond: l.filter((x) => x.regel.override), clientIds: bron.clientIds },
        };
    }
  }

  async function maak(soort: ExportSoort, p: Periode): Promise<Gemaakt & { log: Log }> {
    if (!(await bijgehouden(p.tot))) return maakPerVraag(soort, p);
    switch (soort) {
      case 'overzicht':
      case 'verevening': {
        const [data, aantalClienten] = await Promise.all([
          soort === 'overzicht'
            ? leesOverzicht(app.store, p.van, p.tot)
            : leesVereveningSommen(app.store, p.van, p.tot).then((s) =>
                maakVerevening(s, p.van, p.tot),
              ),
          aantalKostenClienten(app.store),
        ]);
        return { soort, data, log: { aantalClienten } } as Gemaakt & { log: Log };
      }
      case 'regels': {
        const { lijnen: l, clientIds } = await bewaardeLijnen(p);
        const regels = l.map((x) => x.regel);
        return { soort, data: { van: p.van, tot: p.tot, regels }, log: { getoond: l, clientIds } };
      }
      case 'overrides': {
        const { lijnen: l, clientIds } = await bewaardeLijnen({ ...p, alleenOverrides: true });
        return {
          soort,
          data: { van: p.van, tot: p.tot, overrides: maakOverrides(l) },
          log: { getoond: l, clientIds },
        };
      }
    }
  }

  async function log(request: FastifyRequest, a: string, m: { log: Log }) {
    if ('getoond' in m.log) await logPerClient(request, a, m.log.getoond, m.log.clientIds);
    else await logToegang(app.store, ingelogd(request), a, null, m.log.aantalClienten);
  }

  for (const soort of ['overzicht', 'verevening', 'overrides'] as const) {
    const schema: z.ZodType = {
      overzicht: overzichtSchema,
      verevening: vereveningSchema,
      overrides: overridesAntwoordSchema,
    }[soort];
    app.get(
      `/coordinator/${soort}`,
      {
        schema: {
          querystring: periodeVraagSchema,
          response: { 200: schema, ...BESCHERMD },
        },
      },
      async (request) => {
        const m = await maak(soort, request.query);
        await log(request, actie(soort), m);
        return m.data;
      },
    );
  }

  app.get(
    '/coordinator/regels',
    {
      schema: {
        querystring: regelsVraagSchema,
        response: { 200: regelsAntwoordSchema, ...BESCHERMD },
      },
    },
    async (request) => {
      const { van, tot, maand, domein, financier } = request.query;
      if (await bijgehouden(tot)) {
        const b = await bewaardeLijnen({ van, tot, maand, domein, financier });
        await logPerClient(request, actie('regels'), b.lijnen, b.clientIds);
        return { van, tot, regels: b.lijnen.map((x) => x.regel) };
      }
      const { lijnen: l, bron } = await lijnen(van, tot);
      const filter = { maand, domein, financier };
      const getoond = l.filter((x) => filterRegels([x.regel], filter).length === 1);
      await logPerClient(request, actie('regels'), getoond, bron.clientIds);
      return { van, tot, regels: getoond.map((x) => x.regel) };
    },
  );

  app.get(
    '/coordinator/export',
    {
      // 200: the file, JSON or CSV text or a stream of it, sent as it is (a string or a stream
      // skips the serializer).
      schema: { querystring: exportVraagSchema, response: { 200: BESTAND, ...BESCHERMD } },
    },
    async (request, reply) => {
      const { soort, formaat, van, tot } = request.query;
      const kop = (type: string) =>
        reply
          .header(
            'content-disposition',
            `attachment; filename="${bestandsnaam(soort, van, tot, formaat)}"`,
          )
          .header('cache-control', 'no-store')
          .type(type);
      if (soort === 'regels' && (await bijgehouden(tot))) {
        // Streamed page by page in constant memory, byte for byte what the whole answer was.
        const f = { van, tot };
        const perClient = await regelsPerClient(app.store, f);
        if (perClient.size === 0) perClient.set('', 0);
        await logToegangPerClient(
          app.store,
          ingelogd(request),
          actie(soort, true),
          new Map([...perClient].map(([id, n]) => [id === '' ? null : id, n])),
        );
        const paginas = async function* () {
          for await (const pagina of stroomRegels(app.store, f)) {
            yield pagina.map((o) => alsRegel(o, tot));
          }
        };
        if (formaat === 'json') {
          return kop('application/json; charset=utf-8').send(
            Readable.from(jsonStroom({ van, tot }, paginas())),
          );
        }
        const rijen = async function* () {
          for await (const p of paginas()) yield p.map(regelRij);
        };
        return kop('text/csv; charset=utf-8').send(Readable.from(tabelStroom(REGELS_KOP, rijen())));
      }
      const m = await maak(soort, { van, tot });
      // Checked against the contract here too: this route has no response schema for 200
      // (CSV is no JSON), so the serializer cannot drop unlisted properties for it.
      const contract = {
        overzicht: overzichtSchema,
        verevening: vereveningSchema,
        regels: regelsAntwoordSchema,
        overrides: overridesAntwoordSchema,
      }[soort];
      const data = contract.parse(m.data);
      await log(request, actie(soort, true), m);
      if (formaat === 'json') {
        return kop('application/json; charset=utf-8').send(JSON.stringify(data, null, 2));
      }
      const csv =
        m.soort === 'overzicht'
          ? overzichtCsv(m.data)
          : m.soort === 'verevening'
            ? vereveningCsv(m.data)
            : m.soort === 'regels'
              ? regelsCsv(m.data.regels)
              : overridesCsv(m.data.overrides);
      return kop('text/csv; charset=utf-8').send(csv);
    },
  );
};

/**
 * `JSON.stringify({ van, tot, regels }, null, 2)`, written as the pages arrive: the frame around
 * the array comes from JSON.stringify itself, each line indented as it would be inside it.
 */
async function* jsonStroom(
  kop: { van: Maand; tot: Maand },
  paginas: AsyncIterable<KostenRegel[]>,
): AsyncGenerator<string> {
  const PLEK = '\u0000plek';
  const [voor, na] = JSON.stringify({ ...kop, regels: [PLEK] }, null, 2).split(
    `    ${JSON.stringify(PLEK)}`,
  ) as [string, string];
  let eerste = true;
  for await (const pagina of paginas) {
    let stuk = '';
    for (const r of pagina) {
      stuk += `${eerste ? voor : ',\n'}${JSON.stringify(r, null, 2).replace(/^/gm, '    ')}`;
      eerste = false;
    }
    if (stuk) yield stuk;
  }
  yield eerste ? JSON.stringify({ ...kop, regels: [] }, null, 2) : na;
}
