import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leesAntwoorden, leesMarges, weegBestanden, wegingAlsJson, type Bestand } from './enquetes.bestanden.ts';
import { WegingBestandFout } from './enquetes.errors.ts';
import { effectieveSteekproef, rake, vraaguitkomst, wilson, type Kenmerk } from './enquetes.weging.ts';

// The worked fixture of the reference note (see fixtures/README.md), tolerance 1e-4.
const map = join(import.meta.dirname, 'fixtures');
const panel: Bestand = { naam: 'panel-1000.csv', tekst: readFileSync(join(map, 'panel-1000.csv'), 'utf8') };
const marges: Bestand = { naam: 'marges.csv', tekst: readFileSync(join(map, 'marges-leeftijd-geslacht.csv'), 'utf8') };
const bijna = (x: number, verwacht: number, tol = 1e-4) => expect(Math.abs(x - verwacht), `${x} ≈ ${verwacht}`).toBeLessThanOrEqual(tol);
/** Respondent number of the first respondent in each cell: 18-34 M, V; 35-64 M, V; 65+ M, V. */
const EERSTE = [1, 61, 151, 371, 601, 821];

function fouten(werk: () => unknown): { bestand: string; regel: number; reden: string }[] {
  try {
    werk();
  } catch (error) {
    if (error instanceof WegingBestandFout) return [...error.fouten];
    throw error;
  }
  throw new Error('no WegingBestandFout');
}

describe('the worked fixture of the reference note (§4.5)', () => {
  it('raked to age and sex: the cell weights, p, n_eff, deff and the Wilson interval of the note', () => {
    const w = weegBestanden(panel, marges);
    expect(w.respondenten).toBe(1000);
    expect(w.geconvergeerd).toBe(true);
    const verwacht = [1.8793, 1.8027, 1.078, 1.0341, 0.6367, 0.6107];
    EERSTE.forEach((nr, c) => bijna(w.gewichten[nr - 1]?.gewicht as number, verwacht[c] as number));
    // Every respondent of a cell has the cell's weight, the mean is 1.
    expect(w.gewichten[59]?.gewicht).toBe(w.gewichten[0]?.gewicht);
    bijna(w.gewichten.reduce((s, g) => s + g.gewicht, 0) / 1000, 1, 1e-12);
    bijna(w.effectieveSteekproef, 860.4, 0.05);
    bijna(w.designeffect, 1.1623);
    const ja = w.resultaten[0]?.antwoorden.find((a) => a.antwoord === 'ja');
    expect(ja?.ongewogen).toBe(0.686);
    bijna(ja?.gewogen as number, 0.6555);
    bijna(ja?.interval[0] as number, 0.6231);
    bijna(ja?.interval[1] as number, 0.6865);
    // The margins are reproduced.
    for (const k of w.kenmerken) for (const c of k.categorieen) bijna(c.gewogen, c.marge, 1e-6);
    expect(w.grootsteAfwijking).toBeLessThanOrEqual(1e-6);
  });

  it('stops on shares within 1e-6 (3 iterations); the note counted to 1e-6 persons of N = 40 000 (5 iterations)', () => {
    expect(weegBestanden(panel, marges).iteraties).toBe(3);
    const m = leesMarges(marges);
    const { gelezen } = leesAntwoorden(panel, { bestand: 'marges.csv', kenmerken: m.kenmerken });
    expect(rake(1000, gelezen.kenmerken, { tolerantie: 1e-6 / 40_000 }).iteraties).toBe(5);
  });

  it('with one characteristic raking is post-stratification (hand computed, and the note)', () => {
    const alleenLeeftijd: Bestand = { naam: 'm.csv', tekst: 'kenmerk;categorie;aandeel\nleeftijd;18-34;0,275\nleeftijd;35-64;0,475\nleeftijd;65+;0,25\n' };
    const w = weegBestanden(panel, alleenLeeftijd);
    expect(w.iteraties).toBe(1);
    // w_h = (N_h/N) / (n_h/n): 0.275/0.15, 0.475/0.45, 0.25/0.4.
    const hand = [0.275 / 0.15, 0.475 / 0.45, 0.25 / 0.4];
    [0, 1, 2].forEach((h) => {
      bijna(w.gewichten[(EERSTE[2 * h] as number) - 1]?.gewicht as number, hand[h] as number, 1e-12);
      bijna(w.gewichten[(EERSTE[2 * h + 1] as number) - 1]?.gewicht as number, hand[h] as number, 1e-12);
    });
    bijna(hand[0] as number, 73.3333 / 40, 1e-4);
    // p̂ = Σ (N_h/N) p_h with p_h 84/150, 293/450, 309/400.
    const p = 0.275 * (84 / 150) + 0.475 * (293 / 450) + 0.25 * (309 / 400);
    bijna(p, 0.6564);
    // geslacht is no weighting characteristic here: it is a question like tevreden.
    expect(w.resultaten.map((r) => r.vraag)).toEqual(['geslacht', 'tevreden']);
    const ja = w.resultaten[1]?.antwoorden.find((a) => a.antwoord === 'ja');
    bijna(ja?.gewogen as number, p, 1e-12);
    // n_eff = (Σw)²/Σw² by hand: 150, 450 and 400 respondents with the three weights.
    const [w1, w2, w3] = hand as [number, number, number];
    const nEff = 1000 ** 2 / (150 * w1 ** 2 + 450 * w2 ** 2 + 400 * w3 ** 2);
    bijna(w.effectieveSteekproef, nEff, 1e-9);
    bijna(nEff, 860.7, 0.05);
    bijna(w.designeffect, 1.1618);
    const [laag, hoog] = wilson(p, nEff);
    bijna(ja?.interval[0] as number, laag, 1e-12);
    bijna(ja?.interval[1] as number, hoog, 1e-12);
  });
});

