// The survey report works on counts per profile (fast); this test holds it against the
// straightforward computation that writes every respondent out (enquetes.rapport.referentie.ts)
// and demands exactly the same report, bit for bit, on random surveys, with and without
// breakdown, trimming or margins.
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maakRapport, type Antwoordtelling, type Rapportinvoer } from './enquetes.rapport.ts';
import { eenvoudigRapport } from './enquetes.rapport.referentie.ts';
import { CATEGORIEEN, KENMERKEN, type Definitie, type Marge } from './enquetes.schemas.ts';

/** A small deterministic generator (mulberry32). */
function willekeur(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const t = (nl: string) => ({ nl, en: nl });
const opties = (...w: string[]) => w.map((x) => ({ waarde: x, tekst: t(x) }));
const DEFINITIE: Definitie = {
  titel: t('Leefbaarheid'),
  vragen: [
    { id: 'tevreden', soort: 'enkele-keuze', tekst: t('Tevreden?'), verplicht: true, opties: opties('ja', 'nee', 'weet-niet') },
    { id: 'waarom', soort: 'meerkeuze', tekst: t('Wat kan beter?'), verplicht: false, opties: opties('afval', 'verkeer', 'groen') },
    { id: 'veilig', soort: 'schaal', tekst: t('Veilig?'), verplicht: true, schaal: { punten: 5, laag: t('Nee'), hoog: t('Ja') } },
    { id: 'cijfer', soort: 'rapportcijfer', tekst: t('Cijfer'), verplicht: false },
    { id: 'opmerking', soort: 'open', tekst: t('Opmerkingen'), verplicht: false },
  ],
};
const WIJKEN = ['Centrum', 'Noord', 'Zuid'];
const MARGES: Marge[] = [
  ...CATEGORIEEN.leeftijdsgroep.map((c, i) => ({ kenmerk: 'leeftijdsgroep' as const, categorie: c, aandeel: [0.27, 0.24, 0.26, 0.23][i] as number })),
  ...CATEGORIEEN.geslacht.map((c, i) => ({ kenmerk: 'geslacht' as const, categorie: c, aandeel: [0.49, 0.5, 0.01][i] as number })),
  ...WIJKEN.map((c, i) => ({ kenmerk: 'wijk' as const, categorie: c, aandeel: [0.5, 0.3, 0.2][i] as number })),
];

const COMBINATIES = CATEGORIEEN.leeftijdsgroep.flatMap((l) => CATEGORIEEN.geslacht.flatMap((g) => [...WIJKEN, 'Elders'].flatMap((w) => CATEGORIEEN.opleiding.map((o) => [l, g, w, o]))));

/** An answer to a question, from a number (some outside the options, as old answers can be). */
function keuze(vraag: string, i: number): string | string[] {
  if (vraag === 'tevreden') return ['ja', 'nee', 'weet-niet', 'anders-dan-de-opties'][i % 4] as string;
  if (vraag === 'waarom') return [['afval'], ['afval', 'verkeer'], [], ['groen', 'onbekend']][i % 4] as string[];
  if (vraag === 'veilig') return String(1 + (i % 5));
  if (vraag === 'cijfer') return String(1 + (i % 10));
  return '';
}

/** A random survey: panel profiles with counts (the wijk "Elders" outside some margins), answers of every kind per profile, answers by open link. */
const invoer = fc
  .record({
    // A count per combination of the characteristics (0: no such respondents).
    aantallen: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 300 })), { minLength: COMBINATIES.length, maxLength: COMBINATIES.length }),
    antwoorden: fc.array(fc.tuple(fc.nat(), fc.constantFrom('tevreden', 'waarom', 'veilig', 'cijfer', 'opmerking'), fc.nat(), fc.integer({ min: 1, max: 200 })), { maxLength: 200 }),
    open: fc.array(fc.tuple(fc.constantFrom('tevreden', 'waarom', 'cijfer'), fc.nat(), fc.integer({ min: 1, max: 30 })), { maxLength: 20 }),
    uitsplitsing: fc.option(fc.constantFrom(...KENMERKEN), { nil: undefined }),
    maxGewicht: fc.option(fc.constantFrom(1.5, 3), { nil: undefined }),
    marges: fc.constantFrom('alle', 'geen', 'zonder-elders'),
  })
  .map((r): Rapportinvoer => {
    const profielen = COMBINATIES.map((profiel, i) => ({ profiel, aantal: r.aantallen[i] as number })).filter((p) => p.aantal > 0);
    const antwoorden: Antwoordtelling[] = profielen.length === 0 ? [] : r.antwoorden.map(([p, vraag, i, aantal]) => ({ profiel: (profielen[p % profielen.length] as { profiel: string[] }).profiel, vraag, waarde: keuze(vraag, i), aantal }));
    const marges = r.marges === 'geen' ? [] : r.marges === 'alle' ? [...MARGES, { kenmerk: 'wijk' as const, categorie: 'Elders', aandeel: 0.1 }] : MARGES;
    return {
      enquete: 'e',
      definitie: DEFINITIE,
      marges,
      panel: { profielen, antwoorden },
      open: { respondenten: r.open.reduce((s, [, , a]) => s + a, 0), antwoorden: r.open.map(([vraag, i, aantal]) => ({ profiel: [null, null, null, null], vraag, waarde: keuze(vraag, i), aantal })) },
      ...(r.uitsplitsing ? { uitsplitsing: r.uitsplitsing } : {}),
      ...(r.maxGewicht ? { maxGewicht: r.maxGewicht } : {}),
    };
  });

