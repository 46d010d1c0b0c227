/**
 * Routes declare their contract with the zod schemas of src/domain and src/sync/protocol, so the
 * device and the server validate the very same thing (issue 5, item 6).
 *
 * - Input (`body`, `params`, `querystring`): a zod schema, checked by `zodValidatorCompiler`.
 *   A failure is a 400 naming the fields, never a 5xx. The parsed value (trimmed, coerced) replaces
 *   the raw input, so handlers see what the schema promises.
 * - Output (`response`): `antwoord(zodSchema)` turns it into JSON Schema for Fastify's serializer,
 *   which also drops any property the contract does not list: a handler cannot leak a column.
 *
 * Set the compiler inside an encapsulated route plugin (`app.setValidatorCompiler(...)`), so routes
 * that use plain JSON Schema elsewhere keep Ajv.
 */
import type { FastifySchemaCompiler } from 'fastify';
import { z } from 'zod';

export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    const result = schema.safeParse(data);
    if (result.success) return { value: result.data };
    const message = result.error.issues
      .map((i) => `${[httpPart ?? 'input', ...i.path.map(String)].join('.')}: ${i.message}`)
      .join('; ');
    return { error: Object.assign(new Error(message), { statusCode: 400 }) };
  };

/** A zod schema as the JSON Schema of a response (what the serializer sends). */
export const antwoord = (schema: z.ZodType): Record<string, unknown> => {
  const { $schema: _ignored, ...json } = z.toJSONSchema(schema, { target: 'draft-7' });
  return json;
};

/** Every 4xx/5xx body: a stable code for the app to translate, and a short English message. */
export const foutSchema = z.object({ error: z.string(), message: z.string().optional() });
export type Fout = z.infer<typeof foutSchema>;
export const FOUT = antwoord(foutSchema);
