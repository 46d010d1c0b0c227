import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planIdVoorClient, recordIdSchema } from '../../../src/domain/model/ids.ts';

describe('planIdVoorClient', () => {
  it('is the same on every device, a valid UUID of the same version, never the client id', () => {
    fc.assert(
      fc.property(fc.uuid({ version: 4 }), (clientId) => {
        const planId = planIdVoorClient(clientId);
        expect(planIdVoorClient(clientId)).toBe(planId);
        expect(planIdVoorClient(clientId.toUpperCase())).toBe(planId);
        expect(recordIdSchema.safeParse(planId).success).toBe(true);
        expect(planId[14]).toBe(clientId[14]);
        expect(planId).not.toBe(clientId.toLowerCase());
      }),
    );
  });

  it('gives two clients two plans', () => {
    fc.assert(
      fc.property(fc.uuid({ version: 4 }), fc.uuid({ version: 4 }), (a, b) => {
        fc.pre(a.toLowerCase() !== b.toLowerCase());
        expect(planIdVoorClient(a)).not.toBe(planIdVoorClient(b));
      }),
    );
  });

  it('refuses what is no UUID', () => {
    expect(() => planIdVoorClient('client-1')).toThrow(/not a UUID/);
  });
});