describe('the survey report over counts', () => {
  it('is exactly the report of writing every respondent out (random surveys, breakdowns, trimming)', () => {
    let gewogen = 0;
    fc.assert(
      fc.property(invoer, (i) => {
        const snel = maakRapport(i);
        if (snel.panel.weging.status === 'gewogen') gewogen++;
        expect(snel).toStrictEqual(eenvoudigRapport(i));
      }),
      { numRuns: 150, seed: 15 },
    );
    // The property reached weighted reports, not only the unweighted ones.
    expect(gewogen).toBeGreaterThan(10);
  });

  it('a report of the size of the benchmark (50,000 respondents, breakdown by wijk) is the same too', () => {
    const volgende = willekeur(7);
    const profielen = COMBINATIES.map((profiel) => ({ profiel, aantal: 1 + Math.floor(volgende() * 700) }));
    const vragen = ['tevreden', 'waarom', 'veilig', 'cijfer', 'opmerking'];
    const antwoorden: Antwoordtelling[] = [];
    for (const p of profielen) {
      for (const vraag of vragen) {
        // Each profile's respondents spread over a few answers.
        let over = p.aantal;
        for (let k = 0; over > 0; k++) {
          const aantal = Math.min(over, 1 + Math.floor(volgende() * p.aantal));
          over -= aantal;
          antwoorden.push({ profiel: p.profiel, vraag, waarde: vraag === 'waarom' ? [['afval'], ['afval', 'verkeer'], ['groen']][k % 3] as string[] : vraag === 'opmerking' ? '' : String(1 + ((k * 7) % 5)), aantal });
        }
      }
    }
    const groot: Rapportinvoer = { enquete: 'e', definitie: DEFINITIE, marges: [...MARGES, { kenmerk: 'wijk', categorie: 'Elders', aandeel: 0.1 }], uitsplitsing: 'wijk', maxGewicht: 3, panel: { profielen, antwoorden }, open: { respondenten: 0, antwoorden: [] } };
    expect(profielen.reduce((s, p) => s + p.aantal, 0)).toBeGreaterThan(45_000);
    const snel = maakRapport(groot);
    expect(snel.panel.weging.status).toBe('gewogen');
    expect(snel).toStrictEqual(eenvoudigRapport(groot));
  });
});
