import { describe, expect, it } from 'vitest';
import { berekenTermijn, feestdagen, kalenderdag, leesDuur, paaszondag, vrijeDag, werkdagenTussen } from './kalender.ts';

// The calendar across many years, every rule of the Algemene termijnenwet (Atw) and the
// werkdagen of a gemeente with closure days.

const einde = (start: string, duur: string, sluitingsdagen?: Map<string, string>) => berekenTermijn(start, leesDuur(duur), sluitingsdagen).einddatum;
const redenen = (start: string, duur: string, sluitingsdagen?: Map<string, string>) =>
  berekenTermijn(start, leesDuur(duur), sluitingsdagen).verschoven.map((d) => `${d.datum} ${d.reden} ${d.naam}`);

const weekdag = (datum: string) => new Date(`${datum}T00:00:00Z`).getUTCDay();

/** Easter Sunday by a second, independent method (Oudin 1940, as in Tøndering's Calendar FAQ). */
function pasenOudin(jaar: number): string {
  const g = jaar % 19;
  const c = Math.floor(jaar / 100);
  const h = (c - Math.floor(c / 4) - Math.floor((8 * c + 13) / 25) + 19 * g + 15) % 30;
  const i = h - Math.floor(h / 28) * (1 - Math.floor(29 / (h + 1)) * Math.floor((21 - g) / 11));
  const j = (jaar + Math.floor(jaar / 4) + i + 2 - c + Math.floor(c / 4)) % 7;
  const l = i - j;
  const maand = 3 + Math.floor((l + 40) / 44);
  const dag = l + 28 - 31 * Math.floor(maand / 4);
  return `${jaar}-${String(maand).padStart(2, '0')}-${String(dag).padStart(2, '0')}`;
}

// Easter Sunday 2000–2050 (Western churches), typed in from published tables.
const PASEN = `
2000-04-23 2001-04-15 2002-03-31 2003-04-20 2004-04-11 2005-03-27 2006-04-16 2007-04-08 2008-03-23 2009-04-12
2010-04-04 2011-04-24 2012-04-08 2013-03-31 2014-04-20 2015-04-05 2016-03-27 2017-04-16 2018-04-01 2019-04-21
2020-04-12 2021-04-04 2022-04-17 2023-04-09 2024-03-31 2025-04-20 2026-04-05 2027-03-28 2028-04-16 2029-04-01
2030-04-21 2031-04-13 2032-03-28 2033-04-17 2034-04-09 2035-03-25 2036-04-13 2037-04-05 2038-04-25 2039-04-10
2040-04-01 2041-04-21 2042-04-06 2043-03-29 2044-04-17 2045-04-09 2046-03-25 2047-04-14 2048-04-05 2049-04-18
2050-04-10`
  .trim()
  .split(/\s+/);

