import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dagenTussen, plusDagen, vrijeDag } from '../termijnen/kalender.ts';
import { bezwaarTermijnen, klachtTermijnen, OngeldigeVerdaging, type BezwaarInvoer } from './bezwaar.termijnen.ts';
import { berekenDwangsom, dwangsomBedrag } from './dwangsom.ts';

// The Awb terms on a table of cases worked out by hand from the articles (6:7–6:11, 7:10, 9:8,
// 9:11, 4:17, 4:18) and the Algemene termijnenwet. Holidays used: 2025-12-26 Tweede Kerstdag,
// 2026-04-27 Koningsdag, 2026-05-25 Tweede Pinksterdag, 2026-12-26 Tweede Kerstdag (a Saturday).

describe('bezwaartermijn and timeliness (6:7–6:11)', () => {
  const gewoon = { bekendmaking: '2026-03-02' } as const; // a Monday; 6 weeks later: Monday 2026-04-13

  it.each<[string, BezwaarInvoer, { einde: string; tijdig: boolean; premature: boolean; laat: boolean; perPost: boolean }]>([
    ['in time, mid-term', { ...gewoon, ontvangen: '2026-03-20' }, { einde: '2026-04-13', tijdig: true, premature: false, laat: false, perPost: false }],
    ['in time on the last day', { ...gewoon, ontvangen: '2026-04-13' }, { einde: '2026-04-13', tijdig: true, premature: false, laat: false, perPost: false }],
    ['late the day after', { ...gewoon, ontvangen: '2026-04-14' }, { einde: '2026-04-13', tijdig: false, premature: false, laat: true, perPost: false }],
    ['premature: before bekendmaking (6:10)', { ...gewoon, ontvangen: '2026-02-27' }, { einde: '2026-04-13', tijdig: true, premature: true, laat: false, perPost: false }],
    ['premature: on the day of bekendmaking, the term begins the day after', { ...gewoon, ontvangen: '2026-03-02' }, { einde: '2026-04-13', tijdig: true, premature: true, laat: false, perPost: false }],
    // 6 weeks after 2025-11-14 is Friday 2025-12-26 (Tweede Kerstdag), then a weekend: Monday 29 December.
    ['term ending on a public holiday, received on the extended last day', { bekendmaking: '2025-11-14', ontvangen: '2025-12-29' }, { einde: '2025-12-29', tijdig: true, premature: false, laat: false, perPost: false }],
    ['term ending on a public holiday, received after the extended end', { bekendmaking: '2025-11-14', ontvangen: '2025-12-30' }, { einde: '2025-12-29', tijdig: false, premature: false, laat: true, perPost: false }],
    // 6:9 lid 2: posted by the last day, received within a week after it.
    ['by post: posted on the last day, received two days later', { ...gewoon, ontvangen: '2026-04-15', verzonden: '2026-04-13' }, { einde: '2026-04-13', tijdig: true, premature: false, laat: false, perPost: true }],
    ['by post: received on the last day of the week after', { ...gewoon, ontvangen: '2026-04-20', verzonden: '2026-04-10' }, { einde: '2026-04-13', tijdig: true, premature: false, laat: false, perPost: true }],
    ['by post: received more than a week after', { ...gewoon, ontvangen: '2026-04-21', verzonden: '2026-04-10' }, { einde: '2026-04-13', tijdig: false, premature: false, laat: true, perPost: false }],
    ['by post: posted after the term', { ...gewoon, ontvangen: '2026-04-15', verzonden: '2026-04-14' }, { einde: '2026-04-13', tijdig: false, premature: false, laat: true, perPost: false }],
    // Term ends Monday 2026-04-20; the week after ends on Koningsdag 2026-04-27, so on Tuesday the 28th.
    ['by post: the week after ends on Koningsdag', { bekendmaking: '2026-03-09', ontvangen: '2026-04-28', verzonden: '2026-04-20' }, { einde: '2026-04-20', tijdig: true, premature: false, laat: false, perPost: true }],
    ['a postmark does not matter when received in time', { ...gewoon, ontvangen: '2026-04-01', verzonden: '2026-03-31' }, { einde: '2026-04-13', tijdig: true, premature: false, laat: false, perPost: false }],
  ])('%s', (_naam, invoer, verwacht) => {
    const t = bezwaarTermijnen(invoer);
    expect({ einde: t.bezwaartermijnEinde, tijdig: t.tijdig, premature: t.premature, laat: t.laat, perPost: t.tijdigPerPost }).toEqual(verwacht);
  });

  it('explains the bezwaartermijn with the days the end moved past', () => {
    const t = bezwaarTermijnen({ bekendmaking: '2025-11-14', ontvangen: '2025-12-29' });
    const stap = t.uitleg.find((s) => s.termijn === 'bezwaartermijn');
    expect(stap).toMatchObject({ artikel: 'Awb 6:7 en 6:8', na: '2025-11-14', duur: 'P6W', einddatum: '2025-12-29', kalendereinde: '2025-12-26' });
    expect(stap?.verschoven.map((d) => `${d.datum} ${d.reden}`)).toEqual(['2025-12-26 feestdag', '2025-12-27 zaterdag', '2025-12-28 zondag']);
    expect(stap?.tekst).toContain('Tweede Kerstdag');
    const post = bezwaarTermijnen({ bekendmaking: '2026-03-09', ontvangen: '2026-04-28', verzonden: '2026-04-20' }).uitleg.find((s) => s.termijn === 'posttermijn');
    expect(post).toMatchObject({ artikel: 'Awb 6:9 lid 2', na: '2026-04-20', einddatum: '2026-04-28', kalendereinde: '2026-04-27' });
  });
});

