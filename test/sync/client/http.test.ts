import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SyncHttpFout, vraag } from '../../../src/sync/client/http.ts';

const antwoord = (status: number, body: unknown) => async () =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('the sync client on a refused request (400)', () => {
  it('says in Dutch that the server refused it, naming the fields but not their values', async () => {
    const fetchFn = antwoord(400, {
      error: 'bad_request',
      message: "body.deviceId: Invalid characters (gegeven: 'Zwartvleugel')",
      fouten: [{ veld: 'body.deviceId', waarde: "'Zwartvleugel'", melding: 'Invalid characters' }],
    });
    const fout = await vraag(fetchFn, '/api/sync/push', { method: 'POST' }, z.object({})).catch(
      (e: unknown) => e,
    );
    expect(fout).toBeInstanceOf(SyncHttpFout);
    const { code, tekst } = (fout as SyncHttpFout).fout;
    expect(code).toBe('geweigerd');
    expect(tekst).toMatch(/^De server heeft de gegevens niet aangenomen\./);
    expect(tekst).toContain('Het ging om: body.deviceId.');
    expect(tekst).not.toContain('Zwartvleugel');
  });

  it('without a readable body: the same sentence, without fields', async () => {
    const fetchFn = async () => new Response('kapot', { status: 400 });
    const fout = await vraag(fetchFn, '/api/sync/pull', {}, z.object({})).catch((e: unknown) => e);
    expect((fout as SyncHttpFout).fout.code).toBe('geweigerd');
    expect((fout as SyncHttpFout).fout.tekst).not.toContain('Het ging om');
  });
});