describe('Easter and the holidays that follow from it', () => {
  it('matches the published Easter dates 2000–2050', () => {
    expect(PASEN).toHaveLength(51);
    for (const [index, datum] of PASEN.entries()) {
      expect(paaszondag(2000 + index), `${2000 + index}`).toBe(datum);
      expect(pasenOudin(2000 + index), `Oudin ${2000 + index}`).toBe(datum);
    }
  });

  it('agrees with an independent algorithm for every year 1900–2999, always a Sunday from 22 March to 25 April', () => {
    for (let jaar = 1900; jaar <= 2999; jaar++) {
      const pasen = paaszondag(jaar);
      expect(pasen, `${jaar}`).toBe(pasenOudin(jaar));
      expect(new Date(`${pasen}T00:00:00Z`).getUTCDay()).toBe(0);
      expect(pasen.slice(5) >= '03-22' && pasen.slice(5) <= '04-25', pasen).toBe(true);
    }
  });

  it('gives eight holidays on the right weekdays in every year 1900–2999, never Goede Vrijdag', () => {
    for (let jaar = 1900; jaar <= 2999; jaar++) {
      const dagen = feestdagen(jaar);
      const pasen = paaszondag(jaar);
      const opNaam = new Map([...dagen].flatMap(([datum, naam]) => naam.split(' en ').map((n) => [n, datum] as const)));
      expect([...opNaam.keys()].toSorted(), `${jaar}`).toEqual(
        ['Bevrijdingsdag', 'Eerste Kerstdag', 'Hemelvaartsdag', 'Koningsdag', 'Nieuwjaarsdag', 'Tweede Kerstdag', 'Tweede Paasdag', 'Tweede Pinksterdag'].toSorted(),
      );
      expect(weekdag(opNaam.get('Tweede Paasdag') ?? '')).toBe(1);
      expect(weekdag(opNaam.get('Tweede Pinksterdag') ?? '')).toBe(1);
      expect(weekdag(opNaam.get('Hemelvaartsdag') ?? '')).toBe(4);
      expect(weekdag(opNaam.get('Koningsdag') ?? '')).not.toBe(0);
      expect(['04-26', '04-27']).toContain(opNaam.get('Koningsdag')?.slice(5));
      const goedeVrijdag = new Date(new Date(`${pasen}T00:00:00Z`).getTime() - 2 * 86_400_000).toISOString().slice(0, 10);
      expect(dagen.has(goedeVrijdag)).toBe(false);
    }
  });

  it('lists the holidays of 2024–2030 as the calendar has them', () => {
    const verwacht: Record<number, string[]> = {
      2024: ['01-01', '04-01', '04-27', '05-05', '05-09', '05-20', '12-25', '12-26'],
      2025: ['01-01', '04-21', '04-26', '05-05', '05-29', '06-09', '12-25', '12-26'],
      2026: ['01-01', '04-06', '04-27', '05-05', '05-14', '05-25', '12-25', '12-26'],
      2027: ['01-01', '03-29', '04-27', '05-05', '05-06', '05-17', '12-25', '12-26'],
      2028: ['01-01', '04-17', '04-27', '05-05', '05-25', '06-05', '12-25', '12-26'],
      2029: ['01-01', '04-02', '04-27', '05-05', '05-10', '05-21', '12-25', '12-26'],
      2030: ['01-01', '04-22', '04-27', '05-05', '05-30', '06-10', '12-25', '12-26'],
    };
    for (const [jaar, dagen] of Object.entries(verwacht)) expect([...feestdagen(Number(jaar)).keys()]).toEqual(dagen.map((d) => `${jaar}-${d}`));
    // A far year: Easter on its earliest possible day (22 March 2285).
    expect([...feestdagen(2285)]).toEqual([
      ['2285-01-01', 'Nieuwjaarsdag'],
      ['2285-03-23', 'Tweede Paasdag'],
      ['2285-04-27', 'Koningsdag'],
      ['2285-04-30', 'Hemelvaartsdag'],
      ['2285-05-05', 'Bevrijdingsdag'],
      ['2285-05-11', 'Tweede Pinksterdag'],
      ['2285-12-25', 'Eerste Kerstdag'],
      ['2285-12-26', 'Tweede Kerstdag'],
    ]);
  });

  it('celebrates Koningsdag on Saturday 26 April when 27 April is a Sunday (2025, 2031, 2036, 2042)', () => {
    for (const jaar of [2025, 2031, 2036, 2042]) {
      expect(feestdagen(jaar).get(`${jaar}-04-26`), `${jaar}`).toBe('Koningsdag');
      expect(feestdagen(jaar).has(`${jaar}-04-27`)).toBe(false);
      expect(vrijeDag(`${jaar}-04-27`)?.reden).toBe('zondag');
    }
    for (const jaar of [2024, 2026, 2030, 2037]) expect(feestdagen(jaar).get(`${jaar}-04-27`), `${jaar}`).toBe('Koningsdag');
  });

  it('names both holidays when Hemelvaartsdag falls on 5 May (2016)', () => {
    expect(feestdagen(2016).get('2016-05-05')).toBe('Bevrijdingsdag en Hemelvaartsdag');
    expect(feestdagen(2016).size).toBe(7);
  });
});

