/**
 * Routes declare their contract with the zod schemas of src/domain and src/sync/protocol, so the
 * device and the server validate the very same thing (issue 5, item 6), through
 * fastify-type-provider-zod (issue 15, point 5):
 *
 * - app.ts sets its `validatorCompiler` and `serializerCompiler` once for every route, and each
 *   route plugin is a `FastifyPluginAsyncZod`, so a handler's `request.body` / `query` / `params`
 *   have the schema's parsed type (trimmed, coerced) without a cast.
 * - Output (`response`): the zod schema itself. The serializer encodes the answer with it, so a
 *   property the contract does not list is dropped (zod objects strip unknown keys): a handler
 *   cannot leak a column.
 * - A refused input is a 400 naming every field, the value given and what is accepted
 *   (`validatieFout`, with domain/model/fouten.ts — the same text the routing CLI gives).
 */
import type { FastifyError, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { foutTekst, veldFouten, type VeldFout } from '../../domain/model/fouten.ts';
import { foutAntwoordSchema } from '../../sync/protocol/fout.ts';

/**
 * Every 4xx/5xx body: a stable code for the app to translate, a short message, and for a 400 the
 * refused fields (`fouten`). The message and `fouten` may echo (shortened) what the caller sent:
 * they go back to her only, never into a log.
 */
export const foutSchema = foutAntwoordSchema;
export type Fout = z.infer<typeof foutSchema>;
export const FOUT = foutSchema;

type Issue = z.core.$ZodIssue;

/** The request part a validation failure was about, as Fastify names it. */
function deelVan(request: FastifyRequest, deel: string): unknown {
  switch (deel) {
    case 'body':
      return request.body;
    case 'querystring':
      return request.query;
    case 'params':
      return request.params;
    case 'headers':
      return request.headers;
    default:
      return undefined;
  }
}

/** A 400 body for an error, or null when it is not about the input. */
export function validatieFout(error: FastifyError, request: FastifyRequest): Fout | null {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const deel = error.validationContext ?? 'invoer';
    // fastify-type-provider-zod keeps each zod issue's own fields in `params`; the path is in
    // `instancePath` ("/context/wlzIndicatie").
    const issues = error.validation.map(
      (v) =>
        ({
          ...v.params,
          code: v.keyword,
          path: v.instancePath.split('/').filter((k) => k !== ''),
          message: v.message ?? '',
        }) as unknown as Issue,
    );
    return antwoordMet(veldFouten(deel, issues, deelVan(request, deel)));
  }
  if ((error.statusCode ?? 500) !== 400) return null;
  // Not a schema: the body could not be read as JSON (or was empty where one is needed).
  const deel = error.validationContext ?? 'body';
  return antwoordMet([{ veld: deel, melding: error.message, toegestaan: 'JSON' }]);
}

export function antwoordMet(fouten: readonly VeldFout[], error = 'bad_request'): Fout {
  return { error, message: fouten.map(foutTekst).join('; '), fouten: [...fouten] };
}

/** A refused password: the field is named, its value never echoed. */
export function zwakWachtwoordAntwoord(
  veld: 'body.wachtwoord' | 'body.nieuw',
  melding: string,
): Fout {
  return antwoordMet([{ veld, melding }], 'weak_password');
}
