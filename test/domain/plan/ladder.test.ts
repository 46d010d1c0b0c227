import { describe, expect, it } from 'vitest';
import {
  ladderStand,
  legeStappenBijProfessioneel,
  PLAN_STAPPEN,
  type LadderInvoer,
} from '../../../src/domain/plan/ladder.ts';
import type { LadderStap } from '../../../src/domain/plan/model.ts';

const plan = (over: Partial<LadderInvoer['plan']> = {}): LadderInvoer['plan'] => ({
  hulpvraag: undefined,
  ladderToelichting: undefined,
  akkoord: null,
  ...over,
});
const items = (...stappen: LadderStap[]) => stappen.map((stap) => ({ stap }));
const AKKOORD = { datum: '2026-11-20', wijze: 'mondeling', door: 'client' } as never;

describe('ladderStand: status per step', () => {
  it('lists every step in the legal order, all empty for a new plan', () => {
    const stand = ladderStand({ plan: plan(), items: [], naasten: [] });
    expect(stand.stappen.map((s) => s.stap)).toEqual([...PLAN_STAPPEN]);
    expect(stand.stappen.every((s) => !s.ingevuld && s.aantal === 0)).toBe(true);
    expect(stand.volgendeStap).toBe('hulpvraag');
    expect(stand.heeftProfessioneel).toBe(false);
    expect(stand.toelichtingNodig).toBe(false);
  });

  it.each([
    [
      'hulpvraag text',
      { plan: plan({ hulpvraag: 'Weer zelf boodschappen doen' }) },
      'hulpvraag',
      1,
    ],
    ['a doel', { plan: plan(), doelen: [{}] }, 'hulpvraag', 1],
    ['text and two doelen', { plan: plan({ hulpvraag: 'x' }), doelen: [{}, {}] }, 'hulpvraag', 3],
    ['blank hulpvraag text', { plan: plan({ hulpvraag: '   ' }) }, 'hulpvraag', 0],
    ['a deleted doel', { plan: plan(), doelen: [{ deleted: true }] }, 'hulpvraag', 0],
    ['a naaste (netwerk records)', { plan: plan(), naasten: [{}] }, 'netwerk', 1],
    [
      'a netwerk item and a naaste',
      { plan: plan(), items: items('netwerk'), naasten: [{}] },
      'netwerk',
      2,
    ],
    [
      'two eigen-kracht items',
      { plan: plan(), items: items('eigen-kracht', 'eigen-kracht') },
      'eigen-kracht',
      2,
    ],
    [
      'a deleted item',
      { plan: plan(), items: [{ stap: 'voorziening' as const, deleted: true }] },
      'voorziening',
      0,
    ],
    ['the akkoord', { plan: plan({ akkoord: AKKOORD }) }, 'akkoord', 1],
  ])('%s fills %s', (_naam, invoer, stap, aantal) => {
    const stand = ladderStand({ items: [], naasten: [], ...invoer });
    const s = stand.stappen.find((x) => x.stap === stap)!;
    expect(s.aantal).toBe(aantal);
    expect(s.ingevuld).toBe(aantal > 0);
  });

  it('says where the plan stands: the first empty step', () => {
    const stand = ladderStand({
      plan: plan({ hulpvraag: 'x' }),
      items: items('eigen-kracht', 'voorziening'),
      naasten: [],
    });
    expect(stand.volgendeStap).toBe('netwerk');
    const vol = ladderStand({
      plan: plan({ hulpvraag: 'x', akkoord: AKKOORD }),
      items: items(
        'eigen-kracht',
        'netwerk',
        'mantelzorgondersteuning',
        'voorziening',
        'hulpmiddel',
        'professioneel',
      ),
      naasten: [],
    });
    expect(vol.volgendeStap).toBeUndefined();
  });
});

describe('ladderStand: ladder first, never a wall (Wmo 2015 art. 2.3.2 lid 4, 2.3.5 lid 3)', () => {
  it.each<[string, LadderStap[], number, LadderStap[], LadderStap[]]>([
    ['no professional inzet: no reason needed', ['hulpmiddel'], 0, [], []],
    [
      'professional inzet alone: every earlier rung is empty',
      ['professioneel'],
      0,
      ['eigen-kracht', 'netwerk', 'mantelzorgondersteuning', 'voorziening', 'hulpmiddel'],
      ['eigen-kracht', 'netwerk', 'mantelzorgondersteuning', 'voorziening'],
    ],
    [
      'all legal rungs filled, hulpmiddel empty: no reason needed',
      ['eigen-kracht', 'mantelzorgondersteuning', 'voorziening', 'professioneel'],
      1,
      ['hulpmiddel'],
      [],
    ],
    [
      'only mantelzorgondersteuning missing',
      ['eigen-kracht', 'netwerk', 'voorziening', 'hulpmiddel', 'professioneel'],
      0,
      ['mantelzorgondersteuning'],
      ['mantelzorgondersteuning'],
    ],
  ])('%s', (_naam, stappen, naasten, leeg, wettelijk) => {
    const stand = ladderStand({
      plan: plan(),
      items: items(...stappen),
      naasten: Array.from({ length: naasten }, () => ({})),
    });
    expect(stand.legeEerdereStappen).toEqual(leeg);
    expect(stand.legeWettelijkeStappen).toEqual(wettelijk);
    expect(stand.toelichtingNodig).toBe(wettelijk.length > 0);
    expect(stand.toelichtingVereist).toBe(wettelijk.length > 0);
  });

  it('a given reason answers the need; a blank one does not', () => {
    const basis = { items: items('professioneel'), naasten: [] };
    const met = ladderStand({
      ...basis,
      plan: plan({ ladderToelichting: 'Dochter woont in Canada' }),
    });
    expect(met.toelichtingNodig).toBe(true);
    expect(met.toelichtingVereist).toBe(false);
    const leeg = ladderStand({ ...basis, plan: plan({ ladderToelichting: '  ' }) });
    expect(leeg.toelichtingVereist).toBe(true);
  });

  it('a deleted professional item needs no reason', () => {
    const stand = ladderStand({
      plan: plan(),
      items: [{ stap: 'professioneel', deleted: true }],
      naasten: [],
    });
    expect(stand.heeftProfessioneel).toBe(false);
    expect(stand.toelichtingNodig).toBe(false);
  });

  it('legeStappenBijProfessioneel names the empty legal rungs before the first professional item is added', () => {
    expect(
      legeStappenBijProfessioneel({
        plan: plan(),
        items: items('eigen-kracht', 'voorziening'),
        naasten: [{}],
      }),
    ).toEqual(['mantelzorgondersteuning']);
    expect(
      legeStappenBijProfessioneel({
        plan: plan(),
        items: items('eigen-kracht', 'mantelzorgondersteuning', 'voorziening'),
        naasten: [{}],
      }),
    ).toEqual([]);
  });
});
