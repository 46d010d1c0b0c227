import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { routeAlles, vandaag } from '../../src/cli/route.ts';

const FIXTURE = 'test/fixtures/route-voorbeeld.json';

describe('npm run route', () => {
  it('routes the example file: one answer per element, same order, exit 1 for the bad one', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/route.ts', FIXTURE], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    const invoer = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { inzet: { code: string } }[];
    const uitvoer = JSON.parse(r.stdout) as (
      | { fout: string }
      | {
          inzet: { code: string; categorie: string };
          domein: string;
          voorwaarden: { code: string }[];
        }
    )[];
    expect(uitvoer).toHaveLength(invoer.length);
    uitvoer.forEach((u, i) => {
      if ('fout' in u) {
        expect(u.fout).toMatch(new RegExp(`^Element ${i}: `));
      } else {
        expect(u.inzet.code).toBe(invoer[i]!.inzet.code);
      }
    });
    expect(uitvoer.filter((u) => 'fout' in u)).toHaveLength(1);
    expect(uitvoer[5]).toEqual({ fout: expect.stringContaining('GM9999') });
    // Category keys (§1) and voorwaarde codes (§3) appear in the output.
    expect(uitvoer[2]).toMatchObject({
      domein: 'Wmo',
      inzet: { categorie: 'woningaanpassing' },
      voorwaarden: [{ code: 'wmo-melding-onderzoek' }, { code: 'wmo-beschikking' }],
    });
    expect(r.stderr).toMatch(/1 van 7/);
  });

  it('exits 2 with usage when no file is given, and when the file is not JSON', () => {
    const geen = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/route.ts'], {
      encoding: 'utf8',
    });
    expect(geen.status).toBe(2);
    expect(geen.stderr).toMatch(/Gebruik/);
    const kapot = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/cli/route.ts', 'package-lock.does-not-exist'],
      { encoding: 'utf8' },
    );
    expect(kapot.status).toBe(2);
  });

  it('routeAlles: non-array input is refused; a non-object element gets a fout; peildatum defaults', () => {
    expect(() => routeAlles({}, '2026-03-01')).toThrow(/JSON-array/);
    const [a, b] = routeAlles(
      [
        42,
        {
          context: { geboortedatum: '1950-01-01', wlzIndicatie: null },
          inzet: { code: 'IH-ZELF' },
        },
      ],
      '2026-03-01',
    );
    expect(a).toEqual({ fout: expect.stringMatching(/^Element 0: verwacht een object/) });
    expect(b).toMatchObject({ domein: 'geen', peildatum: '2026-03-01' });
  });

  it('takes context.intensieveKindzorg (README input table): a child with it stays Zvw before 2018', () => {
    const kind = { geboortedatum: '2010-01-01', wlzIndicatie: null, gemeente: 'GM0228' };
    const [met, zonder] = routeAlles(
      [
        { context: { ...kind, intensieveKindzorg: true }, inzet: { code: 'PV-STEUNKOUSEN' } },
        { context: { ...kind, intensieveKindzorg: false }, inzet: { code: 'PV-STEUNKOUSEN' } },
      ],
      '2016-03-01',
    );
    expect(met).toMatchObject({
      domein: 'Zvw',
      regel: 'persoonlijke-verzorging/jeugd-ikz-tot-2018',
    });
    expect(zonder).toMatchObject({ domein: 'Jeugdwet' });
  });

  it('vandaag is the Dutch calendar date', () => {
    expect(vandaag(new Date('2026-03-01T23:30:00Z'))).toBe('2026-03-02');
    expect(vandaag(new Date('2026-07-01T12:00:00Z'))).toBe('2026-07-01');
  });
});

describe('npm run route: zorgprofielen and errors that help (issue 16)', () => {
  const context = (zorgprofiel: string, leveringsvorm = 'vpt') => ({
    geboortedatum: '1941-03-12',
    wlzIndicatie: { zorgprofiel, leveringsvorm, behandeling: false, geldigVan: '2025-01-01' },
    gemeente: 'GM0228',
    zorgverzekeraar: '7095',
  });
  const inzet = { code: 'PV-ADL' };

  it('accepts the notations the CIZ and nurses use (VV5, VG6, LG4, GGZ-W2, 5VV, VV 5)', () => {
    const uit = routeAlles(
      ['VV5', 'VG6', 'LG4', 'GGZ-W2', '5VV', 'VV 5', 'VV-5'].map((z) => ({
        context: context(z),
        inzet,
        peildatum: '2026-03-01',
      })),
      '2026-03-01',
    );
    expect(uit.map((u) => ('fout' in u ? u.fout : u.domein))).toEqual(Array(7).fill('Wlz'));
  });

  it('names the field, the value given and what is accepted', () => {
    const [profiel, vorm] = routeAlles(
      [
        { context: context('VV11'), inzet, peildatum: '2026-03-01' },
        { context: context('VV5', 'thuis'), inzet, peildatum: '2026-03-01' },
      ],
      '2026-03-01',
    );
    expect(profiel).toEqual({
      fout: expect.stringMatching(
        /^Element 0: context\.wlzIndicatie\.zorgprofiel: Onbekend zorgprofiel 'VV11'.*VV5/,
      ),
    });
    expect(vorm).toEqual({
      fout: expect.stringContaining(
        "context.wlzIndicatie.leveringsvorm: Kies een leveringsvorm. (gegeven: 'thuis'; toegestaan: 'verblijf', 'vpt', 'mpt', 'pgb')",
      ),
    });
  });
});
