import { describe, expect, it } from 'vitest';
import { berekenbareWaarden, jaarVanKolom, metBerekendeWaarde } from './pc.berekend.ts';
import type { PcWaardeBerekend } from './pc.hoofdstuk.ts';
import { jaarstukken2023 } from './fixtures/hoofdstuk.fixture.ts';

const bron: PcWaardeBerekend = {
  kpi: 'x',
  versie: 1,
  naam: { nl: 'X', en: 'X' },
  teller: null,
  noemer: 'n',
  regel: 'r',
  periode: { van: '2023-01-01', tot: '2023-12-31' },
  aantallen: { teller: null, noemer: 4 },
  berekendOp: '2024-01-10T10:00:00Z',
};

describe('the period rule of a linked indicator', () => {
  it('kolomjaar takes the year printed in a realisation column, with a footnote glued to it or not', () => {
    expect(jaarVanKolom('Realisatie 2022', 'kolomjaar', 2023)).toBe(2022);
    expect(jaarVanKolom('Rekening 2021', 'kolomjaar', 2023)).toBe(2021);
    expect(jaarVanKolom('Begroting 2023', 'kolomjaar', 2023)).toBeUndefined();
    expect(jaarVanKolom('Realisatie', 'kolomjaar', 2023)).toBeUndefined();
    expect(jaarVanKolom('Realisatie 20231', 'kolomjaar', 2023)).toBeUndefined();
  });

  it('documentjaar takes the document year, for its own realisation column only', () => {
    expect(jaarVanKolom('Realisatie', 'documentjaar', 2023)).toBe(2023);
    expect(jaarVanKolom('Realisatie 2023', 'documentjaar', 2023)).toBe(2023);
    expect(jaarVanKolom('Realisatie 2022', 'documentjaar', 2023)).toBeUndefined();
  });

  it('lists nothing for a chapter without links', () => {
    expect(berekenbareWaarden(jaarstukken2023())).toEqual([]);
  });
});

describe('a computed value in a value cell', () => {
  const nb = { kolom: 'Realisatie 2023', tekst: 'NB', getal: null, eenheid: null, status: 'NB', reden: 'niet gemeten', voetnoten: [31] } as const;

  it('prints the number as the documents do, keeps the footnotes and drops the NB status', () => {
    expect(metBerekendeWaarde({ ...nb, voetnoten: [31] }, 66.666, 'procent', bron)).toEqual({ kolom: 'Realisatie 2023', tekst: '66,7%', getal: 66.7, eenheid: '%', voetnoten: [31], berekend: bron });
    expect(metBerekendeWaarde({ ...nb, voetnoten: [] }, 1234.5, 'euro', bron)).toMatchObject({ tekst: '€ 1.234,5', getal: 1234.5, eenheid: '€' });
    expect(metBerekendeWaarde({ ...nb, voetnoten: [] }, 12, 'aantal', bron)).toMatchObject({ tekst: '12', eenheid: 'aantal' });
    expect(metBerekendeWaarde({ ...nb, voetnoten: [] }, 4.25, 'werkdagen', bron)).toMatchObject({ tekst: '4,3 werkdagen', getal: 4.3 });
  });
});
