import { describe, expect, it } from 'vitest';
import {
  CATALOGUS,
  CATALOGUS_PEILDATUM,
  catalogusId,
  isCatalogusId,
} from '../../src/domain/sociale-kaart/catalogus.ts';
import {
  VOORZIENING_CATEGORIEEN,
  voorzieningSchema,
  type Voorziening,
} from '../../src/domain/sociale-kaart/model.ts';
import { zoekVoorzieningen, zoekwoorden } from '../../src/domain/sociale-kaart/zoeken.ts';

describe('the shipped catalog', () => {
  it('has about 40 entries, each valid against the domain schema', () => {
    expect(CATALOGUS.length).toBeGreaterThanOrEqual(35);
    expect(CATALOGUS.length).toBeLessThanOrEqual(60);
    for (const v of CATALOGUS) {
      const r = voorzieningSchema.safeParse(v);
      expect(r.success, `${v.naam}: ${JSON.stringify(r.error?.issues)}`).toBe(true);
      // Parsing changes nothing: what ships is already in the shape the app reads.
      expect(r.data).toEqual(v);
    }
  });

  it('has unique, stable ids that are recognised as catalog ids', () => {
    const ids = CATALOGUS.map((v) => v.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(CATALOGUS[0]!.id).toBe('5ca7a109-0000-4000-8000-000000000001');
    expect(ids.every(isCatalogusId)).toBe(true);
    expect(isCatalogusId(crypto.randomUUID())).toBe(false);
    expect(catalogusId(12)).toBe('5ca7a109-0000-4000-8000-000000000012');
  });

  it('uses every category, and marks every entry as catalog, living and dated', () => {
    const gebruikt = new Set(CATALOGUS.map((v) => v.categorie));
    expect([...gebruikt].sort()).toEqual([...VOORZIENING_CATEGORIEEN].sort());
    for (const v of CATALOGUS) {
      expect(v).toMatchObject({ type: 'voorziening', herkomst: 'catalogus', deleted: false });
      expect(v.updatedAt.startsWith(CATALOGUS_PEILDATUM)).toBe(true);
    }
  });

  it('has unique names and complete practical details', () => {
    const namen = CATALOGUS.map((v) => v.naam.toLowerCase());
    expect(new Set(namen).size).toBe(namen.length);
    for (const v of CATALOGUS) {
      expect(v.wijk, v.naam).toBeTruthy();
      expect(v.contact, v.naam).toBeTruthy();
      expect(v.kosten, v.naam).toBeTruthy();
    }
  });

  it('contains only clearly fictional contact details', () => {
    let nummers = 0;
    let domeinen = 0;
    for (const v of CATALOGUS) {
      const contact = v.contact ?? '';
      // Phone numbers only in the unassigned 000 range of the region's area codes.
      for (const nummer of contact.match(/\d{3,4}-[\d ]+/g) ?? []) {
        expect(nummer, v.naam).toMatch(/^0(318|317|342)-000 \d{3}/);
        nummers += 1;
      }
      // Web and e-mail only on example.nl.
      for (const domein of contact.match(/[\w.-]+\.[a-z]{2,}/gi) ?? []) {
        expect(domein.toLowerCase(), v.naam).toMatch(/(^|\.)example\.nl$/);
        domeinen += 1;
      }
    }
    expect(nummers).toBe(CATALOGUS.length);
    expect(domeinen).toBeGreaterThan(5);
  });

  it('covers the demo region', () => {
    const waar = CATALOGUS.map((v) => `${v.wijk} ${v.adres ?? ''}`).join(' ');
    for (const plaats of ['Ede', 'Bennekom', 'Lunteren', 'Wageningen', 'Veenendaal', 'Barneveld']) {
      expect(waar).toContain(plaats);
    }
  });
});

/** A minimal entry; override what a case is about. */
function vz(naam: string, overrides: Partial<Voorziening> = {}): Voorziening {
  return {
    type: 'voorziening',
    herkomst: 'lokaal',
    id: crypto.randomUUID() as Voorziening['id'],
    updatedAt: '2026-11-23T09:00:00.000Z',
    updatedBy: 'test',
    deleted: false,
    categorie: 'ontmoeting',
    naam,
    omschrijving: 'Koffie en een praatje.',
    ...overrides,
  };
}

const namen = (lijst: readonly Voorziening[]) => lijst.map((v) => v.naam);

describe('zoekwoorden', () => {
  it.each([
    ['Alzheimer Café', ['alzheimer', 'cafe']],
    ['  ÉÉN   twee ', ['een', 'twee']],
    ['Tafeltje-dek-je', ['tafeltje', 'dek', 'je', 'tafeltjedekje']],
    ['55+ Fit', ['55', 'fit']],
    ['', []],
  ])('%j → %j', (tekst, verwacht) => {
    expect(zoekwoorden(tekst)).toEqual(verwacht);
  });
});

describe('zoekVoorzieningen', () => {
  const brink = vz('Buurthuis De Brinkhof', { wijk: 'Ede, Veldhuizen' });
  const cafe = vz('Geheugencafé De Wissel', {
    categorie: 'dementie',
    omschrijving: 'Een Alzheimer Café voor mensen met dementie en hun naasten.',
    wijk: 'Ede, Centrum',
  });
  const tafeltje = vz('Tafeltje-dek-je Ede', {
    categorie: 'maaltijden',
    omschrijving: 'Een warme maaltijd aan huis.',
    wijk: 'Ede en Otterlo',
  });
  const eetpunt = vz('Eetpunt Samen aan Tafel', {
    categorie: 'maaltijden',
    omschrijving: 'Samen een warme maaltijd eten.',
    wijk: 'Veenendaal',
  });
  const bus = vz('Buurtbus Wageningen', {
    categorie: 'vervoer',
    omschrijving: 'Rijdt langs de winkels in Ede en Wageningen.',
    wijk: 'Wageningen',
    adres: 'Vertrek bij het busstation',
  });
  const lijst = [brink, cafe, tafeltje, eetpunt, bus];
  const zoek = (tekst: string, categorie?: Voorziening['categorie'] | '') =>
    namen(zoekVoorzieningen(lijst, { tekst, categorie }));

  it('ignores case and accents, both ways', () => {
    expect(zoek('CAFE')).toEqual(['Geheugencafé De Wissel']);
    expect(zoek('geheugencafé')).toEqual(['Geheugencafé De Wissel']);
    expect(zoek('café')).toEqual(['Geheugencafé De Wissel']); // via "Alzheimer Café" in omschrijving
  });

  it('matches the start of words in naam, omschrijving, wijk and adres, not the middle', () => {
    expect(zoek('brink')).toEqual(['Buurthuis De Brinkhof']);
    expect(zoek('alzh')).toEqual(['Geheugencafé De Wissel']); // omschrijving
    expect(zoek('veldhui')).toEqual(['Buurthuis De Brinkhof']); // wijk
    expect(zoek('busstation')).toEqual(['Buurtbus Wageningen']); // adres
    expect(zoek('rinkhof')).toEqual([]);
    expect(zoek('xyz')).toEqual([]);
  });

  it('needs every word to match (each as a prefix)', () => {
    expect(zoek('warme maal')).toEqual(['Eetpunt Samen aan Tafel', 'Tafeltje-dek-je Ede']);
    expect(zoek('warme maal veenendaal')).toEqual(['Eetpunt Samen aan Tafel']);
    expect(zoek('warme maal bennekom')).toEqual([]);
  });

  it('matches hyphenated names as separate words and as one word', () => {
    expect(zoek('dek je')).toEqual(['Tafeltje-dek-je Ede']);
    expect(zoek('tafeltjedekje')).toEqual(['Tafeltje-dek-je Ede']);
    expect(zoek('Tafeltje-dek-je')).toEqual(['Tafeltje-dek-je Ede']);
  });

  it('ranks naam matches first, then a naam starting with the word, then wijk matches', () => {
    // "tafel": Eetpunt … Tafel and Tafeltje-dek-je both in the naam; Tafeltje starts with it.
    expect(zoek('tafel')).toEqual(['Tafeltje-dek-je Ede', 'Eetpunt Samen aan Tafel']);
    // "ede": Tafeltje-dek-je Ede (naam) first; then the wijk matches; then the omschrijving.
    expect(zoek('ede')).toEqual([
      'Tafeltje-dek-je Ede',
      'Buurthuis De Brinkhof',
      'Geheugencafé De Wissel',
      'Buurtbus Wageningen',
    ]);
    // "buurt": both names start with it → alphabetical.
    expect(zoek('buurt')).toEqual(['Buurtbus Wageningen', 'Buurthuis De Brinkhof']);
  });

  it('filters by category, with or without text', () => {
    expect(zoek('', 'maaltijden')).toEqual(['Eetpunt Samen aan Tafel', 'Tafeltje-dek-je Ede']);
    expect(zoek('ede', 'maaltijden')).toEqual(['Tafeltje-dek-je Ede']);
    expect(zoek('ede', 'bewegen')).toEqual([]);
    expect(zoek('', '')).toHaveLength(lijst.length);
  });

  it('without text lists everything grouped by category order, then by naam', () => {
    expect(zoek('   ')).toEqual([
      'Buurthuis De Brinkhof', // ontmoeting
      'Eetpunt Samen aan Tafel', // maaltijden
      'Tafeltje-dek-je Ede',
      'Buurtbus Wageningen', // vervoer
      'Geheugencafé De Wissel', // dementie
    ]);
  });

  it('does not change the list it is given', () => {
    const kopie = [...lijst];
    zoekVoorzieningen(lijst, { tekst: 'ede' });
    zoekVoorzieningen(lijst, {});
    expect(lijst).toEqual(kopie);
  });

  it('finds typical questions in the shipped catalog', () => {
    const zoekCat = (tekst: string, categorie?: Voorziening['categorie']) =>
      namen(zoekVoorzieningen(CATALOGUS, { tekst, categorie }));
    expect(zoekCat('alzheimer')).toContain('Geheugencafé De Wissel');
    expect(zoekCat('tafeltje dek je')[0]).toBe('Tafeltje-dek-je Ede');
    expect(zoekCat('mantelzorg')[0]).toBe('Mantelzorgcafé Wageningen');
    expect(zoekCat('', 'vervoer').length).toBeGreaterThanOrEqual(4);
    expect(zoekCat('bennekom', 'bewegen')).toEqual(['Stoelyoga Bennekom']);
    expect(zoekCat('formulieren')).toEqual(['Formulierenhulp Ede']);
  });
});
