import { describe, expect, it } from 'vitest';
import {
  PEILDATUM,
  ROUTING_CASES,
  SITUATIE_CONTEXT,
  type RoutingCase,
} from '../../fixtures/routing-cases.ts';
import { CATEGORIEEN } from '../../../src/domain/catalog/index.ts';
import { findInzetType } from '../../../src/domain/catalog/index.ts';
import { EERSTE_PEILDATUM, REGELS } from '../../../src/domain/routing/rules.ts';
import { route } from './helpers.ts';

function check(c: RoutingCase) {
  const besluit = route(
    { ...SITUATIE_CONTEXT[c.situatie], ...c.context },
    c.inzet,
    c.peildatum ?? PEILDATUM,
  );
  const v = c.verwacht;
  expect(besluit.domein, c.bron).toBe(v.domein);
  if (v.zeker !== undefined) expect(besluit.zeker, 'zeker').toBe(v.zeker);
  if (v.regel !== undefined) expect(besluit.regel).toBe(v.regel);
  if (v.voorwaarden)
    expect(besluit.voorwaarden.map((w) => w.code)).toEqual(
      expect.arrayContaining([...v.voorwaarden]),
    );
  if (v.ontbrekend)
    expect(besluit.ontbrekend.map((o) => o.veld)).toEqual(
      expect.arrayContaining([...v.ontbrekend]),
    );
  if (v.financier !== undefined) expect(besluit.financier?.code ?? null).toBe(v.financier);
}

describe('routing case table (docs/financiering.md §6)', () => {
  it('has at least 60 cases, each naming its source', () => {
    expect(ROUTING_CASES.length).toBeGreaterThanOrEqual(60);
    for (const c of ROUTING_CASES) expect(c.bron.trim(), c.naam).not.toBe('');
  });

  it('covers every category key of §1 in every situation column', () => {
    for (const categorie of CATEGORIEEN) {
      const situaties = new Set(
        ROUTING_CASES.filter(
          (c) => c.inzet.code && findInzetType(c.inzet.code)?.categorie === categorie,
        ).map((c) => c.situatie),
      );
      for (const s of [
        'geen-wlz',
        'verblijf',
        'verblijf-behandeling',
        'vpt',
        'mpt',
        'pgb',
        'jeugd',
      ] as const) {
        expect(situaties.has(s), `${categorie} × ${s}`).toBe(true);
      }
    }
  });

  it('has a case on each side of every transition: every dated row on its first and last day', () => {
    const gedekt = new Set(ROUTING_CASES.map((c) => `${c.verwacht.regel} ${c.peildatum}`));
    const missen: string[] = [];
    for (const r of REGELS) {
      if (r.validFrom !== EERSTE_PEILDATUM && !gedekt.has(`${r.id} ${r.validFrom}`))
        missen.push(`${r.id} op ${r.validFrom}`);
      if (r.validTo && !gedekt.has(`${r.id} ${r.validTo}`)) missen.push(`${r.id} op ${r.validTo}`);
    }
    expect(missen).toEqual([]);
  });

  it.each(ROUTING_CASES.map((c) => [c.naam, c] as const))('%s', (_naam, c) => check(c));
});
