import { describe, expect, it } from 'vitest';
import { isoDateSchema } from '../../../src/domain/model/dates.ts';
import {
  dagenTussen,
  evaluatieStatus,
  isReadOnly,
  maakNieuwConcept,
  stelVast,
  VASTSTEL_REDEN_TEKST,
  vaststelRedenen,
  type VaststelInvoer,
  type VaststelReden,
} from '../../../src/domain/plan/status.ts';
import type { Plan } from '../../../src/domain/plan/model.ts';

const VANDAAG = '2026-11-23';
const d = (s: string) => isoDateSchema.parse(s);

function concept(over: Partial<VaststelInvoer> = {}): VaststelInvoer {
  return {
    status: 'concept',
    versie: 1,
    akkoord: { datum: d('2026-11-20'), wijze: 'handtekening', door: 'client' },
    evaluatiedatum: d('2027-05-20'),
    vastgesteldOp: undefined,
    ladderToelichting: undefined,
    ...over,
  };
}

describe('vaststelRedenen', () => {
  it.each<[string, Partial<VaststelInvoer>, VaststelReden[]]>([
    ['complete concept', {}, []],
    ['no akkoord', { akkoord: null }, ['akkoord-ontbreekt']],
    [
      'akkoord without datum',
      { akkoord: { wijze: 'mondeling', door: 'client' } },
      ['akkoord-datum-ontbreekt'],
    ],
    [
      'akkoord without wijze',
      { akkoord: { datum: d('2026-11-20'), door: 'client' } },
      ['akkoord-wijze-ontbreekt'],
    ],
    [
      'akkoord without door',
      { akkoord: { datum: d('2026-11-20'), wijze: 'digitaal' } },
      ['akkoord-door-ontbreekt'],
    ],
    [
      'empty akkoord',
      { akkoord: {} },
      ['akkoord-datum-ontbreekt', 'akkoord-wijze-ontbreekt', 'akkoord-door-ontbreekt'],
    ],
    [
      'akkoord tomorrow',
      { akkoord: { datum: d('2026-11-24'), wijze: 'mondeling', door: 'client' } },
      ['akkoord-in-toekomst'],
    ],
    [
      'akkoord today is fine',
      { akkoord: { datum: d(VANDAAG), wijze: 'mondeling', door: 'client' } },
      [],
    ],
    ['no evaluatiedatum', { evaluatiedatum: undefined }, ['evaluatiedatum-ontbreekt']],
    [
      'evaluatie before akkoord',
      { evaluatiedatum: d('2026-11-01') },
      ['evaluatiedatum-voor-akkoord'],
    ],
    ['already vastgesteld', { status: 'vastgesteld' }, ['niet-concept']],
    [
      'nothing at all',
      { akkoord: null, evaluatiedatum: undefined },
      ['akkoord-ontbreekt', 'evaluatiedatum-ontbreekt'],
    ],
  ])('%s', (_naam, over, redenen) => {
    expect(vaststelRedenen(concept(over), VANDAAG)).toEqual(redenen);
  });

  it('requires the ladder reason only when the ladder says one is needed', () => {
    expect(vaststelRedenen(concept(), VANDAAG, { toelichtingNodig: true })).toEqual([
      'ladder-toelichting-ontbreekt',
    ]);
    expect(
      vaststelRedenen(concept({ ladderToelichting: 'Geen netwerk in de buurt' }), VANDAAG, {
        toelichtingNodig: true,
      }),
    ).toEqual([]);
    expect(vaststelRedenen(concept(), VANDAAG, { toelichtingNodig: false })).toEqual([]);
  });

  it('has a Dutch default text and a field for every code', () => {
    for (const [code, { veld, tekst }] of Object.entries(VASTSTEL_REDEN_TEKST)) {
      expect(tekst, code).toMatch(/^[A-Z].*\.$/);
      expect(veld, code).not.toBe('');
    }
  });
});