describe('beslistermijn (7:10)', () => {
  const basis = { bekendmaking: '2026-03-02', ontvangen: '2026-03-20' } as const; // bezwaartermijn ends 2026-04-13

  it.each<[string, BezwaarInvoer, { start: string; einde: string; oorspronkelijk: string; geschorst: number }]>([
    // 13 April + 6 weeks = Tweede Pinksterdag 25 May: the next day.
    ['6 weeks from the day after the bezwaartermijn, not from receipt', basis, { start: '2026-04-14', einde: '2026-05-26', oorspronkelijk: '2026-05-26', geschorst: 0 }],
    ['12 weeks with an announced adviescommissie', { ...basis, commissie: true }, { start: '2026-04-14', einde: '2026-07-06', oorspronkelijk: '2026-07-06', geschorst: 0 }],
    // The verdaging is added to the term (25 May + 6 weeks); the Atw applies to the end that remains.
    ['verdaagd by 6 weeks', { ...basis, verdagingWeken: 6 }, { start: '2026-04-14', einde: '2026-07-06', oorspronkelijk: '2026-05-26', geschorst: 0 }],
    ['commissie and verdaagd', { ...basis, commissie: true, verdagingWeken: 6 }, { start: '2026-04-14', einde: '2026-08-17', oorspronkelijk: '2026-07-06', geschorst: 0 }],
    ['verdaagd and 2 weeks more with consent (lid 4)', { ...basis, verdagingWeken: 6, uitstelWeken: 2 }, { start: '2026-04-14', einde: '2026-07-20', oorspronkelijk: '2026-05-26', geschorst: 0 }],
    ['a premature bezwaar: the same term', { ...basis, ontvangen: '2026-02-27' }, { start: '2026-04-14', einde: '2026-05-26', oorspronkelijk: '2026-05-26', geschorst: 0 }],
    ['by post in time: still from the end of the bezwaartermijn', { ...basis, ontvangen: '2026-04-15', verzonden: '2026-04-13' }, { start: '2026-04-14', einde: '2026-05-26', oorspronkelijk: '2026-05-26', geschorst: 0 }],
    // A late bezwaar received 20 April: from the day after receipt, 6 weeks: Monday 1 June.
    ['late: from the day after receipt', { ...basis, ontvangen: '2026-04-20' }, { start: '2026-04-21', einde: '2026-06-01', oorspronkelijk: '2026-06-01', geschorst: 0 }],
    // Bezwaartermijn ended on the Atw day 2025-12-29 (calendar end 26 December): 6 weeks from the 29th.
    ['after a bezwaartermijn that ended on a public holiday: from the extended end', { bekendmaking: '2025-11-14', ontvangen: '2025-12-01' }, { start: '2025-12-30', einde: '2026-02-09', oorspronkelijk: '2026-02-09', geschorst: 0 }],
    // Herstel asked 20 April, repaired 4 May: suspended 21 April up to 4 May, 13 days; 25 May + 13 = Sunday 7 June.
    ['herstel-verzuim during the beslistermijn suspends it (7:10 lid 2)', { ...basis, herstel: [{ verzocht: '2026-04-20', hersteld: '2026-05-04' }] }, { start: '2026-04-14', einde: '2026-06-08', oorspronkelijk: '2026-05-26', geschorst: 13 }],
    ['herstel within the bezwaartermijn does not move the beslistermijn', { ...basis, herstel: [{ verzocht: '2026-03-20', hersteld: '2026-04-03' }] }, { start: '2026-04-14', einde: '2026-05-26', oorspronkelijk: '2026-05-26', geschorst: 0 }],
    // Asked 6 April, repaired 20 April: only 14–19 April fall in the beslistermijn: 6 days; 25 May + 6 = Sunday 31 May.
    ['herstel across the start counts from the start', { ...basis, herstel: [{ verzocht: '2026-04-06', hersteld: '2026-04-20' }] }, { start: '2026-04-14', einde: '2026-06-01', oorspronkelijk: '2026-05-26', geschorst: 6 }],
    // Still open on 30 April: 21–30 April, 10 days; 25 May + 10 = Thursday 4 June.
    ['an open herstel counts up to today', { ...basis, herstel: [{ verzocht: '2026-04-20', hersteld: null }], vandaag: '2026-04-30' }, { start: '2026-04-14', einde: '2026-06-04', oorspronkelijk: '2026-05-26', geschorst: 10 }],
  ])('%s', (_naam, invoer, verwacht) => {
    const t = bezwaarTermijnen(invoer);
    expect({ start: t.beslistermijnStart, einde: t.beslistermijnEinde, oorspronkelijk: t.beslistermijnOorspronkelijk, geschorst: t.opgeschorteDagen }).toEqual(verwacht);
  });

  it('explains the beslistermijn: article, start, the holiday skipped, the verdaging and the suspension', () => {
    const gewoon = bezwaarTermijnen(basis).uitleg.find((s) => s.termijn === 'beslistermijn');
    expect(gewoon).toMatchObject({ artikel: 'Awb 7:10', na: '2026-04-13', duur: 'P6W', einddatum: '2026-05-26', kalendereinde: '2026-05-25' });
    expect(gewoon?.verschoven).toEqual([{ datum: '2026-05-25', reden: 'feestdag', naam: 'Tweede Pinksterdag' }]);
    expect(gewoon?.tekst).toMatch(/vanaf de dag na het einde van de bezwaartermijn \(2026-04-13\).*Tweede Pinksterdag/);
    const lang = bezwaarTermijnen({ ...basis, commissie: true, verdagingWeken: 6, herstel: [{ verzocht: '2026-04-20', hersteld: '2026-05-04' }] }).uitleg.find((s) => s.termijn === 'beslistermijn');
    expect(lang?.duur).toBe('P18W');
    expect(lang?.tekst).toContain('adviescommissie (7:13)');
    expect(lang?.tekst).toContain('Verdaagd met 6 weken (7:10 lid 3');
    expect(lang?.tekst).toContain('Opgeschort voor herstel van een verzuim (6:6, 7:10 lid 2): 13 dagen');
    expect(bezwaarTermijnen({ ...basis, ontvangen: '2026-04-20' }).uitleg.find((s) => s.termijn === 'beslistermijn')?.tekst).toContain('te late bezwaarschrift (2026-04-20)');
  });

  it('refuses a verdaging beyond the law and a herstel before its request', () => {
    expect(() => bezwaarTermijnen({ ...basis, verdagingWeken: 7 })).toThrow(OngeldigeVerdaging);
    expect(() => bezwaarTermijnen({ ...basis, verdagingWeken: 7 })).toThrow(/hoogstens 6 weken \(Awb 7:10 lid 3\)/);
    expect(() => bezwaarTermijnen({ ...basis, verdagingWeken: 1.5 })).toThrow(OngeldigeVerdaging);
    expect(() => bezwaarTermijnen({ ...basis, uitstelWeken: -1 })).toThrow(OngeldigeVerdaging);
    expect(() => bezwaarTermijnen({ ...basis, uitstelWeken: 1e9 })).toThrow(/hoogstens 104 weken/);
    expect(() => bezwaarTermijnen({ ...basis, herstel: [{ verzocht: '2026-04-20', hersteld: '2026-04-19' }] })).toThrow(/vóór het verzoek/);
    expect(() => bezwaarTermijnen({ ...basis, bekendmaking: '2026-02-30' })).toThrow(/bestaat niet/);
  });
});

