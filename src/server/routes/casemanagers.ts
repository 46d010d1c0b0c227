/**
 * GET /api/casemanagers: the active casemanagers an arrangeur can ask to review a plan (issue 6,
 * point 1), by id and display name, sorted by name, without the asker herself. For roles that
 * build plans (arrangeur, casemanager); a coordinator or beheerder gets 403. No client data: the
 * list is the same whoever's caseload asks.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { casemanagersResponseSchema } from '../../sync/protocol/casemanagers.ts';
import { ingelogd } from '../plugins/auth.ts';
import { FOUT } from '../plugins/zod-contract.ts';

export const casemanagerRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/casemanagers',
    {
      onRequest: app.vereisRol('arrangeur', 'casemanager'),
      schema: {
        response: { 200: casemanagersResponseSchema, 401: FOUT, 403: FOUT },
      },
    },
    async (request) => {
      const g = ingelogd(request);
      const rows = await app.store.query<{ id: string; naam: string }>(
        `SELECT id::text AS id, naam FROM gebruikers
         WHERE rol = 'casemanager' AND actief AND id::text <> $1
         ORDER BY naam, id`,
        [g.id],
      );
      return { casemanagers: rows.map((r) => ({ id: r.id, naam: r.naam })) };
    },
  );
};
