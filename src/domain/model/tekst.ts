import { z } from 'zod';

/**
 * One rule for every string that can reach storage (issue 12, point 5): no NUL character and no
 * unpaired UTF-16 surrogate. Both are valid in a JavaScript string but refused by PostgreSQL's
 * text and jsonb, so a record carrying one would fail to save on the server (a 5xx) and stay
 * stuck in the outbox. The domain record schemas and the sync wire build every string with
 * `tekst()`, so the device's forms, its storage and the server refuse the same input.
 */
export const heeftOngeldigeTekens = (s: string): boolean =>
  // eslint-disable-next-line no-control-regex
  /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);

export const ONGELDIGE_TEKENS = 'Deze tekst bevat tekens die niet kunnen worden opgeslagen.';

/** `z.string()` that refuses NUL and lone surrogates; chain `.trim()`, `.min()`, … as usual. */
export const tekst = () =>
  z.string().refine((s) => !heeftOngeldigeTekens(s), { message: ONGELDIGE_TEKENS, abort: true });