describe('Wilson and Kish', () => {
  it('Wilson by its formula, and the edges', () => {
    // p = 0.5, n = 100: centre 0.5, half-width z/(1+z²/n) · sqrt(0.25/100 + z²/(4·100²)).
    const [laag, hoog] = wilson(0.5, 100);
    bijna(laag, 0.4038, 1e-4);
    bijna(hoog, 0.5962, 1e-4);
    expect(wilson(0, 10)[0]).toBe(0);
    bijna(wilson(0, 10)[1], 0.2775, 1e-4);
    expect(wilson(1, 10)[1]).toBe(1);
    expect(wilson(0.3, 0)).toEqual([0, 0]);
  });

  it('n_eff is n for equal weights and scale-free', () => {
    expect(effectieveSteekproef([2, 2, 2, 2])).toBe(4);
    bijna(effectieveSteekproef([1, 3]), 16 / 10, 1e-12);
    bijna(effectieveSteekproef([10, 30]), 16 / 10, 1e-12);
  });

  it('a question leaves out who did not answer it; its interval uses the n_eff of who answered', () => {
    const u = vraaguitkomst('v', ['ja', null, 'nee', 'ja', null], [1, 5, 2, 1, 5]);
    expect(u.beantwoord).toBe(3);
    bijna(u.effectieveSteekproef, 16 / 6, 1e-12);
    expect(u.antwoorden.map((a) => [a.antwoord, a.ongewogen, a.gewogen])).toEqual([
      ['ja', 2 / 3, 0.5],
      ['nee', 1 / 3, 0.5],
    ]);
    expect(u.antwoorden[0]?.interval).toEqual(wilson(0.5, 16 / 6));
    // Numbers by value.
    expect(vraaguitkomst('cijfer', ['10', '2', '9'], [1, 1, 1]).antwoorden.map((a) => a.antwoord)).toEqual(['2', '9', '10']);
  });
});

describe('trimming (--max-gewicht)', () => {
  it('caps the weights relative to mean 1 and still meets the margins', () => {
    const zonder = weegBestanden(panel, marges);
    expect(Math.max(...zonder.gewichten.map((g) => g.gewicht))).toBeGreaterThan(1.85);
    // Age 18-34 needs mean weight 1.8333 over its cell; sex lets M and V differ: cap them at 1.84.
    const met = weegBestanden(panel, marges, { maxGewicht: 1.84 });
    expect(met.geconvergeerd).toBe(true);
    expect(Math.max(...met.gewichten.map((g) => g.gewicht))).toBeLessThanOrEqual(1.84 * (1 + 1e-9));
    bijna(met.gewichten.reduce((s, g) => s + g.gewicht, 0), 1000, 1e-9);
    for (const k of met.kenmerken) for (const c of k.categorieen) bijna(c.gewogen, c.marge, 1e-6);
    expect(met.designeffect).toBeLessThan(zonder.designeffect);
  });

  it('a cap the margins cannot allow: not converged, the margins kept', () => {
    const w = weegBestanden(panel, marges, { maxGewicht: 1.5 });
    expect(w.geconvergeerd).toBe(false);
    expect(w.iteraties).toBe(100);
    for (const k of w.kenmerken) for (const c of k.categorieen) bijna(c.gewogen, c.marge, 1e-6);
  });
});

const a = (tekst: string): Bestand => ({ naam: 'a.csv', tekst });
const m = (tekst: string): Bestand => ({ naam: 'm.csv', tekst });