describe('statutory terms ending on each kind of free day (Atw art. 1)', () => {
  it('moves past Nieuwjaarsdag and the weekend after it', () => {
    expect(einde('2026-12-18', 'P2W')).toBe('2027-01-04');
    expect(redenen('2026-12-18', 'P2W')).toEqual(['2027-01-01 feestdag Nieuwjaarsdag', '2027-01-02 zaterdag zaterdag', '2027-01-03 zondag zondag']);
  });

  it('moves past Easter Saturday, Easter Sunday and Tweede Paasdag, but not past Goede Vrijdag', () => {
    expect(redenen('2026-03-28', 'P1W')).toEqual(['2026-04-04 zaterdag zaterdag', '2026-04-05 zondag zondag', '2026-04-06 feestdag Tweede Paasdag']);
    expect(einde('2026-03-28', 'P1W')).toBe('2026-04-07');
    expect(einde('2026-03-27', 'P1W')).toBe('2026-04-03');
    expect(berekenTermijn('2026-03-27', leesDuur('P1W')).verschoven).toEqual([]);
  });

  it('moves past Koningsdag, on 27 April and on Saturday 26 April', () => {
    expect(einde('2027-04-13', 'P2W')).toBe('2027-04-28');
    expect(redenen('2025-04-19', 'P1W')).toEqual(['2025-04-26 feestdag Koningsdag', '2025-04-27 zondag zondag']);
    expect(einde('2025-04-19', 'P1W')).toBe('2025-04-28');
  });

  it('moves past Bevrijdingsdag in every year, chained with Hemelvaartsdag in 2027', () => {
    expect(einde('2026-04-21', 'P2W')).toBe('2026-05-06');
    expect(redenen('2027-04-28', 'P1W')).toEqual(['2027-05-05 feestdag Bevrijdingsdag', '2027-05-06 feestdag Hemelvaartsdag']);
    expect(einde('2027-04-28', 'P1W')).toBe('2027-05-07');
  });

  it('moves past Hemelvaartsdag to the Friday, even when that is a closure day', () => {
    const dicht = new Map([['2026-05-15', 'Vrijdag na Hemelvaartsdag']]);
    expect(einde('2026-04-30', 'P2W', dicht)).toBe('2026-05-15');
  });

  it('moves past Whit Sunday and Tweede Pinksterdag', () => {
    expect(einde('2026-05-11', 'P2W')).toBe('2026-05-26');
    expect(redenen('2026-05-17', 'P1W')).toEqual(['2026-05-24 zondag zondag', '2026-05-25 feestdag Tweede Pinksterdag']);
  });

  it('moves past Christmas and the weekend, however they fall', () => {
    expect(einde('2026-12-18', 'P1W')).toBe('2026-12-28'); // Fri 25, Sat 26, Sun 27
    expect(einde('2027-12-18', 'P1W')).toBe('2027-12-27'); // Sat 25, Sun 26
    expect(einde('2022-12-18', 'P1W')).toBe('2022-12-27'); // Sun 25, Mon 26
    expect(einde('2024-12-18', 'P1W')).toBe('2024-12-27'); // Wed 25, Thu 26
  });

  it('leaves a term that ends on a working day as it is, also in far years', () => {
    const t = berekenTermijn('2026-03-02', leesDuur('P6W'));
    expect([t.einddatum, t.kalendereinde, t.verschoven]).toEqual(['2026-04-13', '2026-04-13', []]);
    expect(einde('2999-12-01', 'P10D')).toBe('2999-12-11');
  });
});

describe('months (Atw art. 1 after counting)', () => {
  it('clamps to the last day of a shorter month', () => {
    expect(einde('2024-01-31', 'P1M')).toBe('2024-02-29'); // leap year, Thursday
    expect(einde('2023-12-31', 'P2M')).toBe('2024-02-29');
    expect(einde('2025-08-31', 'P1M')).toBe('2025-09-30');
    expect(einde('2026-03-31', 'P1M')).toBe('2026-04-30');
    expect(einde('2027-05-31', 'P1M')).toBe('2027-06-30');
    expect(einde('2028-02-29', 'P12M')).toBe('2029-02-28');
  });

  it('then moves past a weekend: 28 February 2027 is a Sunday', () => {
    const t = berekenTermijn('2026-10-31', leesDuur('P4M'));
    expect([t.kalendereinde, t.einddatum]).toEqual(['2027-02-28', '2027-03-01']);
  });

  it('keeps the day of the month when it exists', () => {
    expect(einde('2027-02-28', 'P1M')).toBe('2027-03-30'); // 28 March Sunday, 29 March Tweede Paasdag
    expect(einde('2026-01-15', 'P12M')).toBe('2027-01-15');
  });
});

