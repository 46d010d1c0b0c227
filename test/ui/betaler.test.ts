/**
 * Who pays, in words (src/ui/components/betaler.ts, plan-woorden.ts): a zorgverzekeraar the
 * shipped UZOVI list lacks goes by the name given on this device (issue 16, point 4); a listed one
 * keeps the list's name whatever the device says.
 */
import { describe, expect, it } from 'vitest';
import type { Beslissing } from '../../src/domain/plan/routering.ts';
import { financierNaam } from '../../src/ui/components/betaler.ts';
import { betalerInWoorden } from '../../src/ui/components/plan-woorden.ts';

const zvw = (code: string, naam: string): Beslissing => ({
  domein: 'Zvw',
  financier: { soort: 'zorgverzekeraar', code, naam },
  uitleg: null,
  voorwaarden: [],
});
const namen = new Map([
  ['9999', 'Het Oosten'],
  ['3311', 'Niet deze naam'],
]);

describe('who pays, for an insurer the shipped list lacks', () => {
  it('the editor: the given name with its code; without one, routing’s own words', () => {
    const onbekend = zvw('9999', 'Zorgverzekeraar (UZOVI 9999)');
    expect(financierNaam(onbekend, namen)).toBe('Het Oosten (UZOVI 9999)');
    expect(financierNaam(onbekend, new Map())).toBe('Zorgverzekeraar (UZOVI 9999)');
    expect(financierNaam(onbekend)).toBe('Zorgverzekeraar (UZOVI 9999)');
  });

  it('the client’s paper: the given name, never a code', () => {
    expect(betalerInWoorden(zvw('9999', 'Zorgverzekeraar (UZOVI 9999)'), namen)).toBe(
      'uw zorgverzekeraar Het Oosten',
    );
    expect(betalerInWoorden(zvw('9999', 'Zorgverzekeraar (UZOVI 9999)'))).toBe(
      'uw zorgverzekeraar',
    );
  });

  it('a listed insurer keeps the list’s name', () => {
    const zk = zvw('3311', 'Zilveren Kruis Zorgverzekeringen N.V.');
    expect(financierNaam(zk, namen)).toBe('Zilveren Kruis Zorgverzekeringen N.V.');
    expect(betalerInWoorden(zk, namen)).not.toContain('Niet deze naam');
  });
});
