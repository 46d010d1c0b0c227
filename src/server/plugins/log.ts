/**
 * What an error may put in the log (issue 12, point 6): its kind, code and where it happened —
 * never the data it was about. A database error carries the SQL parameters, the failing row and
 * the query (`params`, `detail`, `where`, `query`: a whole client record with BSN, or a password
 * hash); a request error may carry the body. So this serializer copies an allow-list of fields
 * only, and drops the message of every database error (PostgreSQL puts values in it:
 * `invalid input syntax for type uuid: "…"`). Other messages keep their words but lose quoted
 * parts and long digit runs.
 *
 * Used for both `err` and `error` keys of every log line (app.ts passes it to pino).
 */
import type { FastifyServerOptions } from 'fastify';

const SQLSTATE = /^[0-9A-Z]{5}$/;

function tekstZonderWaarden(s: string): string {
  return s
    .replace(/(["'`]).*?\1/gs, '"…"')
    .replace(/\d{6,}/g, '…')
    .slice(0, 200);
}

export function veiligeFout(err: unknown): Record<string, unknown> {
  if (typeof err !== 'object' || err === null) return { type: typeof err };
  const e = err as Record<string, unknown>;
  const code = typeof e['code'] === 'string' ? e['code'] : undefined;
  const database = (code !== undefined && SQLSTATE.test(code)) || 'severity' in e || 'routine' in e;
  const stack = typeof e['stack'] === 'string' ? e['stack'] : '';
  const uit: Record<string, unknown> = {
    type: (err as { constructor?: { name?: string } }).constructor?.name ?? 'Error',
    message: database
      ? `database error${code ? ` ${code}` : ''}`
      : tekstZonderWaarden(String(e['message'] ?? '')),
    // Only the frames: the stack's first line repeats the message.
    stack: stack
      .split('\n')
      .filter((l) => l.trimStart().startsWith('at '))
      .slice(0, 12)
      .join('\n'),
  };
  if (code !== undefined) uit['code'] = code.slice(0, 40);
  if (typeof e['statusCode'] === 'number') uit['statusCode'] = e['statusCode'];
  if (database && typeof e['routine'] === 'string') uit['routine'] = e['routine'];
  return uit;
}

type LoggerOptie = FastifyServerOptions['logger'];

/** The app's logger option with the safe serializers added (false stays false). */
export function metVeiligeSerializers(logger: LoggerOptie): LoggerOptie {
  if (!logger) return false;
  const basis = typeof logger === 'object' ? logger : {};
  const serializers = (basis as { serializers?: Record<string, unknown> }).serializers ?? {};
  return {
    ...basis,
    serializers: { ...serializers, err: veiligeFout, error: veiligeFout },
  } as unknown as LoggerOptie;
}
