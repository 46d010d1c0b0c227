import { describe, expect, it } from 'vitest';
import {
  WEGGELATEN,
  identificerendeDelen,
  leeftijdsband,
  schoonTekst,
} from '../../../src/domain/kosten/pseudoniem.ts';

describe('leeftijdsband', () => {
  it.each([
    ['2010-06-01', '0-17'],
    ['2008-06-02', '0-17'], // 18 tomorrow
    ['2008-06-01', '18-64'],
    ['1961-06-02', '18-64'],
    ['1961-06-01', '65-74'],
    ['1951-06-01', '75-84'],
    ['1941-06-02', '75-84'],
    ['1941-06-01', '85+'],
  ])('born %s is %s on 2026-06-01', (geboortedatum, band) => {
    expect(leeftijdsband(geboortedatum, '2026-06-01')).toBe(band);
  });

  it('says onbekend without a valid birth date, or one after the peildatum', () => {
    expect(leeftijdsband(undefined, '2026-06-01')).toBe('onbekend');
    expect(leeftijdsband('1941-02-30', '2026-06-01')).toBe('onbekend');
    expect(leeftijdsband('2027-01-01', '2026-06-01')).toBe('onbekend');
  });
});

describe('schoonTekst', () => {
  const ids = identificerendeDelen({
    voornaam: 'Gerda',
    achternaam: 'van Beek',
    overig: ['123456782', '1941-03-03', '6711 AB', 'Dorpsstraat'],
  });

  it('lists the name parts without a bare tussenvoegsel', () => {
    expect(ids).toEqual(
      expect.arrayContaining(['Gerda van Beek', 'Gerda', 'van Beek', 'Beek', '123456782']),
    );
    expect(ids).not.toContain('van');
  });

  it('removes names case-insensitively, also inside longer words', () => {
    expect(schoonTekst('Mevrouw VAN BEEK wil dit; gerda stemt in. Beeks dochter ook.', ids)).toBe(
      `Mevrouw ${WEGGELATEN} wil dit; ${WEGGELATEN} stemt in. ${WEGGELATEN}s dochter ook.`,
    );
  });

  it('removes a BSN with or without spaces or dots', () => {
    for (const bsn of ['123456782', '123 456 782', '1234.56.782', '12 34 56 782']) {
      expect(schoonTekst(`BSN ${bsn} bekend`, ids)).toBe(`BSN ${WEGGELATEN} bekend`);
    }
  });

  it('removes a birth date in ISO and Dutch forms', () => {
    for (const d of [
      '1941-03-03',
      '3-3-1941',
      '03-03-1941',
      '3/3/1941',
      '03.03.1941',
      '3 maart 1941',
      '3 mrt 1941',
    ]) {
      expect(schoonTekst(`geboren ${d}.`, ids), d).toBe(`geboren ${WEGGELATEN}.`);
    }
  });

  it('removes a postcode with or without space and a street', () => {
    // Street and huisnummer go together (issue 12).
    expect(schoonTekst('woont 6711AB, Dorpsstraat 5', ids)).toBe(
      `woont ${WEGGELATEN}, ${WEGGELATEN}`,
    );
    expect(schoonTekst('woont 6711 ab', ids)).toBe(`woont ${WEGGELATEN}`);
  });

  it('leaves other text alone and ignores identifiers too short to be one', () => {
    const tekst = 'Afgesproken met gemeente en verzekeraar: wijkverpleging levert al zorg.';
    expect(schoonTekst(tekst, ids)).toBe(tekst);
    expect(schoonTekst('de 5 dagen', ['de', '5', ''])).toBe('de 5 dagen');
  });

  it('treats regex characters in an identifier as plain text', () => {
    expect(schoonTekst('naam (Jo) en J.o', ['(Jo)'])).toBe(`naam ${WEGGELATEN} en J.o`);
  });
});
