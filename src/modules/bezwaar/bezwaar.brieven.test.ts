import { describe, expect, it } from 'vitest';
import { leesPdf } from '../../../test/pdf.ts';
import { maakBrief } from '../brieven/brieven.pdf.ts';

const diemen = { naam: 'Diemen', thema: { logoTekst: 'Gemeente Diemen', telefoon: '14 020' } };
const basis = { referentie: 'Z-2026-000007', onderwerp: 'Bezwaar dakkapel', naam: 'Sara Jansen', besluit: 'Weigering dakkapel', motivering: 'De dakkapel is te groot.' };
const tekst = async (pdf: Promise<Buffer>) => leesPdf(await pdf).tekst.replace(/\s+/g, ' ');

describe('bezwaar letters (ADR 0063)', () => {
  it('names beroep at the court and its term in the decision, in English too; a withdrawal gets no beroep', async () => {
    const nl = await tekst(maakBrief({ gemeente: diemen, taal: 'nl', sjabloon: 'bezwaarBeslissing', gegevens: { ...basis, uitkomst: 'deels-gegrond', rechtbank: 'Rechtbank Amsterdam' }, datum: '2026-03-20' }));
    expect(nl).toContain('Ons besluit op uw bezwaar');
    expect(nl).toContain('Uw bezwaar tegen ons besluit (Weigering dakkapel) is deels gegrond.');
    expect(nl).toContain('beroep instellen bij Rechtbank Amsterdam. Dat moet binnen zes weken.');
    const en = await tekst(maakBrief({ gemeente: diemen, taal: 'en', sjabloon: 'bezwaarBeslissing', gegevens: { ...basis, uitkomst: 'niet-ontvankelijk', rechtbank: null }, datum: '2026-03-20' }));
    expect(en).toContain('Our decision on your objection');
    expect(en).toContain('Your objection is inadmissible.');
    expect(en).toContain('you can appeal to the court. You must do this within six weeks.');
    const ingetrokken = await tekst(maakBrief({ gemeente: diemen, taal: 'nl', sjabloon: 'bezwaarBeslissing', gegevens: { ...basis, uitkomst: 'ingetrokken', rechtbank: 'Rechtbank Amsterdam' }, datum: '2026-03-20' }));
    expect(ingetrokken).toContain('U heeft uw bezwaar tegen ons besluit (Weigering dakkapel) ingetrokken.');
    expect(ingetrokken).not.toContain('beroep');
  });

  it('tells a late objector to explain, and a premature one that it is no problem (6:10, 6:11)', async () => {
    const gegevens = { ...basis, bekendmaking: '2 februari 2026', ontvangen: '20 april 2026', beslistermijnEinde: '1 juni 2026', commissie: true, laat: true, premature: false };
    const laat = await tekst(maakBrief({ gemeente: diemen, taal: 'nl', sjabloon: 'bezwaarOntvangst', gegevens, datum: '2026-04-20' }));
    expect(laat).toContain('Uw bezwaar kwam na de bezwaartermijn van zes weken.');
    expect(laat).toContain('Een onafhankelijke bezwaarcommissie geeft ons advies over uw bezwaar. Daarom beslissen wij uiterlijk op 1 juni 2026.');
    const vroeg = await tekst(maakBrief({ gemeente: diemen, taal: 'en', sjabloon: 'bezwaarOntvangst', gegevens: { ...gegevens, laat: false, premature: true, commissie: false }, datum: '2026-04-20' }));
    expect(vroeg).toContain('before the objection period began. That is not a problem.');
    expect(vroeg).not.toContain('after the objection period');
  });
});
