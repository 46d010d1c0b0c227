import { z } from 'zod';
import { isRealDate } from './kalender.ts';

export * from './kalender.ts';

/** A calendar date `YYYY-MM-DD` that exists (no 2026-02-30). Branded once it passed the gate. */
export const isoDateSchema = z
  .string()
  // abort: text that is no date at all gets one message, not also "bestaat niet".
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Vul een datum in als jjjj-mm-dd.', abort: true })
  .refine(isRealDate, 'Deze datum bestaat niet.')
  .brand<'IsoDate'>();
export type IsoDate = z.infer<typeof isoDateSchema>;