describe('bad files: every reason with its file and line', () => {
  const M = 'kenmerk,categorie,aandeel\nleeftijd,jong,0.4\nleeftijd,oud,0.6\n';

  it('a category the margins lack, a respondent without a value, a repeated respondent', () => {
    expect(fouten(() => weegBestanden(a('respondent;leeftijd;v1\nr1;jong;ja\nr2;middel;nee\nr3;;ja\nr1;oud;ja\nr4;oud\n'), m(M)))).toEqual([
      { bestand: 'a.csv', regel: 3, reden: 'leeftijd "middel" staat niet in m.csv; daar staan voor leeftijd: jong, oud.' },
      { bestand: 'a.csv', regel: 4, reden: 'Respondent r3 heeft geen waarde voor leeftijd.' },
      { bestand: 'a.csv', regel: 5, reden: 'Respondent r1 staat ook op regel 2.' },
      { bestand: 'a.csv', regel: 6, reden: 'Deze regel heeft 2 velden, de kop heeft er 3. Staat er een puntkomma in een waarde? Zet die waarde dan tussen aanhalingstekens (").' },
    ]);
  });

  it('a margin category with no respondents: the line in the margins', () => {
    expect(fouten(() => weegBestanden(a('respondent,leeftijd\nr1,jong\n'), m(M)))).toEqual([
      {
        bestand: 'm.csv',
        regel: 3,
        reden: 'Geen enkele respondent in a.csv heeft leeftijd oud, dus kan daar niet naar gewogen worden. Voeg die categorie samen met een andere, in de marges en in de antwoorden.',
      },
    ]);
  });

  it('a characteristic missing from the answers', () => {
    expect(fouten(() => weegBestanden(a('respondent,v1\nr1,ja\n'), m(`${M}geslacht,M,0.5\ngeslacht,V,0.5\n`)))).toEqual([
      { bestand: 'a.csv', regel: 1, reden: 'De kop mist de kenmerken leeftijd, geslacht uit m.csv: geef elke respondent een waarde voor elk kenmerk van de marges.' },
    ]);
  });

  it('margins that do not sum to 1 (beyond 0.001), bad shares, a repeated category, a bad header', () => {
    expect(fouten(() => weegBestanden(a('respondent,leeftijd\nr1,jong\n'), m('kenmerk,categorie,aandeel\nleeftijd,jong,0.4\nleeftijd,oud,0.5\nwijk,a,1,2\nwijk,b,veel\nwijk,c,0\nwijk,d,\nleeftijd,jong,0.1\n')))).toEqual([
      { bestand: 'm.csv', regel: 4, reden: 'Deze regel heeft 4 velden, de kop heeft er 3. Staat er een komma in een waarde? Zet die waarde dan tussen aanhalingstekens (").' },
      { bestand: 'm.csv', regel: 5, reden: 'aandeel "veel" is geen getal tussen 0 en 1 (bijvoorbeeld 0.275).' },
      { bestand: 'm.csv', regel: 6, reden: 'aandeel is 0: laat een categorie zonder inwoners weg.' },
      { bestand: 'm.csv', regel: 7, reden: 'aandeel is leeg; geef het aandeel in de bevolking als getal tussen 0 en 1, bijvoorbeeld 0.275.' },
      { bestand: 'm.csv', regel: 8, reden: 'leeftijd jong staat ook op regel 2.' },
      { bestand: 'm.csv', regel: 3, reden: 'De aandelen van leeftijd tellen op tot 0.9; dat moet 1 zijn (op 0.001 na).' },
    ]);
    expect(fouten(() => weegBestanden(a('respondent\nr1\n'), m('naam,deel\nx,1\n')))).toEqual([
      { bestand: 'm.csv', regel: 1, reden: 'De kop mist de kolommen kenmerk, categorie, aandeel. De kop moet zijn: kenmerk,categorie,aandeel.' },
    ]);
    // Within 0.001 the shares are scaled to sum to 1.
    const w = weegBestanden(a('respondent,leeftijd\nr1,jong\nr2,oud\n'), m('kenmerk,categorie,aandeel\nleeftijd,jong,0.3335\nleeftijd,oud,0.6670\n'));
    bijna(w.kenmerken[0]?.categorieen[0]?.marge as number, 0.3335 / 1.0005, 1e-12);
  });

  it('no respondents, no respondent column', () => {
    expect(fouten(() => weegBestanden(a('respondent,leeftijd\n'), m(M)))).toEqual([
      { bestand: 'a.csv', regel: 1, reden: 'Er staan geen respondenten in het bestand: na de kop hoort per respondent een regel.' },
    ]);
    expect(fouten(() => weegBestanden(a('nummer,leeftijd\n1,jong\n'), m(M)))[0]?.reden).toBe('De kop mist de kolom respondent.');
  });
});

