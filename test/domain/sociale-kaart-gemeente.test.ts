import { describe, expect, it } from 'vitest';
import { CATALOGUS } from '../../src/domain/sociale-kaart/catalogus.ts';
import {
  andereGemeente,
  eersteInGemeente,
  gemeentenVan,
} from '../../src/domain/sociale-kaart/gemeente.ts';
import { zoekVoorzieningen } from '../../src/domain/sociale-kaart/zoeken.ts';

const EDE = 'GM0228';
const WAGENINGEN = 'GM0289';

describe('the gemeente of a sociale-kaart entry (issue 11, point 9)', () => {
  it.each([
    [{ wijk: 'Ede, Veldhuizen' }, [EDE]],
    [{ wijk: 'Bennekom' }, [EDE]],
    [{ wijk: 'Lunteren en Otterlo' }, [EDE]],
    [{ wijk: 'Bennekom en Wageningen' }, [EDE, WAGENINGEN]],
    [{ wijk: 'Veenendaal en Rhenen' }, ['GM0345', 'GM0340']],
    [{ adres: 'Markthof 7, 6701 GH Wageningen' }, [WAGENINGEN]],
    [{ wijk: 'Bezorging aan huis' }, []],
    [{ wijk: 'Vertrek bij het busstation' }, []],
  ])('%j → %j', (v, codes) => {
    expect(gemeentenVan(v)).toEqual(codes);
  });

  it('every catalog entry that names a place has a gemeente', () => {
    const zonder = CATALOGUS.filter((v) => gemeentenVan(v).length === 0);
    expect(zonder.map((v) => v.wijk)).toEqual(
      zonder.map(() => expect.stringMatching(/Bezorging aan huis|busstation/)),
    );
  });

  it('marks an entry of another gemeente with its name; one in the client’s gemeente not', () => {
    expect(andereGemeente({ wijk: 'Wageningen, Centrum' }, EDE)).toBe('Wageningen');
    expect(andereGemeente({ wijk: 'Veenendaal en Rhenen' }, EDE)).toBe('Veenendaal en Rhenen');
    expect(andereGemeente({ wijk: 'Bennekom' }, EDE)).toBeNull();
    expect(andereGemeente({ wijk: 'Bennekom en Wageningen' }, WAGENINGEN)).toBeNull();
    expect(andereGemeente({ wijk: 'Bezorging aan huis' }, EDE)).toBeNull();
    expect(andereGemeente({ wijk: 'Wageningen' }, undefined)).toBeNull();
  });

  it('lists the client’s gemeente first, then entries without a place, then the others', () => {
    for (const gemeente of [EDE, WAGENINGEN]) {
      const lijst = eersteInGemeente(zoekVoorzieningen(CATALOGUS, {}), gemeente);
      expect(lijst).toHaveLength(CATALOGUS.length);
      const groepen = lijst.map((v) =>
        gemeentenVan(v).includes(gemeente) ? 0 : gemeentenVan(v).length === 0 ? 1 : 2,
      );
      expect(groepen).toEqual([...groepen].sort());
      expect(groepen[0]).toBe(0);
      expect(groepen.at(-1)).toBe(2);
    }
  });

  it('keeps the search ranking within a group', () => {
    const gevonden = zoekVoorzieningen(CATALOGUS, { tekst: 'maaltijd' });
    const inEde = eersteInGemeente(gevonden, EDE).filter((v) => gemeentenVan(v).includes(EDE));
    expect(inEde).toEqual(gevonden.filter((v) => gemeentenVan(v).includes(EDE)));
  });
});
