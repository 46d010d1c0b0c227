import { z } from 'zod';

/** Every record id is a UUID made on the device (crypto.randomUUID), so records can be made offline. */
export const recordIdSchema = z.uuid().brand<'RecordId'>();
export type RecordId = z.infer<typeof recordIdSchema>;
