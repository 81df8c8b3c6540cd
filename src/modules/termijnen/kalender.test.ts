import { describe, expect, it } from 'vitest';
import { berekenTermijn, feestdagen, kalenderdag, leesDatum, leesDuur, paaszondag, plusDagen, plusMaanden, schrijfDuur, vrijeDag, werkdagenTussen } from './kalender.ts';

const termijn = (start: string, duur: string, sluitingsdagen?: Map<string, string>) => berekenTermijn(start, leesDuur(duur), sluitingsdagen).einddatum;

describe('feestdagen', () => {
  it('computes Easter for known years', () => {
    expect(paaszondag(2024)).toBe('2024-03-31');
    expect(paaszondag(2025)).toBe('2025-04-20');
    expect(paaszondag(2026)).toBe('2026-04-05');
    expect(paaszondag(2027)).toBe('2027-03-28');
    expect(paaszondag(2038)).toBe('2038-04-25');
    expect(paaszondag(2285)).toBe('2285-03-22');
  });

  it('lists the Algemene termijnenwet holidays of 2026, without Goede Vrijdag', () => {
    expect([...feestdagen(2026)]).toEqual([
      ['2026-01-01', 'Nieuwjaarsdag'],
      ['2026-04-06', 'Tweede Paasdag'],
      ['2026-04-27', 'Koningsdag'],
      ['2026-05-05', 'Bevrijdingsdag'],
      ['2026-05-14', 'Hemelvaartsdag'],
      ['2026-05-25', 'Tweede Pinksterdag'],
      ['2026-12-25', 'Eerste Kerstdag'],
      ['2026-12-26', 'Tweede Kerstdag'],
    ]);
    expect(vrijeDag('2026-04-03')).toBeNull();
  });

  it('moves Koningsdag to 26 April when 27 April is a Sunday', () => {
    expect(feestdagen(2025).get('2025-04-26')).toBe('Koningsdag');
    expect(feestdagen(2025).has('2025-04-27')).toBe(false);
    expect(feestdagen(2031).get('2031-04-26')).toBe('Koningsdag');
    expect(feestdagen(2030).get('2030-04-27')).toBe('Koningsdag');
  });
});

describe('statutory terms (Algemene termijnenwet)', () => {
  it('holds the examples of the issue', () => {
    expect(termijn('2025-11-14', 'P6W')).toBe('2025-12-29');
    expect(termijn('2027-02-15', 'P6W')).toBe('2027-03-30');
    expect(termijn('2027-04-22', '5wd')).toBe('2027-04-30');
  });

  it('ends on the same weekday n weeks later when that is a working day', () => {
    expect(termijn('2026-03-02', 'P6W')).toBe('2026-04-13');
    const uitkomst = berekenTermijn('2026-03-02', leesDuur('P6W'));
    expect(uitkomst.verschoven).toEqual([]);
    expect(uitkomst.kalendereinde).toBe('2026-04-13');
  });

  it('says every day the end moved past and why', () => {
    const uitkomst = berekenTermijn('2025-11-14', leesDuur('P6W'));
    expect(uitkomst.kalendereinde).toBe('2025-12-26');
    expect(uitkomst.verschoven.map((dag) => [dag.datum, dag.reden, dag.naam])).toEqual([
      ['2025-12-26', 'feestdag', 'Tweede Kerstdag'],
      ['2025-12-27', 'zaterdag', 'zaterdag'],
      ['2025-12-28', 'zondag', 'zondag'],
    ]);
  });

  it('ignores closure days for a statutory term', () => {
    const dicht = new Map([['2025-12-29', 'Tussen kerst en oud en nieuw']]);
    expect(termijn('2025-11-14', 'P6W', dicht)).toBe('2025-12-29');
  });

  it('counts days and months', () => {
    expect(termijn('2026-01-05', 'P10D')).toBe('2026-01-15');
    expect(termijn('2026-01-31', 'P1M')).toBe('2026-03-02'); // 28 Feb is a Saturday
    expect(plusMaanden('2024-01-31', 1)).toBe('2024-02-29');
    expect(plusMaanden('2026-11-30', 3)).toBe('2027-02-28');
    expect(termijn('2026-03-14', 'P2M')).toBe('2026-05-15'); // 14 May is Hemelvaartsdag
  });

  it('keeps at least two working days in a term of three days or more (art. 2)', () => {
    // Wed 23 Dec 2026 + 3 days = Sat 26 Dec (2e Kerstdag) → Mon 28 Dec; only 24 Dec and 28 Dec count: two.
    expect(termijn('2026-12-23', 'P3D')).toBe('2026-12-28');
    // Thu 24 Dec 2026 + 3 days = Sun 27 Dec → Mon 28 Dec has one working day; art. 2 adds Tue 29 Dec.
    expect(termijn('2026-12-24', 'P3D')).toBe('2026-12-29');
    // A term of two days is not covered by art. 2.
    expect(termijn('2026-12-24', 'P2D')).toBe('2026-12-28');
  });
});