// Property tests: random samples (every category used) and random margins.
const steekproef = fc
  .array(fc.integer({ min: 2, max: 4 }), { minLength: 1, maxLength: 3 })
  .chain((aantallen) =>
    fc.record({
      aantallen: fc.constant(aantallen),
      marges: fc.tuple(...aantallen.map((c) => fc.array(fc.integer({ min: 1, max: 20 }), { minLength: c, maxLength: c }))),
      extra: fc.array(fc.tuple(...aantallen.map((c) => fc.integer({ min: 0, max: c - 1 }))), { minLength: 0, maxLength: 60 }),
    }),
  )
  .map(({ aantallen, marges: ruw, extra }) => {
    // Every category at least once (respondent c has category c mod C of each characteristic), then the random rest.
    const basis = Array.from({ length: Math.max(...aantallen) }, (_, i) => aantallen.map((c) => i % c));
    const rijen = [...basis, ...extra];
    const kenmerken: Kenmerk[] = aantallen.map((c, k) => {
      const gewichten = ruw[k] as number[];
      const som = gewichten.reduce((s, x) => s + x, 0);
      return { naam: `k${k}`, categorieen: Array.from({ length: c }, (_, i) => `c${i}`), marges: gewichten.map((x) => x / som), codes: rijen.map((r) => r[k] as number) };
    });
    return { n: rijen.length, kenmerken };
  });

/** Weighted shares per category of a characteristic. */
function aandelen(k: Kenmerk, w: ArrayLike<number>): number[] {
  const som = Array.from({ length: k.categorieen.length }, () => 0);
  let totaal = 0;
  for (let i = 0; i < w.length; i++) {
    som[k.codes[i] as number] = (som[k.codes[i] as number] as number) + (w[i] as number);
    totaal += w[i] as number;
  }
  return som.map((s) => s / totaal);
}

describe('properties of raking', () => {
  it('when it converges the margins are reproduced within 1e-6, the weights are positive and their mean is 1', () => {
    fc.assert(
      fc.property(steekproef, ({ n, kenmerken }) => {
        const r = rake(n, kenmerken);
        for (const x of r.gewichten) expect(x).toBeGreaterThan(0);
        bijna(r.gewichten.reduce((s, x) => s + x, 0) / n, 1, 1e-9);
        if (r.geconvergeerd) {
          for (const k of kenmerken) aandelen(k, r.gewichten).forEach((a, c) => bijna(a, k.marges[c] as number, 1e-6));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('one characteristic converges at once and gives the post-stratification weights', () => {
    fc.assert(
      fc.property(steekproef, ({ n, kenmerken }) => {
        const k = kenmerken[0] as Kenmerk;
        const r = rake(n, [k]);
        expect(r.geconvergeerd).toBe(true);
        expect(r.iteraties).toBe(1);
        const telling = Array.from({ length: k.categorieen.length }, () => 0);
        for (let i = 0; i < n; i++) telling[k.codes[i] as number] = (telling[k.codes[i] as number] as number) + 1;
        for (let i = 0; i < n; i++) {
          const c = k.codes[i] as number;
          bijna(r.gewichten[i] as number, (k.marges[c] as number) / ((telling[c] as number) / n), 1e-9);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('the order of the characteristics does not change the result', () => {
    fc.assert(
      fc.property(steekproef, ({ n, kenmerken }) => {
        const heen = rake(n, kenmerken, { tolerantie: 1e-12, maxIteraties: 1000 });
        const terug = rake(n, kenmerken.toReversed(), { tolerantie: 1e-12, maxIteraties: 1000 });
        if (!heen.geconvergeerd || !terug.geconvergeerd) return;
        heen.gewichten.forEach((x, i) => bijna(x, terug.gewichten[i] as number, 1e-6));
      }),
      { numRuns: 200 },
    );
  });

  it('the worked fixture gives the same weights with the characteristics in the other order', () => {
    const omgekeerd: Bestand = { naam: 'm.csv', tekst: 'kenmerk,categorie,aandeel\ngeslacht,M,0.49\ngeslacht,V,0.51\nleeftijd,18-34,0.275\nleeftijd,35-64,0.475\nleeftijd,65+,0.25\n' };
    const heen = wegingAlsJson(weegBestanden(panel, marges));
    const terug = wegingAlsJson(weegBestanden(panel, omgekeerd));
    heen.gewichten.forEach((g, i) => bijna(g.gewicht, terug.gewichten[i]?.gewicht as number, 1e-5));
  });

  it('trimming keeps every weight under the cap whenever it converges', () => {
    fc.assert(
      fc.property(steekproef, fc.double({ min: 1.2, max: 4, noNaN: true }), ({ n, kenmerken }, cap) => {
        const r = rake(n, kenmerken, { maxGewicht: cap });
        for (const x of r.gewichten) expect(x).toBeGreaterThan(0);
        if (r.geconvergeerd) {
          for (const x of r.gewichten) expect(x).toBeLessThanOrEqual(cap * (1 + 1e-9));
          for (const k of kenmerken) aandelen(k, r.gewichten).forEach((a, c) => bijna(a, k.marges[c] as number, 1e-6));
        }
      }),
      { numRuns: 100 },
    );
  });
});