describe('klachten (9:8, 9:11)', () => {
  it.each<[string, Parameters<typeof klachtTermijnen>[0], { melden: string; einde: string; oorspronkelijk: string }]>([
    ['6 weeks from receipt; 9:8 notice within 4 weeks', { ontvangen: '2026-03-02' }, { melden: '2026-03-30', einde: '2026-04-13', oorspronkelijk: '2026-04-13' }],
    ['10 weeks with a klachtadviescommissie', { ontvangen: '2026-03-02', commissie: true }, { melden: '2026-03-30', einde: '2026-05-11', oorspronkelijk: '2026-05-11' }],
    ['verdaagd by 4 weeks', { ontvangen: '2026-03-02', verdagingWeken: 4 }, { melden: '2026-03-30', einde: '2026-05-11', oorspronkelijk: '2026-04-13' }],
    ['verdaagd and 1 week more with consent', { ontvangen: '2026-03-02', verdagingWeken: 4, uitstelWeken: 1 }, { melden: '2026-03-30', einde: '2026-05-18', oorspronkelijk: '2026-04-13' }],
    // 13 April + 6 weeks = Tweede Pinksterdag; 13 April + 4 weeks = Monday 11 May.
    ['ending on Tweede Pinksterdag', { ontvangen: '2026-04-13' }, { melden: '2026-05-11', einde: '2026-05-26', oorspronkelijk: '2026-05-26' }],
    // 4 weeks after Monday 30 March is Koningsdag, 27 April.
    ['9:8 notice ending on Koningsdag', { ontvangen: '2026-03-30' }, { melden: '2026-04-28', einde: '2026-05-11', oorspronkelijk: '2026-05-11' }],
  ])('%s', (_naam, invoer, verwacht) => {
    const t = klachtTermijnen(invoer);
    expect({ melden: t.nietBehandelenMeldenUiterlijk, einde: t.afhandeltermijnEinde, oorspronkelijk: t.afhandeltermijnOorspronkelijk }).toEqual(verwacht);
    expect(t.uitleg.map((s) => s.artikel)).toEqual(['Awb 9:8 lid 2', 'Awb 9:11']);
  });

  it('refuses a verdaging of more than 4 weeks (9:11 lid 2)', () => {
    expect(() => klachtTermijnen({ ontvangen: '2026-03-02', verdagingWeken: 5 })).toThrow(/hoogstens 4 weken \(Awb 9:11 lid 2\)/);
  });
});

