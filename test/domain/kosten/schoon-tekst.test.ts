/**
 * Override reasons cleaned for the coordinator (issue 12, point 4): after Unicode normalisation,
 * no name of the client or her naasten, no BSN in any notation, no date in any Dutch form, no
 * postcode, street + huisnummer, phone number or e-mail address — while ordinary words stay.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  WEGGELATEN,
  identificerendeDelen,
  normaliseer,
  schoonTekst,
} from '../../../src/domain/kosten/pseudoniem.ts';

const ids = [
  ...identificerendeDelen({
    voornaam: 'Gerda',
    achternaam: 'van Beek',
    overig: ['123456782', '1938-07-21', '6711 AB'],
  }),
  ...identificerendeDelen({ voornaam: 'Hendrik Willem' }),
  ...identificerendeDelen({ voornaam: 'Fatima' }),
];

const schoon = (s: string) => schoonTekst(s, ids);

describe('schoonTekst after normalisation (issue 12)', () => {
  it.each([
    ['a zero-width space in a name', 'Ger\u200Bda wil dit', 'Gerda'],
    ['a soft hyphen in a name', 'mevrouw Be\u00ADek zegt', 'Beek'],
    ['full-width letters', 'Ｇｅｒｄａ vindt', 'Gerda'],
    ['a word joiner', 'zoon Hen\u2060drik helpt', 'Hendrik'],
    ['a naaste', 'dochter Fatima doet de boodschappen', 'Fatima'],
    ['a second first name of a naaste', 'Willem komt op zondag', 'Willem'],
  ])('removes %s', (_naam, tekst, geheim) => {
    const uit = schoon(tekst);
    expect(uit).toContain(WEGGELATEN);
    expect(normaliseer(uit).toLowerCase()).not.toContain(geheim.toLowerCase());
  });

  it.each([
    ['BSN with dots', 'BSN 123.456.782 bekend', '123'],
    ['BSN with spaces', 'BSN 1234 56 782 bekend', '782'],
    ['BSN with dashes', 'BSN 123-456-782', '456'],
    ['another BSN', 'BSN van haar man: 987 654 321', '321'],
    ['date d-m-yy', 'geboren 21-7-38', '21-7-38'],
    ['date dd/mm/yyyy', 'geboren 21/07/1938', '1938'],
    ['date with month name', 'geboren 21 juli 1938', 'juli'],
    ['date without year', 'jarig op 21 juli', 'juli'],
    ['date abbreviated', 'sinds 3 mrt. 2024 in zorg', 'mrt'],
    ['another ISO date', 'opname 2024-02-29', '2024'],
    ['postcode together', 'woont in 6712XY', '6712'],
    ['postcode with space', 'woont in 6712 XY', '6712'],
    ['street + huisnummer', 'adres Kerkstraat 14b', 'Kerkstraat'],
    ['street with tussenvoegsel', 'Laan van Meerdervoort 120', 'Meerdervoort'],
    ['mobile number', 'bel 06-12345678', '12345678'],
    ['mobile with spaces', 'bel 06 12 34 56 78', '56 78'],
    ['international number', 'bel +31 6 1234 5678', '1234'],
    ['landline with parentheses', 'bel (0318) 12 34 56', '34 56'],
    ['e-mail', 'mail g.vanbeek@example.nl', 'example'],
    ['e-mail with (at)', 'mail gerda (at) example . nl', 'example'],
  ])('removes a %s', (_naam, tekst, geheim) => {
    expect(schoon(tekst)).not.toContain(geheim);
  });

  it('leaves ordinary reasons alone', () => {
    for (const tekst of [
      'Afgesproken met de gemeente: 3 uur per week, 2 keer per dag.',
      'Sinds 2015 en ook in 2020 al via de Wmo.',
      'Valt onder het persoonsgebonden budget; zie beschikking.',
    ]) {
      expect(schoon(tekst)).toBe(tekst);
    }
  });

  it('never lets a planted identifier through, however it is disguised (property)', () => {
    const onzichtbaar = fc.constantFrom(
      '',
      '\u200B',
      '\u00AD',
      '\u200C',
      '\u200D',
      '\u2060',
      '\uFEFF',
    );
    const verstop = (geheim: string) =>
      fc
        .array(onzichtbaar, { minLength: geheim.length, maxLength: geheim.length })
        .map((tussen) => [...geheim].map((c, i) => c + tussen[i]).join(''));
    const geheim = fc.constantFrom('Gerda', 'Beek', 'Hendrik', 'Willem', 'Fatima', '123456782');
    const woord = fc.constantFrom(
      'de',
      'zorg',
      'helpt',
      'graag',
      'thuis',
      'ook',
      'morgen',
      ',',
      '.',
    );
    fc.assert(
      fc.property(
        fc.array(woord, { maxLength: 6 }),
        geheim.chain((g) => verstop(g).map((v) => [g, v] as const)),
        fc.array(woord, { maxLength: 6 }),
        fc.boolean(),
        (voor, [g, v], na, hoofdletters) => {
          const tekst = [...voor, hoofdletters ? v.toUpperCase() : v, ...na].join(' ');
          const uit = normaliseer(schoon(tekst)).toLowerCase();
          expect(uit).not.toContain(g.toLowerCase());
        },
      ),
      { numRuns: 500 },
    );
  });

  it('removes any 9-digit number with any separators (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }),
        fc.array(fc.constantFrom('', ' ', '.', '-', ' - '), { minLength: 8, maxLength: 8 }),
        (cijfers, scheiders) => {
          const nummer = cijfers.map((c, i) => `${c}${scheiders[i] ?? ''}`).join('');
          const uit = schoon(`BSN ${nummer} bekend`);
          expect(uit.replace(/\D/g, '')).toBe('');
        },
      ),
      { numRuns: 300 },
    );
  });
});
