import { describe, expect, it } from 'vitest';
import { DREMPEL, stelCategorieVoor, woordenVan } from './meldingformulier.suggestie.ts';

const categorieen = [
  { code: 'container-vol', naam: 'Container is vol', trefwoorden: ['container', 'afvalbak', 'glasbak'] },
  { code: 'lantaarnpaal-kapot', naam: 'Lantaarnpaal doet het niet', trefwoorden: ['lamp', 'lantaarnpaal', 'donker'] },
  { code: 'losse-stoeptegel', naam: 'Losse of kapotte stoeptegel', trefwoorden: ['tegel', 'stoep', 'struikelen'] },
];

describe('stelCategorieVoor', () => {
  it('suggests the category whose keywords (and name words) are found, with the words as the explanation (accents and plurals too)', () => {
    expect(stelCategorieVoor('De glasbak bij de supermarkt is weer vol, overal containers!', categorieen)).toEqual({ code: 'container-vol', zekerheid: 1, woorden: ['container', 'glasbak', 'vol'] });
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
});