describe('dwangsom bij niet tijdig beslissen (4:17, 4:18)', () => {
  // Beslistermijn ended Tuesday 2026-05-26; ingebrekestelling received Monday 1 June: two weeks up
  // to and including 15 June, the dwangsom from 16 June, at most up to and including 27 July.
  const basis = { termijnEinde: '2026-05-26', ingebrekestelling: '2026-06-01' } as const;

  it('sums the rates per day', () => {
    expect([0, 1, 14, 15, 28, 29, 42, 50].map(dwangsomBedrag)).toEqual([0, 23, 322, 357, 812, 857, 1442, 1442]);
  });

  it.each<[string, { beslist?: string; vandaag: string }, { dagen: number; bedrag: number; lopend: boolean; max: boolean; totStart: number | null; vaststellen: string | null }]>([
    ['decided within the two weeks: nothing', { beslist: '2026-06-15', vandaag: '2026-06-20' }, { dagen: 0, bedrag: 0, lopend: false, max: false, totStart: null, vaststellen: null }],
    ['decided on the first day: nothing', { beslist: '2026-06-16', vandaag: '2026-06-20' }, { dagen: 0, bedrag: 0, lopend: false, max: false, totStart: null, vaststellen: null }],
    ['not yet started: days to go for a warning', { vandaag: '2026-06-10' }, { dagen: 0, bedrag: 0, lopend: false, max: false, totStart: 6, vaststellen: null }],
    ['first day, no decision: running', { vandaag: '2026-06-16' }, { dagen: 1, bedrag: 23, lopend: true, max: false, totStart: null, vaststellen: null }],
    // Decided 20 June: 16–19 June, 4 days; last day owed Friday 19 June + 2 weeks = 3 July (4:18).
    ['decided after 4 days', { beslist: '2026-06-20', vandaag: '2026-09-01' }, { dagen: 4, bedrag: 92, lopend: false, max: false, totStart: null, vaststellen: '2026-07-03' }],
    ['20 days: 14 × € 23 + 6 × € 35', { beslist: '2026-07-06', vandaag: '2026-09-01' }, { dagen: 20, bedrag: 532, lopend: false, max: false, totStart: null, vaststellen: '2026-07-20' }],
    ['30 days: 322 + 490 + 2 × € 45', { beslist: '2026-07-16', vandaag: '2026-09-01' }, { dagen: 30, bedrag: 902, lopend: false, max: false, totStart: null, vaststellen: '2026-07-29' }],
    // 42 days up to and including Monday 27 July; fixed by 10 August.
    ['no decision after 42 days: the maximum', { vandaag: '2026-09-01' }, { dagen: 42, bedrag: 1442, lopend: false, max: true, totStart: null, vaststellen: '2026-08-10' }],
    ['decided on the 43rd day: the maximum', { beslist: '2026-07-28', vandaag: '2026-09-01' }, { dagen: 42, bedrag: 1442, lopend: false, max: true, totStart: null, vaststellen: '2026-08-10' }],
  ])('%s', (_naam, extra, verwacht) => {
    const d = berekenDwangsom({ ...basis, ...extra });
    expect(d).toMatchObject({ wachttermijnEinde: '2026-06-15', eersteDag: '2026-06-16', laatsteDag: '2026-07-27', ingebrekestellingVoorbarig: false });
    expect({ dagen: d.dagen, bedrag: d.bedrag, lopend: d.lopend, max: d.maximumBereikt, totStart: d.dagenTotStart, vaststellen: d.vaststellenUiterlijk }).toEqual(verwacht);
  });

  it('counts the two weeks from the end of the term when the ingebrekestelling came before it', () => {
    const d = berekenDwangsom({ termijnEinde: '2026-05-26', ingebrekestelling: '2026-05-20', vandaag: '2026-06-01' });
    expect(d).toMatchObject({ ingebrekestellingVoorbarig: true, wachttermijnEinde: '2026-06-09', eersteDag: '2026-06-10' });
    expect(d.uitleg[0]?.tekst).toContain('beoordeelt de behandelaar');
    // On the last day of the term the term has not yet expired either.
    expect(berekenDwangsom({ termijnEinde: '2026-05-26', ingebrekestelling: '2026-05-26', vandaag: '2026-06-01' }).ingebrekestellingVoorbarig).toBe(true);
  });

  it('applies the Algemene termijnenwet to the two weeks, not to the 42 days', () => {
    // Received Saturday 12 December 2026: two weeks end on Saturday 26 December (Tweede Kerstdag): Monday the 28th.
    const d = berekenDwangsom({ termijnEinde: '2026-12-01', ingebrekestelling: '2026-12-12', vandaag: '2027-03-01' });
    expect(d).toMatchObject({ wachttermijnEinde: '2026-12-28', eersteDag: '2026-12-29', laatsteDag: '2027-02-08', dagen: 42, bedrag: 1442 });
    expect(d.uitleg.map((s) => s.artikel)).toEqual(['Awb 4:17 lid 3', 'Awb 4:17 lid 1 en 2', 'Awb 4:18']);
    expect(d.uitleg[0]?.verschoven.map((v) => v.datum)).toEqual(['2026-12-26', '2026-12-27']);
  });
});

