/**
 * The push wire shape. Defined in the domain (src/domain/model/record.ts) because storage, which
 * may import the domain only, queues exactly what the sync protocol sends.
 */
export { mutationSchema, recordTypeSchema, RECORD_TYPES } from '../../domain/model/record.ts';
export type { Mutation, RecordType } from '../../domain/model/record.ts';
