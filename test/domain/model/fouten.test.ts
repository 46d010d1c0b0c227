import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { beschrijfFouten, toonWaarde, veldFouten } from '../../../src/domain/model/fouten.ts';

const schema = z.strictObject({
  rol: z.enum(['arrangeur', 'beheerder']),
  naam: z.string().min(2).max(5),
  aantal: z.number().int().nonnegative(),
  code: z.string().regex(/^[0-9]{4}$/),
  soort: z.union([z.literal('onbekend'), z.object({ zorgprofiel: z.enum(['VV1', 'VV2']) })]),
});

describe('veldFouten: field, value given, what is accepted', () => {
  const invoer = {
    rol: 'baas',
    naam: 'A',
    aantal: -1,
    code: '12',
    soort: { zorgprofiel: 'VV 11' },
    x: 1,
  };
  const fouten = veldFouten('body', schema.safeParse(invoer).error!.issues, invoer);
  const van = (veld: string) => fouten.find((f) => f.veld === veld);

  it('an enum: its values', () => {
    expect(van('body.rol')).toMatchObject({
      waarde: "'baas'",
      toegestaan: "'arrangeur', 'beheerder'",
    });
  });
  it('a length and a number: the bound', () => {
    expect(van('body.naam')).toMatchObject({ waarde: "'A'", toegestaan: 'minimaal 2 tekens' });
    expect(van('body.aantal')).toMatchObject({ waarde: '-1', toegestaan: '≥ 0' });
  });
  it('a pattern: the pattern', () => {
    expect(van('body.code')).toMatchObject({
      waarde: "'12'",
      toegestaan: 'formaat patroon /^[0-9]{4}$/',
    });
  });
  it('a union: the branch that fits the value, with the value from the input', () => {
    expect(van('body.soort.zorgprofiel')).toMatchObject({
      waarde: "'VV 11'",
      toegestaan: "'VV1', 'VV2'",
    });
  });
  it('an unknown key: named, no value', () => {
    const f = fouten.find((x) => x.melding.includes('"x"'));
    expect(f).toMatchObject({ veld: 'body', toegestaan: 'alleen de bekende velden' });
    expect(f).not.toHaveProperty('waarde');
  });
  it('without the input: no value is invented', () => {
    const zonder = veldFouten(null, schema.safeParse(invoer).error!.issues);
    expect(zonder.find((f) => f.veld === 'rol')).not.toHaveProperty('waarde');
  });
});

describe('beschrijfFouten and toonWaarde', () => {
  it('one line per field, with the value zod kept (reportInput)', () => {
    const r = z.object({ rol: z.enum(['a', 'b']) }).safeParse({ rol: 'c' }, { reportInput: true });
    expect(beschrijfFouten('context', r.error!)).toBe(
      "context.rol: Invalid option: expected one of \"a\"|\"b\" (gegeven: 'c'; toegestaan: 'a', 'b')",
    );
  });
  it('shortens a long value to 60 characters, and says niets for a missing one', () => {
    expect(toonWaarde('x'.repeat(500))).toHaveLength(60);
    expect(toonWaarde(undefined)).toBe('niets');
  });
});
