import { describe, expect, it } from 'vitest';
import { DREMPEL, MIN_MELDINGEN, stelCategorieVoor, termenVan, woordenVan } from './meldingformulier.suggestie.ts';

const categorieen = [
  { code: 'container-vol', naam: 'Container is vol', trefwoorden: ['container', 'afvalbak', 'glasbak'] },
  { code: 'lantaarnpaal-kapot', naam: 'Lantaarnpaal doet het niet', trefwoorden: ['lamp', 'lantaarnpaal', 'donker'] },
  { code: 'losse-stoeptegel', naam: 'Losse of kapotte stoeptegel', trefwoorden: ['tegel', 'stoep', 'struikelen'] },
];

describe('stelCategorieVoor', () => {
  it('suggests the category whose keywords (and name words) are found, with the words as the explanation (accents and plurals too)', () => {
    expect(stelCategorieVoor('De glasbak bij de supermarkt is weer vol, overal containers!', categorieen)).toMatchObject({ code: 'container-vol', zekerheid: 1, woorden: ['container', 'glasbak', 'vol'] });
    expect(woordenVan('Één Lantaarnpaal, één Straat')).toEqual(['lantaarnpaal', 'straat']);
    expect(stelCategorieVoor('Het is DONKER: de lantaarnpaal is stuk', categorieen)?.woorden).toEqual(['lantaarnpaal', 'donker']);
  });

  it('suggests nothing below the threshold or without any keyword', () => {
    // One word for each of two categories: 50 %, below the threshold.
    expect(DREMPEL).toBeGreaterThan(0.5);
    expect(stelCategorieVoor('De lamp bij de container', categorieen)).toBeUndefined();
    expect(stelCategorieVoor('Er is iets mis', categorieen)).toBeUndefined();
    expect(stelCategorieVoor('', categorieen)).toBeUndefined();
    // A keyword of four letters or more matches the start of a word (a known limit: "lampionnen" counts as
    // "lamp"); a shorter one only a whole word.
    expect(stelCategorieVoor('lampionnen', categorieen)?.code).toBe('lantaarnpaal-kapot');
    expect(stelCategorieVoor('stoepkrijt', [{ code: 'x', naam: 'X', trefwoorden: ['stoe'] }])?.code).toBe('x');
    expect(stelCategorieVoor('ab', [{ code: 'x', naam: 'X', trefwoorden: ['ab'] }])?.code).toBe('x');
    expect(stelCategorieVoor('abc', [{ code: 'x', naam: 'X', trefwoorden: ['ab'] }])).toBeUndefined();
  });

  describe('with terms from earlier meldingen', () => {
    const termen = new Map([
      // "zwerfvuil" was in 3 closed meldingen of container-vol and 1 of losse-stoeptegel.
      ['zwerfvuil', new Map([['container-vol', 3], ['losse-stoeptegel', 1]])],
      // "paal" in 4 of lantaarnpaal-kapot only.
      ['paal', new Map([['lantaarnpaal-kapot', 4]])],
      // "straat" everywhere: it says little.
      ['straat', new Map([['container-vol', 5], ['lantaarnpaal-kapot', 5], ['losse-stoeptegel', 5], ['onbekend', 9]])],
      // Seen too rarely to count.
      ['bladeren', new Map([['container-vol', 2]])],
    ]);

    it('adds the shared points of each word and explains where every point came from (hand computed)', () => {
      // container-vol: keyword "container" 1 + zwerfvuil 3/4 = 1.75; losse-stoeptegel: zwerfvuil 1/4 = 0.25.
      // Total 2.0, so zekerheid 1.75 / 2 = 0.875.
      const s = stelCategorieVoor('Zwerfvuil naast de container', categorieen, termen);
      expect(s?.code).toBe('container-vol');
      expect(s?.zekerheid).toBeCloseTo(0.875, 10);
      expect(s?.woorden).toEqual(['container', 'zwerfvuil']);
      expect(s?.uitleg).toEqual([
        { woord: 'container', bron: 'trefwoord', punten: 1 },
        { woord: 'zwerfvuil', bron: 'eerdere-meldingen', punten: 0.75, meldingen: { categorie: 3, totaal: 4 } },
      ]);
    });

    it('can suggest from earlier meldingen alone, and a word every category has seen lowers the certainty', () => {
      // lantaarnpaal-kapot: paal 4/4 = 1 point, the minimum; zekerheid 1.
      expect(stelCategorieVoor('De paal staat scheef', categorieen, termen)).toMatchObject({ code: 'lantaarnpaal-kapot', zekerheid: 1, woorden: ['paal'] });
      // "straat": 5/15 each of the three (the unknown category "onbekend" is not offered and not counted).
      // lantaarnpaal-kapot: 1 + 1/3 = 4/3; the others 1/3 each; total 2; zekerheid (4/3) / 2 = 2/3 ≥ 0.6.
      const s = stelCategorieVoor('De paal in de straat', categorieen, termen);
      expect(s?.zekerheid).toBeCloseTo(2 / 3, 10);
      expect(s?.uitleg.map((o) => [o.woord, o.punten])).toEqual([['paal', 1], ['straat', 1 / 3]]);
      // "straat" alone: 1/3 each, below the minimum of points and the threshold.
      expect(stelCategorieVoor('Het gaat om de straat', categorieen, termen)).toBeUndefined();
    });

    it('ignores a word seen in fewer than MIN_MELDINGEN earlier meldingen', () => {
      expect(MIN_MELDINGEN).toBe(3);
      expect(stelCategorieVoor('bladeren', categorieen, termen)).toBeUndefined();
      expect(termenVan('De container, de CONTAINER en 1234 kapotte bakken!')).toEqual(['container', 'kapotte', 'bakken']);
    });
  });
});
