import { describe, expect, it } from 'vitest';
import { maakRapport, uitsplitsing, weegPanel, type Antwoordtelling } from './enquetes.rapport.ts';
import type { Definitie, Marge } from './enquetes.schemas.ts';
import { effectieveSteekproef, rake, vraaguitkomst } from './enquetes.weging.ts';

const t = (nl: string) => ({ nl, en: nl });
const DEF: Definitie = {
  titel: t('Probe'),
  vragen: [{ id: 'tevreden', soort: 'enkele-keuze', verplicht: true, tekst: t('Tevreden?'), opties: [{ waarde: 'ja', tekst: t('Ja') }, { waarde: 'nee', tekst: t('Nee') }] }],
};
const MARGES: Marge[] = [
  { kenmerk: 'leeftijdsgroep', categorie: '18-34', aandeel: 0.5 },
  { kenmerk: 'leeftijdsgroep', categorie: '65+', aandeel: 0.5 },
];
const p = (leeftijd: string, wijk = 'A') => [leeftijd, 'man', wijk, 'hoog'];
const tel = (wijk: string, aantal: number): Antwoordtelling => ({ profiel: p('18-34', wijk), vraag: 'tevreden', waarde: 'ja', aantal });

describe('the survey report', () => {
  it('weighs per profile exactly as raking the respondents one by one (no second implementation)', () => {
    // 2 young (1 ja, 1 nee), 6 old (5 ja, 1 nee); population half/half.
    const antwoorden: Antwoordtelling[] = [
      { profiel: p('18-34'), vraag: 'tevreden', waarde: 'ja', aantal: 1 },
      { profiel: p('18-34'), vraag: 'tevreden', waarde: 'nee', aantal: 1 },
      { profiel: p('65+'), vraag: 'tevreden', waarde: 'ja', aantal: 5 },
      { profiel: p('65+'), vraag: 'tevreden', waarde: 'nee', aantal: 1 },
    ];
    const r = maakRapport({ enquete: 'e', definitie: DEF, marges: MARGES, panel: { profielen: [{ profiel: p('18-34'), aantal: 2 }, { profiel: p('65+'), aantal: 6 }], antwoorden }, open: { respondenten: 0, antwoorden: [] } });
    // By hand (post-stratification): young weigh 0.5/(2/8) = 2, old 0.5/(6/8) = 2/3; ja = (2 + 5·2/3) / 8 = 2/3.
    const ja = r.panel.vragen[0]?.antwoorden[0];
    expect(ja?.gewogen).toBeCloseTo(2 / 3, 9);
    expect(ja?.ongewogen).toBe(6 / 8);
    const codes = [0, 0, 1, 1, 1, 1, 1, 1];
    const w = rake(8, [{ naam: 'leeftijdsgroep', categorieen: ['18-34', '65+'], marges: [0.5, 0.5], codes }]).gewichten;
    const los = vraaguitkomst('tevreden', ['ja', 'nee', 'ja', 'ja', 'ja', 'ja', 'ja', 'nee'], w);
    expect(ja?.interval[0]).toBeCloseTo(los.antwoorden[0]?.interval[0] ?? 0, 12);
    expect(r.panel.vragen[0]?.nEff).toBeCloseTo(effectieveSteekproef(w), 12);
    expect(r.panel.weging.designeffect).toBeCloseTo(8 / effectieveSteekproef(w), 12);
  });

  it('names a margin category without respondents and a respondent category the margins lack; then it does not weigh', () => {
    const w = weegPanel([{ profiel: p('35-49'), aantal: 3 }], MARGES);
    expect(w.gewicht).toBeUndefined();
    expect(w.rapport.status).toBe('niet-gewogen');
    expect(w.rapport.redenen).toHaveLength(3);
    expect(w.rapport.redenen[0]).toContain('"35-49"');
    expect(weegPanel([], []).rapport.status).toBe('geen-marges');
  });

  it('suppresses cells of 1–4 respondents, and one more when a single cell would follow from the total', () => {
    const marges: Marge[] = [...MARGES, { kenmerk: 'wijk', categorie: 'A', aandeel: 0.4 }, { kenmerk: 'wijk', categorie: 'B', aandeel: 0.3 }, { kenmerk: 'wijk', categorie: 'C', aandeel: 0.2 }, { kenmerk: 'wijk', categorie: 'D', aandeel: 0.1 }];
    const groepen = (tellingen: Antwoordtelling[]) => uitsplitsing(DEF, 'wijk', tellingen, undefined, marges).vragen[0]?.groepen.map((g) => `${g.categorie}${g.onderdrukt ? '*' : ''}`);
    // One small cell (C: 3): the smallest other (B: 6) goes too. D has none: nothing to hide.
    expect(groepen([tel('A', 20), tel('B', 6), tel('C', 3)])).toEqual(['A', 'B*', 'C*', 'D']);
    // Two small cells hide each other.
    expect(groepen([tel('A', 20), tel('B', 2), tel('C', 3)])).toEqual(['A', 'B*', 'C*', 'D']);
    expect(groepen([tel('A', 20), tel('B', 5)])).toEqual(['A', 'B', 'C', 'D']);
  });
});