describe('werkdagen', () => {
  it('skips weekends, holidays and closure days', () => {
    expect(termijn('2026-11-20', '5wd')).toBe('2026-11-27');
    expect(termijn('2026-12-23', '3wd')).toBe('2026-12-29');
    const dicht = new Map([['2026-12-28', 'Collectieve vrije dag']]);
    expect(termijn('2026-12-23', '3wd', dicht)).toBe('2026-12-30');
    const uitkomst = berekenTermijn('2026-12-23', leesDuur('3wd'), dicht);
    expect(uitkomst.verschoven.map((dag) => dag.reden)).toEqual(['feestdag', 'feestdag', 'zondag', 'sluitingsdag']);
  });

  it('counts the working days in a period', () => {
    expect(werkdagenTussen('2026-12-21', '2027-01-03')).toBe(8);
  });
});

describe('input', () => {
  it('accepts the duration forms and refuses others', () => {
    for (const tekst of ['P6W', 'P10D', 'P3M', '5wd']) expect(schrijfDuur(leesDuur(tekst))).toBe(tekst);
    for (const tekst of ['6W', 'P0W', 'P6Y', '5 wd', 'p6w', 'P-1D', '', 'P99999D']) expect(() => leesDuur(tekst)).toThrow();
  });

  it('refuses dates that do not exist', () => {
    expect(leesDatum('2028-02-29')).toBe('2028-02-29');
    for (const tekst of ['2027-02-29', '2026-13-01', '2026-1-5', '26-01-05', '2026-01-05T00:00']) expect(() => leesDatum(tekst)).toThrow();
  });

  it('gives the Amsterdam calendar day of an instant, across midnight and both clock changes, in any order', () => {
    const gevallen: [string, string][] = [
      ['2026-10-24T21:59:59.999Z', '2026-10-24'], // 23:59 summer time
      ['2026-10-24T22:00:00.000Z', '2026-10-25'], // 00:00 summer time
      ['2026-10-25T00:59:59.999Z', '2026-10-25'], // 02:59 summer time, the last hour before the clock goes back
      ['2026-10-25T22:59:59.999Z', '2026-10-25'], // 23:59 winter time
      ['2026-10-25T23:00:00.000Z', '2026-10-26'],
      ['2026-03-28T23:00:00.000Z', '2026-03-29'], // 00:00 winter time, the night the clock goes forward
      ['2026-03-29T21:59:59.999Z', '2026-03-29'], // 23:59 summer time
      ['2026-12-31T22:59:59.999Z', '2026-12-31'],
      ['2026-12-31T23:00:00.000Z', '2027-01-01'],
    ];
    for (const [moment, dag] of [...gevallen, ...gevallen.toReversed()]) {
      expect(kalenderdag(moment)).toBe(dag);
      expect(kalenderdag(new Date(moment))).toBe(dag);
    }
    expect(() => kalenderdag('geen moment')).toThrow(RangeError);
  });

  it('adds days over month, year and leap-day ends, and refuses an impossible date', () => {
    expect(plusDagen('2028-02-28', 1)).toBe('2028-02-29');
    expect(plusDagen('2027-02-28', 1)).toBe('2027-03-01');
    expect(plusDagen('2026-12-31', 1)).toBe('2027-01-01');
    expect(plusDagen('2027-01-01', -1)).toBe('2026-12-31');
    expect(plusDagen('2026-01-09', 0)).toBe('2026-01-09');
    expect(() => plusDagen('2026-xx-01', 1)).toThrow(RangeError);
  });
});
