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
import { overzichtSchema, vereveningSchema, type Maand } from '../../domain/kosten/model.ts';
import { filterRegels, maakOverzicht } from '../../domain/kosten/overzicht.ts';
import { bouwRegelsMetBron, maakOverrides, type RegelMetBron } from '../../domain/kosten/regels.ts';
import { maakVerevening } from '../../domain/kosten/verevening.ts';
import { laadKostenBron } from '../db/kosten-bron.ts';
import { alleTarieven } from '../db/tarieven.ts';
import { ACTIES, logToegang, logToegangPerClient } from '../db/toegang.ts';
import { ingelogd } from '../plugins/auth.ts';
import { FOUT } from '../plugins/zod-contract.ts';
import {
  bestandsnaam,
  overridesCsv,
  overzichtCsv,
  regelsCsv,
  vereveningCsv,
} from './coordinator-csv.ts';

const BESCHERMD = { 400: FOUT, 401: FOUT, 403: FOUT };

type Periode = z.output<typeof periodeVraagSchema>;

export const coordinatorRoutes: FastifyPluginAsyncZod = async (app) => {
  // onRequest: before the query is validated, so another role learns nothing from a 400.
  app.addHook('onRequest', app.vereisRol('coordinator'));

  /** Lines of the period with their source, and the client id per plan (for the log only). */
  async function lijnen(van: Maand, tot: Maand) {
    const [bron, tarieven] = await Promise.all([
      laadKostenBron(app.store, tot),
      alleTarieven(app.store),
    ]);
    return { lijnen: bouwRegelsMetBron({ plannen: bron.plannen, tarieven, van, tot }), bron };
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

  async function maak(soort: ExportSoort, p: Periode) {
    const { lijnen: l, bron } = await lijnen(p.van, p.tot);
    const regels = l.map((x) => x.regel);
    switch (soort) {
      case 'overzicht':
        return { soort, data: maakOverzicht(regels, p.van, p.tot), getoond: null, bron };
      case 'verevening':
        return { soort, data: maakVerevening(regels, p.van, p.tot), getoond: null, bron };
      case 'regels':
        return { soort, data: { van: p.van, tot: p.tot, regels }, getoond: l, bron };
      case 'overrides': {
        const overrides = maakOverrides(l);
        return {
          soort,
          data: { van: p.van, tot: p.tot, overrides },
          getoond: l.filter((x) => x.regel.override),
          bron,
        };
      }
    }
  }

  async function log(request: FastifyRequest, a: string, m: Awaited<ReturnType<typeof maak>>) {
    if (m.getoond) await logPerClient(request, a, m.getoond, m.bron.clientIds);
    else await logToegang(app.store, ingelogd(request), a, null, m.bron.plannen.length);
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
      // 200: the file, JSON or CSV text, sent as it is (a string skips the serializer).
      schema: { querystring: exportVraagSchema, response: { 200: z.string(), ...BESCHERMD } },
    },
    async (request, reply) => {
      const { soort, formaat, van, tot } = request.query;
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
      reply.header(
        'content-disposition',
        `attachment; filename="${bestandsnaam(soort, van, tot, formaat)}"`,
      );
      reply.header('cache-control', 'no-store');
      if (formaat === 'json') {
        return reply.type('application/json; charset=utf-8').send(JSON.stringify(data, null, 2));
      }
      const csv =
        m.soort === 'overzicht'
          ? overzichtCsv(m.data)
          : m.soort === 'verevening'
            ? vereveningCsv(m.data)
            : m.soort === 'regels'
              ? regelsCsv(m.data.regels)
              : overridesCsv(m.data.overrides);
      return reply.type('text/csv; charset=utf-8').send(csv);
    },
  );
};