describe('at least two working days in a term of three days or more (Atw art. 2)', () => {
  it('extends a short term over Easter, but Goede Vrijdag is a working day', () => {
    // Thu 2 Apr 2026 + 3 = Sun 5 Apr → Tue 7 Apr; Goede Vrijdag 3 Apr and 7 Apr are two working days.
    expect(einde('2026-04-02', 'P3D')).toBe('2026-04-07');
    // Fri 3 Apr + 3 = Mon 6 Apr (Tweede Paasdag) → Tue 7 Apr holds one working day; art. 2 gives Wed 8 Apr.
    const t = berekenTermijn('2026-04-03', leesDuur('P3D'));
    expect(t.einddatum).toBe('2026-04-08');
    expect(t.regel).toContain('Verlengd van 2026-04-07 tot 2026-04-08');
  });

  it('extends over New Year', () => {
    expect(einde('2026-12-30', 'P3D')).toBe('2027-01-04'); // 31 Dec and 4 Jan
    expect(einde('2026-12-31', 'P3D')).toBe('2027-01-05'); // only 4 Jan in the term → 5 Jan
  });

  it('does not touch terms shorter than three days, nor terms that already hold two working days', () => {
    expect(einde('2026-12-24', 'P2D')).toBe('2026-12-28');
    expect(einde('2026-12-24', 'P1D')).toBe('2026-12-28');
    expect(berekenTermijn('2026-12-23', leesDuur('P3D')).regel).not.toContain('Verlengd');
  });
});

describe('werkdagen (service norms)', () => {
  it('counts the working days of a year', () => {
    // 2026 has 261 weekdays; 7 holidays fall on one (26 December is a Saturday).
    expect(werkdagenTussen('2026-01-01', '2026-12-31')).toBe(254);
    expect(einde('2025-12-31', '254wd')).toBe('2026-12-31');
    expect(einde('2025-12-31', '255wd')).toBe('2027-01-04');
  });

  it('skips closure days across the year boundary', () => {
    const dicht = new Map([
      ['2026-12-31', 'Oudejaarsdag'],
      ['2027-01-04', 'Studiedag'],
    ]);
    expect(einde('2026-12-30', '3wd')).toBe('2027-01-05');
    expect(einde('2026-12-30', '3wd', dicht)).toBe('2027-01-07');
    expect(redenen('2026-12-30', '3wd', dicht)).toEqual([
      '2026-12-31 sluitingsdag Oudejaarsdag',
      '2027-01-01 feestdag Nieuwjaarsdag',
      '2027-01-02 zaterdag zaterdag',
      '2027-01-03 zondag zondag',
      '2027-01-04 sluitingsdag Studiedag',
    ]);
    expect(werkdagenTussen('2026-12-28', '2027-01-08', dicht)).toBe(7);
  });

  it('gives a closure day on a weekend or holiday the reason of that day', () => {
    const dicht = new Map([
      ['2027-04-24', 'Zaterdag'],
      ['2027-04-27', 'Koningsdag dicht'],
    ]);
    expect(redenen('2027-04-22', '5wd', dicht)).toEqual(['2027-04-24 zaterdag zaterdag', '2027-04-25 zondag zondag', '2027-04-27 feestdag Koningsdag']);
  });

  it('skips Hemelvaartsdag and the closure day after it', () => {
    const dicht = new Map([['2027-05-07', 'Vrijdag na Hemelvaartsdag']]);
    expect(einde('2027-05-04', '2wd')).toBe('2027-05-10'); // 5 and 6 May holidays, Fri 7, weekend, Mon 10
    expect(einde('2027-05-04', '2wd', dicht)).toBe('2027-05-11'); // 7 May closed too
  });
});

describe('kalenderdag', () => {
  it('gives the calendar day in Europe/Amsterdam, in winter and summer time', () => {
    expect(kalenderdag(new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-29');
    expect(kalenderdag(new Date('2026-03-28T22:59:00Z'))).toBe('2026-03-28');
    expect(kalenderdag(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(kalenderdag(new Date('2026-06-30T21:59:00Z'))).toBe('2026-06-30');
    expect(kalenderdag(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
  });
});