type StatusPlan = Pick<
  Plan,
  'status' | 'versie' | 'akkoord' | 'evaluatiedatum' | 'vastgesteldOp' | 'ladderToelichting'
> & { id: string };

const plan = (over: Partial<StatusPlan> = {}): StatusPlan => ({
  id: 'p1',
  status: 'concept',
  versie: 1,
  akkoord: { datum: d('2026-11-20'), wijze: 'handtekening', door: 'client' },
  evaluatiedatum: d('2027-05-20'),
  vastgesteldOp: undefined,
  ladderToelichting: undefined,
  ...over,
});

describe('stelVast and maakNieuwConcept', () => {
  it('concept → vastgesteld changes only status and vastgesteldOp', () => {
    const p = plan();
    const r = stelVast(p, d(VANDAAG));
    expect(r).toEqual({ ok: true, plan: { ...p, status: 'vastgesteld', vastgesteldOp: VANDAAG } });
    expect(p.status).toBe('concept'); // the input is not mutated
  });

  it('refuses with the reasons', () => {
    expect(stelVast(plan({ akkoord: null }), d(VANDAAG))).toEqual({
      ok: false,
      redenen: ['akkoord-ontbreekt'],
    });
  });

  it('vastgesteld → a new concept: versie + 1, akkoord and vastgesteldOp cleared, evaluatiedatum kept', () => {
    const vast = plan({ status: 'vastgesteld', vastgesteldOp: d(VANDAAG), versie: 2 });
    const r = maakNieuwConcept(vast);
    expect(r).toEqual({
      ok: true,
      plan: {
        ...vast,
        status: 'concept',
        versie: 3,
        akkoord: null,
        vastgesteldOp: undefined,
      },
    });
  });

  it('a concept cannot become a new concept', () => {
    expect(maakNieuwConcept(plan())).toEqual({ ok: false, redenen: ['al-concept'] });
    expect(maakNieuwConcept(plan({ status: 'ter-review' })).ok).toBe(false);
    expect(maakNieuwConcept(plan({ status: 'geevalueerd' })).ok).toBe(true);
  });

  it.each([
    ['concept', false],
    ['ter-review', false],
    ['vastgesteld', true],
    ['geevalueerd', true],
  ] as const)('isReadOnly(%s) = %s', (status, verwacht) => {
    expect(isReadOnly({ status })).toBe(verwacht);
  });
});

describe('evaluatieStatus', () => {
  const vast = (evaluatiedatum?: string, over: Partial<StatusPlan> = {}) => ({
    status: 'vastgesteld' as const,
    versie: 1,
    evaluatiedatum: evaluatiedatum ? d(evaluatiedatum) : undefined,
    ...over,
  });
  it.each([
    ['no date', vast(), 'geen'],
    ['far ahead', vast('2027-01-01'), 'geen'],
    ['15 days ahead', vast('2026-12-08'), 'geen'],
    ['14 days ahead', vast('2026-12-07'), 'binnenkort'],
    ['today', vast(VANDAAG), 'binnenkort'],
    ['yesterday', vast('2026-11-22'), 'verlopen'],
    ['last year', vast('2025-11-23'), 'verlopen'],
    ['a first concept is not running', vast('2026-11-01', { status: 'concept' }), 'geen'],
    [
      'a new concept of a running plan still counts',
      vast('2026-11-01', { status: 'concept', versie: 2 }),
      'verlopen',
    ],
    ['already geevalueerd', vast('2026-11-01', { status: 'geevalueerd', versie: 2 }), 'geen'],
  ] as const)('%s → %s', (_naam, p, verwacht) => {
    expect(evaluatieStatus(p, VANDAAG)).toBe(verwacht);
  });

  it('counts days across month and leap-year ends', () => {
    expect(dagenTussen('2028-02-28', '2028-03-01')).toBe(2);
    expect(dagenTussen('2026-12-31', '2027-01-01')).toBe(1);
    expect(dagenTussen('2026-11-23', '2026-11-20')).toBe(-3);
  });
});