describe('properties over many dates (fast-check)', () => {
  const dag = fc.integer({ min: 0, max: 365 * 30 }).map((n) => plusDagen('2000-01-01', n));
  const weken = fc.integer({ min: 0, max: 6 });

  it('every end is a working day; the beslistermijn never starts before the bezwaartermijn ends; later receipt is never more in time', () => {
    fc.assert(
      fc.property(dag, fc.integer({ min: -20, max: 80 }), fc.boolean(), weken, (bekendmaking, na, commissie, verdaging) => {
        const ontvangen = plusDagen(bekendmaking, na);
        const t = bezwaarTermijnen({ bekendmaking, ontvangen, commissie, verdagingWeken: verdaging });
        expect(vrijeDag(t.bezwaartermijnEinde)).toBeNull();
        expect(vrijeDag(t.beslistermijnEinde)).toBeNull();
        expect(t.beslistermijnStart > t.bezwaartermijnEinde).toBe(true);
        expect(dagenTussen(t.bezwaartermijnEinde, t.beslistermijnEinde)).toBeGreaterThanOrEqual((commissie ? 84 : 42) + verdaging * 7);
        expect(t.tijdig).toBe(!t.laat);
        if (t.laat) expect(bezwaarTermijnen({ bekendmaking, ontvangen: plusDagen(ontvangen, 1) }).laat).toBe(true);
        expect(t.premature).toBe(na <= 0);
      }),
      { numRuns: 500 },
    );
  });

  it('the dwangsom grows by € 23, € 35 or € 45 a day and stops at 42 days and € 1,442', () => {
    fc.assert(
      fc.property(dag, fc.integer({ min: -10, max: 30 }), fc.integer({ min: 0, max: 80 }), (termijnEinde, na, beslistNa) => {
        const ingebrekestelling = plusDagen(termijnEinde, na);
        const beslist = plusDagen(ingebrekestelling, beslistNa);
        const d = berekenDwangsom({ termijnEinde, ingebrekestelling, beslist, vandaag: beslist });
        const morgen = berekenDwangsom({ termijnEinde, ingebrekestelling, beslist: plusDagen(beslist, 1), vandaag: plusDagen(beslist, 1) });
        expect([0, 23, 35, 45]).toContain(morgen.bedrag - d.bedrag);
        expect(d.bedrag).toBeLessThanOrEqual(1442);
        expect(d.dagen).toBeLessThanOrEqual(42);
        expect(d.eersteDag > ingebrekestelling && d.eersteDag > termijnEinde).toBe(true);
        expect(dagenTussen(d.ingebrekestellingVoorbarig ? termijnEinde : ingebrekestelling, d.eersteDag)).toBeGreaterThanOrEqual(15);
      }),
      { numRuns: 500 },
    );
  });
});
